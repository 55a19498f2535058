// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/regression_test.cpp).
#pragma once

#include "stats/life/convergence.h"

#include <Eigen/Dense>

namespace metroeval::stats {

/// \brief Result of a linear least-squares fit y = Xβ + e (OLS, or WLS with weights w_i ∝ 1/σ_i²).
///
/// `covariance` is s²(XᵀWX)⁻¹ with s² = RSS/(n − p); `standardErrors` its root diagonal.
/// `rSquared` is 1 − RSS/TSS with TSS centred on the weighted mean when the model has an
/// intercept column and uncentred otherwise (the NIST StRD convention). Undefined figures are NaN:
/// s, the standard errors and the intervals need n > p.
struct LinearFit
{
    FitStatus status = FitStatus::InvalidInput;
    Eigen::VectorXd coefficients;
    Eigen::VectorXd standardErrors;
    Eigen::MatrixXd covariance;
    Eigen::MatrixXd unscaledCovariance; ///< (XᵀWX)⁻¹
    double residualSumOfSquares = 0.0;  ///< weighted: Σ w_i e_i²
    double residualSd = 0.0;            ///< s
    double rSquared = 0.0;
    int observations = 0;
    int parameters = 0;
    int degreesOfFreedom = 0; ///< n − p
    int rank = 0;
    bool hasIntercept = false;
};

/// \brief Linear least squares by column-pivoting Householder QR in extended precision.
///
/// Method: columns of √W·X are scaled to unit norm, factorised with Householder QR with column
/// pivoting (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.4.2) in `long double`
/// (x87 80-bit on x86-64, 64-bit mantissa), followed by one step of iterative refinement of the
/// solution (ibid. §3.5.3). This is what Filip and Wampler4/5 (NIST StRD "higher difficulty")
/// need; normal equations in double lose all digits on Filip.
/// Reference test: NIST StRD linear regression certified values (Norris, Pontius, Longley, Filip,
/// Wampler1–5). Pass `weights` empty for OLS; otherwise weights must be > 0.
/// `intercept` says whether one column of X is the constant (used for R² only).
LinearFit fitLinearLeastSquares(const Eigen::Ref<const Eigen::MatrixXd> &design,
                                const Eigen::Ref<const Eigen::VectorXd> &response,
                                const Eigen::Ref<const Eigen::VectorXd> &weights,
                                bool intercept);

/// \brief Vandermonde design [1, x, x², …, x^degree].
Eigen::MatrixXd polynomialDesign(const Eigen::Ref<const Eigen::VectorXd> &x, int degree);

/// \brief Polynomial fit y = β₀ + β₁x + … + β_d x^d (OLS when `weights` is empty, else WLS).
LinearFit fitPolynomial(const Eigen::Ref<const Eigen::VectorXd> &x,
                        const Eigen::Ref<const Eigen::VectorXd> &y, int degree,
                        const Eigen::Ref<const Eigen::VectorXd> &weights = Eigen::VectorXd());

/// \brief Fitted mean at a design row with Student-t confidence and prediction half-widths.
///
/// Method: ŷ = x₀ᵀβ̂, confidence half-width t·s·√(x₀ᵀ(XᵀWX)⁻¹x₀), prediction half-width
/// t·s·√(1/w₀ + x₀ᵀ(XᵀWX)⁻¹x₀), t the two-sided Student quantile on n − p degrees of freedom
/// (Draper & Smith, *Applied Regression Analysis*, 3rd ed., §§3.2, 3.3). NaN when n ≤ p.
struct RegressionPrediction
{
    double fitted = 0.0;
    double standardErrorOfMean = 0.0;  ///< s·√(x₀ᵀ(XᵀWX)⁻¹x₀)
    double confidenceHalfWidth = 0.0;
    double predictionHalfWidth = 0.0;
};

/// \brief See RegressionPrediction; `newWeight` is the weight w₀ of the future observation.
RegressionPrediction predictLinear(const LinearFit &fit,
                                   const Eigen::Ref<const Eigen::VectorXd> &row, double level,
                                   double newWeight = 1.0);

/// \brief Two-sided Student-t quantile t such that P(|T_ν| ≤ t) = level; NaN if ν ≤ 0.
double twoSidedStudentQuantile(double level, double degreesOfFreedom);

} // namespace metroeval::stats
