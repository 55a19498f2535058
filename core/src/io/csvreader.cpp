// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvreader.h"

#include "io/textdecoding.h"

#include <QIODevice>

#include <array>

namespace metroeval::core {

namespace {
constexpr qint64 kChunkBytes = 1 << 20;
constexpr qsizetype kCompactThreshold = 1 << 20;

enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
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
        QStringList fields;
        QString field;
        State state = State::FieldStart;
        int quotedLines = 0;
        bool sawContent = false;
        bool unbalanced = false;
        qsizetype i = m_pos;

        for (;;) {
            if (i >= m_buffer.size() && !fill()) {
                if (state == State::Quoted) {
                    unbalanced = true;
                    break;
                }
                fields.append(field);
                m_pos = i;
                break;
            }
            const QChar c = m_buffer.at(i++);
            if (c == u'\n')
                ++m_line;
            switch (state) {
            case State::Quoted:
                if (c == u'"') {
                    state = State::QuoteInQuoted;
                } else {
                    if (c == u'\n' && ++quotedLines > kMaxQuotedLines)
                        unbalanced = true;
                    field.append(c);
                }
                break;
            case State::QuoteInQuoted:
                if (c == u'"') {
                    field.append(c);
                    state = State::Quoted;
                    break;
                }
                state = State::Unquoted; // a stray character after a closing quote is kept
                [[fallthrough]];
            case State::FieldStart:
            case State::Unquoted:
                if (c == m_delimiter) {
                    fields.append(field);
                    field.clear();
                    state = State::FieldStart;
                    sawContent = true;
                } else if (c == u'"' && state == State::FieldStart) {
                    state = State::Quoted;
                    sawContent = true;
                } else if (c == u'\r') {
                    // CR of CRLF (or a lone CR) is not data
                } else if (c == u'\n') {
                    fields.append(field);
                    m_pos = i;
                    goto recordEnd;
                } else {
                    field.append(c);
                    state = State::Unquoted;
                    sawContent = true;
                }
                break;
            }
            if (unbalanced)
                break;
        }
    recordEnd:
        if (unbalanced) {
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
        if (!sawContent && fields.size() == 1 && fields.constFirst().isEmpty())
            continue; // blank line
        row.fields = std::move(fields);
        row.line = startLine;
        return true;
    }
}

} // namespace metroeval::core
