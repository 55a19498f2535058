// SPDX-License-Identifier: GPL-3.0-or-later
// XLSX fixtures written by libxlsxwriter (tests/data/import/make_xlsx_fixtures.c; its comments
// state each cell, which are the references below) and the sample generator's export.xlsx.
#include <gtest/gtest.h>

#include "importtestsupport.h"
#include "io/tablesource.h"
#include "io/xlsxreader.h"
#include "sample/samplewriter.h"
#include "storage/recordstore.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

TEST(ImportXlsx, ReadsSharedStringsNumbersBooleansAndDateCells)
{
    // GIVEN excel_dates.xlsx WHEN its first sheet is read
    XlsxReader reader;
    ASSERT_TRUE(reader.open(importFixture(u"excel_dates.xlsx"_s)));
    EXPECT_EQ(reader.sheetNames(), (QStringList{u"检定记录"_s, u"汇总"_s}));
    EXPECT_EQ(reader.dateSystem(), DateSystem::Excel1900);
    CsvRow row;
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.fields.first(), u"证书编号"_s);
    ASSERT_TRUE(reader.next(row));
    // THEN a date-formatted 45047 is 2023-05-01 (KB 214326), numbers keep their value, booleans
    // read TRUE/FALSE
    EXPECT_EQ(row.line, 2);
    EXPECT_EQ(row.fields, (QStringList{u"X1"_s, u"一般压力表"_s, u"2023-05-01"_s, u"合格"_s,
                                       u"0.0125"_s, u"TRUE"_s}));
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.line, 4); // the empty row 3 is skipped
    EXPECT_EQ(row.fields[2], u"45048"_s); // a serial without date format stays a number
    EXPECT_EQ(row.fields[4], u"-0.031"_s);
    EXPECT_EQ(row.fields[5], u"FALSE"_s);
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.fields[1], QString()); // missing cell
}

TEST(ImportXlsx, ImportsTheFirstSheetAndReconciles)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    CoreError error;
    const auto s = importInto(*ws, importFixture(u"excel_dates.xlsx"_s), {}, &error);
    ASSERT_TRUE(s) << error.detail.toStdString();
    // Reference: make_xlsx_fixtures.c: 5 data rows; X3 lacks 器具名称, X5 is serial 60.
    EXPECT_EQ(s->sourceKind, u"xlsx"_s);
    EXPECT_EQ(s->sheet, u"检定记录"_s);
    EXPECT_EQ(s->rowsRead, 5);
    EXPECT_EQ(s->imported, 3);
    EXPECT_EQ(s->quarantined, 2);
    EXPECT_EQ(s->quarantineReasons.value(u"missing_required_field"_s), 1);
    EXPECT_EQ(s->quarantineReasons.value(u"unparseable_date"_s), 1);
    EXPECT_TRUE(reconciles(*ws, *s));
    EXPECT_EQ(recordValue(*ws, u"X2"_s, u"verification_day"_s).toLongLong(),
              QDate(2023, 5, 2).toJulianDay());
    EXPECT_EQ(recordValue(*ws, u"X4"_s, u"verification_day"_s).toLongLong(),
              QDate(2023, 5, 4).toJulianDay());
}

TEST(ImportXlsx, AnotherSheetCanBeChosen)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ImportOptions options;
    options.sheet = u"汇总"_s;
    const auto s = importInto(*ws, importFixture(u"excel_dates.xlsx"_s), options);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->rowsRead, 1);
    EXPECT_EQ(recordValue(*ws, u"Y1"_s, u"verification_day"_s).toLongLong(),
              QDate(2023, 6, 23).toJulianDay()); // serial 45100 (Excel DATE(2023,6,23))
}

TEST(ImportXlsx, InlineStringsAreRead)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    const auto s = importInto(*ws, importFixture(u"inline_strings.xlsx"_s));
    ASSERT_TRUE(s);
    EXPECT_EQ(s->imported, 3);
    EXPECT_EQ(recordValue(*ws, u"I2"_s, u"passed"_s).toInt(), 0);
}

TEST(ImportXlsx, The1904DateSystemIsHonoured)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    const auto s = importInto(*ws, importFixture(u"1904_dates.xlsx"_s));
    ASSERT_TRUE(s);
    // 1904 system: serial 0 = 1904-01-01, 1462 days after the 1900 system (Microsoft, "Differences
    // between the 1900 and the 1904 date system in Excel"): 43585 = 2023-05-01 (formatted),
    // 43586 = 2023-05-02 (plain number in a date column).
    EXPECT_EQ(recordValue(*ws, u"Z1"_s, u"verification_day"_s).toLongLong(),
              QDate(2023, 5, 1).toJulianDay());
    EXPECT_EQ(recordValue(*ws, u"Z2"_s, u"verification_day"_s).toLongLong(),
              QDate(2023, 5, 2).toJulianDay());
    EXPECT_TRUE(listBatches(ws->database()).constLast().date1904);
}

TEST(ImportXlsx, AnEmptySheetIsAnEmptyFileAndTheNextSheetImports)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    CoreError error;
    EXPECT_FALSE(importInto(*ws, importFixture(u"empty_sheet.xlsx"_s), {}, &error));
    EXPECT_EQ(error.code, ErrorCode::EmptyFile);
    ImportOptions options;
    options.sheet = u"数据"_s;
    const auto s = importInto(*ws, importFixture(u"empty_sheet.xlsx"_s), options);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->imported, 1);
}

TEST(ImportXlsx, BrokenSheetXmlFailsTheImportSayingWhereAndLeavesTheWorkspaceAsItWas)
{
    // GIVEN a workbook whose sheet XML breaks off in its fourth row (after two good data rows)
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    CoreError error;
    // WHEN it is imported
    const auto s = importInto(*ws, importFixture(u"broken_sheet.xlsx"_s), {}, &error);
    // THEN the import fails, naming the part, line and column and Expat's reason, and nothing
    // of it is in the workspace
    EXPECT_FALSE(s);
    EXPECT_EQ(error.code, ErrorCode::FileUnreadable);
    EXPECT_TRUE(error.detail.contains(u"(xl/worksheets/sheet1.xml:2:"_s)) << error.detail.toStdString();
    EXPECT_TRUE(error.detail.endsWith(u": mismatched tag)"_s)) << error.detail.toStdString();
    EXPECT_EQ(countRecords(ws->database()), 0);
    EXPECT_TRUE(listBatches(ws->database()).isEmpty());
}

TEST(ImportXlsx, SampleGeneratorXlsxImportsLikeItsCsv)
{
    // GIVEN the sample generator's export (libxlsxwriter XLSX and the same rows as CSV)
    QTemporaryDir dir;
    const auto result = writeSampleExport(dir, 1500, 7, metroeval::sample::XlsxMode::Always);
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    QTemporaryDir a;
    QTemporaryDir b;
    auto wsCsv = freshWorkspace(a);
    auto wsXlsx = freshWorkspace(b);
    // WHEN both are imported
    const auto csv = importInto(*wsCsv, sampleFile(dir, u"export.csv"_s));
    CoreError error;
    const auto xlsx = importInto(*wsXlsx, sampleFile(dir, u"export.xlsx"_s), {}, &error);
    ASSERT_TRUE(csv);
    ASSERT_TRUE(xlsx) << error.detail.toStdString();
    // THEN they read the same rows (the generator's exportRows) and reconcile; the XLSX has no
    // quote faults, so it can only quarantine fewer rows than the CSV.
    EXPECT_EQ(csv->rowsRead, static_cast<qint64>(result.exportRows));
    EXPECT_EQ(xlsx->rowsRead, static_cast<qint64>(result.exportRows));
    EXPECT_TRUE(reconciles(*wsCsv, *csv));
    EXPECT_TRUE(reconciles(*wsXlsx, *xlsx));
    EXPECT_LE(xlsx->quarantined, csv->quarantined)
        << QJsonDocument(xlsx->toJson().value(u"quarantine_reasons"_s).toObject()).toJson().constData()
        << QJsonDocument(csv->toJson().value(u"quarantine_reasons"_s).toObject()).toJson().constData();
    EXPECT_GT(xlsx->imported, static_cast<qint64>(result.exportRows) * 9 / 10);
}

namespace {
// Every row of the first sheet of \a path, read to the end by a fresh reader.
QList<CsvRow> allRows(const QString &path)
{
    XlsxReader reader;
    QList<CsvRow> rows;
    if (!reader.open(path))
        return rows;
    CsvRow row;
    while (reader.next(row))
        rows.append(row);
    return rows;
}
} // namespace

TEST(ImportXlsx, ASheetReadOnItsOwnThreadCanBeLeftOrStartedAgain)
{
    // GIVEN a workbook whose sheet is many batches long (the reading thread runs ahead and waits)
    QTemporaryDir dir;
    ASSERT_TRUE(writeSampleExport(dir, 5000, 3, metroeval::sample::XlsxMode::Always).ok);
    const QString path = sampleFile(dir, u"export.xlsx"_s);
    const QList<CsvRow> expected = allRows(path);
    ASSERT_GT(expected.size(), 5000);
    {
        // WHEN a reader stops after one row (as the wizard's preview does) THEN it closes at once
        XlsxReader reader;
        ASSERT_TRUE(reader.open(path));
        CsvRow row;
        ASSERT_TRUE(reader.next(row));
        EXPECT_EQ(row.fields, expected.first().fields);
    }
    // WHEN a reader leaves the sheet after ten rows by selecting it again
    XlsxReader reader;
    ASSERT_TRUE(reader.open(path));
    CsvRow row;
    for (int k = 0; k < 10; ++k)
        ASSERT_TRUE(reader.next(row));
    ASSERT_TRUE(reader.selectSheet(0));
    QList<CsvRow> again;
    while (reader.next(row))
        again.append(row);
    // THEN it reads the whole sheet from the start, with its line numbers, to the last byte
    EXPECT_FALSE(reader.hadError());
    ASSERT_EQ(again.size(), expected.size());
    for (qsizetype k = 0; k < again.size(); ++k) {
        ASSERT_EQ(again[k].line, expected[k].line) << k;
        ASSERT_EQ(again[k].fields, expected[k].fields) << k;
    }
    EXPECT_EQ(reader.bytesRead(), reader.totalBytes());
}
