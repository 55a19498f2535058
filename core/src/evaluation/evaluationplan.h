// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "model/field.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace metroeval::core {

enum class IntervalMethod { Wilson, ClopperPearson };

/// \brief Length of one evaluation period.
enum class PeriodUnit { Month, Quarter, Half, Year };

/// \brief Indicators of shared/design/domain.md §3 that a plan can ask for.
enum class Indicator {
    PassRate,
    FailedItems,
    NormalizedError,
    Drift,
    Reliability,
    Interval,
    Trend,
    Warning,
    Score,
};

/// \brief Settings of the early-warning charts (models.warning).
struct WarningModel
{
    bool laney = true;       ///< "laney_p": σ_z widening for overdispersion; "p": plain p chart
    double sigmaLimit = 3.0; ///< k of the k-sigma rule
    int baselinePeriods = 0; ///< rolling baseline before each period; 0: 12/8/4/3 by unit
    qint64 minBaselineRecords = 30; ///< a period is monitored only above this baseline volume
    bool runRules = true;           ///< Western Electric rules 2–4 besides the k-sigma rule
    /// The run rules that fire when runRules is on: any of "two_of_three", "four_of_five",
    /// "run_of_8" (plan key models.warning.rules, which may also name "beyond_3sigma").
    QStringList ruleNames{QStringLiteral("two_of_three"), QStringLiteral("four_of_five"),
                          QStringLiteral("run_of_8")};
    /// The sequential charts are on when models.warning.rules names "ewma" / "cusum" (off by
    /// default; independent of runRules). Both chart the recent periods against the rolling
    /// baseline that precedes them (docs/result-format.md).
    bool ewma = false;
    bool cusum = false;
    double ewmaLambda = 0.2;  ///< λ of the EWMA
    double ewmaLimit = 2.962; ///< L of the EWMA limits p0 ± L·σ (ARL₀ ≈ 500 with λ = 0.2)
    double cusumK = 0.5;      ///< reference value k, in σ
    double cusumH = 3.5;      ///< decision interval h, in σ (upper side only: ARL₀ ≈ 200)
    int recentPeriods = 3;    ///< length of the run the EWMA/CUSUM accumulate, ending at t
};

/// \brief Settings of the trend test (models.trend).
struct TrendModel
{
    bool cochranArmitage = true; ///< "cochran_armitage" (default) or "mann_kendall"
    double alpha = 0.05;         ///< on Benjamini–Hochberg adjusted p-values across groups
};

/// \brief Settings of the life models (models.reliability).
struct ReliabilityModel
{
    bool originManufacture = false; ///< "manufacture_date" or "first_verification" (default)
    int distribution = 0;           ///< 0 Weibull, 1 lognormal, 2 exponential
    double level = 0.95;
    qint64 minFailures = 5; ///< fewer failures: no parametric fit
};

/// \brief Settings of the recommended interval (models.interval, NCSLI RP-1 A3).
struct IntervalModel
{
    double target = 0.90;
    double confidence = 0.50;
    double currentDays = 0.0; ///< 0: the median observed interval of the group
};

/// \brief Settings of the composite score (models.score).
struct ScoreModel
{
    int weights = 0;    ///< 0 entropy, 1 CRITIC, 2 equal
    bool topsis = true; ///< TOPSIS closeness (default) or weighted sum of min–max values
    QStringList criteria{QStringLiteral("pass_rate"), QStringLiteral("near_limit_share"),
                         QStringLiteral("mean_normalized_error")};
};

/// \brief One grade of the criteria: a group gets the first grade whose threshold it meets.
struct GradeThreshold
{
    QString name;
    double threshold = 0.0;
};

/// \brief Criteria (评价标准): grades on one metric (pass_rate, score, or a cost metric with max_).
struct Criteria
{
    QString metric;             ///< empty: no grading
    bool lowerIsBetter = false; ///< thresholds given as max_<metric>
    std::vector<GradeThreshold> grades;
};

/// \brief Validation settings (验证评价结果).
struct ValidationSettings
{
    int backtestPeriods = 4;   ///< periods after the cut used to check forecasts and alarms
    QDate backtestCut;         ///< explicit cut date; invalid: last backtestPeriods periods
    int bootstrap = 200;       ///< replicates for score/rank intervals (0: none)
    double sensitivity = 0.01; ///< threshold shift for the grade sensitivity check
    std::uint64_t seed = 1;
};

/// \brief An evaluation plan (format "metroeval-plan/1", docs/plan-format.md).
struct EvaluationPlan
{
    QString title;
    QStringList categories; ///< empty: all
    QDate from;             ///< inclusive; invalid: open
    QDate to;               ///< inclusive; invalid: open
    QStringList districts;
    QStringList industries;
    QStringList manufacturers; ///< empty: all
    QStringList models;
    QStringList verificationTypes;
    Field groupBy = Field::Manufacturer; ///< the first of groupByFields
    std::vector<Field> groupByFields{Field::Manufacturer};
    PeriodUnit period = PeriodUnit::Quarter;
    std::vector<Indicator> indicators{Indicator::PassRate};
    IntervalMethod interval = IntervalMethod::Wilson;
    double level = 0.95;
    double nearLimit = 0.8;    ///< models.normalized_error.near_limit
    qint64 minDriftPoints = 3; ///< models.drift.min_verifications
    WarningModel warning;
    TrendModel trend;
    ReliabilityModel reliability;
    IntervalModel intervalModel;
    ScoreModel score;
    Criteria criteria;
    qint64 minGroupSize = 30; ///< smaller groups are flagged and, for outside audiences, suppressed
    ValidationSettings validation;

    bool has(Indicator indicator) const;

    /// \brief Parses and validates; on failure \a error names the offending field path.
    static std::optional<EvaluationPlan> fromJson(const QJsonObject &json, CoreError *error);
    QJsonObject toJson() const;
};

/// \brief Stable key of an indicator ("pass_rate", "failed_items", ...).
QString indicatorKey(Indicator indicator);
/// \brief Stable key of a period unit ("month", "quarter", "half", "year").
QString periodKey(PeriodUnit unit);

/// \brief Reads and validates a plan file (JSON); errors as EvaluationPlan::fromJson, or
/// FileUnreadable / InvalidPlan with detail "json".
std::optional<EvaluationPlan> loadPlanFile(const QString &path, CoreError *error);
/// \brief Writes \a plan as indented JSON (atomically); false and FileUnwritable on failure.
bool savePlanFile(const EvaluationPlan &plan, const QString &path, CoreError *error);

} // namespace metroeval::core
