// SPDX-License-Identifier: GPL-3.0-or-later
// Mann–Kendall, Sen slope, Cochran–Armitage.
#include "csvfixture.h"
#include "reltol.h"
#include "stats/rates/trend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace metroeval::stats;
using metroeval::test::readRatesFixture;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

// Reference: R 4.2.2 cor.test(seq_along(y), y, method = "kendall", exact = FALSE,
// continuity = TRUE) for z, p and τ_b; S and Var(S) computed directly in base R from the
// Hipel & McLeod (1994) / Gilbert (1987, eq. 16.4) formulas; produced by
// tests/data/stats/rates/make_fixtures.R. Series 2 and 4 carry ties in y.
TEST(MannKendall, MatchesRFixture)
{
    const auto rows = readRatesFixture("mann_kendall.csv");
    ASSERT_EQ(rows.size(), 5u);
    for (const auto &r : rows) {
        // GIVEN a series, WHEN the Mann–Kendall test is run
        const auto y = r.numbers("y");
        const auto mk = mannKendall(y);
        // THEN S, Var(S), z, p and τ equal R's
        ASSERT_EQ(mk.status, RateStatus::Ok);
        EXPECT_EQ(mk.s, r.number("s"));
        EXPECT_REL_NEAR(mk.varS, r.number("var_s"), 1e-14);
        EXPECT_NEAR(mk.z, r.number("z"), 1e-12);
        EXPECT_REL_NEAR(mk.pValue, r.number("p"), 1e-10);
        EXPECT_NEAR(mk.tau, r.number("tau"), 1e-12);
    }
}

TEST(MannKendall, EdgeCases)
{
    // GIVEN no points THEN EmptyInput with NaN z
    const auto empty = mannKendall({});
    EXPECT_EQ(empty.status, RateStatus::EmptyInput);
    EXPECT_TRUE(std::isnan(empty.z));
    // GIVEN a single point THEN Var(S) = 0: Degenerate
    const std::vector<double> one{0.9};
    EXPECT_EQ(mannKendall(one).status, RateStatus::Degenerate);
    // GIVEN every period at 100 % pass THEN all values tied, Var(S) = 0: Degenerate, p NaN
    const std::vector<double> allPass(8, 1.0);
    const auto flat = mannKendall(allPass);
    EXPECT_EQ(flat.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(flat.pValue));
    // GIVEN a NaN in the series THEN NaNInput (no silent dropping)
    const std::vector<double> gap{0.9, kNaN, 0.8};
    EXPECT_EQ(mannKendall(gap).status, RateStatus::NaNInput);
    // GIVEN two points (hand: S = 1, Var = 2·1·9/18 = 1, z = (1 − 1)/1 = 0) THEN p = 1
    const std::vector<double> two{1.0, 2.0};
    const auto t = mannKendall(two);
    EXPECT_EQ(t.s, 1.0);
    EXPECT_DOUBLE_EQ(t.varS, 1.0);
    EXPECT_DOUBLE_EQ(t.pValue, 1.0);
}

// Reference: Sen slope, intercept (median of y − b·t) and the Gilbert (1987) §16.5.2 interval
// computed in base R (sort, median, approx for fractional ranks) by
// tests/data/stats/rates/make_fixtures.R; includes uneven times, ties, 90/95/99 % and a
// 3-point series whose bounds are undefined (NA).
TEST(SenSlope, MatchesRFixture)
{
    const auto rows = readRatesFixture("sen_slope.csv");
    ASSERT_EQ(rows.size(), 5u);
    for (const auto &r : rows) {
        const auto t = r.numbers("t");
        const auto y = r.numbers("y");
        const auto sen = senSlope(t, y, r.number("level"));
        ASSERT_EQ(sen.status, RateStatus::Ok);
        EXPECT_NEAR(sen.slope, r.number("slope"), 1e-14);
        EXPECT_NEAR(sen.intercept, r.number("intercept"), 1e-13);
        for (const auto &[mine, col] :
             {std::pair{sen.lower, "lower"}, std::pair{sen.upper, "upper"}}) {
            const double ref = r.number(col);
            if (std::isnan(ref))
                EXPECT_TRUE(std::isnan(mine)) << col;
            else
                EXPECT_NEAR(mine, ref, 1e-13) << col;
        }
    }
}

TEST(SenSlope, EdgeCases)
{
    // GIVEN an exact line y = 2 + 0.5 t THEN slope 0.5 and intercept 2 (hand)
    const std::vector<double> line{2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5};
    const auto s = senSlope(line);
    EXPECT_DOUBLE_EQ(s.slope, 0.5);
    EXPECT_DOUBLE_EQ(s.intercept, 2.0);
    // GIVEN no points / one point / NaN / mismatched times / too many points
    EXPECT_EQ(senSlope(std::vector<double>{}).status, RateStatus::EmptyInput);
    const std::vector<double> one{1.0};
    const auto single = senSlope(one);
    EXPECT_EQ(single.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(single.slope));
    const std::vector<double> gap{1.0, kNaN, 2.0};
    EXPECT_EQ(senSlope(gap).status, RateStatus::NaNInput);
    const std::vector<double> t2{0.0, 1.0};
    EXPECT_EQ(senSlope(t2, line).status, RateStatus::InvalidInput);
    const std::vector<double> huge(kMaxSenPoints + 1, 0.0);
    EXPECT_EQ(senSlope(huge).status, RateStatus::TooLarge);
    // GIVEN all-equal rates THEN slope 0 (a real zero: every pairwise slope is 0)
    const std::vector<double> flat(6, 1.0);
    EXPECT_DOUBLE_EQ(senSlope(flat).slope, 0.0);
}

// Reference: R 4.2.2 prop.trend.test (row 1 is the smokers example of R's ?prop.test), produced
// by tests/data/stats/rates/make_fixtures.R; row 4 has an empty group that R is given without.
TEST(CochranArmitage, MatchesRFixture)
{
    const auto rows = readRatesFixture("cochran_armitage.csv");
    ASSERT_EQ(rows.size(), 4u);
    for (const auto &r : rows) {
        const auto x = r.integers("x");
        const auto n = r.integers("n");
        const std::vector<double> scores = r.text("score") == "default" ? std::vector<double>{}
                                                                        : r.numbers("score");
        const auto ca = cochranArmitage(x, n, scores);
        ASSERT_EQ(ca.status, RateStatus::Ok);
        EXPECT_REL_NEAR(ca.chiSquare, r.number("chisq"), 1e-12);
        EXPECT_REL_NEAR(ca.pValue, r.number("p"), 1e-10);
    }
}

TEST(CochranArmitage, SignAndEdgeCases)
{
    // GIVEN rates falling with the score (48/50 … 38/50) THEN z < 0
    const std::vector<std::int64_t> x{48, 45, 44, 40, 38};
    const std::vector<std::int64_t> n(5, 50);
    EXPECT_LT(cochranArmitage(x, n).z, 0.0);
    // GIVEN no trials / one group / all pass / all fail / x > n / equal scores / NaN score
    const std::vector<std::int64_t> zeros(5, 0);
    EXPECT_EQ(cochranArmitage(zeros, zeros).status, RateStatus::EmptyInput);
    const std::vector<std::int64_t> oneX{3};
    const std::vector<std::int64_t> oneN{5};
    EXPECT_EQ(cochranArmitage(oneX, oneN).status, RateStatus::InvalidInput);
    const auto allPass = cochranArmitage(n, n);
    EXPECT_EQ(allPass.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(allPass.chiSquare));
    EXPECT_EQ(cochranArmitage(zeros, n).status, RateStatus::Degenerate);
    const std::vector<std::int64_t> tooMany{51, 1, 1, 1, 1};
    EXPECT_EQ(cochranArmitage(tooMany, n).status, RateStatus::InvalidInput);
    const std::vector<double> sameScore(5, 2.0);
    EXPECT_EQ(cochranArmitage(x, n, sameScore).status, RateStatus::Degenerate);
    const std::vector<double> nanScore{1, 2, kNaN, 4, 5};
    EXPECT_EQ(cochranArmitage(x, n, nanScore).status, RateStatus::NaNInput);
}
