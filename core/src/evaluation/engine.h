// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation/dataset.h"
#include "evaluation/evaluationplan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <vector>

namespace metroeval::core::engine {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// \brief JSON number, or null for NaN/inf (JSON has no NaN).
QJsonValue number(double v);

/// \brief The contiguous run of periods from the first to the last verification in scope.
struct PeriodAxis
{
    PeriodUnit unit = PeriodUnit::Quarter;
    int firstOrdinal = 0;        ///< ordinal of period 0 (see periodOrdinal)
    std::vector<QString> labels; ///< "2023-05", "2023Q2", "2023H1", "2023"
    std::vector<QDate> starts;   ///< first day of each period
    std::size_t size() const { return labels.size(); }
};

/// \brief Ordinal of the period holding Julian day \a day: year × periods-per-year + index.
int periodOrdinal(std::int32_t day, PeriodUnit unit);

/// \brief One group × its per-period tallies and every per-group indicator value.
struct GroupStats
{
    QString label;    ///< values of the group_by fields joined by " / "
    QStringList keys; ///< one value per group_by field
    qint64 verified = 0;
    qint64 passed = 0;
    double rate = kNaN;
    double lower = kNaN;
    double upper = kNaN;
    bool belowMinimum = false;
    std::vector<std::int64_t> periodVerified; ///< per period of the axis
    std::vector<std::int64_t> periodFailed;
    std::vector<std::int64_t> periodNearLimit;
    std::vector<std::int64_t> periodWithError;
    // normalised error e = |max error| / MPE
    qint64 withError = 0;
    qint64 nearLimit = 0;
    double meanError = kNaN;
    double medianError = kNaN;
    double p95Error = kNaN;
    double nearLimitShare = kNaN;
    // histories (filled by histories.cpp)
    double driftRate = kNaN; ///< median |slope| in MPE per year
    double b10Years = kNaN;
    // composite (filled by scoring.cpp)
    double score = kNaN;
    int rank = 0;
    QString grade;
};

/// \brief Everything the stages share.
struct Context
{
    const EvaluationPlan &plan;
    const ColumnarDataset &data;
    PeriodAxis axis;
    std::vector<std::uint32_t> groupOfRow;
    std::vector<std::int32_t> periodOfRow; ///< index into axis
    std::vector<GroupStats> groups;        ///< by descending volume, then label
};

/// \brief Builds the period axis, the groups of plan.groupByFields and the per-period tallies.
void buildGroups(Context &ctx);

/// \brief Metric value of a group by the names used in criteria and scores; NaN when unknown.
double metricValue(const GroupStats &g, const QString &metric);

/// \brief Pass rate per group and per group × period with intervals (section pass_rate).
QJsonObject passRateSection(const Context &ctx);
/// \brief Share of each failed item among failures, per group (section failed_items).
QJsonObject failedItemsSection(Context &ctx);
/// \brief Distribution of e = |max error|/MPE and the near-limit share (section normalized_error).
QJsonObject normalizedErrorSection(Context &ctx);
/// \brief Rolling baseline of the warning charts: periods [begin, begin + window) of a group.
struct WarningBaseline
{
    qint64 records = 0;
    qint64 failed = 0;
    double p0 = kNaN;    ///< pooled non-conformance; 0.5/(records + 1) without failures
    double sigmaZ = 1.0; ///< Laney σ_z of the window floored at 1 (1 with chart "p")
};
/// \brief Baseline length W of the warning charts (plan, or 12/8/4/3 by period unit).
int warningBaselineLength(const EvaluationPlan &plan);
/// \brief The baseline of periods [begin, begin + window) of \a g.
WarningBaseline warningBaseline(const GroupStats &g, const EvaluationPlan &plan, std::size_t begin,
                                int window);
/// \brief The evidence every alarm shows for period \a t of group \a g: period, verified, failed,
/// non_conformance (each chart adds its own statistic).
QJsonObject periodEvidence(const GroupStats &g, std::size_t t, const PeriodAxis &axis);

/// \brief EWMA and CUSUM rules (models.warning.rules "ewma", "cusum"; warningsequential.cpp):
/// adds their per-period statistics to the objects of \a charts (one per group, in order) and
/// their alarms to \a alarms; returns the section members "ewma" and/or "cusum".
QJsonObject sequentialCharts(const Context &ctx, QJsonArray &charts, QJsonArray &alarms);

/// \brief Trend tests per group (section trend).
QJsonObject trendSection(const Context &ctx, QJsonArray &alarms);
/// \brief Rolling-baseline p′ chart and run rules per group: alarms (section warning).
QJsonObject warningSection(const Context &ctx, QJsonArray &alarms);
/// \brief Instrument histories: drift, reliability (Turnbull + parametric), A3 interval.
QJsonObject historiesSection(Context &ctx);
/// \brief Composite score, ranks, grades, bootstrap intervals and threshold sensitivity.
QJsonObject scoringSection(Context &ctx);
/// \brief Minimum sample flags, back-test and the limitations list (section validation).
QJsonObject validationSection(const Context &ctx, const QJsonArray &alarms);

/// \brief Sorts alarms by descending strength, then group, then onset, and numbers their rank.
QJsonArray rankAlarms(QJsonArray alarms);

} // namespace metroeval::core::engine
