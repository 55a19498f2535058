// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/aliassuggestionmodel.h"

#include "tr.h"

#include <QBrush>
#include <QDate>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

QString blockerText(const QString &code)
{
    if (code == "distinct_number"_L1)
        return Tr::tr("different plant numbers");
    if (code == "distinct_place"_L1)
        return Tr::tr("different places");
    if (code == "rejected"_L1)
        return Tr::tr("rejected before");
    return code;
}

QString statusText(const QString &code)
{
    if (code == "accepted"_L1)
        return Tr::tr("accepted");
    if (code == "rejected"_L1)
        return Tr::tr("rejected");
    return Tr::tr("pending");
}

AliasSuggestionModel::AliasSuggestionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AliasSuggestionModel::setSuggestions(QList<core::cleaning::StoredSuggestion> suggestions)
{
    beginResetModel();
    m_rows = std::move(suggestions);
    endResetModel();
}

const core::cleaning::StoredSuggestion *AliasSuggestionModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int AliasSuggestionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AliasSuggestionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AliasSuggestionModel::data(const QModelIndex &index, int role) const
{
    const auto *row = at(index.row());
    if (!row)
        return {};
    const core::cleaning::AliasSuggestion &s = row->suggestion;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Scope:
            return s.scope;
        case Alias:
            return s.alias;
        case Canonical:
            return s.canonical;
        case Score:
            return QString::number(s.score, 'f', 3);
        case Blocker:
            return s.blocked.isEmpty() ? QString() : blockerText(s.blocked);
        case ValidFrom:
            return s.validFromDay > 0 ? QDate::fromJulianDay(s.validFromDay).toString(Qt::ISODate)
                                      : QString();
        case Status:
            return statusText(row->status);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Blocker && !s.blocked.isEmpty())
        return QBrush(Qt::darkRed);
    if (role == Qt::TextAlignmentRole && index.column() == Score)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AliasSuggestionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Scope:
        return Tr::tr("Manufacturer");
    case Alias:
        return Tr::tr("Spelling");
    case Canonical:
        return Tr::tr("Merge into");
    case Score:
        return Tr::tr("Score");
    case Blocker:
        return Tr::tr("Blocked by");
    case ValidFrom:
        return Tr::tr("Valid from");
    case Status:
        return Tr::tr("Decision");
    default:
        return {};
    }
}

} // namespace metroeval::ui
