// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/intervals_test.cpp).
#pragma once

#include <cstdint>

namespace metroeval::stats {

/// \brief Parameters of NCSLI RP-1 method A3 (interval test).
struct IntervalTestParams
{
    std::int64_t inTolerance = 0; ///< calibrations found in tolerance at about the interval I0
    std::int64_t total = 0;       ///< calibrations observed at about I0
    double currentInterval = 365.0; ///< I0
    double target = 0.90;         ///< end-of-period reliability target R*
    double confidence = 0.50;     ///< change the interval only if the rejection confidence exceeds this
    double maxChangeFactor = 2.0; ///< new interval within [I0/f, I0·f]
    double minChange = 5.0;       ///< ignore changes smaller than this (same unit as I0)
    double minInterval = 14.0;
    double maxInterval = 1826.0;
};

/// \brief Which way the observed reliability points.
enum class IntervalDecision { Keep, Reduce, Extend, Undefined };

/// \brief Result of the interval test.
struct IntervalTestResult
{
    IntervalDecision decision = IntervalDecision::Undefined;
    double observedReliability = 0.0; ///< x/n (NaN if n = 0)
    double rejectionConfidence = 0.0; ///< confidence with which R* is rejected (see below)
    double reliabilityLower = 0.0;    ///< two-sided Clopper–Pearson limits at `confidence`
    double reliabilityUpper = 0.0;
    double calculatedInterval = 0.0;  ///< extrapolated interval before the acceptance rules
    double recommendedInterval = 0.0; ///< after confidence, minimum change and absolute limits
};

/// \brief NCSLI RP-1 (2010) method A3, the interval test.
///
/// Rejection confidence C: the largest two-sided Clopper–Pearson level at which R* falls outside
/// the interval for x/n, i.e. C = 1 − 2·P(X ≤ x | n, R*) when x/n < R* and
/// C = 1 − 2·P(X ≥ x | n, R*) when x/n > R* (the symmetric tail, derived from the same
/// "target outside the binomial confidence limits" test; it is positive whenever R* lies outside
/// some two-sided interval, and 0 — not negative — when R* lies inside all of them).
/// Extrapolation (RP-1 A3 interval adjustment): reduction I = I0·10^{(R − R*)·C}, bounded below by
/// I0/f; extension I = I0·10^{(R − R*)/(1 − C)}, bounded above by I0·f. The new interval is
/// adopted when C > `confidence` and |I − I0| ≥ `minChange`, then clamped to [min, max].
/// Reference test: NCSL 2019 interval tutorial check values in shared/design/domain.md §4.
IntervalTestResult rp1IntervalTest(const IntervalTestParams &params);

} // namespace metroeval::stats
