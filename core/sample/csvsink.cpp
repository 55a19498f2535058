// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/csvsink.h"

namespace metroeval::sample {

namespace {
constexpr std::size_t kFlushBytes = 1 << 20;
}

CsvSink::CsvSink(const QString &path, CsvEncoding encoding)
    : m_file(path)
    , m_encoding(encoding)
{
    m_buffer.reserve(kFlushBytes + 4096);
}

CsvSink::~CsvSink()
{
    if (m_file.isOpen())
        m_file.close();
}

bool CsvSink::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (m_encoding == CsvEncoding::Utf8Bom)
        m_buffer += "\xEF\xBB\xBF";
    if (m_encoding == CsvEncoding::Gb18030) {
        m_encoder = std::make_unique<QStringEncoder>("GB18030");
        if (!m_encoder->isValid())
            return false;
    }
    return true;
}

void CsvSink::appendField(std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        m_buffer += field;
        return;
    }
    m_buffer += '"';
    for (char c : field) {
        if (c == '"')
            m_buffer += '"';
        m_buffer += c;
    }
    m_buffer += '"';
}

void CsvSink::endRow()
{
    m_buffer += "\r\n";
    ++m_rows;
    if (m_buffer.size() >= kFlushBytes)
        flush();
}

void CsvSink::writeRow(const std::vector<std::string> &fields, bool raw)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer += ',';
        if (raw)
            m_buffer += fields[i];
        else
            appendField(fields[i]);
    }
    endRow();
}

void CsvSink::writeRow(std::initializer_list<std::string_view> fields)
{
    bool first = true;
    for (std::string_view f : fields) {
        if (!first)
            m_buffer += ',';
        first = false;
        appendField(f);
    }
    endRow();
}

void CsvSink::flush()
{
    if (m_buffer.empty() || m_failed)
        return;
    qint64 written = 0;
    if (m_encoder) {
        // Rows end at chunk boundaries, so no character is split across two conversions.
        const QString text = QString::fromUtf8(m_buffer.data(), qsizetype(m_buffer.size()));
        const QByteArray encoded = m_encoder->encode(text);
        written = m_file.write(encoded);
        m_failed = written != encoded.size();
    } else {
        written = m_file.write(m_buffer.data(), qint64(m_buffer.size()));
        m_failed = written != qint64(m_buffer.size());
    }
    m_bytes += written;
    m_buffer.clear();
}

bool CsvSink::close()
{
    flush();
    if (m_encoder && m_encoder->hasError())
        m_failed = true;
    if (m_file.isOpen()) {
        m_failed = !m_file.flush() || m_failed;
        m_file.close();
    }
    return !m_failed;
}

} // namespace metroeval::sample
