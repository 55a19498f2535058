// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/contingency_test.cpp).
#include "stats/rates/contingency.h"

#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
// R fisher.test: tables "as or less probable" use d <= d_obs * (1 + 1e-7) to absorb rounding.
constexpr double kRelErr = 1.0 + 1e-7;

double logChoose(std::int64_t n, std::int64_t k)
{
    return std::lgamma(static_cast<double>(n) + 1.0) - std::lgamma(static_cast<double>(k) + 1.0)
           - std::lgamma(static_cast<double>(n - k) + 1.0);
}

ChiSquareResult failedChiSquare(RateStatus status)
{
    ChiSquareResult r;
    r.status = status;
    r.statistic = kNaN;
    r.pValue = kNaN;
    r.minExpected = kNaN;
    return r;
}

// Conditional distribution of the (1,1) cell of a 2×2 table given its margins, with the
// non-central hypergeometric family P(x; θ) ∝ C(m, x)C(n, k − x)θ^x (Agresti 2002, §3.5.7).
class ConditionalHypergeometric
{
public:
    ConditionalHypergeometric(std::int64_t m, std::int64_t n, std::int64_t k)
        : m_lo(std::max<std::int64_t>(0, k - n))
        , m_hi(std::min(k, m))
    {
        for (std::int64_t x = m_lo; x <= m_hi; ++x)
            m_logDensity.push_back(logChoose(m, x) + logChoose(n, k - x) - logChoose(m + n, k));
    }

    std::int64_t lo() const { return m_lo; }
    std::int64_t hi() const { return m_hi; }
    double logDensityAt(std::int64_t x) const { return m_logDensity[index(x)]; }

    // Probabilities under odds ratio theta (0 < theta < inf), normalised in log space.
    std::vector<double> density(double theta) const
    {
        const double logTheta = std::log(theta);
        std::vector<double> d(m_logDensity.size());
        double maxLog = -kInf;
        for (std::size_t i = 0; i < d.size(); ++i) {
            const auto x = m_lo + static_cast<std::int64_t>(i);
            d[i] = m_logDensity[i] + logTheta * static_cast<double>(x);
            maxLog = std::max(maxLog, d[i]);
        }
        double sum = 0.0;
        for (double &v : d) {
            v = std::exp(v - maxLog);
            sum += v;
        }
        for (double &v : d)
            v /= sum;
        return d;
    }

    double mean(double theta) const
    {
        const std::vector<double> d = density(theta);
        double mu = 0.0;
        for (std::size_t i = 0; i < d.size(); ++i)
            mu += d[i] * static_cast<double>(m_lo + static_cast<std::int64_t>(i));
        return mu;
    }

    // P(X <= q) (upper = false) or P(X >= q) (upper = true) under theta.
    double tail(std::int64_t q, double theta, bool upper) const
    {
        const std::vector<double> d = density(theta);
        double p = 0.0;
        for (std::size_t i = 0; i < d.size(); ++i) {
            const std::int64_t x = m_lo + static_cast<std::int64_t>(i);
            if (upper ? x >= q : x <= q)
                p += d[i];
        }
        return std::min(1.0, p);
    }

private:
    std::size_t index(std::int64_t x) const { return static_cast<std::size_t>(x - m_lo); }

    std::int64_t m_lo;
    std::int64_t m_hi;
    std::vector<double> m_logDensity;
};

// Root of a monotone f on (0, 1] by bisection to machine precision; f(lo) and f(hi) bracket 0.
template<typename F>
double bisectUnit(F f)
{
    double lo = 0.0;
    double hi = 1.0;
    const bool increasing = f(hi) > 0.0;
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        if ((f(mid) > 0.0) == increasing)
            hi = mid;
        else
            lo = mid;
    }
    return 0.5 * (lo + hi);
}

double conditionalMle(const ConditionalHypergeometric &h, std::int64_t x)
{
    if (x == h.lo())
        return 0.0;
    if (x == h.hi())
        return kInf;
    const double xd = static_cast<double>(x);
    const double mu = h.mean(1.0);
    if (mu > xd)
        return bisectUnit([&](double t) { return h.mean(t) - xd; });
    if (mu < xd)
        return 1.0 / bisectUnit([&](double t) { return h.mean(1.0 / t) - xd; });
    return 1.0;
}

// Largest theta with P(X <= x; theta) >= alpha.
double upperBound(const ConditionalHypergeometric &h, std::int64_t x, double alpha)
{
    if (x == h.hi())
        return kInf;
    const double p = h.tail(x, 1.0, false);
    if (p < alpha)
        return bisectUnit([&](double t) { return h.tail(x, t, false) - alpha; });
    if (p > alpha)
        return 1.0 / bisectUnit([&](double t) { return h.tail(x, 1.0 / t, false) - alpha; });
    return 1.0;
}

// Smallest theta with P(X >= x; theta) >= alpha.
double lowerBound(const ConditionalHypergeometric &h, std::int64_t x, double alpha)
{
    if (x == h.lo())
        return 0.0;
    const double p = h.tail(x, 1.0, true);
    if (p > alpha)
        return bisectUnit([&](double t) { return h.tail(x, t, true) - alpha; });
    if (p < alpha)
        return 1.0 / bisectUnit([&](double t) { return h.tail(x, 1.0 / t, true) - alpha; });
    return 1.0;
}
} // namespace

ChiSquareResult pearsonChiSquare(const Eigen::Ref<const Eigen::MatrixXd> &table, bool yates)
{
    if (table.size() == 0)
        return failedChiSquare(RateStatus::EmptyInput);
    if (!table.allFinite())
        return failedChiSquare(RateStatus::NaNInput);
    if ((table.array() < 0.0).any() || table.rows() < 2 || table.cols() < 2)
        return failedChiSquare(RateStatus::InvalidInput);
    const double total = table.sum();
    if (total == 0.0)
        return failedChiSquare(RateStatus::EmptyInput);
    const Eigen::VectorXd rowTotals = table.rowwise().sum();
    const Eigen::RowVectorXd colTotals = table.colwise().sum();
    if ((rowTotals.array() == 0.0).any() || (colTotals.array() == 0.0).any())
        return failedChiSquare(RateStatus::Degenerate);

    ChiSquareResult r;
    r.expected = rowTotals * colTotals / total;
    r.yatesApplied = yates && table.rows() == 2 && table.cols() == 2;
    double statistic = 0.0;
    for (Eigen::Index i = 0; i < table.rows(); ++i) {
        for (Eigen::Index j = 0; j < table.cols(); ++j) {
            const double e = r.expected(i, j);
            double deviation = std::fabs(table(i, j) - e);
            if (r.yatesApplied)
                deviation -= std::min(0.5, deviation);
            statistic += deviation * deviation / e;
            r.cellsBelowFive += e < 5.0 ? 1 : 0;
            r.cellsBelowOne += e < 1.0 ? 1 : 0;
        }
    }
    r.statistic = statistic;
    r.degreesOfFreedom = static_cast<int>((table.rows() - 1) * (table.cols() - 1));
    const boost::math::chi_squared_distribution<double> chi2(r.degreesOfFreedom);
    r.pValue = boost::math::cdf(boost::math::complement(chi2, statistic));
    r.minExpected = r.expected.minCoeff();
    r.expectedCountWarning = r.cellsBelowOne > 0
                             || 5.0 * static_cast<double>(r.cellsBelowFive)
                                    > static_cast<double>(table.size());
    return r;
}

namespace {
// Shared validation; returns Ok or the failure status.
RateStatus checkFisherCounts(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d)
{
    if (a < 0 || b < 0 || c < 0 || d < 0)
        return RateStatus::InvalidInput;
    if (a + b + c + d == 0)
        return RateStatus::EmptyInput;
    if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0)
        return RateStatus::Degenerate;
    return RateStatus::Ok;
}

double fisherPValue(const ConditionalHypergeometric &h, std::int64_t a, Alternative alternative)
{
    switch (alternative) {
    case Alternative::TwoSided: {
        const double threshold = h.logDensityAt(a) + std::log(kRelErr);
        double p = 0.0;
        for (std::int64_t x = h.lo(); x <= h.hi(); ++x) {
            if (h.logDensityAt(x) <= threshold)
                p += std::exp(h.logDensityAt(x));
        }
        return std::min(1.0, p);
    }
    case Alternative::Less:
        return h.tail(a, 1.0, false);
    case Alternative::Greater:
        return h.tail(a, 1.0, true);
    }
    return kNaN;
}
} // namespace

FisherResult fisherExact2x2PValue(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d,
                                  Alternative alternative)
{
    FisherResult r{checkFisherCounts(a, b, c, d), kNaN, kNaN, kNaN, kNaN, kNaN};
    if (r.status != RateStatus::Ok)
        return r;
    const ConditionalHypergeometric h(a + c, b + d, a + b);
    r.pValue = fisherPValue(h, a, alternative);
    return r;
}

FisherResult fisherExact2x2(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d,
                            Alternative alternative, double level)
{
    FisherResult r{checkFisherCounts(a, b, c, d), kNaN, kNaN, kNaN, kNaN, level};
    if (r.status == RateStatus::Ok && !(level > 0.0 && level < 1.0))
        r.status = RateStatus::InvalidInput;
    if (r.status != RateStatus::Ok)
        return r;
    const ConditionalHypergeometric h(a + c, b + d, a + b);
    r.pValue = fisherPValue(h, a, alternative);
    switch (alternative) {
    case Alternative::TwoSided:
        r.lower = lowerBound(h, a, (1.0 - level) / 2.0);
        r.upper = upperBound(h, a, (1.0 - level) / 2.0);
        break;
    case Alternative::Less:
        r.lower = 0.0;
        r.upper = upperBound(h, a, 1.0 - level);
        break;
    case Alternative::Greater:
        r.lower = lowerBound(h, a, 1.0 - level);
        r.upper = kInf;
        break;
    }
    r.oddsRatio = conditionalMle(h, a);
    return r;
}

namespace {
struct Rx2Enumerator
{
    std::vector<std::vector<double>> logChooseRow; // per row i: log C(n_i, x) for x = 0..n_i
    std::vector<std::int64_t> capacityAfter;       // Σ_{j > i} n_j
    double threshold = 0.0;                        // log P(observed) + log(1 + 1e-7), unnormalised
    std::int64_t maxTables = 0;
    std::int64_t visited = 0;
    double sum = 0.0;
    bool aborted = false;

    void visit(std::size_t row, std::int64_t remaining, double partial)
    {
        const auto &lc = logChooseRow[row];
        const auto n = static_cast<std::int64_t>(lc.size()) - 1;
        if (row + 1 == logChooseRow.size()) {
            // The last row is forced by the column total.
            if (++visited > maxTables) {
                aborted = true;
                return;
            }
            const double logP = partial + lc[static_cast<std::size_t>(remaining)];
            if (logP <= threshold)
                sum += std::exp(logP);
            return;
        }
        const std::int64_t lo = std::max<std::int64_t>(0, remaining - capacityAfter[row]);
        const std::int64_t hi = std::min(n, remaining);
        for (std::int64_t x = lo; x <= hi && !aborted; ++x)
            visit(row + 1, remaining - x, partial + lc[static_cast<std::size_t>(x)]);
    }
};
} // namespace

FisherRx2Result fisherExactRx2(std::span<const std::int64_t> successes,
                               std::span<const std::int64_t> failures, std::int64_t maxTables)
{
    FisherRx2Result r{RateStatus::Ok, kNaN, 0};
    if (successes.size() != failures.size()) {
        r.status = RateStatus::InvalidInput;
        return r;
    }
    std::vector<std::int64_t> s;
    std::vector<std::int64_t> n;
    for (std::size_t i = 0; i < successes.size(); ++i) {
        if (successes[i] < 0 || failures[i] < 0) {
            r.status = RateStatus::InvalidInput;
            return r;
        }
        if (successes[i] + failures[i] > 0) {
            s.push_back(successes[i]);
            n.push_back(successes[i] + failures[i]);
        }
    }
    if (n.empty()) {
        r.status = RateStatus::EmptyInput;
        return r;
    }
    if (n.size() < 2) {
        r.status = RateStatus::InvalidInput;
        return r;
    }
    std::int64_t totalSuccess = 0;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        totalSuccess += s[i];
        total += n[i];
    }
    if (totalSuccess == 0 || totalSuccess == total) {
        r.status = RateStatus::Degenerate;
        return r;
    }

    Rx2Enumerator e;
    e.maxTables = maxTables;
    e.capacityAfter.assign(n.size(), 0);
    for (std::size_t i = n.size() - 1; i > 0; --i)
        e.capacityAfter[i - 1] = e.capacityAfter[i] + n[i];
    double observed = 0.0;
    for (std::size_t i = 0; i < n.size(); ++i) {
        std::vector<double> lc(static_cast<std::size_t>(n[i]) + 1);
        for (std::int64_t x = 0; x <= n[i]; ++x)
            lc[static_cast<std::size_t>(x)] = logChoose(n[i], x);
        observed += lc[static_cast<std::size_t>(s[i])];
        e.logChooseRow.push_back(std::move(lc));
    }
    // Work with log C(n_i, x_i) sums and normalise once by C(N, S) at the end; shift by the
    // observed value so that exp() stays in range.
    const double logNorm = logChoose(total, totalSuccess);
    e.threshold = observed - logNorm + std::log(kRelErr);
    e.visit(0, totalSuccess, -logNorm);
    r.tablesEnumerated = e.visited;
    if (e.aborted) {
        r.status = RateStatus::TooLarge;
        r.tablesEnumerated = maxTables;
        return r;
    }
    r.pValue = std::min(1.0, e.sum);
    return r;
}

} // namespace metroeval::stats
