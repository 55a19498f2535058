// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/evaluator.h"
#include "io/importer.h"
#include "storage/workspace.h"

#include "coretestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
// 263 gauges of 甲厂, 81 passing (Newcombe 1998 Table II's first example), and 20 of 乙厂 all
// passing, verified in 2023; plus 10 of 甲厂 verified in 2019, outside the plan's period.
QByteArray newcombeExport()
{
    QByteArray bytes = exportHeader();
    for (int i = 0; i < 263; ++i)
        bytes += exportLine(u"J%1"_s.arg(i), u"甲厂"_s, u"2023-03-01"_s,
                            i < 81 ? u"合格"_s : u"不合格"_s);
    for (int i = 0; i < 20; ++i)
        bytes += exportLine(u"Y%1"_s.arg(i), u"乙厂"_s, u"2023-04-01"_s, u"合格"_s);
    for (int i = 0; i < 10; ++i)
        bytes += exportLine(u"O%1"_s.arg(i), u"甲厂"_s, u"2019-04-01"_s, u"不合格"_s);
    return bytes;
}

QJsonObject planJson()
{
    return QJsonDocument::fromJson(R"({
        "format": "metroeval-plan/1", "title": "测试",
        "scope": { "categories": ["一般压力表"], "from": "2020-01-01", "to": "2025-12-31" },
        "group_by": ["manufacturer"], "indicators": ["pass_rate"],
        "models": { "pass_rate": { "ci": "wilson", "level": 0.95 } },
        "validation": { "min_group_size": 30 } })")
        .object();
}

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Workspace> ws;
    Fixture()
    {
        CoreError error;
        ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
        importCsvFile(*ws, writeFile(dir, u"e.csv"_s, newcombeExport()), {}, &error);
    }
};
} // namespace

TEST(Evaluate, PassRatePerManufacturerWithWilsonIntervals)
{
    Fixture f;
    CoreError error;
    const auto plan = EvaluationPlan::fromJson(planJson(), &error);
    ASSERT_TRUE(plan) << error.detail.toStdString();
    const auto result = evaluate(*f.ws, *plan, &error);
    ASSERT_TRUE(result);
    // THEN only the 283 records of 2020–2025 are in scope, in two groups, largest first
    EXPECT_EQ(result->recordsInScope, 283);
    ASSERT_EQ(result->groups.size(), 2u);
    const GroupRate &a = result->groups[0];
    EXPECT_EQ(a.key, u"甲厂"_s);
    EXPECT_EQ(a.verified, 263);
    EXPECT_EQ(a.passed, 81);
    // Newcombe (1998), Table II, 81/263, Wilson score interval 0.2553–0.3662
    EXPECT_NEAR(a.lower, 0.2553, 0.5e-4);
    EXPECT_NEAR(a.upper, 0.3662, 0.5e-4);
    EXPECT_FALSE(a.belowMinimum);
    const GroupRate &b = result->groups[1];
    EXPECT_EQ(b.verified, 20);
    EXPECT_DOUBLE_EQ(b.rate, 1.0);
    EXPECT_TRUE(b.belowMinimum); // 20 < 30
    EXPECT_EQ(result->dataFingerprint.size(), 64);
}

TEST(Evaluate, SamePlanOnSameDataGivesTheSameResultApartFromTimings)
{
    Fixture f;
    CoreError error;
    const auto plan = EvaluationPlan::fromJson(planJson(), &error);
    auto first = evaluate(*f.ws, *plan, &error)->toJson();
    auto second = evaluate(*f.ws, *plan, &error)->toJson();
    for (auto *json : {&first, &second}) {
        json->remove(u"created_at"_s);
        json->remove(u"timings_ms"_s);
    }
    EXPECT_EQ(first, second);
}

TEST(Evaluate, ResultSurvivesAJsonRoundTrip)
{
    Fixture f;
    CoreError error;
    const auto plan = EvaluationPlan::fromJson(planJson(), &error);
    const auto result = evaluate(*f.ws, *plan, &error);
    const auto back = EvaluationResult::fromJson(result->toJson(), &error);
    ASSERT_TRUE(back) << error.detail.toStdString();
    EXPECT_EQ(back->toJson(), result->toJson());
    EXPECT_GT(saveResult(*f.ws, *result, &error), 0);
}

TEST(Evaluate, EmptyScopeIsNoData)
{
    Fixture f;
    CoreError error;
    auto json = planJson();
    json[u"scope"_s] = QJsonObject{{u"categories"_s, QJsonArray{u"电子台秤"_s}}};
    const auto plan = EvaluationPlan::fromJson(json, &error);
    ASSERT_TRUE(plan);
    EXPECT_FALSE(evaluate(*f.ws, *plan, &error));
    EXPECT_EQ(error.code, ErrorCode::NoData);
}

TEST(EvaluationPlan, ValidationNamesTheOffendingField)
{
    struct Case
    {
        const char *json;
        const char *path;
    };
    const Case cases[] = {
        {R"({"format":"other"})", "format"},
        {R"({"format":"metroeval-plan/1","scope":{"categories":"x"}})", "scope.categories"},
        {R"({"format":"metroeval-plan/1","scope":{"from":"2020-13-01"}})", "scope.from"},
        {R"({"format":"metroeval-plan/1","scope":{"from":"2021-01-01","to":"2020-01-01"}})",
         "scope.to"},
        {R"({"format":"metroeval-plan/1","group_by":["colour"]})", "group_by[0]"},
        // customer is groupable since issue 8; a field that is not a grouping stays refused
        {R"({"format":"metroeval-plan/1","group_by":["certificate_no"]})", "group_by[0]"},
        {R"({"format":"metroeval-plan/1","indicators":["pass_rate","astrology"]})",
         "indicators[1]"},
        {R"({"format":"metroeval-plan/1","models":{"pass_rate":{"ci":"wald"}}})",
         "models.pass_rate.ci"},
        {R"({"format":"metroeval-plan/1","models":{"pass_rate":{"level":1.5}}})",
         "models.pass_rate.level"},
        {R"({"format":"metroeval-plan/1","validation":{"min_group_size":0}})",
         "validation.min_group_size"},
    };
    for (const Case &c : cases) {
        CoreError error;
        EXPECT_FALSE(EvaluationPlan::fromJson(QJsonDocument::fromJson(c.json).object(), &error))
            << c.json;
        EXPECT_EQ(error.code, ErrorCode::InvalidPlan);
        EXPECT_EQ(error.detail, QString::fromLatin1(c.path)) << c.json;
    }
}
