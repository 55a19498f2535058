// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/composite_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <Eigen/Core>

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace metroeval::stats {

/// \brief Whether a larger value of a criterion is better (benefit) or worse (cost).
enum class CriterionDirection { Benefit, Cost };

/// \brief Weights or scores with a status; `values` is all NaN unless status is Ok.
struct CompositeResult
{
    RateStatus status = RateStatus::Ok;
    Eigen::VectorXd values;
};

/// \brief Min–max normalisation per column: benefit (x − min)/(max − min),
/// cost (max − x)/(max − min).
///
/// A constant column has no spread: it is returned as NaN (undefined, not 0). Rows are
/// alternatives, columns criteria; directions has one entry per column (empty = all benefit).
Eigen::MatrixXd normalizeMinMax(const Eigen::Ref<const Eigen::MatrixXd> &data,
                                std::span<const CriterionDirection> directions = {});

/// \brief Entropy weights of the criteria.
///
/// Method: Shannon entropy weight method as used in Chinese evaluation specifications (e.g.
/// Zou, Yun & Sun, J. Environ. Sci. 18 (2006) 1020–1023): min–max normalise,
/// p_ij = x′_ij/Σ_i x′_ij, e_j = −(1/ln m)Σ_i p_ij ln p_ij (0·ln 0 = 0), w_j = (1 − e_j)/Σ(1 − e_k). A constant column
/// carries no information: e_j = 1, weight exactly 0. Status: EmptyInput for no rows/columns;
/// InvalidInput for m < 2 or a directions size mismatch; NaNInput for NaN/inf; Degenerate when
/// every column is constant.
CompositeResult entropyWeights(const Eigen::Ref<const Eigen::MatrixXd> &data,
                               std::span<const CriterionDirection> directions = {});

/// \brief CRITIC weights (contrast intensity × conflict).
///
/// Method: Diakoulaki, Mavrotas & Papayannakis, Computers Ops Res. 22 (1995) 763–770: min–max
/// normalise, σ_j = sample standard deviation (m − 1) of column j, r_jk Pearson correlation,
/// C_j = σ_j Σ_k (1 − r_jk), w_j = C_j/ΣC. A constant column gets C_j = 0 (σ_j = 0) and is left out
/// of the other columns' correlation sums. Status as entropyWeights.
CompositeResult criticWeights(const Eigen::Ref<const Eigen::MatrixXd> &data,
                              std::span<const CriterionDirection> directions = {});

/// \brief AHP priority vector and consistency of a pairwise comparison matrix.
struct AhpResult
{
    RateStatus status = RateStatus::Ok;
    Eigen::VectorXd weights;       ///< normalised principal eigenvector; NaN unless Ok
    double lambdaMax = 0.0;
    double consistencyIndex = 0.0; ///< CI = (λmax − n)/(n − 1); 0 for n ≤ 2
    double consistencyRatio = 0.0; ///< CR = CI/RI; 0 for n ≤ 2; NaN for n > 10 (no RI)
    bool acceptable = false;       ///< CR < 0.10
};

/// \brief Saaty's eigenvector method with consistency ratio.
///
/// Method: Saaty, The Analytic Hierarchy Process (McGraw-Hill 1980): weights = principal right
/// eigenvector (power iteration to 1e-14), CI = (λmax − n)/(n − 1), random index RI = 0, 0, 0.58,
/// 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 for n = 1..10. Status: EmptyInput for 0×0;
/// InvalidInput for a non-square matrix, a non-positive entry or a matrix that is not reciprocal
/// (|a_ij·a_ji − 1| > 1e-6); NaNInput for NaN/inf.
AhpResult ahpWeights(const Eigen::Ref<const Eigen::MatrixXd> &pairwise);

/// \brief TOPSIS relative closeness C_i ∈ [0, 1] of each alternative to the ideal solution.
///
/// Method: Hwang & Yoon, Multiple Attribute Decision Making (Springer 1981): vector normalisation
/// r_ij = x_ij/√Σ_i x_ij², v_ij = w_j r_ij, ideal A⁺ = best per column (max benefit / min cost),
/// anti-ideal A⁻ the worst, Euclidean distances D⁺, D⁻, C_i = D⁻/(D⁺ + D⁻). Weights are rescaled
/// to sum 1. A column of zeros contributes nothing. Status: EmptyInput for no rows/columns;
/// InvalidInput for negative weights, a weight sum of 0 or size mismatches; NaNInput for NaN;
/// Degenerate when all alternatives are identical (D⁺ + D⁻ = 0).
CompositeResult topsisCloseness(const Eigen::Ref<const Eigen::MatrixXd> &data,
                                std::span<const double> weights,
                                std::span<const CriterionDirection> directions = {});

/// \brief Weighted sum Σ_j w_j x_ij of already comparable (e.g. normalised) indicator values.
///
/// Method: simple additive weighting (Hwang & Yoon 1981, §3.3.1); weights rescaled to sum 1.
/// A NaN indicator makes that alternative's score NaN (never treated as 0). Status: EmptyInput,
/// InvalidInput (negative weights, zero sum, size mismatch).
CompositeResult weightedSum(const Eigen::Ref<const Eigen::MatrixXd> &data,
                            std::span<const double> weights);

/// \brief Grade index for a score given descending lower thresholds: 0 if score ≥ t[0], 1 if
/// ≥ t[1], …, t.size() otherwise (e.g. {90, 80, 70} → 优 0, 良 1, 中 2, 差 3).
///
/// nullopt for a NaN score or thresholds that are not strictly descending.
std::optional<std::size_t> gradeFromThresholds(double score, std::span<const double> thresholds);

} // namespace metroeval::stats
