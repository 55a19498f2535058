// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/cleaningstore.h"

#include "storage/workspace.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

bool failed(const QSqlQuery &q, CoreError *error)
{
    if (error)
        *error = {ErrorCode::DatabaseError, q.lastError().text()};
    return false;
}

QVariant nullableDay(int day)
{
    return day > 0 ? QVariant(day) : QVariant(QMetaType(QMetaType::Int));
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

AliasDecision decisionFrom(const QSqlQuery &q)
{
    AliasDecision d;
    d.kind = q.value(0).toString();
    d.scope = q.value(1).toString();
    d.alias = q.value(2).toString();
    d.canonical = q.value(3).toString();
    d.accepted = q.value(4).toString() == "accepted"_L1;
    d.validFromDay = q.value(5).isNull() ? 0 : q.value(5).toInt();
    d.score = q.value(6).toDouble();
    d.source = q.value(7).toString();
    d.userName = q.value(8).toString();
    d.decidedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    return d;
}

/// A null QString binds as SQL NULL, which equals nothing.
QString nonNullText(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

/// A suggestion's scope (a model's manufacturer) is kept in its evidence.
constexpr auto kSuggestionScope
    = " AND COALESCE(json_extract(evidence_json, '$.scope'), '') = ?"_L1;

constexpr auto kDecisionColumns = "kind, scope, alias, canonical, decision, valid_from_day, score,"
                                  " source, user_name, decided_at"_L1;

} // namespace

QList<AliasDecision> loadAliasDecisions(Workspace &workspace, CoreError *error)
{
    QList<AliasDecision> out;
    QSqlQuery q(workspace.database());
    if (!q.exec(u"SELECT "_s + kDecisionColumns + u" FROM alias_decision ORDER BY id"_s)) {
        failed(q, error);
        return out;
    }
    while (q.next())
        out.append(decisionFrom(q));
    return out;
}

std::optional<AliasDecision> findAliasDecision(Workspace &workspace, const QString &kind,
                                               const QString &scope, const QString &alias)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"SELECT "_s + kDecisionColumns
              + u" FROM alias_decision WHERE kind = ? AND scope = ? AND alias = ?"_s);
    q.addBindValue(kind);
    q.addBindValue(scope);
    q.addBindValue(alias);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return decisionFrom(q);
}

bool storeAliasDecision(Workspace &workspace, const AliasDecision &d, CoreError *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"INSERT OR REPLACE INTO alias_decision ("_s + kDecisionColumns
              + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(d.kind);
    q.addBindValue(d.scope);
    q.addBindValue(d.alias);
    q.addBindValue(d.canonical);
    q.addBindValue(d.accepted ? u"accepted"_s : u"rejected"_s);
    q.addBindValue(nullableDay(d.validFromDay));
    q.addBindValue(d.score);
    q.addBindValue(d.source);
    q.addBindValue(nonNullText(d.userName));
    q.addBindValue((d.decidedAt.isValid() ? d.decidedAt : QDateTime::currentDateTimeUtc())
                       .toString(Qt::ISODateWithMs));
    if (!q.exec())
        return failed(q, error);
    // The suggestion of the latest run shows the decision at once.
    QSqlQuery s(workspace.database());
    s.prepare(u"UPDATE alias_suggestion SET status = ? WHERE kind = ? AND alias = ?"_s
              + kSuggestionScope);
    s.addBindValue(d.accepted ? u"accepted"_s : u"rejected"_s);
    s.addBindValue(d.kind);
    s.addBindValue(d.alias);
    s.addBindValue(nonNullText(d.scope));
    return s.exec() || failed(s, error);
}

bool removeAliasDecision(Workspace &workspace, const QString &kind, const QString &scope,
                         const QString &alias, CoreError *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"DELETE FROM alias_decision WHERE kind = ? AND scope = ? AND alias = ?"_s);
    q.addBindValue(kind);
    q.addBindValue(scope);
    q.addBindValue(alias);
    if (!q.exec())
        return failed(q, error);
    QSqlQuery s(workspace.database());
    s.prepare(u"UPDATE alias_suggestion SET status = 'pending' WHERE kind = ? AND alias = ?"_s
              + kSuggestionScope);
    s.addBindValue(kind);
    s.addBindValue(alias);
    s.addBindValue(nonNullText(scope));
    return s.exec() || failed(s, error);
}

QList<StoredSuggestion> loadSuggestions(Workspace &workspace, CoreError *error)
{
    QList<StoredSuggestion> out;
    QSqlQuery q(workspace.database());
    if (!q.exec(u"SELECT id, alias, canonical, score, name_score, model_score, blocked,"
                " valid_from_day, status, evidence_json, kind FROM alias_suggestion"
                " ORDER BY score DESC, alias"_s)) {
        failed(q, error);
        return out;
    }
    while (q.next()) {
        StoredSuggestion s;
        s.id = q.value(0).toLongLong();
        s.suggestion.alias = q.value(1).toString();
        s.suggestion.canonical = q.value(2).toString();
        s.suggestion.score = q.value(3).toDouble();
        s.suggestion.nameScore = q.value(4).toDouble();
        s.suggestion.modelScore = q.value(5).toDouble();
        s.suggestion.blocked = q.value(6).toString();
        s.suggestion.validFromDay = q.value(7).isNull() ? 0 : q.value(7).toInt();
        s.status = q.value(8).toString();
        s.suggestion.evidence = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
        s.suggestion.kind = q.value(10).toString();
        s.suggestion.scope = s.suggestion.evidence.value(u"scope"_s).toString();
        out.append(s);
    }
    return out;
}

qint64 latestRunId(Workspace &workspace)
{
    QSqlQuery q(u"SELECT MAX(id) FROM cleaning_run"_s, workspace.database());
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<LogEntry> loadLog(Workspace &workspace, qint64 runId, const QString &rule, CoreError *error)
{
    QList<LogEntry> out;
    QSqlQuery q(workspace.database());
    q.prepare(u"SELECT id, run_id, rule, field, scope, record_id, before_value, after_value,"
              " records, user_name, created_at, reverted_at FROM cleaning_log"
              " WHERE run_id = ? AND (? = '' OR rule = ?) ORDER BY records DESC, id"_s);
    q.addBindValue(runId > 0 ? runId : latestRunId(workspace));
    q.addBindValue(nonNullText(rule));
    q.addBindValue(nonNullText(rule));
    if (!q.exec()) {
        failed(q, error);
        return out;
    }
    while (q.next()) {
        LogEntry e;
        e.id = q.value(0).toLongLong();
        e.runId = q.value(1).toLongLong();
        e.rule = q.value(2).toString();
        e.field = q.value(3).toString();
        e.scope = q.value(4).toString();
        e.recordId = q.value(5).toLongLong();
        e.before = q.value(6).toString();
        e.after = q.value(7).toString();
        e.records = q.value(8).toLongLong();
        e.userName = q.value(9).toString();
        e.createdAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
        e.reverted = !q.value(11).isNull();
        out.append(e);
    }
    return out;
}

bool revertLogEntry(Workspace &workspace, qint64 logId, const QString &userName, CoreError *error,
                    RevertRecord *record)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"SELECT rule, field, scope, before_value, record_id FROM cleaning_log"
              " WHERE id = ?"_s);
    q.addBindValue(logId);
    if (!q.exec())
        return failed(q, error);
    if (!q.next()) {
        if (error)
            *error = {ErrorCode::NoData, QString::number(logId)};
        return false;
    }
    const bool recordLevel = !q.value(4).isNull();
    QSqlQuery s(workspace.database());
    s.prepare(u"INSERT INTO cleaning_suppression (rule, field, scope, before_value, record_id,"
              " log_id, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    s.addBindValue(q.value(0));
    s.addBindValue(q.value(1));
    s.addBindValue(recordLevel ? QVariant(QMetaType(QMetaType::QString)) : q.value(2));
    s.addBindValue(recordLevel ? QVariant(QMetaType(QMetaType::QString)) : q.value(3));
    s.addBindValue(q.value(4));
    s.addBindValue(logId);
    s.addBindValue(nonNullText(userName));
    s.addBindValue(now());
    if (!s.exec())
        return failed(s, error);
    if (record)
        *record = {s.lastInsertId().toLongLong(), {logId}};
    QSqlQuery u(workspace.database());
    u.prepare(u"UPDATE cleaning_log SET reverted_at = ?, reverted_by = ? WHERE id = ?"_s);
    u.addBindValue(now());
    u.addBindValue(nonNullText(userName));
    u.addBindValue(logId);
    return u.exec() || failed(u, error);
}

bool revertRule(Workspace &workspace, const QString &rule, const QString &userName,
                CoreError *error, RevertRecord *record)
{
    QSqlQuery s(workspace.database());
    s.prepare(u"INSERT INTO cleaning_suppression (rule, user_name, created_at) VALUES (?, ?, ?)"_s);
    s.addBindValue(rule);
    s.addBindValue(nonNullText(userName));
    s.addBindValue(now());
    if (!s.exec())
        return failed(s, error);
    if (record) {
        record->suppressionId = s.lastInsertId().toLongLong();
        record->logIds.clear();
        QSqlQuery ids(workspace.database());
        ids.prepare(u"SELECT id FROM cleaning_log WHERE rule = ? AND reverted_at IS NULL"
                    " AND run_id = ? ORDER BY id"_s);
        ids.addBindValue(rule);
        ids.addBindValue(latestRunId(workspace));
        if (!ids.exec())
            return failed(ids, error);
        while (ids.next())
            record->logIds.append(ids.value(0).toLongLong());
    }
    QSqlQuery u(workspace.database());
    u.prepare(u"UPDATE cleaning_log SET reverted_at = ?, reverted_by = ?"
              " WHERE rule = ? AND reverted_at IS NULL AND run_id = ?"_s);
    u.addBindValue(now());
    u.addBindValue(nonNullText(userName));
    u.addBindValue(rule);
    u.addBindValue(latestRunId(workspace));
    return u.exec() || failed(u, error);
}

bool undoRevert(Workspace &workspace, const RevertRecord &record, CoreError *error)
{
    QSqlQuery s(workspace.database());
    s.prepare(u"DELETE FROM cleaning_suppression WHERE id = ?"_s);
    s.addBindValue(record.suppressionId);
    if (!s.exec())
        return failed(s, error);
    QSqlQuery u(workspace.database());
    u.prepare(u"UPDATE cleaning_log SET reverted_at = NULL, reverted_by = NULL WHERE id = ?"_s);
    for (const qint64 id : record.logIds) {
        u.addBindValue(id);
        if (!u.exec())
            return failed(u, error);
    }
    return true;
}

bool clearSuppressions(Workspace &workspace, const QString &rule, CoreError *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"DELETE FROM cleaning_suppression WHERE ? = '' OR rule = ?"_s);
    q.addBindValue(nonNullText(rule));
    q.addBindValue(nonNullText(rule));
    return q.exec() || failed(q, error);
}

} // namespace metroeval::core::cleaning
