// SPDX-License-Identifier: GPL-3.0-or-later
#include "stats/rates/proportion.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::stats;

namespace {
// Reference values: R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17 (1998) 857–872, Table II, methods 3
// (Wilson score, no continuity correction) and 5 (Clopper–Pearson exact), 95 %, four decimals.
struct NewcombeCase
{
    int x;
    int n;
    double wilsonLower, wilsonUpper;
    double exactLower, exactUpper;
};
constexpr NewcombeCase kNewcombe[] = {
    {81, 263, 0.2553, 0.3662, 0.2527, 0.3676},
    {15, 148, 0.0624, 0.1605, 0.0578, 0.1617},
    {0, 20, 0.0000, 0.1611, 0.0000, 0.1684},
    {1, 29, 0.0061, 0.1718, 0.0009, 0.1776},
};
} // namespace

TEST(WilsonInterval, MatchesNewcombeTableII)
{
    for (const auto &c : kNewcombe) {
        // GIVEN x successes of n, WHEN the 95 % Wilson interval is computed
        const auto ci = wilsonInterval(c.x, c.n, 0.95);
        // THEN it equals the published bounds to the four decimals printed
        EXPECT_NEAR(ci.lower, c.wilsonLower, 0.5e-4) << c.x << "/" << c.n;
        EXPECT_NEAR(ci.upper, c.wilsonUpper, 0.5e-4) << c.x << "/" << c.n;
        EXPECT_DOUBLE_EQ(ci.estimate, double(c.x) / c.n);
    }
}

TEST(ClopperPearsonInterval, MatchesNewcombeTableII)
{
    for (const auto &c : kNewcombe) {
        const auto ci = clopperPearsonInterval(c.x, c.n, 0.95);
        EXPECT_NEAR(ci.lower, c.exactLower, 0.5e-4) << c.x << "/" << c.n;
        EXPECT_NEAR(ci.upper, c.exactUpper, 0.5e-4) << c.x << "/" << c.n;
    }
}

TEST(WilsonInterval, AllPassHasUpperBoundOne)
{
    // GIVEN 20 of 20 passing, THEN the upper bound is exactly 1 and the lower bound is the
    // mirror of 0/20 (Wilson is symmetric under x -> n - x).
    const auto all = wilsonInterval(20, 20);
    const auto none = wilsonInterval(0, 20);
    EXPECT_DOUBLE_EQ(all.upper, 1.0);
    EXPECT_NEAR(all.lower, 1.0 - none.upper, 1e-15);
}

TEST(WilsonInterval, UndefinedInputGivesNaN)
{
    EXPECT_TRUE(std::isnan(wilsonInterval(0, 0).estimate));
    EXPECT_TRUE(std::isnan(wilsonInterval(0, 0).lower));
    EXPECT_TRUE(std::isnan(wilsonInterval(5, 3).upper));
    EXPECT_TRUE(std::isnan(wilsonInterval(-1, 3).upper));
    EXPECT_TRUE(std::isnan(wilsonInterval(1, 3, 1.0).upper));
    EXPECT_TRUE(std::isnan(clopperPearsonInterval(0, 0).lower));
}

TEST(NormalQuantile, KnownValues)
{
    // Abramowitz & Stegun Table 26.5: z(0.975) = 1.959963985, z(0.995) = 2.575829304.
    EXPECT_NEAR(twoSidedNormalQuantile(0.95), 1.959963985, 1e-9);
    EXPECT_NEAR(twoSidedNormalQuantile(0.99), 2.575829304, 1e-9);
}
