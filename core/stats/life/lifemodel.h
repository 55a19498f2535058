// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/lifemodel_test.cpp).
#pragma once

#include "stats/life/convergence.h"

#include <Eigen/Dense>

#include <limits>
#include <vector>

namespace metroeval::stats {

/// \brief Log-location-scale life distributions: log T = μ + σ·W (R `survreg` parametrisation).
enum class LifeDistribution {
    Weibull,     ///< W standard smallest-extreme-value; shape β = 1/σ, characteristic life η = e^μ
    Lognormal,   ///< W standard normal
    Exponential  ///< Weibull with σ fixed at 1; mean life e^μ
};

/// \brief One life observation as the interval [lower, upper] that holds the failure time.
///
/// exact: lower == upper > 0; right-censored: upper = +∞; left-censored: lower ≤ 0;
/// interval-censored (out of tolerance between the last pass and the first fail): 0 < lower < upper.
/// Intervals are closed, as in R `Surv(type = "interval2")`.
struct LifeObservation
{
    double lower = 0.0;
    double upper = 0.0;

    static LifeObservation exact(double t) { return {t, t}; }
    static LifeObservation rightCensored(double t)
    {
        return {t, std::numeric_limits<double>::infinity()};
    }
    static LifeObservation leftCensored(double t) { return {0.0, t}; }
    static LifeObservation interval(double a, double b) { return {a, b}; }
};

/// \brief Options of the Newton–Raphson maximisation.
struct LifeFitOptions
{
    int maxIterations = 100;
    double tolerance = 1e-9; ///< on max |Newton step| in (μ, log σ)
};

/// \brief Maximum-likelihood fit of a life distribution.
struct LifeFit
{
    Convergence convergence;
    LifeDistribution distribution = LifeDistribution::Weibull;
    double location = 0.0;  ///< μ
    double logScale = 0.0;  ///< log σ (0 for Exponential)
    double scale = 1.0;     ///< σ
    Eigen::Matrix2d covariance = Eigen::Matrix2d::Zero(); ///< inverse observed information in (μ, log σ)
    double logLikelihood = 0.0; ///< on the time scale (includes −Σ log tᵢ of exact times), as survreg
    double aic = 0.0;           ///< −2ℓ + 2k
    int parameters = 2;         ///< k: 1 for Exponential
    int observations = 0;
    int failures = 0; ///< observations that are not right-censored
};

/// \brief ML fit for exact, right-, left- and interval-censored observations.
///
/// Method: Newton–Raphson on (μ, log σ) with analytic gradient and Hessian of the censored
/// log-likelihood (Meeker & Escobar, *Statistical Methods for Reliability Data*, 1998, §8.2 and
/// App. B), step halving, and a Levenberg shift when the Hessian is not negative definite.
/// Fisher-information covariance = inverse observed information at the optimum (ibid. §8.4).
/// Reference test: R `survival::survreg(Surv(...) ~ 1, dist = ...)` on aml, lung and an
/// interval-censored gauge set (tests/data/stats/life/survreg.csv).
/// NoEvents when every observation is right-censored (the MLE does not exist); RankDeficient for
/// a two-parameter model whose failures are all exact at one time (σ̂ → 0, e.g. one instrument).
LifeFit fitLifeDistribution(const std::vector<LifeObservation> &data, LifeDistribution distribution,
                            const LifeFitOptions &options = {});

/// \brief Estimate with a two-sided Wald interval.
struct ParameterInterval
{
    double estimate = 0.0;
    double standardError = 0.0; ///< on the scale the interval is built (see each function)
    double lower = 0.0;
    double upper = 0.0;
};

/// \brief Time by which a fraction p has failed (B10: p = 0.1, B50 median: p = 0.5).
///
/// Method: t_p = exp(μ + σ·w_p), w_p the standard quantile; Wald interval on log t_p with the
/// delta-method variance [1, σw_p] V [1, σw_p]ᵀ (Meeker & Escobar 1998, §8.4.3).
/// `standardError` is on the time scale (t_p·se(log t_p)), as R predict(type = "quantile").
ParameterInterval lifeQuantile(const LifeFit &fit, double p, double level = 0.95);

/// \brief Weibull shape β = 1/σ with its interval from the Wald interval of log σ.
ParameterInterval weibullShape(const LifeFit &fit, double level = 0.95);

/// \brief Scale e^μ (Weibull η, lognormal median, exponential mean) with a log-scale interval.
ParameterInterval characteristicLife(const LifeFit &fit, double level = 0.95);

/// \brief Model reliability R(t) = P(T > t).
double lifeReliability(const LifeFit &fit, double t);

/// \brief One point of a probability plot.
struct ProbabilityPlotPoint
{
    double time = 0.0;
    double adjustedRank = 0.0; ///< Johnson's adjusted order number
    double medianRank = 0.0;   ///< Benard: (rank − 0.3)/(n + 0.4)
    double x = 0.0;            ///< log t
    double y = 0.0;            ///< log(−log(1 − F)) (Weibull, Exponential) or Φ⁻¹(F) (Lognormal)
};

/// \brief Median-rank plotting positions for failures among right-censored units.
///
/// Method: Johnson's adjusted ranks for suspensions and Benard's approximation of the median
/// rank (Abernethy, *The New Weibull Handbook*, 5th ed., §§2.4, 2.9). One point per failure.
std::vector<ProbabilityPlotPoint> medianRankPlot(const std::vector<double> &time,
                                                 const std::vector<int> &event,
                                                 LifeDistribution distribution);

} // namespace metroeval::stats
