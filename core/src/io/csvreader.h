// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/rowissue.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

class QIODevice;

namespace metroeval::core {

/// \brief One logical record of a table file (CSV record or spreadsheet row).
struct CsvRow
{
    QStringList fields;
    qint64 line = 0; ///< 1-based physical line (CSV) or sheet row number (XLSX) where it starts
};

/// \brief One CSV record as UTF-8 views into the reader's buffers, valid until the next call.
/// Text that came from a broken UTF-16 file may hold lone surrogates in their WTF-8 form
/// (CsvReader::hasSurrogates(), utf8::fromUtf16()).
struct CsvByteRow
{
    std::vector<QByteArrayView> fields;
    qint64 line = 0;
};

/// \brief Streaming RFC 4180 reader: quoted fields with embedded delimiters, doubled quotes and
/// line breaks; CRLF or LF; BOM and encoding detection; delimiter detection among , ; TAB |.
///
/// Works on UTF-8 bytes: UTF-8 input as it is read (after its BOM), any other encoding decoded
/// chunk by chunk and encoded to UTF-8 once; fields are views into that buffer, or into a small
/// scratch buffer when quotes had to be undone. UTF-8 input that turns out invalid goes through
/// QStringDecoder from the first bad chunk on, so replacement characters fall where they always
/// did. Reads the device in 1 MiB chunks; memory is bounded by one chunk plus one record. A quoted
/// field that is still open after kMaxQuotedLines lines or at the end of the file is an unbalanced
/// quote: that record's first line is returned as an issue and reading resumes on the next line,
/// so that one stray quote costs one row, not the rest of the file. A quote inside an unquoted
/// field (`ab"c`, not allowed by RFC 4180 §2.5) keeps the parsed fields and is reported as an
/// unbalanced quote with its column.
class CsvReader
{
public:
    static constexpr int kMaxQuotedLines = 64;

    struct Options
    {
        QByteArray encoding;      ///< empty: detect
        std::optional<QChar> delimiter; ///< empty: detect from the first line
    };

    CsvReader(QIODevice *device, Options options);

    /// Reads the first chunk and settles encoding and delimiter. False when the device fails or the
    /// encoding is unknown.
    bool start();

    /// The next record. Returns false at the end of input. When \a issue is set, the row was
    /// malformed; for an unclosed quote \a row.fields then holds the raw first line as a single
    /// field, for a stray quote the parsed fields.
    bool next(CsvRow &row, std::optional<RowIssue> &issue);

    /// The same record as next(), as UTF-8 views (for the import's parsing thread).
    bool nextBytes(CsvByteRow &row, std::optional<RowIssue> &issue);

    /// The QString of a field nextBytes() returned: what next() gives for it.
    QString toQString(QByteArrayView field) const;
    /// True once a lone surrogate of broken UTF-16 input was kept in its WTF-8 form.
    bool hasSurrogates() const { return m_surrogates; }

    /// Field count of a good record (the header's). When set, a record whose quoted field spans
    /// lines and whose field count differs is taken for an unbalanced quote that swallowed the
    /// following lines: its first line alone is reported and reading resumes after it.
    void setExpectedFields(int count) { m_expectedFields = count; }

    QByteArray encodingName() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }
    qint64 bytesRead() const { return m_bytesRead; }
    /// True when the decoder met bytes that are invalid in the encoding.
    bool hadDecodingErrors() const { return m_decoder.hasError(); }

private:
    enum class Outcome { Record, Unbalanced, End };
    /// A field being read: a slice of m_buffer, or of m_scratch once it needs unescaping.
    struct Span
    {
        qsizetype offset = 0;
        qsizetype size = 0;
        bool scratch = false;
    };
    bool fill();
    void appendChunk(QByteArrayView chunk, bool first);
    QChar detectDelimiter() const;
    void setDelimiter(QChar delimiter);
    Outcome readRecord(int &strayQuoteColumn, bool &multiLine);
    /// The first byte in data[i, end) that may end unquoted text (see m_stops), or end.
    qsizetype findStop(const char *data, qsizetype i, qsizetype end) const;
    void appendToField(Span &field, qsizetype from, qsizetype to);
    void appendQuoteToField(Span &field);
    void moveToScratch(Span &field);

    QIODevice *m_device;
    Options m_options;
    QByteArray m_encoding;
    QStringDecoder m_decoder;
    bool m_direct = false;     ///< UTF-8 input read without the decoder
    bool m_surrogates = false; ///< m_buffer holds WTF-8 surrogates
    QByteArray m_pending;      ///< direct mode: a UTF-8 sequence cut by the chunk's end
    QChar m_delimiter = u',';
    QByteArray m_delimiterBytes = ",";
    std::array<bool, 256> m_stops{}; ///< bytes that end a run of unquoted text
    QByteArray m_readBuffer;         ///< the device's bytes, one chunk at a time
    QByteArray m_buffer;             ///< UTF-8 text read and not yet consumed
    QByteArray m_scratch;            ///< unescaped fields of the current record
    std::vector<Span> m_spans;       ///< fields of the current record
    CsvByteRow m_row;                ///< next()'s record before conversion
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    bool m_eof = false;
    int m_expectedFields = 0;
};

} // namespace metroeval::core
