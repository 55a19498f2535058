// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/proportion_test.cpp).
#include "stats/rates/proportion.h"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool validInput(std::int64_t x, std::int64_t n, double level)
{
    return n > 0 && x >= 0 && x <= n && level > 0.0 && level < 1.0;
}

ProportionInterval undefinedInterval(std::int64_t x, std::int64_t n, double level)
{
    return {x, n, level, kNaN, kNaN, kNaN};
}
} // namespace

double twoSidedNormalQuantile(double level)
{
    if (!(level > 0.0 && level < 1.0))
        return kNaN;
    const boost::math::normal_distribution<double> standardNormal;
    return boost::math::quantile(boost::math::complement(standardNormal, (1.0 - level) / 2.0));
}

ProportionInterval wilsonInterval(std::int64_t successes, std::int64_t trials, double level)
{
    if (!validInput(successes, trials, level))
        return undefinedInterval(successes, trials, level);
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z = twoSidedNormalQuantile(level);
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denominator;
    const double halfWidth = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return {successes, trials, level, p, std::max(0.0, centre - halfWidth),
            std::min(1.0, centre + halfWidth)};
}

ProportionInterval clopperPearsonInterval(std::int64_t successes, std::int64_t trials, double level)
{
    if (!validInput(successes, trials, level))
        return undefinedInterval(successes, trials, level);
    const double x = static_cast<double>(successes);
    const double n = static_cast<double>(trials);
    const double alpha = 1.0 - level;
    double lower = 0.0;
    double upper = 1.0;
    if (successes > 0)
        lower = boost::math::ibeta_inv(x, n - x + 1.0, alpha / 2.0);
    if (successes < trials)
        upper = boost::math::ibeta_inv(x + 1.0, n - x, 1.0 - alpha / 2.0);
    return {successes, trials, level, x / n, lower, upper};
}

ProportionInterval jeffreysInterval(std::int64_t successes, std::int64_t trials, double level)
{
    if (!validInput(successes, trials, level))
        return undefinedInterval(successes, trials, level);
    const double x = static_cast<double>(successes);
    const double n = static_cast<double>(trials);
    const double alpha = 1.0 - level;
    double lower = 0.0;
    double upper = 1.0;
    if (successes > 0)
        lower = boost::math::ibeta_inv(x + 0.5, n - x + 0.5, alpha / 2.0);
    if (successes < trials)
        upper = boost::math::ibeta_inv(x + 0.5, n - x + 0.5, 1.0 - alpha / 2.0);
    return {successes, trials, level, x / n, lower, upper};
}

ProportionInterval agrestiCoullInterval(std::int64_t successes, std::int64_t trials, double level)
{
    if (!validInput(successes, trials, level))
        return undefinedInterval(successes, trials, level);
    const double x = static_cast<double>(successes);
    const double n = static_cast<double>(trials);
    const double z = twoSidedNormalQuantile(level);
    const double nTilde = n + z * z;
    const double pTilde = (x + z * z / 2.0) / nTilde;
    const double halfWidth = z * std::sqrt(pTilde * (1.0 - pTilde) / nTilde);
    return {successes, trials, level, x / n, std::max(0.0, pTilde - halfWidth),
            std::min(1.0, pTilde + halfWidth)};
}

} // namespace metroeval::stats
