// SPDX-License-Identifier: GPL-3.0-or-later
// Writes one cleaning run in a single transaction (docs/cleaning.md, "Storage").
#include "cleaning/cleaningrun.h"
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

namespace {

/// Text columns are NOT NULL: a null QString would bind as SQL NULL, so bind '' instead.
QVariant nonNull(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QVariant(QString(u""_s));
    return v;
}

/// Rows of one table through one prepared statement of the sqlite3 C API on the workspace's
/// connection (inside the QtSql transaction): QSqlQuery's per-value binding was most of the
/// time of the log's ~60k entries on 1M records.
class BatchInserter
{
public:
    BatchInserter(QSqlDatabase &db, const QString &table, const QStringList &columns)
        : m_handle(sqliteHandle(db))
    {
        const QByteArray sql = (u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s)
                                + u") VALUES ("_s
                                + QStringList(columns.size(), u"?"_s).join(u", "_s) + u")"_s)
                                   .toUtf8();
        if (!m_handle
            || sqlite3_prepare_v2(m_handle, sql.constData(), int(sql.size()), &m_stmt, nullptr)
                   != SQLITE_OK)
            fail();
    }
    ~BatchInserter() { sqlite3_finalize(m_stmt); }
    BatchInserter(const BatchInserter &) = delete;
    BatchInserter &operator=(const BatchInserter &) = delete;

    bool add(std::initializer_list<QVariant> values)
    {
        if (!m_stmt)
            return false;
        int i = 1;
        for (const QVariant &v : values) {
            switch (v.typeId()) {
            case QMetaType::QString: {
                // Text columns are NOT NULL: a null QString binds as '', as nonNull() does.
                const QString text = v.toString();
                static const char16_t empty[] = u"";
                const void *data = text.isNull() ? static_cast<const void *>(empty)
                                                 : static_cast<const void *>(text.utf16());
                sqlite3_bind_text16(m_stmt, i, data,
                                    int(text.size() * qsizetype(sizeof(char16_t))),
                                    SQLITE_TRANSIENT);
                break;
            }
            case QMetaType::Int:
            case QMetaType::LongLong:
            case QMetaType::UInt:
            case QMetaType::ULongLong:
                sqlite3_bind_int64(m_stmt, i, v.toLongLong());
                break;
            case QMetaType::Double:
                sqlite3_bind_double(m_stmt, i, v.toDouble());
                break;
            default:
                sqlite3_bind_null(m_stmt, i);
                break;
            }
            ++i;
        }
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE || fail();
    }

    bool finish() const { return m_stmt != nullptr; }

    QString error() const { return m_error; }

private:
    bool fail()
    {
        m_error = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                           : u"cleaning needs the QSQLITE driver"_s;
        return false;
    }

    sqlite3 *m_handle;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

/// record_clean rows through the sqlite3 C API on the workspace's connection (inside the
/// QtSql transaction): the bulk of a run's writes, ~0.4 M rows for 1 M records. Only the cells
/// that differ from the raw record are stored; NULL means "unchanged" and the view
/// record_effective falls back to the raw value (schema version 4).
class CleanRowWriter
{
public:
    CleanRowWriter(QSqlDatabase &db, const QStringList &columns)
        : m_handle(sqliteHandle(db))
        , m_sql(u"INSERT INTO record_clean ("_s + columns.join(u", "_s) + u") VALUES ("_s
                + QStringList(columns.size(), u"?"_s).join(u", "_s) + u")"_s)
    {
    }
    ~CleanRowWriter() { finish(); }
    CleanRowWriter(const CleanRowWriter &) = delete;
    CleanRowWriter &operator=(const CleanRowWriter &) = delete;

    bool prepare()
    {
        const QByteArray sql = m_sql.toUtf8();
        if (!m_handle
            || sqlite3_prepare_v2(m_handle, sql.constData(), int(sql.size()), &m_stmt, nullptr)
                   != SQLITE_OK)
            return fail();
        return true;
    }

    bool write(const TableRow &r, const CleanRow &c, const RunState &run)
    {
        int i = 1;
        sqlite3_bind_int64(m_stmt, i++, r.id);
        for (std::size_t slot = 0; slot < kCleanedCount; ++slot) {
            const int after = c.text[slot];
            if (!sameText(slot, r.text[slot], after, run)) {
                const QByteArray &utf8 = utf8Of(after, run.strings);
                sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
            }
            ++i;
        }
        const std::pair<int, int> days[]
            = {{c.verificationDay, r.verificationDay}, {c.dueDay, r.dueDay},
               {c.manufactureDay, r.manufactureDay}, {c.passed, r.passed}};
        for (const auto &[after, before] : days) {
            // kNoDay and −1 (passed unknown) are NULL in both: an unchanged cell.
            if (after != before)
                sqlite3_bind_int64(m_stmt, i, after);
            ++i;
        }
        for (const auto &[after, before] : {std::pair{c.maxError, r.maxError}, {c.mpe, r.mpe}}) {
            // Bit-exact: any difference is stored, as the full row did.
            if (!std::isnan(after) && !(after == before))
                sqlite3_bind_double(m_stmt, i, after);
            ++i;
        }
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        return rc == SQLITE_DONE || fail();
    }

    void finish()
    {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }

    QString error() const { return m_error; }

private:
    /// Whether cleaned string \a after equals raw value \a before of \a slot: the raw value's
    /// id among the cleaned strings is looked up once per (slot, raw value).
    bool sameText(std::size_t slot, int before, int after, const RunState &run)
    {
        std::vector<int> &same = m_same[slot];
        if (same.empty())
            same.assign(std::size_t(run.table.dictionary[slot].size()), kUnknown);
        int &id = same[std::size_t(before)];
        if (id == kUnknown)
            id = run.strings.find(run.table.dictionary[slot].at(before)); // −1: not a cleaned string
        return id == after;
    }

    const QByteArray &utf8Of(int id, const Interner &strings)
    {
        if (std::size_t(id) >= m_utf8.size())
            m_utf8.resize(std::size_t(strings.size()));
        QByteArray &utf8 = m_utf8[std::size_t(id)];
        if (utf8.isNull())
            utf8 = strings.at(id).toUtf8();
        if (utf8.isNull())
            utf8 = QByteArray(""); // text columns hold '' for empty, never NULL
        return utf8;
    }

    bool fail()
    {
        m_error = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                           : u"record_clean needs the QSQLITE driver"_s;
        return false;
    }

    sqlite3 *m_handle;
    QString m_sql;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    static constexpr int kUnknown = -2;
    std::array<std::vector<int>, kCleanedCount> m_same;
    std::vector<QByteArray> m_utf8;
};

} // namespace

std::optional<CleaningSummary> writeRun(RunState &run, Workspace &workspace,
                                        const QElapsedTimer &timer, CoreError *error)
{
    QSqlDatabase &db = workspace.database();
    const QList<RuleInfo> &rules = allRules();
    const QString user = run.options.userName;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto fail = [&](const QString &detail) {
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
    for (auto it = run.log.cbegin(); it != run.log.cend(); ++it) {
        const LogKey &k = it.key();
        const QString code(rules[k.rule].code);
        RuleTally &tally = summary.fixes[code];
        ++tally.entries;
        tally.values += it.value();
        if (!log.add({summary.runId, code,
                      QString(fieldInfo(kCleanedFields[std::size_t(k.field)]).key),
                      run.strings.at(k.scope), t.dictionary[std::size_t(k.field)].at(k.before),
                      run.strings.at(k.after), it.value(), user, now}))
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
        const QString field = f.field >= 0
                                  ? QString(fieldInfo(kCleanedFields[std::size_t(f.field)]).key)
                                  : u"certificate_no"_s;
        if (!findings.add({summary.runId, t.rows[f.row].id, t.rows[f.row].batchId,
                           QString(info.code), QString(severityKey(info.severity)), field, f.value,
                           QString(actionKey(f.action))}))
            return fail(findings.error());
    }
    if (!findings.finish())
        return fail(findings.error());

    // Suggestions, and the automatic decisions of this run.
    QSqlQuery sug(db);
    sug.prepare(u"INSERT INTO alias_suggestion (run_id, kind, alias, canonical, score, name_score,"
                " model_score, blocked, valid_from_day, status, evidence_json)"
                " VALUES (?, 'manufacturer', ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    summary.autoAcceptScore = run.options.rules.autoAcceptScore;
    for (const AliasSuggestion &s : std::as_const(run.suggestions)) {
        const bool accepted = run.autoAccepted.contains(s.alias);
        const QString status = accepted                     ? u"accepted"_s
                               : s.blocked == "rejected"_L1 ? u"rejected"_s
                                                            : u"pending"_s;
        ++summary.suggestions;
        summary.autoAccepted += accepted ? 1 : 0;
        summary.pendingSuggestions += status == "pending"_L1 ? 1 : 0;
        for (const QVariant &v :
             {QVariant(summary.runId), QVariant(s.alias), QVariant(s.canonical), QVariant(s.score),
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
    double before = 0.0;
    for (const double ms : std::as_const(run.phasesMs))
        before += ms;
    summary.phasesMs.insert(u"write"_s, summary.elapsedMs - before);
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
