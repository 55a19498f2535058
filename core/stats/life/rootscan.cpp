// SPDX-License-Identifier: GPL-3.0-or-later
#include "stats/life/rootscan.h"

#include <limits>

namespace metroeval::stats::detail {

double firstRoot(const std::function<double(double)> &g, double horizon)
{
    constexpr int kSteps = 20000;
    double a = 0.0;
    double ga = g(a);
    for (int i = 1; i <= kSteps; ++i) {
        const double b = horizon * i / kSteps;
        const double gb = g(b);
        if ((ga <= 0.0) != (gb <= 0.0)) {
            double lo = a, hi = b, glo = ga;
            for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; ++it) {
                const double mid = 0.5 * (lo + hi);
                const double gm = g(mid);
                if ((gm <= 0.0) == (glo <= 0.0)) {
                    lo = mid;
                    glo = gm;
                } else {
                    hi = mid;
                }
            }
            return 0.5 * (lo + hi);
        }
        a = b;
        ga = gb;
    }
    return std::numeric_limits<double>::infinity();
}

} // namespace metroeval::stats::detail
