// SPDX-License-Identifier: GPL-3.0-or-later
// Jeffreys / Agresti–Coull intervals, all four intervals against R, Newcombe difference,
// sample size.
#include "csvfixture.h"
#include "reltol.h"
#include "stats/rates/proportion.h"
#include "stats/rates/proportiondifference.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace metroeval::stats;
using metroeval::test::readRatesFixture;

// Reference: R 4.2.2 prop.test(correct = FALSE) (Wilson), binom.test (Clopper–Pearson), qbeta
// (Jeffreys), the Agresti–Coull formula; produced by tests/data/stats/rates/make_fixtures.R.
TEST(ProportionIntervals, AllFourMatchRFixture)
{
    const auto rows = readRatesFixture("proportion_intervals.csv");
    ASSERT_EQ(rows.size(), 10u);
    for (const auto &r : rows) {
        // GIVEN x of n at a level, WHEN each interval is computed, THEN it equals R's
        const auto x = r.integer("x");
        const auto n = r.integer("n");
        const double level = r.number("level");
        const auto w = wilsonInterval(x, n, level);
        const auto cp = clopperPearsonInterval(x, n, level);
        const auto j = jeffreysInterval(x, n, level);
        const auto ac = agrestiCoullInterval(x, n, level);
        EXPECT_NEAR(w.lower, r.number("wilson_lo"), 1e-12) << x << "/" << n;
        EXPECT_NEAR(w.upper, r.number("wilson_hi"), 1e-12) << x << "/" << n;
        EXPECT_NEAR(cp.lower, r.number("cp_lo"), 1e-10) << x << "/" << n;
        EXPECT_NEAR(cp.upper, r.number("cp_hi"), 1e-10) << x << "/" << n;
        EXPECT_NEAR(j.lower, r.number("jeffreys_lo"), 1e-10) << x << "/" << n;
        EXPECT_NEAR(j.upper, r.number("jeffreys_hi"), 1e-10) << x << "/" << n;
        EXPECT_NEAR(ac.lower, r.number("ac_lo"), 1e-12) << x << "/" << n;
        EXPECT_NEAR(ac.upper, r.number("ac_hi"), 1e-12) << x << "/" << n;
    }
}

TEST(JeffreysInterval, EdgeCases)
{
    // GIVEN n = 0, x > n or a level outside (0, 1) THEN every bound is NaN (never 0)
    EXPECT_TRUE(std::isnan(jeffreysInterval(0, 0).estimate));
    EXPECT_TRUE(std::isnan(jeffreysInterval(4, 3).lower));
    EXPECT_TRUE(std::isnan(jeffreysInterval(1, 3, 0.0).upper));
    // GIVEN all pass (20/20) THEN upper = 1 exactly and lower mirrors 0/20 (symmetry x -> n - x)
    const auto all = jeffreysInterval(20, 20);
    EXPECT_DOUBLE_EQ(all.upper, 1.0);
    EXPECT_NEAR(all.lower, 1.0 - jeffreysInterval(0, 20).upper, 1e-14);
    // GIVEN all fail THEN lower = 0 exactly (BCD 2001 modification)
    EXPECT_DOUBLE_EQ(jeffreysInterval(0, 20).lower, 0.0);
    // GIVEN a single trial THEN the interval is proper: 0 <= lower < upper <= 1
    const auto one = jeffreysInterval(1, 1);
    EXPECT_LT(one.lower, one.upper);
}

TEST(AgrestiCoullInterval, EdgeCases)
{
    EXPECT_TRUE(std::isnan(agrestiCoullInterval(0, 0).lower));
    EXPECT_TRUE(std::isnan(agrestiCoullInterval(-1, 5).upper));
    // GIVEN all fail THEN the clamp gives lower = 0 and the estimate stays x/n = 0
    const auto none = agrestiCoullInterval(0, 10);
    EXPECT_DOUBLE_EQ(none.lower, 0.0);
    EXPECT_DOUBLE_EQ(none.estimate, 0.0);
    // GIVEN all pass THEN the clamp gives upper = 1
    EXPECT_DOUBLE_EQ(agrestiCoullInterval(10, 10).upper, 1.0);
}

// Reference: Newcombe, Statistics in Medicine 17 (1998) 873–890, Table II, method 10, four
// decimals as printed: (a) 56/70 − 48/80 → 0.0524 to 0.3339; (b) 9/10 − 3/10 → 0.1705 to 0.8090.
TEST(NewcombeDifference, MatchesNewcombeTableII)
{
    const auto a = newcombeDifference(56, 70, 48, 80);
    EXPECT_NEAR(a.lower, 0.0524, 0.5e-4);
    EXPECT_NEAR(a.upper, 0.3339, 0.5e-4);
    const auto b = newcombeDifference(9, 10, 3, 10);
    EXPECT_NEAR(b.lower, 0.1705, 0.5e-4);
    EXPECT_NEAR(b.upper, 0.8090, 0.5e-4);
}

// Reference: R 4.2.2, method 10 built from prop.test(correct = FALSE) Wilson bounds, produced by
// tests/data/stats/rates/make_fixtures.R (includes 0/10 − 0/20, 10/10 − 0/20 and 1/3 − 2/2).
TEST(NewcombeDifference, MatchesRFixture)
{
    const auto rows = readRatesFixture("newcombe_difference.csv");
    ASSERT_EQ(rows.size(), 10u);
    for (const auto &r : rows) {
        const auto d = newcombeDifference(r.integer("x1"), r.integer("n1"), r.integer("x2"),
                                          r.integer("n2"));
        ASSERT_EQ(d.status, RateStatus::Ok);
        EXPECT_NEAR(d.estimate, r.number("estimate"), 1e-14);
        EXPECT_NEAR(d.lower, r.number("lower"), 1e-12);
        EXPECT_NEAR(d.upper, r.number("upper"), 1e-12);
    }
}

TEST(NewcombeDifference, EdgeCases)
{
    // GIVEN an empty group THEN EmptyInput and NaN, never a 0 difference
    const auto empty = newcombeDifference(0, 0, 3, 10);
    EXPECT_EQ(empty.status, RateStatus::EmptyInput);
    EXPECT_TRUE(std::isnan(empty.estimate));
    EXPECT_EQ(newcombeDifference(11, 10, 3, 10).status, RateStatus::InvalidInput);
    EXPECT_EQ(newcombeDifference(1, 10, 3, 10, 1.5).status, RateStatus::InvalidInput);
    // GIVEN both groups all pass THEN the difference is 0 with a symmetric interval around it
    const auto same = newcombeDifference(10, 10, 20, 20);
    EXPECT_DOUBLE_EQ(same.estimate, 0.0);
    EXPECT_LT(same.lower, 0.0);
    EXPECT_GT(same.upper, 0.0);
}

TEST(SampleSize, WaldClassicalExample)
{
    // Reference (hand computation, Cochran 1977 eq. 4.2): p = 0.5, E = 0.05, 95 %:
    // n = 1.959964² · 0.25 / 0.0025 = 384.146 → 385. p = 0.1, E = 0.03, 95 %:
    // 1.959964² · 0.09 / 0.0009 = 384.146 → 385 as well; p = 0.2, E = 0.02, 99 %:
    // 2.575829² · 0.16 / 0.0004 = 2653.96 → 2654.
    EXPECT_EQ(sampleSizeWald(0.5, 0.05).value(), 385);
    EXPECT_EQ(sampleSizeWald(0.1, 0.03).value(), 385);
    EXPECT_EQ(sampleSizeWald(0.2, 0.02, 0.99).value(), 2654);
    // GIVEN an anticipated p of 0 or 1, NaN, or a non-positive width THEN no answer (not 0)
    EXPECT_FALSE(sampleSizeWald(0.0, 0.05).has_value());
    EXPECT_FALSE(sampleSizeWald(1.0, 0.05).has_value());
    EXPECT_FALSE(sampleSizeWald(std::numeric_limits<double>::quiet_NaN(), 0.05).has_value());
    EXPECT_FALSE(sampleSizeWald(0.5, 0.0).has_value());
}

TEST(SampleSize, WilsonIsSmallestAdequateN)
{
    // GIVEN an anticipated rate and a wanted full width
    for (const double p : {0.0, 0.02, 0.1, 0.5, 0.9, 1.0}) {
        for (const double width : {0.02, 0.1, 0.3}) {
            // WHEN the Wilson planning size is computed
            const auto n = sampleSizeWilson(p, width);
            ASSERT_TRUE(n.has_value()) << p << " " << width;
            // THEN n achieves the width and n − 1 does not (definition of "smallest")
            EXPECT_LE(wilsonPlanningWidth(p, *n), width);
            if (*n > 1) {
                EXPECT_GT(wilsonPlanningWidth(p, *n - 1), width);
            }
        }
    }
    // Reference (hand computation): at p = 0 the Wilson width is z²/(n + z²), so width 0.1 needs
    // n ≥ z²(1/0.1 − 1) = 3.841459·9 = 34.57 → 35.
    EXPECT_EQ(sampleSizeWilson(0.0, 0.1).value(), 35);
    // Reference (hand computation of width(n) = 2z√(0.25/n + z²/(4n²))/(1 + z²/n), z = 1.959964):
    // width(380) = 0.100040 > 0.1 and width(381) = 0.099910 ≤ 0.1, so p = ½, full width 0.1 → 381
    // (a little below Wald's 385, as Piegorsch 2004 notes).
    EXPECT_EQ(sampleSizeWilson(0.5, 0.1).value(), 381);
    EXPECT_FALSE(sampleSizeWilson(0.5, 0.0).has_value());
    EXPECT_FALSE(sampleSizeWilson(1.5, 0.1).has_value());
    EXPECT_FALSE(sampleSizeWilson(0.5, 1e-9, 0.95, 1000).has_value());
    EXPECT_TRUE(std::isnan(wilsonPlanningWidth(0.5, 0)));
}
