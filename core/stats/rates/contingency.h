// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/contingency_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <Eigen/Core>

#include <cstdint>
#include <span>

namespace metroeval::stats {

/// \brief Pearson chi-square test of independence on an r×c table, with the expected-count
/// diagnostics a reader needs before trusting the asymptotic p-value.
struct ChiSquareResult
{
    RateStatus status = RateStatus::Ok;
    double statistic = 0.0;  ///< Σ (O − E)²/E (Yates-corrected when yatesApplied); NaN unless Ok
    int degreesOfFreedom = 0; ///< (r − 1)(c − 1)
    double pValue = 0.0;     ///< upper tail of χ²(df)
    bool yatesApplied = false;
    Eigen::MatrixXd expected; ///< E = row total · column total / N (empty unless Ok)
    int cellsBelowFive = 0;   ///< number of cells with E < 5
    int cellsBelowOne = 0;    ///< number of cells with E < 1
    double minExpected = 0.0;
    /// Cochran's rule (Cochran 1954, Biometrics 10:417–451; the rule quoted by R's chisq.test
    /// warning): the approximation is doubtful when any E < 1 or more than 20 % of cells have
    /// E < 5.
    /// When true, prefer fisherExact2x2 / fisherExactRx2.
    bool expectedCountWarning = false;
};

/// \brief Pearson chi-square on an r×c table of counts (rows = groups, columns = outcomes).
///
/// Method: X² = Σ(O − E)²/E, df = (r − 1)(c − 1), p from the χ² upper tail; for a 2×2 table and
/// yates = true the continuity correction Σ(|O − E| − min(½, |O − E|))²/E, as R `chisq.test`
/// (R Core, stats package) does. Status: EmptyInput for a 0×0 table or N = 0; InvalidInput for
/// negative counts or r < 2 or c < 2 (a single group has nothing to compare);
/// NaNInput for NaN/inf; Degenerate when a row or column total is 0 (some E = 0).
ChiSquareResult pearsonChiSquare(const Eigen::Ref<const Eigen::MatrixXd> &table,
                                 bool yates = false);

/// \brief Alternative hypothesis for the odds ratio θ of a 2×2 table.
enum class Alternative { TwoSided, Less, Greater };

/// \brief Fisher exact test on the 2×2 table [[a, b], [c, d]] (rows = groups, columns = pass/fail).
struct FisherResult
{
    RateStatus status = RateStatus::Ok;
    double pValue = 0.0;
    double oddsRatio = 0.0; ///< conditional MLE of θ (can be 0 or +inf); NaN unless Ok
    double lower = 0.0;     ///< conditional confidence bounds for θ
    double upper = 0.0;
    double level = 0.95;
};

/// \brief Fisher exact test with conditional MLE odds ratio and its exact confidence interval.
///
/// Method: Fisher (1935); conditional hypergeometric distribution of a given the margins. The
/// two-sided p-value sums the probabilities of all tables no more probable than the observed one
/// (relative tolerance 1e-7), as R `fisher.test`; the estimate maximises the conditional
/// (non-central hypergeometric) likelihood; the interval inverts the two one-sided tests
/// (Agresti, Categorical Data Analysis, 2nd ed. 2002, §3.5.7). N = 0 gives EmptyInput; a zero
/// row or column total (e.g. all pass) gives Degenerate (θ is not estimable); negative counts
/// InvalidInput.
FisherResult fisherExact2x2(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d,
                            Alternative alternative = Alternative::TwoSided, double level = 0.95);

/// \brief The p-value of fisherExact2x2 alone, for screening many groups.
///
/// Same definition and statuses as fisherExact2x2; oddsRatio, lower and upper are NaN (not
/// computed), which skips the three root searches that dominate the cost of the full test.
FisherResult fisherExact2x2PValue(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d,
                                  Alternative alternative = Alternative::TwoSided);

/// \brief Result of the Fisher–Freeman–Halton exact test on an r×2 table.
struct FisherRx2Result
{
    RateStatus status = RateStatus::Ok;
    double pValue = 0.0; ///< NaN unless Ok
    std::int64_t tablesEnumerated = 0;
};

/// \brief Exact test of equal proportions across r groups (r×2 table: successes, failures).
///
/// Method: Freeman & Halton (1951), Biometrika 38:141–149: with all margins fixed, p = Σ P(T) over
/// tables T with P(T) ≤ P(observed)·(1 + 1e-7) (the tolerance R `fisher.test` uses), P from the
/// multivariate hypergeometric law. Full enumeration: status TooLarge (p NaN) when more than
/// maxTables tables would be visited. Groups with no trials are dropped; fewer than 2 remaining
/// groups give InvalidInput (nothing to compare), no trials at all EmptyInput; a zero pass or
/// fail total (all pass / all fail) gives Degenerate.
FisherRx2Result fisherExactRx2(std::span<const std::int64_t> successes,
                               std::span<const std::int64_t> failures,
                               std::int64_t maxTables = 20'000'000);

} // namespace metroeval::stats
