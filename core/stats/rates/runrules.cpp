// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/runrules_test.cpp).
#include "stats/rates/runrules.h"

#include <cmath>
#include <functional>

namespace metroeval::stats {

namespace {
// True when all of z[end − length + 1 .. end] are defined.
bool windowDefined(std::span<const double> z, std::size_t end, std::size_t length)
{
    if (end + 1 < length)
        return false;
    for (std::size_t i = end + 1 - length; i <= end; ++i) {
        if (std::isnan(z[i]))
            return false;
    }
    return true;
}

bool allInWindow(std::span<const double> z, std::size_t end, std::size_t length,
                 const std::function<bool(double)> &predicate)
{
    for (std::size_t i = end + 1 - length; i <= end; ++i) {
        if (!predicate(z[i]))
            return false;
    }
    return true;
}

std::size_t countInWindow(std::span<const double> z, std::size_t end, std::size_t length,
                          const std::function<bool(double)> &predicate)
{
    std::size_t count = 0;
    for (std::size_t i = end + 1 - length; i <= end; ++i)
        count += predicate(z[i]) ? 1 : 0;
    return count;
}

bool sameSide(std::span<const double> z, std::size_t end, std::size_t length)
{
    return allInWindow(z, end, length, [](double v) { return v > 0.0; })
           || allInWindow(z, end, length, [](double v) { return v < 0.0; });
}

bool trending(std::span<const double> z, std::size_t end, std::size_t length)
{
    bool up = true;
    bool down = true;
    for (std::size_t i = end + 2 - length; i <= end; ++i) {
        up = up && z[i] > z[i - 1];
        down = down && z[i] < z[i - 1];
    }
    return up || down;
}

bool alternating(std::span<const double> z, std::size_t end, std::size_t length)
{
    for (std::size_t i = end + 3 - length; i <= end; ++i) {
        const double d1 = z[i - 1] - z[i - 2];
        const double d2 = z[i] - z[i - 1];
        if (!(d1 * d2 < 0.0))
            return false;
    }
    return true;
}

bool fires(RunRule rule, std::span<const double> z, std::size_t i)
{
    switch (rule) {
    case RunRule::BeyondThreeSigma:
        return windowDefined(z, i, 1) && std::fabs(z[i]) > 3.0;
    case RunRule::NineSameSide:
        return windowDefined(z, i, 9) && sameSide(z, i, 9);
    case RunRule::SixTrending:
        return windowDefined(z, i, 6) && trending(z, i, 6);
    case RunRule::FourteenAlternating:
        return windowDefined(z, i, 14) && alternating(z, i, 14);
    case RunRule::TwoOfThreeBeyondTwoSigma:
        return windowDefined(z, i, 3)
               && (countInWindow(z, i, 3, [](double v) { return v > 2.0; }) >= 2
                   || countInWindow(z, i, 3, [](double v) { return v < -2.0; }) >= 2);
    case RunRule::FourOfFiveBeyondOneSigma:
        return windowDefined(z, i, 5)
               && (countInWindow(z, i, 5, [](double v) { return v > 1.0; }) >= 4
                   || countInWindow(z, i, 5, [](double v) { return v < -1.0; }) >= 4);
    case RunRule::FifteenWithinOneSigma:
        return windowDefined(z, i, 15)
               && allInWindow(z, i, 15, [](double v) { return std::fabs(v) < 1.0; });
    case RunRule::EightBeyondOneSigmaEitherSide:
        return windowDefined(z, i, 8)
               && allInWindow(z, i, 8, [](double v) { return std::fabs(v) > 1.0; });
    case RunRule::EightSameSide:
        return windowDefined(z, i, 8) && sameSide(z, i, 8);
    }
    return false;
}
} // namespace

std::vector<RunRuleViolation> runRuleViolations(std::span<const double> z, RunRuleSet set)
{
    static constexpr RunRule kWesternElectric[] = {
        RunRule::BeyondThreeSigma, RunRule::TwoOfThreeBeyondTwoSigma,
        RunRule::FourOfFiveBeyondOneSigma, RunRule::EightSameSide};
    static constexpr RunRule kNelson[] = {
        RunRule::BeyondThreeSigma, RunRule::NineSameSide, RunRule::SixTrending,
        RunRule::FourteenAlternating, RunRule::TwoOfThreeBeyondTwoSigma,
        RunRule::FourOfFiveBeyondOneSigma, RunRule::FifteenWithinOneSigma,
        RunRule::EightBeyondOneSigmaEitherSide};
    const std::span<const RunRule> rules = set == RunRuleSet::WesternElectric
                                               ? std::span<const RunRule>(kWesternElectric)
                                               : std::span<const RunRule>(kNelson);
    std::vector<RunRuleViolation> out;
    for (std::size_t i = 0; i < z.size(); ++i) {
        for (const RunRule rule : rules) {
            if (fires(rule, z, i))
                out.push_back({i, rule});
        }
    }
    return out;
}

} // namespace metroeval::stats
