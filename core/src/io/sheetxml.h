// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QtGlobal>

#include <array>
#include <deque>
#include <memory>
#include <vector>

namespace metroeval::core {

/// \brief One cell of a worksheet row as stored: its A1 reference (r), type (t), style index (s)
/// and value (the text of its <v>, or of the <t> elements of its inline string). The texts are
/// UTF-8 slices of the row's text.
struct SheetCell
{
    static constexpr std::size_t kTypeBytes = 15;
    qsizetype referenceBegin = 0;
    qsizetype referenceSize = 0; ///< 0 when the cell has no r
    qsizetype valueBegin = 0;
    qsizetype valueSize = 0;
    int style = -1; ///< −1 when absent, 0 when not a number
    /// "s", "str", "inlineStr", "b", "e", "n"…; a longer type is kept as "?" (no known type is).
    std::array<char, kTypeBytes + 1> type{};
};

/// \brief One <row> element: its r attribute (0 when absent) and its cells in document order.
struct SheetRow
{
    qint64 number = 0;
    QByteArray text; ///< every cell's reference and value, one after the other
    std::vector<SheetCell> cells;

    QByteArrayView reference(const SheetCell &cell) const
    {
        return QByteArrayView(text).sliced(cell.referenceBegin, cell.referenceSize);
    }
    QByteArrayView value(const SheetCell &cell) const
    {
        return QByteArrayView(text).sliced(cell.valueBegin, cell.valueSize);
    }
    QLatin1StringView type(const SheetCell &cell) const
    {
        return QLatin1StringView(cell.type.data());
    }
};

/// \brief Turns the XML of a worksheet part (ECMA-376 Part 1, §18.3.1.73 row, §18.3.1.4 c) into
/// rows as its bytes arrive, with the Expat push parser. Element names are compared without
/// their namespace prefix; a <t> inside a phonetic run <rPh> is not part of the text.
///
/// Expat rather than QXmlStreamReader for the sheet itself: on a 233 MB sheet of 200,000 rows it
/// tokenises in 1.3 s where QXmlStreamReader takes 3.6–4.7 s, and a sheet is by far the largest
/// part of a workbook (docs/import.md, Readers). The small parts stay with QXmlStreamReader.
class SheetXmlParser
{
public:
    SheetXmlParser();
    ~SheetXmlParser();
    SheetXmlParser(const SheetXmlParser &) = delete;
    SheetXmlParser &operator=(const SheetXmlParser &) = delete;

    /// Parses the next \a size bytes; \a last marks the end of the part. Completed rows are
    /// appended to rows(). False once the XML is malformed (rows completed before stand).
    bool feed(const char *data, qsizetype size, bool last);
    std::deque<SheetRow> &rows() { return m_rows; }
    bool failed() const { return m_failed; }
    /// Where and why the XML broke, as "line:column: Expat's message"; empty while it has not.
    QByteArray errorText() const;

    struct State;

private:
    std::unique_ptr<State> m_state;
    std::deque<SheetRow> m_rows;
    bool m_failed = false;
};

} // namespace metroeval::core
