// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/turnbull_test.cpp).
#include "stats/life/npmlesolver.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats::detail {

namespace {
constexpr double kNegInf = -std::numeric_limits<double>::infinity();

struct Evaluation
{
    double ll = kNegInf;
    std::vector<double> p;  ///< P_i per run
    std::vector<double> d;  ///< gradient d_j = Σ_i w_i α_ij / P_i
};

Evaluation evaluate(const std::vector<IntervalRun> &runs, const std::vector<double> &mass)
{
    const std::size_t m = mass.size();
    Evaluation e;
    std::vector<double> prefix(m + 1, 0.0), diff(m + 1, 0.0);
    for (std::size_t j = 0; j < m; ++j)
        prefix[j + 1] = prefix[j] + mass[j];
    e.p.resize(runs.size());
    double ll = 0.0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const double pi = prefix[runs[i].b] - prefix[runs[i].a];
        if (!(pi > 0.0))
            return e; // ll = −∞
        e.p[i] = pi;
        ll += runs[i].w * std::log(pi);
        diff[runs[i].a] += runs[i].w / pi;
        diff[runs[i].b] -= runs[i].w / pi;
    }
    e.d.resize(m);
    double acc = 0.0;
    for (std::size_t j = 0; j < m; ++j) {
        acc += diff[j];
        e.d[j] = acc;
    }
    e.ll = ll;
    return e;
}

// min ½qᵀAq − bᵀq s.t. q ≥ 0, Lawson–Hanson active set, warm-started from a feasible q0 whose
// positive entries form the initial passive set.
Eigen::VectorXd nnlsQuadratic(const Eigen::MatrixXd &a, const Eigen::VectorXd &b, Eigen::VectorXd q)
{
    const Eigen::Index k = b.size();
    std::vector<bool> passive(static_cast<std::size_t>(k));
    for (Eigen::Index j = 0; j < k; ++j)
        passive[static_cast<std::size_t>(j)] = q(j) > 0.0;
    const double eps = 1e-12 * std::max(1.0, b.cwiseAbs().maxCoeff());
    auto solvePassive = [&]() {
        std::vector<Eigen::Index> idx;
        for (Eigen::Index j = 0; j < k; ++j)
            if (passive[static_cast<std::size_t>(j)])
                idx.push_back(j);
        Eigen::VectorXd z = Eigen::VectorXd::Zero(k);
        if (idx.empty())
            return z;
        const auto s = static_cast<Eigen::Index>(idx.size());
        Eigen::MatrixXd app(s, s);
        Eigen::VectorXd bp(s);
        for (Eigen::Index r = 0; r < s; ++r) {
            bp(r) = b(idx[static_cast<std::size_t>(r)]);
            for (Eigen::Index c = 0; c < s; ++c)
                app(r, c) = a(idx[static_cast<std::size_t>(r)], idx[static_cast<std::size_t>(c)]);
        }
        const Eigen::VectorXd zp = app.ldlt().solve(bp);
        for (Eigen::Index r = 0; r < s; ++r)
            z(idx[static_cast<std::size_t>(r)]) = zp(r);
        return z;
    };
    for (int outer = 0; outer < 3 * static_cast<int>(k) + 10; ++outer) {
        for (int inner = 0; inner < 3 * static_cast<int>(k) + 10; ++inner) {
            const Eigen::VectorXd z = solvePassive();
            double alpha = 1.0;
            bool feasible = true;
            for (Eigen::Index j = 0; j < k; ++j)
                if (passive[static_cast<std::size_t>(j)] && z(j) <= 0.0) {
                    feasible = false;
                    alpha = std::min(alpha, q(j) / (q(j) - z(j)));
                }
            if (feasible) {
                q = z;
                break;
            }
            q += alpha * (z - q);
            for (Eigen::Index j = 0; j < k; ++j)
                if (passive[static_cast<std::size_t>(j)] && q(j) <= 1e-300) {
                    passive[static_cast<std::size_t>(j)] = false;
                    q(j) = 0.0;
                }
        }
        const Eigen::VectorXd w = b - a * q;
        Eigen::Index best = -1;
        double bestW = eps;
        for (Eigen::Index j = 0; j < k; ++j)
            if (!passive[static_cast<std::size_t>(j)] && w(j) > bestW) {
                bestW = w(j);
                best = j;
            }
        if (best < 0)
            break;
        passive[static_cast<std::size_t>(best)] = true;
    }
    return q.cwiseMax(0.0);
}
} // namespace

NpmleSolution solveIntervalNpmle(const std::vector<IntervalRun> &runs, std::size_t m,
                                 int maxIterations, double gapTolerance)
{
    NpmleSolution sol;
    double n = 0.0;
    for (const auto &r : runs)
        n += r.w;
    std::vector<double> mass(m, 1.0 / static_cast<double>(m));
    // Warm start: EM maps p_j ← p_j d_j / n, then drop masses below 1e-6 of the largest (unless
    // that leaves an observation uncovered). CNM adds back any point the gradient asks for.
    Evaluation e = evaluate(runs, mass);
    for (int it = 0; it < 50 && std::isfinite(e.ll); ++it) {
        for (std::size_t j = 0; j < m; ++j)
            mass[j] *= e.d[j] / n;
        e = evaluate(runs, mass);
    }
    {
        const double cut = 1e-6 * *std::max_element(mass.begin(), mass.end());
        std::vector<double> pruned = mass;
        double total = 0.0;
        for (auto &x : pruned) {
            if (x < cut)
                x = 0.0;
            total += x;
        }
        for (auto &x : pruned)
            x /= total;
        Evaluation ep = evaluate(runs, pruned);
        if (std::isfinite(ep.ll)) {
            mass = std::move(pruned);
            e = std::move(ep);
        }
    }
    sol.convergence.status = FitStatus::MaxIterations;
    for (int it = 1; it <= maxIterations; ++it) {
        sol.convergence.iterations = it;
        if (!std::isfinite(e.ll)) {
            sol.convergence.status = FitStatus::NotFinite;
            break;
        }
        const double gap = (*std::max_element(e.d.begin(), e.d.end()) - n) / n;
        sol.convergence.criterion = gap;
        if (gap < gapTolerance) {
            sol.convergence.status = FitStatus::Converged;
            break;
        }
        // Support: current positive masses plus local maxima of the gradient above n.
        std::vector<std::size_t> support;
        for (std::size_t j = 0; j < m; ++j) {
            const bool localMax = (j == 0 || e.d[j] >= e.d[j - 1]) && (j + 1 == m || e.d[j] >= e.d[j + 1]);
            if (mass[j] > 0.0 || (e.d[j] > n && localMax))
                support.push_back(j);
        }
        const auto k = static_cast<Eigen::Index>(support.size());
        // Q over the support by 2-D prefix sums of c_i = w_i/P_i² at (first, last) support column.
        Eigen::MatrixXd c = Eigen::MatrixXd::Zero(k, k);
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const auto lo = static_cast<Eigen::Index>(
                std::lower_bound(support.begin(), support.end(), runs[i].a) - support.begin());
            const auto hi = static_cast<Eigen::Index>(
                std::lower_bound(support.begin(), support.end(), runs[i].b) - support.begin());
            if (hi > lo)
                c(lo, hi - 1) += runs[i].w / (e.p[i] * e.p[i]);
        }
        for (Eigen::Index r = 1; r < k; ++r)
            c.row(r) += c.row(r - 1); // Σ over first ≤ r
        Eigen::MatrixXd q(k, k);
        for (Eigen::Index r = 0; r < k; ++r) {
            double acc = 0.0;
            for (Eigen::Index col = k - 1; col >= r; --col) {
                acc += c(r, col); // Σ over last ≥ col, first ≤ r
                q(r, col) = acc;
            }
        }
        for (Eigen::Index r = 0; r < k; ++r)
            for (Eigen::Index col = 0; col < r; ++col)
                q(r, col) = q(col, r);
        // Quadratic model of ℓ around p: ℓ(q) ≈ ℓ(p) − ½‖√W(Sq − 2·1)‖², S_ij = α_ij/P_i, i.e.
        // min ½qᵀQq − 2dᵀq over q ≥ 0; Σq = 1 is imposed by a penalty row λ(1ᵀq − 1)² as in
        // Wang (2007), λ = 10³·max Q_jj (larger λ costs digits by cancellation).
        Eigen::VectorXd b(k);
        for (Eigen::Index j = 0; j < k; ++j)
            b(j) = 2.0 * e.d[support[static_cast<std::size_t>(j)]];
        const double lambda = 1e3 * q.diagonal().maxCoeff();
        q.array() += lambda;
        b.array() += lambda;
        // Cold start of the active set: it grows one support point at a time up to the final
        // support (~10² points), far cheaper than shrinking the warm start's wide support.
        Eigen::VectorXd target = nnlsQuadratic(q, b, Eigen::VectorXd::Zero(k));
        const double total = target.sum();
        if (!(total > 0.0)) {
            sol.convergence.status = FitStatus::NotFinite;
            break;
        }
        target /= total;
        // Back-tracking on the likelihood along p + α(target − p).
        std::vector<double> trial(m, 0.0);
        bool accepted = false;
        for (double alpha = 1.0; alpha > 1e-10; alpha *= 0.5) {
            std::fill(trial.begin(), trial.end(), 0.0);
            for (std::size_t j = 0; j < m; ++j)
                trial[j] = (1.0 - alpha) * mass[j];
            for (Eigen::Index j = 0; j < k; ++j)
                trial[support[static_cast<std::size_t>(j)]] += alpha * target(j);
            Evaluation next = evaluate(runs, trial);
            if (std::isfinite(next.ll) && next.ll >= e.ll) {
                mass = trial;
                e = std::move(next);
                accepted = true;
                break;
            }
        }
        if (!accepted) {
            sol.convergence.status = FitStatus::Stalled;
            break;
        }
    }
    sol.mass = mass;
    sol.logLikelihood = e.ll;
    sol.gapPerObservation = e.d.empty() ? 0.0 : (*std::max_element(e.d.begin(), e.d.end()) - n) / n;
    return sol;
}

} // namespace metroeval::stats::detail
