// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvreader.h"

#include "io/textdecoding.h"
#include "io/utf8text.h"

#include <QIODevice>

#include <array>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace metroeval::core {

namespace {
constexpr qint64 kChunkBytes = 1 << 20;
constexpr qsizetype kCompactThreshold = 1 << 20;
constexpr QByteArrayView kUtf8Bom("\xEF\xBB\xBF", 3);

using Byte = unsigned char;
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
    m_direct = qstrcmp(m_decoder.name(), "UTF-8") == 0;
    QByteArrayView body = QByteArrayView(head).sliced(detected.bomLength);
    if (m_direct) {
        // The decoder used to skip one more BOM at its start, and start() a U+FEFF after that.
        for (int k = 0; k < 2 && body.startsWith(kUtf8Bom); ++k)
            body = body.sliced(kUtf8Bom.size());
    }
    appendChunk(body, true);
    if (head.size() < kChunkBytes)
        m_eof = m_device->atEnd();
    setDelimiter(m_options.delimiter.value_or(detectDelimiter()));
    return true;
}

void CsvReader::appendChunk(QByteArrayView chunk, bool first)
{
    if (m_direct) {
        // Appended as it is, after the bytes held back from the last chunk; validated there.
        const qsizetype from = m_buffer.size();
        m_buffer.append(m_pending);
        m_buffer.append(chunk);
        const QByteArrayView data = QByteArrayView(m_buffer).sliced(from);
        const utf8::Scan scan = utf8::scan(data);
        if (scan.ok(data.size())) {
            m_pending = data.sliced(scan.valid).toByteArray();
            m_buffer.truncate(from + scan.valid);
            return;
        }
        // Invalid UTF-8: the decoder takes over for the rest of the file, fed the same pieces it
        // always was, so its replacement characters fall where they always did: first the bytes
        // held back (what it would have kept in its state), then the chunk. Its start is no
        // file start: a BOM is text.
        const QByteArray bytes = data.toByteArray();
        const qsizetype held = m_pending.size();
        m_buffer.truncate(from);
        m_direct = false;
        m_pending.clear();
        m_decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        QString text = m_decoder.decode(QByteArrayView(bytes).first(held));
        text += m_decoder.decode(QByteArrayView(bytes).sliced(held));
        m_buffer += utf8::fromUtf16(text, &m_surrogates);
        return;
    }
    QString text = m_decoder.decode(chunk);
    // Some decoders keep a BOM as U+FEFF; never let it reach the first header.
    if (first && text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    m_buffer += utf8::fromUtf16(text, &m_surrogates);
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    // One read buffer for the whole file: a fresh megabyte per chunk costs page faults.
    m_readBuffer.resize(kChunkBytes);
    const qint64 n = m_device->read(m_readBuffer.data(), kChunkBytes);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    m_bytesRead += n;
    appendChunk(QByteArrayView(m_readBuffer).first(n), false);
    return true;
}

QChar CsvReader::detectDelimiter() const
{
    // The candidate seen most often outside quotes on the first (header) line.
    constexpr std::array<char, 4> candidates{',', ';', '\t', '|'};
    std::array<int, 4> counts{};
    bool quoted = false;
    for (const char c : m_buffer) {
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted)
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
    return QChar::fromLatin1(candidates[best]);
}

void CsvReader::setDelimiter(QChar delimiter)
{
    m_delimiter = delimiter;
    bool surrogate = false;
    m_delimiterBytes = utf8::fromUtf16(QStringView(&m_delimiter, 1), &surrogate);
    m_stops.fill(false);
    for (const char c : {'\n', '\r', '"', m_delimiterBytes.front()})
        m_stops[Byte(c)] = true;
}

void CsvReader::moveToScratch(Span &field)
{
    if (field.scratch)
        return;
    const qsizetype at = m_scratch.size();
    m_scratch.append(m_buffer.constData() + field.offset, field.size);
    field = {at, field.size, true};
}

void CsvReader::appendToField(Span &field, qsizetype from, qsizetype to)
{
    if (from == to)
        return;
    if (field.size == 0 && !field.scratch) {
        field.offset = from;
        field.size = to - from;
        return;
    }
    moveToScratch(field);
    m_scratch.append(m_buffer.constData() + from, to - from);
    field.size += to - from;
}

void CsvReader::appendQuoteToField(Span &field)
{
    moveToScratch(field);
    m_scratch.append('"');
    ++field.size;
}

qsizetype CsvReader::findStop(const char *data, qsizetype i, qsizetype end) const
{
#ifdef __SSE2__
    // Sixteen bytes at a time against the four stop bytes (the delimiter's first byte, LF, CR,
    // the quote): fields are short, but a whole field often fits in one step.
    const __m128i delimiter = _mm_set1_epi8(m_delimiterBytes[0]);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i quote = _mm_set1_epi8('"');
    while (i + 16 <= end) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, delimiter), _mm_cmpeq_epi8(v, lf)),
            _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0)
            return i + __builtin_ctz(static_cast<unsigned>(mask));
        i += 16;
    }
#endif
    while (i < end && !m_stops[Byte(data[i])])
        ++i;
    return i;
}

CsvReader::Outcome CsvReader::readRecord(int &strayQuoteColumn, bool &multiLine)
{
    m_spans.clear();
    m_scratch.clear();
    qsizetype i = m_pos;
    qint64 line = m_line;
    // Makes m_buffer[k] readable; fill() only appends, so earlier offsets stay valid (pointers
    // do not: the buffer may move, so bytes are always read through m_buffer).
    auto have = [this](qsizetype k) {
        while (k >= m_buffer.size()) {
            if (!fill())
                return false;
        }
        return true;
    };
    auto at = [this](qsizetype k) { return Byte(m_buffer.constData()[k]); };
    // Whether the delimiter starts at k (readable).
    auto delimiterAt = [&](qsizetype k) {
        if (at(k) != Byte(m_delimiterBytes[0]))
            return false;
        for (qsizetype d = 1; d < m_delimiterBytes.size(); ++d) {
            if (!have(k + d) || at(k + d) != Byte(m_delimiterBytes[d]))
                return false;
        }
        return true;
    };
    for (;;) {
        Span field;
        const int column = static_cast<int>(m_spans.size());
        if (have(i) && at(i) == '"') {
            ++i;
            int quotedLines = 0;
            for (;;) {
                qsizetype j = i;
                for (;;) {
                    if (!have(j))
                        return Outcome::Unbalanced;
                    const char *data = m_buffer.constData();
                    const qsizetype end = m_buffer.size();
                    while (j < end && data[j] != '"' && data[j] != '\n')
                        ++j;
                    if (j == end)
                        continue; // more input, or the end: have() decides
                    if (data[j] == '"')
                        break;
                    if (++quotedLines > kMaxQuotedLines)
                        return Outcome::Unbalanced;
                    ++j;
                }
                appendToField(field, i, j);
                i = j + 1;
                if (have(i) && at(i) == '"') {
                    appendQuoteToField(field);
                    ++i;
                    continue;
                }
                break;
            }
            line += quotedLines;
            multiLine = multiLine || quotedLines > 0;
            if (have(i) && !delimiterAt(i) && at(i) != '\n' && at(i) != '\r'
                && strayQuoteColumn < 0)
                strayQuoteColumn = column; // text after a closing quote
        }
        // Unquoted text (or what follows a closing quote) up to the delimiter or line end.
        qsizetype start = i;
        for (;;) {
            if (!have(i))
                break;
            i = findStop(m_buffer.constData(), i, m_buffer.size());
            if (i == m_buffer.size())
                continue;
            const Byte c = at(i);
            if (delimiterAt(i) || c == '\n')
                break;
            if (c == '\r') { // CR of CRLF, or a lone CR: not data
                appendToField(field, start, i);
                start = ++i;
                continue;
            }
            if (c == '"' && strayQuoteColumn < 0)
                strayQuoteColumn = column;
            ++i;
        }
        appendToField(field, start, i);
        m_spans.push_back(field);
        if (!have(i)) {
            m_pos = i;
            m_line = line;
            return Outcome::Record;
        }
        if (at(i) == '\n') {
            m_pos = i + 1;
            m_line = line + 1;
            return Outcome::Record;
        }
        i += m_delimiterBytes.size();
    }
}

bool CsvReader::nextBytes(CsvByteRow &row, std::optional<RowIssue> &issue)
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
        int strayQuoteColumn = -1;
        bool multiLine = false;
        const Outcome outcome = readRecord(strayQuoteColumn, multiLine);
        // A quote that swallowed the following lines shows as a multi-line field closed by a
        // quote that text follows, or as a wrong field count.
        const bool swallowed = outcome == Outcome::Record && multiLine
                               && (strayQuoteColumn >= 0
                                   || (m_expectedFields > 0
                                       && qsizetype(m_spans.size()) != m_expectedFields));
        if (outcome == Outcome::Unbalanced || swallowed) {
            // Give back everything after the record's first line and report that line alone.
            const qsizetype newline = m_buffer.indexOf('\n', recordStart);
            const qsizetype lineEnd = newline < 0 ? m_buffer.size() : newline;
            QByteArrayView firstLine(m_buffer.constData() + recordStart, lineEnd - recordStart);
            if (firstLine.endsWith('\r'))
                firstLine.chop(1);
            m_pos = newline < 0 ? m_buffer.size() : newline + 1;
            m_line = startLine + 1;
            row.fields.assign(1, firstLine);
            row.line = startLine;
            issue = RowIssue{startLine, -1, RowIssueCode::UnbalancedQuote,
                             toQString(firstLine).left(200)};
            return true;
        }
        // (A record starting at the very end, after a chunk that decoded to nothing, is blank.)
        const bool blank = m_spans.size() == 1 && m_spans.front().size == 0
                           && (recordStart >= m_buffer.size() || m_buffer.at(recordStart) != '"');
        if (blank)
            continue;
        row.fields.resize(m_spans.size());
        for (std::size_t k = 0; k < m_spans.size(); ++k) {
            const Span &s = m_spans[k];
            row.fields[k] = QByteArrayView((s.scratch ? m_scratch : m_buffer).constData()
                                               + s.offset,
                                           s.size);
        }
        row.line = startLine;
        if (strayQuoteColumn >= 0) {
            issue = RowIssue{startLine, strayQuoteColumn, RowIssueCode::UnbalancedQuote,
                             toQString(row.fields[std::size_t(strayQuoteColumn)]).left(200)};
        }
        return true;
    }
}

QString CsvReader::toQString(QByteArrayView field) const
{
    if (field.isEmpty())
        return {};
    return utf8::toQString(field);
}

bool CsvReader::next(CsvRow &row, std::optional<RowIssue> &issue)
{
    if (!nextBytes(m_row, issue))
        return false;
    row.fields.clear();
    row.fields.reserve(qsizetype(m_row.fields.size()));
    for (const QByteArrayView field : m_row.fields)
        row.fields.append(toQString(field));
    row.line = m_row.line;
    return true;
}

} // namespace metroeval::core
