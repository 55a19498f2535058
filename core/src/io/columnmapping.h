// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "model/field.h"

#include <QJsonObject>
#include <QStringList>

#include <array>
#include <optional>

namespace metroeval::core {

/// \brief Which file column feeds which canonical field (−1: none), with the confidence of each
/// suggestion (1.0 exact synonym, 0.0 not mapped).
class ColumnMapping
{
public:
    ColumnMapping();

    /// \brief Suggests a mapping from header names using the synonym lists of field.h.
    static ColumnMapping suggest(const QStringList &headers);

    /// \brief Reads a mapping profile ({"format":"metroeval-mapping/1","columns":{"证书编号":
    /// "certificate_no", ...}}, docs/mapping-profile.md) and resolves it against \a headers:
    /// exact header first, then the normalised header (normalizeHeader). Headers the file lacks
    /// are skipped; an unknown field key or format is InvalidMapping.
    static std::optional<ColumnMapping> fromProfile(const QJsonObject &profile,
                                                    const QStringList &headers, CoreError *error);

    QJsonObject toProfile(const QStringList &headers) const;

    int column(Field field) const { return m_columns[static_cast<std::size_t>(field)]; }
    double confidence(Field field) const { return m_confidence[static_cast<std::size_t>(field)]; }
    void setColumn(Field field, int column, double confidence = 1.0);

    /// \brief Required fields that have no column.
    QList<Field> missingRequired() const;

private:
    std::array<int, kFieldCount> m_columns;
    std::array<double, kFieldCount> m_confidence;
};

} // namespace metroeval::core
