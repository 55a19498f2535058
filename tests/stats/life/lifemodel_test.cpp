// SPDX-License-Identifier: GPL-3.0-or-later
// Reference values: R 4.2.2, survival 3.5-3, `survreg(Surv(...) ~ 1, dist = ...)` with
// `predict(type = "quantile", p = c(0.1, 0.5), se.fit = TRUE)` and `AIC()`, on `aml`, `lung` and the
// interval-censored gauge set, written by tests/data/stats/life/make_fixtures.R to survreg.csv.
#include "stats/life/lifemodel.h"

#include "fixtures.h"
#include "reltol.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace metroeval::stats;
using metroeval::test::readCsv;
using metroeval::test::readKeyValues;

namespace {

std::vector<LifeObservation> rightCensored(const std::string &file)
{
    const auto t = readCsv(file);
    const auto time = t.column("time"), status = t.column("status");
    std::vector<LifeObservation> out;
    for (std::size_t i = 0; i < time.size(); ++i)
        out.push_back(status[i] == 1.0 ? LifeObservation::exact(time[i])
                                       : LifeObservation::rightCensored(time[i]));
    return out;
}

std::vector<LifeObservation> intervalGauges()
{
    // interval2 coding: NA left = left-censored, NA right = right-censored, left == right exact.
    const auto t = readCsv("interval_gauges.csv");
    const auto l = t.column("left"), r = t.column("right");
    std::vector<LifeObservation> out;
    for (std::size_t i = 0; i < l.size(); ++i) {
        const double lo = std::isnan(l[i]) ? 0.0 : l[i];
        const double hi = std::isnan(r[i]) ? std::numeric_limits<double>::infinity() : r[i];
        out.push_back({lo, hi});
    }
    return out;
}

void expectMatchesSurvreg(const std::vector<LifeObservation> &data, LifeDistribution dist,
                          const std::string &prefix)
{
    const auto ref = readKeyValues("survreg.csv");
    const auto key = [&](const char *k) { return ref[prefix + "_" + k]; };
    const LifeFit fit = fitLifeDistribution(data, dist);
    ASSERT_EQ(fit.convergence.status, FitStatus::Converged) << prefix;
    EXPECT_GT(fit.convergence.iterations, 0);
    // survreg stops at a relative log-likelihood change of 1e-9, so its estimates carry ~1e-7.
    EXPECT_REL_NEAR(fit.location, key("mu"), 1e-6) << prefix;
    EXPECT_REL_NEAR(fit.logLikelihood, key("loglik"), 1e-9) << prefix;
    EXPECT_REL_NEAR(fit.aic, key("aic"), 1e-9) << prefix;
    EXPECT_REL_NEAR(fit.covariance(0, 0), key("var_mu_mu"), 1e-5) << prefix;
    if (dist != LifeDistribution::Exponential) {
        EXPECT_NEAR(fit.logScale, key("log_scale"), 1e-6) << prefix;
        EXPECT_REL_NEAR(fit.covariance(0, 1), key("var_mu_ls"), 1e-4) << prefix;
        EXPECT_REL_NEAR(fit.covariance(1, 1), key("var_ls_ls"), 1e-5) << prefix;
    }
    const auto b10 = lifeQuantile(fit, 0.1);
    const auto b50 = lifeQuantile(fit, 0.5);
    EXPECT_REL_NEAR(b10.estimate, key("b10"), 1e-6) << prefix;
    EXPECT_REL_NEAR(b10.standardError, key("b10_se"), 1e-5) << prefix;
    EXPECT_REL_NEAR(b50.estimate, key("b50"), 1e-6) << prefix;
    EXPECT_REL_NEAR(b50.standardError, key("b50_se"), 1e-5) << prefix;
    EXPECT_LT(b10.lower, b10.estimate);
    EXPECT_GT(b10.upper, b10.estimate);
}

} // namespace

TEST(LifeModel, WeibullMatchesSurvregOnRightCensoredAml)
{
    // GIVEN aml (right-censored) WHEN a Weibull is fitted THEN μ, log σ, V, ℓ, AIC, B10, B50 = survreg
    expectMatchesSurvreg(rightCensored("aml.csv"), LifeDistribution::Weibull, "aml_weibull");
}

TEST(LifeModel, AllDistributionsMatchSurvregOnLung)
{
    // GIVEN lung (228, 63 censored) WHEN each model is fitted THEN equal to survreg
    const auto data = rightCensored("lung.csv");
    expectMatchesSurvreg(data, LifeDistribution::Weibull, "lung_weibull");
    expectMatchesSurvreg(data, LifeDistribution::Lognormal, "lung_lognormal");
    expectMatchesSurvreg(data, LifeDistribution::Exponential, "lung_exponential");
}

TEST(LifeModel, LognormalAndExponentialMatchSurvregOnAml)
{
    const auto data = rightCensored("aml.csv");
    expectMatchesSurvreg(data, LifeDistribution::Lognormal, "aml_lognormal");
    expectMatchesSurvreg(data, LifeDistribution::Exponential, "aml_exponential");
}

TEST(LifeModel, IntervalCensoredGaugesMatchSurvregInterval2)
{
    // GIVEN 80 gauges with exact, left-, right- and interval-censored times (interval_gauges.csv)
    // WHEN each model is fitted THEN equal to survreg(Surv(left, right, type = "interval2"))
    const auto data = intervalGauges();
    expectMatchesSurvreg(data, LifeDistribution::Weibull, "gauges_weibull");
    expectMatchesSurvreg(data, LifeDistribution::Lognormal, "gauges_lognormal");
    expectMatchesSurvreg(data, LifeDistribution::Exponential, "gauges_exponential");
}

TEST(LifeModel, AicPrefersTheModelSurvregPrefers)
{
    // GIVEN the gauge data WHEN the AICs are compared THEN the ordering equals R's AIC ordering
    const auto data = intervalGauges();
    const auto ref = readKeyValues("survreg.csv");
    const double w = fitLifeDistribution(data, LifeDistribution::Weibull).aic;
    const double l = fitLifeDistribution(data, LifeDistribution::Lognormal).aic;
    EXPECT_EQ(w < l, ref["gauges_weibull_aic"] < ref["gauges_lognormal_aic"]);
}

TEST(LifeModel, AllCensoredHasNoEstimate)
{
    // GIVEN only right-censored instruments THEN NoEvents and NaN estimates (the MLE does not exist)
    const auto fit = fitLifeDistribution({LifeObservation::rightCensored(10.0),
                                          LifeObservation::rightCensored(20.0)},
                                         LifeDistribution::Weibull);
    EXPECT_EQ(fit.convergence.status, FitStatus::NoEvents);
    EXPECT_TRUE(std::isnan(fit.location));
    EXPECT_TRUE(std::isnan(lifeQuantile(fit, 0.1).estimate));
}

TEST(LifeModel, OneInstrumentExponentialHasClosedForm)
{
    // GIVEN one failure at 100 d WHEN an exponential is fitted THEN μ̂ = log(Σt/d) = log 100 and
    // var(μ̂) = 1/d = 1 (exponential MLE: θ̂ = total time on test / failures, Lawless 2003 §2.2.1)
    const auto fit = fitLifeDistribution({LifeObservation::exact(100.0)}, LifeDistribution::Exponential);
    ASSERT_EQ(fit.convergence.status, FitStatus::Converged);
    EXPECT_NEAR(fit.location, std::log(100.0), 1e-10);
    EXPECT_NEAR(fit.covariance(0, 0), 1.0, 1e-8);
}

TEST(LifeModel, OneInstrumentWeibullIsNotEstimable)
{
    // GIVEN one exact failure (or ties at one time) WHEN a Weibull is fitted THEN RankDeficient,
    // NaN estimates: σ̂ → 0 and the likelihood is unbounded
    const auto fit = fitLifeDistribution({LifeObservation::exact(100.0), LifeObservation::exact(100.0),
                                          LifeObservation::rightCensored(50.0)},
                                         LifeDistribution::Weibull);
    EXPECT_EQ(fit.convergence.status, FitStatus::RankDeficient);
    EXPECT_TRUE(std::isnan(fit.location));
}

TEST(LifeModel, InvalidObservationsAreRejected)
{
    // GIVEN an exact time of 0, an inverted interval, or no data THEN InvalidInput
    EXPECT_EQ(fitLifeDistribution({LifeObservation::exact(0.0)}, LifeDistribution::Weibull)
                  .convergence.status,
              FitStatus::InvalidInput);
    EXPECT_EQ(fitLifeDistribution({{5.0, 3.0}}, LifeDistribution::Weibull).convergence.status,
              FitStatus::InvalidInput);
    EXPECT_EQ(fitLifeDistribution({}, LifeDistribution::Lognormal).convergence.status,
              FitStatus::InvalidInput);
}

TEST(LifeModel, IterationLimitIsReportedNotHidden)
{
    // GIVEN a one-iteration budget WHEN fitting aml THEN the status says MaxIterations
    LifeFitOptions opts;
    opts.maxIterations = 1;
    const auto fit = fitLifeDistribution(rightCensored("aml.csv"), LifeDistribution::Weibull, opts);
    EXPECT_EQ(fit.convergence.status, FitStatus::MaxIterations);
    EXPECT_EQ(fit.convergence.iterations, 1);
}

TEST(MedianRanks, CompleteSampleUsesBenard)
{
    // GIVEN 5 failures WHEN plotted THEN F = (i − 0.3)/(n + 0.4): 0.1296, 0.3148, 0.5, 0.6852, 0.8704
    // (Benard's approximation, Abernethy, The New Weibull Handbook, 5th ed., Table 2.1 / App. I).
    const auto pts = medianRankPlot({10, 20, 30, 40, 50}, {1, 1, 1, 1, 1}, LifeDistribution::Weibull);
    ASSERT_EQ(pts.size(), 5u);
    const double expected[] = {0.7 / 5.4, 1.7 / 5.4, 2.7 / 5.4, 3.7 / 5.4, 4.7 / 5.4};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_NEAR(pts[i].medianRank, expected[i], 1e-15);
        EXPECT_DOUBLE_EQ(pts[i].y, std::log(-std::log(1.0 - expected[i])));
    }
    EXPECT_NEAR(pts[0].medianRank, 0.1296, 5e-5);
}

TEST(MedianRanks, SuspensionUsesJohnsonAdjustedRank)
{
    // GIVEN units 1..5 with the second suspended WHEN plotted THEN Johnson's increments
    // (n + 1 − previous)/(1 + reverse rank) give ranks 1, 2.25, 3.5, 4.75 (Abernethy 2006, §2.9).
    const auto pts = medianRankPlot({1, 2, 3, 4, 5}, {1, 0, 1, 1, 1}, LifeDistribution::Weibull);
    ASSERT_EQ(pts.size(), 4u);
    EXPECT_DOUBLE_EQ(pts[0].adjustedRank, 1.0);
    EXPECT_DOUBLE_EQ(pts[1].adjustedRank, 2.25);
    EXPECT_DOUBLE_EQ(pts[2].adjustedRank, 3.5);
    EXPECT_DOUBLE_EQ(pts[3].adjustedRank, 4.75);
}
