// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/intervals_test.cpp).
#include "stats/life/variablesinterval.h"

#include "stats/life/rootscan.h"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Eigen::VectorXd powers(double t, int order)
{
    Eigen::VectorXd v(order);
    double p = t;
    for (int j = 0; j < order; ++j) {
        v(j) = p;
        p *= t;
    }
    return v;
}

double defaultHorizon(const VariablesDriftModel &m, double horizon)
{
    return horizon > 0.0 ? horizon : 100.0 * m.longestTime;
}

} // namespace

VariablesDriftModel fitVariablesDrift(const std::vector<double> &t, const std::vector<double> &deviation,
                                      int order, double asLeftValue, double testUncertainty)
{
    VariablesDriftModel m;
    m.order = order;
    m.asLeftValue = asLeftValue;
    m.testUncertainty = testUncertainty;
    if (order < 1 || t.size() != deviation.size() || t.size() <= static_cast<std::size_t>(order))
        return m;
    const auto n = static_cast<Eigen::Index>(t.size());
    Eigen::MatrixXd design(n, order);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        design.row(i) = powers(t[static_cast<std::size_t>(i)], order).transpose();
        y(i) = deviation[static_cast<std::size_t>(i)];
    }
    m.fit = fitLinearLeastSquares(design, y, Eigen::VectorXd(), false);
    m.longestTime = *std::max_element(t.begin(), t.end());
    return m;
}

double variablesPredicted(const VariablesDriftModel &model, double t)
{
    if (model.fit.status != FitStatus::Converged)
        return kNaN;
    return model.asLeftValue + powers(t, model.order).dot(model.fit.coefficients);
}

double variablesUncertainty(const VariablesDriftModel &model, double t)
{
    if (model.fit.status != FitStatus::Converged || model.fit.degreesOfFreedom <= 0)
        return kNaN;
    const Eigen::VectorXd v = powers(t, model.order);
    const double s = model.fit.residualSd;
    const double up2 = s * s + v.dot(model.fit.covariance * v);
    return std::sqrt(model.testUncertainty * model.testUncertainty + up2);
}

double variablesReliabilityInterval(const VariablesDriftModel &model, double lowerLimit,
                                    double upperLimit, double confidence, double horizon)
{
    if (model.fit.status != FitStatus::Converged || model.fit.degreesOfFreedom <= 0
        || !(confidence > 0.0 && confidence < 1.0))
        return kNaN;
    const bool twoSided = std::isfinite(lowerLimit) && std::isfinite(upperLimit);
    const boost::math::students_t_distribution<double> st(model.fit.degreesOfFreedom);
    const double k = twoSided
                         ? boost::math::quantile(boost::math::complement(st, (1.0 - confidence) / 2.0))
                         : boost::math::quantile(st, confidence);
    horizon = defaultHorizon(model, horizon);
    const auto outside = [&](double t) {
        const double y = variablesPredicted(model, t);
        const double u = k * variablesUncertainty(model, t);
        double excess = -kInf;
        if (std::isfinite(upperLimit))
            excess = std::max(excess, y + u - upperLimit);
        if (std::isfinite(lowerLimit))
            excess = std::max(excess, lowerLimit - (y - u));
        return excess;
    };
    if (outside(0.0) > 0.0)
        return 0.0;
    return detail::firstRoot(outside, horizon);
}

double variablesUncertaintyInterval(const VariablesDriftModel &model, double uncertaintyTarget,
                                    double horizon)
{
    if (model.fit.status != FitStatus::Converged || model.fit.degreesOfFreedom <= 0
        || !(uncertaintyTarget > 0.0))
        return kNaN;
    horizon = defaultHorizon(model, horizon);
    const auto g = [&](double t) { return variablesUncertainty(model, t) - uncertaintyTarget; };
    if (g(0.0) > 0.0)
        return 0.0;
    return detail::firstRoot(g, horizon);
}

} // namespace metroeval::stats
