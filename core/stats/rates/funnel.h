// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/funnel_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <cstdint>

namespace metroeval::stats {

/// \brief Exact binomial funnel-plot control limits for a proportion at one volume.
struct FunnelLimits
{
    RateStatus status = RateStatus::Ok;
    double target = 0.0;
    std::int64_t volume = 0;
    double lower95 = 0.0;  ///< 2.5 % limit; NaN unless Ok
    double upper95 = 0.0;  ///< 97.5 % limit
    double lower998 = 0.0; ///< 0.1 % limit
    double upper998 = 0.0; ///< 99.9 % limit
};

/// \brief Limit y_P of an exact binomial funnel at probability P (e.g. 0.975 or 0.001).
///
/// Method: Spiegelhalter, "Funnel plots for comparing institutional performance", Statistics in
/// Medicine 24 (2005) 1185–1202, Appendix A.1.1: r_P = the P-quantile of Binomial(n, θ) (smallest
/// r with F(r) ≥ P), α = (F(r_P) − P)/(F(r_P) − F(r_P − 1)), y_P = (r_P − α)/n, which
/// interpolates smoothly between the attainable proportions; clamped to [0, 1]. NaN for n ≤ 0,
/// θ ∉ [0, 1] or P ∉ (0, 1).
double funnelLimit(double target, std::int64_t volume, double probability);

/// \brief The 95 % and 99.8 % two-sided funnel limits (P = 0.025/0.975 and 0.001/0.999).
///
/// Status: EmptyInput for volume 0, InvalidInput for volume < 0 or target ∉ [0, 1],
/// NaNInput for a NaN target. θ = 0 or 1 gives limits equal to θ (no variation possible).
FunnelLimits funnelLimits(double target, std::int64_t volume);

} // namespace metroeval::stats
