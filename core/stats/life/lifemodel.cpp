// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/lifemodel_test.cpp).
#include "stats/life/lifemodel.h"

#include "stats/life/lifemodeldetail.h"
#include "stats/rates/proportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Objective
{
    double logLik = 0.0;
    Eigen::Vector2d gradient = Eigen::Vector2d::Zero();
    Eigen::Matrix2d hessian = Eigen::Matrix2d::Zero();
};

// Log-likelihood, gradient and Hessian in θ = (μ, s = log σ). For censored terms P = F(zr) − F(zl),
// wX = f(zX)/P and dX = f'(zX)/P; see lifemodel.h for the reference.
Objective evaluate(const std::vector<LifeObservation> &data, detail::Standard dist, double mu,
                   double s, bool withDerivatives)
{
    Objective o;
    const double sigma = std::exp(s);
    double ll = 0.0, gm = 0.0, gs = 0.0, hmm = 0.0, hms = 0.0, hss = 0.0;
    for (const auto &obs : data) {
        if (obs.lower == obs.upper) {
            const double y = std::log(obs.lower);
            const double z = (y - mu) / sigma;
            const detail::ExactTerms e = detail::exactTerms(dist, z);
            ll += e.logDensity - s - y;
            if (!withDerivatives)
                continue;
            gm += -e.g1 / sigma;
            gs += -e.g1 * z - 1.0;
            hmm += e.g2 / (sigma * sigma);
            hms += (e.g2 * z + e.g1) / sigma;
            hss += e.g2 * z * z + e.g1 * z;
            continue;
        }
        const double zl = obs.lower > 0.0 ? (std::log(obs.lower) - mu) / sigma : -kInf;
        const double zr = std::isfinite(obs.upper) ? (std::log(obs.upper) - mu) / sigma : kInf;
        const detail::CensoredTerms c = detail::censoredTerms(dist, zl, zr);
        ll += c.logProbability;
        if (!withDerivatives)
            continue;
        const double zlf = std::isfinite(zl) ? zl : 0.0;
        const double zrf = std::isfinite(zr) ? zr : 0.0;
        const double pm = (c.wl - c.wr) / sigma;
        const double ps = c.wl * zlf - c.wr * zrf;
        gm += pm;
        gs += ps;
        hmm += (c.dr - c.dl) / (sigma * sigma) - pm * pm;
        hms += (c.dr * zrf + c.wr - c.dl * zlf - c.wl) / sigma - pm * ps;
        hss += c.dr * zrf * zrf + c.wr * zrf - c.dl * zlf * zlf - c.wl * zlf - ps * ps;
    }
    o.logLik = ll;
    o.gradient << gm, gs;
    o.hessian << hmm, hms, hms, hss;
    return o;
}

bool validObservation(const LifeObservation &o)
{
    if (std::isnan(o.lower) || std::isnan(o.upper) || o.upper < o.lower)
        return false;
    if (o.lower == o.upper)
        return o.lower > 0.0 && std::isfinite(o.lower);
    return o.upper > 0.0 && std::isfinite(o.lower);
}

// Starting values from log "representative" times (midpoints), as a moment estimate.
Eigen::Vector2d startingValues(const std::vector<LifeObservation> &data, bool fixedScale)
{
    double sum = 0.0, sum2 = 0.0, n = 0.0;
    for (const auto &o : data) {
        double t = o.lower;
        if (!std::isfinite(o.upper))
            t = o.lower;
        else if (o.lower <= 0.0)
            t = o.upper / 2.0;
        else
            t = std::sqrt(o.lower * o.upper);
        if (!(t > 0.0))
            continue; // (0, ∞): no information on the time scale
        const double y = std::log(t);
        sum += y;
        sum2 += y * y;
        n += 1.0;
    }
    if (n == 0.0)
        return {0.0, 0.0};
    const double mean = sum / n;
    const double var = n > 1 ? (sum2 - n * mean * mean) / (n - 1) : 0.0;
    const double sd = var > 1e-12 ? std::sqrt(var) : 1.0;
    return {mean + (fixedScale ? 0.0 : 0.5 * sd), fixedScale ? 0.0 : std::log(sd)};
}
} // namespace

LifeFit fitLifeDistribution(const std::vector<LifeObservation> &data, LifeDistribution distribution,
                            const LifeFitOptions &options)
{
    LifeFit fit;
    fit.distribution = distribution;
    const bool fixedScale = distribution == LifeDistribution::Exponential;
    fit.parameters = fixedScale ? 1 : 2;
    fit.observations = static_cast<int>(data.size());
    fit.location = fit.logScale = fit.logLikelihood = fit.aic = kNaN;
    fit.scale = fixedScale ? 1.0 : kNaN;
    if (data.empty() || !std::all_of(data.begin(), data.end(), validObservation))
        return fit; // InvalidInput
    fit.failures = static_cast<int>(std::count_if(data.begin(), data.end(), [](const auto &o) {
        return std::isfinite(o.upper);
    }));
    if (fit.failures == 0) {
        fit.convergence.status = FitStatus::NoEvents;
        return fit;
    }
    if (!fixedScale) {
        // With only exact times (plus right-censored ones) a scale needs two distinct failure
        // times; otherwise the likelihood grows without bound as σ → 0.
        bool censoredInfo = false;
        std::vector<double> exactTimes;
        for (const auto &o : data) {
            if (o.lower == o.upper)
                exactTimes.push_back(o.lower);
            else if (std::isfinite(o.upper))
                censoredInfo = true;
        }
        std::sort(exactTimes.begin(), exactTimes.end());
        const bool twoDistinct = !exactTimes.empty() && exactTimes.front() != exactTimes.back();
        if (!censoredInfo && !twoDistinct) {
            fit.convergence.status = FitStatus::RankDeficient;
            return fit;
        }
    }
    const detail::Standard dist = distribution == LifeDistribution::Lognormal
                                      ? detail::Standard::Normal
                                      : detail::Standard::ExtremeValue;
    Eigen::Vector2d theta = startingValues(data, fixedScale);
    const int k = fixedScale ? 1 : 2;
    Objective cur = evaluate(data, dist, theta(0), theta(1), true);
    fit.convergence.status = FitStatus::MaxIterations;
    for (int it = 1; it <= options.maxIterations; ++it) {
        fit.convergence.iterations = it;
        if (!std::isfinite(cur.logLik) || !cur.gradient.allFinite() || !cur.hessian.allFinite()) {
            fit.convergence.status = FitStatus::NotFinite;
            break;
        }
        const Eigen::MatrixXd negH = -cur.hessian.topLeftCorner(k, k);
        const Eigen::VectorXd g = cur.gradient.head(k);
        // Newton step, shifted towards steepest ascent until −H + λI is positive definite.
        Eigen::VectorXd step;
        double lambda = 0.0;
        for (int tries = 0; tries < 60; ++tries) {
            const Eigen::LLT<Eigen::MatrixXd> llt(negH + lambda * Eigen::MatrixXd::Identity(k, k));
            if (llt.info() == Eigen::Success) {
                step = llt.solve(g);
                break;
            }
            lambda = lambda == 0.0 ? 1e-6 * std::max(1.0, negH.diagonal().cwiseAbs().maxCoeff())
                                   : 10.0 * lambda;
        }
        if (step.size() != k || !step.allFinite()) {
            fit.convergence.status = FitStatus::NotFinite;
            break;
        }
        // Keep steps on the log scales moderate, then halve until the likelihood does not drop.
        const double maxStep = step.cwiseAbs().maxCoeff();
        if (maxStep > 2.0)
            step *= 2.0 / maxStep;
        Eigen::Vector2d trial = theta;
        Objective next;
        double factor = 1.0;
        for (int h = 0; h < 40; ++h) {
            trial.head(k) = theta.head(k) + factor * step;
            next = evaluate(data, dist, trial(0), trial(1), false);
            if (std::isfinite(next.logLik) && next.logLik >= cur.logLik - 1e-12 * std::fabs(cur.logLik))
                break;
            factor *= 0.5;
        }
        theta = trial;
        cur = evaluate(data, dist, theta(0), theta(1), true);
        fit.convergence.criterion = factor * step.cwiseAbs().maxCoeff();
        if (fit.convergence.criterion < options.tolerance) {
            fit.convergence.status = FitStatus::Converged;
            break;
        }
    }
    fit.location = theta(0);
    fit.logScale = theta(1);
    fit.scale = std::exp(theta(1));
    fit.logLikelihood = cur.logLik;
    fit.aic = -2.0 * cur.logLik + 2.0 * k;
    const Eigen::MatrixXd negH = -cur.hessian.topLeftCorner(k, k);
    const Eigen::LLT<Eigen::MatrixXd> llt(negH);
    if (llt.info() != Eigen::Success) {
        fit.covariance.setConstant(kNaN);
        if (fit.convergence.status == FitStatus::Converged)
            fit.convergence.status = FitStatus::RankDeficient;
    } else {
        fit.covariance.topLeftCorner(k, k) = llt.solve(Eigen::MatrixXd::Identity(k, k));
    }
    return fit;
}

ParameterInterval lifeQuantile(const LifeFit &fit, double p, double level)
{
    ParameterInterval out{kNaN, kNaN, kNaN, kNaN};
    if (!(p > 0.0 && p < 1.0) || !(level > 0.0 && level < 1.0) || !std::isfinite(fit.location))
        return out;
    const detail::Standard dist = fit.distribution == LifeDistribution::Lognormal
                                      ? detail::Standard::Normal
                                      : detail::Standard::ExtremeValue;
    const double w = detail::standardQuantile(dist, p);
    const double logT = fit.location + fit.scale * w;
    const Eigen::Vector2d grad(1.0, fit.parameters == 1 ? 0.0 : fit.scale * w);
    const double seLog = std::sqrt(grad.dot(fit.covariance * grad));
    const double z = twoSidedNormalQuantile(level);
    out.estimate = std::exp(logT);
    out.standardError = out.estimate * seLog;
    out.lower = std::exp(logT - z * seLog);
    out.upper = std::exp(logT + z * seLog);
    return out;
}

ParameterInterval weibullShape(const LifeFit &fit, double level)
{
    ParameterInterval out{kNaN, kNaN, kNaN, kNaN};
    if (fit.parameters != 2 || !std::isfinite(fit.logScale))
        return out;
    const double se = std::sqrt(fit.covariance(1, 1));
    const double z = twoSidedNormalQuantile(level);
    out.estimate = 1.0 / fit.scale;
    out.standardError = out.estimate * se;
    out.lower = std::exp(-(fit.logScale + z * se));
    out.upper = std::exp(-(fit.logScale - z * se));
    return out;
}

ParameterInterval characteristicLife(const LifeFit &fit, double level)
{
    ParameterInterval out{kNaN, kNaN, kNaN, kNaN};
    if (!std::isfinite(fit.location))
        return out;
    const double se = std::sqrt(fit.covariance(0, 0));
    const double z = twoSidedNormalQuantile(level);
    out.estimate = std::exp(fit.location);
    out.standardError = out.estimate * se;
    out.lower = std::exp(fit.location - z * se);
    out.upper = std::exp(fit.location + z * se);
    return out;
}

double lifeReliability(const LifeFit &fit, double t)
{
    if (!std::isfinite(fit.location) || std::isnan(t))
        return kNaN;
    if (t <= 0.0)
        return 1.0;
    const double z = (std::log(t) - fit.location) / fit.scale;
    return fit.distribution == LifeDistribution::Lognormal ? detail::normalUpper(z)
                                                           : std::exp(-std::exp(z));
}

std::vector<ProbabilityPlotPoint> medianRankPlot(const std::vector<double> &time,
                                                 const std::vector<int> &event,
                                                 LifeDistribution distribution)
{
    std::vector<ProbabilityPlotPoint> points;
    if (time.size() != event.size() || time.empty())
        return points;
    std::vector<std::size_t> order(time.size());
    std::iota(order.begin(), order.end(), 0);
    // Failures before suspensions at equal times (a unit suspended at t survived t).
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return time[a] < time[b] || (time[a] == time[b] && event[a] > event[b]);
    });
    const auto n = static_cast<double>(time.size());
    double previous = 0.0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (event[order[i]] != 1)
            continue;
        const double reverseRank = n - static_cast<double>(i);
        const double rank = previous + (n + 1.0 - previous) / (1.0 + reverseRank);
        previous = rank;
        ProbabilityPlotPoint pt;
        pt.time = time[order[i]];
        pt.adjustedRank = rank;
        pt.medianRank = (rank - 0.3) / (n + 0.4);
        pt.x = std::log(pt.time);
        pt.y = distribution == LifeDistribution::Lognormal
                   ? detail::standardQuantile(detail::Standard::Normal, pt.medianRank)
                   : std::log(-std::log1p(-pt.medianRank));
        points.push_back(pt);
    }
    return points;
}

} // namespace metroeval::stats
