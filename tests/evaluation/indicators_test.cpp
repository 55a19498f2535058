// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluationfixture.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
HandRecord rec(int i, const QString &date, bool passed, const QString &items = {},
               const QString &error = u"+0.010"_s)
{
    return {u"C%1"_s.arg(i), u"甲厂"_s, u"Y-100"_s, u"S%1"_s.arg(i), u"后续检定"_s, date,
            passed,          items,     error};
}
} // namespace

TEST(PassRate, PerCategoryManufacturerAndYearEqualsTheGeneratorsTruth)
{
    // GIVEN 20,000 truth records (seed 11) in a workspace
    SampleWorkspace &s = sampleWorkspace(20000, 11, true);
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1",
        "group_by":["category","manufacturer"],"period":"year","indicators":["pass_rate"]})");
    // WHEN pass rates are evaluated per category × manufacturer and year
    CoreError error;
    const auto result = evaluate(*s.workspace, plan, &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonArray groups
        = result->indicators.value(u"pass_rate"_s).toObject().value(u"by_group"_s).toArray();
    // THEN every (category, manufacturer, year) count equals truth.json → passRates
    // (counted by the generator from the same truth records, docs/sample-data.md)
    const QJsonArray truth = s.truth.value(u"passRates"_s).toArray();
    ASSERT_GT(truth.size(), 50);
    qint64 total = 0;
    for (const QJsonValue &v : truth) {
        const QJsonObject t = v.toObject();
        const QString key
            = t.value(u"category"_s).toString() + u" / "_s + t.value(u"manufacturer"_s).toString();
        const QJsonObject g = findByKey(groups, key);
        ASSERT_FALSE(g.isEmpty()) << key.toStdString();
        const qsizetype period
            = result->periods.indexOf(QString::number(t.value(u"year"_s).toInt()));
        ASSERT_GE(period, 0);
        const QJsonObject periods = g.value(u"periods"_s).toObject();
        EXPECT_EQ(periods.value(u"verified"_s).toArray().at(period).toInteger(),
                  t.value(u"verified"_s).toInteger())
            << key.toStdString();
        EXPECT_EQ(periods.value(u"passed"_s).toArray().at(period).toInteger(),
                  t.value(u"passed"_s).toInteger())
            << key.toStdString();
        EXPECT_NEAR(periods.value(u"pass_rate"_s).toArray().at(period).toDouble(),
                    t.value(u"passRate"_s).toDouble(), 1e-12);
        total += t.value(u"verified"_s).toInteger();
    }
    EXPECT_EQ(total, result->recordsInScope);
    // AND the legacy first-field table sums to the same records
    qint64 legacy = 0;
    for (const GroupRate &g : result->groups)
        legacy += g.verified;
    EXPECT_EQ(legacy, result->recordsInScope);
}

TEST(PassRate, PeriodIntervalsAreWilsonOnThePeriodCounts)
{
    // GIVEN 263 records in 2023Q1 with 81 passing (Newcombe 1998, Table II, example 1)
    QTemporaryDir dir;
    std::vector<HandRecord> records;
    for (int i = 0; i < 263; ++i)
        records.push_back(rec(i, u"2023-02-01"_s, i < 81, i < 81 ? QString() : u"示值误差"_s));
    records.push_back(rec(1000, u"2023-08-01"_s, true));
    auto ws = handWorkspace(dir, records);
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1","period":"quarter"})");
    CoreError error;
    const auto result = evaluate(*ws, plan, &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    // THEN three quarters (2023Q1 … 2023Q3, the empty Q2 included) and Q1's interval is
    // Newcombe's Wilson 0.2553–0.3662; the empty quarter's rate is null (undefined), not 0
    ASSERT_EQ(result->periods, (QStringList{u"2023Q1"_s, u"2023Q2"_s, u"2023Q3"_s}));
    const QJsonObject periods = result->indicators.value(u"pass_rate"_s)
                                    .toObject()
                                    .value(u"by_group"_s)
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(u"periods"_s)
                                    .toObject();
    EXPECT_NEAR(periods.value(u"ci_lower"_s).toArray().at(0).toDouble(), 0.2553, 0.5e-4);
    EXPECT_NEAR(periods.value(u"ci_upper"_s).toArray().at(0).toDouble(), 0.3662, 0.5e-4);
    EXPECT_TRUE(periods.value(u"pass_rate"_s).toArray().at(1).isNull());
    EXPECT_EQ(periods.value(u"verified"_s).toArray().at(2).toInteger(), 1);
}

TEST(FailedItems, ShareOfEachItemAmongFailures)
{
    // GIVEN 10 records: 6 pass, 4 fail with 示值误差 (2), 零位 (1), 示值误差、回程误差 (1)
    QTemporaryDir dir;
    std::vector<HandRecord> records;
    for (int i = 0; i < 6; ++i)
        records.push_back(rec(i, u"2023-02-01"_s, true));
    records.push_back(rec(6, u"2023-02-01"_s, false, u"示值误差"_s));
    records.push_back(rec(7, u"2023-02-01"_s, false, u"示值误差"_s));
    records.push_back(rec(8, u"2023-02-01"_s, false, u"零位"_s));
    records.push_back(rec(9, u"2023-02-01"_s, false, u"示值误差、回程误差"_s));
    auto ws = handWorkspace(dir, records);
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1",
        "indicators":["pass_rate","failed_items"]})");
    CoreError error;
    const auto result = evaluate(*ws, plan, &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonObject g = result->indicators.value(u"failed_items"_s)
                              .toObject()
                              .value(u"by_group"_s)
                              .toArray()
                              .at(0)
                              .toObject();
    // THEN 示值误差 3/4, 零位 1/4, 回程误差 1/4 (hand count), most frequent first
    EXPECT_EQ(g.value(u"failures"_s).toInteger(), 4);
    const QJsonArray items = g.value(u"items"_s).toArray();
    ASSERT_EQ(items.size(), 3);
    EXPECT_EQ(items.at(0).toObject().value(u"item"_s).toString(), u"示值误差"_s);
    EXPECT_DOUBLE_EQ(items.at(0).toObject().value(u"share"_s).toDouble(), 0.75);
    EXPECT_DOUBLE_EQ(items.at(1).toObject().value(u"share"_s).toDouble(), 0.25);
    EXPECT_DOUBLE_EQ(items.at(2).toObject().value(u"share"_s).toDouble(), 0.25);
    EXPECT_EQ(g.value(u"unspecified"_s).toInteger(), 0);
}

TEST(NormalizedError, MeanMedianAndNearLimitShare)
{
    // GIVEN MPE 0.025 MPa and errors 0.005, −0.010, 0.0225, 0.025, 0.030 → e = 0.2, 0.4, 0.9, 1.0,
    // 1.2 (hand computed), plus one record without an error
    QTemporaryDir dir;
    const QString errors[] = {u"+0.005"_s, u"-0.010"_s, u"+0.0225"_s, u"+0.025"_s, u"+0.030"_s};
    std::vector<HandRecord> records;
    for (int i = 0; i < 5; ++i)
        records.push_back(
            rec(i, u"2023-02-01"_s, i < 4, i < 4 ? QString() : u"示值误差"_s, errors[i]));
    records.push_back(rec(5, u"2023-02-01"_s, true, {}, {}));
    auto ws = handWorkspace(dir, records);
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1"})");
    CoreError error;
    const auto result = evaluate(*ws, plan, &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonObject g = result->indicators.value(u"normalized_error"_s)
                              .toObject()
                              .value(u"by_group"_s)
                              .toArray()
                              .at(0)
                              .toObject();
    // THEN n = 5, mean 3.7/5 = 0.74, median 0.9, near-limit (e > 0.8) 3 of 5
    EXPECT_EQ(g.value(u"with_error"_s).toInteger(), 5);
    EXPECT_NEAR(g.value(u"mean"_s).toDouble(), 0.74, 1e-6);
    EXPECT_NEAR(g.value(u"median"_s).toDouble(), 0.9, 1e-6);
    EXPECT_EQ(g.value(u"near_limit"_s).toInteger(), 3);
    EXPECT_DOUBLE_EQ(g.value(u"near_limit_share"_s).toDouble(), 0.6);
    // histogram bins of 0.1: 0.2 → bin 2, 0.4 → 4, 0.9 → 9, 1.0 → 10, 1.2 → 12 (last, open)
    const QJsonArray h = g.value(u"histogram"_s).toArray();
    ASSERT_EQ(h.size(), 13);
    for (int bin : {2, 4, 9, 10, 12})
        EXPECT_EQ(h.at(bin).toInteger(), 1) << bin;
}

TEST(PassRate, PlanBuiltInCodeWithOnlyTheLegacyGroupByGroupsByIt)
{
    // GIVEN two models of one manufacturer, and a plan that sets only `groupBy` (as the GUI does)
    QTemporaryDir dir;
    std::vector<HandRecord> records{rec(0, u"2023-02-01"_s, true), rec(1, u"2023-02-01"_s, false)};
    records[1].model = u"Y-60"_s;
    auto ws = handWorkspace(dir, records);
    EvaluationPlan plan;
    plan.groupBy = Field::Model;
    CoreError error;
    const auto result = evaluate(*ws, plan, &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    // THEN both the legacy table and the per-group table are per model
    ASSERT_EQ(result->groups.size(), 2u);
    const QJsonArray groups
        = result->indicators.value(u"pass_rate"_s).toObject().value(u"by_group"_s).toArray();
    ASSERT_EQ(groups.size(), 2);
    EXPECT_FALSE(findByKey(groups, u"Y-60"_s).isEmpty());
    EXPECT_EQ(result->plan.toJson().value(u"group_by"_s).toArray().at(0).toString(), u"model"_s);
}
