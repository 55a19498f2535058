// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/runrules_test.cpp).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace metroeval::stats {

/// \brief Tests for special causes on a chart of standardised scores z = (value − centre)/σ.
///
/// Numbering follows Nelson, J. Qual. Technol. 16 (1984) 237–239; EightSameSide is the Western
/// Electric (1956) version of the run rule.
enum class RunRule {
    BeyondThreeSigma,          ///< Nelson 1 / WE 1: one point with |z| > 3
    NineSameSide,              ///< Nelson 2: nine in a row on one side of the centre
    SixTrending,               ///< Nelson 3: six in a row steadily increasing or decreasing
    FourteenAlternating,       ///< Nelson 4: fourteen in a row alternating up and down
    TwoOfThreeBeyondTwoSigma,  ///< Nelson 5 / WE 2: two of three with z > 2 (or < −2), same side
    FourOfFiveBeyondOneSigma,  ///< Nelson 6 / WE 3: four of five with z > 1 (or < −1), same side
    FifteenWithinOneSigma,     ///< Nelson 7: fifteen in a row with |z| < 1
    EightBeyondOneSigmaEitherSide, ///< Nelson 8: eight in a row with |z| > 1, either side
    EightSameSide,             ///< WE 4: eight in a row on one side of the centre
};

/// \brief Rule sets: the four Western Electric rules or the eight Nelson rules.
enum class RunRuleSet { WesternElectric, Nelson };

/// \brief One firing: the rule and the index of the point that completes its pattern.
struct RunRuleViolation
{
    std::size_t point = 0;
    RunRule rule = RunRule::BeyondThreeSigma;
    bool operator==(const RunRuleViolation &) const = default;
};

/// \brief Every (point, rule) at which a rule of the set fires, ordered by point then rule.
///
/// Method: Western Electric Statistical Quality Control Handbook (1956); Nelson (1984). A rule
/// fires at point i when the window of its length ending at i matches, so a long run fires at
/// every point after it is complete (Minitab convention). A point exactly on the centre breaks a
/// same-side run; equal consecutive values break a trend or alternation. NaN scores (undefined
/// points) break every window that contains them. Empty input gives no violations.
std::vector<RunRuleViolation> runRuleViolations(std::span<const double> z, RunRuleSet set);

} // namespace metroeval::stats
