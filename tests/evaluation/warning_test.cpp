// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/engine.h"
#include "evaluationfixture.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
// A context of one group over 12 quarters 2021Q1 … 2023Q4 with n = 1000 per quarter.
struct ChartFixture
{
    ColumnarDataset data;
    EvaluationPlan plan;
    engine::Context ctx{plan, data, {}, {}, {}, {}};
    explicit ChartFixture(const std::vector<std::int64_t> &failed)
    {
        for (int q = 0; q < 12; ++q) {
            ctx.axis.labels.push_back(u"%1Q%2"_s.arg(2021 + q / 4).arg(q % 4 + 1));
            ctx.axis.starts.push_back(QDate(2021 + q / 4, 1 + 3 * (q % 4), 1));
        }
        engine::GroupStats g;
        g.label = u"甲厂"_s;
        g.periodVerified.assign(12, 1000);
        g.periodFailed = failed;
        ctx.groups.push_back(g);
        plan.warning.baselinePeriods = 8;
    }
};

std::vector<QJsonObject> chartAlarms(const QJsonArray &alarms, const QString &group)
{
    std::vector<QJsonObject> out;
    for (const QJsonValue &v : alarms) {
        const QJsonObject a = v.toObject();
        if (a.value(u"group"_s).toString() == group
            && a.value(u"source"_s).toString() != u"trend"_s)
            out.push_back(a);
    }
    return out;
}

const char *const kSurveillancePlan = R"({"format":"metroeval-plan/1",
    "scope":{"categories":["一般压力表"]},
    "group_by":["manufacturer","model"],"period":"quarter",
    "indicators":["pass_rate","warning"],
    "models":{"warning":{"chart":"laney_p","sigma":3,"baseline_periods":8,"run_rules":true}}})";
} // namespace

TEST(Warning, StepInNonConformanceIsFlaggedAtItsQuarterWithTheHandComputedScore)
{
    // GIVEN 2 % non-conforming for 11 quarters, then 6 % in 2023Q4
    std::vector<std::int64_t> failed(12, 20);
    failed[11] = 60;
    ChartFixture f(failed);
    QJsonArray alarms;
    const QJsonObject section = engine::warningSection(f.ctx, alarms);
    // THEN one alarm, onset 2023Q4, z = (0.06 − 0.02)/√(0.02·0.98/1000) = 9.0351 and
    // UCL = 0.02 + 3·0.0044272 = 0.033282 (hand computation of the p chart, Montgomery §7.2.2;
    // the identical baseline has Laney σ_z = 0, floored to 1)
    ASSERT_EQ(alarms.size(), 1);
    const QJsonObject a = alarms.at(0).toObject();
    EXPECT_EQ(a.value(u"onset"_s).toString(), u"2023Q4"_s);
    EXPECT_NEAR(a.value(u"strength"_s).toDouble(), 9.0351, 1e-4);
    EXPECT_EQ(a.value(u"rules"_s).toArray().at(0).toString(), u"beyond_limit"_s);
    const QJsonObject onset = a.value(u"evidence"_s).toObject().value(u"onset"_s).toObject();
    EXPECT_NEAR(onset.value(u"upper_limit"_s).toDouble(), 0.033282, 1e-6);
    EXPECT_DOUBLE_EQ(onset.value(u"baseline"_s).toDouble(), 0.02);
    // AND the four quarters after the 8-quarter baseline were monitored
    EXPECT_EQ(section.value(u"monitored_points"_s).toInteger(), 4);
    EXPECT_EQ(section.value(u"flagged_points"_s).toInteger(), 1);
}

TEST(Warning, LaneyWideningAbsorbsOverdispersionThatAPChartFlags)
{
    // GIVEN an overdispersed baseline alternating 1 % / 3 % and 6 % in 2023Q4
    std::vector<std::int64_t> failed;
    for (int q = 0; q < 11; ++q)
        failed.push_back(q % 2 == 0 ? 10 : 30);
    failed.push_back(60);
    ChartFixture f(failed);
    f.plan.warning.runRules = false;
    // WHEN charted with Laney p′: σ_z = |Δz|/1.128 = 4.5175/1.128 = 4.0049, UCL = 0.02 + 3 ·
    // 0.0044272 · 4.0049 = 0.07319 (Laney 2002, hand computation) > 0.06
    QJsonArray laneyAlarms;
    engine::warningSection(f.ctx, laneyAlarms);
    EXPECT_EQ(laneyAlarms.size(), 0);
    const QJsonObject chart = engine::warningSection(f.ctx, laneyAlarms)
                                  .value(u"by_group"_s)
                                  .toArray()
                                  .at(0)
                                  .toObject();
    EXPECT_NEAR(chart.value(u"upper_limit"_s).toArray().at(11).toDouble(), 0.07319, 1e-5);
    // THEN the plain p chart (limit 0.03328) flags 2023Q4
    f.plan.warning.laney = false;
    QJsonArray pAlarms;
    engine::warningSection(f.ctx, pAlarms);
    ASSERT_EQ(pAlarms.size(), 1);
    EXPECT_EQ(pAlarms.at(0).toObject().value(u"onset"_s).toString(), u"2023Q4"_s);
}

TEST(Warning, InjectedBatchDefectIsFoundWithinOnePeriodOfItsOnset)
{
    // GIVEN 200,000 truth records (seed 3) with the default events: 武汉楚天仪表有限公司 Y-100 made
    // in 2019 fails sharply more from 2022-03-01 (truth.json → events.batchDefect)
    SampleWorkspace &s = sampleWorkspace(200000, 3, true);
    const QJsonObject batch
        = s.truth.value(u"events"_s).toObject().value(u"batchDefect"_s).toObject();
    const QString group
        = batch.value(u"manufacturer"_s).toString() + u" / "_s + batch.value(u"model"_s).toString();
    ASSERT_EQ(batch.value(u"onset"_s).toString(), u"2022-03-01"_s);
    // WHEN surveilled per manufacturer × model and quarter
    CoreError error;
    const auto result = evaluate(*s.workspace, planFrom(kSurveillancePlan), &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    // THEN the first chart alarm of that group starts in 2022Q1 (the onset quarter) or 2022Q2
    const auto alarms = chartAlarms(result->alarms, group);
    ASSERT_FALSE(alarms.empty());
    QString first = alarms.front().value(u"onset"_s).toString();
    for (const QJsonObject &a : alarms)
        first = std::min(first, a.value(u"onset"_s).toString());
    EXPECT_TRUE(first == u"2022Q1"_s || first == u"2022Q2"_s) << first.toStdString();
    // The measured figures, for docs/result-format.md
    std::cout << "batch defect: first alarm " << first.toStdString() << ", alarms of the group "
              << alarms.size() << ", strength " << alarms.front().value(u"strength"_s).toDouble()
              << "\n";
}

TEST(Warning, FalseAlarmRateWithoutEventsStaysUnderTheDocumentedFigure)
{
    // GIVEN the same 200,000 records generated with the events switched off
    SampleWorkspace &s = sampleWorkspace(200000, 3, false);
    CoreError error;
    const auto result = evaluate(*s.workspace, planFrom(kSurveillancePlan), &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonObject w = result->indicators.value(u"warning"_s).toObject();
    // THEN at most 2 % of the monitored group-quarters are flagged (docs/result-format.md,
    // "Early warning": documented false-alarm figure)
    ASSERT_GT(w.value(u"monitored_points"_s).toInteger(), 200);
    EXPECT_LE(w.value(u"flagged_share"_s).toDouble(), 0.02);
    std::cout << "no events: monitored " << w.value(u"monitored_points"_s).toInteger()
              << ", flagged " << w.value(u"flagged_points"_s).toInteger() << ", chart alarms "
              << result->alarms.size() << "\n";
}

std::vector<QJsonObject> alarmsFrom(const QJsonArray &alarms, const QString &group,
                                    const QString &source)
{
    std::vector<QJsonObject> out;
    for (const QJsonObject &a : chartAlarms(alarms, group)) {
        if (a.value(u"source"_s).toString() == source)
            out.push_back(a);
    }
    return out;
}

const char *const kSequentialPlan = R"({"format":"metroeval-plan/1",
    "scope":{"categories":["一般压力表"]},
    "group_by":["manufacturer","model"],"period":"quarter",
    "indicators":["pass_rate","warning"],
    "models":{"warning":{"chart":"laney_p","sigma":3,"baseline_periods":8,"run_rules":true,
                         "rules":["beyond_3sigma","two_of_three","four_of_five","run_of_8",
                                  "ewma","cusum"]}}})";

TEST(Warning, EwmaAndCusumAccumulateASustainedShiftThatNoSinglePointShows)
{
    // GIVEN 2 % for 8 quarters, then 3 % in each of the last 4 (2023Q1 … 2023Q4), n = 1000:
    // every point has z = 0.01/√(0.02·0.98/1000) = 2.2588 < 3
    std::vector<std::int64_t> failed(12, 20);
    for (int q = 8; q < 12; ++q)
        failed[q] = 30;
    ChartFixture f(failed);
    f.plan.warning.runRules = false;
    f.plan.warning.ewma = true;
    f.plan.warning.cusum = true;
    f.plan.warning.cusumH = 5.0;      // Montgomery's two-sided default (plan default 3.5)
    f.plan.warning.recentPeriods = 4; // one run over 2023Q1 … 2023Q4 (plan default 3)
    QJsonArray alarms;
    const QJsonObject section = engine::warningSection(f.ctx, alarms);
    // THEN the p′ chart is silent; EWMA (λ 0.2, L 2.962; baseline 2021Q1–2022Q4, p0 = 0.02, σ_z
    // floored at 1): w = 0.022, 0.0236 with σ_w = √(0.04·1.96e-5) = 8.854e-4 and
    // √(0.64·7.84e-7 + 7.84e-7) = 1.1339e-3, so (w − p0)/σ_w = 2.2588, 3.1749: first signal 2023Q2.
    // CUSUM (k 0.5, h 5): C⁺ = 1.7588, 3.5176, 5.2764: first signal 2023Q3 (hand computation,
    // Montgomery §9.1.2 and §9.2)
    ASSERT_EQ(alarms.size(), 2);
    const auto ewma = alarmsFrom(alarms, u"甲厂"_s, u"ewma_chart"_s);
    const auto cusum = alarmsFrom(alarms, u"甲厂"_s, u"cusum_chart"_s);
    ASSERT_EQ(ewma.size(), 1u);
    ASSERT_EQ(cusum.size(), 1u);
    EXPECT_EQ(ewma[0].value(u"onset"_s).toString(), u"2023Q2"_s);
    EXPECT_EQ(ewma[0].value(u"last"_s).toString(), u"2023Q4"_s);
    EXPECT_EQ(ewma[0].value(u"rules"_s).toArray().at(0).toString(), u"ewma"_s);
    const QJsonObject onset = ewma[0].value(u"evidence"_s).toObject().value(u"onset"_s).toObject();
    EXPECT_NEAR(onset.value(u"statistic"_s).toDouble(), 3.1749, 1e-4);
    EXPECT_DOUBLE_EQ(onset.value(u"baseline"_s).toDouble(), 0.02);
    EXPECT_EQ(onset.value(u"run_start"_s).toString(), u"2023Q1"_s);
    EXPECT_EQ(cusum[0].value(u"onset"_s).toString(), u"2023Q3"_s);
    const QJsonObject cusumOnset
        = cusum[0].value(u"evidence"_s).toObject().value(u"onset"_s).toObject();
    EXPECT_NEAR(cusumOnset.value(u"statistic"_s).toDouble(), 5.2764, 1e-4);
    // AND strength = sigma × statistic / threshold at the peak (2023Q4: C⁺ = 7.0352, the run
    // covers the 4 recent quarters), so the alarms rank with the p′ chart's z
    EXPECT_NEAR(cusum[0].value(u"strength"_s).toDouble(), 3.0 * 7.0352 / 5.0, 1e-3);
    // AND the section reports both charts' settings and counts
    EXPECT_EQ(section.value(u"cusum"_s).toObject().value(u"flagged_points"_s).toInteger(), 2);
    EXPECT_EQ(section.value(u"ewma"_s).toObject().value(u"recent_periods"_s).toInteger(), 4);
    EXPECT_EQ(section.value(u"ewma"_s).toObject().value(u"monitored_points"_s).toInteger(), 4);
}

TEST(Warning, EwmaAndCusumFindTheInjectedBatchDefectWithinOnePeriodOfItsOnset)
{
    // GIVEN the 200,000 records with the batch defect (onset 2022-03-01, see above)
    SampleWorkspace &s = sampleWorkspace(200000, 3, true);
    const QJsonObject batch
        = s.truth.value(u"events"_s).toObject().value(u"batchDefect"_s).toObject();
    const QString group
        = batch.value(u"manufacturer"_s).toString() + u" / "_s + batch.value(u"model"_s).toString();
    CoreError error;
    const auto result = evaluate(*s.workspace, planFrom(kSequentialPlan), &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    // THEN each of the new rules raises an alarm for that group starting in 2022Q1 or 2022Q2
    for (const QString &source : {u"ewma_chart"_s, u"cusum_chart"_s}) {
        const auto alarms = alarmsFrom(result->alarms, group, source);
        ASSERT_FALSE(alarms.empty()) << source.toStdString();
        QString first = alarms.front().value(u"onset"_s).toString();
        for (const QJsonObject &a : alarms)
            first = std::min(first, a.value(u"onset"_s).toString());
        EXPECT_TRUE(first == u"2022Q1"_s || first == u"2022Q2"_s)
            << source.toStdString() << " " << first.toStdString();
        std::cout << source.toStdString() << ": first alarm " << first.toStdString()
                  << ", alarms of the group " << alarms.size() << ", strength "
                  << alarms.front().value(u"strength"_s).toDouble() << ", rank "
                  << alarms.front().value(u"rank"_s).toInteger() << "\n";
    }
}

TEST(Warning, EwmaAndCusumFalseAlarmRateWithoutEventsStaysUnderTheDocumentedFigure)
{
    // GIVEN the records generated with the events switched off
    SampleWorkspace &s = sampleWorkspace(200000, 3, false);
    CoreError error;
    const auto result = evaluate(*s.workspace, planFrom(kSequentialPlan), &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonObject w = result->indicators.value(u"warning"_s).toObject();
    // THEN each chart flags at most 2 % of its monitored group-quarters (docs/result-format.md)
    for (const char *chart : {"ewma", "cusum"}) {
        const QJsonObject c = w.value(QLatin1StringView(chart)).toObject();
        ASSERT_GT(c.value(u"monitored_points"_s).toInteger(), 200) << chart;
        EXPECT_LE(c.value(u"flagged_share"_s).toDouble(), 0.02) << chart;
        std::cout << chart << " without events: monitored "
                  << c.value(u"monitored_points"_s).toInteger() << ", flagged "
                  << c.value(u"flagged_points"_s).toInteger() << "\n";
    }
}

TEST(Validation, BacktestComparesTheBeforeCutRateWithWhatHappenedAfter)
{
    // GIVEN 2 % for 11 quarters and 6 % in 2023Q4; the last 4 quarters are the back-test's "after"
    std::vector<std::int64_t> failed(12, 20);
    failed[11] = 60;
    ChartFixture f(failed);
    f.plan.validation.backtestPeriods = 4;
    QJsonArray alarms;
    engine::warningSection(f.ctx, alarms);
    // WHEN validated
    const QJsonObject backtest
        = engine::validationSection(f.ctx, alarms).value(u"backtest"_s).toObject();
    // THEN forecast 160/8000 = 0.02, observed 120/4000 = 0.03; pooled 280/12000, two-proportion
    // se = √(p(1 − p)(1/8000 + 1/4000)) = 0.0029233 and |0.03 − 0.02| > 1.96·se: not covered
    // (hand computation); the 2023Q4 alarm lies after the cut
    EXPECT_EQ(backtest.value(u"cut"_s).toString(), u"2023Q1"_s);
    const QJsonObject row = backtest.value(u"by_group"_s).toArray().at(0).toObject();
    EXPECT_DOUBLE_EQ(row.value(u"forecast"_s).toDouble(), 0.02);
    EXPECT_DOUBLE_EQ(row.value(u"observed"_s).toDouble(), 0.03);
    EXPECT_FALSE(row.value(u"covered"_s).toBool());
    EXPECT_DOUBLE_EQ(backtest.value(u"coverage"_s).toDouble(), 0.0);
    EXPECT_NEAR(backtest.value(u"weighted_mean_abs_error"_s).toDouble(), 0.01, 1e-15);
    EXPECT_EQ(backtest.value(u"alarms_before_cut"_s).toInteger(), 0);
}
