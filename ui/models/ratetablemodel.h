// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation/evaluationresult.h"

#include <QAbstractTableModel>

#include <vector>

namespace metroeval::ui {

/// \brief Pass rates per group as a table: group, verified, passed, rate, interval, note.
class RateTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { GroupColumn, VerifiedColumn, PassedColumn, RateColumn, IntervalColumn,
                  NoteColumn, ColumnCount };

    explicit RateTableModel(QObject *parent = nullptr);

    void setResult(const core::EvaluationResult &result);
    void clear();
    const std::vector<core::GroupRate> &groups() const { return m_groups; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Re-emits the headers after a language change.
    void retranslate();

private:
    std::vector<core::GroupRate> m_groups;
    core::Field m_groupBy = core::Field::Manufacturer;
    double m_level = 0.95;
};

} // namespace metroeval::ui
