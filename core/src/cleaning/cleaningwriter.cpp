// SPDX-License-Identifier: GPL-3.0-or-later
// Writes one cleaning run in a single transaction (docs/cleaning.md, "Storage").
#include "cleaning/cleaningrun.h"
#include "cleaning/cleaningwriterparts.h"
#include "cleaning/cleaningstore.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"

#include <sqlite3.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

using namespace writer;

std::optional<CleaningSummary> writeRun(RunState &run, Workspace &workspace,
                                        const QElapsedTimer &timer,
                                        const std::function<void()> &awaitFindings,
                                        CoreError *error)
{
    QSqlDatabase &db = workspace.database();
    const QList<RuleInfo> &rules = allRules();
    // user_name is NOT NULL: a null QString (no USER in the environment) would bind as NULL.
    const QString user = run.options.userName.isNull() ? u""_s : run.options.userName;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const WriteCache cache(db);
    auto fail = [&](const QString &detail) {
        awaitFindings(); // the consistency thread reads the run
        db.rollback();
        if (error)
            *error = {ErrorCode::DatabaseError, detail};
        return std::optional<CleaningSummary>();
    };
    if (!db.transaction())
        return fail(db.lastError().text());
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO cleaning_run (started_at, user_name, accept_aliases, rules_json)"
              " VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(now);
    q.addBindValue(user);
    q.addBindValue(run.options.acceptAliases == AcceptAliases::Auto ? u"auto"_s : u"none"_s);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(run.options.rules.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return fail(q.lastError().text());
    CleaningSummary summary;
    summary.runId = q.lastInsertId().toLongLong();
    for (const char *table :
         {"record_clean", "record_mask", "cleaning_finding", "alias_suggestion"}) {
        if (!q.exec(u"DELETE FROM "_s + QLatin1StringView(table)))
            return fail(q.lastError().text());
    }

    // Log: one entry per (rule, field, scope, before, after), counted over the records.
    const RecordTable &t = run.table;
    BatchInserter log(db, u"cleaning_log"_s,
                      {u"run_id"_s, u"rule"_s, u"field"_s, u"scope"_s, u"before_value"_s,
                       u"after_value"_s, u"records"_s, u"user_name"_s, u"created_at"_s});
    Utf8Strings utf8(run.strings);
    const QByteArray userUtf8 = user.toUtf8();
    const QByteArray nowUtf8 = now.toUtf8();
    std::vector<RuleTally *> fixTally(std::size_t(rules.size()), nullptr);
    for (auto it = run.log.cbegin(); it != run.log.cend(); ++it) {
        const LogKey &k = it.key();
        RuleTally *&tally = fixTally[std::size_t(k.rule)];
        if (!tally)
            tally = &summary.fixes[QString(rules[k.rule].code)];
        ++tally->entries;
        tally->values += it.value();
        if (!log.add({summary.runId, rules[k.rule].code,
                      fieldInfo(kCleanedFields[std::size_t(k.field)]).key, utf8(k.scope),
                      t.dictionary[std::size_t(k.field)].utf8(k.before), utf8(k.after),
                      it.value(), userUtf8, nowUtf8}))
            return fail(log.error());
    }
    if (!log.finish())
        return fail(log.error());

    // Cleaned rows beside the raw ones.
    QStringList columns{u"record_id"_s};
    for (const Field f : kCleanedFields)
        columns.append(QString(fieldInfo(f).key));
    columns << u"verification_day"_s << u"due_day"_s << u"manufacture_day"_s << u"passed"_s
            << u"max_error_value"_s << u"mpe_value"_s;
    CleanRowWriter clean(db, columns);
    if (!clean.prepare())
        return fail(clean.error());
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow &r = t.rows[i];
        const CleanRow &c = run.clean[i];
        const bool typedChanged
            = c.verificationDay != r.verificationDay || c.dueDay != r.dueDay
              || c.manufactureDay != r.manufactureDay || c.passed != r.passed
              || (std::isnan(c.maxError) != std::isnan(r.maxError))
              || (!std::isnan(c.maxError) && std::abs(c.maxError - r.maxError) > 1e-12)
              || (std::isnan(c.mpe) != std::isnan(r.mpe))
              || (!std::isnan(c.mpe) && std::abs(c.mpe - r.mpe) > 1e-12);
        if (!c.changed && !typedChanged)
            continue;
        ++summary.changedRecords;
        for (qsizetype k = 0; k < rules.size(); ++k) {
            if (c.rules & (1u << k))
                ++summary.fixes[QString(rules[k].code)].records;
        }
        if (!clean.write(r, c, run))
            return fail(clean.error());
    }
    clean.finish();
    awaitFindings();

    // Masks, each with its own (record-level) log entry so that it can be reverted singly.
    QSqlQuery maskLog(db);
    maskLog.prepare(u"INSERT INTO cleaning_log (run_id, rule, field, scope, record_id,"
                    " before_value, after_value, records, user_name, created_at)"
                    " VALUES (?, ?, 'certificate_no', '', ?, ?, 'excluded', 1, ?, ?)"_s);
    QSqlQuery mask(db);
    mask.prepare(u"INSERT OR IGNORE INTO record_mask (record_id, rule, log_id) VALUES (?, ?, ?)"_s);
    for (const Mask &m : run.masks) {
        const QString code(rules[m.rule].code);
        maskLog.addBindValue(summary.runId);
        maskLog.addBindValue(code);
        maskLog.addBindValue(t.rows[m.row].id);
        maskLog.addBindValue(t.certificate(m.row));
        maskLog.addBindValue(user);
        maskLog.addBindValue(now);
        if (!maskLog.exec())
            return fail(maskLog.lastError().text());
        mask.addBindValue(t.rows[m.row].id);
        mask.addBindValue(code);
        mask.addBindValue(maskLog.lastInsertId());
        if (!mask.exec())
            return fail(mask.lastError().text());
        RuleTally &tally = summary.fixes[code];
        ++tally.entries;
        ++tally.records;
        ++summary.maskedRecords;
    }

    // Findings for review.
    BatchInserter findings(db, u"cleaning_finding"_s,
                           {u"run_id"_s, u"record_id"_s, u"batch_id"_s, u"rule"_s, u"severity"_s,
                            u"field"_s, u"value"_s, u"action"_s});
    for (const Finding &f : run.findings) {
        const RuleInfo &info = rules[f.rule];
        RuleTally &tally = summary.findings[QString(info.code)];
        ++tally.entries;
        ++tally.records;
        const QLatin1StringView field = f.field >= 0
                                            ? fieldInfo(kCleanedFields[std::size_t(f.field)]).key
                                            : "certificate_no"_L1;
        if (!findings.add({summary.runId, t.rows[f.row].id, t.rows[f.row].batchId, info.code,
                           severityKey(info.severity), field, f.value.toUtf8(),
                           actionKey(f.action)}))
            return fail(findings.error());
    }
    if (!findings.finish())
        return fail(findings.error());

    // Suggestions, and the automatic decisions of this run.
    QSqlQuery sug(db);
    sug.prepare(u"INSERT INTO alias_suggestion (run_id, kind, alias, canonical, score, name_score,"
                " model_score, blocked, valid_from_day, status, evidence_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    summary.autoAcceptScore = run.options.rules.autoAcceptScore;
    for (const AliasSuggestion &s : run.suggestions + run.modelSuggestions) {
        const bool isModel = s.kind == "model"_L1;
        const bool accepted = !isModel && run.autoAccepted.contains(s.alias);
        const QString status
            = isModel ? run.modelDecided.value(s.scope + u'\x1f' + s.alias, u"pending"_s)
              : accepted                 ? u"accepted"_s
              : s.blocked == "rejected"_L1 ? u"rejected"_s
                                           : u"pending"_s;
        if (!isModel) { // the summary counts manufacturer merges, as before models were listed
            ++summary.suggestions;
            summary.autoAccepted += accepted ? 1 : 0;
            summary.pendingSuggestions += status == "pending"_L1 ? 1 : 0;
        }
        for (const QVariant &v :
             {QVariant(summary.runId), QVariant(s.kind), QVariant(s.alias), QVariant(s.canonical), QVariant(s.score),
              QVariant(s.nameScore), QVariant(s.modelScore), QVariant(s.blocked),
              s.validFromDay > 0 ? QVariant(s.validFromDay) : QVariant(QMetaType(QMetaType::Int)),
              QVariant(status),
              QVariant(
                  QString::fromUtf8(QJsonDocument(s.evidence).toJson(QJsonDocument::Compact)))})
            sug.addBindValue(nonNull(v));
        if (!sug.exec())
            return fail(sug.lastError().text());
        if (accepted) {
            AliasDecision d;
            d.alias = s.alias;
            d.canonical = s.canonical;
            d.validFromDay = s.validFromDay;
            d.score = s.score;
            d.source = u"auto"_s;
            d.userName = user;
            CoreError storeError;
            if (!storeAliasDecision(workspace, d, &storeError))
                return fail(storeError.detail);
        }
    }
    summary.records = qint64(t.rows.size());
    summary.distinctValues = run.distinctValues;
    summary.phasesMs = run.phasesMs;
    summary.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    // The consistency rules overlapped the write: write is its own span, not the remainder.
    summary.phasesMs.insert(u"write"_s, double(timer.nsecsElapsed() - run.writeStartNs) / 1e6);
    q.prepare(u"UPDATE cleaning_run SET summary_json = ?, elapsed_ms = ? WHERE id = ?"_s);
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(summary.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(summary.elapsedMs);
    q.addBindValue(summary.runId);
    if (!q.exec())
        return fail(q.lastError().text());
    if (!db.commit())
        return fail(db.lastError().text());
    return summary;
}

} // namespace metroeval::core::cleaning
