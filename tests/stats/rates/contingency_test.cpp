// SPDX-License-Identifier: GPL-3.0-or-later
// Pearson chi-square, Fisher exact (2×2, r×2), Holm and Benjamini–Hochberg.
#include "csvfixture.h"
#include "reltol.h"
#include "stats/rates/contingency.h"
#include "stats/rates/multipletesting.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace metroeval::stats;
using metroeval::test::readRatesFixture;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::MatrixXd tableFrom(const metroeval::test::CsvRow &r)
{
    const auto cells = r.numbers("cells");
    Eigen::MatrixXd m(r.integer("rows"), r.integer("cols"));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            m(i, j) = cells[static_cast<std::size_t>(i * m.cols() + j)];
    return m;
}
} // namespace

// Reference: R 4.2.2 chisq.test (statistic, parameter, p.value, expected), produced by
// tests/data/stats/rates/make_fixtures.R; includes Agresti (2002) Table 3.2 (gender × party).
TEST(PearsonChiSquare, MatchesRFixture)
{
    const auto rows = readRatesFixture("chisq.csv");
    ASSERT_EQ(rows.size(), 6u);
    for (const auto &r : rows) {
        // GIVEN an r×c table, WHEN tested with or without Yates (as R's `correct`)
        const auto result = pearsonChiSquare(tableFrom(r), r.integer("correct") == 1);
        // THEN statistic, df, p and the expected-count diagnostics equal R's
        ASSERT_EQ(result.status, RateStatus::Ok);
        EXPECT_REL_NEAR(result.statistic, r.number("statistic"), 1e-12);
        EXPECT_EQ(result.degreesOfFreedom, r.integer("df"));
        EXPECT_REL_NEAR(result.pValue, r.number("p"), 1e-10);
        EXPECT_REL_NEAR(result.minExpected, r.number("min_expected"), 1e-14);
        EXPECT_EQ(result.cellsBelowFive, r.integer("below5"));
    }
}

TEST(PearsonChiSquare, ExpectedCountWarning)
{
    // GIVEN the 3×3 table of the fixture (N = 20, all nine E < 5) THEN Cochran's rule fires
    Eigen::MatrixXd small(3, 3);
    small << 3, 1, 2, 0, 4, 1, 5, 2, 2;
    const auto r = pearsonChiSquare(small);
    EXPECT_TRUE(r.expectedCountWarning);
    EXPECT_EQ(r.cellsBelowFive, 9);
    // GIVEN Agresti's Table 3.2 (smallest E = 298.4, hand: 1430·(327+239)... ≥ 5) THEN no warning
    Eigen::MatrixXd big(2, 3);
    big << 762, 327, 468, 484, 239, 477;
    EXPECT_FALSE(pearsonChiSquare(big).expectedCountWarning);
    // GIVEN one E < 1 among many large ones THEN the "any E < 1" half of the rule fires:
    // E(row 3, col 2) = 20·3/1223 = 0.049
    Eigen::MatrixXd oneTiny(3, 2);
    oneTiny << 600, 1, 600, 2, 20, 0;
    const auto t = pearsonChiSquare(oneTiny);
    EXPECT_EQ(t.cellsBelowOne, 1);
    EXPECT_TRUE(t.expectedCountWarning);
}

TEST(PearsonChiSquare, EdgeCases)
{
    // GIVEN an empty table or all zeros THEN EmptyInput with NaN statistic
    EXPECT_EQ(pearsonChiSquare(Eigen::MatrixXd(0, 0)).status, RateStatus::EmptyInput);
    const auto zeros = pearsonChiSquare(Eigen::MatrixXd::Zero(2, 2));
    EXPECT_EQ(zeros.status, RateStatus::EmptyInput);
    EXPECT_TRUE(std::isnan(zeros.pValue));
    // GIVEN a single group (1×2) THEN InvalidInput: nothing to compare
    EXPECT_EQ(pearsonChiSquare(Eigen::MatrixXd::Ones(1, 2)).status, RateStatus::InvalidInput);
    // GIVEN all pass (failure column all 0) THEN Degenerate, p NaN (not 1, not 0)
    Eigen::MatrixXd allPass(2, 2);
    allPass << 10, 0, 20, 0;
    const auto ap = pearsonChiSquare(allPass);
    EXPECT_EQ(ap.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(ap.statistic));
    // GIVEN a NaN or negative count THEN NaNInput / InvalidInput
    Eigen::MatrixXd withNaN(2, 2);
    withNaN << 1, kNaN, 3, 4;
    EXPECT_EQ(pearsonChiSquare(withNaN).status, RateStatus::NaNInput);
    Eigen::MatrixXd negative(2, 2);
    negative << 1, -2, 3, 4;
    EXPECT_EQ(pearsonChiSquare(negative).status, RateStatus::InvalidInput);
}

// Reference: R 4.2.2 fisher.test (p.value, estimate = conditional MLE, conf.int), produced by
// tests/data/stats/rates/make_fixtures.R. Row 1 is Fisher's tea-tasting table [[3,1],[1,3]]
// (p = 0.4857, Agresti 2002 §3.5.2). p-values are sums of exact terms and agree to 1e-9.
// fisher.test finds the estimate and bounds with uniroot at its default tolerance, so its
// printed bounds are off by up to ~0.7 % (tea-tasting upper bound 621.93 vs 626.24); they are
// checked at 1e-2, and the *_tight columns (same definitions, R dhyper + uniroot(tol = 1e-15),
// same script) at 1e-8.
TEST(FisherExact2x2, MatchesRFixture)
{
    const auto rows = readRatesFixture("fisher_2x2.csv");
    ASSERT_EQ(rows.size(), 8u);
    for (const auto &r : rows) {
        // GIVEN a 2×2 table and an alternative
        const std::string alt = r.text("alternative");
        const Alternative a = alt == "less"      ? Alternative::Less
                              : alt == "greater" ? Alternative::Greater
                                                 : Alternative::TwoSided;
        // WHEN the exact test is run
        const auto f = fisherExact2x2(r.integer("a"), r.integer("b"), r.integer("c"),
                                      r.integer("d"), a);
        // THEN p, the conditional MLE and the bounds equal R's
        ASSERT_EQ(f.status, RateStatus::Ok);
        EXPECT_REL_NEAR(f.pValue, r.number("p"), 1e-9) << r.text("a") << " " << alt;
        // AND the p-only variant gives the same p and leaves the estimate uncomputed
        const auto pOnly = fisherExact2x2PValue(r.integer("a"), r.integer("b"), r.integer("c"),
                                                r.integer("d"), a);
        EXPECT_EQ(pOnly.pValue, f.pValue);
        EXPECT_TRUE(std::isnan(pOnly.oddsRatio));
        const std::pair<double, std::string> checks[] = {
            {f.oddsRatio, "estimate"}, {f.lower, "lower"}, {f.upper, "upper"}};
        for (const auto &[mine, col] : checks) {
            for (const auto &[suffix, tol] : {std::pair{"", 1e-2}, std::pair{"_tight", 1e-8}}) {
                const double ref = r.number(col + suffix);
                if (std::isinf(ref) || ref == 0.0)
                    EXPECT_EQ(mine, ref) << col << suffix;
                else
                    EXPECT_REL_NEAR(mine, ref, tol) << col << suffix << " row a=" << r.text("a");
            }
        }
    }
}

TEST(FisherExact2x2, EdgeCases)
{
    // GIVEN N = 0 THEN EmptyInput; all pass in both groups THEN Degenerate (θ not estimable)
    EXPECT_EQ(fisherExact2x2(0, 0, 0, 0).status, RateStatus::EmptyInput);
    const auto allPass = fisherExact2x2(10, 0, 7, 0);
    EXPECT_EQ(allPass.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(allPass.pValue));
    EXPECT_EQ(fisherExact2x2(0, 5, 0, 3).status, RateStatus::Degenerate); // all fail
    EXPECT_EQ(fisherExact2x2(-1, 5, 0, 3).status, RateStatus::InvalidInput);
    EXPECT_EQ(fisherExact2x2(1, 5, 2, 3, Alternative::TwoSided, 1.0).status,
              RateStatus::InvalidInput);
    EXPECT_EQ(fisherExact2x2PValue(0, 0, 0, 0).status, RateStatus::EmptyInput);
    EXPECT_EQ(fisherExact2x2PValue(10, 0, 7, 0).status, RateStatus::Degenerate);
    // GIVEN one observation per group in opposite outcomes [[1,0],[0,1]]
    // THEN (hand: two tables, P(a = 1; θ) = θ/(1 + θ)) p = 1, θ̂ = +inf, upper = +inf and the
    // lower bound solves θ/(1 + θ) = 0.025, θ = 1/39
    const auto single = fisherExact2x2(1, 0, 0, 1);
    EXPECT_NEAR(single.pValue, 1.0, 1e-12);
    EXPECT_TRUE(std::isinf(single.oddsRatio));
    EXPECT_TRUE(std::isinf(single.upper));
    EXPECT_REL_NEAR(single.lower, 1.0 / 39.0, 1e-10);
}

// Reference: R 4.2.2 fisher.test on r×2 tables (network algorithm, FEXACT), produced by
// tests/data/stats/rates/make_fixtures.R.
TEST(FisherExactRx2, MatchesRFixture)
{
    const auto rows = readRatesFixture("fisher_rx2.csv");
    ASSERT_EQ(rows.size(), 4u);
    for (const auto &r : rows) {
        const auto s = r.integers("successes");
        const auto f = r.integers("failures");
        const auto result = fisherExactRx2(s, f);
        ASSERT_EQ(result.status, RateStatus::Ok);
        EXPECT_REL_NEAR(result.pValue, r.number("p"), 1e-7) << r.text("successes");
    }
}

TEST(FisherExactRx2, AgreesWith2x2AndEdgeCases)
{
    // GIVEN a 2×2 table as r×2 THEN the same p as the two-sided 2×2 test (same definition)
    const std::vector<std::int64_t> s{12, 9};
    const std::vector<std::int64_t> f{5, 7};
    EXPECT_NEAR(fisherExactRx2(s, f).pValue, fisherExact2x2(12, 5, 9, 7).pValue, 1e-12);
    // GIVEN no trials / one group / all pass / all fail / mismatched lengths
    const std::vector<std::int64_t> zero{0, 0};
    EXPECT_EQ(fisherExactRx2(zero, zero).status, RateStatus::EmptyInput);
    const std::vector<std::int64_t> one{5};
    const std::vector<std::int64_t> oneF{2};
    EXPECT_EQ(fisherExactRx2(one, oneF).status, RateStatus::InvalidInput);
    const auto allPass = fisherExactRx2(s, zero);
    EXPECT_EQ(allPass.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(allPass.pValue));
    EXPECT_EQ(fisherExactRx2(zero, f).status, RateStatus::Degenerate);
    EXPECT_EQ(fisherExactRx2(one, f).status, RateStatus::InvalidInput);
    // GIVEN a work cap smaller than the table count THEN TooLarge with NaN p
    const std::vector<std::int64_t> bs{50, 50, 50, 50, 50};
    const std::vector<std::int64_t> bf{50, 50, 50, 50, 50};
    const auto capped = fisherExactRx2(bs, bf, 1000);
    EXPECT_EQ(capped.status, RateStatus::TooLarge);
    EXPECT_TRUE(std::isnan(capped.pValue));
}

// Reference: R 4.2.2 p.adjust(method = "holm" / "BH") with one NA among ten p-values, produced
// by tests/data/stats/rates/make_fixtures.R.
TEST(MultipleTesting, MatchesRPAdjust)
{
    const auto rows = readRatesFixture("p_adjust.csv");
    ASSERT_EQ(rows.size(), 10u);
    std::vector<double> p;
    for (const auto &r : rows)
        p.push_back(r.number("p"));
    const auto holm = holmAdjust(p);
    const auto bh = benjaminiHochbergAdjust(p);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double h = rows[i].number("holm");
        const double b = rows[i].number("bh");
        if (std::isnan(h)) {
            EXPECT_TRUE(std::isnan(holm[i]));
            EXPECT_TRUE(std::isnan(bh[i]));
        } else {
            EXPECT_NEAR(holm[i], h, 1e-15);
            EXPECT_NEAR(bh[i], b, 1e-15);
        }
    }
}

TEST(MultipleTesting, EdgeCases)
{
    // GIVEN no p-values THEN empty output
    EXPECT_TRUE(holmAdjust({}).empty());
    EXPECT_TRUE(benjaminiHochbergAdjust({}).empty());
    // GIVEN a single p-value THEN it is unchanged (m = 1)
    const std::vector<double> one{0.03};
    EXPECT_DOUBLE_EQ(holmAdjust(one)[0], 0.03);
    EXPECT_DOUBLE_EQ(benjaminiHochbergAdjust(one)[0], 0.03);
    // GIVEN only NaN / out-of-range values THEN NaN out
    const std::vector<double> bad{kNaN, 1.5};
    EXPECT_TRUE(std::isnan(holmAdjust(bad)[1]));
    EXPECT_TRUE(std::isnan(benjaminiHochbergAdjust(bad)[0]));
}
