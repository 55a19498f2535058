// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>

namespace metroeval::ui {

/// \brief A table of rows to pick one from (review lists, logs): whole rows selected, one at a
/// time, no row numbers; columns as wide as their texts after each reset, the last one taking
/// the rest.
inline void setUpListTable(QTableView *table, QAbstractItemModel *model)
{
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    QObject::connect(model, &QAbstractItemModel::modelReset, table,
                     [table] { table->resizeColumnsToContents(); });
}

} // namespace metroeval::ui
