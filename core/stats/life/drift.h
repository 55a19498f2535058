// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/drift_test.cpp).
#pragma once

#include "stats/life/lifemodel.h"
#include "stats/life/regression.h"

#include <vector>

namespace metroeval::stats {

/// \brief Straight-line drift of one instrument's error against time, and when it reaches ±MPE.
struct InstrumentDrift
{
    LinearFit fit;             ///< error = a + b·t (OLS, or WLS when weights were given)
    double slope = 0.0;        ///< b, error units per time unit (NaN if not estimable)
    double slopeStandardError = 0.0;
    double timeToLimit = 0.0;  ///< first t ≥ 0 where a + b·t reaches +MPE or −MPE; +∞ if never
    double conservativeTimeToLimit = 0.0; ///< first t where the one-sided prediction bound does
    double lastTime = 0.0;     ///< largest observed t
};

/// \brief OLS/WLS drift line and predicted time to reach ±MPE.
///
/// Method: least squares as fitLinearLeastSquares; the mean crossing solves a + b·t = ±MPE; the
/// conservative crossing is the first t at which ŷ(t) ± t_{level,n−2}·√(s²/w₀ + x₀ᵀVx₀) — the
/// one-sided Student prediction bound for a new verification (Draper & Smith 1998, §3.3) —
/// reaches ±MPE (searched up to `horizon`, default 100 × the last time). Times are measured
/// from the origin chosen by the caller (e.g. the first verification). Needs ≥ 2 distinct times;
/// the conservative crossing needs ≥ 3 points (NaN otherwise).
InstrumentDrift fitInstrumentDrift(const std::vector<double> &time, const std::vector<double> &error,
                                   double mpe, double level = 0.95,
                                   const std::vector<double> &weights = {}, double horizon = 0.0);

/// \brief Summary of drift rates across a population of instruments.
struct DriftRateSummary
{
    int instruments = 0;     ///< paths with an estimable slope
    double mean = 0.0;       ///< plain mean of the slopes
    double sd = 0.0;         ///< sample SD (n − 1) of the slopes; NaN for one instrument
    double median = 0.0;
    double weightedMean = 0.0;     ///< inverse-variance weighted mean (paths with se > 0)
    double betweenVariance = 0.0;  ///< τ², DerSimonian–Laird moment estimate (≥ 0)
};

/// \brief Population distribution of per-instrument slopes.
///
/// Method: descriptive statistics plus the DerSimonian & Laird (1986) random-effects moment
/// estimator of the between-instrument variance of the true drift rates.
DriftRateSummary summariseDriftRates(const std::vector<InstrumentDrift> &paths);

/// \brief Pseudo-failure times from degradation paths, ready for fitLifeDistribution.
///
/// Method: Meeker & Escobar (1998) §13.8 ("approximate degradation analysis"): each path's
/// extrapolated mean crossing of ±MPE is treated as an exact failure time; a path whose line
/// never reaches a limit (zero slope) is right-censored at its last time. Paths with no
/// estimable line, or already beyond the MPE at t = 0, are skipped.
std::vector<LifeObservation> pseudoFailureTimes(const std::vector<InstrumentDrift> &paths);

} // namespace metroeval::stats
