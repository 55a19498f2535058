// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace metroeval::stats {

/// \brief Outcome of an iterative or numerically delicate computation, always returned to the
/// caller: a result is never assumed converged.
enum class FitStatus {
    Converged,      ///< the stopping criterion was met
    MaxIterations,  ///< the iteration limit was reached before the criterion; estimates are the last iterate
    NotFinite,      ///< a non-finite log-likelihood, gradient or step appeared
    Stalled,        ///< no ascent step exists at working precision, criterion not yet met
    RankDeficient,  ///< the design or information matrix is singular at working precision
    InvalidInput,   ///< empty data, mismatched sizes, negative times, level outside (0,1)...
    NoEvents        ///< no failure or event: the quantity is not estimable (estimates are NaN)
};

/// \brief Iteration report attached to every iterative estimate.
struct Convergence
{
    FitStatus status = FitStatus::InvalidInput;
    int iterations = 0;
    double criterion = 0.0; ///< last value of the stopping quantity (step norm, max change...)
};

/// \brief True when the status is FitStatus::Converged.
inline bool converged(const Convergence &c) { return c.status == FitStatus::Converged; }

} // namespace metroeval::stats
