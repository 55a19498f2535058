// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/trend_test.cpp).
#include "stats/rates/trend.h"

#include "stats/rates/proportion.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool allFinite(std::span<const double> v)
{
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

double twoSidedNormalP(double z)
{
    const boost::math::normal_distribution<double> standardNormal;
    return 2.0 * boost::math::cdf(boost::math::complement(standardNormal, std::fabs(z)));
}

double signOf(double v)
{
    return static_cast<double>((v > 0.0) - (v < 0.0));
}

// Σ t(t−1)(2t+5) and Σ t(t−1)/2 over groups of equal values.
struct TieSums
{
    double variance = 0.0;
    double pairs = 0.0;
};

TieSums tieSums(std::span<const double> y)
{
    std::vector<double> sorted(y.begin(), y.end());
    std::sort(sorted.begin(), sorted.end());
    TieSums sums;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i])
            ++j;
        const double t = static_cast<double>(j - i);
        sums.variance += t * (t - 1.0) * (2.0 * t + 5.0);
        sums.pairs += t * (t - 1.0) / 2.0;
        i = j;
    }
    return sums;
}

double mannKendallVariance(std::span<const double> y)
{
    const double n = static_cast<double>(y.size());
    return (n * (n - 1.0) * (2.0 * n + 5.0) - tieSums(y).variance) / 18.0;
}

// Order statistic of rank r (1-based, fractional ranks interpolate); NaN outside [1, size].
double interpolatedOrderStatistic(const std::vector<double> &sorted, double rank)
{
    const double count = static_cast<double>(sorted.size());
    if (!(rank >= 1.0 && rank <= count))
        return kNaN;
    const double below = std::floor(rank);
    const auto i = static_cast<std::size_t>(below) - 1;
    const double fraction = rank - below;
    if (fraction == 0.0)
        return sorted[i];
    return sorted[i] + fraction * (sorted[i + 1] - sorted[i]);
}

double median(std::vector<double> v)
{
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
    return 0.5 * (lower + upper);
}
} // namespace

MannKendallResult mannKendall(std::span<const double> y)
{
    MannKendallResult r{RateStatus::Ok, y.size(), kNaN, kNaN, kNaN, kNaN, kNaN};
    if (y.empty()) {
        r.status = RateStatus::EmptyInput;
        return r;
    }
    if (!allFinite(y)) {
        r.status = RateStatus::NaNInput;
        return r;
    }
    std::int64_t s = 0;
    for (std::size_t i = 0; i + 1 < y.size(); ++i) {
        const double yi = y[i];
        for (std::size_t j = i + 1; j < y.size(); ++j)
            s += (y[j] > yi) - (y[j] < yi);
    }
    const double varS = mannKendallVariance(y);
    if (!(varS > 0.0)) {
        r.status = RateStatus::Degenerate;
        return r;
    }
    const double n = static_cast<double>(y.size());
    const double allPairs = n * (n - 1.0) / 2.0;
    r.s = static_cast<double>(s);
    r.varS = varS;
    r.z = (r.s - signOf(r.s)) / std::sqrt(varS);
    r.pValue = twoSidedNormalP(r.z);
    r.tau = r.s / std::sqrt(allPairs * (allPairs - tieSums(y).pairs));
    return r;
}

SenSlopeResult senSlope(std::span<const double> t, std::span<const double> y, double level)
{
    SenSlopeResult r{RateStatus::Ok, kNaN, kNaN, kNaN, kNaN, level};
    if (t.size() != y.size() || !(level > 0.0 && level < 1.0)) {
        r.status = RateStatus::InvalidInput;
        return r;
    }
    if (y.empty()) {
        r.status = RateStatus::EmptyInput;
        return r;
    }
    if (!allFinite(t) || !allFinite(y)) {
        r.status = RateStatus::NaNInput;
        return r;
    }
    if (y.size() > kMaxSenPoints) {
        r.status = RateStatus::TooLarge;
        return r;
    }
    std::vector<double> slopes;
    slopes.reserve(y.size() * (y.size() - 1) / 2);
    for (std::size_t i = 0; i + 1 < y.size(); ++i) {
        for (std::size_t j = i + 1; j < y.size(); ++j) {
            if (t[j] != t[i])
                slopes.push_back((y[j] - y[i]) / (t[j] - t[i]));
        }
    }
    if (slopes.empty()) {
        r.status = RateStatus::Degenerate;
        return r;
    }
    std::sort(slopes.begin(), slopes.end());
    r.slope = median(slopes);
    std::vector<double> residual(y.size());
    for (std::size_t i = 0; i < y.size(); ++i)
        residual[i] = y[i] - r.slope * t[i];
    r.intercept = median(residual);

    const double c = twoSidedNormalQuantile(level) * std::sqrt(mannKendallVariance(y));
    const double count = static_cast<double>(slopes.size());
    r.lower = interpolatedOrderStatistic(slopes, (count - c) / 2.0);
    r.upper = interpolatedOrderStatistic(slopes, (count + c) / 2.0 + 1.0);
    return r;
}

SenSlopeResult senSlope(std::span<const double> y, double level)
{
    std::vector<double> t(y.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        t[i] = static_cast<double>(i);
    return senSlope(t, y, level);
}

TrendTestResult cochranArmitage(std::span<const std::int64_t> successes,
                                std::span<const std::int64_t> trials,
                                std::span<const double> scores)
{
    TrendTestResult r{RateStatus::Ok, kNaN, kNaN, kNaN};
    if (successes.size() != trials.size() || (!scores.empty() && scores.size() != trials.size())) {
        r.status = RateStatus::InvalidInput;
        return r;
    }
    if (!allFinite(scores)) {
        r.status = RateStatus::NaNInput;
        return r;
    }
    std::vector<double> x;
    std::vector<double> n;
    std::vector<double> s;
    for (std::size_t i = 0; i < trials.size(); ++i) {
        if (successes[i] < 0 || trials[i] < 0 || successes[i] > trials[i]) {
            r.status = RateStatus::InvalidInput;
            return r;
        }
        if (trials[i] == 0)
            continue;
        x.push_back(static_cast<double>(successes[i]));
        n.push_back(static_cast<double>(trials[i]));
        s.push_back(scores.empty() ? static_cast<double>(i + 1) : scores[i]);
    }
    if (n.empty()) {
        r.status = RateStatus::EmptyInput;
        return r;
    }
    if (n.size() < 2) {
        r.status = RateStatus::InvalidInput;
        return r;
    }
    double total = 0.0;
    double totalSuccess = 0.0;
    double weightedScore = 0.0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        total += n[i];
        totalSuccess += x[i];
        weightedScore += n[i] * s[i];
    }
    const double pBar = totalSuccess / total;
    const double sBar = weightedScore / total;
    double numerator = 0.0;
    double spread = 0.0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        numerator += x[i] * (s[i] - sBar);
        spread += n[i] * (s[i] - sBar) * (s[i] - sBar);
    }
    const double variance = pBar * (1.0 - pBar) * spread;
    if (!(variance > 0.0)) {
        r.status = RateStatus::Degenerate;
        return r;
    }
    r.z = numerator / std::sqrt(variance);
    r.chiSquare = r.z * r.z;
    r.pValue = twoSidedNormalP(r.z);
    return r;
}

} // namespace metroeval::stats
