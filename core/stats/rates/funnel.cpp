// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/funnel_test.cpp).
#include "stats/rates/funnel.h"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double funnelLimit(double target, std::int64_t volume, double probability)
{
    if (volume <= 0 || !(target >= 0.0 && target <= 1.0)
        || !(probability > 0.0 && probability < 1.0))
        return kNaN;
    if (target == 0.0 || target == 1.0)
        return target;
    const boost::math::binomial_distribution<double> binomial(static_cast<double>(volume), target);
    auto cdf = [&](std::int64_t r) {
        return r < 0 ? 0.0 : boost::math::cdf(binomial, static_cast<double>(r));
    };
    // Smallest r in [0, n] with F(r) >= P (F(n) = 1 > P, so it exists).
    std::int64_t lo = -1;
    std::int64_t hi = volume;
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (cdf(mid) >= probability)
            hi = mid;
        else
            lo = mid;
    }
    const double fr = cdf(hi);
    const double frMinus = cdf(hi - 1);
    const double alpha = (fr - probability) / (fr - frMinus);
    const double limit = (static_cast<double>(hi) - alpha) / static_cast<double>(volume);
    return std::clamp(limit, 0.0, 1.0);
}

FunnelLimits funnelLimits(double target, std::int64_t volume)
{
    FunnelLimits f{RateStatus::Ok, target, volume, kNaN, kNaN, kNaN, kNaN};
    if (std::isnan(target)) {
        f.status = RateStatus::NaNInput;
        return f;
    }
    if (volume == 0) {
        f.status = RateStatus::EmptyInput;
        return f;
    }
    if (volume < 0 || !(target >= 0.0 && target <= 1.0)) {
        f.status = RateStatus::InvalidInput;
        return f;
    }
    f.lower95 = funnelLimit(target, volume, 0.025);
    f.upper95 = funnelLimit(target, volume, 0.975);
    f.lower998 = funnelLimit(target, volume, 0.001);
    f.upper998 = funnelLimit(target, volume, 0.999);
    return f;
}

} // namespace metroeval::stats
