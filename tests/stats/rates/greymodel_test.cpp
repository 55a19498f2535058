// SPDX-License-Identifier: GPL-3.0-or-later
// GM(1,1) grey model.
#include "csvfixture.h"
#include "reltol.h"
#include "stats/rates/greymodel.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace metroeval::stats;
using metroeval::test::readRatesFixture;

// Reference: GM(1,1) written independently in base R 4.2.2 (qr.solve for (a, b), cumsum/diff for
// AGO/IAGO, C, P and mean relative error as documented in greymodel.h), produced by
// tests/data/stats/rates/make_fixtures.R. Series 1 is the textbook series of Liu & Lin (2010)
// ch. 7, series 2 a slowly declining pass rate, series 3 fails the class-ratio test (14/18).
TEST(GreyModel, MatchesRFixture)
{
    const auto rows = readRatesFixture("gm11.csv");
    ASSERT_EQ(rows.size(), 5u);
    for (const auto &r : rows) {
        // GIVEN a series, WHEN GM(1,1) is fitted
        const auto x = r.numbers("x");
        const auto m = fitGm11(x);
        // THEN a series failing R's class-ratio check is refused
        if (r.integer("admissible") == 0) {
            EXPECT_EQ(m.status, RateStatus::NotApplicable) << r.text("x");
            continue;
        }
        // THEN a, b, the fitted values, C, P, the error and 3 forecasts equal R's
        ASSERT_EQ(m.status, RateStatus::Ok) << r.text("x");
        EXPECT_REL_NEAR(m.a, r.number("a"), 1e-10);
        EXPECT_REL_NEAR(m.b, r.number("b"), 1e-10);
        const auto fitted = r.numbers("fitted");
        for (std::size_t i = 0; i < fitted.size(); ++i)
            EXPECT_REL_NEAR(m.fitted[i], fitted[i], 1e-10);
        const auto forecast = r.numbers("forecast3");
        const auto mine = forecastGm11(m, 3);
        ASSERT_EQ(mine.size(), 3u);
        for (std::size_t i = 0; i < 3; ++i)
            EXPECT_REL_NEAR(mine[i], forecast[i], 1e-10);
        EXPECT_REL_NEAR(m.posteriorVarianceRatio, r.number("C"), 1e-9);
        EXPECT_DOUBLE_EQ(m.smallErrorProbability, r.number("P"));
        EXPECT_REL_NEAR(m.meanRelativeError, r.number("mre"), 1e-9);
    }
}

TEST(GreyModel, RecoversExactWhiteningEquation)
{
    // GIVEN a series built so that x⁰(k) + a·z¹(k) = b holds exactly (a = −0.05, b = 10,
    // x⁰(1) = 10; x⁰(k) = (b − a·x¹(k−1))/(1 + a/2), e.g. x⁰(2) = 10.5/0.975 = 10.7692308)
    const double a = -0.05;
    const double b = 10.0;
    std::vector<double> x{10.0};
    double ago = 10.0;
    for (int k = 2; k <= 7; ++k) {
        x.push_back((b - a * ago) / (1.0 + a / 2.0));
        ago += x.back();
    }
    EXPECT_NEAR(x[1], 10.5 / 0.975, 1e-14);
    // WHEN fitted THEN least squares returns a and b exactly (zero residual in the LS system)
    const auto m = fitGm11(x);
    ASSERT_EQ(m.status, RateStatus::Ok);
    EXPECT_NEAR(m.a, a, 1e-12);
    EXPECT_NEAR(m.b, b, 1e-11);
}

TEST(GreyModel, RefusesWhereModelDoesNotApply)
{
    // GIVEN a jump: σ(4) = 5/20 = 0.25 outside (e^{−2/6}, e^{2/7}) = (0.7165, 1.3307)
    const std::vector<double> jump{5, 5.2, 5.1, 20, 21};
    const auto m = fitGm11(jump);
    EXPECT_EQ(m.status, RateStatus::NotApplicable);
    EXPECT_TRUE(std::isnan(m.a));
    EXPECT_NEAR(m.ratioLower, std::exp(-2.0 / 6.0), 1e-15);
    EXPECT_NEAR(m.ratioUpper, std::exp(2.0 / 7.0), 1e-15);
    ASSERT_EQ(m.classRatio.size(), 4u);
    EXPECT_DOUBLE_EQ(m.classRatio[2], 5.1 / 20.0);
    EXPECT_TRUE(forecastGm11(m, 2).empty());
    // GIVEN n = 0, n < 4, a zero value, a NaN THEN typed statuses
    EXPECT_EQ(fitGm11({}).status, RateStatus::EmptyInput);
    const std::vector<double> three{1, 2, 3};
    EXPECT_EQ(fitGm11(three).status, RateStatus::InvalidInput);
    const std::vector<double> withZero{1, 0, 1, 1};
    EXPECT_EQ(fitGm11(withZero).status, RateStatus::InvalidInput);
    const std::vector<double> withNaN{1, std::numeric_limits<double>::quiet_NaN(), 1, 1};
    EXPECT_EQ(fitGm11(withNaN).status, RateStatus::NaNInput);
    // GIVEN a constant series (every period 100 % pass) THEN a = 0: Degenerate, not a forecast
    const std::vector<double> allPass(5, 1.0);
    EXPECT_EQ(fitGm11(allPass).status, RateStatus::Degenerate);
}

TEST(GreyModel, GradeTable)
{
    // The four grades at their boundaries (strict inequalities as in the table)
    EXPECT_EQ(greyGrade(0.30, 0.96), GreyGrade::Good);
    EXPECT_EQ(greyGrade(0.35, 0.96), GreyGrade::Qualified);
    EXPECT_EQ(greyGrade(0.30, 0.95), GreyGrade::Qualified);
    EXPECT_EQ(greyGrade(0.60, 0.90), GreyGrade::BarelyQualified);
    EXPECT_EQ(greyGrade(0.65, 0.99), GreyGrade::Unqualified);
    EXPECT_EQ(greyGrade(0.10, 0.70), GreyGrade::Unqualified);
}
