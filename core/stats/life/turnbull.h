// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/turnbull_test.cpp).
#pragma once

#include "stats/life/convergence.h"
#include "stats/life/lifemodel.h"

#include <vector>

namespace metroeval::stats {

/// \brief One Turnbull (innermost) interval (left, right] — or [t, t] for an exact time — with its
/// NPMLE probability mass.
struct TurnbullInterval
{
    double left = 0.0;
    double right = 0.0;
    double mass = 0.0;
    bool leftClosed = false; ///< true for a zero-length interval [t, t] from exact times
};

/// \brief Nonparametric MLE of the failure-time distribution from interval-censored data.
struct TurnbullFit
{
    Convergence convergence;
    std::vector<TurnbullInterval> intervals; ///< the innermost intervals, in time order
    double logLikelihood = 0.0;
    /// Largest Kuhn–Tucker violation max_j (d_j/n − 1), d_j = Σ_i α_ij / P_i: ≤ 0 (up to the
    /// tolerance) at the NPMLE (Gentleman & Geyer 1994, Theorem 1); n times it bounds the
    /// log-likelihood shortfall from the NPMLE. The caller can check it.
    double kktViolation = 0.0;
};

/// \brief Options of the NPMLE iteration.
struct TurnbullOptions
{
    int maxIterations = 500; ///< constrained-Newton iterations
    /// Stop when the certified bound (max_j d_j − n)/n on the per-observation log-likelihood
    /// shortfall from the NPMLE is below this.
    double tolerance = 1e-9;
};

/// \brief Turnbull's nonparametric MLE for interval-censored data.
///
/// Method: Turnbull (1976), JRSS B 38, 290–295: innermost intervals from the sorted endpoints
/// (an observed interval is (L, R], open on the left, and an exact time is [t, t], as R
/// `Surv(type = "interval2")` in survival 3.x treats them); the likelihood is maximised over
/// the masses by EM warm start + the constrained Newton method (Wang 2008, CSDA 52, 2388–2402;
/// see npmlesolver.h), which reaches the NPMLE where plain EM (Turnbull's self-consistency)
/// crawls. Convergence is certified by the Kuhn–Tucker gap and reported, never assumed.
/// Reference test: R `survival::survfit(Surv(left, right, type = "interval2") ~ 1)`.
/// Observations as in LifeObservation (lower ≤ 0 left-censored, upper = ∞ right-censored).
TurnbullFit turnbull(const std::vector<LifeObservation> &data, const TurnbullOptions &options = {});

/// \brief Ŝ(t) = P(T > t), counting an interval's mass as soon as t is past its (open) left end
/// (R survfit's display convention); inside an interval with mass the NPMLE itself is not unique.
double turnbullSurvival(const TurnbullFit &fit, double t);

/// \brief Σ_i log Σ_{j: interval j ⊆ observation i} mass_j: the log-likelihood of any discrete
/// distribution on Turnbull intervals (O(n·m); for validation and comparing solutions).
double turnbullLogLikelihood(const std::vector<LifeObservation> &data,
                             const std::vector<TurnbullInterval> &intervals);

} // namespace metroeval::stats
