// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/cleaningstore.h"

#include <QAbstractTableModel>
#include <QList>

namespace metroeval::ui {

/// \brief The alias suggestions of the latest cleaning run, one row each (manufacturers or model
/// spellings; Scope names a model's manufacturer).
class AliasSuggestionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Scope, Alias, Canonical, Score, Blocker, ValidFrom, Status, ColumnCount };

    explicit AliasSuggestionModel(QObject *parent = nullptr);

    void setSuggestions(QList<core::cleaning::StoredSuggestion> suggestions);
    const core::cleaning::StoredSuggestion *at(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::cleaning::StoredSuggestion> m_rows;
};

/// \brief Translated word for a blocker code ("distinct_number" ...) or a status code.
QString blockerText(const QString &code);
QString statusText(const QString &code);

} // namespace metroeval::ui
