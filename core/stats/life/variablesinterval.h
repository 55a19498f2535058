// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/intervals_test.cpp).
#pragma once

#include "stats/life/regression.h"

#include <limits>
#include <vector>

namespace metroeval::stats {

/// \brief Drift model of the variables-data interval method.
///
/// Deviations δ_i from the as-left value after t_i are fitted without intercept by
/// δ(t) = b₁t + … + b_m t^m (NASA-HDBK-8739.19-5 §7, after Castrup, "Calibration Intervals from
/// Variables Data", NCSLI 2005). Prediction uncertainty u_p(t)² = s² + t'ᵀ V t' with V = s²(TᵀT)⁻¹.
struct VariablesDriftModel
{
    LinearFit fit;       ///< coefficients b₁..b_m (no intercept)
    int order = 1;
    double asLeftValue = 0.0;     ///< y0
    double testUncertainty = 0.0; ///< u0, time-of-test standard uncertainty
    double longestTime = 0.0;     ///< largest observed t (sets the default search horizon)
};

/// \brief Fit the drift polynomial of order m ≥ 1 (needs n > m points, t > 0).
VariablesDriftModel fitVariablesDrift(const std::vector<double> &t, const std::vector<double> &deviation,
                                      int order, double asLeftValue, double testUncertainty);

/// \brief Predicted value y0 + δ̂(t) and its combined standard uncertainty √(u0² + u_p(t)²).
double variablesPredicted(const VariablesDriftModel &model, double t);
double variablesUncertainty(const VariablesDriftModel &model, double t);

/// \brief Interval for a reliability target: the first t > 0 at which
/// y0 + δ̂(t) ± k·√(u0² + u_p²) reaches a tolerance limit; k is the two-sided Student-t factor at
/// `confidence` on n − m degrees of freedom when both limits are given, one-sided when one is
/// (pass ±∞ for a missing limit). 0 if already outside at t = 0; +∞ if never reached within
/// `horizon` (default 100 × the longest observed t). NaN when the fit failed.
double variablesReliabilityInterval(const VariablesDriftModel &model, double lowerLimit,
                                    double upperLimit, double confidence, double horizon = 0.0);

/// \brief Interval for an uncertainty target: the first t > 0 with √(u0² + u_p(t)²) = target.
double variablesUncertaintyInterval(const VariablesDriftModel &model, double uncertaintyTarget,
                                    double horizon = 0.0);

} // namespace metroeval::stats
