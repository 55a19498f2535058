// SPDX-License-Identifier: GPL-3.0-or-later
// Drift: per-instrument OLS/WLS, time to ±MPE, population of rates, pseudo-failure times.
// Reference values: R 4.2.2 `lm(dist ~ speed, cars)` (and with weights = 1/speed) with
// `predict(interval = "confidence"/"prediction")` at speed 21, written by make_fixtures.R to
// lm_cars.csv; other figures are hand arithmetic stated in each test.
#include "stats/life/drift.h"

#include "fixtures.h"
#include "reltol.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::stats;
using metroeval::test::readCsv;
using metroeval::test::readKeyValues;

namespace {
void expectMatchesLm(bool weighted)
{
    const auto cars = readCsv("cars.csv");
    const auto speed = cars.column("speed"), dist = cars.column("dist");
    const auto ref = readKeyValues("lm_cars.csv");
    const std::string pre = weighted ? "wls_" : "ols_";
    const auto n = static_cast<Eigen::Index>(speed.size());
    const Eigen::Map<const Eigen::VectorXd> x(speed.data(), n), y(dist.data(), n);
    Eigen::VectorXd w;
    if (weighted)
        w = x.cwiseInverse();
    const auto fit = fitPolynomial(x, y, 1, w);
    ASSERT_EQ(fit.status, FitStatus::Converged);
    EXPECT_REL_NEAR(fit.coefficients(0), ref[pre + "b0"], 1e-12);
    EXPECT_REL_NEAR(fit.coefficients(1), ref[pre + "b1"], 1e-12);
    EXPECT_REL_NEAR(fit.standardErrors(0), ref[pre + "se0"], 1e-12);
    EXPECT_REL_NEAR(fit.standardErrors(1), ref[pre + "se1"], 1e-12);
    EXPECT_REL_NEAR(fit.residualSd, ref[pre + "sigma"], 1e-12);
    EXPECT_REL_NEAR(fit.rSquared, ref[pre + "r2"], 1e-12);
    const auto p = predictLinear(fit, Eigen::Vector2d(1.0, 21.0), 0.95, 1.0);
    EXPECT_REL_NEAR(p.fitted, ref[pre + "fit21"], 1e-12);
    EXPECT_REL_NEAR(p.fitted - p.confidenceHalfWidth, ref[pre + "ci_lwr"], 1e-12);
    EXPECT_REL_NEAR(p.fitted + p.confidenceHalfWidth, ref[pre + "ci_upr"], 1e-12);
    EXPECT_REL_NEAR(p.fitted - p.predictionHalfWidth, ref[pre + "pi_lwr"], 1e-12);
    EXPECT_REL_NEAR(p.fitted + p.predictionHalfWidth, ref[pre + "pi_upr"], 1e-12);
}
} // namespace

TEST(DriftRegression, OlsIntervalsMatchRLm)
{
    // GIVEN R's cars data WHEN OLS is fitted THEN coefficients, SEs, s, R², CI and PI = lm/predict
    expectMatchesLm(false);
}

TEST(DriftRegression, WlsIntervalsMatchRLm)
{
    // GIVEN weights 1/speed WHEN WLS is fitted THEN = lm(weights = 1/speed), PI for a unit-weight
    // new observation (predict(..., weights = 1))
    expectMatchesLm(true);
}

TEST(InstrumentDrift, ExactLineReachesMpeWhereArithmeticSays)
{
    // GIVEN errors 0.1, 0.2, 0.3 at 100, 200, 300 d (slope 0.001/d, intercept 0) and MPE 1.0
    const auto d = fitInstrumentDrift({100, 200, 300}, {0.1, 0.2, 0.3}, 1.0);
    // THEN the mean crossing is (1 − 0)/0.001 = 1000 d; with zero scatter the prediction bound
    // coincides with the line, so the conservative crossing is 1000 d too
    EXPECT_NEAR(d.slope, 0.001, 1e-15);
    EXPECT_NEAR(d.timeToLimit, 1000.0, 1e-9);
    EXPECT_NEAR(d.conservativeTimeToLimit, 1000.0, 1e-6);
}

TEST(InstrumentDrift, NegativeDriftReachesTheLowerLimit)
{
    // GIVEN 0.2 − 0.002·t observed at 0, 50, 100 d and MPE 0.6 THEN (−0.6 − 0.2)/(−0.002) = 400 d
    const auto d = fitInstrumentDrift({0, 50, 100}, {0.2, 0.1, 0.0}, 0.6);
    EXPECT_NEAR(d.timeToLimit, 400.0, 1e-9);
}

TEST(InstrumentDrift, ConservativeCrossingIsWhereThePredictionBoundMeetsTheMpe)
{
    // GIVEN a noisy path WHEN fitted THEN at the conservative crossing the one-sided 95 % Student
    // prediction bound (two-sided 90 % half-width from predictLinear) equals the MPE, and it
    // comes before the mean crossing
    const auto d = fitInstrumentDrift({30, 90, 180, 270, 365}, {0.05, 0.21, 0.30, 0.52, 0.61}, 1.0);
    ASSERT_TRUE(std::isfinite(d.conservativeTimeToLimit));
    const auto p = predictLinear(d.fit, Eigen::Vector2d(1.0, d.conservativeTimeToLimit), 0.90);
    EXPECT_NEAR(p.fitted + p.predictionHalfWidth, 1.0, 1e-9);
    EXPECT_LT(d.conservativeTimeToLimit, d.timeToLimit);
}

TEST(InstrumentDrift, FlatAndDegenerateCases)
{
    // GIVEN a constant error THEN never reaches the MPE (+∞); GIVEN one point THEN NaN;
    // GIVEN two points THEN a mean crossing but no prediction bound (0 dof → NaN)
    EXPECT_TRUE(std::isinf(fitInstrumentDrift({0, 100, 200}, {0.1, 0.1, 0.1}, 1.0).timeToLimit));
    EXPECT_TRUE(std::isnan(fitInstrumentDrift({100}, {0.1}, 1.0).timeToLimit));
    const auto two = fitInstrumentDrift({0, 100}, {0.0, 0.1}, 1.0);
    EXPECT_NEAR(two.timeToLimit, 1000.0, 1e-9);
    EXPECT_TRUE(std::isnan(two.conservativeTimeToLimit));
    // GIVEN the same time twice (zero-length span) THEN the line is not estimable
    EXPECT_EQ(fitInstrumentDrift({50, 50}, {0.1, 0.2}, 1.0).fit.status, FitStatus::RankDeficient);
}

TEST(DriftPopulation, SummaryAndPseudoFailureTimes)
{
    // GIVEN three exact lines with slopes 0.001, 0.002, 0.004 per day from 0, and one flat path
    std::vector<InstrumentDrift> paths{fitInstrumentDrift({100, 200}, {0.1, 0.2}, 1.0),
                                       fitInstrumentDrift({100, 200}, {0.2, 0.4}, 1.0),
                                       fitInstrumentDrift({100, 200}, {0.4, 0.8}, 1.0),
                                       fitInstrumentDrift({100, 200}, {0.0, 0.0}, 1.0)};
    const auto s = summariseDriftRates(paths);
    // THEN mean (0.001 + 0.002 + 0.004 + 0)/4 = 0.00175, median (0.001 + 0.002)/2 = 0.0015
    EXPECT_EQ(s.instruments, 4);
    EXPECT_NEAR(s.mean, 0.00175, 1e-15);
    EXPECT_NEAR(s.median, 0.0015, 1e-15);
    // THEN pseudo-failure times 1000, 500, 250 d exact and the flat path censored at 200 d
    const auto obs = pseudoFailureTimes(paths);
    ASSERT_EQ(obs.size(), 4u);
    EXPECT_NEAR(obs[0].lower, 1000.0, 1e-9);
    EXPECT_NEAR(obs[1].lower, 500.0, 1e-9);
    EXPECT_NEAR(obs[2].lower, 250.0, 1e-9);
    EXPECT_EQ(obs[2].lower, obs[2].upper);
    EXPECT_DOUBLE_EQ(obs[3].lower, 200.0);
    EXPECT_TRUE(std::isinf(obs[3].upper));
    // AND they feed the life model
    const auto fit = fitLifeDistribution(obs, LifeDistribution::Weibull);
    EXPECT_EQ(fit.convergence.status, FitStatus::Converged);
}
