// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importer.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"

#include "coretestsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
QByteArray smallExport()
{
    QByteArray bytes = exportHeader();
    bytes += exportLine(u"C1"_s, u"甲厂"_s, u"2023-05-01"_s, u"合格"_s);
    bytes += exportLine(u"C2"_s, u"甲厂"_s, u"2023/5/2"_s, u"不合格"_s);
    bytes += exportLine(u"C3"_s, u"乙厂"_s, u"2023年5月3日"_s, u"准予使用"_s);
    bytes += exportLine(u"C3"_s, u"乙厂"_s, u"2023年5月3日"_s, u"准予使用"_s); // exact duplicate
    bytes += exportLine(u"C4"_s, u"乙厂"_s, u"2022-02-30"_s, u"合格"_s);     // impossible date
    bytes += exportLine(u"C5"_s, u"乙厂"_s, u"2023-05-05"_s, u"待定"_s);     // unknown word
    bytes += exportLine(u""_s, u"乙厂"_s, u"2023-05-06"_s, u"合格"_s);       // no certificate
    bytes += "C6,一般压力表,too,few\n";                                      // wrong columns
    return bytes;
}
} // namespace

TEST(Import, EveryRowIsImportedDuplicatedOrQuarantinedAndCountsReconcile)
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir, u"export.csv"_s, smallExport());
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    // WHEN the export is imported
    const auto s = importCsvFile(*ws, csv, {}, &error);
    ASSERT_TRUE(s) << error.detail.toStdString();
    // THEN 8 rows were read: 3 imported, 1 duplicate, 4 quarantined with their reasons
    EXPECT_EQ(s->rowsRead, 8);
    EXPECT_EQ(s->imported, 3);
    EXPECT_EQ(s->duplicates, 1);
    EXPECT_EQ(s->quarantined, 4);
    EXPECT_EQ(s->rowsRead, s->imported + s->duplicates + s->quarantined);
    EXPECT_EQ(s->quarantineReasons.value(u"unparseable_date"_s), 1);
    EXPECT_EQ(s->quarantineReasons.value(u"unknown_conclusion"_s), 1);
    EXPECT_EQ(s->quarantineReasons.value(u"missing_required_field"_s), 1);
    EXPECT_EQ(s->quarantineReasons.value(u"wrong_column_count"_s), 1);
    EXPECT_EQ(countRecords(ws->database()), 3);
    QSqlQuery q(u"SELECT source_line, code FROM quarantine ORDER BY source_line"_s, ws->database());
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 6); // header is line 1
    EXPECT_EQ(q.value(1).toString(), u"unparseable_date"_s);
    // AND the batch carries its provenance
    const auto batches = listBatches(ws->database());
    ASSERT_EQ(batches.size(), 1);
    EXPECT_EQ(batches[0].sha256.size(), 64);
    EXPECT_EQ(batches[0].rowsRead, 8);
}

TEST(Import, ImportingTheSameFileAgainAddsNothing)
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir, u"export.csv"_s, smallExport());
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ASSERT_TRUE(importCsvFile(*ws, csv, {}, &error));
    const auto second = importCsvFile(*ws, csv, {}, &error);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->imported, 0);
    EXPECT_EQ(second->duplicates, 4);
    EXPECT_EQ(countRecords(ws->database()), 3);
}

TEST(Import, CancelledImportLeavesTheWorkspaceAsItWas)
{
    QTemporaryDir dir;
    QByteArray bytes = exportHeader();
    for (int i = 0; i < 40000; ++i)
        bytes += exportLine(u"N%1"_s.arg(i), u"甲厂"_s, u"2023-05-01"_s, u"合格"_s);
    const QString csv = writeFile(dir, u"big.csv"_s, bytes);
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ImportOptions options;
    options.progress = [](qint64, qint64) { return false; }; // cancel at the first report
    EXPECT_FALSE(importCsvFile(*ws, csv, options, &error));
    EXPECT_EQ(error.code, ErrorCode::Cancelled);
    EXPECT_EQ(countRecords(ws->database()), 0);
    EXPECT_TRUE(listBatches(ws->database()).isEmpty());
}

TEST(Import, MissingRequiredColumnsIsAClearError)
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir, u"bad.csv"_s, "制造单位,型号规格\n甲厂,Y-100\n");
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    EXPECT_FALSE(importCsvFile(*ws, csv, {}, &error));
    EXPECT_EQ(error.code, ErrorCode::MissingRequiredColumns);
    EXPECT_TRUE(error.detail.contains(u"证书编号"_s));
    EXPECT_TRUE(listBatches(ws->database()).isEmpty());
}

TEST(Import, MissingFileIsReported)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    EXPECT_FALSE(importCsvFile(*ws, dir.filePath(u"nope.csv"_s), {}, &error));
    EXPECT_EQ(error.code, ErrorCode::FileNotFound);
}
