// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluationfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
QString plansDir()
{
    return QStringLiteral(METROEVAL_TEST_DATA_DIR "/../../resources/plans");
}
} // namespace

TEST(PlanValidation, EveryErrorNamesItsField)
{
    struct Case
    {
        const char *json; // the members after "format"
        const char *path;
    };
    // GIVEN one defect per case, WHEN parsed, THEN the error is InvalidPlan naming that field.
    const Case cases[] = {
        {R"("colour":1)", "colour"},
        {R"("title":3)", "title"},
        {R"("scope":1)", "scope"},
        {R"("scope":{"region":[]})", "scope.region"},
        {R"("scope":{"categories":"x"})", "scope.categories"},
        {R"("scope":{"categories":["a",2]})", "scope.categories[1]"},
        {R"("scope":{"districts":1})", "scope.districts"},
        {R"("scope":{"industries":{}})", "scope.industries"},
        {R"("scope":{"manufacturers":[1]})", "scope.manufacturers[0]"},
        {R"("scope":{"models":"Y-100"})", "scope.models"},
        {R"("scope":{"verification_types":[true]})", "scope.verification_types[0]"},
        {R"("scope":{"from":"2020-13-01"})", "scope.from"},
        {R"("scope":{"to":"yesterday"})", "scope.to"},
        {R"("scope":{"from":"2021-01-01","to":"2020-01-01"})", "scope.to"},
        {R"("group_by":"manufacturer")", "group_by"},
        {R"("group_by":["colour"])", "group_by[0]"},
        {R"("group_by":["certificate_no"])", "group_by[0]"},
        {R"("group_by":["model","model"])", "group_by[1]"},
        {R"("group_by":["model","class","range","district"])", "group_by"},
        {R"("period":"week")", "period"},
        {R"("indicators":"pass_rate")", "indicators"},
        {R"("indicators":["pass_rate","astrology"])", "indicators[1]"},
        {R"("indicators":["trend","trend"])", "indicators[1]"},
        {R"("models":[])", "models"},
        {R"("models":{"oracle":{}})", "models.oracle"},
        {R"("models":{"pass_rate":{"ci":"wald"}})", "models.pass_rate.ci"},
        {R"("models":{"pass_rate":{"level":1.5}})", "models.pass_rate.level"},
        {R"("models":{"pass_rate":{"level":"high"}})", "models.pass_rate.level"},
        {R"("models":{"pass_rate":{"method":"x"}})", "models.pass_rate.method"},
        {R"("models":{"normalized_error":{"near_limit":0}})", "models.normalized_error.near_limit"},
        {R"("models":{"drift":{"min_verifications":1}})", "models.drift.min_verifications"},
        {R"("models":{"drift":{"min_verifications":2.5}})", "models.drift.min_verifications"},
        {R"("models":{"trend":{"test":"t_test"}})", "models.trend.test"},
        {R"("models":{"trend":{"alpha":0}})", "models.trend.alpha"},
        {R"("models":{"warning":{"chart":"xbar"}})", "models.warning.chart"},
        {R"("models":{"warning":{"sigma":0.5}})", "models.warning.sigma"},
        {R"("models":{"warning":{"baseline_periods":1}})", "models.warning.baseline_periods"},
        {R"("models":{"warning":{"min_baseline_records":0}})",
         "models.warning.min_baseline_records"},
        {R"("models":{"warning":{"run_rules":"yes"}})", "models.warning.run_rules"},
        {R"("models":{"warning":{"rules":"run_of_8"}})", "models.warning.rules"},
        {R"("models":{"warning":{"rules":["run_of_9"]}})", "models.warning.rules[0]"},
        {R"("models":{"warning":{"rules":["run_of_8","run_of_8"]}})", "models.warning.rules[1]"},
        {R"("models":{"warning":{"ewma_lambda":0}})", "models.warning.ewma_lambda"},
        {R"("models":{"warning":{"ewma_limit":-1}})", "models.warning.ewma_limit"},
        {R"("models":{"warning":{"cusum_k":-0.5}})", "models.warning.cusum_k"},
        {R"("models":{"warning":{"cusum_h":0}})", "models.warning.cusum_h"},
        {R"("models":{"warning":{"recent_periods":0}})", "models.warning.recent_periods"},
        {R"("models":{"warning":{"rules":["ewma","ewma"]}})", "models.warning.rules[1]"},
        {R"("models":{"warning":{"ewma":true}})", "models.warning.ewma"},
        {R"("models":{"reliability":{"origin":"birth"}})", "models.reliability.origin"},
        {R"("models":{"reliability":{"distribution":"gamma"}})", "models.reliability.distribution"},
        {R"("models":{"reliability":{"censoring":"right"}})", "models.reliability.censoring"},
        {R"("models":{"reliability":{"level":1}})", "models.reliability.level"},
        {R"("models":{"reliability":{"min_failures":0}})", "models.reliability.min_failures"},
        {R"("models":{"interval":{"method":"S2"}})", "models.interval.method"},
        {R"("models":{"interval":{"target":1}})", "models.interval.target"},
        {R"("models":{"interval":{"confidence":0}})", "models.interval.confidence"},
        {R"("models":{"interval":{"current_days":-1}})", "models.interval.current_days"},
        {R"("models":{"score":{"weights":"vote"}})", "models.score.weights"},
        {R"("models":{"score":{"method":"vikor"}})", "models.score.method"},
        {R"("models":{"score":{"criteria":["pass_rate"]}})", "models.score.criteria"},
        {R"("models":{"score":{"criteria":["pass_rate","score"]}})", "models.score.criteria[1]"},
        {R"("models":{"failed_items":{"top":3}})", "models.failed_items.top"},
        {R"("criteria":[])", "criteria"},
        {R"("criteria":{"levels":[]})", "criteria.levels"},
        {R"("criteria":{"grades":[{"name":"A","min_pass_rate":0.9}]})", "criteria.grades"},
        {R"("criteria":{"grades":[1,2]})", "criteria.grades[0]"},
        {R"("criteria":{"grades":[{"min_pass_rate":0.9},{"name":"B","min_pass_rate":0}]})",
         "criteria.grades[0].name"},
        {R"("criteria":{"grades":[{"name":"A","min_colour":0.9},{"name":"B","min_colour":0}]})",
         "criteria.grades[0].min_colour"},
        {R"("criteria":{"grades":[{"name":"A","min_pass_rate":0.9},{"name":"B","min_score":0}]})",
         "criteria.grades[1].min_score"},
        {R"("criteria":{"grades":[{"name":"A","min_pass_rate":0.9},{"name":"B","min_pass_rate":0.95}]})",
         "criteria.grades[1].min_pass_rate"},
        {R"("criteria":{"grades":[{"name":"A","min_pass_rate":"x"},{"name":"B","min_pass_rate":0}]})",
         "criteria.grades[0].min_pass_rate"},
        {R"("criteria":{"grades":[{"name":"A","min_pass_rate":0.9,"x":1},{"name":"B","min_pass_rate":0}]})",
         "criteria.grades[0]"},
        {R"("criteria":{"grades":[{"name":"A","min_score":0.6},{"name":"B","min_score":0}]})",
         "criteria.grades[0].min_score"},
        {R"("criteria":{"grades":[{"name":"A","max_near_limit_share":0.2},{"name":"B","max_near_limit_share":0.1}]})",
         "criteria.grades[1].max_near_limit_share"},
        {R"("validation":{"min_group_size":0})", "validation.min_group_size"},
        {R"("validation":{"backtest_periods":-1})", "validation.backtest_periods"},
        {R"("validation":{"backtest_cut":"2020-02-30"})", "validation.backtest_cut"},
        {R"("validation":{"bootstrap":1000000})", "validation.bootstrap"},
        {R"("validation":{"sensitivity":0})", "validation.sensitivity"},
        {R"("validation":{"seed":-1})", "validation.seed"},
        {R"("validation":{"folds":5})", "validation.folds"},
    };
    for (const Case &c : cases) {
        const QByteArray text = R"({"format":"metroeval-plan/1",)" + QByteArray(c.json) + "}";
        const QJsonDocument doc = QJsonDocument::fromJson(text);
        ASSERT_TRUE(doc.isObject()) << text.constData();
        CoreError error;
        EXPECT_FALSE(EvaluationPlan::fromJson(doc.object(), &error)) << text.constData();
        EXPECT_EQ(error.code, ErrorCode::InvalidPlan) << text.constData();
        EXPECT_EQ(error.detail.toStdString(), std::string(c.path)) << text.constData();
    }
    CoreError error;
    EXPECT_FALSE(
        EvaluationPlan::fromJson(QJsonObject{{u"format"_s, u"metroeval-plan/2"_s}}, &error));
    EXPECT_EQ(error.detail, u"format"_s);
}

TEST(PlanValidation, FullPlanParsesEveryPart)
{
    // GIVEN the full example plan shipped in resources/plans
    CoreError error;
    const auto plan = loadPlanFile(QDir(plansDir()).filePath(u"full.json"_s), &error);
    ASSERT_TRUE(plan) << error.detail.toStdString();
    // THEN every indicator, two group fields, quarters, grades and validation are read
    EXPECT_EQ(plan->indicators.size(), 9u);
    ASSERT_EQ(plan->groupByFields.size(), 2u);
    EXPECT_EQ(plan->groupByFields[0], Field::Manufacturer);
    EXPECT_EQ(plan->groupByFields[1], Field::Model);
    EXPECT_EQ(plan->groupBy, Field::Manufacturer);
    EXPECT_EQ(plan->period, PeriodUnit::Quarter);
    EXPECT_EQ(plan->criteria.metric, u"pass_rate"_s);
    EXPECT_EQ(plan->criteria.grades.size(), 4u);
    EXPECT_EQ(plan->validation.seed, 1u);
}

TEST(PlanValidation, EveryShippedPlanIsValid)
{
    const QStringList files = QDir(plansDir()).entryList({u"*.json"_s}, QDir::Files);
    EXPECT_GE(files.size(), 3);
    for (const QString &name : files) {
        CoreError error;
        EXPECT_TRUE(loadPlanFile(QDir(plansDir()).filePath(name), &error))
            << name.toStdString() << ": " << error.detail.toStdString();
    }
}

TEST(PlanValidation, SavedPlanReadsBackIdentical)
{
    // GIVEN a plan with non-default values in every section
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1","title":"t",
        "scope":{"categories":["一般压力表"],"from":"2018-01-01","to":"2024-12-31",
                 "districts":["宜昌"],"models":["Y-100"],"verification_types":["后续检定"]},
        "group_by":["manufacturer","class"],"period":"half",
        "indicators":["pass_rate","score","trend"],
        "models":{"pass_rate":{"ci":"clopper_pearson","level":0.9},
                  "warning":{"chart":"p","baseline_periods":6},
                  "score":{"weights":"critic","method":"weighted_sum",
                           "criteria":["pass_rate","near_limit_share"]}},
        "criteria":{"grades":[{"name":"A","max_near_limit_share":0.05},
                              {"name":"B","max_near_limit_share":0.2}]},
        "validation":{"min_group_size":10,"backtest_cut":"2023-01-01","bootstrap":50,"seed":7}})");
    // WHEN written to a file and read back
    QTemporaryDir dir;
    CoreError error;
    ASSERT_TRUE(savePlanFile(plan, dir.filePath(u"p.json"_s), &error));
    const auto back = loadPlanFile(dir.filePath(u"p.json"_s), &error);
    ASSERT_TRUE(back) << error.detail.toStdString();
    // THEN its JSON is the same
    EXPECT_EQ(back->toJson(), plan.toJson());
    EXPECT_EQ(back->groupByFields[1], Field::AccuracyClass);
    EXPECT_TRUE(back->criteria.lowerIsBetter);
    EXPECT_EQ(back->validation.seed, 7u);
}

TEST(PlanValidation, UnreadableOrNonJsonFilesFail)
{
    QTemporaryDir dir;
    CoreError error;
    EXPECT_FALSE(loadPlanFile(dir.filePath(u"missing.json"_s), &error));
    EXPECT_EQ(error.code, ErrorCode::FileUnreadable);
    QFile f(dir.filePath(u"bad.json"_s));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{not json");
    f.close();
    EXPECT_FALSE(loadPlanFile(f.fileName(), &error));
    EXPECT_EQ(error.code, ErrorCode::InvalidPlan);
    EXPECT_EQ(error.detail, u"json"_s);
}

TEST(PlanValidation, ArchitectureExamplePlanParses)
{
    // GIVEN the illustrative plan of shared/design/architecture.md ("Evaluation plan"), with the
    // EWMA rule switched on besides its ewma_lambda
    const EvaluationPlan plan = planFrom(R"({
      "format": "metroeval-plan/1",
      "title": "2016–2025 一般压力表性能评价",
      "scope": { "categories": ["一般压力表"], "from": "2016-01-01", "to": "2025-12-31",
                 "districts": [], "industries": [], "manufacturers": [], "models": [],
                 "verification_types": ["首次检定", "后续检定"] },
      "group_by": ["manufacturer", "model"],
      "period": "quarter",
      "indicators": ["pass_rate", "failed_items", "normalized_error", "drift", "reliability",
                     "interval", "trend", "warning", "score"],
      "models": {
        "pass_rate":   { "ci": "wilson", "level": 0.95 },
        "trend":       { "test": "mann_kendall", "alpha": 0.05 },
        "warning":     { "chart": "laney_p", "rules": ["beyond_3sigma", "run_of_8", "ewma"],
                         "ewma_lambda": 0.2 },
        "reliability": { "origin": "manufacture_date", "censoring": "interval",
                         "distribution": "weibull" },
        "interval":    { "method": "A3", "target": 0.95, "confidence": 0.5, "current_days": 182 },
        "score":       { "weights": "entropy", "method": "topsis" }
      },
      "criteria": { "grades": [ { "name": "优", "min_pass_rate": 0.98 },
                                { "name": "良", "min_pass_rate": 0.95 },
                                { "name": "中", "min_pass_rate": 0.90 },
                                { "name": "差", "min_pass_rate": 0.0 } ] },
      "validation": { "min_group_size": 30, "backtest_periods": 4, "bootstrap": 1000, "seed": 1 }
    })");
    // THEN the named rules are the only run rules, and the other settings are read
    EXPECT_EQ(plan.warning.ruleNames, QStringList{u"run_of_8"_s});
    EXPECT_TRUE(plan.warning.ewma);
    EXPECT_FALSE(plan.warning.cusum);
    EXPECT_DOUBLE_EQ(plan.warning.ewmaLambda, 0.2);
    EXPECT_DOUBLE_EQ(plan.warning.cusumH, 3.5);
    EXPECT_EQ(plan.warning.recentPeriods, 3);
    EXPECT_FALSE(plan.trend.cochranArmitage);
    EXPECT_TRUE(plan.reliability.originManufacture);
    EXPECT_DOUBLE_EQ(plan.intervalModel.target, 0.95);
    EXPECT_EQ(plan.validation.bootstrap, 1000);
    // AND it survives its own JSON form
    CoreError error;
    const auto back = EvaluationPlan::fromJson(plan.toJson(), &error);
    ASSERT_TRUE(back) << error.detail.toStdString();
    EXPECT_EQ(back->toJson(), plan.toJson());
}
