// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvreader.h"
#include "io/columnmapping.h"

#include "coretestsupport.h"

#include <QBuffer>
#include <QStringDecoder>
#include <QStringEncoder>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace Qt::StringLiterals;

namespace {
std::vector<CsvRow> readAll(QByteArray bytes, std::vector<RowIssue> *issues = nullptr,
                            QByteArray encoding = {})
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, {std::move(encoding), std::nullopt});
    EXPECT_TRUE(reader.start());
    std::vector<CsvRow> rows;
    CsvRow row;
    std::optional<RowIssue> issue;
    while (reader.next(row, issue)) {
        if (issue && issues)
            issues->push_back(*issue);
        rows.push_back(row);
    }
    return rows;
}
} // namespace

TEST(CsvReader, ReadsTheChineseHeaderSetAndMapsEveryCanonicalField)
{
    // GIVEN the header row of domain.md §2 with a UTF-8 BOM
    const QByteArray bytes = "\xEF\xBB\xBF" + metroeval::test::exportHeader();
    // WHEN it is read and mapped
    const auto rows = readAll(bytes);
    ASSERT_EQ(rows.size(), 1u);
    const ColumnMapping mapping = ColumnMapping::suggest(rows[0].fields);
    // THEN all 20 fields are found at their positions, with full confidence
    ASSERT_EQ(rows[0].fields.size(), kFieldCount);
    EXPECT_EQ(rows[0].fields[0], u"证书编号"_s); // the BOM is not part of the first header
    for (const FieldInfo &info : allFields()) {
        EXPECT_EQ(mapping.column(info.field), static_cast<int>(info.field)) << info.chineseHeader;
        EXPECT_DOUBLE_EQ(mapping.confidence(info.field), 1.0);
    }
    EXPECT_TRUE(mapping.missingRequired().isEmpty());
}

TEST(CsvReader, SuggestsSynonymsInAnyOrder)
{
    const QStringList headers{u"生产厂家"_s, u"检定结论"_s, u"证书号"_s, u"器具名称"_s,
                              u"检定日期（年月日）"_s};
    const ColumnMapping mapping = ColumnMapping::suggest(headers);
    EXPECT_EQ(mapping.column(Field::Manufacturer), 0);
    EXPECT_EQ(mapping.column(Field::Conclusion), 1);
    EXPECT_EQ(mapping.column(Field::CertificateNo), 2);
    EXPECT_EQ(mapping.column(Field::VerificationDate), 4);
    EXPECT_LT(mapping.confidence(Field::VerificationDate), 1.0); // contained, not exact
}

TEST(CsvReader, HandlesQuotesEmbeddedDelimitersNewlinesAndCrlf)
{
    const QByteArray bytes = "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,2,3";
    const auto rows = readAll(bytes);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].fields, (QStringList{u"x, y"_s, u"he said \"hi\""_s, u"two\nlines"_s}));
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[2].fields, (QStringList{u"1"_s, u"2"_s, u"3"_s}));
    EXPECT_EQ(rows[2].line, 5); // the record spanning two lines and the blank line are counted
}

TEST(CsvReader, DetectsSemicolonAndTabDelimiters)
{
    EXPECT_EQ(readAll("a;b;c\n1;2;3\n")[1].fields.size(), 3);
    EXPECT_EQ(readAll("a\tb\n1\t2\n")[1].fields, (QStringList{u"1"_s, u"2"_s}));
}

TEST(CsvReader, UnbalancedQuoteCostsOneRowNotTheRestOfTheFile)
{
    // GIVEN a field that opens a quote and never closes it, followed by good rows
    QByteArray bytes = "a,b\n\"open,1\n";
    for (int i = 0; i < 100; ++i)
        bytes += "ok" + QByteArray::number(i) + ",2\n";
    std::vector<RowIssue> issues;
    // WHEN it is read
    const auto rows = readAll(bytes, &issues);
    // THEN one issue names line 2 and every later row is still read
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, RowIssueCode::UnbalancedQuote);
    EXPECT_EQ(issues[0].line, 2);
    EXPECT_EQ(rows.size(), 102u);
    EXPECT_EQ(rows.back().fields[0], u"ok99"_s);
    EXPECT_EQ(rows.back().line, 102);
}

TEST(CsvReader, DecodesGb18030WithoutABom)
{
    const QString text = u"制造单位,检定结论\n宜昌长江仪表有限公司,合格\n"_s;
    QStringEncoder encoder("GB18030");
    const QByteArray gb = encoder.encode(text);
    const auto rows = readAll(gb);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].fields[0], u"宜昌长江仪表有限公司"_s);
}

TEST(CsvReader, EmptyInputHasNoRows)
{
    EXPECT_TRUE(readAll(QByteArray()).empty());
    EXPECT_TRUE(readAll("\n\n").empty());
}

TEST(CsvReader, LoneQuoteInsideAnUnquotedFieldIsReportedWithItsColumn)
{
    // GIVEN the sample generator's defect: a lone quote inside an unquoted cell (RFC 4180 §2.5
    // allows quotes only around a whole field)
    std::vector<RowIssue> issues;
    const auto rows = readAll("a,b,c\n1,x\"y,3\n4,5,6\n", &issues);
    // THEN the row keeps its cells, is reported at line 2 column 1, and reading goes on
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].fields, (QStringList{u"1"_s, u"x\"y"_s, u"3"_s}));
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].line, 2);
    EXPECT_EQ(issues[0].column, 1);
    EXPECT_EQ(rows[2].fields[0], u"4"_s);
}

TEST(CsvReader, RecordsSpanningChunkBoundariesAreIntact)
{
    // GIVEN more than one 1 MiB read chunk of quoted multi-line records
    QByteArray bytes = "k,v\n";
    for (int i = 0; i < 30000; ++i)
        bytes += QByteArray::number(i) + ",\"line one\nline, two \"\"q\"\"\"\n";
    const auto rows = readAll(bytes);
    // THEN every record is read whole, with its starting line
    ASSERT_EQ(rows.size(), 30001u);
    EXPECT_EQ(rows[29999].fields, (QStringList{u"29998"_s, u"line one\nline, two \"q\""_s}));
    EXPECT_EQ(rows[29999].line, 2 + 2 * 29998);
}
