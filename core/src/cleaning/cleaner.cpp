// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/cleaner.h"

#include "cleaning/cleaningrun.h"
#include "cleaning/textnormalize.h"
#include "cleaning/units.h"
#include "storage/workspace.h"

#include <QDate>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

void Suppressions::add(const QString &rule, const QString &field, const QString &scope,
                       const QString &before, qint64 recordId, bool hasField, bool hasBefore)
{
    if (recordId > 0)
        m_keys.insert(u"I\x1f"_s + rule + u'\x1f' + QString::number(recordId));
    else if (hasBefore)
        m_keys.insert(u"V\x1f"_s + rule + u'\x1f' + field + u'\x1f' + scope + u'\x1f' + before);
    else if (hasField)
        m_keys.insert(u"F\x1f"_s + rule + u'\x1f' + field);
    else
        m_keys.insert(u"R\x1f"_s + rule);
}

bool Suppressions::value(QLatin1StringView rule, QLatin1StringView field, const QString &scope,
                         const QString &before) const
{
    if (m_keys.isEmpty())
        return false;
    return m_keys.contains(u"R\x1f"_s + rule)
           || m_keys.contains(u"F\x1f"_s + rule + u'\x1f' + field)
           || m_keys.contains(u"V\x1f"_s + rule + u'\x1f' + field + u'\x1f' + scope + u'\x1f'
                              + before);
}

bool Suppressions::record(QLatin1StringView rule, qint64 recordId) const
{
    return !m_keys.isEmpty()
           && (m_keys.contains(u"R\x1f"_s + rule)
               || m_keys.contains(u"I\x1f"_s + rule + u'\x1f' + QString::number(recordId)));
}

int RunState::ruleIndex(QLatin1StringView code)
{
    const QList<RuleInfo> &rules = allRules();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (rules[i].code == code)
            return int(i);
    }
    return -1;
}

void RunState::flag(std::size_t row, QLatin1StringView rule, Field field, const QString &value)
{
    const std::size_t slot = RecordTable::slot(field);
    findings.push_back(
        {row, ruleIndex(rule), slot < kCleanedCount ? int(slot) : -1, value, Action::Review});
}

namespace {

struct DictOut
{
    int after = 0;
    int rule = -1; ///< −1: unchanged
};

/// Per distinct raw value of \a field: its cleaned value and the rule that produced it.
std::vector<DictOut> cleanDictionary(RunState &run, Field field)
{
    const std::size_t slot = RecordTable::slot(field);
    const Interner &dict = run.table.dictionary[slot];
    const QLatin1StringView key = fieldInfo(field).key;
    std::vector<DictOut> out(std::size_t(dict.size()));
    for (int id = 0; id < int(dict.size()); ++id) {
        const QString &raw = dict.at(id);
        QString cleaned = normalizeText(raw);
        QLatin1StringView rule = rule::TextNfkc;
        if (field == Field::VerificationDate || field == Field::DueDate
            || field == Field::ManufactureDate) {
            if (const auto iso = isoDateText(cleaned)) {
                cleaned = *iso;
                rule = rule::DateIso;
            }
        } else if (field == Field::Conclusion) {
            if (const auto c = canonicalConclusion(cleaned)) {
                cleaned = *c;
                rule = rule::ConclusionVocabulary;
            }
        }
        ++run.distinctValues;
        if (cleaned == raw || run.suppressions.value(rule, key, QString(), raw)) {
            out[std::size_t(id)] = {run.strings.intern(raw), -1};
            continue;
        }
        out[std::size_t(id)] = {run.strings.intern(cleaned), RunState::ruleIndex(rule)};
    }
    return out;
}

int dayOf(const QString &isoText)
{
    const QDate d = QDate::fromString(isoText, Qt::ISODate);
    return d.isValid() ? int(d.toJulianDay()) : kNoDay;
}

} // namespace

void normalizeDictionaries(RunState &run)
{
    RecordTable &t = run.table;
    run.clean.assign(t.rows.size(), CleanRow{});
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow &r = t.rows[i];
        CleanRow &c = run.clean[i];
        c.verificationDay = r.verificationDay;
        c.dueDay = r.dueDay;
        c.manufactureDay = r.manufactureDay;
        c.passed = r.passed;
        c.maxError = r.maxError;
        c.mpe = r.mpe;
    }
    const Field dictionaryFields[]
        = {Field::Category,      Field::SerialNo,         Field::ManufactureDate,
           Field::AccuracyClass, Field::VerificationType, Field::VerificationDate,
           Field::DueDate,       Field::Conclusion,       Field::FailedItems};
    for (const Field field : dictionaryFields) {
        const std::size_t slot = RecordTable::slot(field);
        const std::vector<DictOut> out = cleanDictionary(run, field);
        const bool isDate = field == Field::VerificationDate || field == Field::DueDate
                            || field == Field::ManufactureDate;
        // Day of each distinct cleaned date, parsed once (kNoDay − 1: not parsed yet).
        std::vector<int> days(isDate ? out.size() : 0, kNoDay + 1);
        // Records per changed raw value: one log update per distinct value, not per row.
        std::vector<qint64> changes(out.size(), 0);
        // The canonical conclusions as cleaned-string ids (−1 when no value has them).
        const int passedId = run.strings.find(u"合格"_s);
        const int failedId = run.strings.find(u"不合格"_s);
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            const int rawId = t.rows[i].text[slot];
            const DictOut &d = out[std::size_t(rawId)];
            CleanRow &c = run.clean[i];
            c.text[slot] = d.after;
            if (d.rule >= 0) {
                c.changed = true;
                c.rules |= 1u << d.rule;
                ++changes[std::size_t(rawId)];
            }
            if (isDate) {
                const QString &value = run.strings.at(d.after);
                int &cached = days[std::size_t(rawId)];
                if (cached == kNoDay + 1)
                    cached = dayOf(value);
                const int day = cached;
                int &typed = field == Field::VerificationDate ? c.verificationDay
                             : field == Field::DueDate        ? c.dueDay
                                                              : c.manufactureDay;
                if (day == kNoDay && !value.isEmpty())
                    run.flag(i, rule::UnparseableDate, field, t.dictionary[slot].at(rawId));
                else if (typed == kNoDay && day != kNoDay)
                    typed = day;
            } else if (field == Field::Conclusion) {
                if (d.after == passedId)
                    c.passed = 1;
                else if (d.after == failedId)
                    c.passed = 0;
            }
        }
        for (std::size_t rawId = 0; rawId < out.size(); ++rawId) {
            if (changes[rawId] > 0)
                run.log[LogKey{out[rawId].rule, int(slot), 0, int(rawId), out[rawId].after}]
                    += changes[rawId];
        }
    }
}

QJsonObject CleaningSummary::toJson() const
{
    auto tallies = [](const QMap<QString, RuleTally> &map) {
        QJsonObject o;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            const auto info = ruleInfo(it.key());
            o.insert(it.key(),
                     QJsonObject{
                         {u"entries"_s, it->entries},
                         {u"records"_s, it->records},
                         {u"values"_s, it->values},
                         {u"severity"_s, info ? severityKey(info->severity) : QLatin1StringView()},
                         {u"dimension"_s, info ? info->dimension : QLatin1StringView()}});
        }
        return o;
    };
    QJsonObject phases;
    for (auto it = phasesMs.cbegin(); it != phasesMs.cend(); ++it)
        phases.insert(it.key(), it.value());
    return {{u"run_id"_s, runId},
            {u"records"_s, records},
            {u"changed_records"_s, changedRecords},
            {u"masked_records"_s, maskedRecords},
            {u"distinct_values_normalized"_s, distinctValues},
            {u"fixes_by_rule"_s, tallies(fixes)},
            {u"findings_by_rule"_s, tallies(findings)},
            {u"aliases"_s, QJsonObject{{u"suggested"_s, suggestions},
                                       {u"auto_accepted"_s, autoAccepted},
                                       {u"pending"_s, pendingSuggestions},
                                       {u"auto_accept_score"_s, autoAcceptScore}}},
            {u"elapsed_ms"_s, elapsedMs},
            {u"phases_ms"_s, phases}};
}

std::optional<CleaningSummary> runCleaning(Workspace &workspace, const CleaningOptions &options,
                                           CoreError *error)
{
    QElapsedTimer timer;
    timer.start();
    RunState run(options);
    {
        QSqlQuery q(u"SELECT rule, field, scope, before_value, record_id FROM"
                    " cleaning_suppression"_s,
                    workspace.database());
        while (q.next())
            run.suppressions.add(q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).toString(), q.value(3).toString(),
                                 q.value(4).toLongLong(), !q.value(1).isNull(),
                                 !q.value(3).isNull());
    }
    qint64 last = 0;
    auto phase = [&](const QString &name) {
        const qint64 now = timer.nsecsElapsed();
        run.phasesMs.insert(name, double(now - last) / 1e6);
        last = now;
    };
    if (!readRecordTable(workspace.database(), run.table, options.progress, error))
        return std::nullopt;
    phase(u"read"_s);
    normalizeDictionaries(run);
    phase(u"normalize"_s);
    if (!canonicalizeNames(run, workspace, error))
        return std::nullopt;
    phase(u"names"_s);
    normalizeUnits(run);
    phase(u"units"_s);
    checkConsistency(run);
    phase(u"consistency"_s);
    const qint64 total = qint64(run.table.rows.size());
    if (options.progress && !options.progress(2 * total, 3 * total)) {
        if (error)
            *error = {ErrorCode::Cancelled, {}};
        return std::nullopt;
    }
    return writeRun(run, workspace, timer, error);
}

std::optional<CleaningSummary> rerunCleaning(Workspace &workspace, const QString &userName,
                                             CoreError *error)
{
    CleaningOptions options;
    options.userName = userName;
    QSqlQuery q(u"SELECT rules_json FROM cleaning_run ORDER BY id DESC LIMIT 1"_s,
                workspace.database());
    if (q.next()) {
        const QJsonObject json = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        options.rules = RuleSet::fromJson(json, nullptr);
    }
    return runCleaning(workspace, options, error);
}

} // namespace metroeval::core::cleaning
