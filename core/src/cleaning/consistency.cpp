// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test
// (tests/cleaning/consistency_test.cpp). Consistency rules of a cleaning run (docs/cleaning.md,
// "Consistency rules").
#include "cleaning/cleaningrun.h"
#include "cleaning/units.h"

#include <QDate>

#include <string_view>

#include <cmath>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

bool sameEvent(const CleanRow &a, const CleanRow &b, std::size_t mSlot, std::size_t modelSlot,
               std::size_t serialSlot)
{
    return a.verificationDay == b.verificationDay && a.passed == b.passed
           && a.text[mSlot] == b.text[mSlot] && a.text[modelSlot] == b.text[modelSlot]
           && a.text[serialSlot] == b.text[serialSlot];
}

void checkDuplicates(RunState &run)
{
    RecordTable &t = run.table;
    const std::size_t mSlot = RecordTable::slot(Field::Manufacturer);
    const std::size_t modelSlot = RecordTable::slot(Field::Model);
    const std::size_t serialSlot = RecordTable::slot(Field::SerialNo);
    const int dupRule = RunState::ruleIndex(rule::DuplicateCertificate);
    // Certificates: the latest record (highest id) of an identical event stays, earlier ones are
    // masked; a certificate that names two different events goes to review.
    // Per distinct certificate: its first row (the key) and its latest row so far.
    StringSlots certificates;
    certificates.reserve(t.rows.size());
    std::vector<std::size_t> first;
    std::vector<std::size_t> latest;
    std::vector<bool> masked(t.rows.size(), false);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const std::string_view cert = t.certificateUtf8(i);
        if (cert.empty())
            continue;
        const auto next = std::uint32_t(first.size());
        const std::uint32_t group = certificates.findOrInsert(
            cert, next, [&](std::uint32_t g) { return t.certificateUtf8(first[g]); });
        if (group == next) {
            first.push_back(i);
            latest.push_back(i);
            continue;
        }
        std::size_t &latestRow = latest[group];
        const std::size_t earlier = latestRow;
        if (sameEvent(run.clean[earlier], run.clean[i], mSlot, modelSlot, serialSlot)) {
            if (!run.suppressions.record(rule::DuplicateCertificate, t.rows[earlier].id)) {
                run.masks.push_back({earlier, dupRule});
                masked[earlier] = true;
            }
        } else {
            run.flag(earlier, rule::DuplicateCertificate, Field::CertificateNo, t.certificate(i));
            run.flag(i, rule::DuplicateCertificate, Field::CertificateNo, t.certificate(i));
        }
        latestRow = i;
    }
    // One instrument (manufacturer, model, serial) verified twice on one day.
    QHash<std::pair<quint64, quint64>, std::size_t> seen;
    seen.reserve(qsizetype(t.rows.size())); // no rehash while it grows to about one per row
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const CleanRow &c = run.clean[i];
        if (masked[i] || c.text[serialSlot] == 0 || c.verificationDay == kNoDay)
            continue;
        const std::pair<quint64, quint64> key{
            (quint64(quint32(c.text[mSlot])) << 32) | quint32(c.text[modelSlot]),
            (quint64(quint32(c.text[serialSlot])) << 32) | quint32(c.verificationDay)};
        const auto it = seen.constFind(key);
        if (it == seen.cend()) {
            seen.insert(key, i);
            continue;
        }
        run.flag(i, rule::SameDayTwice, Field::VerificationDate, t.certificate(it.value()));
    }
}

} // namespace

void checkConsistency(RunState &run)
{
    RecordTable &t = run.table;
    const RuleSet &rules = run.options.rules;
    const std::size_t catSlot = RecordTable::slot(Field::Category);
    const std::size_t classSlot = RecordTable::slot(Field::AccuracyClass);
    const std::size_t rangeSlot = RecordTable::slot(Field::MeasuringRange);
    const std::size_t failedSlot = RecordTable::slot(Field::FailedItems);
    const int today = int(rules.effectiveToday().toJulianDay());
    // Per category: its rule and the slots of its critical fields, looked up once.
    struct CategoryInfo
    {
        const CategoryRule *rule = nullptr;
        std::vector<std::size_t> critical;
    };
    QHash<int, CategoryInfo> categoryRule;
    QHash<int, double> classValue; // cleaned class id → percent (NaN when not a number)
    QHash<int, double> spanValue;  // cleaned range id → span
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow &r = t.rows[i];
        const CleanRow &c = run.clean[i];
        auto cat = categoryRule.constFind(c.text[catSlot]);
        if (cat == categoryRule.cend()) {
            CategoryInfo info;
            info.rule = rules.category(run.strings.at(c.text[catSlot]));
            for (const QString &key : info.rule ? info.rule->criticalFields : QStringList()) {
                const auto field = fieldFromKey(key);
                const std::size_t slot = field ? RecordTable::slot(*field) : kCleanedCount;
                if (slot < kCleanedCount)
                    info.critical.push_back(slot);
            }
            cat = categoryRule.insert(c.text[catSlot], info);
        }
        const CategoryRule *rule = cat->rule;
        const bool haveError = !std::isnan(c.maxError) && !std::isnan(c.mpe) && c.mpe > 0.0;
        // Conclusion vs |max error| > MPE. The relative 1e-9 absorbs binary rounding of decimals.
        if (haveError && c.passed == 1 && std::abs(c.maxError) > c.mpe * (1.0 + 1e-9)) {
            run.flag(i, rule::ConclusionVsError, Field::MaxError,
                     number(c.maxError) + u'/' + number(c.mpe));
        } else if (haveError && c.passed == 0 && std::abs(c.maxError) <= c.mpe
                   && run.strings.at(c.text[failedSlot]) == u"示值误差"_s) {
            run.flag(i, rule::ConclusionVsError, Field::FailedItems,
                     number(c.maxError) + u'/' + number(c.mpe));
        }
        // MPE vs accuracy class × span (JJG 52-2013) or the category's absolute MPE.
        if (rule && !std::isnan(c.mpe) && rule->mpeRule != MpeRule::None) {
            double expected = rule->absoluteMpe;
            if (rule->mpeRule == MpeRule::PercentOfSpan) {
                auto cls = classValue.constFind(c.text[classSlot]);
                if (cls == classValue.cend()) {
                    bool ok = false;
                    const double v = run.strings.at(c.text[classSlot]).toDouble(&ok);
                    cls = classValue.insert(c.text[classSlot],
                                            ok ? v : std::numeric_limits<double>::quiet_NaN());
                }
                auto span = spanValue.constFind(c.text[rangeSlot]);
                if (span == spanValue.cend())
                    span = spanValue.insert(c.text[rangeSlot],
                                            rangeSpan(run.strings.at(c.text[rangeSlot])));
                expected = cls.value() / 100.0 * span.value();
            }
            if (!std::isnan(expected) && expected > 0.0
                && std::abs(c.mpe - expected) > rules.mpeTolerance * expected)
                run.flag(i, rule::MpeVsClass, Field::Mpe, number(c.mpe) + u'/' + number(expected));
        }
        // Dates.
        if (c.dueDay != kNoDay && c.verificationDay != kNoDay) {
            if (c.dueDay <= c.verificationDay) {
                run.flag(i, rule::DueBeforeVerification, Field::DueDate,
                         QDate::fromJulianDay(c.dueDay).toString(Qt::ISODate));
            } else if (rule
                       && c.dueDay - c.verificationDay
                              > 28 * rule->intervalMonths + rules.dueGraceDays) {
                // Only then can the due date exceed the calendar limit: QDate only here.
                const QDate limit = QDate::fromJulianDay(c.verificationDay)
                                        .addMonths(rule->intervalMonths)
                                        .addDays(rules.dueGraceDays);
                if (c.dueDay > limit.toJulianDay())
                    run.flag(i, rule::DueBeyondInterval, Field::DueDate,
                             QDate::fromJulianDay(c.dueDay).toString(Qt::ISODate));
            }
        }
        if (c.manufactureDay != kNoDay && c.verificationDay != kNoDay
            && c.manufactureDay > c.verificationDay)
            run.flag(i, rule::VerifiedBeforeManufacture, Field::ManufactureDate,
                     QDate::fromJulianDay(c.manufactureDay).toString(Qt::ISODate));
        const std::pair<int, Field> dates[] = {{c.verificationDay, Field::VerificationDate},
                                               {c.dueDay, Field::DueDate},
                                               {c.manufactureDay, Field::ManufactureDate}};
        for (const auto &[day, field] : dates) {
            // A due date lies in the future by design; only events cannot.
            if (day != kNoDay && day > today && field != Field::DueDate)
                run.flag(i, rule::FutureDate, field,
                         QDate::fromJulianDay(day).toString(Qt::ISODate));
        }
        // Missing critical fields (raw empty: nothing to clean).
        for (const std::size_t slot : cat->critical) {
            if (t.dictionary[slot].at(r.text[slot]).isEmpty())
                run.flag(i, rule::MissingCritical, kCleanedFields[slot], QString());
        }
    }
    checkDuplicates(run);
}

} // namespace metroeval::core::cleaning
