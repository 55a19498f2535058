// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/shrinkage_test.cpp).
#include "stats/rates/shrinkage.h"

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/tools/minima.hpp>

#include <cmath>
#include <limits>
#include <utility>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMinPrecision = 1e-3;
constexpr double kMaxPrecision = 1e7;

BetaBinomialPrior nanPrior(RateStatus status, double pooled = kNaN)
{
    return {status, kNaN, kNaN, kNaN, kNaN, kNaN, pooled};
}

struct Groups
{
    std::vector<double> x;
    std::vector<double> n;
};

// log Π B(x_i + α, n_i − x_i + β)/B(α, β), dropping the binomial coefficients.
double logLikelihood(const Groups &g, double mu, double m)
{
    const double a = mu * m;
    const double b = (1.0 - mu) * m;
    const double priorTerm = std::lgamma(a) + std::lgamma(b) - std::lgamma(m);
    double ll = 0.0;
    for (std::size_t i = 0; i < g.n.size(); ++i) {
        ll += std::lgamma(g.x[i] + a) + std::lgamma(g.n[i] - g.x[i] + b) - std::lgamma(g.n[i] + m)
              - priorTerm;
    }
    return ll;
}

BetaBinomialPrior fromMeanPrecision(double mu, double m, double pooled)
{
    return {RateStatus::Ok, mu * m, (1.0 - mu) * m, mu, m, 1.0 / (m + 1.0), pooled};
}
} // namespace

BetaBinomialPrior fitBetaBinomial(std::span<const std::int64_t> successes,
                                  std::span<const std::int64_t> trials, BetaBinomialMethod method)
{
    if (successes.size() != trials.size())
        return nanPrior(RateStatus::InvalidInput);
    Groups g;
    double sumX = 0.0;
    double sumN = 0.0;
    for (std::size_t i = 0; i < trials.size(); ++i) {
        if (successes[i] < 0 || trials[i] < 0 || successes[i] > trials[i])
            return nanPrior(RateStatus::InvalidInput);
        if (trials[i] == 0)
            continue;
        g.x.push_back(static_cast<double>(successes[i]));
        g.n.push_back(static_cast<double>(trials[i]));
        sumX += g.x.back();
        sumN += g.n.back();
    }
    if (g.n.empty())
        return nanPrior(RateStatus::EmptyInput);
    const double pooled = sumX / sumN;
    if (g.n.size() < 2)
        return nanPrior(RateStatus::InvalidInput, pooled);
    if (sumX == 0.0 || sumX == sumN)
        return nanPrior(RateStatus::Degenerate, pooled);

    if (method == BetaBinomialMethod::MethodOfMoments) {
        double s = 0.0;
        double base = 0.0;
        double slope = 0.0;
        for (std::size_t i = 0; i < g.n.size(); ++i) {
            const double d = g.x[i] / g.n[i] - pooled;
            s += g.n[i] * d * d;
            base += 1.0 - g.n[i] / sumN;
            slope += (1.0 - g.n[i] / sumN) * (g.n[i] - 1.0);
        }
        const double rho = (s / (pooled * (1.0 - pooled)) - base) / slope;
        if (!(rho > 0.0) || !std::isfinite(rho))
            return nanPrior(RateStatus::Degenerate, pooled);
        if (rho >= 1.0)
            return fromMeanPrecision(pooled, kMinPrecision, pooled);
        return fromMeanPrecision(pooled, 1.0 / rho - 1.0, pooled);
    }

    // Marginal MLE: profile out μ for each precision M, then maximise over log M.
    constexpr int bits = std::numeric_limits<double>::digits / 2;
    auto bestMean = [&](double m) {
        return boost::math::tools::brent_find_minima(
            [&](double mu) { return -logLikelihood(g, mu, m); }, 1e-12, 1.0 - 1e-12, bits);
    };
    const auto best = boost::math::tools::brent_find_minima(
        [&](double logM) { return bestMean(std::exp(logM)).second; }, std::log(kMinPrecision),
        std::log(kMaxPrecision), bits);
    if (best.first > std::log(kMaxPrecision) - 1e-3)
        return nanPrior(RateStatus::Degenerate, pooled);
    const double m = std::exp(best.first);
    return fromMeanPrecision(bestMean(m).first, m, pooled);
}

ShrunkRates shrinkRates(std::span<const std::int64_t> successes,
                        std::span<const std::int64_t> trials, BetaBinomialMethod method,
                        double level)
{
    ShrunkRates out;
    out.level = level;
    if (!(level > 0.0 && level < 1.0)) {
        out.status = RateStatus::InvalidInput;
        out.prior = nanPrior(RateStatus::InvalidInput);
        return out;
    }
    out.prior = fitBetaBinomial(successes, trials, method);
    out.status = out.prior.status;
    const std::size_t k = trials.size();
    out.rate.assign(k, kNaN);
    out.lower.assign(k, kNaN);
    out.upper.assign(k, kNaN);
    if (out.status != RateStatus::Ok)
        return out;
    const double tail = (1.0 - level) / 2.0;
    for (std::size_t i = 0; i < k; ++i) {
        const double a = out.prior.alpha + static_cast<double>(successes[i]);
        const double b = out.prior.beta + static_cast<double>(trials[i] - successes[i]);
        out.rate[i] = a / (a + b);
        out.lower[i] = boost::math::ibeta_inv(a, b, tail);
        out.upper[i] = boost::math::ibeta_inv(a, b, 1.0 - tail);
    }
    return out;
}

} // namespace metroeval::stats
