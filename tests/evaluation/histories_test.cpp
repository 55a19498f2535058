// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/dataset.h"
#include "evaluation/engine.h"
#include "evaluation/histories.h"
#include "evaluationfixture.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
constexpr double kYear = 365.25;

HandRecord visit(const QString &serial, int i, const QString &type, const QString &date,
                 bool passed, const QString &error)
{
    return {u"%1-%2"_s.arg(serial).arg(i),      u"甲厂"_s, u"Y-100"_s, serial, type, date, passed,
            passed ? QString() : u"示值误差"_s, error};
}

std::vector<engine::GroupHistories> historiesOf(Workspace &ws, const EvaluationPlan &plan)
{
    CoreError error;
    auto data = loadDataset(ws, plan, {}, &error);
    EXPECT_TRUE(data) << error.detail.toStdString();
    engine::Context ctx{plan, *data, {}, {}, {}, {}};
    engine::buildGroups(ctx);
    return engine::buildHistories(ctx);
}

QJsonObject groupOf(const EvaluationResult &r, const QString &key)
{
    return findByKey(r.indicators.value(u"histories"_s).toObject().value(u"by_group"_s).toArray(),
                     key);
}
} // namespace

TEST(Histories, LivesAreIntervalCensoredAndRenewedAfterRepair)
{
    // GIVEN instrument A: initial 2020-01-01 pass, 2020-07-01 pass, 2021-01-01 fail,
    // repaired and passing 2021-01-11, 2021-07-11 pass; instrument B first seen in a subsequent
    // verification (its start is not observed: left-truncated)
    QTemporaryDir dir;
    const std::vector<HandRecord> records{
        visit(u"A"_s, 0, u"首次检定"_s, u"2020-01-01"_s, true, u"+0.0025"_s),
        visit(u"A"_s, 1, u"后续检定"_s, u"2020-07-01"_s, true, u"+0.0050"_s),
        visit(u"A"_s, 2, u"后续检定"_s, u"2021-01-01"_s, false, u"+0.0300"_s),
        visit(u"A"_s, 3, u"后续检定"_s, u"2021-01-11"_s, true, u"+0.0010"_s),
        visit(u"A"_s, 4, u"后续检定"_s, u"2021-07-11"_s, true, u"+0.0020"_s),
        visit(u"B"_s, 0, u"后续检定"_s, u"2020-03-01"_s, true, u"+0.0025"_s),
        visit(u"B"_s, 1, u"后续检定"_s, u"2020-09-01"_s, true, u"+0.0025"_s),
    };
    auto ws = handWorkspace(dir, records);
    EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1",
        "indicators":["pass_rate","drift","reliability","interval"]})");
    plan.minDriftPoints = 2;
    // WHEN the histories are built
    const auto h = historiesOf(*ws, plan);
    ASSERT_EQ(h.size(), 1u);
    // THEN A gives (182, 366] days and, after the repair, right-censored at 181 days (day counts
    // by hand: 2020-01-01 → 2020-07-01 = 182, → 2021-01-01 = 366; 2021-01-11 → 2021-07-11 = 181)
    EXPECT_EQ(h[0].instruments, 2);
    ASSERT_EQ(h[0].lives.size(), 2u);
    EXPECT_NEAR(h[0].lives[0].lower, 182 / kYear, 1e-12);
    EXPECT_NEAR(h[0].lives[0].upper, 366 / kYear, 1e-12);
    EXPECT_NEAR(h[0].lives[1].lower, 181 / kYear, 1e-12);
    EXPECT_TRUE(std::isinf(h[0].lives[1].upper));
    // AND gaps that start in tolerance: A 182 d → pass, 184 d → fail, 181 d → pass (the repair
    // gap 10 d starts from a failure and is left out); B 184 d → pass
    ASSERT_EQ(h[0].gaps.size(), 4u);
    int failures = 0;
    for (const auto &g : h[0].gaps)
        failures += g.inTolerance ? 0 : 1;
    EXPECT_EQ(failures, 1);
    // AND drift per life (two passing points each): A's first life 0.1 → 0.2 MPE over 182 d,
    // its second 0.04 → 0.08 over 181 d, B constant: slopes 0.1/(182/365.25), 0.04/(181/365.25), 0
    ASSERT_EQ(h[0].drift.size(), 3u);
    EXPECT_NEAR(h[0].drift[0].slope, 0.1 / (182 / kYear), 1e-9);
    EXPECT_NEAR(h[0].drift[1].slope, 0.04 / (181 / kYear), 1e-9);
    EXPECT_NEAR(h[0].drift[2].slope, 0.0, 1e-12);
}

TEST(Histories, OriginAtManufactureDateShiftsTheFirstLifeOnly)
{
    // GIVEN instrument A of the previous test, made 2015-01-01 (the hand export's 出厂日期)
    QTemporaryDir dir;
    const std::vector<HandRecord> records{
        visit(u"A"_s, 0, u"首次检定"_s, u"2020-01-01"_s, true, u"+0.0025"_s),
        visit(u"A"_s, 1, u"后续检定"_s, u"2020-07-01"_s, true, u"+0.0050"_s),
        visit(u"A"_s, 2, u"后续检定"_s, u"2021-01-01"_s, false, u"+0.0300"_s),
        visit(u"A"_s, 3, u"后续检定"_s, u"2021-01-11"_s, true, u"+0.0010"_s),
        visit(u"A"_s, 4, u"后续检定"_s, u"2021-07-11"_s, true, u"+0.0020"_s),
    };
    auto ws = handWorkspace(dir, records);
    EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1","indicators":["reliability"],
        "models":{"reliability":{"origin":"manufacture_date"}}})");
    const auto h = historiesOf(*ws, plan);
    // THEN the first life is (2008, 2192] days since 2015-01-01 (1826 days to 2020-01-01, by hand)
    // and the life after the repair still starts at the repair verification (181 days)
    ASSERT_EQ(h.size(), 1u);
    ASSERT_EQ(h[0].lives.size(), 2u);
    EXPECT_NEAR(h[0].lives[0].lower, 2008 / kYear, 1e-12);
    EXPECT_NEAR(h[0].lives[0].upper, 2192 / kYear, 1e-12);
    EXPECT_NEAR(h[0].lives[1].lower, 181 / kYear, 1e-12);
}

TEST(Histories, WeibullFitOnGeneratedLivesCoversTheTrueParameters)
{
    // GIVEN 200,000 truth records (seed 3), and a model untouched by any event:
    // 宜昌 or other manufacturers' models in truth.json → categories[0].manufacturers[].models[]
    SampleWorkspace &s = sampleWorkspace(200000, 3, true);
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1",
        "scope":{"categories":["一般压力表"]},"group_by":["manufacturer","model"],"period":"year",
        "indicators":["pass_rate","reliability","drift","interval"],
        "models":{"reliability":{"distribution":"weibull","level":0.99}}})");
    CoreError error;
    const auto result = evaluate(*s.workspace, plan, &error);
    ASSERT_TRUE(result) << error.detail.toStdString();
    const QJsonObject events = s.truth.value(u"events"_s).toObject();
    const QString batchKey
        = events.value(u"batchDefect"_s).toObject().value(u"manufacturer"_s).toString();
    const QString improvingKey
        = events.value(u"improvingManufacturer"_s).toObject().value(u"manufacturer"_s).toString();
    const QJsonObject gauges = s.truth.value(u"categories"_s).toArray().at(0).toObject();
    int checked = 0;
    for (const QJsonValue &mv : gauges.value(u"manufacturers"_s).toArray()) {
        const QString manufacturer = mv.toObject().value(u"name"_s).toString();
        if (manufacturer == batchKey || manufacturer == improvingKey)
            continue;
        for (const QJsonValue &v : mv.toObject().value(u"models"_s).toArray()) {
            const QJsonObject model = v.toObject();
            const QString key = manufacturer + u" / "_s + model.value(u"name"_s).toString();
            const QJsonObject g = groupOf(*result, key);
            const QJsonObject fit
                = g.value(u"reliability"_s).toObject().value(u"parametric"_s).toObject();
            ASSERT_EQ(fit.value(u"status"_s).toString(), u"converged"_s) << key.toStdString();
            // THEN the 99 % Wald intervals of shape and scale (years) hold the truth
            const QJsonObject shape = fit.value(u"shape"_s).toObject();
            const QJsonObject scale = fit.value(u"scale_years"_s).toObject();
            const double k = model.value(u"weibullShape"_s).toDouble();
            const double lambda = model.value(u"weibullScaleYears"_s).toDouble();
            EXPECT_LE(shape.value(u"lower"_s).toDouble(), k) << key.toStdString();
            EXPECT_GE(shape.value(u"upper"_s).toDouble(), k) << key.toStdString();
            EXPECT_LE(scale.value(u"lower"_s).toDouble(), lambda) << key.toStdString();
            EXPECT_GE(scale.value(u"upper"_s).toDouble(), lambda) << key.toStdString();
            // AND the population drift speed (RMS true slope) is within 15 % of √(μ² + σ²) of
            // the drift rates drawn per instrument (truth driftMean/driftSd, MPE per year: the RMS
            // of |drift| ~ N(μ, σ²))
            const QJsonObject drift = g.value(u"drift"_s).toObject();
            const double mu = model.value(u"driftMeanMpePerYear"_s).toDouble();
            const double sd = model.value(u"driftSdMpePerYear"_s).toDouble();
            EXPECT_NEAR(drift.value(u"rms_rate"_s).toDouble(), std::hypot(mu, sd),
                        0.15 * std::hypot(mu, sd))
                << key.toStdString();
            ++checked;
        }
    }
    EXPECT_GE(checked, 3);
}
