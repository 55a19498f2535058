// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/proportiondifference_test.cpp).
#include "stats/rates/proportiondifference.h"

#include "stats/rates/proportion.h"

#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool validLevel(double level)
{
    return level > 0.0 && level < 1.0;
}
} // namespace

ProportionDifference newcombeDifference(std::int64_t successes1, std::int64_t trials1,
                                        std::int64_t successes2, std::int64_t trials2,
                                        double level)
{
    ProportionDifference result{RateStatus::Ok, level, kNaN, kNaN, kNaN};
    if (trials1 == 0 || trials2 == 0) {
        result.status = RateStatus::EmptyInput;
        return result;
    }
    if (trials1 < 0 || trials2 < 0 || successes1 < 0 || successes2 < 0 || successes1 > trials1
        || successes2 > trials2 || !validLevel(level)) {
        result.status = RateStatus::InvalidInput;
        return result;
    }
    const ProportionInterval a = wilsonInterval(successes1, trials1, level);
    const ProportionInterval b = wilsonInterval(successes2, trials2, level);
    const double d = a.estimate - b.estimate;
    result.estimate = d;
    result.lower = d - std::hypot(a.estimate - a.lower, b.upper - b.estimate);
    result.upper = d + std::hypot(a.upper - a.estimate, b.estimate - b.lower);
    return result;
}

std::optional<std::int64_t> sampleSizeWald(double anticipatedP, double halfWidth, double level)
{
    if (!(anticipatedP > 0.0 && anticipatedP < 1.0) || !(halfWidth > 0.0) || !validLevel(level))
        return std::nullopt;
    const double z = twoSidedNormalQuantile(level);
    const double n = z * z * anticipatedP * (1.0 - anticipatedP) / (halfWidth * halfWidth);
    if (!(n < 9.0e18))
        return std::nullopt;
    return static_cast<std::int64_t>(std::ceil(n));
}

double wilsonPlanningWidth(double anticipatedP, std::int64_t trials, double level)
{
    if (!(anticipatedP >= 0.0 && anticipatedP <= 1.0) || trials <= 0 || !validLevel(level))
        return kNaN;
    const double n = static_cast<double>(trials);
    const double z = twoSidedNormalQuantile(level);
    const double z2 = z * z;
    const double p = anticipatedP;
    return 2.0 * z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / (1.0 + z2 / n);
}

std::optional<std::int64_t> sampleSizeWilson(double anticipatedP, double width, double level,
                                             std::int64_t maxN)
{
    if (!(anticipatedP >= 0.0 && anticipatedP <= 1.0) || !(width > 0.0) || !validLevel(level)
        || maxN < 1)
        return std::nullopt;
    if (wilsonPlanningWidth(anticipatedP, maxN, level) > width)
        return std::nullopt;
    // Invariant: width(hi) <= wanted, and either lo == 0 or width(lo) > wanted.
    std::int64_t lo = 0;
    std::int64_t hi = maxN;
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        if (wilsonPlanningWidth(anticipatedP, mid, level) <= width)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

} // namespace metroeval::stats
