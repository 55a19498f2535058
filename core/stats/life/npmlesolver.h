// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/turnbull_test.cpp).
#pragma once

#include "stats/life/convergence.h"

#include <cstddef>
#include <vector>

namespace metroeval::stats::detail {

/// \brief Observation i covers innermost intervals [a, b) and occurs w times.
struct IntervalRun
{
    std::size_t a = 0;
    std::size_t b = 0;
    double w = 0.0;
};

struct NpmleSolution
{
    std::vector<double> mass;
    Convergence convergence;
    double logLikelihood = 0.0;
    double gapPerObservation = 0.0; ///< (max_j d_j − n)/n at the solution
};

/// \brief NPMLE of masses on m innermost intervals: maximise Σ w_i log Σ_{j∈[a_i,b_i)} p_j on the
/// simplex.
///
/// Method: a few EM (self-consistency) steps as warm start, then the constrained Newton method
/// (CNM) of Wang (2007, JRSS B 69, 185–198; 2008, CSDA 52, 2388–2402): add the local maxima of
/// the gradient to the support, minimise the quadratic approximation
/// ½qᵀQq − 2dᵀq over q ≥ 0 (sum constraint by a penalty row) with Lawson–Hanson active sets,
/// back-track on the likelihood, drop zero masses. Q_jk = Σ_i w_i/P_i²·[a_i ≤ j,k < b_i] is
/// built in O(n + k²) by 2-D prefix sums. Stops when the certified gap bound
/// (max_j d_j − n)/n < gapTolerance (Böhning 1986: ℓ(p̂) − ℓ(p) ≤ max_j d_j − n).
NpmleSolution solveIntervalNpmle(const std::vector<IntervalRun> &runs, std::size_t m,
                                 int maxIterations, double gapTolerance);

} // namespace metroeval::stats::detail
