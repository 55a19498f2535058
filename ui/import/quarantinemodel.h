// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/quarantine.h"

#include <QAbstractTableModel>
#include <QList>

namespace metroeval::ui {

/// \brief Quarantined rows of the workspace as a table: file, line, column, reason, value.
class QuarantineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FileColumn, LineColumn, CellColumn, ReasonColumn, DetailColumn, ColumnCount };

    explicit QuarantineModel(QObject *parent = nullptr);

    void setRows(QList<core::QuarantinedRow> rows);
    const core::QuarantinedRow &row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::QuarantinedRow> m_rows;
};

} // namespace metroeval::ui
