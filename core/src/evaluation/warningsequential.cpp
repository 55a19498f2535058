// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/evaluation/warning_test.cpp).
// EWMA and CUSUM alarm rules of early warning (models.warning.rules "ewma", "cusum"). A Shewhart
// point chart reacts to one bad period; these accumulate small sustained shifts over the recent
// periods. Both charts come from stats/rates/controlcharts (tested against Montgomery).
#include "evaluation/engine.h"

#include "stats/rates/controlcharts.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

namespace {

enum class Kind { Ewma, Cusum };

/// One monitored period of a sequential chart.
struct SequentialPoint
{
    double statistic = kNaN; ///< EWMA: (w − p0)/(σ_w·σ_z); CUSUM: C⁺/σ_z (both in σ units)
    double threshold = kNaN; ///< L or h: the point signals above it
    std::size_t start = 0;   ///< first period the chart accumulates
    WarningBaseline baseline;
    bool monitored = false;
    bool signal = false;
};

// At period t the chart runs over the recent periods s … t, s = max(W, t − R + 1), against the
// baseline of the W periods before s (the rolling baseline of the p′ chart, frozen at the start
// of the run so that a shift does not leak into its own reference). Laney's σ_z of that baseline
// widens the chart exactly: the EWMA's σ_w and the CUSUM's z scale by σ_z, which is the same as
// L·σ_z, k·σ_z and h·σ_z on the binomial chart.
std::vector<SequentialPoint> sequentialChart(const GroupStats &g, const EvaluationPlan &plan,
                                             Kind kind, int window, int recent)
{
    const WarningModel &w = plan.warning;
    const std::size_t periods = g.periodVerified.size();
    std::vector<SequentialPoint> points(periods);
    for (std::size_t t = std::size_t(window); t < periods; ++t) {
        if (g.periodVerified[t] == 0)
            continue;
        const std::size_t s
            = std::max(std::size_t(window), t + 1 - std::min(t + 1, std::size_t(recent)));
        SequentialPoint &p = points[t];
        p.start = s;
        p.baseline = warningBaseline(g, plan, s - std::size_t(window), window);
        if (p.baseline.records < w.minBaselineRecords)
            continue;
        const std::span<const std::int64_t> d(g.periodFailed.data() + s, t + 1 - s);
        const std::span<const std::int64_t> n(g.periodVerified.data() + s, t + 1 - s);
        const double sz = p.baseline.sigmaZ;
        if (kind == Kind::Ewma) {
            const stats::ControlChart c
                = stats::ewmaProportionChart(d, n, w.ewmaLambda, w.ewmaLimit * sz, p.baseline.p0);
            if (c.status != stats::RateStatus::Ok || !(c.sigma.back() > 0.0))
                continue;
            p.statistic = (c.value.back() - p.baseline.p0) / (c.sigma.back() * sz);
            p.threshold = w.ewmaLimit;
            p.signal = c.value.back() > c.upper.back();
        } else {
            const stats::CusumChart c
                = stats::cusumProportionChart(d, n, p.baseline.p0, w.cusumK * sz, w.cusumH * sz);
            if (c.status != stats::RateStatus::Ok)
                continue;
            p.statistic = c.upper.back() / sz;
            p.threshold = w.cusumH;
            p.signal = !c.upSignals.empty() && c.upSignals.back() == t - s;
        }
        p.monitored = true;
    }
    return points;
}

// Ranked with the other alarms on one scale: the statistic relative to its threshold, times the
// k-sigma limit (a point at the threshold ranks like a p′ point at the limit).
double strengthOf(const SequentialPoint &p, const EvaluationPlan &plan)
{
    return plan.warning.sigmaLimit * p.statistic / p.threshold;
}

QJsonObject evidence(const GroupStats &g, const SequentialPoint &p, std::size_t t,
                     const PeriodAxis &axis)
{
    QJsonObject o = periodEvidence(g, t, axis);
    o.insert(u"run_start"_s, axis.labels[p.start]);
    o.insert(u"baseline"_s, number(p.baseline.p0));
    o.insert(u"sigma_z"_s, number(p.baseline.sigmaZ));
    o.insert(u"statistic"_s, number(p.statistic));
    o.insert(u"threshold"_s, number(p.threshold));
    return o;
}

struct Tally
{
    qint64 monitored = 0;
    qint64 flagged = 0;
};

// Charts one group: its series into \a chart, consecutive signalling periods as one alarm each.
void chartGroup(const Context &ctx, const GroupStats &g, Kind kind, int window, int recent,
                QJsonObject &chart, QJsonArray &alarms, Tally &tally)
{
    const EvaluationPlan &plan = ctx.plan;
    const std::vector<SequentialPoint> points = sequentialChart(g, plan, kind, window, recent);
    const QString name = kind == Kind::Ewma ? u"ewma"_s : u"cusum"_s;
    QJsonArray series;
    for (const SequentialPoint &p : points) {
        series.append(number(p.statistic));
        tally.monitored += p.monitored ? 1 : 0;
        tally.flagged += p.signal ? 1 : 0;
    }
    chart.insert(name, series);
    const QJsonObject parameters
        = kind == Kind::Ewma
              ? QJsonObject{{u"lambda"_s, plan.warning.ewmaLambda},
                            {u"limit"_s, plan.warning.ewmaLimit}}
              : QJsonObject{{u"k"_s, plan.warning.cusumK}, {u"h"_s, plan.warning.cusumH}};
    for (std::size_t t = 0; t < points.size();) {
        if (!points[t].signal) {
            ++t;
            continue;
        }
        const std::size_t onset = t;
        std::size_t peak = t;
        for (; t < points.size() && points[t].signal; ++t) {
            if (points[t].statistic / points[t].threshold
                > points[peak].statistic / points[peak].threshold)
                peak = t;
        }
        alarms.append(QJsonObject{
            {u"group"_s, g.label},
            {u"indicator"_s, u"non_conformance"_s},
            {u"source"_s, QString(name + u"_chart"_s)},
            {u"onset"_s, ctx.axis.labels[onset]},
            {u"last"_s, ctx.axis.labels[t - 1]},
            {u"ongoing"_s, t == points.size()},
            {u"strength"_s, number(strengthOf(points[peak], plan))},
            {u"rules"_s, QJsonArray{name}},
            {u"evidence"_s, QJsonObject{{u"onset"_s, evidence(g, points[onset], onset, ctx.axis)},
                                        {u"peak"_s, evidence(g, points[peak], peak, ctx.axis)},
                                        {u"parameters"_s, parameters}}},
        });
    }
}

} // namespace

QJsonObject sequentialCharts(const Context &ctx, QJsonArray &charts, QJsonArray &alarms)
{
    const EvaluationPlan &plan = ctx.plan;
    const int window = warningBaselineLength(plan);
    const int recent = std::max(1, plan.warning.recentPeriods);
    QJsonObject section;
    for (const Kind kind : {Kind::Ewma, Kind::Cusum}) {
        if (!(kind == Kind::Ewma ? plan.warning.ewma : plan.warning.cusum))
            continue;
        Tally tally;
        for (std::size_t i = 0; i < ctx.groups.size(); ++i) {
            QJsonObject chart = charts.at(qsizetype(i)).toObject();
            chartGroup(ctx, ctx.groups[i], kind, window, recent, chart, alarms, tally);
            charts.replace(qsizetype(i), chart);
        }
        const double share
            = tally.monitored > 0 ? double(tally.flagged) / double(tally.monitored) : kNaN;
        QJsonObject o{{u"recent_periods"_s, recent},
                      {u"monitored_points"_s, tally.monitored},
                      {u"flagged_points"_s, tally.flagged},
                      {u"flagged_share"_s, number(share)}};
        if (kind == Kind::Ewma) {
            o.insert(u"lambda"_s, plan.warning.ewmaLambda);
            o.insert(u"limit"_s, plan.warning.ewmaLimit);
            section.insert(u"ewma"_s, o);
        } else {
            o.insert(u"k"_s, plan.warning.cusumK);
            o.insert(u"h"_s, plan.warning.cusumH);
            section.insert(u"cusum"_s, o);
        }
    }
    return section;
}

} // namespace metroeval::core::engine
