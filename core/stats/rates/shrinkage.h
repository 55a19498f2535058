// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/shrinkage_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <cstdint>
#include <span>
#include <vector>

namespace metroeval::stats {

/// \brief How the beta prior of the empirical-Bayes model is estimated.
enum class BetaBinomialMethod {
    MethodOfMoments, ///< weighted moments (Kleinman 1973)
    MarginalMle,     ///< maximum of the beta-binomial marginal likelihood
};

/// \brief Fitted Beta(α, β) prior for group rates, mean μ = α/(α + β), precision M = α + β.
struct BetaBinomialPrior
{
    RateStatus status = RateStatus::Ok;
    double alpha = 0.0; ///< NaN unless Ok
    double beta = 0.0;
    double mean = 0.0;       ///< μ
    double precision = 0.0;  ///< M = α + β
    double intraclassCorrelation = 0.0; ///< ρ = 1/(M + 1)
    double pooledRate = 0.0; ///< Σx/Σn, set whenever some group has trials
};

/// \brief Fits the beta-binomial prior to per-group successes x_i of n_i trials.
///
/// MethodOfMoments: μ̂ = Σx/Σn; with S = Σ n_i(p_i − μ̂)²,
/// E[S] = μ(1 − μ)Σ(1 − n_i/N)[1 + (n_i − 1)ρ] is solved for ρ (the weighted moment estimator of Kleinman, "Proportions with extraneous
/// variance: single and independent samples", JASA 68 (1973) 46–54), M = 1/ρ − 1.
/// MarginalMle: maximises Σ log B(x_i + α, n_i − x_i + β) − log B(α, β) over μ ∈ (0, 1) and
/// log M ∈ [log 1e-3, log 1e7] (nested Brent searches; Griffiths, Biometrics 29 (1973) 637–648).
/// Groups with n_i = 0 are ignored. Status: EmptyInput when no trials; InvalidInput for bad
/// counts, mismatched lengths or fewer than 2 groups with trials; Degenerate when all pass or all
/// fail (μ̂ at the boundary) or when the data show no between-group variance (ρ̂ ≤ 0, or the MLE
/// of M at its upper bound): complete pooling, the caller should use pooledRate.
BetaBinomialPrior fitBetaBinomial(std::span<const std::int64_t> successes,
                                  std::span<const std::int64_t> trials,
                                  BetaBinomialMethod method = BetaBinomialMethod::MarginalMle);

/// \brief Posterior (shrunken) group rates and equal-tailed intervals under a fitted prior.
struct ShrunkRates
{
    RateStatus status = RateStatus::Ok;
    BetaBinomialPrior prior;
    std::vector<double> rate;  ///< (x_i + α)/(n_i + α + β); NaN unless Ok
    std::vector<double> lower; ///< Beta(α + x_i, β + n_i − x_i) (1 − level)/2 quantile
    std::vector<double> upper;
    double level = 0.95;
};

/// \brief Empirical-Bayes shrinkage of group rates towards the fitted prior mean.
///
/// Method: beta-binomial empirical Bayes (Efron & Morris 1975; Carlin & Louis, Bayesian Methods
/// for Data Analysis, 3rd ed. 2009, §5.3). The intervals are the naive EB ones: they ignore the
/// uncertainty of (α, β) and so are somewhat too narrow when few groups are available. A group
/// with n_i = 0 gets the prior mean and prior quantiles. Status as fitBetaBinomial, plus
/// InvalidInput for level ∉ (0, 1).
ShrunkRates shrinkRates(std::span<const std::int64_t> successes,
                        std::span<const std::int64_t> trials,
                        BetaBinomialMethod method = BetaBinomialMethod::MarginalMle,
                        double level = 0.95);

} // namespace metroeval::stats
