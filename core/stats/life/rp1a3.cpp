// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/intervals_test.cpp).
#include "stats/life/rp1a3.h"

#include "stats/rates/proportion.h"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

IntervalTestResult rp1IntervalTest(const IntervalTestParams &p)
{
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    IntervalTestResult r{IntervalDecision::Undefined, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    if (p.total <= 0 || p.inTolerance < 0 || p.inTolerance > p.total || !(p.target > 0.0 && p.target < 1.0)
        || !(p.confidence > 0.0 && p.confidence < 1.0) || !(p.currentInterval > 0.0)
        || !(p.maxChangeFactor >= 1.0))
        return r;

    const auto n = static_cast<double>(p.total);
    const auto x = static_cast<double>(p.inTolerance);
    const double observed = x / n;
    r.observedReliability = observed;
    const boost::math::binomial_distribution<double> bin(n, p.target);
    double c = 0.0;
    if (observed < p.target)
        c = 1.0 - 2.0 * boost::math::cdf(bin, x);
    else if (observed > p.target)
        c = 1.0 - 2.0 * boost::math::cdf(boost::math::complement(bin, x - 1.0)); // P(X ≥ x)
    r.rejectionConfidence = std::max(0.0, c);

    const auto cp = clopperPearsonInterval(p.inTolerance, p.total, p.confidence);
    r.reliabilityLower = cp.lower;
    r.reliabilityUpper = cp.upper;

    const double f = p.maxChangeFactor;
    double factor = 1.0;
    if (observed < p.target)
        factor = std::max(1.0 / f, std::pow(10.0, (observed - p.target) * r.rejectionConfidence));
    else if (observed > p.target)
        factor = r.rejectionConfidence >= 1.0
                     ? f
                     : std::min(f, std::pow(10.0, (observed - p.target) / (1.0 - r.rejectionConfidence)));
    r.calculatedInterval = p.currentInterval * factor;

    r.recommendedInterval = p.currentInterval;
    r.decision = IntervalDecision::Keep;
    if (r.rejectionConfidence > p.confidence
        && std::fabs(r.calculatedInterval - p.currentInterval) >= p.minChange) {
        r.recommendedInterval = std::clamp(r.calculatedInterval, p.minInterval, p.maxInterval);
        r.decision = observed < p.target ? IntervalDecision::Reduce : IntervalDecision::Extend;
    }
    return r;
}

} // namespace metroeval::stats
