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
    // Reserved for import provenance and record versions (issue 4).
    return {};
}

QStringList version4()
{
    // Reserved for cleaning: cleaned values, aliases, cleaning log (issue 5).
    return {};
}

using Migration = QStringList (*)();
constexpr Migration kMigrations[] = {version1, version2, version3, version4};

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
