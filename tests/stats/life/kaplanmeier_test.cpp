// SPDX-License-Identifier: GPL-3.0-or-later
// Reference values: R 4.2.2, survival 3.5-3, `survfit(Surv(time, status) ~ 1, conf.type = ...)`
// and `survdiff(Surv(time, status) ~ group)` on the package's own `aml` and `lung` data sets,
// written by tests/data/stats/life/make_fixtures.R to km_*.csv and logrank_*.csv.
#include "stats/life/kaplanmeier.h"

#include "fixtures.h"
#include "reltol.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::stats;
using metroeval::test::readCsv;
using metroeval::test::readKeyValues;

namespace {

struct Data
{
    std::vector<double> time;
    std::vector<int> event, group;
};

Data load(const std::string &file)
{
    const auto t = readCsv(file);
    Data d;
    d.time = t.column("time");
    for (double s : t.column("status"))
        d.event.push_back(static_cast<int>(s));
    for (double g : t.column("group"))
        d.group.push_back(static_cast<int>(g));
    return d;
}

void expectNearOrBothNan(double actual, double expected, double rel, const char *what, double t)
{
    if (std::isnan(expected))
        EXPECT_TRUE(std::isnan(actual)) << what << " at t=" << t << " is " << actual;
    else
        EXPECT_REL_NEAR(actual, expected, rel) << what << " at t=" << t;
}

void expectMatchesSurvfit(const std::string &dataFile, const std::string &refFile,
                          SurvivalCiType type)
{
    const Data d = load(dataFile);
    const auto ref = readCsv(refFile);
    const SurvivalCurve km = kaplanMeier(d.time, d.event, 0.95, type);
    ASSERT_EQ(km.status, FitStatus::Converged);
    ASSERT_EQ(km.rows.size(), ref.rows.size());
    const auto time = ref.column("time"), nRisk = ref.column("n_risk"), nEvent = ref.column("n_event");
    const auto surv = ref.column("surv"), se = ref.column("std_err"), lo = ref.column("lower");
    const auto up = ref.column("upper"), ch = ref.column("cumhaz"), sch = ref.column("std_chaz");
    for (std::size_t i = 0; i < km.rows.size(); ++i) {
        const auto &r = km.rows[i];
        EXPECT_DOUBLE_EQ(r.time, time[i]);
        EXPECT_EQ(r.atRisk, static_cast<std::int64_t>(nRisk[i]));
        EXPECT_EQ(r.events, static_cast<std::int64_t>(nEvent[i]));
        EXPECT_REL_NEAR(r.survival, surv[i], 1e-13) << "t=" << r.time;
        expectNearOrBothNan(r.logSurvivalSe, se[i], 1e-12, "std.err", r.time);
        expectNearOrBothNan(r.lower, lo[i], 1e-12, "lower", r.time);
        expectNearOrBothNan(r.upper, up[i], 1e-12, "upper", r.time);
        EXPECT_REL_NEAR(r.cumulativeHazard, ch[i], 1e-13) << "t=" << r.time;
        EXPECT_REL_NEAR(r.cumulativeHazardSe, sch[i], 1e-12) << "t=" << r.time;
    }
}

} // namespace

TEST(KaplanMeier, MatchesSurvfitOnAmlWithLogLogIntervals)
{
    // GIVEN R's aml data (23 patients, 18 events) WHEN the KM table is computed with log-log CIs
    // THEN every row equals survfit's (km_aml_loglog.csv).
    expectMatchesSurvfit("aml.csv", "km_aml_loglog.csv", SurvivalCiType::LogLog);
}

TEST(KaplanMeier, MatchesSurvfitOnAmlWithLogIntervals)
{
    // GIVEN aml WHEN conf.type "log" THEN rows equal survfit's (km_aml_log.csv).
    expectMatchesSurvfit("aml.csv", "km_aml_log.csv", SurvivalCiType::Log);
}

TEST(KaplanMeier, MatchesSurvfitOnLungWithTies)
{
    // GIVEN R's lung data (228 patients, tied times) WHEN computed THEN equal to km_lung_loglog.csv.
    expectMatchesSurvfit("lung.csv", "km_lung_loglog.csv", SurvivalCiType::LogLog);
}

TEST(KaplanMeier, NoFailuresKeepsSurvivalAtOneWithUndefinedLogLogBounds)
{
    // GIVEN three instruments all censored WHEN estimated
    const auto km = kaplanMeier({1.0, 2.0, 3.0}, {0, 0, 0});
    // THEN S = 1 everywhere, hazard 0, and log-log bounds NaN (undefined at S = 1, as in R)
    ASSERT_EQ(km.status, FitStatus::Converged);
    for (const auto &r : km.rows) {
        EXPECT_EQ(r.survival, 1.0);
        EXPECT_EQ(r.cumulativeHazard, 0.0);
        EXPECT_TRUE(std::isnan(r.lower));
    }
}

TEST(KaplanMeier, AllFailAtOneTimeDropsToZeroWithUndefinedBounds)
{
    // GIVEN every instrument failing at t = 5 (a tie, all failures)
    const auto km = kaplanMeier({5.0, 5.0, 5.0}, {1, 1, 1});
    // THEN one row, S = 0, Greenwood infinite (n = d), bounds NaN; Nelson-Aalen H = 3/3 = 1
    ASSERT_EQ(km.rows.size(), 1u);
    EXPECT_EQ(km.rows[0].survival, 0.0);
    EXPECT_TRUE(std::isinf(km.rows[0].logSurvivalSe));
    EXPECT_TRUE(std::isnan(km.rows[0].lower));
    EXPECT_DOUBLE_EQ(km.rows[0].cumulativeHazard, 1.0);
    EXPECT_DOUBLE_EQ(survivalAt(km, 4.9), 1.0);
}

TEST(KaplanMeier, OneInstrument)
{
    // GIVEN one instrument failing at 10 THEN S(10) = 0 with undefined bounds, S(9) = 1
    const auto km = kaplanMeier({10.0}, {1});
    ASSERT_EQ(km.rows.size(), 1u);
    EXPECT_EQ(km.rows[0].survival, 0.0);
    EXPECT_TRUE(std::isnan(km.rows[0].upper));
    EXPECT_EQ(survivalAt(km, 9.0), 1.0);
}

TEST(KaplanMeier, RejectsEmptyAndInvalidInput)
{
    // GIVEN no data, a negative time, or an event code 2 THEN InvalidInput, no rows
    EXPECT_EQ(kaplanMeier({}, {}).status, FitStatus::InvalidInput);
    EXPECT_EQ(kaplanMeier({-1.0}, {1}).status, FitStatus::InvalidInput);
    EXPECT_EQ(kaplanMeier({1.0}, {2}).status, FitStatus::InvalidInput);
}

TEST(LogRank, MatchesSurvdiffOnAml)
{
    // GIVEN aml by maintenance group WHEN tested THEN chi-square, O, E, V equal survdiff's
    const Data d = load("aml.csv");
    const auto ref = readKeyValues("logrank_aml.csv");
    const auto lr = logRankTest(d.time, d.event, d.group);
    ASSERT_EQ(lr.status, FitStatus::Converged);
    EXPECT_REL_NEAR(lr.chiSquare, ref["chisq"], 1e-12);
    EXPECT_REL_NEAR(lr.pValue, ref["p"], 1e-10);
    EXPECT_EQ(lr.degreesOfFreedom, 1);
    EXPECT_DOUBLE_EQ(lr.observed[0], ref["obs0"]);
    EXPECT_REL_NEAR(lr.expected[0], ref["exp0"], 1e-13);
    EXPECT_REL_NEAR(lr.expected[1], ref["exp1"], 1e-13);
    EXPECT_REL_NEAR(lr.varianceFirstGroup, ref["var00"], 1e-13);
}

TEST(LogRank, MatchesSurvdiffOnLungBySex)
{
    // GIVEN lung by sex (ties at many times) WHEN tested THEN survdiff's chi-square and p
    const Data d = load("lung.csv");
    const auto ref = readKeyValues("logrank_lung.csv");
    const auto lr = logRankTest(d.time, d.event, d.group);
    ASSERT_EQ(lr.status, FitStatus::Converged);
    EXPECT_REL_NEAR(lr.chiSquare, ref["chisq"], 1e-12);
    EXPECT_REL_NEAR(lr.pValue, ref["p"], 1e-10);
    EXPECT_REL_NEAR(lr.varianceFirstGroup, ref["var00"], 1e-13);
}

TEST(LogRank, NoEventsIsReportedNotZero)
{
    // GIVEN two groups with only censored times THEN NoEvents and a NaN statistic
    const auto lr = logRankTest({1, 2, 3, 4}, {0, 0, 0, 0}, {0, 0, 1, 1});
    EXPECT_EQ(lr.status, FitStatus::NoEvents);
    EXPECT_TRUE(std::isnan(lr.chiSquare));
}
