// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/recordstore.h"
#include "storage/schema.h"
#include "storage/workspace.h"

#include "coretestsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace Qt::StringLiterals;

TEST(Workspace, CreatesAFileAtTheCurrentSchemaVersion)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"new.metroeval"_s), &error);
    ASSERT_TRUE(ws) << error.detail.toStdString();
    EXPECT_EQ(ws->schemaVersion(), Workspace::currentSchemaVersion());
    EXPECT_TRUE(QFile::exists(dir.filePath(u"new.metroeval"_s)));
}

namespace {
int pageSize(QSqlDatabase &db)
{
    QSqlQuery q(u"PRAGMA page_size"_s, db);
    return q.next() ? q.value(0).toInt() : -1;
}
} // namespace

TEST(Workspace, ANewFileHasLargePagesAndAnExistingFileKeepsItsOwn)
{
    QTemporaryDir dir;
    CoreError error;
    auto fresh = Workspace::open(dir.filePath(u"new.metroeval"_s), &error);
    ASSERT_TRUE(fresh) << error.detail.toStdString();
    EXPECT_EQ(pageSize(fresh->database()), Workspace::kNewPageSize);
    EXPECT_NE(Workspace::kNewPageSize, 4096); // else the second half proves nothing

    // GIVEN an SQLite file written with 4 KiB pages and a table of its own
    const QString path = dir.filePath(u"small-pages.metroeval"_s);
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"small-pages"_s);
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(u"PRAGMA page_size = 4096"_s));
        ASSERT_TRUE(q.exec(u"CREATE TABLE notes (text TEXT)"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO notes VALUES ('kept')"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"small-pages"_s);
    // WHEN it is opened as a workspace
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error.detail.toStdString();
    // THEN it is migrated with its page size and its data as they were
    EXPECT_EQ(ws->schemaVersion(), Workspace::currentSchemaVersion());
    EXPECT_EQ(pageSize(ws->database()), 4096);
    QSqlQuery q(u"SELECT text FROM notes"_s, ws->database());
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), u"kept"_s);
}

TEST(Workspace, RecordRoundTripKeepsRawTextAndTypedValues)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"rt.metroeval"_s);
    VerificationRecord r;
    r.sourceLine = 7;
    r.text(Field::CertificateNo) = u"YC2023-0001"_s;
    r.text(Field::Manufacturer) = u"宜昌长江仪表有限公司"_s;
    r.text(Field::VerificationDate) = u"2023年5月1日"_s;
    r.verificationDate = QDate(2023, 5, 1);
    r.passed = false;
    r.maxError = -0.031;
    {
        // GIVEN a record written in a committed transaction, in one session
        CoreError error;
        auto ws = Workspace::open(path, &error);
        ASSERT_TRUE(ws);
        ASSERT_TRUE(ws->database().transaction());
        RecordWriter writer(ws->database());
        ASSERT_TRUE(writer.prepare()) << writer.lastError().toStdString();
        ImportBatchInfo batch;
        batch.fileName = u"a.csv"_s;
        batch.importedAt = QDateTime::currentDateTimeUtc();
        batch.id = writer.insertBatch(batch);
        ASSERT_GT(batch.id, 0);
        bool duplicate = true;
        ASSERT_TRUE(writer.insertRecord(batch.id, r, &duplicate));
        EXPECT_FALSE(duplicate);
        ASSERT_TRUE(writer.insertRecord(batch.id, r, &duplicate));
        EXPECT_TRUE(duplicate); // same content: stored once
        ASSERT_TRUE(ws->database().commit());
    }
    // WHEN the file is opened again
    CoreError error;
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws);
    QSqlQuery q(u"SELECT certificate_no, manufacturer, verification_date, verification_day, passed,"
                " max_error_value, source_line FROM record"_s,
                ws->database());
    // THEN exactly that record comes back, raw and typed
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), u"YC2023-0001"_s);
    EXPECT_EQ(q.value(1).toString(), u"宜昌长江仪表有限公司"_s);
    EXPECT_EQ(q.value(2).toString(), u"2023年5月1日"_s);
    EXPECT_EQ(q.value(3).toLongLong(), QDate(2023, 5, 1).toJulianDay());
    EXPECT_EQ(q.value(4).toInt(), 0);
    EXPECT_DOUBLE_EQ(q.value(5).toDouble(), -0.031);
    EXPECT_EQ(q.value(6).toInt(), 7);
    EXPECT_FALSE(q.next());
    EXPECT_EQ(countRecords(ws->database()), 1);
}

TEST(Workspace, MigratesAVersionOneFileAndKeepsItsData)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.metroeval"_s);
    {
        // GIVEN a workspace written at schema version 1 with one batch in it
        CoreError error;
        auto ws = Workspace::openAtVersion(path, 1, &error);
        ASSERT_TRUE(ws);
        EXPECT_EQ(ws->schemaVersion(), 1);
        QSqlQuery q(ws->database());
        ASSERT_TRUE(q.exec(u"INSERT INTO import_batch (file_name, file_size, sha256, encoding,"
                           " delimiter, imported_at, user_name, mapping, rows_read, imported,"
                           " duplicates, quarantined) VALUES ('old.csv', 1, 'x', 'UTF-8', ',',"
                           " '2024-01-01', 'u', '{}', 0, 0, 0, 0)"_s));
        EXPECT_FALSE(q.exec(u"SELECT COUNT(*) FROM evaluation_result"_s)); // not there yet
    }
    // WHEN the current build opens it
    CoreError error;
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws);
    // THEN it is at the current version, the new table exists and the old data is intact
    EXPECT_EQ(ws->schemaVersion(), Workspace::currentSchemaVersion());
    QSqlQuery q(ws->database());
    EXPECT_TRUE(q.exec(u"SELECT COUNT(*) FROM evaluation_result"_s));
    EXPECT_EQ(listBatches(ws->database()).size(), 1);
    EXPECT_EQ(listBatches(ws->database()).first().fileName, u"old.csv"_s);
}

TEST(Workspace, RefusesAFileFromANewerSchema)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.metroeval"_s);
    {
        CoreError error;
        auto ws = Workspace::open(path, &error);
        ASSERT_TRUE(ws);
        QSqlQuery(u"PRAGMA user_version = 999"_s, ws->database());
    }
    CoreError error;
    EXPECT_FALSE(Workspace::open(path, &error));
    EXPECT_EQ(error.code, ErrorCode::SchemaTooNew);
}

TEST(Workspace, RefusesAFileThatIsNotSqlite)
{
    QTemporaryDir dir;
    const QString path =
        metroeval::test::writeFile(dir, u"text.metroeval"_s, QByteArray(4096, 'x'));
    CoreError error;
    EXPECT_FALSE(Workspace::open(path, &error));
    EXPECT_EQ(error.code, ErrorCode::DatabaseError);
}

TEST(Workspace, ABulkLoadTrustingItsCallerStillRefusesARepeatedContent)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"bulk.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    VerificationRecord r;
    r.text(Field::CertificateNo) = u"YC2023-0001"_s;
    r.verificationDate = QDate(2023, 5, 1);
    // GIVEN a bulk load (its caller is to remove repeated contents)
    ASSERT_TRUE(ws->database().transaction());
    RecordWriter writer(ws->database());
    bool bulk = false;
    ASSERT_TRUE(writer.beginBulkLoad(&bulk));
    ASSERT_TRUE(bulk);
    ASSERT_TRUE(writer.prepare());
    ImportBatchInfo batch;
    batch.fileName = u"a.csv"_s;
    batch.importedAt = QDateTime::currentDateTimeUtc();
    batch.id = writer.insertBatch(batch);
    // WHEN the caller passes the same content twice all the same
    bool duplicate = true;
    ASSERT_TRUE(writer.insertRecord(batch.id, r, &duplicate));
    ASSERT_TRUE(writer.insertRecord(batch.id, r, &duplicate));
    // THEN the unique index cannot be rebuilt and the load fails instead of storing it twice
    EXPECT_FALSE(writer.endBulkLoad());
    writer.finish();
    ws->database().rollback();
    EXPECT_EQ(countRecords(ws->database()), 0);
}
