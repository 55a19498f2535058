// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/turnbull_test.cpp).
#include "stats/life/turnbull.h"

#include "stats/life/npmlesolver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace metroeval::stats {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// Sort key of an endpoint: at equal values a closed left end (exact time) comes first, then
// right ends (intervals are closed on the right), then open left ends (open on the left).
enum EndKind { ClosedLeft = 0, Right = 1, OpenLeft = 2 };
struct Endpoint
{
    double value;
    EndKind kind;
};
bool keyLess(const Endpoint &a, const Endpoint &b)
{
    return a.value < b.value || (a.value == b.value && a.kind < b.kind);
}
} // namespace

TurnbullFit turnbull(const std::vector<LifeObservation> &data, const TurnbullOptions &options)
{
    TurnbullFit fit;
    for (const auto &o : data)
        if (std::isnan(o.lower) || std::isnan(o.upper) || o.upper < o.lower)
            return fit;
    if (data.empty())
        return fit;

    // Identical intervals are counted once with a weight (instrument data repeat a lot).
    std::map<std::pair<double, double>, double> counts;
    for (const auto &o : data)
        counts[{o.lower <= 0.0 && o.upper > 0.0 ? -kInf : o.lower, o.upper}] += 1.0;

    std::vector<Endpoint> ends;
    ends.reserve(2 * counts.size());
    for (const auto &[iv, w] : counts) {
        ends.push_back({iv.first, iv.first == iv.second ? ClosedLeft : OpenLeft});
        ends.push_back({iv.second, Right});
    }
    std::sort(ends.begin(), ends.end(), keyLess);
    struct Inner
    {
        Endpoint left, right;
    };
    std::vector<Inner> inner;
    for (std::size_t i = 0; i + 1 < ends.size(); ++i)
        if (ends[i].kind != Right && ends[i + 1].kind == Right
            && (inner.empty() || keyLess(inner.back().left, ends[i])))
            inner.push_back({ends[i], ends[i + 1]});
    const std::size_t m = inner.size();

    // Contiguous run [a_i, b_i) of innermost intervals inside each observed interval.
    std::vector<detail::IntervalRun> runs;
    runs.reserve(counts.size());
    for (const auto &[iv, w] : counts) {
        const Endpoint lo{iv.first, iv.first == iv.second ? ClosedLeft : OpenLeft};
        const Endpoint hi{iv.second, Right};
        const auto first = std::lower_bound(inner.begin(), inner.end(), lo,
                                            [](const Inner &t, const Endpoint &v) { return keyLess(t.left, v); });
        const auto last = std::upper_bound(inner.begin(), inner.end(), hi,
                                           [](const Endpoint &v, const Inner &t) { return keyLess(v, t.right); });
        runs.push_back({static_cast<std::size_t>(first - inner.begin()),
                        static_cast<std::size_t>(last - inner.begin()), w});
    }
    const detail::NpmleSolution sol =
        detail::solveIntervalNpmle(runs, m, options.maxIterations, options.tolerance);
    fit.convergence = sol.convergence;
    for (std::size_t j = 0; j < m; ++j)
        fit.intervals.push_back({inner[j].left.value, inner[j].right.value, sol.mass[j],
                                 inner[j].left.kind == ClosedLeft});
    fit.logLikelihood = sol.logLikelihood;
    fit.kktViolation = sol.gapPerObservation;
    return fit;
}

double turnbullSurvival(const TurnbullFit &fit, double t)
{
    if (fit.intervals.empty() || std::isnan(t))
        return std::numeric_limits<double>::quiet_NaN();
    double failed = 0.0;
    for (const auto &iv : fit.intervals) {
        if (iv.left > t || (iv.left == t && !iv.leftClosed))
            break;
        failed += iv.mass;
    }
    return std::max(0.0, 1.0 - failed);
}

double turnbullLogLikelihood(const std::vector<LifeObservation> &data,
                             const std::vector<TurnbullInterval> &intervals)
{
    double ll = 0.0;
    for (const auto &o : data) {
        const bool exact = o.lower == o.upper;
        const double lo = o.lower <= 0.0 && o.upper > 0.0 ? -kInf : o.lower;
        double p = 0.0;
        for (const auto &iv : intervals) {
            const bool inside = exact ? (iv.leftClosed && iv.left == o.lower)
                                      : ((iv.left > lo || (iv.left == lo && !iv.leftClosed))
                                         && iv.right <= o.upper);
            if (inside)
                p += iv.mass;
        }
        ll += std::log(p);
    }
    return ll;
}

} // namespace metroeval::stats
