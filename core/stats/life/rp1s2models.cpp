// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/rp1s2_test.cpp).
// The reliability models of NCSLI RP-1 Appendix D.
#include "stats/life/rp1s2.h"

#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
double phi(double z) { return 0.5 * std::erfc(-z / 1.41421356237309504880); }
} // namespace

int reliabilityModelParameterCount(ReliabilityModel m)
{
    switch (m) {
    case ReliabilityModel::Exponential:
    case ReliabilityModel::ModifiedGamma:
        return 1;
    case ReliabilityModel::RestrictedRandomWalk:
    case ReliabilityModel::Drift:
        return 3;
    default:
        return 2;
    }
}

std::vector<ReliabilityModel> allReliabilityModels()
{
    return {ReliabilityModel::Exponential,  ReliabilityModel::Weibull,
            ReliabilityModel::MixedExponential, ReliabilityModel::RandomWalk,
            ReliabilityModel::RestrictedRandomWalk, ReliabilityModel::ModifiedGamma,
            ReliabilityModel::MortalityDrift, ReliabilityModel::Warranty,
            ReliabilityModel::Drift,         ReliabilityModel::Lognormal};
}

std::string reliabilityModelName(ReliabilityModel model)
{
    switch (model) {
    case ReliabilityModel::Exponential: return "exponential";
    case ReliabilityModel::Weibull: return "weibull";
    case ReliabilityModel::MixedExponential: return "mixed exponential";
    case ReliabilityModel::RandomWalk: return "random walk";
    case ReliabilityModel::RestrictedRandomWalk: return "restricted random walk";
    case ReliabilityModel::ModifiedGamma: return "modified gamma";
    case ReliabilityModel::MortalityDrift: return "mortality drift";
    case ReliabilityModel::Warranty: return "warranty";
    case ReliabilityModel::Drift: return "drift";
    case ReliabilityModel::Lognormal: return "lognormal";
    }
    return {};
}

double reliabilityModelValue(ReliabilityModel model, const std::vector<double> &th, double t)
{
    if (th.size() != static_cast<std::size_t>(reliabilityModelParameterCount(model)))
        return std::numeric_limits<double>::quiet_NaN();
    switch (model) {
    case ReliabilityModel::Exponential: return std::exp(-th[0] * t);
    case ReliabilityModel::Weibull: return std::exp(-std::pow(th[0] * t, th[1]));
    case ReliabilityModel::MixedExponential: return std::pow(1.0 + th[0] * t, -th[1]);
    case ReliabilityModel::RandomWalk: return 2.0 * phi(1.0 / std::sqrt(th[0] + th[1] * t)) - 1.0;
    case ReliabilityModel::RestrictedRandomWalk:
        return 2.0 * phi(1.0 / std::sqrt(th[0] + th[1] * (-std::expm1(-th[2] * t)))) - 1.0;
    case ReliabilityModel::ModifiedGamma: {
        const double u = th[0] * t;
        return std::exp(-u) * (1.0 + u + u * u / 2.0 + u * u * u / 6.0);
    }
    case ReliabilityModel::MortalityDrift: return std::exp(-(th[0] * t + th[1] * t * t));
    case ReliabilityModel::Warranty: return 1.0 / (1.0 + std::exp(th[0] * (t - th[1])));
    case ReliabilityModel::Drift: return phi(th[0] + th[2] * t) + phi(th[1] - th[2] * t) - 1.0;
    case ReliabilityModel::Lognormal: return t <= 0.0 ? 1.0 : 1.0 - phi(std::log(th[0] * t) / th[1]);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace metroeval::stats
