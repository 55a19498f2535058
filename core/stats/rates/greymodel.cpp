// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/greymodel_test.cpp).
#include "stats/rates/greymodel.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

GreyModel failedModel(RateStatus status)
{
    GreyModel m;
    m.status = status;
    m.a = m.b = m.first = kNaN;
    m.ratioLower = m.ratioUpper = kNaN;
    m.posteriorVarianceRatio = m.smallErrorProbability = m.meanRelativeError = kNaN;
    return m;
}

// x̂¹(k+1) for k = 0, 1, ... (k = 0 gives x⁰(1)).
double responseAgo(const GreyModel &m, double k)
{
    return (m.first - m.b / m.a) * std::exp(-m.a * k) + m.b / m.a;
}

double populationSd(const Eigen::VectorXd &v)
{
    const double mean = v.mean();
    return std::sqrt((v.array() - mean).square().mean());
}
} // namespace

GreyGrade greyGrade(double c, double p)
{
    if (p > 0.95 && c < 0.35)
        return GreyGrade::Good;
    if (p > 0.80 && c < 0.50)
        return GreyGrade::Qualified;
    if (p > 0.70 && c < 0.65)
        return GreyGrade::BarelyQualified;
    return GreyGrade::Unqualified;
}

GreyModel fitGm11(std::span<const double> x0)
{
    const auto n = static_cast<Eigen::Index>(x0.size());
    if (n == 0)
        return failedModel(RateStatus::EmptyInput);
    if (std::any_of(x0.begin(), x0.end(), [](double v) { return !std::isfinite(v); }))
        return failedModel(RateStatus::NaNInput);
    if (n < 4 || std::any_of(x0.begin(), x0.end(), [](double v) { return v <= 0.0; }))
        return failedModel(RateStatus::InvalidInput);

    GreyModel m = failedModel(RateStatus::Ok);
    const double nd = static_cast<double>(n);
    m.ratioLower = std::exp(-2.0 / (nd + 1.0));
    m.ratioUpper = std::exp(2.0 / (nd + 2.0));
    bool admissible = true;
    for (Eigen::Index k = 1; k < n; ++k) {
        const double ratio = x0[static_cast<std::size_t>(k - 1)] / x0[static_cast<std::size_t>(k)];
        m.classRatio.push_back(ratio);
        admissible = admissible && ratio > m.ratioLower && ratio < m.ratioUpper;
    }
    if (!admissible) {
        m.status = RateStatus::NotApplicable;
        return m;
    }

    // Least squares on x⁰(k) = −a·z¹(k) + b, k = 2..n.
    Eigen::MatrixXd design(n - 1, 2);
    Eigen::VectorXd target(n - 1);
    double ago = x0[0];
    for (Eigen::Index k = 1; k < n; ++k) {
        const double next = ago + x0[static_cast<std::size_t>(k)];
        design(k - 1, 0) = -0.5 * (ago + next);
        design(k - 1, 1) = 1.0;
        target(k - 1) = x0[static_cast<std::size_t>(k)];
        ago = next;
    }
    const Eigen::Vector2d ab = design.colPivHouseholderQr().solve(target);
    m.a = ab(0);
    m.b = ab(1);
    m.first = x0[0];
    if (m.a == 0.0 || !std::isfinite(m.a) || !std::isfinite(m.b)) {
        GreyModel degenerate = failedModel(RateStatus::Degenerate);
        degenerate.classRatio = m.classRatio;
        degenerate.ratioLower = m.ratioLower;
        degenerate.ratioUpper = m.ratioUpper;
        return degenerate;
    }
    if (std::fabs(m.a) >= 2.0) {
        GreyModel refused = failedModel(RateStatus::NotApplicable);
        refused.classRatio = m.classRatio;
        refused.ratioLower = m.ratioLower;
        refused.ratioUpper = m.ratioUpper;
        return refused;
    }

    Eigen::VectorXd observed(n);
    Eigen::VectorXd residual(n);
    m.fitted.resize(static_cast<std::size_t>(n));
    double relative = 0.0;
    for (Eigen::Index k = 0; k < n; ++k) {
        const auto i = static_cast<std::size_t>(k);
        const double kd = static_cast<double>(k);
        m.fitted[i] = k == 0 ? m.first : responseAgo(m, kd) - responseAgo(m, kd - 1.0);
        observed(k) = x0[i];
        residual(k) = x0[i] - m.fitted[i];
        if (k > 0)
            relative += std::fabs(residual(k)) / x0[i];
    }
    m.meanRelativeError = relative / (nd - 1.0);
    const double s1 = populationSd(observed);
    if (!(s1 > 0.0))
        return failedModel(RateStatus::Degenerate);
    m.posteriorVarianceRatio = populationSd(residual) / s1;
    const double meanResidual = residual.mean();
    int close = 0;
    for (Eigen::Index k = 0; k < n; ++k)
        close += std::fabs(residual(k) - meanResidual) < 0.6745 * s1 ? 1 : 0;
    m.smallErrorProbability = close / nd;
    m.grade = greyGrade(m.posteriorVarianceRatio, m.smallErrorProbability);
    return m;
}

std::vector<double> forecastGm11(const GreyModel &model, std::size_t steps)
{
    std::vector<double> out;
    if (model.status != RateStatus::Ok)
        return out;
    const double n = static_cast<double>(model.fitted.size());
    for (std::size_t h = 0; h < steps; ++h) {
        const double k = n + static_cast<double>(h); // x̂⁰(k+1) = x̂¹(k+1) − x̂¹(k)
        out.push_back(responseAgo(model, k) - responseAgo(model, k - 1.0));
    }
    return out;
}

} // namespace metroeval::stats
