// SPDX-License-Identifier: GPL-3.0-or-later
// Reference values: R 4.2.2, survival 3.5-3,
// `survfit(Surv(left, right, type = "interval2") ~ 1)` (Turnbull EM) on interval_small.csv and
// interval_gauges.csv, written by tests/data/stats/life/make_fixtures.R to turnbull_*.csv.
// survfit's EM stops when its change falls below 5e-5 (survival:::survfitTurnbull, `eps > 5e-05`),
// so its curve is only accurate to a few 1e-3 on slowly converging data: Ŝ is compared to 5e-3,
// and the NPMLE property is checked independently of R by (a) the Kuhn–Turnbull/Gentleman–Geyer
// optimality conditions and (b) a log-likelihood at least as high as that of R's curve.
#include "stats/life/turnbull.h"

#include "fixtures.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::stats;
using metroeval::test::readCsv;

namespace {

std::vector<LifeObservation> loadInterval2(const std::string &file)
{
    const auto t = readCsv(file);
    const auto l = t.column("left"), r = t.column("right");
    std::vector<LifeObservation> out;
    for (std::size_t i = 0; i < l.size(); ++i)
        out.push_back({std::isnan(l[i]) ? 0.0 : l[i],
                       std::isnan(r[i]) ? std::numeric_limits<double>::infinity() : r[i]});
    return out;
}

// Masses R's curve gives our innermost intervals: the drop of R's step function across each.
std::vector<TurnbullInterval> massesOfCurve(const TurnbullFit &fit, const std::vector<double> &time,
                                            const std::vector<double> &surv)
{
    const auto sAt = [&](double t, bool before) {
        double s = 1.0;
        for (std::size_t i = 0; i < time.size(); ++i)
            if (time[i] < t || (!before && time[i] == t))
                s = surv[i];
        return s;
    };
    auto out = fit.intervals;
    for (auto &iv : out) {
        const double right = std::isinf(iv.right) ? 0.0 : sAt(iv.right, false);
        iv.mass = sAt(iv.left, iv.leftClosed) - right;
    }
    return out;
}

void expectMatchesSurvfit(const std::string &dataFile, const std::string &refFile,
                          double tolerance)
{
    const auto data = loadInterval2(dataFile);
    const auto fit = turnbull(data);
    ASSERT_EQ(fit.convergence.status, FitStatus::Converged);
    EXPECT_LT(fit.kktViolation, 1e-6);
    double total = 0.0;
    for (const auto &iv : fit.intervals)
        total += iv.mass;
    EXPECT_NEAR(total, 1.0, 1e-12);
    const auto ref = readCsv(refFile);
    const auto time = ref.column("time"), surv = ref.column("surv");
    ASSERT_FALSE(time.empty());
    for (std::size_t i = 0; i < time.size(); ++i)
        EXPECT_NEAR(turnbullSurvival(fit, time[i]), surv[i], tolerance) << "t=" << time[i];
    const double ours = turnbullLogLikelihood(data, fit.intervals);
    EXPECT_NEAR(ours, fit.logLikelihood, 1e-9);
    EXPECT_GE(ours, turnbullLogLikelihood(data, massesOfCurve(fit, time, surv)) - 1e-9);
}

} // namespace

TEST(Turnbull, MatchesSurvfitInterval2OnSmallSetWithZeroLengthInterval)
{
    // GIVEN 10 intervals incl. an exact (3,3], left- and right-censored ones
    // WHEN the NPMLE is computed THEN Ŝ equals survfit's at its reported times
    expectMatchesSurvfit("interval_small.csv", "turnbull_small.csv", 1e-4);
}

TEST(Turnbull, MatchesSurvfitInterval2OnGauges)
{
    // GIVEN 80 gauges verified about every 180 d WHEN estimated THEN Ŝ equals survfit's
    expectMatchesSurvfit("interval_gauges.csv", "turnbull_gauges.csv", 5e-3);
}

TEST(Turnbull, ExactDataReduceToEmpiricalDistribution)
{
    // GIVEN exact failures at 1, 2, 2, 4 (ties) THEN masses 1/4, 1/2, 1/4 (the NPMLE of exact
    // data is the empirical distribution; Turnbull 1976, §3)
    const auto fit = turnbull({LifeObservation::exact(1), LifeObservation::exact(2),
                               LifeObservation::exact(2), LifeObservation::exact(4)});
    ASSERT_EQ(fit.convergence.status, FitStatus::Converged);
    ASSERT_EQ(fit.intervals.size(), 3u);
    EXPECT_NEAR(fit.intervals[0].mass, 0.25, 1e-9);
    EXPECT_NEAR(fit.intervals[1].mass, 0.5, 1e-9);
    EXPECT_NEAR(turnbullSurvival(fit, 3.0), 0.25, 1e-9);
}

TEST(Turnbull, AllRightCensoredPutsMassBeyondLastTime)
{
    // GIVEN no failures (every gauge still in tolerance) THEN one interval [max, ∞) with mass 1:
    // Ŝ = 1 up to the last time, and nothing is said beyond it.
    const auto fit = turnbull({LifeObservation::rightCensored(100), LifeObservation::rightCensored(200)});
    ASSERT_EQ(fit.intervals.size(), 1u);
    EXPECT_DOUBLE_EQ(fit.intervals[0].left, 200.0);
    EXPECT_TRUE(std::isinf(fit.intervals[0].right));
    EXPECT_DOUBLE_EQ(turnbullSurvival(fit, 150.0), 1.0);
}

TEST(Turnbull, IterationLimitIsReported)
{
    // GIVEN the gauge data and a 3-iteration budget THEN MaxIterations with 3 iterations
    TurnbullOptions opts;
    opts.maxIterations = 3;
    const auto fit = turnbull(loadInterval2("interval_gauges.csv"), opts);
    EXPECT_EQ(fit.convergence.status, FitStatus::MaxIterations);
    EXPECT_EQ(fit.convergence.iterations, 3);
}

TEST(Turnbull, InvalidAndEmptyInput)
{
    EXPECT_EQ(turnbull({}).convergence.status, FitStatus::InvalidInput);
    EXPECT_EQ(turnbull({{5.0, 1.0}}).convergence.status, FitStatus::InvalidInput);
}
