// SPDX-License-Identifier: GPL-3.0-or-later
// Calibration-interval methods: NCSLI RP-1 A3, NASA variables method, OIML D 10 staircase.
#include "stats/life/rp1a3.h"
#include "stats/life/staircase.h"
#include "stats/life/variablesinterval.h"

#include "reltol.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>

#include <cmath>

using namespace metroeval::stats;

namespace {
IntervalTestParams tutorialCase(std::int64_t inTolerance)
{
    // NCSL 2019 interval tutorial (shared/design/domain.md §4): target 0.95, confidence 0.5,
    // 20 annual calibrations, I0 = 365 d.
    IntervalTestParams p;
    p.inTolerance = inTolerance;
    p.total = 20;
    p.currentInterval = 365.0;
    p.target = 0.95;
    p.confidence = 0.5;
    return p;
}
} // namespace

TEST(Rp1A3, FifteenOfTwentyMatchesTutorial)
{
    // GIVEN 15 of 20 in tolerance WHEN tested
    const auto r = rp1IntervalTest(tutorialCase(15));
    // THEN interval 231 d, rejection confidence 0.9949, limits 0.6516–0.8286 (domain.md §4)
    EXPECT_EQ(r.decision, IntervalDecision::Reduce);
    EXPECT_NEAR(r.recommendedInterval, 231.0, 0.5);
    EXPECT_NEAR(r.rejectionConfidence, 0.9949, 0.5e-4);
    EXPECT_NEAR(r.reliabilityLower, 0.6516, 0.5e-4);
    EXPECT_NEAR(r.reliabilityUpper, 0.8286, 0.5e-4);
}

TEST(Rp1A3, FourteenOfTwentyMatchesTutorial)
{
    // GIVEN 14 of 20 THEN 205 d, 0.9993, 0.6000–0.7843 (domain.md §4)
    const auto r = rp1IntervalTest(tutorialCase(14));
    EXPECT_NEAR(r.recommendedInterval, 205.0, 0.5);
    EXPECT_NEAR(r.rejectionConfidence, 0.9993, 0.5e-4);
    EXPECT_NEAR(r.reliabilityLower, 0.6000, 0.5e-4);
    EXPECT_NEAR(r.reliabilityUpper, 0.7843, 0.5e-4);
}

TEST(Rp1A3, ObservedAboveTargetGivesPositiveConfidenceAndExtends)
{
    // GIVEN 20 of 20 in tolerance against R* = 0.80 (the branch where one public implementation
    // returns P(X ≤ x) − 1 ≤ 0) WHEN tested
    IntervalTestParams p = tutorialCase(20);
    p.target = 0.80;
    const auto r = rp1IntervalTest(p);
    // THEN C = 1 − 2·P(X ≥ 20 | 0.8) = 1 − 2·0.8^20 (upper tail of Binomial(20, 0.8)), positive,
    // and the interval is extended, here to the 2× cap (exponent 0.2/(2·0.8^20) > log10 2).
    const double expected = 1.0 - 2.0 * std::pow(0.8, 20);
    EXPECT_NEAR(r.rejectionConfidence, expected, 1e-12);
    EXPECT_GT(r.rejectionConfidence, 0.0);
    EXPECT_EQ(r.decision, IntervalDecision::Extend);
    EXPECT_DOUBLE_EQ(r.recommendedInterval, 730.0);
}

TEST(Rp1A3, RejectionConfidenceIsPositiveWheneverTargetIsOutsideSomeInterval)
{
    // GIVEN every x/n > R* for n = 20, R* = 0.9 THEN C equals 1 − 2·P(X ≥ x), computed here
    // independently from the binomial pmf, and is > 0 exactly when that tail is < 1/2.
    for (std::int64_t x = 19; x <= 20; ++x) {
        IntervalTestParams p = tutorialCase(x);
        p.target = 0.9;
        const auto r = rp1IntervalTest(p);
        double tail = 0.0;
        for (std::int64_t k = x; k <= 20; ++k)
            tail += boost::math::pdf(boost::math::binomial_distribution<double>(20, 0.9), static_cast<double>(k));
        EXPECT_NEAR(r.rejectionConfidence, 1.0 - 2.0 * tail, 1e-12) << x;
        EXPECT_GT(r.rejectionConfidence, 0.0) << x;
    }
}

TEST(Rp1A3, EdgeCasesNoDataAllFailuresAndTargetInsideAllIntervals)
{
    // GIVEN no calibrations THEN undefined and NaN, never a silent 0
    IntervalTestParams none = tutorialCase(0);
    none.total = 0;
    auto r = rp1IntervalTest(none);
    EXPECT_EQ(r.decision, IntervalDecision::Undefined);
    EXPECT_TRUE(std::isnan(r.rejectionConfidence));
    // GIVEN all 20 out of tolerance THEN reduce to the I0/2 floor with C = 1 − 2·0.05^20 ≈ 1
    r = rp1IntervalTest(tutorialCase(0));
    EXPECT_EQ(r.decision, IntervalDecision::Reduce);
    EXPECT_DOUBLE_EQ(r.recommendedInterval, 182.5);
    EXPECT_DOUBLE_EQ(r.reliabilityLower, 0.0);
    // GIVEN 3 of 3 against R* = 0.9: P(X ≥ 3) = 0.729 > 1/2, R* inside every two-sided interval
    // THEN no evidence: C = 0 (clamped, not negative) and the interval is kept
    IntervalTestParams small = tutorialCase(3);
    small.total = 3;
    small.target = 0.9;
    r = rp1IntervalTest(small);
    EXPECT_EQ(r.rejectionConfidence, 0.0);
    EXPECT_EQ(r.decision, IntervalDecision::Keep);
    EXPECT_DOUBLE_EQ(r.recommendedInterval, 365.0);
}

namespace {
VariablesDriftModel nasaTable72()
{
    // NASA-HDBK-8739.19-5 Table 7-2 (shared/design/domain.md §4): second-order fit, u0 = 0.28,
    // y0 = 10.03.
    return fitVariablesDrift({70, 86, 104, 135, 167, 173}, {0.1, 0.11, 0.251, 0.299, 0.403, 0.615},
                             2, 10.03, 0.28);
}
} // namespace

TEST(VariablesInterval, ReliabilityTargetTwoSidedMatchesNasaHandbook)
{
    // GIVEN Table 7-2 and limits 9–11 at confidence 0.9 THEN 140.1 d (domain.md §4)
    const auto m = nasaTable72();
    ASSERT_EQ(m.fit.status, FitStatus::Converged);
    EXPECT_NEAR(variablesReliabilityInterval(m, 9.0, 11.0, 0.9), 140.1, 0.05);
}

TEST(VariablesInterval, ReliabilityTargetUpperLimitOnlyMatchesNasaHandbook)
{
    // GIVEN only the upper limit 11 (one-sided factor) THEN 171.75 d (domain.md §4)
    const auto m = nasaTable72();
    EXPECT_NEAR(variablesReliabilityInterval(m, -std::numeric_limits<double>::infinity(), 11.0, 0.9),
                171.75, 0.005);
}

TEST(VariablesInterval, UncertaintyTargetMatchesNasaHandbook)
{
    // GIVEN an uncertainty target of 0.5 THEN 327.15 d (domain.md §4)
    const auto m = nasaTable72();
    EXPECT_NEAR(variablesUncertaintyInterval(m, 0.5), 327.15, 0.005);
}

TEST(VariablesInterval, UndefinedCasesAreNaNOrZero)
{
    // GIVEN as many points as coefficients THEN no residual dof: NaN, not 0
    const auto tooFew = fitVariablesDrift({10, 20}, {0.1, 0.2}, 2, 0.0, 0.1);
    EXPECT_TRUE(std::isnan(variablesReliabilityInterval(tooFew, -1, 1, 0.9)));
    // GIVEN u0 already above the uncertainty target THEN the interval is 0
    const auto m = nasaTable72();
    EXPECT_EQ(variablesUncertaintyInterval(m, 0.2), 0.0);
}

TEST(Staircase, ExtendsAndReducesByTheConfiguredFactors)
{
    // GIVEN I0 = 180 d, a = 1.25, b = 0.5 and results pass, pass, fail THEN 180 → 225 → 281.25 →
    // 140.625 (OIML D 10 method 1 arithmetic, clamped to [14, 1826])
    const auto seq = staircaseSequence(180.0, {true, true, false});
    ASSERT_EQ(seq.size(), 4u);
    EXPECT_DOUBLE_EQ(seq[1], 225.0);
    EXPECT_DOUBLE_EQ(seq[2], 281.25);
    EXPECT_DOUBLE_EQ(seq[3], 140.625);
    EXPECT_DOUBLE_EQ(staircaseNextInterval(1800.0, true), 1826.0);
    EXPECT_TRUE(std::isnan(staircaseNextInterval(0.0, true)));
}
