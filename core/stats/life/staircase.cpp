// SPDX-License-Identifier: GPL-3.0-or-later
#include "stats/life/staircase.h"

#include <algorithm>
#include <limits>

namespace metroeval::stats {

double staircaseNextInterval(double current, bool inTolerance, const StaircaseParams &p)
{
    if (!(current > 0.0) || !(p.extendFactor > 1.0) || !(p.reduceFactor > 0.0 && p.reduceFactor < 1.0)
        || !(p.minInterval > 0.0) || !(p.minInterval <= p.maxInterval))
        return std::numeric_limits<double>::quiet_NaN();
    const double next = current * (inTolerance ? p.extendFactor : p.reduceFactor);
    return std::clamp(next, p.minInterval, p.maxInterval);
}

std::vector<double> staircaseSequence(double initial, const std::vector<bool> &inTolerance,
                                      const StaircaseParams &params)
{
    std::vector<double> out{initial};
    for (bool ok : inTolerance)
        out.push_back(staircaseNextInterval(out.back(), ok, params));
    return out;
}

} // namespace metroeval::stats
