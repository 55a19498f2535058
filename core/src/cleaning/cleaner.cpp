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

#include <thread>

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

/// The cleaned form of one distinct raw value, before interning.
struct Candidate
{
    QString cleaned; ///< empty when unchanged
    int rule = -1;   ///< −1: unchanged
    int day = kNoDay; ///< dates: the day of the value the records get
};

int dayOf(const QString &isoText);

/// Per distinct raw value \a begin … \a end of \a field: its cleaned value and the rule that
/// produced it. Touches nothing shared but reads: two threads split the values of each field.
void cleanValues(const RunState &run, Field field, int begin, int end,
                 std::vector<Candidate> &out)
{
    const Interner &dict = run.table.dictionary[RecordTable::slot(field)];
    const QLatin1StringView key = fieldInfo(field).key;
    const bool isDate = field == Field::VerificationDate || field == Field::DueDate
                        || field == Field::ManufactureDate;
    for (int id = begin; id < end; ++id) {
        const QString &raw = dict.at(id);
        QString cleaned = normalizeText(raw);
        QLatin1StringView rule = rule::TextNfkc;
        if (isDate) {
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
        Candidate &c = out[std::size_t(id)];
        if (cleaned != raw && !run.suppressions.value(rule, key, QString(), raw))
            c = {cleaned, RunState::ruleIndex(rule), kNoDay};
        if (isDate)
            c.day = dayOf(c.rule >= 0 ? c.cleaned : raw);
    }
}

int dayOf(const QString &isoText)
{
    const QDate d = QDate::fromString(isoText, Qt::ISODate);
    return d.isValid() ? int(d.toJulianDay()) : kNoDay;
}

} // namespace

namespace {

/// What the row pass needs of one dictionary field, computed once per distinct raw value.
struct FieldPlan
{
    Field field;
    std::size_t slot;
    std::vector<DictOut> out;
    std::vector<int> day; ///< dates: day of each cleaned value, kNoDay when none
    std::vector<bool> unparseable; ///< dates: a non-empty cleaned value that is no date
};

/// What one range of rows adds to the run: per field, records per changed raw value and the
/// unparseable_date flags in row order.
struct RangeTally
{
    std::vector<std::vector<qint64>> changes;
    std::vector<std::vector<std::size_t>> unparseable;
};

void normalizeRows(RunState &run, const std::vector<FieldPlan> &plans, int passedId,
                   int failedId, std::size_t begin, std::size_t end, RangeTally &tally)
{
    const RecordTable &t = run.table;
    tally.changes.resize(plans.size());
    tally.unparseable.resize(plans.size());
    for (std::size_t p = 0; p < plans.size(); ++p)
        tally.changes[p].assign(plans[p].out.size(), 0);
    for (std::size_t i = begin; i < end; ++i) {
        const TableRow &r = t.rows[i];
        CleanRow &c = run.clean[i];
        c.verificationDay = r.verificationDay;
        c.dueDay = r.dueDay;
        c.manufactureDay = r.manufactureDay;
        c.passed = r.passed;
        c.maxError = r.maxError;
        c.mpe = r.mpe;
        for (std::size_t p = 0; p < plans.size(); ++p) {
            const FieldPlan &plan = plans[p];
            const int rawId = r.text[plan.slot];
            const DictOut &d = plan.out[std::size_t(rawId)];
            c.text[plan.slot] = d.after;
            if (d.rule >= 0) {
                c.changed = true;
                c.rules |= 1u << d.rule;
                ++tally.changes[p][std::size_t(rawId)];
            }
            if (!plan.day.empty()) {
                const int day = plan.day[std::size_t(rawId)];
                int &typed = plan.field == Field::VerificationDate ? c.verificationDay
                             : plan.field == Field::DueDate        ? c.dueDay
                                                                   : c.manufactureDay;
                if (plan.unparseable[std::size_t(rawId)])
                    tally.unparseable[p].push_back(i);
                else if (typed == kNoDay && day != kNoDay)
                    typed = day;
            } else if (plan.field == Field::Conclusion) {
                if (d.after == passedId)
                    c.passed = 1;
                else if (d.after == failedId)
                    c.passed = 0;
            }
        }
    }
}

} // namespace

void normalizeDictionaries(RunState &run)
{
    RecordTable &t = run.table;
    const Field dictionaryFields[]
        = {Field::Category,      Field::SerialNo,         Field::ManufactureDate,
           Field::AccuracyClass, Field::VerificationType, Field::VerificationDate,
           Field::DueDate,       Field::Conclusion,       Field::FailedItems};
    // Per distinct value first, on two threads (each takes one half of every field's values),
    // then interned here in field and id order: the ids one sequential pass gives. Then one
    // pass over the rows for every field, split in two halves on two threads.
    const bool parallel = t.rows.size() >= kParallelRows;
    std::vector<std::vector<Candidate>> candidates;
    for (const Field field : dictionaryFields)
        candidates.emplace_back(std::size_t(t.dictionary[RecordTable::slot(field)].size()));
    auto cleanHalf = [&](bool later) {
        for (std::size_t f = 0; f < candidates.size(); ++f) {
            const int n = int(candidates[f].size());
            const int mid = parallel ? n / 2 : n;
            cleanValues(run, dictionaryFields[f], later ? mid : 0, later ? n : mid,
                        candidates[f]);
        }
    };
    {
        std::jthread worker;
        if (parallel)
            worker = std::jthread(cleanHalf, true);
        cleanHalf(false);
    }
    std::vector<FieldPlan> plans;
    for (std::size_t f = 0; f < candidates.size(); ++f) {
        const Field field = dictionaryFields[f];
        FieldPlan plan{field, RecordTable::slot(field), {}, {}, {}};
        const Interner &dict = t.dictionary[plan.slot];
        const bool isDate = field == Field::VerificationDate || field == Field::DueDate
                            || field == Field::ManufactureDate;
        plan.out.resize(candidates[f].size());
        if (isDate) {
            plan.day.resize(plan.out.size());
            plan.unparseable.resize(plan.out.size());
        }
        for (std::size_t id = 0; id < plan.out.size(); ++id) {
            const Candidate &c = candidates[f][id];
            ++run.distinctValues;
            plan.out[id] = c.rule < 0 ? DictOut{run.strings.intern(dict.at(int(id))), -1}
                                      : DictOut{run.strings.intern(c.cleaned), c.rule};
            if (isDate) {
                plan.day[id] = c.day;
                plan.unparseable[id]
                    = c.day == kNoDay && !run.strings.at(plan.out[id].after).isEmpty();
            }
        }
        plans.push_back(std::move(plan));
    }
    // The canonical conclusions as cleaned-string ids (−1 when no value has them).
    const int passedId = run.strings.find(u"合格"_s);
    const int failedId = run.strings.find(u"不合格"_s);
    const std::size_t rows = t.rows.size();
    run.clean.assign(rows, CleanRow{});
    RangeTally first;
    RangeTally second;
    const std::size_t mid = rows >= kParallelRows ? rows / 2 : rows;
    {
        std::jthread worker;
        if (mid < rows)
            worker = std::jthread([&] {
                normalizeRows(run, plans, passedId, failedId, mid, rows, second);
            });
        normalizeRows(run, plans, passedId, failedId, 0, mid, first);
    }
    second.changes.resize(plans.size());
    second.unparseable.resize(plans.size());
    for (std::size_t p = 0; p < plans.size(); ++p) {
        const FieldPlan &plan = plans[p];
        for (const std::vector<std::size_t> *rowsOf : {&first.unparseable[p], &second.unparseable[p]}) {
            for (const std::size_t i : *rowsOf)
                run.flag(i, rule::UnparseableDate, plan.field,
                         t.dictionary[plan.slot].at(t.rows[i].text[plan.slot]));
        }
        // Records per changed raw value: one log update per distinct value, not per row.
        for (std::size_t rawId = 0; rawId < plan.out.size(); ++rawId) {
            const qint64 n = first.changes[p][rawId]
                             + (second.changes[p].empty() ? 0 : second.changes[p][rawId]);
            if (n > 0)
                run.log[LogKey{plan.out[rawId].rule, int(plan.slot), 0, int(rawId),
                               plan.out[rawId].after}]
                    += n;
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
    const qint64 total = qint64(run.table.rows.size());
    if (options.progress && !options.progress(2 * total, 3 * total)) {
        if (error)
            *error = {ErrorCode::Cancelled, {}};
        return std::nullopt;
    }
    // The consistency rules only add findings and masks, which the writer needs last: they run
    // on a second thread while the log and record_clean are written (the two overlap on the
    // two cores). Declared after `run`, the thread is joined before `run` goes away.
    double consistencyMs = 0.0;
    std::jthread consistency([&run, &consistencyMs] {
        QElapsedTimer t;
        t.start();
        checkConsistency(run);
        consistencyMs = double(t.nsecsElapsed()) / 1e6;
    });
    run.writeStartNs = timer.nsecsElapsed();
    const auto awaitFindings = [&] {
        if (consistency.joinable())
            consistency.join();
        run.phasesMs.insert(u"consistency"_s, consistencyMs);
    };
    return writeRun(run, workspace, timer, awaitFindings, error);
}

std::optional<CleaningSummary> rerunCleaning(Workspace &workspace, const QString &userName,
                                             CoreError *error)
{
    return rerunCleaning(workspace, userName, {}, error);
}

std::optional<CleaningSummary> rerunCleaning(Workspace &workspace, const QString &userName,
                                             const std::function<bool(qint64, qint64)> &progress,
                                             CoreError *error)
{
    CleaningOptions options;
    options.userName = userName;
    options.progress = progress;
    QSqlQuery q(u"SELECT rules_json FROM cleaning_run ORDER BY id DESC LIMIT 1"_s,
                workspace.database());
    if (q.next()) {
        const QJsonObject json = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        options.rules = RuleSet::fromJson(json, nullptr);
    }
    return runCleaning(workspace, options, error);
}

} // namespace metroeval::core::cleaning
