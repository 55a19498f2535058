// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <ctime>
#include <string>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;

namespace metroeval::sample {

/// \brief Streams rows to one worksheet of an XLSX file with libxlsxwriter in constant_memory
///        mode (rows in order, inline strings). A fixed creation time makes equal input give a
///        byte-identical file.
class XlsxSink
{
public:
    /// \brief Excel's row limit including the header row.
    static constexpr std::uint64_t kMaxRows = 1048576;

    XlsxSink(const QString &path, std::time_t created);
    ~XlsxSink();
    XlsxSink(const XlsxSink &) = delete;
    XlsxSink &operator=(const XlsxSink &) = delete;

    bool open();
    /// \brief Writes a row; cells whose bit is set in `numberColumns` are written as numbers.
    void writeRow(const std::vector<std::string> &cells, std::uint32_t numberColumns = 0);
    /// \brief Assembles and closes the file; false on failure (see errorString()).
    bool close();

    std::uint64_t rows() const { return m_rows; }
    QString errorString() const { return m_error; }

private:
    QString m_path;
    std::time_t m_created;
    lxw_workbook *m_workbook = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    std::uint64_t m_rows = 0;
    QString m_error;
};

} // namespace metroeval::sample
