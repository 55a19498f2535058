// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/kaplanmeier_test.cpp).
#include "stats/life/kaplanmeier.h"

#include "stats/rates/proportion.h"

#include <Eigen/Dense>
#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool validSurvivalInput(const std::vector<double> &time, const std::vector<int> &event)
{
    if (time.empty() || time.size() != event.size())
        return false;
    for (std::size_t i = 0; i < time.size(); ++i)
        if (!std::isfinite(time[i]) || time[i] < 0.0 || (event[i] != 0 && event[i] != 1))
            return false;
    return true;
}

void setInterval(SurvivalRow &row, double z, SurvivalCiType type)
{
    const double s = row.survival;
    const double se = row.logSurvivalSe;
    row.lower = row.upper = kNaN;
    if (!(s > 0.0) || !std::isfinite(se))
        return;
    switch (type) {
    case SurvivalCiType::Plain:
        row.lower = std::max(0.0, s - z * se * s);
        row.upper = std::min(1.0, s + z * se * s);
        break;
    case SurvivalCiType::Log:
        row.lower = std::exp(std::log(s) - z * se);
        row.upper = std::min(1.0, std::exp(std::log(s) + z * se));
        break;
    case SurvivalCiType::LogLog:
        if (s >= 1.0)
            return; // log(−log 1) is undefined: R reports NA too
        {
            const double ll = std::log(-std::log(s));
            const double w = z * se / std::log(s); // negative
            row.lower = std::exp(-std::exp(ll - w));
            row.upper = std::exp(-std::exp(ll + w));
        }
        break;
    }
}
} // namespace

SurvivalCurve kaplanMeier(const std::vector<double> &time, const std::vector<int> &event,
                          double level, SurvivalCiType ciType)
{
    SurvivalCurve curve;
    curve.level = level;
    curve.ciType = ciType;
    if (!validSurvivalInput(time, event) || !(level > 0.0 && level < 1.0))
        return curve;
    std::vector<std::size_t> order(time.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return time[a] < time[b]; });

    const double z = twoSidedNormalQuantile(level);
    auto atRisk = static_cast<std::int64_t>(time.size());
    double s = 1.0, greenwood = 0.0, hazard = 0.0, hazardVar = 0.0;
    for (std::size_t k = 0; k < order.size();) {
        SurvivalRow row;
        row.time = time[order[k]];
        row.atRisk = atRisk;
        while (k < order.size() && time[order[k]] == row.time) {
            (event[order[k]] == 1 ? row.events : row.censored) += 1;
            ++k;
        }
        if (row.events > 0) {
            const auto n = static_cast<double>(row.atRisk);
            const auto d = static_cast<double>(row.events);
            s *= 1.0 - d / n;
            greenwood += n > d ? d / (n * (n - d)) : std::numeric_limits<double>::infinity();
            hazard += d / n;
            hazardVar += d / (n * n);
        }
        row.survival = s;
        row.logSurvivalSe = std::sqrt(greenwood);
        row.cumulativeHazard = hazard;
        row.cumulativeHazardSe = std::sqrt(hazardVar);
        setInterval(row, z, ciType);
        atRisk -= row.events + row.censored;
        curve.rows.push_back(row);
    }
    curve.status = FitStatus::Converged;
    return curve;
}

double survivalAt(const SurvivalCurve &curve, double t)
{
    if (curve.status != FitStatus::Converged)
        return kNaN;
    double s = 1.0;
    for (const auto &row : curve.rows) {
        if (row.time > t)
            break;
        s = row.survival;
    }
    return s;
}

LogRankResult logRankTest(const std::vector<double> &time, const std::vector<int> &event,
                          const std::vector<int> &group)
{
    LogRankResult result;
    if (!validSurvivalInput(time, event) || group.size() != time.size())
        return result;
    const int k = *std::max_element(group.begin(), group.end()) + 1;
    if (k < 2 || *std::min_element(group.begin(), group.end()) < 0)
        return result;
    std::vector<std::size_t> order(time.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return time[a] < time[b]; });

    std::vector<double> atRisk(static_cast<std::size_t>(k), 0.0);
    for (int g : group)
        atRisk[static_cast<std::size_t>(g)] += 1.0;
    Eigen::VectorXd observed = Eigen::VectorXd::Zero(k), expected = Eigen::VectorXd::Zero(k);
    Eigen::MatrixXd v = Eigen::MatrixXd::Zero(k, k);
    std::vector<double> deaths(static_cast<std::size_t>(k)), leaving(static_cast<std::size_t>(k));
    for (std::size_t i = 0; i < order.size();) {
        const double t = time[order[i]];
        std::fill(deaths.begin(), deaths.end(), 0.0);
        std::fill(leaving.begin(), leaving.end(), 0.0);
        for (; i < order.size() && time[order[i]] == t; ++i) {
            const auto g = static_cast<std::size_t>(group[order[i]]);
            deaths[g] += event[order[i]];
            leaving[g] += 1.0;
        }
        const double d = std::accumulate(deaths.begin(), deaths.end(), 0.0);
        const double n = std::accumulate(atRisk.begin(), atRisk.end(), 0.0);
        if (d > 0.0) {
            const double f = n > 1.0 ? d * (n - d) / (n * n * (n - 1.0)) : 0.0;
            for (int a = 0; a < k; ++a) {
                const double na = atRisk[static_cast<std::size_t>(a)];
                observed(a) += deaths[static_cast<std::size_t>(a)];
                expected(a) += d * na / n;
                for (int b = 0; b < k; ++b) {
                    const double nb = atRisk[static_cast<std::size_t>(b)];
                    v(a, b) += f * ((a == b ? na * n : 0.0) - na * nb);
                }
            }
        }
        for (int a = 0; a < k; ++a)
            atRisk[static_cast<std::size_t>(a)] -= leaving[static_cast<std::size_t>(a)];
    }
    result.observed.assign(observed.data(), observed.data() + k);
    result.expected.assign(expected.data(), expected.data() + k);
    result.varianceFirstGroup = v(0, 0);
    result.degreesOfFreedom = k - 1;
    if (observed.sum() == 0.0) {
        result.status = FitStatus::NoEvents;
        result.chiSquare = result.pValue = kNaN;
        return result;
    }
    const Eigen::VectorXd diff = (observed - expected).head(k - 1);
    const Eigen::MatrixXd vk = v.topLeftCorner(k - 1, k - 1);
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(vk);
    if (ldlt.info() != Eigen::Success || !(vk.diagonal().array() > 0.0).all()) {
        result.status = FitStatus::RankDeficient;
        result.chiSquare = result.pValue = kNaN;
        return result;
    }
    result.chiSquare = diff.dot(ldlt.solve(diff));
    const boost::math::chi_squared_distribution<double> chi2(result.degreesOfFreedom);
    result.pValue = boost::math::cdf(boost::math::complement(chi2, std::max(0.0, result.chiSquare)));
    result.status = FitStatus::Converged;
    return result;
}

} // namespace metroeval::stats
