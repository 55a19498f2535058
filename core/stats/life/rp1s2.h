// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/rp1s2_test.cpp).
#pragma once

#include "stats/life/convergence.h"

#include <cstdint>
#include <string>
#include <vector>

namespace metroeval::stats {

/// \brief One bin of pass/fail data: calibrations at resubmission time ≈ t.
struct ReliabilityBin
{
    double time = 0.0;
    std::int64_t total = 0;
    std::int64_t inTolerance = 0;
};

/// \brief Reliability models of NCSLI RP-1 (2010) Appendix D, R(t; θ).
enum class ReliabilityModel {
    Exponential,        ///< e^{−θ₁t}
    Weibull,            ///< e^{−(θ₁t)^θ₂}
    MixedExponential,   ///< (1 + θ₁t)^{−θ₂}
    RandomWalk,         ///< 2Φ(1/√(θ₁ + θ₂t)) − 1
    RestrictedRandomWalk, ///< 2Φ(1/√(θ₁ + θ₂(1 − e^{−θ₃t}))) − 1
    ModifiedGamma,      ///< e^{−θ₁t} Σ_{k=0}^{3} (θ₁t)^k/k!
    MortalityDrift,     ///< e^{−(θ₁t + θ₂t²)}
    Warranty,           ///< 1/(1 + e^{θ₁(t − θ₂)})
    Drift,              ///< Φ(θ₁ + θ₃t) + Φ(θ₂ − θ₃t) − 1
    Lognormal           ///< 1 − Φ(ln(θ₁t)/θ₂)
};

/// \brief All ten models, in the order above.
std::vector<ReliabilityModel> allReliabilityModels();
std::string reliabilityModelName(ReliabilityModel model);

/// \brief Number of parameters m of a model (1, 2 or 3).
int reliabilityModelParameterCount(ReliabilityModel model);

/// \brief Model value R(t; θ) (θ in the natural parametrisation listed above; all θ > 0).
double reliabilityModelValue(ReliabilityModel model, const std::vector<double> &theta, double t);

/// \brief Fit of one model to binned pass/fail data.
struct S2ModelFit
{
    ReliabilityModel model = ReliabilityModel::Exponential;
    Convergence convergence;
    std::vector<double> theta;
    double logLikelihood = 0.0;  ///< binomial, without the constant Σ log C(n, x)
    double aic = 0.0;
    double lackOfFitF = 0.0;     ///< s_L²/s_E² (RP-1 D-19, D-23)
    int dfLackOfFit = 0;         ///< k − m
    int dfPureError = 0;         ///< N − k
    double rejectionConfidence = 0.0; ///< F-distribution CDF at F: confidence that the model is wrong
    bool accepted = false;       ///< rejectionConfidence < the caller's rejection level
    double interval = 0.0;       ///< first t with R(t) = R* (+∞ if not reached within the horizon)
    double intervalLower = 0.0;  ///< t where R − z·σ_R = R* (σ_R from RP-1 D-29)
    double intervalUpper = 0.0;  ///< t where R + z·σ_R = R*
};

/// \brief Result of method S2: every model, and the selected one.
struct S2Result
{
    FitStatus status = FitStatus::InvalidInput;
    std::vector<S2ModelFit> models;
    int selected = -1; ///< index into models of the accepted model with the lowest AIC; −1 if none
};

/// \brief Options of method S2.
struct S2Options
{
    double target = 0.90;          ///< R*
    double level = 0.95;           ///< two-sided level of the interval's confidence limits
    double rejectionLevel = 0.95;  ///< a model is rejected when its F-test confidence exceeds this
    int maxIterations = 200;
};

/// \brief NCSLI RP-1 method S2 on binned data.
///
/// Method: binomial maximum likelihood of each reliability model (RP-1 App. D, eq. D-5), by
/// damped Newton on log-parameters with finite-difference derivatives and multi-start
/// initialisation; lack-of-fit F = s_L²/s_E² with s_E² = Σnᵢrᵢ(1 − rᵢ)/(N − k) (D-19) and
/// s_L² = Σnᵢ(rᵢ − R(tᵢ))²/(k − m) (D-23); the interval solves R(t) = R*, with limits from
/// var R(τ) = dᵀ(DᵀWD)⁻¹d, Wᵢ = nᵢ/(R(1 − R)) (D-29). Model selection here is by lowest AIC
/// among accepted models (RP-1's own figure of merit also weighs agreement between models; not
/// implemented). Needs k ≥ 2 bins; a model with m ≥ k parameters is fitted but not F-tested.
S2Result rp1BinomialMethod(const std::vector<ReliabilityBin> &bins, const S2Options &options = {},
                           const std::vector<ReliabilityModel> &models = allReliabilityModels());

} // namespace metroeval::stats
