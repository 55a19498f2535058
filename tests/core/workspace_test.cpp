// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/recordstore.h"
#include "storage/schema.h"
#include "storage/workspace.h"

#include "coretestsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <span>
#include <tuple>

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

namespace {
/// Opens a transaction on \a ws, a bulk load (the record table is empty) and one batch in it;
/// the batch id, or 0 when a step fails.
qint64 beginBulkLoadWithABatch(Workspace &ws, RecordWriter &writer)
{
    bool bulk = false;
    if (!ws.database().transaction() || !writer.beginBulkLoad(&bulk) || !bulk
        || !writer.prepare())
        return 0;
    ImportBatchInfo batch;
    batch.fileName = u"a.csv"_s;
    batch.importedAt = QDateTime::currentDateTimeUtc();
    return writer.insertBatch(batch);
}
} // namespace

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
    RecordWriter writer(ws->database());
    const qint64 batchId = beginBulkLoadWithABatch(*ws, writer);
    ASSERT_GT(batchId, 0) << writer.lastError().toStdString();
    // WHEN the caller passes the same content twice all the same, in one run of rows
    EncodedRecord text;
    encodeRecord(r, {}, text);
    const QByteArray hash = recordContentHash(r, ContentHashText::Utf8);
    const std::vector<RecordRow> rows{{&r, &text, &hash}, {&r, &text, &hash}};
    std::vector<RecordWriter::Outcome> outcomes;
    ASSERT_TRUE(writer.insertRecords(batchId, rows, outcomes));
    // THEN the identity table refuses the second and the load fails instead of storing it twice
    EXPECT_FALSE(writer.endBulkLoad());
    writer.finish();
    ws->database().rollback();
    EXPECT_EQ(countRecords(ws->database()), 0);
}

TEST(Workspace, ARunOfRecordsWrittenAtOnceFindsEachCertificatesVersionAmongEarlierRowsOnly)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"run.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    // GIVEN four records, three of them contents of certificate A, in one run
    const std::array<std::pair<QString, int>, 4> contents{
        {{u"A"_s, 1}, {u"B"_s, 1}, {u"A"_s, 2}, {u"A"_s, 3}}};
    std::vector<VerificationRecord> records(contents.size());
    std::vector<EncodedRecord> texts(contents.size());
    std::vector<QByteArray> hashes(contents.size());
    std::vector<RecordRow> rows;
    for (std::size_t k = 0; k < contents.size(); ++k) {
        records[k].text(Field::CertificateNo) = contents[k].first;
        records[k].verificationDate = QDate(2023, 5, contents[k].second);
        records[k].text(Field::VerificationDate) = records[k].verificationDate.toString(Qt::ISODate);
        records[k].sourceLine = qint64(k) + 2;
        encodeRecord(records[k], {}, texts[k]);
        hashes[k] = recordContentHash(records[k], ContentHashText::Utf8);
        rows.push_back({&records[k], &texts[k], &hashes[k]});
    }
    // WHEN a bulk load writes them in one statement, with no version tracking, so that each
    // certificate's current record is looked up in SQL after the whole run is in the table
    RecordWriter writer(ws->database());
    const qint64 batchId = beginBulkLoadWithABatch(*ws, writer);
    ASSERT_GT(batchId, 0) << writer.lastError().toStdString();
    std::vector<RecordWriter::Outcome> outcomes;
    ASSERT_TRUE(writer.insertRecords(batchId, rows, outcomes)) << writer.lastError().toStdString();
    ASSERT_TRUE(writer.endBulkLoad());
    writer.finish();
    ASSERT_TRUE(ws->database().commit());
    // THEN each A saw only the As before it: versions 1, 2, 3, each superseded by the next
    using O = RecordWriter::Outcome;
    EXPECT_EQ(outcomes, (std::vector<O>{O::Inserted, O::Inserted, O::NewVersion, O::NewVersion}));
    QSqlQuery q(u"SELECT id, version, superseded_by, source_line FROM record ORDER BY id"_s,
                ws->database());
    QStringList table;
    while (q.next())
        table.append(QStringList{q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).isNull() ? u"-"_s : q.value(2).toString(),
                                 q.value(3).toString()}
                         .join(u' '));
    EXPECT_EQ(table, (QStringList{u"1 1 3 2"_s, u"2 1 - 3"_s, u"3 2 4 4"_s, u"4 3 - 5"_s}));
}

namespace {
/// Certificates A, B, A, A as records of one run, each with the version its caller decided.
struct DecidedRun
{
    std::array<QString, 4> certificates{u"A"_s, u"B"_s, u"A"_s, u"A"_s};
    std::array<VerificationRecord, 4> records;
    std::array<EncodedRecord, 4> texts;
    std::array<QByteArray, 4> hashes;
    std::vector<RecordRow> rows;

    DecidedRun()
    {
        for (std::size_t k = 0; k < records.size(); ++k) {
            records[k].text(Field::CertificateNo) = certificates[k];
            records[k].verificationDate = QDate(2023, 5, int(k) + 1);
            records[k].sourceLine = qint64(k) + 2;
            encodeRecord(records[k], {}, texts[k]);
            hashes[k] = recordContentHash(records[k], ContentHashText::Utf8);
            rows.push_back({&records[k], &texts[k], &hashes[k]});
        }
        // version, supersedes (ordinal in the load)
        const std::array<std::pair<qint64, qint64>, 4> decided{{{1, -1}, {1, -1}, {2, 0}, {3, 2}}};
        for (std::size_t k = 0; k < rows.size(); ++k)
            std::tie(rows[k].version, rows[k].supersedes) = decided[k];
    }
};

QStringList versionTable(Workspace &ws)
{
    QSqlQuery q(u"SELECT id, certificate_no, version, superseded_by FROM record ORDER BY id"_s,
                ws.database());
    QStringList table;
    while (q.next())
        table.append(QStringList{q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).toString(),
                                 q.value(3).isNull() ? u"-"_s : q.value(3).toString()}
                         .join(u' '));
    return table;
}
} // namespace

TEST(Workspace, ABulkLoadTakesTheVersionsItsCallerDecided)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"decided.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    // GIVEN A, B, A, A with versions decided by the caller, in two runs (the chain crosses them)
    DecidedRun run;
    RecordWriter writer(ws->database());
    const qint64 batchId = beginBulkLoadWithABatch(*ws, writer);
    ASSERT_GT(batchId, 0) << writer.lastError().toStdString();
    // WHEN the bulk load writes them
    std::vector<RecordWriter::Outcome> first;
    std::vector<RecordWriter::Outcome> second;
    const std::span<const RecordRow> rows(run.rows);
    ASSERT_TRUE(writer.insertRecords(batchId, rows.first(3), first))
        << writer.lastError().toStdString();
    ASSERT_TRUE(writer.insertRecords(batchId, rows.subspan(3), second))
        << writer.lastError().toStdString();
    ASSERT_TRUE(writer.endBulkLoad());
    writer.finish();
    ASSERT_TRUE(ws->database().commit());
    // THEN the outcomes and the table are those the writer makes itself
    using O = RecordWriter::Outcome;
    EXPECT_EQ(first, (std::vector<O>{O::Inserted, O::Inserted, O::NewVersion}));
    EXPECT_EQ(second, (std::vector<O>{O::NewVersion}));
    EXPECT_EQ(versionTable(*ws),
              (QStringList{u"1 A 1 3"_s, u"2 B 1 -"_s, u"3 A 2 4"_s, u"4 A 3 -"_s}));
}

TEST(Workspace, ABulkLoadRefusesCallerVersionsThatDoNotHold)
{
    // GIVEN decisions that are wrong in each way the writer can see
    struct Case
    {
        const char *what;
        std::size_t row;
        qint64 version;
        qint64 supersedes;
    };
    const Case cases[] = {
        {"supersedes a record of another certificate", 2, 2, 1},
        {"supersedes a record that is superseded already", 3, 2, 0},
        {"skips a version", 3, 4, 2},
        {"supersedes a record not yet written", 2, 2, 3},
        {"a later version superseding nothing", 2, 2, -1},
    };
    for (const Case &c : cases) {
        QTemporaryDir dir;
        CoreError error;
        auto ws = Workspace::open(dir.filePath(u"wrong.metroeval"_s), &error);
        ASSERT_TRUE(ws);
        DecidedRun run;
        run.rows[c.row].version = c.version;
        run.rows[c.row].supersedes = c.supersedes;
        RecordWriter writer(ws->database());
        const qint64 batchId = beginBulkLoadWithABatch(*ws, writer);
        ASSERT_GT(batchId, 0) << writer.lastError().toStdString();
        // WHEN the load writes them THEN it fails, saying why
        std::vector<RecordWriter::Outcome> outcomes;
        EXPECT_FALSE(writer.insertRecords(batchId, run.rows, outcomes)) << c.what;
        EXPECT_TRUE(writer.lastError().contains(u"certificate versions"_s))
            << c.what << ": " << writer.lastError().toStdString();
        writer.finish();
        ws->database().rollback();
    }
}

TEST(Workspace, ABulkLoadRefusesVersionsDecidedPartlyByTheCallerAndPartlyByTheWriter)
{
    for (const bool callerFirst : {true, false}) {
        QTemporaryDir dir;
        CoreError error;
        auto ws = Workspace::open(dir.filePath(u"mixed.metroeval"_s), &error);
        ASSERT_TRUE(ws);
        // GIVEN a run in which one record leaves its version to the writer
        DecidedRun run;
        const std::size_t left = callerFirst ? 3 : 0;
        run.rows[left].version = 0;
        run.rows[left].supersedes = -1;
        RecordWriter writer(ws->database());
        const qint64 batchId = beginBulkLoadWithABatch(*ws, writer);
        ASSERT_GT(batchId, 0) << writer.lastError().toStdString();
        // WHEN it is written THEN the load fails instead of mixing the two
        std::vector<RecordWriter::Outcome> outcomes;
        EXPECT_FALSE(writer.insertRecords(batchId, run.rows, outcomes)) << callerFirst;
        EXPECT_TRUE(writer.lastError().contains(u"certificate versions"_s))
            << writer.lastError().toStdString();
        writer.finish();
        ws->database().rollback();
    }
}
