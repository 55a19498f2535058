// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/controlcharts_test.cpp).
#include "stats/rates/controlcharts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Control-chart constants for moving ranges of span 2 (Montgomery, Appendix Table VI).
constexpr double kD2 = 1.128;
constexpr double kD4 = 3.267;

ControlChart failedChart(RateStatus status)
{
    ControlChart c;
    c.status = status;
    c.sigmaZ = kNaN;
    return c;
}

ControlChart nanChart(std::size_t n)
{
    ControlChart c;
    c.value.assign(n, kNaN);
    c.centre.assign(n, kNaN);
    c.sigma.assign(n, kNaN);
    c.lower.assign(n, kNaN);
    c.upper.assign(n, kNaN);
    return c;
}

// Validates counts/sizes and returns the pooled rate (or the standard), or a failure status.
struct Pooled
{
    RateStatus status = RateStatus::Ok;
    double p = kNaN;
};

Pooled pooledProportion(std::span<const std::int64_t> d, std::span<const std::int64_t> n,
                        std::optional<double> standardP)
{
    if (d.size() != n.size())
        return {RateStatus::InvalidInput};
    std::int64_t sumD = 0;
    std::int64_t sumN = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (d[i] < 0 || n[i] < 0 || d[i] > n[i])
            return {RateStatus::InvalidInput};
        sumD += d[i];
        sumN += n[i];
    }
    if (sumN == 0)
        return {RateStatus::EmptyInput};
    if (standardP) {
        if (!(*standardP > 0.0 && *standardP < 1.0))
            return {std::isnan(*standardP) ? RateStatus::NaNInput : RateStatus::InvalidInput};
        return {RateStatus::Ok, *standardP};
    }
    if (sumD == 0 || sumD == sumN)
        return {RateStatus::Degenerate};
    return {RateStatus::Ok, static_cast<double>(sumD) / static_cast<double>(sumN)};
}

ControlChart proportionChart(std::span<const std::int64_t> d, std::span<const std::int64_t> n,
                             std::optional<double> standardP, double k, bool counts)
{
    if (!(k > 0.0))
        return failedChart(RateStatus::InvalidInput);
    const Pooled pooled = pooledProportion(d, n, standardP);
    if (pooled.status != RateStatus::Ok)
        return failedChart(pooled.status);
    const double p = pooled.p;
    ControlChart c = nanChart(n.size());
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (n[i] == 0)
            continue;
        const double ni = static_cast<double>(n[i]);
        const double scale = counts ? ni : 1.0;
        const double sigma = std::sqrt(p * (1.0 - p) / ni) * scale;
        c.value[i] = static_cast<double>(d[i]) / ni * scale;
        c.centre[i] = p * scale;
        c.sigma[i] = sigma;
        c.lower[i] = std::max(0.0, c.centre[i] - k * sigma);
        c.upper[i] = std::min(scale, c.centre[i] + k * sigma);
    }
    return c;
}
} // namespace

ControlChart pChart(std::span<const std::int64_t> nonconforming,
                    std::span<const std::int64_t> sizes, std::optional<double> standardP, double k)
{
    return proportionChart(nonconforming, sizes, standardP, k, false);
}

ControlChart npChart(std::span<const std::int64_t> nonconforming,
                     std::span<const std::int64_t> sizes, std::optional<double> standardP, double k)
{
    return proportionChart(nonconforming, sizes, standardP, k, true);
}

ControlChart laneyPPrimeChart(std::span<const std::int64_t> nonconforming,
                              std::span<const std::int64_t> sizes, double k)
{
    ControlChart c = proportionChart(nonconforming, sizes, std::nullopt, 3.0, false);
    if (c.status != RateStatus::Ok)
        return c;
    // Moving ranges of z over consecutive defined subgroups (empty subgroups are skipped, as a
    // missing period would be on the chart).
    double sumMr = 0.0;
    int ranges = 0;
    double previousZ = kNaN;
    int defined = 0;
    for (std::size_t i = 0; i < c.value.size(); ++i) {
        if (std::isnan(c.value[i]))
            continue;
        ++defined;
        const double z = (c.value[i] - c.centre[i]) / c.sigma[i];
        if (!std::isnan(previousZ)) {
            sumMr += std::fabs(z - previousZ);
            ++ranges;
        }
        previousZ = z;
    }
    if (defined < 2)
        return failedChart(RateStatus::InvalidInput);
    const double sigmaZ = sumMr / ranges / kD2;
    if (!(sigmaZ > 0.0))
        return failedChart(RateStatus::Degenerate);
    c.sigmaZ = sigmaZ;
    for (std::size_t i = 0; i < c.value.size(); ++i) {
        if (std::isnan(c.value[i]))
            continue;
        c.sigma[i] *= sigmaZ;
        c.lower[i] = std::max(0.0, c.centre[i] - k * c.sigma[i]);
        c.upper[i] = std::min(1.0, c.centre[i] + k * c.sigma[i]);
    }
    return c;
}

ControlChart uChart(std::span<const std::int64_t> counts, std::span<const double> sizes, double k)
{
    if (counts.size() != sizes.size() || !(k > 0.0))
        return failedChart(RateStatus::InvalidInput);
    double sumC = 0.0;
    double sumN = 0.0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (std::isnan(sizes[i]) || std::isinf(sizes[i]))
            return failedChart(RateStatus::NaNInput);
        if (counts[i] < 0 || sizes[i] < 0.0)
            return failedChart(RateStatus::InvalidInput);
        sumC += static_cast<double>(counts[i]);
        sumN += sizes[i];
    }
    if (sumN == 0.0)
        return failedChart(RateStatus::EmptyInput);
    if (sumC == 0.0)
        return failedChart(RateStatus::Degenerate);
    const double u = sumC / sumN;
    ControlChart c = nanChart(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] == 0.0)
            continue;
        c.value[i] = static_cast<double>(counts[i]) / sizes[i];
        c.centre[i] = u;
        c.sigma[i] = std::sqrt(u / sizes[i]);
        c.lower[i] = std::max(0.0, u - k * c.sigma[i]);
        c.upper[i] = u + k * c.sigma[i];
    }
    return c;
}

IndividualsChart individualsChart(std::span<const double> x)
{
    IndividualsChart out{failedChart(RateStatus::EmptyInput), failedChart(RateStatus::EmptyInput)};
    if (x.empty())
        return out;
    std::vector<double> mr(x.size(), kNaN);
    double sumX = 0.0;
    int nX = 0;
    double sumMr = 0.0;
    int nMr = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isinf(x[i])) {
            out.individuals = out.movingRange = failedChart(RateStatus::NaNInput);
            return out;
        }
        if (std::isnan(x[i]))
            continue;
        sumX += x[i];
        ++nX;
        if (i > 0 && !std::isnan(x[i - 1])) {
            mr[i] = std::fabs(x[i] - x[i - 1]);
            sumMr += mr[i];
            ++nMr;
        }
    }
    if (nX == 0)
        return out;
    if (nMr == 0) {
        out.individuals = out.movingRange = failedChart(RateStatus::InvalidInput);
        return out;
    }
    const double mean = sumX / nX;
    const double mrBar = sumMr / nMr;
    if (!(mrBar > 0.0)) {
        out.individuals = out.movingRange = failedChart(RateStatus::Degenerate);
        return out;
    }
    ControlChart ind = nanChart(x.size());
    ControlChart rng = nanChart(x.size());
    const double sigma = mrBar / kD2;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isnan(x[i])) {
            ind.value[i] = x[i];
            ind.centre[i] = mean;
            ind.sigma[i] = sigma;
            ind.lower[i] = mean - 3.0 * sigma;
            ind.upper[i] = mean + 3.0 * sigma;
        }
        if (!std::isnan(mr[i])) {
            rng.value[i] = mr[i];
            rng.centre[i] = mrBar;
            // σ of a span-2 range is d3·σ = (D4 − 1)/3 · MR̄ (D4 = 1 + 3d3/d2).
            rng.sigma[i] = (kD4 - 1.0) / 3.0 * mrBar;
            rng.lower[i] = 0.0;
            rng.upper[i] = kD4 * mrBar;
        }
    }
    out.individuals = std::move(ind);
    out.movingRange = std::move(rng);
    return out;
}

ControlChart ewmaProportionChart(std::span<const std::int64_t> nonconforming,
                                 std::span<const std::int64_t> sizes, double lambda, double L,
                                 std::optional<double> targetP)
{
    if (!(lambda > 0.0 && lambda <= 1.0) || !(L > 0.0))
        return failedChart(RateStatus::InvalidInput);
    const Pooled pooled = pooledProportion(nonconforming, sizes, targetP);
    if (pooled.status != RateStatus::Ok)
        return failedChart(pooled.status);
    const double p0 = pooled.p;
    ControlChart c = nanChart(sizes.size());
    double z = p0;
    double variance = 0.0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] == 0)
            continue;
        const double ni = static_cast<double>(sizes[i]);
        z = lambda * static_cast<double>(nonconforming[i]) / ni + (1.0 - lambda) * z;
        variance = (1.0 - lambda) * (1.0 - lambda) * variance
                   + lambda * lambda * p0 * (1.0 - p0) / ni;
        c.value[i] = z;
        c.centre[i] = p0;
        c.sigma[i] = std::sqrt(variance);
        c.lower[i] = std::max(0.0, p0 - L * c.sigma[i]);
        c.upper[i] = std::min(1.0, p0 + L * c.sigma[i]);
    }
    return c;
}

CusumChart cusumProportionChart(std::span<const std::int64_t> nonconforming,
                                std::span<const std::int64_t> sizes, double targetP, double k,
                                double h)
{
    CusumChart c;
    if (!(k >= 0.0) || !(h > 0.0)) {
        c.status = RateStatus::InvalidInput;
        return c;
    }
    const Pooled pooled = pooledProportion(nonconforming, sizes, targetP);
    if (pooled.status != RateStatus::Ok) {
        c.status = pooled.status;
        return c;
    }
    const double p0 = pooled.p;
    c.upper.assign(sizes.size(), kNaN);
    c.lower.assign(sizes.size(), kNaN);
    double up = 0.0;
    double down = 0.0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] == 0)
            continue;
        const double ni = static_cast<double>(sizes[i]);
        const double z = (static_cast<double>(nonconforming[i]) / ni - p0)
                         / std::sqrt(p0 * (1.0 - p0) / ni);
        up = std::max(0.0, z - k + up);
        down = std::max(0.0, -z - k + down);
        c.upper[i] = up;
        c.lower[i] = down;
        if (up > h)
            c.upSignals.push_back(i);
        if (down > h)
            c.downSignals.push_back(i);
    }
    return c;
}

std::vector<double> standardizedScores(const ControlChart &chart)
{
    std::vector<double> z(chart.value.size(), kNaN);
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (chart.sigma[i] > 0.0)
            z[i] = (chart.value[i] - chart.centre[i]) / chart.sigma[i];
    }
    return z;
}

} // namespace metroeval::stats
