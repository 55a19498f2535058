// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/drift_test.cpp).
#include "stats/life/drift.h"

#include "stats/life/rootscan.h"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
} // namespace

InstrumentDrift fitInstrumentDrift(const std::vector<double> &time, const std::vector<double> &error,
                                   double mpe, double level, const std::vector<double> &weights,
                                   double horizon)
{
    InstrumentDrift d;
    d.slope = d.slopeStandardError = d.timeToLimit = d.conservativeTimeToLimit = d.lastTime = kNaN;
    if (time.size() != error.size() || time.size() < 2 || !(mpe > 0.0)
        || (!weights.empty() && weights.size() != time.size()) || !(level > 0.0 && level < 1.0))
        return d;
    const auto n = static_cast<Eigen::Index>(time.size());
    const Eigen::Map<const Eigen::VectorXd> t(time.data(), n);
    const Eigen::Map<const Eigen::VectorXd> y(error.data(), n);
    Eigen::VectorXd w;
    if (!weights.empty())
        w = Eigen::Map<const Eigen::VectorXd>(weights.data(), n);
    d.fit = fitPolynomial(t, y, 1, w);
    if (d.fit.status != FitStatus::Converged)
        return d;
    const double a = d.fit.coefficients(0);
    const double b = d.fit.coefficients(1);
    d.slope = b;
    d.slopeStandardError = d.fit.standardErrors(1);
    d.lastTime = t.maxCoeff();

    // Mean crossing: the first t ≥ 0 where |a + b·t| reaches the MPE.
    if (std::fabs(a) >= mpe)
        d.timeToLimit = 0.0;
    else if (b == 0.0)
        d.timeToLimit = kInf;
    else
        d.timeToLimit = ((b > 0.0 ? mpe : -mpe) - a) / b;

    if (d.fit.degreesOfFreedom <= 0)
        return d;
    const boost::math::students_t_distribution<double> st(d.fit.degreesOfFreedom);
    const double k = boost::math::quantile(st, level);
    const double s = d.fit.residualSd;
    const double w0 = 1.0; // a future verification of unit weight
    const auto excess = [&](double x) {
        const Eigen::Vector2d row(1.0, x);
        const double yhat = row.dot(d.fit.coefficients);
        const double u = k * std::sqrt(s * s / w0 + row.dot(d.fit.covariance * row));
        return std::max(yhat + u - mpe, -mpe - (yhat - u));
    };
    if (excess(0.0) > 0.0)
        d.conservativeTimeToLimit = 0.0;
    else
        d.conservativeTimeToLimit = detail::firstRoot(excess, horizon > 0.0 ? horizon : 100.0 * d.lastTime);
    return d;
}

DriftRateSummary summariseDriftRates(const std::vector<InstrumentDrift> &paths)
{
    DriftRateSummary s;
    s.mean = s.sd = s.median = s.weightedMean = s.betweenVariance = kNaN;
    std::vector<double> slopes, se;
    for (const auto &p : paths)
        if (std::isfinite(p.slope)) {
            slopes.push_back(p.slope);
            se.push_back(p.slopeStandardError);
        }
    s.instruments = static_cast<int>(slopes.size());
    if (slopes.empty())
        return s;
    const auto n = static_cast<double>(slopes.size());
    double sum = 0.0;
    for (double v : slopes)
        sum += v;
    s.mean = sum / n;
    if (slopes.size() > 1) {
        double ss = 0.0;
        for (double v : slopes)
            ss += (v - s.mean) * (v - s.mean);
        s.sd = std::sqrt(ss / (n - 1.0));
    }
    std::vector<double> sorted = slopes;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = sorted.size() / 2;
    s.median = sorted.size() % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);

    // DerSimonian–Laird: Q = Σ w (b − b̄_w)², τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)).
    double sw = 0.0, swb = 0.0, sw2 = 0.0;
    int k = 0;
    for (std::size_t i = 0; i < slopes.size(); ++i)
        if (std::isfinite(se[i]) && se[i] > 0.0) {
            const double wi = 1.0 / (se[i] * se[i]);
            sw += wi;
            swb += wi * slopes[i];
            sw2 += wi * wi;
            ++k;
        }
    if (k == 0)
        return s;
    s.weightedMean = swb / sw;
    if (k > 1) {
        double q = 0.0;
        for (std::size_t i = 0; i < slopes.size(); ++i)
            if (std::isfinite(se[i]) && se[i] > 0.0)
                q += (slopes[i] - s.weightedMean) * (slopes[i] - s.weightedMean) / (se[i] * se[i]);
        s.betweenVariance = std::max(0.0, (q - (k - 1)) / (sw - sw2 / sw));
    }
    return s;
}

std::vector<LifeObservation> pseudoFailureTimes(const std::vector<InstrumentDrift> &paths)
{
    std::vector<LifeObservation> out;
    for (const auto &p : paths) {
        if (std::isnan(p.timeToLimit) || !std::isfinite(p.lastTime))
            continue;
        if (std::isfinite(p.timeToLimit) && p.timeToLimit > 0.0)
            out.push_back(LifeObservation::exact(p.timeToLimit));
        else if (std::isinf(p.timeToLimit) && p.lastTime > 0.0)
            out.push_back(LifeObservation::rightCensored(p.lastTime));
        // timeToLimit == 0: out of tolerance from the start, no failure time to extrapolate.
    }
    return out;
}

} // namespace metroeval::stats
