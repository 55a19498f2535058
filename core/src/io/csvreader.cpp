// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvreader.h"

#include "io/textdecoding.h"

#include <QIODevice>

#include <array>

namespace metroeval::core {

namespace {
constexpr qint64 kChunkBytes = 1 << 20;
constexpr qsizetype kCompactThreshold = 1 << 20;
} // namespace

CsvReader::CsvReader(QIODevice *device, Options options)
    : m_device(device)
    , m_options(std::move(options))
{}

bool CsvReader::start()
{
    if (!m_device || !m_device->isReadable())
        return false;
    const QByteArray head = m_device->read(kChunkBytes);
    m_bytesRead = head.size();
    DetectedEncoding detected = detectEncoding(head);
    if (!m_options.encoding.isEmpty()) {
        // An explicit choice overrides detection, but a matching BOM is still skipped.
        if (m_options.encoding != detected.name)
            detected.bomLength = 0;
        detected.name = m_options.encoding;
    }
    m_encoding = detected.name;
    m_decoder = QStringDecoder(m_encoding.constData());
    if (!m_decoder.isValid())
        return false;
    m_buffer = m_decoder.decode(QByteArrayView(head).sliced(detected.bomLength));
    if (head.size() < kChunkBytes)
        m_eof = m_device->atEnd();
    // Some decoders keep a BOM as U+FEFF; never let it reach the first header.
    if (m_buffer.startsWith(QChar(0xFEFF)))
        m_buffer.remove(0, 1);
    m_delimiter = m_options.delimiter.value_or(detectDelimiter());
    return true;
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    const QByteArray chunk = m_device->read(kChunkBytes);
    m_bytesRead += chunk.size();
    if (chunk.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer += m_decoder.decode(chunk);
    return true;
}

QChar CsvReader::detectDelimiter() const
{
    // The candidate seen most often outside quotes on the first (header) line.
    constexpr std::array<char16_t, 4> candidates{u',', u';', u'\t', u'|'};
    std::array<int, 4> counts{};
    bool quoted = false;
    for (const QChar c : m_buffer) {
        if (c == u'"')
            quoted = !quoted;
        else if (c == u'\n' && !quoted)
            break;
        else if (!quoted) {
            for (std::size_t k = 0; k < candidates.size(); ++k)
                counts[k] += (c == candidates[k]) ? 1 : 0;
        }
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < candidates.size(); ++k) {
        if (counts[k] > counts[best])
            best = k;
    }
    return QChar(candidates[best]);
}

CsvReader::Outcome CsvReader::readRecord(QStringList &fields, int &strayQuoteColumn,
                                         bool &multiLine)
{
    const char16_t delimiter = m_delimiter.unicode();
    qsizetype i = m_pos;
    qint64 line = m_line;
    // Makes m_buffer[k] readable; fill() only appends, so earlier indices stay valid.
    auto have = [this](qsizetype k) {
        while (k >= m_buffer.size()) {
            if (!fill())
                return false;
        }
        return true;
    };
    auto slice = [this](qsizetype from, qsizetype to) {
        return QStringView(m_buffer).sliced(from, to - from);
    };
    for (;;) {
        QString field;
        if (have(i) && m_buffer.at(i) == u'"') {
            ++i;
            int quotedLines = 0;
            for (;;) {
                qsizetype j = i;
                for (;;) {
                    if (!have(j))
                        return Outcome::Unbalanced;
                    const char16_t c = m_buffer.at(j).unicode();
                    if (c == u'"')
                        break;
                    if (c == u'\n' && ++quotedLines > kMaxQuotedLines)
                        return Outcome::Unbalanced;
                    ++j;
                }
                field.append(slice(i, j));
                i = j + 1;
                if (have(i) && m_buffer.at(i) == u'"') {
                    field.append(u'"');
                    ++i;
                    continue;
                }
                break;
            }
            line += quotedLines;
            multiLine = multiLine || quotedLines > 0;
            if (have(i) && m_buffer.at(i) != delimiter && m_buffer.at(i) != u'\n'
                && m_buffer.at(i) != u'\r' && strayQuoteColumn < 0)
                strayQuoteColumn = static_cast<int>(fields.size()); // text after a closing quote
        }
        // Unquoted text (or what follows a closing quote) up to the delimiter or line end.
        qsizetype start = i;
        for (;;) {
            if (!have(i))
                break;
            const char16_t c = m_buffer.at(i).unicode();
            if (c == delimiter || c == u'\n')
                break;
            if (c == u'\r') { // CR of CRLF, or a lone CR: not data
                field.append(slice(start, i));
                start = ++i;
                continue;
            }
            if (c == u'"' && strayQuoteColumn < 0)
                strayQuoteColumn = static_cast<int>(fields.size());
            ++i;
        }
        if (field.isEmpty())
            field = m_interner.intern(static_cast<int>(fields.size()), slice(start, i));
        else
            field.append(slice(start, i));
        fields.append(std::move(field));
        if (!have(i)) {
            m_pos = i;
            m_line = line;
            return Outcome::Record;
        }
        if (m_buffer.at(i) == u'\n') {
            m_pos = i + 1;
            m_line = line + 1;
            return Outcome::Record;
        }
        ++i; // the delimiter
    }
}

bool CsvReader::next(CsvRow &row, std::optional<RowIssue> &issue)
{
    issue.reset();
    for (;;) {
        if (m_pos > kCompactThreshold) {
            m_buffer.remove(0, m_pos);
            m_pos = 0;
        }
        if (m_pos >= m_buffer.size() && !fill())
            return false;

        const qsizetype recordStart = m_pos;
        const qint64 startLine = m_line;
        row.fields.clear();
        int strayQuoteColumn = -1;
        bool multiLine = false;
        const Outcome outcome = readRecord(row.fields, strayQuoteColumn, multiLine);
        // A quote that swallowed the following lines shows as a multi-line field closed by a
        // quote that text follows, or as a wrong field count.
        const bool swallowed = outcome == Outcome::Record && multiLine
                               && (strayQuoteColumn >= 0
                                   || (m_expectedFields > 0
                                       && row.fields.size() != m_expectedFields));
        if (outcome == Outcome::Unbalanced || swallowed) {
            // Give back everything after the record's first line and report that line alone.
            const qsizetype newline = m_buffer.indexOf(u'\n', recordStart);
            const qsizetype lineEnd = newline < 0 ? m_buffer.size() : newline;
            QString firstLine = m_buffer.mid(recordStart, lineEnd - recordStart);
            if (firstLine.endsWith(u'\r'))
                firstLine.chop(1);
            m_pos = newline < 0 ? m_buffer.size() : newline + 1;
            m_line = startLine + 1;
            row.fields = QStringList{firstLine};
            row.line = startLine;
            issue = RowIssue{startLine, -1, RowIssueCode::UnbalancedQuote, firstLine.left(200)};
            return true;
        }
        const bool blank = row.fields.size() == 1 && row.fields.constFirst().isEmpty()
                           && m_buffer.at(recordStart) != u'"';
        if (blank)
            continue;
        row.line = startLine;
        if (strayQuoteColumn >= 0) {
            issue = RowIssue{startLine, strayQuoteColumn, RowIssueCode::UnbalancedQuote,
                             row.fields.value(strayQuoteColumn).left(200)};
        }
        return true;
    }
}

} // namespace metroeval::core
