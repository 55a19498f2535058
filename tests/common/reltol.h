// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>

#include <cmath>

namespace metroeval::test {

/// \brief Checks |actual − expected| ≤ rel·|expected| (or ≤ rel when expected is 0), the way
/// certified-value comparisons are stated (LabPlot FitTest, NIST StRD "digits of accuracy").
inline ::testing::AssertionResult relativelyNear(double actual, double expected, double rel)
{
    const double scale = expected == 0.0 ? 1.0 : std::fabs(expected);
    const double err = std::fabs(actual - expected) / scale;
    if (std::isfinite(actual) && err <= rel)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "actual " << actual << " vs expected " << expected
                                         << " (relative error " << err << " > " << rel << ")";
}

} // namespace metroeval::test

#define EXPECT_REL_NEAR(actual, expected, rel) \
    EXPECT_TRUE(::metroeval::test::relativelyNear((actual), (expected), (rel)))
