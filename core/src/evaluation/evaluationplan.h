// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "model/field.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace metroeval::core {

enum class IntervalMethod { Wilson, ClopperPearson };

/// \brief An evaluation plan (format "metroeval-plan/1", docs/plan-format.md). This version of the
/// engine evaluates the pass-rate indicator per group; other indicators are rejected by name.
struct EvaluationPlan
{
    QString title;
    QStringList categories;      ///< empty: all
    QDate from;                  ///< inclusive; invalid: open
    QDate to;                    ///< inclusive; invalid: open
    QStringList manufacturers;   ///< empty: all
    QStringList verificationTypes;
    Field groupBy = Field::Manufacturer;
    IntervalMethod interval = IntervalMethod::Wilson;
    double level = 0.95;
    qint64 minGroupSize = 30;    ///< smaller groups are flagged and, for outside audiences, suppressed

    /// \brief Parses and validates; on failure \a error names the offending field path.
    static std::optional<EvaluationPlan> fromJson(const QJsonObject &json, CoreError *error);
    QJsonObject toJson() const;
};

} // namespace metroeval::core
