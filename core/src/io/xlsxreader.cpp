// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xlsxreader.h"

#include <QTime>

#include <cmath>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxColumns = 16384; // XFD, the last column Excel allows

// The text of all <t> elements inside the current element (a <si> or an <is>), skipping the
// phonetic runs <rPh> that Japanese and Chinese workbooks may carry.
QString readRichText(QXmlStreamReader &xml)
{
    QString text;
    const QStringView end = xml.name();
    const QString endName = end.toString();
    int phonetic = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == "rPh"_L1)
                ++phonetic;
            else if (xml.name() == "t"_L1 && phonetic == 0)
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == "rPh"_L1)
                --phonetic;
            else if (xml.name() == endName)
                break;
        }
    }
    return text;
}

bool isBuiltInDateFormat(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
           || (id >= 50 && id <= 58);
}

bool isCustomDateFormat(QStringView code)
{
    // Ignore quoted literals, escaped characters and [Red]/[$-804] sections, then look for date
    // or time letters.
    bool quoted = false;
    bool bracket = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (c == u'"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == u'\\' || c == u'_' || c == u'*')
            ++i;
        else if (c == u'[')
            bracket = true;
        else if (c == u']')
            bracket = false;
        else if (!bracket && QStringView(u"yYmMdDhHsS").contains(c))
            return true;
    }
    return false;
}

QString numberText(const QString &value)
{
    bool allDigits = !value.isEmpty();
    for (qsizetype i = 0; i < value.size() && allDigits; ++i)
        allDigits = value[i].isDigit() || (i == 0 && value[i] == u'-');
    if (allDigits)
        return value;
    bool ok = false;
    const double v = value.toDouble(&ok);
    return ok ? QString::number(v, 'g', 15) : value;
}
} // namespace

int xlsxColumnIndex(QStringView reference)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size() && reference[i].isLetter(); ++i) {
        const char16_t c = reference[i].toUpper().unicode();
        if (c < u'A' || c > u'Z')
            return -1;
        column = column * 26 + (c - u'A' + 1);
        if (column > kMaxColumns)
            return -1;
    }
    return i == 0 ? -1 : column - 1;
}

int xlsxColumnIndex(QByteArrayView reference)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(reference[i]);
        if (c >= 0x80) // a letter beyond ASCII, or not: the QString version decides
            return xlsxColumnIndex(QString::fromUtf8(reference));
        if (c >= 'a' && c <= 'z')
            column = column * 26 + (c - 'a' + 1);
        else if (c >= 'A' && c <= 'Z')
            column = column * 26 + (c - 'A' + 1);
        else
            break;
        if (column > kMaxColumns)
            return -1;
    }
    return i == 0 ? -1 : column - 1;
}

bool XlsxReader::open(const QString &path)
{
    m_stream.reset(); // a sheet of the workbook before is read from the archive being replaced
    m_batch.clear();
    m_batchAt = 0;
    if (!m_zip.open(path) || !readWorkbook() || m_sheets.empty())
        return false;
    if (!readSharedStrings())
        return false;
    readStyles();
    return selectSheet(0);
}

bool XlsxReader::readWorkbook()
{
    QHash<QString, QString> targets; // relationship id → part
    {
        ZipEntryDevice rels(m_zip, u"xl/_rels/workbook.xml.rels"_s);
        QXmlStreamReader xml(&rels);
        while (rels.ok() && !xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && xml.name() == "Relationship"_L1) {
                QString target = xml.attributes().value("Target"_L1).toString();
                target = target.startsWith(u'/') ? target.mid(1) : u"xl/"_s + target;
                targets.insert(xml.attributes().value("Id"_L1).toString(), target);
            }
        }
    }
    ZipEntryDevice workbook(m_zip, u"xl/workbook.xml"_s);
    if (!workbook.ok())
        return false;
    QXmlStreamReader xml(&workbook);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "workbookPr"_L1) {
            const auto v = xml.attributes().value("date1904"_L1);
            m_date1904 = v == "1"_L1 || v == "true"_L1;
        } else if (xml.name() == "sheet"_L1) {
            Sheet sheet;
            sheet.name = xml.attributes().value("name"_L1).toString();
            for (const QXmlStreamAttribute &a : xml.attributes()) {
                if (a.name() == "id"_L1 && !a.namespaceUri().isEmpty())
                    sheet.part = targets.value(a.value().toString());
            }
            if (sheet.part.isEmpty()) // no relationships part: the conventional name
                sheet.part = u"xl/worksheets/sheet%1.xml"_s.arg(m_sheets.size() + 1);
            m_sheets.push_back(sheet);
        }
    }
    return !xml.hasError();
}

bool XlsxReader::readSharedStrings()
{
    ZipEntryDevice device(m_zip, u"xl/sharedStrings.xml"_s);
    if (!device.ok())
        return true; // a workbook with inline strings only has none
    QXmlStreamReader xml(&device);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == "si"_L1)
            m_sharedStrings.append(readRichText(xml));
    }
    return !xml.hasError() && !device.failed();
}

void XlsxReader::readStyles()
{
    ZipEntryDevice device(m_zip, u"xl/styles.xml"_s);
    if (!device.ok())
        return;
    QXmlStreamReader xml(&device);
    QHash<int, bool> customDate;
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == "numFmt"_L1) {
                const int id = xml.attributes().value("numFmtId"_L1).toInt();
                customDate.insert(id, isCustomDateFormat(xml.attributes().value("formatCode"_L1)));
            } else if (xml.name() == "cellXfs"_L1) {
                inCellXfs = true;
            } else if (inCellXfs && xml.name() == "xf"_L1) {
                const int id = xml.attributes().value("numFmtId"_L1).toInt();
                m_dateStyle.push_back(customDate.contains(id) ? customDate.value(id)
                                                              : isBuiltInDateFormat(id));
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == "cellXfs"_L1) {
            inCellXfs = false;
        }
    }
}

QStringList XlsxReader::sheetNames() const
{
    QStringList names;
    for (const Sheet &s : m_sheets)
        names.append(s.name);
    return names;
}

bool XlsxReader::selectSheet(int index)
{
    if (index < 0 || index >= static_cast<int>(m_sheets.size()))
        return false;
    m_sheet = index;
    m_stream.reset(); // stops the thread reading the sheet before, which uses the archive
    m_batch.clear();
    m_batchAt = 0;
    const QString part = m_sheets[static_cast<std::size_t>(index)].part;
    auto device = std::make_unique<ZipEntryDevice>(m_zip, part);
    m_sheetBytes = m_zip.entrySize(part);
    m_error = !device->ok();
    if (!m_error)
        m_stream = std::make_unique<SheetStream>(std::move(device), part);
    return !m_error;
}

bool XlsxReader::selectSheet(const QString &name)
{
    const qsizetype index = sheetNames().indexOf(name);
    return index >= 0 && selectSheet(static_cast<int>(index));
}

QString XlsxReader::cellText(QLatin1StringView type, int style, const QString &value) const
{
    if (type == "s"_L1) {
        bool ok = false;
        const int index = value.toInt(&ok);
        return ok && index >= 0 && index < m_sharedStrings.size() ? m_sharedStrings[index]
                                                                  : QString();
    }
    if (type == "b"_L1)
        return value == "1"_L1 ? u"TRUE"_s : u"FALSE"_s;
    if (type == "str"_L1 || type == "e"_L1 || type == "inlineStr"_L1 || value.isEmpty())
        return value;
    // A number (t="n" or no type).
    if (style >= 0 && style < static_cast<int>(m_dateStyle.size())
        && m_dateStyle[static_cast<std::size_t>(style)]) {
        bool ok = false;
        const double serial = value.toDouble(&ok);
        const auto date = ok ? dateFromExcelSerial(serial, dateSystem()) : std::nullopt;
        if (date) {
            const double fraction = serial - std::floor(serial);
            const int seconds = static_cast<int>(std::lround(fraction * 86400.0));
            if (seconds == 0 || seconds >= 86400)
                return date->toString(Qt::ISODate);
            return date->toString(Qt::ISODate) + u' '
                   + QTime(0, 0).addSecs(seconds).toString(u"hh:mm:ss"_s);
        }
    }
    return numberText(value);
}

QString XlsxReader::errorDetail() const
{
    if (!m_error || m_sheet < 0)
        return {};
    const QString why = m_stream ? m_stream->failure() : QString();
    return why.isEmpty() ? m_sheets[static_cast<std::size_t>(m_sheet)].part : why;
}

bool XlsxReader::takeRow(const SheetRow &sheetRow, CsvRow &row) const
{
    row.line = sheetRow.number > 0 ? sheetRow.number : row.line + 1;
    row.fields.clear();
    bool any = false;
    int nextColumn = 0;
    for (const SheetCell &cell : sheetRow.cells) {
        int column = xlsxColumnIndex(sheetRow.reference(cell));
        if (column < 0)
            column = nextColumn;
        if (column >= kMaxColumns)
            column = kMaxColumns - 1;
        nextColumn = column + 1;
        const QString text =
            cellText(sheetRow.type(cell), cell.style, QString::fromUtf8(sheetRow.value(cell)));
        if (text.isEmpty())
            continue;
        while (row.fields.size() < column)
            row.fields.append(QString());
        if (row.fields.size() == column)
            row.fields.append(text);
        else
            row.fields[column] = text; // a repeated reference: the later cell wins
        any = true;
    }
    return any;
}

bool XlsxReader::next(CsvRow &row)
{
    if (!m_stream || m_error)
        return false;
    for (;;) {
        while (m_batchAt < m_batch.size()) {
            if (takeRow(m_batch[m_batchAt++], row)) // rows with no non-empty cell are skipped
                return true;
        }
        m_batchAt = 0;
        if (!m_stream->next(m_batch)) {
            m_batch.clear();
            m_error = m_stream->failed();
            return false;
        }
    }
}

qint64 XlsxReader::bytesRead() const
{
    return m_stream ? m_stream->consumed() : 0;
}

} // namespace metroeval::core
