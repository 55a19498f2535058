// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/evaluation/warning_test.cpp).
// Early warning (失效预警): a prospective p′ chart against a rolling baseline, run rules, and
// trend tests, turned into ranked alarms {group, indicator, onset, strength, rule, evidence}.
#include "evaluation/engine.h"

#include "stats/rates/controlcharts.h"
#include "stats/rates/multipletesting.h"
#include "stats/rates/runrules.h"
#include "stats/rates/trend.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <span>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

int warningBaselineLength(const EvaluationPlan &plan)
{
    if (plan.warning.baselinePeriods > 0)
        return plan.warning.baselinePeriods;
    switch (plan.period) {
    case PeriodUnit::Month:
        return 12;
    case PeriodUnit::Quarter:
        return 8;
    case PeriodUnit::Half:
        return 4;
    case PeriodUnit::Year:
        return 3;
    }
    return 8;
}

WarningBaseline warningBaseline(const GroupStats &g, const EvaluationPlan &plan, std::size_t begin,
                                int window)
{
    WarningBaseline b;
    for (std::size_t i = begin; i < begin + std::size_t(window); ++i) {
        b.records += g.periodVerified[i];
        b.failed += g.periodFailed[i];
    }
    b.p0 = b.failed > 0 ? double(b.failed) / double(b.records) : 0.5 / double(b.records + 1);
    if (plan.warning.laney && b.failed > 0 && b.failed < b.records) {
        const std::span<const std::int64_t> d(g.periodFailed.data() + begin, std::size_t(window));
        const std::span<const std::int64_t> s(g.periodVerified.data() + begin, std::size_t(window));
        const stats::ControlChart laney = stats::laneyPPrimeChart(d, s, plan.warning.sigmaLimit);
        if (laney.status == stats::RateStatus::Ok && std::isfinite(laney.sigmaZ))
            b.sigmaZ = std::max(1.0, laney.sigmaZ);
    }
    return b;
}

namespace {

/// One monitored point of a group's chart.
struct ChartPoint
{
    double z = kNaN;        ///< Laney-standardised score against the rolling baseline
    double baseline = kNaN; ///< p0: pooled non-conformance of the baseline window
    double sigmaZ = kNaN;
    double upperLimit = kNaN;
};

// Phase II chart with a rolling baseline: at period t only periods t−W … t−1 are known, so the
// chart is prospective (what an analyst would have seen then). p0 = pooled rate of the window
// (0.5/(N + 1) when the window has no failure, so that a first failure is not infinitely
// surprising); σ_z = Laney's σ_z of the window (Laney 2002), floored at 1 so that
// underdispersion never narrows the limits; z_t = (p_t − p0)/(σ_z·√(p0(1 − p0)/n_t)).
std::vector<ChartPoint> rollingChart(const GroupStats &g, const EvaluationPlan &plan, int window)
{
    const std::size_t periods = g.periodVerified.size();
    std::vector<ChartPoint> points(periods);
    for (std::size_t t = std::size_t(window); t < periods; ++t) {
        const auto n = qint64(g.periodVerified[t]);
        if (n == 0)
            continue;
        const WarningBaseline base = warningBaseline(g, plan, t - std::size_t(window), window);
        if (base.records < plan.warning.minBaselineRecords)
            continue;
        const double p0 = base.p0;
        const double sigmaZ = base.sigmaZ;
        const double sigma = std::sqrt(p0 * (1.0 - p0) / double(n)) * sigmaZ;
        const double p = double(g.periodFailed[t]) / double(n);
        points[t] = {(p - p0) / sigma, p0, sigmaZ, p0 + plan.warning.sigmaLimit * sigma};
    }
    return points;
}

QString ruleKey(stats::RunRule rule)
{
    switch (rule) {
    case stats::RunRule::TwoOfThreeBeyondTwoSigma:
        return u"two_of_three_beyond_2sigma"_s;
    case stats::RunRule::FourOfFiveBeyondOneSigma:
        return u"four_of_five_beyond_1sigma"_s;
    case stats::RunRule::EightSameSide:
        return u"eight_same_side"_s;
    default:
        return u"beyond_limit"_s;
    }
}

// Name of a rule in the plan (models.warning.rules).
QString planRuleName(stats::RunRule rule)
{
    switch (rule) {
    case stats::RunRule::TwoOfThreeBeyondTwoSigma:
        return u"two_of_three"_s;
    case stats::RunRule::FourOfFiveBeyondOneSigma:
        return u"four_of_five"_s;
    case stats::RunRule::EightSameSide:
        return u"run_of_8"_s;
    default:
        return u"beyond_3sigma"_s;
    }
}

QJsonObject evidence(const GroupStats &g, const ChartPoint &p, std::size_t t,
                     const PeriodAxis &axis)
{
    QJsonObject o = periodEvidence(g, t, axis);
    o.insert(u"baseline"_s, number(p.baseline));
    o.insert(u"sigma_z"_s, number(p.sigmaZ));
    o.insert(u"upper_limit"_s, number(p.upperLimit));
    o.insert(u"z"_s, number(p.z));
    return o;
}

} // namespace

QJsonObject periodEvidence(const GroupStats &g, std::size_t t, const PeriodAxis &axis)
{
    const auto n = qint64(g.periodVerified[t]);
    return {{u"period"_s, axis.labels[t]},
            {u"verified"_s, n},
            {u"failed"_s, qint64(g.periodFailed[t])},
            {u"non_conformance"_s, number(n > 0 ? double(g.periodFailed[t]) / double(n) : kNaN)}};
}

QJsonObject warningSection(const Context &ctx, QJsonArray &alarms)
{
    const EvaluationPlan &plan = ctx.plan;
    const int window = warningBaselineLength(plan);
    qint64 monitored = 0;
    qint64 flagged = 0;
    QJsonArray charts;
    for (const GroupStats &g : ctx.groups) {
        const std::vector<ChartPoint> points = rollingChart(g, plan, window);
        std::vector<double> z(points.size());
        std::vector<std::set<QString>> rules(points.size());
        for (std::size_t t = 0; t < points.size(); ++t) {
            z[t] = points[t].z;
            if (std::isfinite(z[t]))
                ++monitored;
            if (z[t] > plan.warning.sigmaLimit)
                rules[t].insert(u"beyond_limit"_s);
        }
        if (plan.warning.runRules) {
            for (const auto &v : stats::runRuleViolations(z, stats::RunRuleSet::WesternElectric)) {
                // Only surges of non-conformance warn; improvements are not failures.
                if (v.rule != stats::RunRule::BeyondThreeSigma && z[v.point] > 0.0
                    && plan.warning.ruleNames.contains(planRuleName(v.rule)))
                    rules[v.point].insert(ruleKey(v.rule));
            }
        }
        QJsonArray zs, limits, baselines;
        for (std::size_t t = 0; t < points.size(); ++t) {
            zs.append(number(points[t].z));
            limits.append(number(points[t].upperLimit));
            baselines.append(number(points[t].baseline));
        }
        charts.append(QJsonObject{{u"key"_s, g.label},
                                  {u"z"_s, zs},
                                  {u"baseline"_s, baselines},
                                  {u"upper_limit"_s, limits}});
        // Consecutive flagged periods form one alarm; its onset is the first of them.
        for (std::size_t t = 0; t < points.size();) {
            if (rules[t].empty()) {
                ++t;
                continue;
            }
            const std::size_t onset = t;
            std::size_t peak = t;
            std::set<QString> fired;
            for (; t < points.size() && !rules[t].empty(); ++t) {
                ++flagged;
                fired.insert(rules[t].begin(), rules[t].end());
                if (z[t] > z[peak])
                    peak = t;
            }
            QJsonArray ruleList;
            for (const QString &r : fired)
                ruleList.append(r);
            alarms.append(QJsonObject{
                {u"group"_s, g.label},
                {u"indicator"_s, u"non_conformance"_s},
                {u"source"_s, plan.warning.laney ? u"laney_p_chart"_s : u"p_chart"_s},
                {u"onset"_s, ctx.axis.labels[onset]},
                {u"last"_s, ctx.axis.labels[t - 1]},
                {u"ongoing"_s, t == points.size()},
                {u"strength"_s, number(z[peak])},
                {u"rules"_s, ruleList},
                {u"evidence"_s,
                 QJsonObject{{u"onset"_s, evidence(g, points[onset], onset, ctx.axis)},
                             {u"peak"_s, evidence(g, points[peak], peak, ctx.axis)}}},
            });
        }
    }
    QJsonObject section{
        {u"chart"_s, plan.warning.laney ? u"laney_p"_s : u"p"_s},
        {u"baseline_periods"_s, window},
        {u"sigma"_s, plan.warning.sigmaLimit},
        {u"monitored_points"_s, monitored},
        {u"flagged_points"_s, flagged},
        {u"flagged_share"_s, number(monitored > 0 ? double(flagged) / double(monitored) : kNaN)}};
    if (plan.warning.ewma || plan.warning.cusum) {
        const QJsonObject sequential = sequentialCharts(ctx, charts, alarms);
        for (auto it = sequential.begin(); it != sequential.end(); ++it)
            section.insert(it.key(), it.value());
    }
    section.insert(u"by_group"_s, charts);
    return section;
}

QJsonObject trendSection(const Context &ctx, QJsonArray &alarms)
{
    const EvaluationPlan &plan = ctx.plan;
    std::vector<double> pValues;
    std::vector<double> zValues;
    QJsonArray groups;
    for (const GroupStats &g : ctx.groups) {
        // Mann–Kendall and Sen on the non-conformance of the periods with records (gaps skipped).
        std::vector<double> q, t;
        for (std::size_t i = 0; i < g.periodVerified.size(); ++i) {
            if (g.periodVerified[i] > 0) {
                q.push_back(double(g.periodFailed[i]) / double(g.periodVerified[i]));
                t.push_back(double(i));
            }
        }
        const stats::MannKendallResult mk = stats::mannKendall(q);
        const stats::SenSlopeResult sen = stats::senSlope(t, q, plan.level);
        std::vector<double> scores(g.periodVerified.size());
        for (std::size_t i = 0; i < scores.size(); ++i)
            scores[i] = double(i);
        const stats::TrendTestResult ca
            = stats::cochranArmitage(g.periodFailed, g.periodVerified, scores);
        const bool useCa = plan.trend.cochranArmitage;
        const bool ok
            = useCa ? ca.status == stats::RateStatus::Ok : mk.status == stats::RateStatus::Ok;
        pValues.push_back(ok ? (useCa ? ca.pValue : mk.pValue) : 1.0);
        zValues.push_back(ok ? (useCa ? ca.z : mk.z) : kNaN);
        groups.append(QJsonObject{
            {u"key"_s, g.label},
            {u"mann_kendall"_s, QJsonObject{{u"s"_s, number(mk.s)},
                                            {u"z"_s, number(mk.z)},
                                            {u"p"_s, number(mk.pValue)},
                                            {u"tau"_s, number(mk.tau)}}},
            {u"sen_slope_per_period"_s, QJsonObject{{u"slope"_s, number(sen.slope)},
                                                    {u"lower"_s, number(sen.lower)},
                                                    {u"upper"_s, number(sen.upper)}}},
            {u"cochran_armitage"_s, QJsonObject{{u"chi_square"_s, number(ca.chiSquare)},
                                                {u"z"_s, number(ca.z)},
                                                {u"p"_s, number(ca.pValue)}}},
        });
    }
    // Benjamini–Hochberg across groups: many groups are tested at once.
    const std::vector<double> adjusted = stats::benjaminiHochbergAdjust(pValues);
    for (std::size_t i = 0; i < ctx.groups.size(); ++i) {
        QJsonObject o = groups.at(qsizetype(i)).toObject();
        const bool rising = zValues[i] > 0.0 && adjusted[i] < plan.trend.alpha;
        o.insert(u"p_adjusted"_s, number(adjusted[i]));
        o.insert(u"rising"_s, rising);
        groups.replace(qsizetype(i), o);
        if (!rising)
            continue;
        const GroupStats &g = ctx.groups[i];
        const auto first = std::find_if(g.periodVerified.begin(), g.periodVerified.end(),
                                        [](qint64 n) { return n > 0; });
        alarms.append(QJsonObject{
            {u"group"_s, g.label},
            {u"indicator"_s, u"non_conformance"_s},
            {u"source"_s, u"trend"_s},
            {u"onset"_s, ctx.axis.labels[std::size_t(first - g.periodVerified.begin())]},
            {u"last"_s, ctx.axis.labels.back()},
            {u"ongoing"_s, true},
            {u"strength"_s, number(zValues[i])},
            {u"rules"_s,
             QJsonArray{plan.trend.cochranArmitage ? u"cochran_armitage"_s : u"mann_kendall"_s}},
            {u"evidence"_s, QJsonObject{{u"p"_s, number(pValues[i])},
                                        {u"p_adjusted"_s, number(adjusted[i])},
                                        {u"z"_s, number(zValues[i])}}},
        });
    }
    return {{u"test"_s, plan.trend.cochranArmitage ? u"cochran_armitage"_s : u"mann_kendall"_s},
            {u"alpha"_s, plan.trend.alpha},
            {u"adjustment"_s, u"benjamini_hochberg"_s},
            {u"by_group"_s, groups}};
}

QJsonArray rankAlarms(QJsonArray alarms)
{
    std::vector<QJsonObject> list;
    for (const QJsonValue &v : alarms)
        list.push_back(v.toObject());
    std::stable_sort(list.begin(), list.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const double sa = a.value("strength"_L1).toDouble();
        const double sb = b.value("strength"_L1).toDouble();
        if (sa != sb)
            return sa > sb;
        if (a.value("group"_L1).toString() != b.value("group"_L1).toString())
            return a.value("group"_L1).toString() < b.value("group"_L1).toString();
        return a.value("onset"_L1).toString() < b.value("onset"_L1).toString();
    });
    QJsonArray out;
    int rank = 1;
    for (QJsonObject &o : list) {
        o.insert(u"rank"_s, rank++);
        out.append(o);
    }
    return out;
}

} // namespace metroeval::core::engine
