// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluationfixture.h"

#include <QDir>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
EvaluationPlan fullPlan()
{
    CoreError error;
    const auto plan = loadPlanFile(
        QStringLiteral(METROEVAL_TEST_DATA_DIR "/../../resources/plans/full.json"), &error);
    EXPECT_TRUE(plan) << error.detail.toStdString();
    return *plan;
}
} // namespace

TEST(Result, FullPlanIsReproducibleApartFromTimings)
{
    // GIVEN 20,000 truth records and the full plan (every indicator)
    SampleWorkspace &s = sampleWorkspace(20000, 11, true);
    CoreError error;
    // WHEN evaluated twice
    const auto first = evaluate(*s.workspace, fullPlan(), &error);
    ASSERT_TRUE(first) << error.detail.toStdString();
    const auto second = evaluate(*s.workspace, fullPlan(), &error);
    ASSERT_TRUE(second);
    // THEN the JSON is identical once created_at and timings_ms are removed
    QJsonObject a = first->toJson();
    QJsonObject b = second->toJson();
    for (QJsonObject *o : {&a, &b}) {
        o->remove(u"created_at"_s);
        o->remove(u"timings_ms"_s);
    }
    EXPECT_EQ(a, b);
    // AND every section of the full plan is present
    for (const char *key : {"pass_rate", "failed_items", "normalized_error", "histories", "trend",
                            "warning", "score", "grades"})
        EXPECT_TRUE(first->indicators.contains(QLatin1StringView(key))) << key;
    EXPECT_TRUE(first->validation.value(u"backtest"_s).toObject().value(u"available"_s).toBool());
    EXPECT_FALSE(first->validation.value(u"limitations"_s).toArray().isEmpty());
    EXPECT_EQ(first->dataFingerprint.size(), 64);
}

TEST(Result, JsonRoundTripKeepsEverySection)
{
    SampleWorkspace &s = sampleWorkspace(20000, 11, true);
    CoreError error;
    const auto result = evaluate(*s.workspace, fullPlan(), &error);
    ASSERT_TRUE(result);
    const auto back = EvaluationResult::fromJson(result->toJson(), &error);
    ASSERT_TRUE(back) << error.detail.toStdString();
    EXPECT_EQ(back->toJson(), result->toJson());
    EXPECT_EQ(back->groups.size(), result->groups.size());
    EXPECT_GT(saveResult(*s.workspace, *result, &error), 0);
}

TEST(Result, ProgressRisesToHundredAndCancellationStopsTheRun)
{
    SampleWorkspace &s = sampleWorkspace(20000, 11, true);
    CoreError error;
    std::vector<int> seen;
    EvaluateOptions options;
    options.progress = [&seen](int percent) {
        seen.push_back(percent);
        return true;
    };
    ASSERT_TRUE(evaluate(*s.workspace, fullPlan(), options, &error));
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), 100);
    // WHEN the callback refuses once past the load
    options.progress = [](int percent) {
        return percent < 40;
    };
    EXPECT_FALSE(evaluate(*s.workspace, fullPlan(), options, &error));
    // THEN the run fails with Cancelled
    EXPECT_EQ(error.code, ErrorCode::Cancelled);
}
