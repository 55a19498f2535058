// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/lifemodel_test.cpp).
#include "stats/life/lifemodeldetail.h"

#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <limits>

namespace metroeval::stats::detail {

namespace {
constexpr double kLogSqrt2Pi = 0.91893853320467274178;
constexpr double kSqrt2 = 1.41421356237309504880;

double normalPdf(double z) { return std::exp(-0.5 * z * z - kLogSqrt2Pi); }
} // namespace

double normalUpper(double z) { return 0.5 * std::erfc(z / kSqrt2); }

ExactTerms exactTerms(Standard dist, double z)
{
    if (dist == Standard::ExtremeValue) {
        const double ez = std::exp(z);
        return {z - ez, 1.0 - ez, -ez};
    }
    return {-0.5 * z * z - kLogSqrt2Pi, -z, -1.0};
}

CensoredTerms censoredTerms(Standard dist, double zl, double zr)
{
    CensoredTerms c{0.0, 0.0, 0.0, 0.0, 0.0};
    const bool hasL = std::isfinite(zl);
    const bool hasR = std::isfinite(zr);
    double fl = 0.0, fr = 0.0, dfl = 0.0, dfr = 0.0, logP = 0.0;
    if (dist == Standard::ExtremeValue) {
        // S(z) = exp(−e^z): differences formed as exp(−e^zl)·(1 − exp(−(e^zr − e^zl))).
        const double el = hasL ? std::exp(zl) : 0.0;
        const double er = hasR ? std::exp(zr) : std::numeric_limits<double>::infinity();
        logP = -el + std::log(-std::expm1(-(er - el)));
        if (hasL) {
            fl = std::exp(zl - el - logP);
            dfl = fl * (1.0 - el);
        }
        if (hasR) {
            fr = std::exp(zr - er - logP);
            dfr = fr * (1.0 - er);
        }
    } else {
        // P from the tail where it is not a difference of numbers close to 1.
        double p = 0.0;
        if (!hasL)
            p = normalUpper(-zr);
        else if (!hasR)
            p = normalUpper(zl);
        else if (zl > 0.0)
            p = normalUpper(zl) - normalUpper(zr);
        else
            p = normalUpper(-zr) - normalUpper(-zl);
        logP = std::log(p);
        if (hasL) {
            fl = normalPdf(zl) / p;
            dfl = -zl * fl;
        }
        if (hasR) {
            fr = normalPdf(zr) / p;
            dfr = -zr * fr;
        }
    }
    c.logProbability = logP;
    c.wl = fl;
    c.wr = fr;
    c.dl = dfl;
    c.dr = dfr;
    return c;
}

double standardQuantile(Standard dist, double p)
{
    if (dist == Standard::ExtremeValue)
        return std::log(-std::log1p(-p));
    return -kSqrt2 * boost::math::erfc_inv(2.0 * p);
}

} // namespace metroeval::stats::detail
