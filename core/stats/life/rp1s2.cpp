// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/rp1s2_test.cpp).
#include "stats/life/rp1s2.h"

#include "stats/life/rootscan.h"
#include "stats/rates/proportion.h"

#include <Eigen/Dense>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kNegInf = -std::numeric_limits<double>::infinity();

double phiInv(double p) { return -1.41421356237309504880 * boost::math::erfc_inv(2.0 * p); }

struct Data
{
    std::vector<double> t, n, x;
    double tMean = 0.0, tMax = 0.0, pooled = 0.0;
};

double logLik(ReliabilityModel m, const Eigen::VectorXd &phiParams, const Data &d)
{
    std::vector<double> theta(static_cast<std::size_t>(phiParams.size()));
    for (Eigen::Index j = 0; j < phiParams.size(); ++j)
        theta[static_cast<std::size_t>(j)] = std::exp(phiParams(j));
    double ll = 0.0;
    for (std::size_t i = 0; i < d.t.size(); ++i) {
        const double r = reliabilityModelValue(m, theta, d.t[i]);
        if (!(r >= 0.0 && r <= 1.0))
            return kNegInf;
        const double fails = d.n[i] - d.x[i];
        if (d.x[i] > 0.0)
            ll += r > 0.0 ? d.x[i] * std::log(r) : kNegInf;
        if (fails > 0.0)
            ll += r < 1.0 ? fails * std::log1p(-r) : kNegInf;
    }
    return ll;
}

// D: dR(tᵢ)/dφ by central differences (R is O(1), so h = 1e-6 keeps ~1e-10 accuracy).
Eigen::RowVectorXd rGradient(ReliabilityModel m, const Eigen::VectorXd &p, double t)
{
    Eigen::RowVectorXd g(p.size());
    std::vector<double> plus(static_cast<std::size_t>(p.size())), minus(plus.size());
    for (Eigen::Index j = 0; j < p.size(); ++j) {
        constexpr double h = 1e-6;
        for (Eigen::Index k = 0; k < p.size(); ++k) {
            const double shift = k == j ? h : 0.0;
            plus[static_cast<std::size_t>(k)] = std::exp(p(k) + shift);
            minus[static_cast<std::size_t>(k)] = std::exp(p(k) - shift);
        }
        g(j) = (reliabilityModelValue(m, plus, t) - reliabilityModelValue(m, minus, t)) / (2.0 * h);
    }
    return g;
}

double rAt(ReliabilityModel m, const Eigen::VectorXd &p, double t)
{
    std::vector<double> theta(static_cast<std::size_t>(p.size()));
    for (Eigen::Index j = 0; j < p.size(); ++j)
        theta[static_cast<std::size_t>(j)] = std::exp(p(j));
    return reliabilityModelValue(m, theta, t);
}

// Expected information DᵀWD (RP-1 D-29) and score.
void scoreAndInformation(ReliabilityModel m, const Eigen::VectorXd &p, const Data &d,
                         Eigen::VectorXd &score, Eigen::MatrixXd &info)
{
    score = Eigen::VectorXd::Zero(p.size());
    info = Eigen::MatrixXd::Zero(p.size(), p.size());
    for (std::size_t i = 0; i < d.t.size(); ++i) {
        const double r = std::clamp(rAt(m, p, d.t[i]), 1e-300, 1.0 - 1e-16);
        const Eigen::RowVectorXd g = rGradient(m, p, d.t[i]);
        score += ((d.x[i] / r - (d.n[i] - d.x[i]) / (1.0 - r)) * g).transpose();
        info += d.n[i] / (r * (1.0 - r)) * g.transpose() * g;
    }
}

// Multi-start initial values on the log scale, built so that R(t̄) is near the pooled reliability.
std::vector<Eigen::VectorXd> starts(ReliabilityModel m, const Data &d)
{
    const double rbar = std::clamp(d.pooled, 0.02, 0.98);
    const double tb = d.tMean;
    const double lambda = -std::log(rbar) / tb;
    const double q = phiInv((1.0 + rbar) / 2.0);
    std::vector<std::vector<double>> base;
    switch (m) {
    case ReliabilityModel::Exponential: base = {{lambda}}; break;
    case ReliabilityModel::Weibull: base = {{lambda, 1.0}, {lambda, 2.0}, {lambda, 0.5}}; break;
    case ReliabilityModel::MixedExponential: base = {{lambda, 1.0}, {2 * lambda, 0.5}}; break;
    case ReliabilityModel::RandomWalk: base = {{0.05, std::max(1e-9, (1.0 / (q * q) - 0.05) / tb)}}; break;
    case ReliabilityModel::RestrictedRandomWalk:
        base = {{0.05, std::max(1e-9, 2.0 * (1.0 / (q * q) - 0.05)), 1.0 / tb}};
        break;
    case ReliabilityModel::ModifiedGamma: base = {{2.0 * lambda}, {4.0 * lambda}}; break;
    case ReliabilityModel::MortalityDrift: base = {{lambda, 0.1 * lambda / tb}, {0.1 * lambda, lambda / tb}}; break;
    case ReliabilityModel::Warranty:
        base = {{-std::log(1.0 / rbar - 1.0) / tb, 2.0 * tb}, {2.0 / tb, tb}};
        break;
    case ReliabilityModel::Drift:
        // θ₃ so that the falling term alone gives R(t̄) ≈ r̄, over a grid of θ₁, θ₂.
        for (double a : {1.0, 2.0, 3.0, 4.0})
            for (double b : {1.0, 2.0, 3.0, 4.0})
                base.push_back({a, b, std::max(1e-6, (b - phiInv(rbar)) / tb)});
        break;
    case ReliabilityModel::Lognormal: base = {{std::exp(phiInv(1.0 - rbar)) / tb, 1.0}}; break;
    }
    // The rate-like parameter (θ₃ for the drift model, θ₁ otherwise) is also tried ×¼ … ×4.
    const std::size_t rate = m == ReliabilityModel::Drift ? 2 : 0;
    std::vector<Eigen::VectorXd> out;
    for (const auto &b : base)
        for (double scale : {0.25, 0.5, 1.0, 2.0, 4.0}) {
            Eigen::VectorXd p(static_cast<Eigen::Index>(b.size()));
            for (std::size_t j = 0; j < b.size(); ++j)
                p(static_cast<Eigen::Index>(j)) = std::log(b[j] * (j == rate ? scale : 1.0));
            out.push_back(p);
        }
    return out;
}

// Damped Fisher scoring from one start; returns the final log-likelihood.
double climb(ReliabilityModel m, const Data &d, const S2Options &o, Eigen::VectorXd &p,
             Convergence &conv)
{
    double ll = logLik(m, p, d);
    conv = Convergence{FitStatus::MaxIterations, 0, kNaN};
    if (!std::isfinite(ll)) {
        conv.status = FitStatus::NotFinite;
        return ll;
    }
    double mu = 1e-3; // Levenberg–Marquardt damping on Fisher scoring
    for (int it = 1; it <= o.maxIterations; ++it) {
        conv.iterations = it;
        Eigen::VectorXd score;
        Eigen::MatrixXd info;
        scoreAndInformation(m, p, d, score, info);
        bool improved = false;
        Eigen::VectorXd step;
        for (int tries = 0; tries < 30 && !improved; ++tries) {
            Eigen::MatrixXd a = info;
            a.diagonal() += mu * info.diagonal().cwiseMax(1e-12);
            step = a.ldlt().solve(score);
            if (!step.allFinite())
                break;
            const double maxStep = step.cwiseAbs().maxCoeff();
            if (maxStep > 1.0)
                step /= maxStep;
            const double next = logLik(m, p + step, d);
            if (std::isfinite(next) && next >= ll - 1e-12 * std::fabs(ll)) {
                p += step;
                ll = std::max(ll, next);
                mu = std::max(1e-12, mu / 10.0);
                improved = true;
            } else {
                mu *= 10.0;
            }
        }
        conv.criterion = step.size() ? step.cwiseAbs().maxCoeff() : kNaN;
        if (!improved) {
            // No ascent step at any damping: at the (numerical) optimum if the score is tiny.
            conv.status = score.cwiseAbs().maxCoeff() < 1e-6 * std::max(1.0, std::fabs(ll))
                              ? FitStatus::Converged
                              : FitStatus::NotFinite;
            break;
        }
        if (conv.criterion < 1e-9) {
            conv.status = FitStatus::Converged;
            break;
        }
    }
    return ll;
}

S2ModelFit fitOne(ReliabilityModel m, const Data &d, const S2Options &o)
{
    S2ModelFit f;
    f.model = m;
    const int k = reliabilityModelParameterCount(m);
    // Climb from the three best starting points and keep the highest likelihood reached.
    std::vector<std::pair<double, Eigen::VectorXd>> ranked;
    for (const auto &s : starts(m, d))
        ranked.emplace_back(logLik(m, s, d), s);
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    double ll = kNegInf;
    Eigen::VectorXd p;
    f.convergence.status = FitStatus::NotFinite;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, ranked.size()); ++i) {
        if (!std::isfinite(ranked[i].first))
            break;
        Eigen::VectorXd candidate = ranked[i].second;
        Convergence conv;
        const double v = climb(m, d, o, candidate, conv);
        if (std::isfinite(v) && (v > ll || p.size() == 0)) {
            ll = v;
            p = candidate;
            f.convergence = conv;
        }
    }
    if (p.size() == 0)
        return f;
    f.theta.resize(static_cast<std::size_t>(k));
    for (int j = 0; j < k; ++j)
        f.theta[static_cast<std::size_t>(j)] = std::exp(p(j));
    f.logLikelihood = ll;
    f.aic = -2.0 * ll + 2.0 * k;

    // Lack of fit (RP-1 D-19, D-23).
    const auto kb = static_cast<int>(d.t.size());
    double total = 0.0, se2 = 0.0, sl2 = 0.0;
    for (std::size_t i = 0; i < d.t.size(); ++i) {
        const double ri = d.x[i] / d.n[i];
        total += d.n[i];
        se2 += d.n[i] * ri * (1.0 - ri);
        sl2 += d.n[i] * (ri - rAt(m, p, d.t[i])) * (ri - rAt(m, p, d.t[i]));
    }
    f.dfLackOfFit = kb - k;
    f.dfPureError = static_cast<int>(total) - kb;
    f.lackOfFitF = f.rejectionConfidence = kNaN;
    if (f.dfLackOfFit > 0 && f.dfPureError > 0 && se2 > 0.0) {
        f.lackOfFitF = (sl2 / f.dfLackOfFit) / (se2 / f.dfPureError);
        const boost::math::fisher_f_distribution<double> fd(f.dfLackOfFit, f.dfPureError);
        f.rejectionConfidence = boost::math::cdf(fd, f.lackOfFitF);
        f.accepted = f.convergence.status == FitStatus::Converged && f.rejectionConfidence < o.rejectionLevel;
    }

    // Interval and its limits (D-29).
    Eigen::VectorXd score;
    Eigen::MatrixXd info;
    scoreAndInformation(m, p, d, score, info);
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(info);
    const double z = twoSidedNormalQuantile(o.level);
    const auto sdR = [&](double t) {
        const Eigen::RowVectorXd g = rGradient(m, p, t);
        return std::sqrt(std::max(0.0, g.dot(ldlt.solve(g.transpose()))));
    };
    const double horizon = 20.0 * d.tMax;
    f.interval = detail::firstRoot([&](double t) { return rAt(m, p, t) - o.target; }, horizon);
    f.intervalLower = detail::firstRoot([&](double t) { return rAt(m, p, t) - z * sdR(t) - o.target; }, horizon);
    f.intervalUpper = detail::firstRoot([&](double t) { return rAt(m, p, t) + z * sdR(t) - o.target; }, horizon);
    return f;
}
} // namespace

S2Result rp1BinomialMethod(const std::vector<ReliabilityBin> &bins, const S2Options &options,
                           const std::vector<ReliabilityModel> &models)
{
    S2Result result;
    if (bins.size() < 2 || !(options.target > 0.0 && options.target < 1.0)
        || !(options.level > 0.0 && options.level < 1.0))
        return result;
    Data d;
    double passes = 0.0, total = 0.0;
    for (const auto &b : bins) {
        if (!(b.time > 0.0) || b.total <= 0 || b.inTolerance < 0 || b.inTolerance > b.total)
            return result;
        d.t.push_back(b.time);
        d.n.push_back(static_cast<double>(b.total));
        d.x.push_back(static_cast<double>(b.inTolerance));
        passes += static_cast<double>(b.inTolerance);
        total += static_cast<double>(b.total);
        d.tMean += b.time;
        d.tMax = std::max(d.tMax, b.time);
    }
    d.tMean /= static_cast<double>(bins.size());
    d.pooled = passes / total;
    if (passes == total || passes == 0.0) {
        // No contrast between in- and out-of-tolerance: no reliability model is estimable.
        result.status = FitStatus::NoEvents;
        return result;
    }
    double bestAic = std::numeric_limits<double>::infinity();
    for (ReliabilityModel m : models) {
        result.models.push_back(fitOne(m, d, options));
        const auto &f = result.models.back();
        if (f.accepted && f.aic < bestAic) {
            bestAic = f.aic;
            result.selected = static_cast<int>(result.models.size()) - 1;
        }
    }
    result.status = FitStatus::Converged;
    return result;
}

} // namespace metroeval::stats
