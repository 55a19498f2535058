// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/fieldinterner.h"

#include "model/rowissue.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

class QIODevice;

namespace metroeval::core {

/// \brief One logical record of a table file (CSV record or spreadsheet row).
struct CsvRow
{
    QStringList fields;
    qint64 line = 0; ///< 1-based physical line (CSV) or sheet row number (XLSX) where it starts
};

/// \brief Streaming RFC 4180 reader: quoted fields with embedded delimiters, doubled quotes and
/// line breaks; CRLF or LF; BOM and encoding detection; delimiter detection among , ; TAB |.
///
/// Reads the device in 1 MiB chunks; memory is bounded by one chunk plus one record. A quoted
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
    bool fill();
    QChar detectDelimiter() const;
    Outcome readRecord(QStringList &fields, int &strayQuoteColumn, bool &multiLine);

    QIODevice *m_device;
    Options m_options;
    QByteArray m_encoding;
    QStringDecoder m_decoder;
    QChar m_delimiter = u',';
    QString m_buffer;
    FieldInterner m_interner;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    bool m_eof = false;
    int m_expectedFields = 0;
};

} // namespace metroeval::core
