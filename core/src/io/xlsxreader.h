// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/csvreader.h"
#include "io/sheetstream.h"
#include "io/valueparser.h"
#include "io/zipentry.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <memory>
#include <vector>

namespace metroeval::core {

/// \brief Streaming reader of one worksheet of an Office Open XML workbook (ECMA-376 Part 1,
/// SpreadsheetML), with libzip, QXmlStreamReader for the workbook's small parts and Expat for the
/// sheet itself (io/sheetxml.h).
///
/// Cells: shared strings (t="s"), inline strings (t="inlineStr"), formula strings (t="str"),
/// numbers, booleans (TRUE/FALSE), errors (their text). Numbers whose cell style has a date or time
/// number format (built-in ids 14–22, 27–36, 45–47, 50–58, or a custom format with y/m/d/h/s) are
/// returned as ISO dates "yyyy-MM-dd" (with " hh:mm:ss" when there is a time), converted in the
/// workbook's date system (workbook.xml `date1904`). Other numbers keep their stored text with
/// binary noise removed (15 significant digits, as Excel shows them). Missing cells are empty;
/// rows with no non-empty cell are skipped. The shared-string table is held in memory; the sheet
/// itself is streamed.
class XlsxReader
{
public:
    XlsxReader() = default;

    /// Opens the workbook and reads its sheet list, shared strings and styles. False when the file
    /// is no readable workbook.
    bool open(const QString &path);

    QStringList sheetNames() const;
    /// Selects the sheet to stream (default: the first). False when there is no such sheet.
    bool selectSheet(int index);
    bool selectSheet(const QString &name);
    int currentSheet() const { return m_sheet; }

    DateSystem dateSystem() const { return m_date1904 ? DateSystem::Excel1904 : DateSystem::Excel1900; }

    /// The next non-empty row; false at the end of the sheet (or when the XML is broken: then
    /// hadError() is true and the rows read so far stand).
    bool next(CsvRow &row);
    bool hadError() const { return m_error; }
    /// After an error: the sheet's part and what broke, e.g.
    /// "xl/worksheets/sheet1.xml:2:31: mismatched tag"; empty otherwise.
    QString errorDetail() const;

    /// Uncompressed bytes of the sheet read so far and the sheet's total.
    qint64 bytesRead() const;
    qint64 totalBytes() const { return m_sheetBytes; }

private:
    struct Sheet
    {
        QString name;
        QString part; ///< e.g. "xl/worksheets/sheet1.xml"
    };
    bool readWorkbook();
    bool readSharedStrings();
    void readStyles();
    QString cellText(QLatin1StringView type, int style, const QString &value) const;
    /// \a sheetRow as fields by column; false when it has no non-empty cell.
    bool takeRow(const SheetRow &sheetRow, CsvRow &row) const;

    ZipArchive m_zip;
    std::vector<Sheet> m_sheets;
    QStringList m_sharedStrings;
    std::vector<bool> m_dateStyle; ///< per cellXfs index
    bool m_date1904 = false;
    int m_sheet = -1;
    std::unique_ptr<SheetStream> m_stream; ///< the selected sheet, read on its own thread
    std::vector<SheetRow> m_batch;         ///< rows handed over by the stream
    std::size_t m_batchAt = 0;             ///< the next of them
    qint64 m_sheetBytes = 0;
    bool m_error = false;
};

/// \brief 0-based column of an A1 reference ("C7" → 2); −1 when malformed.
int xlsxColumnIndex(QStringView reference);
/// \brief The same for a reference in UTF-8.
int xlsxColumnIndex(QByteArrayView reference);

} // namespace metroeval::core
