// SPDX-License-Identifier: GPL-3.0-or-later
// NCSLI RP-1 method S2. No published worked example was available to us, so every model is
// checked by recovery: bins whose in-tolerance counts are the model's expectation (n = 10⁶ per
// bin, rounded) must give back the generating θ, a lack-of-fit F near 0 and an interval equal
// to the analytic inverse R(t) = R* where one exists (hand algebra stated in each test).
#include "stats/life/rp1s2.h"

#include "reltol.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::stats;

namespace {
std::vector<ReliabilityBin> expectedBins(ReliabilityModel m, const std::vector<double> &theta)
{
    std::vector<ReliabilityBin> bins;
    for (int i = 1; i <= 12; ++i) {
        const double t = 30.0 * i;
        const std::int64_t n = 1000000;
        bins.push_back({t, n, std::llround(static_cast<double>(n) * reliabilityModelValue(m, theta, t))});
    }
    return bins;
}

void expectRecovers(ReliabilityModel m, const std::vector<double> &theta, double rel)
{
    const auto r = rp1BinomialMethod(expectedBins(m, theta), {}, {m});
    ASSERT_EQ(r.status, FitStatus::Converged);
    ASSERT_EQ(r.models.size(), 1u);
    const auto &f = r.models[0];
    EXPECT_EQ(f.convergence.status, FitStatus::Converged) << reliabilityModelName(m);
    ASSERT_EQ(f.theta.size(), theta.size());
    for (std::size_t j = 0; j < theta.size(); ++j)
        EXPECT_REL_NEAR(f.theta[j], theta[j], rel) << reliabilityModelName(m) << " θ" << j + 1;
    EXPECT_LT(f.lackOfFitF, 1e-3) << reliabilityModelName(m);
    EXPECT_TRUE(f.accepted) << reliabilityModelName(m);
    // The interval solves R(t) = R* for the fitted model.
    if (std::isfinite(f.interval)) {
        EXPECT_NEAR(reliabilityModelValue(m, f.theta, f.interval), 0.9, 1e-9) << reliabilityModelName(m);
        EXPECT_LE(f.intervalLower, f.interval);
        EXPECT_GE(f.intervalUpper, f.interval);
    }
}
} // namespace

TEST(Rp1S2, ExponentialRecoversRateAndAnalyticInterval)
{
    // GIVEN R = e^{−0.001t} THEN θ = 0.001 and the interval −ln(0.9)/0.001 = 105.3605 d
    expectRecovers(ReliabilityModel::Exponential, {0.001}, 1e-4);
    const auto r = rp1BinomialMethod(expectedBins(ReliabilityModel::Exponential, {0.001}), {},
                                     {ReliabilityModel::Exponential});
    EXPECT_NEAR(r.models[0].interval, -std::log(0.9) / 0.001, 0.05);
}

TEST(Rp1S2, WeibullRecoversAndInvertsAnalytically)
{
    // GIVEN R = e^{−(0.002t)^1.5} THEN interval (−ln 0.9)^{1/1.5}/0.002 = 111.52 d
    expectRecovers(ReliabilityModel::Weibull, {0.002, 1.5}, 1e-4);
    const auto r = rp1BinomialMethod(expectedBins(ReliabilityModel::Weibull, {0.002, 1.5}), {},
                                     {ReliabilityModel::Weibull});
    EXPECT_NEAR(r.models[0].interval, std::pow(-std::log(0.9), 1.0 / 1.5) / 0.002, 0.05);
}

TEST(Rp1S2, EveryOtherModelRecoversItsGeneratingParameters)
{
    expectRecovers(ReliabilityModel::MixedExponential, {0.002, 1.5}, 1e-3);
    expectRecovers(ReliabilityModel::RandomWalk, {0.05, 0.001}, 1e-3);
    expectRecovers(ReliabilityModel::RestrictedRandomWalk, {0.05, 0.5, 0.005}, 1e-2);
    expectRecovers(ReliabilityModel::ModifiedGamma, {0.005}, 1e-4);
    expectRecovers(ReliabilityModel::MortalityDrift, {0.0005, 1e-6}, 1e-3);
    expectRecovers(ReliabilityModel::Warranty, {0.02, 300.0}, 1e-4);
    expectRecovers(ReliabilityModel::Drift, {2.0, 2.5, 0.005}, 1e-3);
    expectRecovers(ReliabilityModel::Lognormal, {1.0 / 400.0, 0.8}, 1e-4);
}

TEST(Rp1S2, LackOfFitRejectsTheWrongModelAndSelectionPicksTheRightOne)
{
    // GIVEN Weibull data with shape 3 (strongly wear-out) WHEN all models are fitted
    const auto r = rp1BinomialMethod(expectedBins(ReliabilityModel::Weibull, {0.003, 3.0}));
    ASSERT_EQ(r.status, FitStatus::Converged);
    ASSERT_EQ(r.models.size(), 10u);
    // THEN the exponential (constant hazard) is rejected by the F test with confidence > 0.95
    EXPECT_GT(r.models[0].rejectionConfidence, 0.95);
    EXPECT_FALSE(r.models[0].accepted);
    // AND the selected model reproduces the data (F near 0)
    ASSERT_GE(r.selected, 0);
    EXPECT_LT(r.models[static_cast<std::size_t>(r.selected)].lackOfFitF, 1e-2);
}

TEST(Rp1S2, LackOfFitStatisticFollowsRp1Equations)
{
    // GIVEN three bins WHEN the exponential is fitted THEN F = [Σn(r − R)²/(k − m)] /
    // [Σn r(1 − r)/(N − k)] (RP-1 D-19, D-23), recomputed here from the fitted θ
    const std::vector<ReliabilityBin> bins{{90, 40, 38}, {180, 50, 43}, {365, 30, 22}};
    const auto r = rp1BinomialMethod(bins, {}, {ReliabilityModel::Exponential});
    const auto &f = r.models[0];
    double sl = 0.0, se = 0.0;
    for (const auto &b : bins) {
        const double ri = static_cast<double>(b.inTolerance) / static_cast<double>(b.total);
        const double model = std::exp(-f.theta[0] * b.time);
        sl += static_cast<double>(b.total) * (ri - model) * (ri - model);
        se += static_cast<double>(b.total) * ri * (1.0 - ri);
    }
    EXPECT_EQ(f.dfLackOfFit, 2);
    EXPECT_EQ(f.dfPureError, 117);
    EXPECT_NEAR(f.lackOfFitF, (sl / 2.0) / (se / 117.0), 1e-10);
    // AND θ solves the binomial score equation Σ (x − nR)·t = 0 for R = e^{−θt}
    double score = 0.0;
    for (const auto &b : bins)
        score += (static_cast<double>(b.inTolerance) - static_cast<double>(b.total) * std::exp(-f.theta[0] * b.time))
                 / (1.0 - std::exp(-f.theta[0] * b.time)) * b.time;
    EXPECT_NEAR(score, 0.0, 1e-6);
}

TEST(Rp1S2, NoFailuresOrTooFewBinsAreReported)
{
    // GIVEN every calibration in tolerance THEN NoEvents (no model is estimable)
    EXPECT_EQ(rp1BinomialMethod({{90, 10, 10}, {180, 10, 10}}).status, FitStatus::NoEvents);
    // GIVEN every calibration out of tolerance THEN NoEvents too
    EXPECT_EQ(rp1BinomialMethod({{90, 10, 0}, {180, 10, 0}}).status, FitStatus::NoEvents);
    // GIVEN one bin THEN InvalidInput
    EXPECT_EQ(rp1BinomialMethod({{90, 10, 9}}).status, FitStatus::InvalidInput);
}
