// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/cleaninglogmodel.h"

#include "i18n/labels.h"
#include "tr.h"

#include <QBrush>

namespace metroeval::ui {

CleaningLogModel::CleaningLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CleaningLogModel::setEntries(QList<core::cleaning::LogEntry> entries)
{
    beginResetModel();
    m_rows = std::move(entries);
    endResetModel();
}

const core::cleaning::LogEntry *CleaningLogModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int CleaningLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CleaningLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CleaningLogModel::data(const QModelIndex &index, int role) const
{
    const auto *e = at(index.row());
    if (!e)
        return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Rule:
            return cleaningRuleLabel(e->rule);
        case FieldColumn: {
            const auto field = core::fieldFromKey(e->field);
            return field ? fieldLabel(*field) : e->field;
        }
        case Scope:
            return e->scope;
        case Before:
            return e->before;
        case After:
            return e->after;
        case Records:
            return e->records;
        case State:
            return e->reverted ? Tr::tr("reverted") : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Rule)
        return e->rule; // the code, as in the rules file and the CLI
    if (role == Qt::ForegroundRole && e->reverted)
        return QBrush(Qt::gray);
    if (role == Qt::TextAlignmentRole && index.column() == Records)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CleaningLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rule:
        return Tr::tr("Rule");
    case FieldColumn:
        return Tr::tr("Field");
    case Scope:
        return Tr::tr("Scope");
    case Before:
        return Tr::tr("Before");
    case After:
        return Tr::tr("After");
    case Records:
        return Tr::tr("Records");
    case State:
        return Tr::tr("State");
    default:
        return {};
    }
}

} // namespace metroeval::ui
