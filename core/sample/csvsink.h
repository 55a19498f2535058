// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QString>
#include <QStringEncoder>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace metroeval::sample {

/// \brief Text encoding of a CSV file.
enum class CsvEncoding { Utf8, Utf8Bom, Gb18030 };

/// \brief Streams RFC 4180 rows (comma, CRLF, fields quoted only when they contain , " CR LF)
///        to a file, buffered, re-encoded in chunks when the encoding is GB18030.
class CsvSink
{
public:
    CsvSink(const QString &path, CsvEncoding encoding);
    ~CsvSink();
    CsvSink(const CsvSink &) = delete;
    CsvSink &operator=(const CsvSink &) = delete;

    /// \brief Opens (truncates) the file and writes the BOM if any; false on failure.
    bool open();
    /// \brief Appends one row; `raw` writes the fields joined by commas without any quoting.
    void writeRow(const std::vector<std::string> &fields, bool raw = false);
    /// \brief Appends one row of string views, always RFC 4180.
    void writeRow(std::initializer_list<std::string_view> fields);
    /// \brief Flushes and closes; false if any write failed.
    bool close();

    std::uint64_t rows() const { return m_rows; }
    qint64 bytes() const { return m_bytes; }
    QString path() const { return m_file.fileName(); }
    QString errorString() const { return m_file.errorString(); }

private:
    void appendField(std::string_view field);
    void endRow();
    void flush();

    QFile m_file;
    CsvEncoding m_encoding;
    std::unique_ptr<QStringEncoder> m_encoder;
    std::string m_buffer;
    std::uint64_t m_rows = 0;
    qint64 m_bytes = 0;
    bool m_failed = false;
};

} // namespace metroeval::sample
