// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/schema.h"

#include "model/field.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace metroeval::core::schema {

using namespace Qt::StringLiterals;

namespace {

QStringList version1()
{
    // Raw text of every canonical field, never altered, plus typed columns parsed from it.
    QString rawColumns;
    for (const FieldInfo &info : allFields())
        rawColumns += u", "_s + info.key + u" TEXT NOT NULL DEFAULT ''"_s;
    return {
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE import_batch (id INTEGER PRIMARY KEY, file_name TEXT NOT NULL,"
        " file_size INTEGER NOT NULL, sha256 TEXT NOT NULL, encoding TEXT NOT NULL,"
        " delimiter TEXT NOT NULL, imported_at TEXT NOT NULL, user_name TEXT NOT NULL,"
        " mapping TEXT NOT NULL, rows_read INTEGER NOT NULL, imported INTEGER NOT NULL,"
        " duplicates INTEGER NOT NULL, quarantined INTEGER NOT NULL)"_s,
        u"CREATE TABLE record (id INTEGER PRIMARY KEY,"
        " batch_id INTEGER NOT NULL REFERENCES import_batch(id),"
        " source_line INTEGER NOT NULL, content_hash BLOB NOT NULL"_s
            + rawColumns
            + u", verification_day INTEGER, due_day INTEGER, manufacture_day INTEGER,"
              " passed INTEGER, max_error_value REAL, mpe_value REAL)"_s,
        u"CREATE UNIQUE INDEX record_content ON record(content_hash)"_s,
        u"CREATE TABLE quarantine (id INTEGER PRIMARY KEY,"
        " batch_id INTEGER NOT NULL REFERENCES import_batch(id), source_line INTEGER NOT NULL,"
        " column_index INTEGER NOT NULL, code TEXT NOT NULL, detail TEXT NOT NULL,"
        " raw_text TEXT NOT NULL)"_s,
    };
}

QStringList version2()
{
    // Results are stored with the plan that made them; certificate look-ups get an index.
    return {
        u"CREATE INDEX record_certificate ON record(certificate_no)"_s,
        u"CREATE TABLE evaluation_result (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL,"
        " title TEXT NOT NULL, plan_json TEXT NOT NULL, result_json TEXT NOT NULL)"_s,
    };
}

QStringList version3()
{
    // Import provenance, record versions, typed extras, correctable quarantine and named mapping
    // profiles (issue 4, docs/import.md). Records are never overwritten: a changed record under a
    // known certificate is a new row whose predecessor points to it through superseded_by.
    return {
        u"ALTER TABLE import_batch ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'csv'"_s,
        u"ALTER TABLE import_batch ADD COLUMN sheet TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE import_batch ADD COLUMN profile_name TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE import_batch ADD COLUMN header_json TEXT NOT NULL DEFAULT '[]'"_s,
        u"ALTER TABLE import_batch ADD COLUMN date1904 INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE import_batch ADD COLUMN new_versions INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE import_batch ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE record ADD COLUMN version INTEGER NOT NULL DEFAULT 1"_s,
        u"ALTER TABLE record ADD COLUMN superseded_by INTEGER"_s,
        u"ALTER TABLE record ADD COLUMN value_unit TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE record ADD COLUMN failed_item_list TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE record ADD COLUMN flags TEXT NOT NULL DEFAULT ''"_s,
        u"ALTER TABLE quarantine ADD COLUMN fields_json TEXT NOT NULL DEFAULT '[]'"_s,
        u"ALTER TABLE quarantine ADD COLUMN status TEXT NOT NULL DEFAULT 'open'"_s,
        u"ALTER TABLE quarantine ADD COLUMN resolved_record_id INTEGER"_s,
        u"ALTER TABLE quarantine ADD COLUMN resolved_at TEXT"_s,
        u"CREATE INDEX quarantine_batch ON quarantine(batch_id, status)"_s,
        u"CREATE TABLE mapping_profile (name TEXT PRIMARY KEY, profile_json TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)"_s,
        u"CREATE VIEW current_record AS SELECT * FROM record WHERE superseded_by IS NULL"_s,
    };
}

QStringList version4()
{
    // Cleaning (issue 5, docs/cleaning.md): raw values in `record` stay untouched; cleaned values
    // live beside them in record_clean (one row per record that changed, holding only the cells
    // that differ from the raw record: NULL means unchanged, which keeps a run's writes small),
    // excluded records in record_mask; every change is a cleaning_log entry. The view
    // record_effective is what evaluations read. The column list is frozen here on purpose
    // (a migration never changes); cleaning/cleanedcolumns.h must list the same names.
    const QStringList cleaned{u"category"_s,         u"model"_s,           u"serial_no"_s,
                              u"manufacturer"_s,     u"manufacture_date"_s, u"measuring_range"_s,
                              u"accuracy_class"_s,   u"mpe"_s,             u"verification_type"_s,
                              u"verification_date"_s, u"due_date"_s,       u"conclusion"_s,
                              u"failed_items"_s,     u"max_error"_s};
    const QStringList typed{u"verification_day"_s, u"due_day"_s,     u"manufacture_day"_s,
                            u"passed"_s,           u"max_error_value"_s, u"mpe_value"_s};
    QString cleanColumns;
    for (const QString &c : cleaned)
        cleanColumns += u", "_s + c + u" TEXT"_s;
    cleanColumns += u", verification_day INTEGER, due_day INTEGER, manufacture_day INTEGER,"
                    " passed INTEGER, max_error_value REAL, mpe_value REAL"_s;
    QString select = u"r.id AS id, r.batch_id AS batch_id, r.source_line AS source_line,"
                     " r.content_hash AS content_hash"_s;
    auto pick = [](const QString &c) -> QString {
        return u", COALESCE(c."_s + c + u", r."_s + c + u") AS "_s + c;
    };
    for (const FieldInfo &info : allFields()) {
        const QString key(info.key);
        select += cleaned.contains(key) ? pick(key) : QString(u", r."_s + key + u" AS "_s + key);
    }
    for (const QString &c : typed)
        select += pick(c);
    return {
        u"CREATE TABLE cleaning_run (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL,"
        " user_name TEXT NOT NULL, accept_aliases TEXT NOT NULL, rules_json TEXT NOT NULL,"
        " summary_json TEXT NOT NULL DEFAULT '{}', elapsed_ms REAL)"_s,
        u"CREATE TABLE cleaning_log (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL,"
        " rule TEXT NOT NULL, field TEXT NOT NULL, scope TEXT NOT NULL DEFAULT '',"
        " record_id INTEGER, before_value TEXT NOT NULL, after_value TEXT NOT NULL,"
        " records INTEGER NOT NULL, user_name TEXT NOT NULL, created_at TEXT NOT NULL,"
        " reverted_at TEXT, reverted_by TEXT)"_s,
        u"CREATE INDEX cleaning_log_run ON cleaning_log(run_id, rule)"_s,
        u"CREATE TABLE cleaning_suppression (id INTEGER PRIMARY KEY, rule TEXT NOT NULL,"
        " field TEXT, scope TEXT, before_value TEXT, record_id INTEGER, log_id INTEGER,"
        " user_name TEXT NOT NULL, created_at TEXT NOT NULL)"_s,
        u"CREATE TABLE cleaning_finding (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL,"
        " record_id INTEGER NOT NULL, batch_id INTEGER NOT NULL, rule TEXT NOT NULL,"
        " severity TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,"
        " action TEXT NOT NULL)"_s,
        u"CREATE INDEX cleaning_finding_rule ON cleaning_finding(rule, record_id)"_s,
        u"CREATE TABLE record_clean (record_id INTEGER PRIMARY KEY"_s + cleanColumns + u")"_s,
        u"CREATE TABLE record_mask (record_id INTEGER PRIMARY KEY, rule TEXT NOT NULL,"
        " log_id INTEGER)"_s,
        u"CREATE TABLE alias_decision (id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
        " scope TEXT NOT NULL DEFAULT '', alias TEXT NOT NULL, canonical TEXT NOT NULL,"
        " decision TEXT NOT NULL, valid_from_day INTEGER, score REAL, source TEXT NOT NULL,"
        " user_name TEXT NOT NULL, decided_at TEXT NOT NULL, UNIQUE (kind, scope, alias))"_s,
        u"CREATE TABLE alias_suggestion (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL,"
        " kind TEXT NOT NULL, alias TEXT NOT NULL, canonical TEXT NOT NULL, score REAL NOT NULL,"
        " name_score REAL NOT NULL, model_score REAL NOT NULL, blocked TEXT NOT NULL,"
        " valid_from_day INTEGER, status TEXT NOT NULL, evidence_json TEXT NOT NULL)"_s,
        u"CREATE VIEW record_effective AS SELECT "_s + select
            + u" FROM record r LEFT JOIN record_clean c ON c.record_id = r.id"
              " WHERE r.id NOT IN (SELECT record_id FROM record_mask)"_s,
    };
}

QStringList version5()
{
    // Named evaluation plans kept in the workspace (issue 8, docs/plan-format.md): the plan's
    // JSON as validated and normalised by the plan parser, who saved it and when.
    return {
        u"CREATE TABLE evaluation_plan (name TEXT PRIMARY KEY, plan_json TEXT NOT NULL,"
        " title TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
        " user_name TEXT NOT NULL)"_s,
    };
}

QStringList version6()
{
    // The certificate index served only the importer's look-up of a certificate's current
    // record, which it now makes in memory (RecordWriter::trackVersions loads every current
    // certificate with its record). Rebuilding the index after a bulk load was a tenth of a
    // 1M-record import; the rare SQL fall-back (two certificates sharing a 64-bit key, or one
    // corrected quarantined row) scans the table instead.
    return {u"DROP INDEX IF EXISTS record_certificate"_s};
}

QStringList version7()
{
    // Record identity moves from the unique index on record(content_hash) to a table of its own,
    // keyed and ordered by the hash. After a bulk load the importer writes it in one sorted pass,
    // a third of the time SQLite took to sort and build the index (docs/import.md, Speed). The
    // primary key keeps each content once; record.content_hash is unchanged.
    return {
        u"CREATE TABLE record_identity (content_hash BLOB PRIMARY KEY,"
        " record_id INTEGER NOT NULL REFERENCES record(id)) WITHOUT ROWID"_s,
        u"INSERT INTO record_identity (content_hash, record_id)"
        " SELECT content_hash, id FROM record"_s,
        u"DROP INDEX IF EXISTS record_content"_s,
    };
}

QStringList version8()
{
    // The content hash's text encoding becomes a setting of the workspace (ContentHashText,
    // docs/import.md). A workspace that holds records keeps UTF-16, the definition its stored
    // hashes, record identities and result fingerprints follow; any other hashes UTF-8 from now
    // on. Nothing is rehashed.
    return {
        u"INSERT INTO meta (key, value) SELECT 'content_hash_text',"
        " CASE WHEN EXISTS (SELECT 1 FROM record) THEN 'utf-16' ELSE 'utf-8' END"_s,
    };
}

using Migration = QStringList (*)();
constexpr Migration kMigrations[]
    = {version1, version2, version3, version4, version5, version6, version7, version8};

} // namespace

int latestVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

int userVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(u"PRAGMA user_version"_s) && q.next())
        return q.value(0).toInt();
    return -1;
}

QString migrate(QSqlDatabase &db, int target)
{
    QSqlQuery q(db);
    for (int v = userVersion(db); v < target; ++v) {
        for (const QString &statement : kMigrations[v]()) {
            if (!q.exec(statement))
                return statement.left(60) + u": "_s + q.lastError().text();
        }
        if (!q.exec(u"PRAGMA user_version = %1"_s.arg(v + 1)))
            return q.lastError().text();
    }
    return {};
}

} // namespace metroeval::core::schema
