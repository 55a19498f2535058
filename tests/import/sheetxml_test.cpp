// SPDX-License-Identifier: GPL-3.0-or-later
// The worksheet XML parser (io/sheetxml.h) on hand-written SpreadsheetML (ECMA-376 Part 1,
// §18.3.1.73 row, §18.3.1.4 c, §18.4.8 is, §18.4.6 rPh), fed whole and in pieces.
#include "io/sheetxml.h"
#include "io/xlsxreader.h"

#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace Qt::StringLiterals;

namespace {

// A row as one line of text: "number: reference|type|style|value; ..."
QStringList describe(std::deque<SheetRow> &rows)
{
    QStringList out;
    for (const SheetRow &row : rows) {
        QStringList cells;
        for (const SheetCell &cell : row.cells)
            cells.append(QString::fromUtf8(row.reference(cell)) + u'|' + row.type(cell) + u'|'
                         + QString::number(cell.style) + u'|'
                         + QString::fromUtf8(row.value(cell)));
        out.append(QString::number(row.number) + u": "_s + cells.join(u"; "_s));
    }
    return out;
}

QStringList parseInPieces(const QByteArray &xml, qsizetype piece, bool *ok)
{
    SheetXmlParser parser;
    *ok = true;
    for (qsizetype at = 0; at < xml.size() && *ok; at += piece) {
        const qsizetype size = std::min(piece, xml.size() - at);
        *ok = parser.feed(xml.constData() + at, size, at + size == xml.size());
    }
    return describe(parser.rows());
}

const QByteArray kSheet =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<x:sheetData>"
    "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
    "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:r><x:t>压力</x:t></x:r><x:r><x:t xml:space=\"preserve\"> 表 "
    "</x:t></x:r><x:rPh sb=\"0\" eb=\"2\"><x:t>ヤアリョク</x:t></x:rPh></x:is></x:c></x:row>"
    "<x:row><x:c s=\"3\"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r=\"D2\" t=\"str\"><x:v>A&amp;B &lt;&#x4E2D;&#25991;&gt;</x:v></x:c></x:row>"
    "<x:row r=\"5\"/>"
    "<x:row r=\"6\"><x:c r=\"A6\" t=\"averyveryverylongtype\" s=\"x\"><x:v>1</x:v><x:v>9</x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>";

const QStringList kRows{
    u"1: A1|s|-1|0; B1|inlineStr|-1|压力 表 "_s,
    u"0: |n/a|3|2; D2|str|-1|A&B <中文>"_s,
    u"5: "_s,
    u"6: A6|?|0|9"_s,
};

} // namespace

TEST(SheetXml, ReadsRowsCellsInlineTextAndEntitiesWithoutNamespacePrefixes)
{
    // GIVEN a sheet whose elements carry a prefix, with rich and phonetic inline text, a formula,
    // entities, a cell and a row without r, an empty row and a cell with two values
    QStringList expected = kRows;
    expected[1].replace(u"|n/a|"_s, u"||"_s); // no t attribute
    // WHEN it is parsed in one piece
    bool ok = false;
    const QStringList rows = parseInPieces(kSheet, kSheet.size(), &ok);
    // THEN the phonetic run is left out, entities are decoded, the formula is not a value, the
    // later value wins, and an over-long type is kept as "?" and a non-numeric style as 0
    EXPECT_TRUE(ok);
    EXPECT_EQ(rows, expected);
}

TEST(SheetXml, AnyPieceSizeGivesTheSameRows)
{
    bool ok = false;
    const QStringList whole = parseInPieces(kSheet, kSheet.size(), &ok);
    ASSERT_TRUE(ok);
    for (const qsizetype piece : {1, 2, 3, 7, 64, 500}) {
        EXPECT_EQ(parseInPieces(kSheet, piece, &ok), whole) << piece;
        EXPECT_TRUE(ok) << piece;
    }
}

TEST(SheetXml, BrokenXmlKeepsTheRowsBeforeTheBreak)
{
    // GIVEN a sheet cut off inside its second row, and one with a mismatched tag there
    const QByteArray head = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>甲</v></c></row>"
                            "<row r=\"2\"><c r=\"A2\" t=\"str\"><v>乙";
    const QByteArray mismatched = head + "</c></row></sheetData></worksheet>"; // <v> left open
    for (const QByteArray &xml : {head, mismatched}) {
        // WHEN it is parsed
        bool ok = true;
        const QStringList rows = parseInPieces(xml, 16, &ok);
        // THEN parsing fails, and only the complete first row came out
        EXPECT_FALSE(ok);
        EXPECT_EQ(rows, QStringList{u"1: A1|str|-1|甲"_s});
        SheetXmlParser parser;
        EXPECT_FALSE(parser.feed(xml.constData(), xml.size(), true));
        EXPECT_TRUE(parser.errorText().startsWith("1:")) << parser.errorText().constData();
        EXPECT_TRUE(parser.errorText().endsWith(xml == head ? "no element found" : "mismatched tag"))
            << parser.errorText().constData();
    }
}

TEST(SheetXml, ColumnOfAByteReferenceIsThatOfItsText)
{
    for (const char *reference : {"A1", "Z9", "AA1", "az3", "XFD1", "XFE1", "AAAA1", "1A", "", "A",
                                  "É1", "中1", "A１", "$A$1"}) {
        const QByteArray utf8(reference);
        EXPECT_EQ(xlsxColumnIndex(QByteArrayView(utf8)), xlsxColumnIndex(QString::fromUtf8(utf8)))
            << reference;
    }
    EXPECT_EQ(xlsxColumnIndex(QByteArrayView("XFD1")), 16383);
}
