// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/xlsxsink.h"

#include <xlsxwriter.h>

#include <cstdlib>

namespace metroeval::sample {

XlsxSink::XlsxSink(const QString &path, std::time_t created)
    : m_path(path)
    , m_created(created)
{
}

XlsxSink::~XlsxSink()
{
    if (m_workbook)
        workbook_close(m_workbook);
}

bool XlsxSink::open()
{
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_FALSE; // ZIP64 headers fail libzip's consistency check; sheets stay < 4 GB
    const QByteArray name = m_path.toLocal8Bit();
    m_workbook = workbook_new_opt(name.constData(), &options);
    if (!m_workbook) {
        m_error = QStringLiteral("cannot create the XLSX workbook");
        return false;
    }
    lxw_doc_properties properties{};
    properties.created = m_created;
    workbook_set_properties(m_workbook, &properties);
    m_sheet = workbook_add_worksheet(m_workbook, "检定记录");
    return m_sheet != nullptr;
}

void XlsxSink::writeRow(const std::vector<std::string> &cells, std::uint32_t numberColumns)
{
    if (!m_sheet || m_rows >= kMaxRows)
        return;
    const auto row = static_cast<lxw_row_t>(m_rows);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto col = static_cast<lxw_col_t>(i);
        if (cells[i].empty())
            continue;
        if (i < 32 && (numberColumns & (1u << i)) != 0)
            worksheet_write_number(m_sheet, row, col, std::strtod(cells[i].c_str(), nullptr),
                                   nullptr);
        else
            worksheet_write_string(m_sheet, row, col, cells[i].c_str(), nullptr);
    }
    ++m_rows;
}

bool XlsxSink::close()
{
    if (!m_workbook)
        return false;
    const lxw_error status = workbook_close(m_workbook);
    m_workbook = nullptr;
    if (status != LXW_NO_ERROR) {
        m_error = QString::fromUtf8(lxw_strerror(status));
        return false;
    }
    return true;
}

} // namespace metroeval::sample
