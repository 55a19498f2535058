// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationplan.h"
#include "model/field.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace metroeval::core {

/// \brief Pass rate of one group with its interval. Rates are NaN when n = 0.
struct GroupRate
{
    QString key;
    qint64 verified = 0;
    qint64 passed = 0;
    double rate = 0.0;
    double lower = 0.0;
    double upper = 0.0;
    bool belowMinimum = false; ///< fewer records than the plan's minimum group size
};

/// \brief Everything an evaluation produced: every number a table, chart or report shows, the plan
/// that made it, a fingerprint of the data, the software version and timings
/// (format "metroeval-result/1", docs/result-format.md).
struct EvaluationResult
{
    EvaluationPlan plan;
    QString softwareVersion;
    QDateTime createdAt;
    QString dataFingerprint;
    qint64 recordsInScope = 0;
    qint64 batches = 0;
    double elapsedMs = 0.0;
    QJsonObject stageTimings;      ///< milliseconds per stage (load, groups, ...)
    std::vector<GroupRate> groups; ///< pass rate per FIRST group_by field, by descending volume
    QStringList periods;           ///< period labels of every per-period array
    /// Every indicator section of docs/result-format.md (pass_rate holds the per group × period
    /// table beside the legacy `groups`, which toJson() adds to it).
    QJsonObject indicators;
    QJsonArray alarms;      ///< ranked early-warning alarms
    QJsonObject validation; ///< small groups, back-test, limitations

    QJsonObject toJson() const;
    static std::optional<EvaluationResult> fromJson(const QJsonObject &json, CoreError *error);
};

} // namespace metroeval::core
