// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/regression_test.cpp).
#include "stats/life/regression.h"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using MatrixL = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;
using VectorL = Eigen::Matrix<long double, Eigen::Dynamic, 1>;
} // namespace

double twoSidedStudentQuantile(double level, double degreesOfFreedom)
{
    if (!(degreesOfFreedom > 0.0) || !(level > 0.0 && level < 1.0))
        return kNaN;
    const boost::math::students_t_distribution<double> t(degreesOfFreedom);
    return boost::math::quantile(boost::math::complement(t, (1.0 - level) / 2.0));
}

Eigen::MatrixXd polynomialDesign(const Eigen::Ref<const Eigen::VectorXd> &x, int degree)
{
    Eigen::MatrixXd design(x.size(), degree + 1);
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        double power = 1.0;
        for (int j = 0; j <= degree; ++j) {
            design(i, j) = power;
            power *= x(i);
        }
    }
    return design;
}

LinearFit fitLinearLeastSquares(const Eigen::Ref<const Eigen::MatrixXd> &design,
                                const Eigen::Ref<const Eigen::VectorXd> &response,
                                const Eigen::Ref<const Eigen::VectorXd> &weights, bool intercept)
{
    LinearFit fit;
    const Eigen::Index n = design.rows();
    const Eigen::Index p = design.cols();
    fit.observations = static_cast<int>(n);
    fit.parameters = static_cast<int>(p);
    fit.hasIntercept = intercept;
    const bool weighted = weights.size() > 0;
    if (n == 0 || p == 0 || response.size() != n || (weighted && weights.size() != n)
        || n < p || !design.allFinite() || !response.allFinite()
        || (weighted && !(weights.array() > 0.0).all()))
        return fit;

    // Work in long double: √W·X with unit-norm columns, then pivoted QR.
    VectorL sqrtW = VectorL::Ones(n);
    if (weighted)
        sqrtW = weights.cast<long double>().array().sqrt();
    MatrixL a = sqrtW.asDiagonal() * design.cast<long double>();
    const VectorL b = sqrtW.asDiagonal() * response.cast<long double>();
    VectorL scale(p);
    for (Eigen::Index j = 0; j < p; ++j) {
        scale(j) = a.col(j).norm();
        if (scale(j) == 0.0L)
            scale(j) = 1.0L;
        a.col(j) /= scale(j);
    }
    Eigen::ColPivHouseholderQR<MatrixL> qr(a);
    fit.rank = static_cast<int>(qr.rank());
    if (qr.rank() < p) {
        fit.status = FitStatus::RankDeficient;
        return fit;
    }
    VectorL beta = qr.solve(b);
    // One step of iterative refinement: residual in long double, correction from the same QR.
    const VectorL r0 = b - a * beta;
    beta += qr.solve(r0);
    const VectorL residual = b - a * beta;

    // (AᵀA)⁻¹ = P R⁻¹ R⁻ᵀ Pᵀ for the scaled design; unscale with D⁻¹ on both sides.
    const MatrixL rTop = qr.matrixQR().topLeftCorner(p, p).template triangularView<Eigen::Upper>();
    const MatrixL rInv = rTop.template triangularView<Eigen::Upper>().solve(MatrixL::Identity(p, p));
    MatrixL covScaled = rInv * rInv.transpose();
    MatrixL cov = qr.colsPermutation() * covScaled * qr.colsPermutation().transpose();
    for (Eigen::Index i = 0; i < p; ++i)
        for (Eigen::Index j = 0; j < p; ++j)
            cov(i, j) /= scale(i) * scale(j);
    const VectorL coefficients = beta.cwiseQuotient(scale);

    const long double rss = residual.squaredNorm();
    long double tss = 0.0L;
    if (intercept) {
        long double sw = 0.0L, swy = 0.0L;
        for (Eigen::Index i = 0; i < n; ++i) {
            const long double w = sqrtW(i) * sqrtW(i);
            sw += w;
            swy += w * static_cast<long double>(response(i));
        }
        const long double mean = swy / sw;
        for (Eigen::Index i = 0; i < n; ++i) {
            const long double d = static_cast<long double>(response(i)) - mean;
            tss += sqrtW(i) * sqrtW(i) * d * d;
        }
    } else {
        tss = b.squaredNorm();
    }

    fit.coefficients = coefficients.cast<double>();
    fit.unscaledCovariance = cov.cast<double>();
    fit.degreesOfFreedom = static_cast<int>(n - p);
    fit.residualSumOfSquares = static_cast<double>(rss);
    fit.rSquared = tss > 0.0L ? static_cast<double>(1.0L - rss / tss) : kNaN;
    if (fit.degreesOfFreedom > 0) {
        const long double s2 = rss / static_cast<long double>(fit.degreesOfFreedom);
        fit.residualSd = static_cast<double>(std::sqrt(s2));
        fit.covariance = (cov * s2).cast<double>();
        fit.standardErrors = fit.covariance.diagonal().cwiseSqrt();
    } else {
        fit.residualSd = kNaN;
        fit.covariance = Eigen::MatrixXd::Constant(p, p, kNaN);
        fit.standardErrors = Eigen::VectorXd::Constant(p, kNaN);
    }
    fit.status = FitStatus::Converged;
    return fit;
}

LinearFit fitPolynomial(const Eigen::Ref<const Eigen::VectorXd> &x,
                        const Eigen::Ref<const Eigen::VectorXd> &y, int degree,
                        const Eigen::Ref<const Eigen::VectorXd> &weights)
{
    if (degree < 0) {
        LinearFit fit;
        return fit;
    }
    return fitLinearLeastSquares(polynomialDesign(x, degree), y, weights, true);
}

RegressionPrediction predictLinear(const LinearFit &fit, const Eigen::Ref<const Eigen::VectorXd> &row,
                                   double level, double newWeight)
{
    RegressionPrediction out{kNaN, kNaN, kNaN, kNaN};
    if (fit.status != FitStatus::Converged || row.size() != fit.coefficients.size())
        return out;
    out.fitted = row.dot(fit.coefficients);
    if (fit.degreesOfFreedom <= 0 || !(newWeight > 0.0))
        return out;
    const double leverage = row.dot(fit.unscaledCovariance * row);
    const double s = fit.residualSd;
    const double t = twoSidedStudentQuantile(level, fit.degreesOfFreedom);
    out.standardErrorOfMean = s * std::sqrt(leverage);
    out.confidenceHalfWidth = t * out.standardErrorOfMean;
    out.predictionHalfWidth = t * s * std::sqrt(1.0 / newWeight + leverage);
    return out;
}

} // namespace metroeval::stats
