// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/quarantinemodel.h"

#include "import/importtexts.h"
#include "tr.h"

namespace metroeval::ui {

QuarantineModel::QuarantineModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void QuarantineModel::setRows(QList<core::QuarantinedRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int QuarantineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int QuarantineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuarantineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const core::QuarantinedRow &r = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return QString(rowIssueText(r.code) + u'\n' + r.rawText);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FileColumn:
        return r.fileName;
    case LineColumn:
        return r.line;
    case CellColumn:
        return r.column >= 0 ? QVariant(r.column + 1) : QVariant(Tr::tr("row"));
    case ReasonColumn:
        return rowIssueText(r.code);
    case DetailColumn:
        return r.detail;
    default:
        return {};
    }
}

QVariant QuarantineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return Tr::tr("File");
    case LineColumn:
        return Tr::tr("Line");
    case CellColumn:
        return Tr::tr("Column");
    case ReasonColumn:
        return Tr::tr("Reason");
    case DetailColumn:
        return Tr::tr("Value");
    default:
        return {};
    }
}

} // namespace metroeval::ui
