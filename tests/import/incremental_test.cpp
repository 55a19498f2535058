// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental import (duplicates, versions), provenance, quarantine correction, mapping profiles.
#include <gtest/gtest.h>

#include "importtestsupport.h"
#include "io/mappingprofiles.h"
#include "io/quarantine.h"
#include "sample/samplewriter.h"
#include "storage/recordstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kHeader = "证书编号,器具名称,检定日期,检定结论,制造单位\n";

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return f.fileName();
}
} // namespace

TEST(ImportIncremental, OverlappingExportAddsOnlyWhatIsNewAndVersionsChanges)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    // GIVEN a first export of A, B, C
    const QString first = write(dir, u"a.csv"_s, kHeader + "A,压力表,2023-05-01,合格,甲\n"
                                                           "B,压力表,2023-05-02,合格,甲\n"
                                                           "C,压力表,2023-05-03,不合格,乙\n");
    // AND a second export: B again spelled 2023/5/2 (same event), C changed, D new
    const QString second = write(dir, u"b.csv"_s, kHeader + "B,压力表,2023/5/2,合格,甲\n"
                                                            "C,压力表,2023-05-03,合格,乙\n"
                                                            "D,压力表,2023-05-04,合格,丙\n");
    const auto s1 = importInto(*ws, first);
    ASSERT_TRUE(s1);
    // WHEN the second is imported, and then again
    const auto s2 = importInto(*ws, second);
    const auto s3 = importInto(*ws, second);
    ASSERT_TRUE(s2);
    ASSERT_TRUE(s3);
    // THEN B is a duplicate, C a new version, D new; the repeat adds nothing
    EXPECT_EQ(s2->imported, 2);
    EXPECT_EQ(s2->newVersions, 1);
    EXPECT_EQ(s2->duplicates, 1);
    EXPECT_EQ(s3->imported, 0);
    EXPECT_EQ(s3->duplicates, 3);
    EXPECT_TRUE(reconciles(*ws, *s2));
    EXPECT_EQ(countRecords(ws->database()), 5);        // A, B, C v1, C v2, D
    EXPECT_EQ(countCurrentRecords(ws->database()), 4); // C v1 superseded, never overwritten
    EXPECT_EQ(recordValue(*ws, u"C"_s, u"version"_s).toInt(), 2);
    EXPECT_EQ(recordValue(*ws, u"C"_s, u"passed"_s).toInt(), 1);
    QSqlQuery old(u"SELECT passed, superseded_by IS NOT NULL FROM record"
                  " WHERE certificate_no = 'C' AND version = 1"_s, ws->database());
    ASSERT_TRUE(old.next());
    EXPECT_EQ(old.value(0).toInt(), 0);
    EXPECT_TRUE(old.value(1).toBool());
}

TEST(ImportIncremental, BatchProvenanceAndRecordLines)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    const QString file = write(dir, u"p.csv"_s, kHeader + "A,压力表,2023-05-01,合格,甲\n");
    ImportOptions options;
    options.userName = u"analyst1"_s;
    options.mappingProfileName = u"宜昌所"_s;
    const auto s = importInto(*ws, file, options);
    ASSERT_TRUE(s);
    const ImportBatchInfo b = listBatches(ws->database()).constLast();
    // sha256 of the file bytes, as QCryptographicHash computes it
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    EXPECT_EQ(b.sha256, QString::fromLatin1(
                            QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                .toHex()));
    EXPECT_EQ(b.fileSize, f.size());
    EXPECT_EQ(b.userName, u"analyst1"_s);
    EXPECT_EQ(b.profileName, u"宜昌所"_s);
    EXPECT_TRUE(b.importedAt.isValid());
    EXPECT_TRUE(b.headerJson.contains(u"证书编号"_s));
    EXPECT_EQ(recordValue(*ws, u"A"_s, u"batch_id"_s).toLongLong(), s->batchId);
    EXPECT_EQ(recordValue(*ws, u"A"_s, u"source_line"_s).toInt(), 2);
}

TEST(ImportQuarantine, CorrectedRowIsReimportedAndCountsStillReconcile)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    const QString file = write(dir, u"q.csv"_s, kHeader + "A,压力表,2023-02-30,合格,甲\n"
                                                          "B,压力表,2023-05-02,待定,甲\n");
    const auto s = importInto(*ws, file);
    ASSERT_TRUE(s);
    ASSERT_EQ(s->quarantined, 2);
    const auto rows = listQuarantine(ws->database());
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0].fields, (QStringList{u"A"_s, u"压力表"_s, u"2023-02-30"_s, u"合格"_s,
                                           u"甲"_s}));
    EXPECT_EQ(rows[0].fileName, u"q.csv"_s);
    // WHEN the first is corrected and the second is "corrected" wrongly
    CoreError error;
    QStringList fixedA = rows[0].fields;
    fixedA[2] = u"2023-02-28"_s;
    const auto a = reimportQuarantinedRow(*ws, rows[0].id, fixedA, &error);
    QStringList stillB = rows[1].fields;
    stillB[3] = u"也许"_s;
    const auto b = reimportQuarantinedRow(*ws, rows[1].id, stillB, &error);
    // THEN A is imported, B stays with its reason, and the batch still reconciles
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(a->kind, ReimportResult::Kind::Imported);
    EXPECT_EQ(b->kind, ReimportResult::Kind::StillQuarantined);
    EXPECT_EQ(b->issue->code, RowIssueCode::UnknownConclusion);
    const auto open = listQuarantine(ws->database());
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open[0].detail, u"也许"_s);
    const ImportBatchInfo batch = listBatches(ws->database()).constLast();
    EXPECT_EQ(batch.imported, 1);
    EXPECT_EQ(batch.quarantined, 1);
    EXPECT_EQ(batch.corrected, 1);
    EXPECT_EQ(batch.rowsRead, batch.imported + batch.duplicates + batch.quarantined);
    EXPECT_EQ(recordValue(*ws, u"A"_s, u"source_line"_s).toInt(), 2);
    // AND a resolved row cannot be re-imported twice
    EXPECT_FALSE(reimportQuarantinedRow(*ws, rows[0].id, fixedA, &error));
}

TEST(ImportMapping, ProfileFromFileAndWorkspaceMapsUnusualHeaders)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    // GIVEN headers no synonym knows, and a profile naming them
    const QString file = write(dir, u"m.csv"_s, "编号甲,类别乙,日子,判定\nA,压力表,2023-05-01,合格\n");
    CoreError error;
    EXPECT_FALSE(importInto(*ws, file, {}, &error));
    EXPECT_EQ(error.code, ErrorCode::MissingRequiredColumns);
    const QJsonObject profile{
        {u"format"_s, u"metroeval-mapping/1"_s},
        {u"columns"_s, QJsonObject{{u"编号甲"_s, u"certificate_no"_s},
                                   {u"类别乙"_s, u"category"_s},
                                   {u"日子"_s, u"verification_date"_s},
                                   {u"判定"_s, u"conclusion"_s},
                                   {u"不存在的列"_s, u"district"_s}}}};
    ASSERT_TRUE(writeMappingProfileFile(dir.filePath(u"p.json"_s), profile, &error));
    const auto fromFile = readMappingProfileFile(dir.filePath(u"p.json"_s), &error);
    ASSERT_TRUE(fromFile);
    ImportOptions options;
    options.mappingProfile = *fromFile;
    // WHEN imported with it
    const auto s = importInto(*ws, file, options, &error);
    // THEN the row is imported; the profile also round-trips through the workspace
    ASSERT_TRUE(s) << error.detail.toStdString();
    EXPECT_EQ(s->imported, 1);
    ASSERT_TRUE(saveMappingProfile(ws->database(), u"odd"_s, profile, &error));
    EXPECT_EQ(listMappingProfiles(ws->database()), QStringList{u"odd"_s});
    EXPECT_EQ(loadMappingProfile(ws->database(), u"odd"_s)->value(u"columns"_s), profile["columns"_L1]);
    // AND an unknown field key is refused
    QJsonObject bad = profile;
    bad[u"columns"_s] = QJsonObject{{u"编号甲"_s, u"no_such_field"_s}};
    options.mappingProfile = bad;
    EXPECT_FALSE(importInto(*ws, file, options, &error));
    EXPECT_EQ(error.code, ErrorCode::InvalidMapping);
}

namespace {
// Every row of the tables an import writes, ids included, as text (import_batch without the
// import time).
QStringList dumpImportTables(Workspace &ws)
{
    QStringList rows;
    const QStringList queries{
        u"SELECT * FROM record ORDER BY id"_s, u"SELECT * FROM quarantine ORDER BY id"_s,
        u"SELECT * FROM record_identity ORDER BY content_hash"_s,
        u"SELECT id, file_name, file_size, sha256, encoding, delimiter, user_name, mapping,"
        " rows_read, imported, duplicates, quarantined, source_kind, sheet, profile_name,"
        " header_json, date1904, new_versions, corrected FROM import_batch ORDER BY id"_s,
        u"SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"_s};
    for (const QString &sql : queries) {
        QSqlQuery q(sql, ws.database());
        while (q.next()) {
            QStringList cells;
            for (int c = 0; c < q.record().count(); ++c) {
                const QVariant v = q.value(c);
                cells.append(v.isNull() ? u"NULL"_s
                             : v.metaType().id() == QMetaType::QByteArray
                                 ? QString::fromLatin1(v.toByteArray().toHex())
                                 : v.toString());
            }
            rows.append(cells.join(u'|'));
        }
    }
    return rows;
}
/// Two fresh workspaces that take the same files: one by the bulk path, the other row by row
/// with the indexes in place.
struct BulkAndPlain
{
    QTemporaryDir bulkDir;
    QTemporaryDir plainDir;
    std::unique_ptr<Workspace> bulk = freshWorkspace(bulkDir);
    std::unique_ptr<Workspace> plain = freshWorkspace(plainDir);

    std::pair<std::optional<ImportSummary>, std::optional<ImportSummary>> import(const QString &file)
    {
        ImportOptions noBulk;
        noBulk.allowBulkLoad = false;
        auto first = importInto(*bulk, file);
        return {std::move(first), importInto(*plain, file, noBulk)};
    }
};
} // namespace

TEST(ImportBulkLoad, FreshWorkspaceGivesTheSameTablesAsTheIncrementalPath)
{
    QTemporaryDir dir;
    // GIVEN a generated dirty export (duplicates, quarantined rows, repeated certificates)
    ASSERT_TRUE(writeSampleExport(dir, 3000, 7, metroeval::sample::XlsxMode::Never).ok);
    const QString csv = sampleFile(dir, u"export.csv"_s);
    // AND a second export: one changed record (a new version), one repeat, one new certificate
    const QString second = write(dir, u"second.csv"_s, kHeader + "A,压力表,2023-05-01,合格,甲\n"
                                                                 "A,压力表,2023-05-01,合格,甲\n"
                                                                 "A,压力表,2023-05-02,合格,甲\n");
    BulkAndPlain both;
    // WHEN the export goes into one fresh workspace by the bulk path and into the other row by
    // row with the indexes in place, and then the second export into both
    const auto [b1, p1] = both.import(csv);
    ASSERT_TRUE(b1);
    ASSERT_TRUE(p1);
    const auto [b2, p2] = both.import(second);
    ASSERT_TRUE(b2);
    ASSERT_TRUE(p2);
    // THEN the summaries and every table row agree, record identities and schema included
    EXPECT_GT(b1->duplicates, 0);
    EXPECT_GT(b1->quarantined, 0);
    EXPECT_EQ(b1->imported, p1->imported);
    EXPECT_EQ(b1->newVersions, p1->newVersions);
    EXPECT_EQ(b1->duplicates, p1->duplicates);
    EXPECT_EQ(b1->quarantineReasons, p1->quarantineReasons);
    EXPECT_EQ(b1->sha256, p1->sha256);
    EXPECT_TRUE(reconciles(*both.bulk, *b1));
    const QStringList bulkRows = dumpImportTables(*both.bulk);
    EXPECT_EQ(bulkRows, dumpImportTables(*both.plain));
    // AND each record's identity is in record_identity, one row per record
    QSqlQuery q(u"SELECT COUNT(*) FROM record r JOIN record_identity i"
                " ON i.record_id = r.id AND i.content_hash = r.content_hash"_s,
                both.bulk->database());
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toLongLong(), countRecords(both.bulk->database()));
    EXPECT_EQ(q.value(0).toLongLong(), b1->imported + b2->imported);
}

TEST(ImportBulkLoad, VersionsWrittenInOneStatementAreChainedAsRowByRow)
{
    // GIVEN one export in which a certificate changes three times between other rows, all within
    // one chunk of the bulk path's single INSERT ... SELECT, a quarantined row among them
    QTemporaryDir dir;
    const QString csv = write(dir, u"versions.csv"_s, kHeader + "A,压力表,2023-05-01,合格,甲\n"
                                                                "B,压力表,2023-05-01,合格,乙\n"
                                                                "A,压力表,2023-05-02,合格,甲\n"
                                                                "C,压力表,不是日期,合格,丙\n"
                                                                "A,压力表,2023-05-03,不合格,甲\n"
                                                                "B,压力表,2023-05-01,合格,乙\n"
                                                                "A,压力表,2023-05-04,合格,甲\n");
    BulkAndPlain both;
    // WHEN it goes into one fresh workspace by the bulk path and into the other row by row
    const auto [b, p] = both.import(csv);
    ASSERT_TRUE(b);
    ASSERT_TRUE(p);
    // THEN A has versions 1…4, each superseded by the next, and both workspaces agree row by row
    EXPECT_EQ(b->imported, 5);
    EXPECT_EQ(b->newVersions, 3);
    EXPECT_EQ(b->duplicates, 1);
    EXPECT_EQ(b->quarantined, 1);
    QSqlQuery q(u"SELECT id, version, superseded_by FROM record WHERE certificate_no = 'A'"
                " ORDER BY id"_s,
                both.bulk->database());
    QStringList chain;
    while (q.next())
        chain.append(q.value(0).toString() + u':' + q.value(1).toString() + u'>'
                     + (q.value(2).isNull() ? u"-"_s : q.value(2).toString()));
    EXPECT_EQ(chain, (QStringList{u"1:1>3"_s, u"3:2>4"_s, u"4:3>5"_s, u"5:4>-"_s}));
    EXPECT_EQ(dumpImportTables(*both.bulk), dumpImportTables(*both.plain));
}

TEST(ImportBulkLoad, RowsWithTheSameContentUnderDifferentCertificatesAreRepeatsAsRowByRow)
{
    // GIVEN rows whose content hashes are equal although their certificates differ: fields are
    // joined with 0x1F, so certificate "P<0x1F>Q" with category 压力表 reads as certificate "P"
    // with category "Q<0x1F>压力表"; the bulk path looks for repeats per certificate
    QTemporaryDir dir;
    for (const bool separatorFirst : {true, false}) {
        const QByteArray a = "P\x1fQ,压力表,2023-05-01,合格,甲\n";
        const QByteArray b = "P,Q\x1f压力表,2023-05-01,合格,甲\n";
        const QString csv
            = write(dir, separatorFirst ? u"ab.csv"_s : u"ba.csv"_s,
                    kHeader + (separatorFirst ? a + b : b + a) + "P,压力表,2023-05-02,合格,甲\n");
        BulkAndPlain both;
        // WHEN the file goes into one fresh workspace by the bulk path, into the other row by row
        const auto [bulk, plain] = both.import(csv);
        ASSERT_TRUE(bulk);
        ASSERT_TRUE(plain);
        // THEN the second of the two is a repeat in both, and the tables agree row by row
        EXPECT_EQ(plain->duplicates, 1);
        EXPECT_EQ(bulk->duplicates, 1) << separatorFirst;
        EXPECT_EQ(bulk->imported, 2);
        EXPECT_EQ(bulk->newVersions, plain->newVersions);
        EXPECT_EQ(dumpImportTables(*both.bulk), dumpImportTables(*both.plain));
    }
}

TEST(ImportBulkLoad, CancelledBulkLoadLeavesNoRecordOrIdentity)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    // GIVEN a fresh workspace and an import that is cancelled at its first progress report
    const QString csv = write(dir, u"a.csv"_s, kHeader + "A,压力表,2023-05-01,合格,甲\n");
    ImportOptions options;
    options.progress = [](qint64, qint64) { return false; };
    CoreError error;
    // WHEN it runs
    EXPECT_FALSE(importInto(*ws, csv, options, &error));
    // THEN nothing was written: no record, no identity
    EXPECT_EQ(error.code, ErrorCode::Cancelled);
    EXPECT_EQ(countRecords(ws->database()), 0);
    QSqlQuery q(u"SELECT COUNT(*) FROM record_identity"_s, ws->database());
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
}

TEST(ImportBulkLoad, ALoadThatOutgrowsItsPageCacheRollsBackToTheEmptyWorkspace)
{
    QTemporaryDir dir;
    // GIVEN a generated export of about 14 MB of records (more than the bulk load's 8 MB page
    // cache, so that pages are written to the file before the end of the transaction)
    ASSERT_TRUE(writeSampleExport(dir, 40000, 3, metroeval::sample::XlsxMode::Never).ok);
    const QString csv = sampleFile(dir, u"export.csv"_s);
    auto ws = freshWorkspace(dir);
    // WHEN the import is cancelled after most of its rows were written
    int reports = 0;
    ImportOptions cancelLate;
    cancelLate.progress = [&reports](qint64, qint64) { return ++reports < 16; };
    CoreError error;
    EXPECT_FALSE(importInto(*ws, csv, cancelLate, &error));
    // THEN the workspace is as it was: no rows, no identities, the file consistent
    EXPECT_EQ(error.code, ErrorCode::Cancelled);
    EXPECT_GE(reports, 16);
    EXPECT_EQ(countRecords(ws->database()), 0);
    QSqlQuery q(ws->database());
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM record_identity"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    ASSERT_TRUE(q.exec(u"PRAGMA integrity_check"_s) && q.next());
    EXPECT_EQ(q.value(0).toString(), u"ok"_s);
    q.finish();
    // AND the same export then imports in full
    const auto summary = importInto(*ws, csv, {}, &error);
    ASSERT_TRUE(summary) << int(error.code) << " " << qPrintable(error.detail);
    EXPECT_TRUE(reconciles(*ws, *summary));
    EXPECT_EQ(countRecords(ws->database()), summary->imported);
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM record_identity"_s) && q.next());
    EXPECT_EQ(q.value(0).toLongLong(), summary->imported);
}

TEST(ImportBulkLoad, ForeignKeysAreCheckedAgainAfterAnImportThatDidNotCheckThem)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    // GIVEN an import that is cancelled, then one that completes with a quarantined row
    const QString csv = write(dir, u"a.csv"_s, kHeader + "A,压力表,2023-05-01,合格,甲\n"
                                                         "B,压力表,2023-05-02\n"
                                                         "C,压力表,2023-05-03,合格,乙\n");
    ImportOptions cancel;
    cancel.progress = [](qint64, qint64) { return false; };
    EXPECT_FALSE(importInto(*ws, csv, cancel));
    const auto summary = importInto(*ws, csv);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->quarantined, 1);
    QSqlQuery q(ws->database());
    // THEN every record and quarantined row names a batch that exists
    ASSERT_TRUE(q.exec(u"PRAGMA foreign_key_check"_s));
    EXPECT_FALSE(q.next());
    // AND the workspace enforces foreign keys again: a record of a batch that does not exist
    // is refused
    ASSERT_TRUE(q.exec(u"PRAGMA foreign_keys"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_FALSE(q.exec(u"INSERT INTO record (batch_id, source_line, content_hash)"
                        " VALUES (999, 1, x'00')"_s));
}

TEST(ImportIncremental, AVersionFiveWorkspaceGetsItsIdentityTableAndKeepsVersioning)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"w.metroeval"_s);
    // GIVEN a workspace as schema 5 left it (the unique content index and the certificate
    // index, no identity table, UTF-16 content hashes), holding certificates A and B
    {
        CoreError error;
        auto ws = Workspace::openAtVersion(path, 7, &error);
        ASSERT_TRUE(ws);
        ASSERT_TRUE(importInto(*ws, write(dir, u"a.csv"_s,
                                          kHeader + "A,压力表,2023-05-01,合格,甲\n"
                                                    "B,压力表,2023-05-01,合格,甲\n")));
        QSqlQuery q(ws->database());
        for (const QString &sql :
             {u"DROP TABLE record_identity"_s,
              u"CREATE UNIQUE INDEX record_content ON record(content_hash)"_s,
              u"CREATE INDEX record_certificate ON record(certificate_no)"_s,
              u"PRAGMA user_version = 5"_s})
            ASSERT_TRUE(q.exec(sql)) << qPrintable(sql);
    }
    // WHEN the current build opens it
    CoreError error;
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws);
    QSqlQuery q(ws->database());
    // THEN both indexes are gone and every record's identity is in the identity table
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM sqlite_master"
                       " WHERE name IN ('record_certificate', 'record_content')"_s)
                && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM record r JOIN record_identity i"
                       " ON i.record_id = r.id AND i.content_hash = r.content_hash"_s)
                && q.next());
    EXPECT_EQ(q.value(0).toInt(), 2);
    q.finish();
    // AND WHEN it imports a changed A, a repeat of B and a new C
    const auto s = importInto(*ws, write(dir, u"b.csv"_s,
                                         kHeader + "A,压力表,2023-06-01,不合格,甲\n"
                                                   "B,压力表,2023-05-01,合格,甲\n"
                                                   "C,压力表,2023-05-01,合格,甲\n"));
    ASSERT_TRUE(s);
    // THEN A has a second version superseding the first, B is a duplicate, C is new
    EXPECT_EQ(s->imported, 2);
    EXPECT_EQ(s->newVersions, 1);
    EXPECT_EQ(s->duplicates, 1);
    ASSERT_TRUE(q.exec(u"SELECT certificate_no, version, superseded_by IS NULL FROM record"
                       " ORDER BY certificate_no, version"_s));
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString() + u'/' + q.value(1).toString() + u'/'
                    + q.value(2).toString();
    EXPECT_EQ(rows, (QStringList{u"A/1/0"_s, u"A/2/1"_s, u"B/1/1"_s, u"C/1/1"_s}));
}

namespace {
QString metaValue(Workspace &ws, const QString &key)
{
    QSqlQuery q(ws.database());
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// The stored content hash of the current record of \a certificate.
QByteArray storedHash(Workspace &ws, const QString &certificate)
{
    QSqlQuery q(ws.database());
    q.prepare(u"SELECT content_hash FROM current_record WHERE certificate_no = ?"_s);
    q.addBindValue(certificate);
    return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
}

VerificationRecord recordOf(const QString &certificate, const QDate &day, const QString &maker)
{
    VerificationRecord r;
    r.text(Field::CertificateNo) = certificate;
    r.text(Field::Category) = u"压力表"_s;
    r.text(Field::VerificationDate) = day.toString(Qt::ISODate);
    r.verificationDate = day;
    r.text(Field::Conclusion) = u"合格"_s;
    r.text(Field::Manufacturer) = maker;
    return r;
}
} // namespace

TEST(ImportIncremental, AWorkspaceWithRecordsBeforeSchemaEightKeepsItsUtf16ContentHashes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.metroeval"_s);
    const QString first = write(dir, u"a.csv"_s,
                                kHeader
                                    + "A,压力表,2023-05-01,合格,甲\n"
                                      "B,压力表,2023-05-02,合格,乙\n");
    // GIVEN a workspace of schema 7 holding records, hashed as every build before schema 8 did
    {
        CoreError error;
        auto ws = Workspace::openAtVersion(path, 7, &error);
        ASSERT_TRUE(ws);
        ASSERT_TRUE(importInto(*ws, first));
        EXPECT_EQ(storedHash(*ws, u"A"_s),
                  recordContentHash(recordOf(u"A"_s, QDate(2023, 5, 1), u"甲"_s),
                                    ContentHashText::Utf16));
    }
    // WHEN the current build opens it
    CoreError error;
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws);
    // THEN it records that its content hashes are of UTF-16 text, and none is rewritten
    EXPECT_EQ(metaValue(*ws, u"content_hash_text"_s), u"utf-16"_s);
    EXPECT_EQ(contentHashText(ws->database()), ContentHashText::Utf16);
    const QByteArray a = storedHash(*ws, u"A"_s);
    EXPECT_EQ(
        a, recordContentHash(recordOf(u"A"_s, QDate(2023, 5, 1), u"甲"_s), ContentHashText::Utf16));
    // AND WHEN the same events come again, one spelled 2023/5/2, with a new certificate C
    const auto s = importInto(*ws, write(dir, u"b.csv"_s,
                                         kHeader
                                             + "A,压力表,2023-05-01,合格,甲\n"
                                               "B,压力表,2023/5/2,合格,乙\n"
                                               "C,压力表,2023-05-03,合格,丙\n"));
    // THEN A and B are recognised as duplicates, and C is hashed as A and B were
    ASSERT_TRUE(s);
    EXPECT_EQ(s->duplicates, 2);
    EXPECT_EQ(s->imported, 1);
    EXPECT_EQ(
        storedHash(*ws, u"C"_s),
        recordContentHash(recordOf(u"C"_s, QDate(2023, 5, 3), u"丙"_s), ContentHashText::Utf16));
    EXPECT_EQ(storedHash(*ws, u"A"_s), a);
}

TEST(ImportIncremental, NewAndEmptyWorkspacesHashUtf8Text)
{
    QTemporaryDir dir;
    // GIVEN a new workspace, and one of schema 7 that never held a record
    {
        CoreError error;
        ASSERT_TRUE(Workspace::openAtVersion(dir.filePath(u"empty.metroeval"_s), 7, &error));
    }
    CoreError error;
    auto empty = Workspace::open(dir.filePath(u"empty.metroeval"_s), &error);
    ASSERT_TRUE(empty);
    auto fresh = freshWorkspace(dir);
    ASSERT_TRUE(fresh);
    const QString file = write(dir, u"a.csv"_s,
                               kHeader
                                   + "A,压力表,2023/5/1,合格,甲厂\n"
                                     "A,压力表,2023-05-01,合格,甲厂\n");
    for (Workspace *ws : {empty.get(), fresh.get()}) {
        // THEN both hash UTF-8
        EXPECT_EQ(metaValue(*ws, u"content_hash_text"_s), u"utf-8"_s);
        EXPECT_EQ(contentHashText(ws->database()), ContentHashText::Utf8);
        // AND WHEN a file is imported the stored hash is the UTF-8 one, dates in ISO form,
        // so the second spelling of the same event is a duplicate
        const auto s = importInto(*ws, file);
        ASSERT_TRUE(s);
        EXPECT_EQ(s->imported, 1);
        EXPECT_EQ(s->duplicates, 1);
        EXPECT_EQ(storedHash(*ws, u"A"_s),
                  recordContentHash(recordOf(u"A"_s, QDate(2023, 5, 1), u"甲厂"_s),
                                    ContentHashText::Utf8));
    }
}

TEST(ImportIncremental, AnUnknownContentHashTextFailsTheImportAndChangesNothing)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_TRUE(ws);
    // GIVEN a workspace whose content-hash definition this build does not know
    QSqlQuery q(ws->database());
    ASSERT_TRUE(q.exec(u"UPDATE meta SET value = 'utf-32' WHERE key = 'content_hash_text'"_s));
    // WHEN a file is imported
    CoreError error;
    const auto s = importInto(
        *ws, write(dir, u"a.csv"_s, kHeader + "A,压力表,2023-05-01,合格,甲\n"), {}, &error);
    // THEN the import fails with a reason, and nothing is written
    EXPECT_FALSE(s);
    EXPECT_EQ(error.code, ErrorCode::DatabaseError);
    EXPECT_TRUE(error.detail.contains(u"content_hash_text"_s)) << qPrintable(error.detail);
    EXPECT_EQ(countRecords(ws->database()), 0);
    EXPECT_TRUE(listBatches(ws->database()).isEmpty());
}
