// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/splitmix.h"
#include "evaluationfixture.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
// Manufacturers with n records of which `passed` pass; failing ones carry e = 1.2 and passing ones
// e = 0.9 for the first `near` records, else 0.2 (MPE 0.025: errors 0.0225 and 0.005).
void addManufacturer(std::vector<HandRecord> &out, const QString &name, int n, int passed, int near)
{
    for (int i = 0; i < n; ++i) {
        const bool pass = i < passed;
        out.push_back({name + QString::number(i), name, u"Y-100"_s,
                       name + u"S"_s + QString::number(i), u"后续检定"_s,
                       u"2023-0%1-01"_s.arg(1 + i % 9), pass, pass ? QString() : u"示值误差"_s,
                       !pass ? u"+0.030"_s : (i < near ? u"+0.0225"_s : u"+0.005"_s)});
    }
}
} // namespace

TEST(Grades, PassRateThresholdsAndTheirSensitivity)
{
    // GIVEN pass rates 99/100, 238/250, 93/100 and 50/100
    QTemporaryDir dir;
    std::vector<HandRecord> records;
    addManufacturer(records, u"甲"_s, 100, 99, 0);
    addManufacturer(records, u"乙"_s, 250, 238, 0);
    addManufacturer(records, u"丙"_s, 100, 93, 0);
    addManufacturer(records, u"丁"_s, 100, 50, 0);
    auto ws = handWorkspace(dir, records);
    // WHEN graded 优 ≥ 0.98, 良 ≥ 0.95, 中 ≥ 0.90, 差 ≥ 0 (architecture.md example criteria) with
    // thresholds shifted by ±0.005
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1","period":"year",
        "criteria":{"grades":[{"name":"优","min_pass_rate":0.98},{"name":"良","min_pass_rate":0.95},
                              {"name":"中","min_pass_rate":0.90},{"name":"差","min_pass_rate":0.0}]},
        "validation":{"sensitivity":0.005}})");
    CoreError error;
    const auto result = evaluate(*ws, plan, &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonObject grades = result->indicators.value(u"grades"_s).toObject();
    const QJsonArray rows = grades.value(u"by_group"_s).toArray();
    // THEN 优, 良, 中, 差; only 乙 (0.952) changes when 良 needs 0.955
    EXPECT_EQ(findByKey(rows, u"甲"_s).value(u"grade"_s).toString(), u"优"_s);
    EXPECT_EQ(findByKey(rows, u"乙"_s).value(u"grade"_s).toString(), u"良"_s);
    EXPECT_EQ(findByKey(rows, u"乙"_s).value(u"grade_stricter"_s).toString(), u"中"_s);
    EXPECT_EQ(findByKey(rows, u"丙"_s).value(u"grade"_s).toString(), u"中"_s);
    EXPECT_EQ(findByKey(rows, u"丁"_s).value(u"grade"_s).toString(), u"差"_s);
    EXPECT_FALSE(findByKey(rows, u"乙"_s).value(u"stable"_s).toBool());
    EXPECT_TRUE(findByKey(rows, u"甲"_s).value(u"stable"_s).toBool());
    EXPECT_EQ(grades.value(u"changed_by_shift"_s).toInteger(), 1);
}

TEST(Score, EntropyTopsisRanksTheDominantManufacturerFirstWithBootstrapIntervals)
{
    // GIVEN 甲 best on both criteria (pass 0.98, near-limit share 0.1), 丙 worst (0.80, 0.5)
    QTemporaryDir dir;
    std::vector<HandRecord> records;
    addManufacturer(records, u"甲"_s, 200, 196, 20);
    addManufacturer(records, u"乙"_s, 200, 180, 50);
    addManufacturer(records, u"丙"_s, 200, 160, 60);
    auto ws = handWorkspace(dir, records);
    const char *json = R"({"format":"metroeval-plan/1","period":"year",
        "indicators":["pass_rate","normalized_error","score"],
        "models":{"score":{"weights":"entropy","method":"topsis",
                           "criteria":["pass_rate","near_limit_share"]}},
        "criteria":{"grades":[{"name":"A","min_score":0.5},{"name":"B","min_score":0.0}]},
        "validation":{"bootstrap":300,"seed":42}})";
    CoreError error;
    const auto result = evaluate(*ws, planFrom(json), &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonObject score = result->indicators.value(u"score"_s).toObject();
    const QJsonArray rows = score.value(u"by_group"_s).toArray();
    // THEN TOPSIS closeness is 1 for the ideal (甲 is best on both) and 0 for the anti-ideal 丙
    // (Hwang & Yoon 1981: C = D⁻/(D⁺ + D⁻))
    const QJsonObject a = findByKey(rows, u"甲"_s);
    const QJsonObject c = findByKey(rows, u"丙"_s);
    EXPECT_DOUBLE_EQ(a.value(u"score"_s).toDouble(), 1.0);
    EXPECT_DOUBLE_EQ(c.value(u"score"_s).toDouble(), 0.0);
    EXPECT_EQ(a.value(u"rank"_s).toInt(), 1);
    EXPECT_EQ(c.value(u"rank"_s).toInt(), 3);
    // AND the bootstrap interval holds the estimate, ranks stay within 1–3
    for (const QJsonValue &v : rows) {
        const QJsonObject r = v.toObject();
        EXPECT_LE(r.value(u"score_lower"_s).toDouble(), r.value(u"score"_s).toDouble());
        EXPECT_GE(r.value(u"score_upper"_s).toDouble(), r.value(u"score"_s).toDouble());
        EXPECT_GE(r.value(u"rank_lower"_s).toDouble(), 1.0);
        EXPECT_LE(r.value(u"rank_upper"_s).toDouble(), 3.0);
    }
    // AND the entropy weights sum to 1, and grades use the score
    const QJsonArray w = score.value(u"weights"_s).toArray();
    EXPECT_NEAR(w.at(0).toDouble() + w.at(1).toDouble(), 1.0, 1e-12);
    const QJsonArray g
        = result->indicators.value(u"grades"_s).toObject().value(u"by_group"_s).toArray();
    EXPECT_EQ(findByKey(g, u"甲"_s).value(u"grade"_s).toString(), u"A"_s);
    EXPECT_EQ(findByKey(g, u"丙"_s).value(u"grade"_s).toString(), u"B"_s);
    // AND the same seed gives the same intervals
    const auto again = evaluate(*ws, planFrom(json), &error);
    EXPECT_EQ(again->indicators.value(u"score"_s), result->indicators.value(u"score"_s));
}

TEST(SplitMix, BinomialDrawsHaveTheBinomialMeanAndVariance)
{
    // GIVEN 20,000 draws each of Bin(50, 0.1) (inversion) and Bin(10000, 0.3) (normal branch)
    metroeval::core::engine::SplitMix64 rng(2024);
    for (const auto &[n, p] :
         {std::pair<std::int64_t, double>{50, 0.1}, {10000, 0.3}, {40, 0.97}}) {
        double sum = 0.0, sum2 = 0.0;
        const int draws = 20000;
        for (int i = 0; i < draws; ++i) {
            const double k = double(rng.binomial(n, p));
            ASSERT_GE(k, 0.0);
            ASSERT_LE(k, double(n));
            sum += k;
            sum2 += k * k;
        }
        const double mean = sum / draws;
        const double var = sum2 / draws - mean * mean;
        // THEN mean np and variance np(1 − p) (binomial moments) within 5 standard errors
        const double np = double(n) * p;
        const double v = np * (1.0 - p);
        EXPECT_NEAR(mean, np, 5.0 * std::sqrt(v / draws)) << n;
        EXPECT_NEAR(var, v, 5.0 * v * std::sqrt(2.0 / draws)) << n;
    }
}
