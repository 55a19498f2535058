// SPDX-License-Identifier: GPL-3.0-or-later
// Western Electric and Nelson run rules on constructed score sequences: each sequence is built
// so that exactly the named pattern of Nelson (1984) / WECo (1956) appears, and the expected
// (point, rule) list follows from the rule's definition by inspection.
#include "stats/rates/runrules.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace metroeval::stats;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using V = std::vector<RunRuleViolation>;
}

namespace metroeval::stats {
// Readable failure messages: "(point, rule number)".
void PrintTo(const RunRuleViolation &v, std::ostream *os)
{
    *os << "(" << v.point << ", rule " << static_cast<int>(v.rule) << ")";
}
} // namespace metroeval::stats

TEST(RunRules, BeyondThreeSigma)
{
    // GIVEN 0.5, 3.1, −3.2, 2.9 THEN points 1 and 2 fire rule 1 (2.9 does not), and the window
    // (3.1, −3.2, 2.9) ending at index 3 holds two points above +2σ: rule 5 / WE 2 there
    const std::vector<double> z{0.5, 3.1, -3.2, 2.9};
    const V expected{{1, RunRule::BeyondThreeSigma},
                     {2, RunRule::BeyondThreeSigma},
                     {3, RunRule::TwoOfThreeBeyondTwoSigma}};
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::Nelson), expected);
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::WesternElectric), expected);
}

TEST(RunRules, SameSideRuns)
{
    // GIVEN nine points at +0.5 THEN Nelson 2 fires at the ninth (index 8) only, and WE 4
    // (eight in a row) at indices 7 and 8
    const std::vector<double> z(9, 0.5);
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::Nelson), (V{{8, RunRule::NineSameSide}}));
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::WesternElectric),
              (V{{7, RunRule::EightSameSide}, {8, RunRule::EightSameSide}}));
    // GIVEN a point exactly on the centre in the run THEN it breaks the run
    std::vector<double> broken(9, 0.5);
    broken[4] = 0.0;
    EXPECT_TRUE(runRuleViolations(broken, RunRuleSet::Nelson).empty());
    // GIVEN an undefined (NaN) point in the run THEN it breaks the run too
    broken[4] = kNaN;
    EXPECT_TRUE(runRuleViolations(broken, RunRuleSet::WesternElectric).empty());
}

TEST(RunRules, SixTrending)
{
    // GIVEN six strictly increasing points within ±1σ THEN Nelson 3 at index 5; five do not fire
    const std::vector<double> z{-0.5, -0.3, -0.1, 0.1, 0.3, 0.5};
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::Nelson), (V{{5, RunRule::SixTrending}}));
    const std::vector<double> five{-0.5, -0.3, -0.1, 0.1, 0.3};
    EXPECT_TRUE(runRuleViolations(five, RunRuleSet::Nelson).empty());
    // GIVEN a tie inside the trend THEN it is not "steadily increasing"
    const std::vector<double> tie{-0.5, -0.3, -0.3, 0.1, 0.3, 0.5};
    EXPECT_TRUE(runRuleViolations(tie, RunRuleSet::Nelson).empty());
}

TEST(RunRules, FourteenAlternating)
{
    // GIVEN ±0.5 alternating for 14 points THEN Nelson 4 at index 13
    std::vector<double> z;
    for (int i = 0; i < 14; ++i)
        z.push_back(i % 2 == 0 ? 0.5 : -0.5);
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::Nelson), (V{{13, RunRule::FourteenAlternating}}));
    z.pop_back();
    EXPECT_TRUE(runRuleViolations(z, RunRuleSet::Nelson).empty());
}

TEST(RunRules, TwoOfThreeBeyondTwoSigma)
{
    // GIVEN 0, 2.5, 0, 2.1 THEN the window (2.5, 0, 2.1) ending at index 3 fires Nelson 5 / WE 2
    const std::vector<double> z{0.0, 2.5, 0.0, 2.1};
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::WesternElectric),
              (V{{3, RunRule::TwoOfThreeBeyondTwoSigma}}));
    // GIVEN the two far points on opposite sides THEN nothing fires
    const std::vector<double> opposite{0.0, 2.5, 0.0, -2.1};
    EXPECT_TRUE(runRuleViolations(opposite, RunRuleSet::Nelson).empty());
}

TEST(RunRules, FourOfFiveBeyondOneSigma)
{
    // GIVEN 1.5, 1.5, 0, 1.5, 1.5 THEN Nelson 6 / WE 3 at index 4
    const std::vector<double> z{1.5, 1.5, 0.0, 1.5, 1.5};
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::Nelson),
              (V{{4, RunRule::FourOfFiveBeyondOneSigma}}));
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::WesternElectric),
              (V{{4, RunRule::FourOfFiveBeyondOneSigma}}));
}

TEST(RunRules, FifteenWithinOneSigma)
{
    // GIVEN the repeating 0.2, 0.4, −0.2, −0.4 (no run > 2 on a side, no alternation, no trend)
    // for 15 points THEN only Nelson 7, at index 14
    std::vector<double> z;
    const double cycle[] = {0.2, 0.4, -0.2, -0.4};
    for (int i = 0; i < 15; ++i)
        z.push_back(cycle[i % 4]);
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::Nelson), (V{{14, RunRule::FifteenWithinOneSigma}}));
    EXPECT_TRUE(runRuleViolations(z, RunRuleSet::WesternElectric).empty());
}

TEST(RunRules, EightBeyondOneSigmaEitherSide)
{
    // GIVEN ±1.5 alternating for 8 points THEN Nelson 8 at index 7 (only 4 of 5 on one side
    // never happens: at most 3)
    std::vector<double> z;
    for (int i = 0; i < 8; ++i)
        z.push_back(i % 2 == 0 ? 1.5 : -1.5);
    EXPECT_EQ(runRuleViolations(z, RunRuleSet::Nelson),
              (V{{7, RunRule::EightBeyondOneSigmaEitherSide}}));
}

TEST(RunRules, EmptyAndSinglePoint)
{
    EXPECT_TRUE(runRuleViolations({}, RunRuleSet::Nelson).empty());
    const std::vector<double> one{4.0};
    EXPECT_EQ(runRuleViolations(one, RunRuleSet::Nelson), (V{{0, RunRule::BeyondThreeSigma}}));
    const std::vector<double> nan{kNaN};
    EXPECT_TRUE(runRuleViolations(nan, RunRuleSet::Nelson).empty());
}
