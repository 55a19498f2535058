// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ratetablemodel.h"

#include "i18n/labels.h"
#include "report/formatting.h"
#include "tr.h"

#include <QBrush>
#include <QColor>

#include <cmath>

namespace metroeval::ui {

RateTableModel::RateTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RateTableModel::setResult(const core::EvaluationResult &result)
{
    beginResetModel();
    m_groups = result.groups;
    m_groupBy = result.plan.groupBy;
    m_level = result.plan.level;
    endResetModel();
}

void RateTableModel::clear()
{
    beginResetModel();
    m_groups.clear();
    endResetModel();
}

int RateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_groups.size());
}

int RateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RateTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::GroupRate &g = m_groups[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == GroupColumn || index.column() == NoteColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && g.belowMinimum)
        return QBrush(QColor(0x88, 0x88, 0x88));
    if (role == Qt::UserRole) // sort keys
        return index.column() == RateColumn ? QVariant(g.rate) : data(index, Qt::DisplayRole);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case GroupColumn: return g.key.isEmpty() ? Tr::tr("(blank)") : g.key;
    case VerifiedColumn: return QVariant::fromValue(g.verified);
    case PassedColumn: return QVariant::fromValue(g.passed);
    case RateColumn: return formatPercent(g.rate);
    case IntervalColumn: return formatInterval(g.lower, g.upper);
    case NoteColumn: return g.belowMinimum ? Tr::tr("small sample") : QString();
    default: return {};
    }
}

QVariant RateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case GroupColumn: return fieldLabel(m_groupBy);
    case VerifiedColumn: return Tr::tr("Verified");
    case PassedColumn: return Tr::tr("Passed");
    case RateColumn: return Tr::tr("Pass rate");
    case IntervalColumn: return Tr::tr("%1 % interval").arg(std::lround(m_level * 100.0));
    case NoteColumn: return Tr::tr("Note");
    default: return {};
    }
}

void RateTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_groups.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace metroeval::ui
