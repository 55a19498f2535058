// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/proportion_test.cpp).
#pragma once

#include <cstdint>

namespace metroeval::stats {

/// \brief A binomial proportion x/n with a two-sided confidence interval.
///
/// `estimate`, `lower` and `upper` are NaN when n == 0 (the rate is undefined, never 0).
struct ProportionInterval
{
    std::int64_t successes = 0;
    std::int64_t trials = 0;
    double level = 0.95;
    double estimate = 0.0;
    double lower = 0.0;
    double upper = 0.0;
};

/// \brief Wilson score interval (without continuity correction).
///
/// Method: Wilson (1927); formula (4) in Brown, Cai & DasGupta, "Interval Estimation for a
/// Binomial Proportion", Statistical Science 16(2), 2001. z is the standard-normal 1 − (1−level)/2
/// quantile. Bounds are clamped to [0, 1]. Preconditions: 0 ≤ x ≤ n, 0 < level < 1; otherwise NaN.
ProportionInterval wilsonInterval(std::int64_t successes, std::int64_t trials, double level = 0.95);

/// \brief Clopper–Pearson "exact" interval from beta quantiles.
///
/// Method: Clopper & Pearson (1934); lower = Beta⁻¹(α/2; x, n−x+1), upper = Beta⁻¹(1−α/2; x+1, n−x),
/// with lower = 0 when x = 0 and upper = 1 when x = n (Brown, Cai & DasGupta 2001, §2).
ProportionInterval clopperPearsonInterval(std::int64_t successes, std::int64_t trials,
                                          double level = 0.95);

/// \brief Jeffreys interval: equal-tailed Beta(x + ½, n − x + ½) posterior quantiles.
///
/// Method: Brown, Cai & DasGupta (2001), §4.1.2, including their modification lower = 0 when
/// x = 0 and upper = 1 when x = n. Preconditions as for wilsonInterval; otherwise NaN.
ProportionInterval jeffreysInterval(std::int64_t successes, std::int64_t trials,
                                    double level = 0.95);

/// \brief Agresti–Coull ("add z²/2 successes and z²/2 failures") interval.
///
/// Method: Agresti & Coull (1998), Am. Stat. 52:119–126, as given in Brown, Cai & DasGupta
/// (2001) §4.1.1: ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z·√(p̃(1 − p̃)/ñ), clamped to [0, 1].
/// `estimate` stays x/n (the reported rate); only the bounds use p̃.
ProportionInterval agrestiCoullInterval(std::int64_t successes, std::int64_t trials,
                                        double level = 0.95);

/// \brief Upper standard-normal quantile z such that P(Z > z) = (1 − level)/2.
double twoSidedNormalQuantile(double level);

} // namespace metroeval::stats
