// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/cleaningstore.h"

#include <QAbstractTableModel>
#include <QList>

namespace metroeval::ui {

/// \brief The cleaning-log entries of the latest run, one row each (a dictionary entry counts
/// every record it changed; a mask is one row per record).
class CleaningLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Rule, FieldColumn, Scope, Before, After, Records, State, ColumnCount };

    explicit CleaningLogModel(QObject *parent = nullptr);

    void setEntries(QList<core::cleaning::LogEntry> entries);
    const core::cleaning::LogEntry *at(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::cleaning::LogEntry> m_rows;
};

} // namespace metroeval::ui
