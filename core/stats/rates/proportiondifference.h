// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/proportiondifference_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <cstdint>
#include <optional>

namespace metroeval::stats {

/// \brief Difference p1 − p2 of two independent proportions with a two-sided interval.
struct ProportionDifference
{
    RateStatus status = RateStatus::Ok;
    double level = 0.95;
    double estimate = 0.0; ///< x1/n1 − x2/n2; NaN unless status is Ok
    double lower = 0.0;
    double upper = 0.0;
};

/// \brief Newcombe hybrid score interval for p1 − p2 (no continuity correction).
///
/// Method: Newcombe, "Interval estimation for the difference between independent proportions:
/// comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890, method 10: with
/// Wilson bounds (l1, u1) and (l2, u2), lower = d − √((p1 − l1)² + (u2 − p2)²),
/// upper = d + √((u1 − p1)² + (p2 − l2)²). n1 = 0 or n2 = 0 gives EmptyInput.
ProportionDifference newcombeDifference(std::int64_t successes1, std::int64_t trials1,
                                        std::int64_t successes2, std::int64_t trials2,
                                        double level = 0.95);

/// \brief Smallest n whose Wald interval half-width z·√(p(1 − p)/n) is ≤ halfWidth.
///
/// Method: the classical planning formula n = ⌈z²·p(1 − p)/E²⌉ (Cochran, Sampling Techniques,
/// 3rd ed. 1977, eq. 4.2). p is the anticipated proportion (0.5 when unknown is the conservative
/// choice). nullopt when p ∉ [0, 1], halfWidth ≤ 0, level ∉ (0, 1) or an input is NaN; p = 0 or
/// p = 1 give nullopt too, since the Wald width is then 0 for any n (the formula is not usable).
std::optional<std::int64_t> sampleSizeWald(double anticipatedP, double halfWidth,
                                           double level = 0.95);

/// \brief Smallest n whose Wilson interval, evaluated at p̂ = anticipated p, has total width
/// ≤ width.
///
/// Method: planning on the expected Wilson width as in Piegorsch, "Sample sizes for improved
/// binomial confidence intervals", Comput. Stat. Data Anal. 46 (2004) 309–316: width(n) =
/// 2z√(p(1 − p)/n + z²/(4n²)) / (1 + z²/n), which decreases in n; found by bisection.
/// Works for p = 0 and p = 1 too (width z²/(n + z²)). nullopt for invalid input or when
/// n would exceed maxN.
std::optional<std::int64_t> sampleSizeWilson(double anticipatedP, double width, double level = 0.95,
                                             std::int64_t maxN = 1'000'000'000);

/// \brief Full width of the Wilson interval at p̂ = p for n trials (the function sampleSizeWilson
/// inverts). NaN for invalid input.
double wilsonPlanningWidth(double anticipatedP, std::int64_t trials, double level = 0.95);

} // namespace metroeval::stats
