// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/contingency_test.cpp).
#include "stats/rates/multipletesting.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace metroeval::stats {

namespace {
// Indices of the valid p-values, sorted ascending by p (stable, so ties keep input order).
std::vector<std::size_t> validAscending(std::span<const double> p)
{
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] >= 0.0 && p[i] <= 1.0)
            idx.push_back(i);
    }
    std::stable_sort(idx.begin(), idx.end(),
                     [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    return idx;
}
} // namespace

std::vector<double> holmAdjust(std::span<const double> pValues)
{
    std::vector<double> out(pValues.size(), std::numeric_limits<double>::quiet_NaN());
    const std::vector<std::size_t> idx = validAscending(pValues);
    const double m = static_cast<double>(idx.size());
    double running = 0.0;
    for (std::size_t j = 0; j < idx.size(); ++j) {
        const double scaled = std::min(1.0, (m - static_cast<double>(j)) * pValues[idx[j]]);
        running = std::max(running, scaled);
        out[idx[j]] = running;
    }
    return out;
}

std::vector<double> benjaminiHochbergAdjust(std::span<const double> pValues)
{
    std::vector<double> out(pValues.size(), std::numeric_limits<double>::quiet_NaN());
    const std::vector<std::size_t> idx = validAscending(pValues);
    const double m = static_cast<double>(idx.size());
    double running = 1.0;
    for (std::size_t j = idx.size(); j-- > 0;) {
        const double scaled = m * pValues[idx[j]] / static_cast<double>(j + 1);
        running = std::min(running, scaled);
        out[idx[j]] = running;
    }
    return out;
}

} // namespace metroeval::stats
