// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/trend_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace metroeval::stats {

/// \brief Mann–Kendall monotonic trend test on a series observed at equally spaced times.
struct MannKendallResult
{
    RateStatus status = RateStatus::Ok;
    std::size_t n = 0;
    double s = 0.0;      ///< S = Σ_{i<j} sign(y_j − y_i)
    double varS = 0.0;   ///< tie-corrected variance of S under H0
    double z = 0.0;      ///< (S − sign(S))/√varS (continuity corrected); NaN unless Ok
    double pValue = 0.0; ///< two-sided, standard normal
    double tau = 0.0;    ///< Kendall's τ_b between time and y
};

/// \brief Mann–Kendall test with tie correction and continuity correction.
///
/// Method: Mann (1945), Kendall (1975); Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 over tie
/// groups of size t (Hipel & McLeod, Time Series Modelling of Water Resources, 1994, §23.3;
/// Gilbert, Statistical Methods for Environmental Pollution Monitoring, 1987, eq. 16.4);
/// Z = (S − sign S)/√Var(S). Equals R `cor.test(seq_along(y), y, method = "kendall",
/// exact = FALSE, continuity = TRUE)`. O(n²) pairs. Status: EmptyInput for n = 0; NaNInput when
/// any y is NaN/inf (no silent dropping: the caller decides about gaps); Degenerate when
/// Var(S) = 0 (n = 1, or all values equal, e.g. every period 100 % pass).
MannKendallResult mannKendall(std::span<const double> y);

/// \brief Theil–Sen slope with its nonparametric confidence interval.
struct SenSlopeResult
{
    RateStatus status = RateStatus::Ok;
    double slope = 0.0;     ///< median of the pairwise slopes; NaN unless Ok
    double intercept = 0.0; ///< median of y_i − slope·t_i (Conover 1980 convention)
    double lower = 0.0;     ///< NaN when the series is too short for the requested level
    double upper = 0.0;
    double level = 0.95;
};

/// \brief Sen's slope of y against times t (t_i distinct; pairs with equal t are skipped).
///
/// Method: Sen, JASA 63 (1968) 1379–1389; interval of Gilbert (1987) §16.5.2: with N′ ordered
/// slopes and C = z_{1−α/2}·√Var(S) (Var(S) tie-corrected, as in mannKendall), the bounds are
/// the M1-th and (M2 + 1)-th smallest slopes, M1 = (N′ − C)/2, M2 = (N′ + C)/2, linearly
/// interpolated between order statistics when M1, M2 are not integers; a bound whose rank falls
/// outside [1, N′] is NaN. Memory O(n²): status TooLarge above kMaxSenPoints points.
SenSlopeResult senSlope(std::span<const double> t, std::span<const double> y, double level = 0.95);

/// \brief Sen's slope of y against t = 0, 1, …, n − 1 (one unit per period).
SenSlopeResult senSlope(std::span<const double> y, double level = 0.95);

/// \brief Largest series senSlope accepts (5,000 points = 12.5 million slopes, 100 MB).
inline constexpr std::size_t kMaxSenPoints = 5000;

/// \brief Cochran–Armitage test for a linear trend in proportions across ordered groups.
struct TrendTestResult
{
    RateStatus status = RateStatus::Ok;
    double chiSquare = 0.0; ///< 1 df; NaN unless Ok
    double z = 0.0;         ///< signed: > 0 when the success rate rises with the score
    double pValue = 0.0;    ///< two-sided
};

/// \brief Cochran–Armitage trend test, scores default to 1, 2, …, k.
///
/// Method: Cochran (1954), Armitage (1955);
/// χ² = [Σ x_i(s_i − s̄)]² / (p̄(1 − p̄) Σ n_i(s_i − s̄)²), s̄ = Σ n_i s_i / N, which is R `prop.trend.test` (weighted-regression form, no N/(N − 1)
/// factor). Groups with n_i = 0 are dropped. Status: EmptyInput when no trials; InvalidInput for
/// negative counts, x > n, mismatched lengths or fewer than 2 groups; NaNInput for a NaN score;
/// Degenerate when all pass, all fail or all used scores are equal.
TrendTestResult cochranArmitage(std::span<const std::int64_t> successes,
                                std::span<const std::int64_t> trials,
                                std::span<const double> scores = {});

} // namespace metroeval::stats
