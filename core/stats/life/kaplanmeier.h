// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/kaplanmeier_test.cpp).
#pragma once

#include "stats/life/convergence.h"

#include <cstdint>
#include <vector>

namespace metroeval::stats {

/// \brief Pointwise interval transform for a survival curve (R `survfit` `conf.type`).
enum class SurvivalCiType {
    Plain,  ///< S ± z·σ·S, clamped to [0, 1]
    Log,    ///< exp(log S ± z·σ)  (R default)
    LogLog  ///< exp(−exp(log(−log S) ± z·σ / log S)) (Kalbfleisch & Prentice 2002, §1.4)
};

/// \brief One row of a product-limit table, at a distinct observed time (event or censoring).
struct SurvivalRow
{
    double time = 0.0;
    std::int64_t atRisk = 0;
    std::int64_t events = 0;
    std::int64_t censored = 0;
    double survival = 1.0;        ///< Kaplan–Meier Ŝ(t)
    double logSurvivalSe = 0.0;   ///< Greenwood: σ(t) = √Σ d/(n(n−d)), standard error of log Ŝ
    double lower = 0.0;           ///< NaN where undefined (Ŝ = 1 for log-log, Ŝ = 0)
    double upper = 0.0;
    double cumulativeHazard = 0.0; ///< Nelson–Aalen Ĥ(t) = Σ d/n
    double cumulativeHazardSe = 0.0; ///< √Σ d/n² (Aalen variance, R `std.chaz`)
};

/// \brief Kaplan–Meier table with Greenwood variance and Nelson–Aalen cumulative hazard.
struct SurvivalCurve
{
    FitStatus status = FitStatus::InvalidInput; ///< Converged (closed form) or InvalidInput
    double level = 0.95;
    SurvivalCiType ciType = SurvivalCiType::LogLog;
    std::vector<SurvivalRow> rows;
};

/// \brief Kaplan–Meier product-limit estimate for right-censored data.
///
/// Method: Kaplan & Meier (1958); Greenwood (1926) variance of log Ŝ; Nelson (1972)–Aalen (1978)
/// cumulative hazard with Aalen's variance; pointwise intervals per `ciType` at two-sided `level`.
/// Conventions follow R `survival::survfit` (one row per distinct time, events before censorings
/// at ties). Reference test: R survfit on `aml` and `lung` (tests/data/stats/life/km_*.csv).
/// `event[i]` is 1 for a failure, 0 for a right-censored time. Times must be finite and ≥ 0.
SurvivalCurve kaplanMeier(const std::vector<double> &time, const std::vector<int> &event,
                          double level = 0.95, SurvivalCiType ciType = SurvivalCiType::LogLog);

/// \brief Step-function value Ŝ(t) of a curve (1 before the first time).
double survivalAt(const SurvivalCurve &curve, double t);

/// \brief Log-rank (Mantel–Haenszel) test of equal survival across k ≥ 2 groups.
struct LogRankResult
{
    FitStatus status = FitStatus::InvalidInput;
    std::vector<double> observed; ///< events per group
    std::vector<double> expected; ///< expected events per group under H0
    double chiSquare = 0.0;       ///< (O−E)ᵀ V⁻ (O−E) on k−1 groups
    int degreesOfFreedom = 0;
    double pValue = 0.0;
    double varianceFirstGroup = 0.0; ///< V₀₀ (hypergeometric)
};

/// \brief Log-rank test, G-rho family with ρ = 0.
///
/// Method: Mantel (1966), hypergeometric variance at each event time (Klein & Moeschberger 2003,
/// §7.3); the statistic uses the first k−1 groups. Matches R `survival::survdiff(rho = 0)`.
/// `group[i]` in 0..k−1. NoEvents when there are no failures.
LogRankResult logRankTest(const std::vector<double> &time, const std::vector<int> &event,
                          const std::vector<int> &group);

} // namespace metroeval::stats
