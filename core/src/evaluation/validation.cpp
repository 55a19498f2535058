// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test
// (tests/evaluation/validation_test.cpp). 验证评价结果: minimum sample flags, back-test of
// forecasts and alarms, and the limitations list.
#include "evaluation/engine.h"

#include "stats/rates/proportion.h"

#include <cmath>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

namespace {

std::size_t cutIndex(const Context &ctx)
{
    const ValidationSettings &v = ctx.plan.validation;
    if (v.backtestCut.isValid()) {
        for (std::size_t t = 0; t < ctx.axis.size(); ++t) {
            if (ctx.axis.starts[t] >= v.backtestCut)
                return t;
        }
        return ctx.axis.size();
    }
    const auto periods = std::size_t(v.backtestPeriods);
    return periods > 0 && periods < ctx.axis.size() ? ctx.axis.size() - periods : ctx.axis.size();
}

// Fit before the cut (pooled non-conformance of the whole pre-cut history), compare with what
// happened after; the forecast is "no change", covered when the two-proportion z is within the
// plan level's two-sided normal quantile.
QJsonObject backtest(const Context &ctx, const QJsonArray &alarms)
{
    const std::size_t cut = cutIndex(ctx);
    if (cut < 2 || cut >= ctx.axis.size())
        return {{u"available"_s, false}};
    const double z = stats::twoSidedNormalQuantile(ctx.plan.level);
    QJsonArray rows;
    qint64 compared = 0, covered = 0;
    double absError = 0.0, weight = 0.0;
    for (const GroupStats &g : ctx.groups) {
        qint64 nPre = 0, dPre = 0, nPost = 0, dPost = 0;
        for (std::size_t t = 0; t < ctx.axis.size(); ++t) {
            (t < cut ? nPre : nPost) += g.periodVerified[t];
            (t < cut ? dPre : dPost) += g.periodFailed[t];
        }
        if (nPre == 0 || nPost == 0)
            continue;
        const double forecast = double(dPre) / double(nPre);
        const double observed = double(dPost) / double(nPost);
        const double pooled = double(dPre + dPost) / double(nPre + nPost);
        const double se
            = std::sqrt(pooled * (1.0 - pooled) * (1.0 / double(nPre) + 1.0 / double(nPost)));
        const bool inside
            = se > 0.0 ? std::fabs(observed - forecast) <= z * se : observed == forecast;
        ++compared;
        covered += inside ? 1 : 0;
        absError += std::fabs(observed - forecast) * double(nPost);
        weight += double(nPost);
        rows.append(QJsonObject{{u"key"_s, g.label},
                                {u"forecast"_s, forecast},
                                {u"observed"_s, observed},
                                {u"verified_after"_s, qint64(nPost)},
                                {u"covered"_s, inside}});
    }
    // Alarms raised before the cut: did the group's non-conformance after the cut stay above the
    // baseline the alarm was raised against?
    const QString cutLabel = ctx.axis.labels[cut];
    qint64 raised = 0, confirmed = 0;
    for (const QJsonValue &v : alarms) {
        const QJsonObject a = v.toObject();
        if (a.value("source"_L1).toString() == "trend"_L1
            || a.value("onset"_L1).toString() >= cutLabel)
            continue;
        ++raised;
        const double baseline = a.value("evidence"_L1)
                                    .toObject()
                                    .value("onset"_L1)
                                    .toObject()
                                    .value("baseline"_L1)
                                    .toDouble();
        for (const QJsonValue &r : rows) {
            const QJsonObject row = r.toObject();
            if (row.value("key"_L1).toString() == a.value("group"_L1).toString()
                && row.value("observed"_L1).toDouble() > baseline)
                ++confirmed;
        }
    }
    return {{u"available"_s, true},
            {u"cut"_s, cutLabel},
            {u"groups_compared"_s, compared},
            {u"coverage"_s, number(compared > 0 ? double(covered) / double(compared) : kNaN)},
            {u"weighted_mean_abs_error"_s, number(weight > 0.0 ? absError / weight : kNaN)},
            {u"alarms_before_cut"_s, raised},
            {u"alarms_confirmed_after_cut"_s, confirmed},
            {u"by_group"_s, rows}};
}

} // namespace

QJsonObject validationSection(const Context &ctx, const QJsonArray &alarms)
{
    QJsonArray small;
    for (const GroupStats &g : ctx.groups) {
        if (g.belowMinimum)
            small.append(QJsonObject{{u"key"_s, g.label}, {u"verified"_s, g.verified}});
    }
    const ColumnarDataset &data = ctx.data;
    const Dictionary &serials = data.dictionary(TextColumn::SerialNo);
    qint64 noSerial = 0, noError = 0;
    for (std::size_t r = 0; r < data.size(); ++r) {
        noSerial += serials.values[data.column(TextColumn::SerialNo)[r]].empty() ? 1 : 0;
        noError += std::isnan(data.normalizedError[r]) ? 1 : 0;
    }
    // Limitations are data (code + figures); ui/ and the report word them.
    QJsonArray limitations;
    auto add = [&](const char *code, QJsonObject detail) {
        detail.insert(u"code"_s, QString::fromLatin1(code));
        limitations.append(detail);
    };
    if (!small.isEmpty())
        add("small_groups",
            {{u"groups"_s, small.size()}, {u"min_group_size"_s, ctx.plan.minGroupSize}});
    if (data.sourceTable == "record"_L1)
        add("uncleaned_data", {{u"table"_s, data.sourceTable}});
    // Serial numbers are loaded only for the history indicators.
    const bool histories = ctx.plan.has(Indicator::Drift) || ctx.plan.has(Indicator::Reliability)
                           || ctx.plan.has(Indicator::Interval);
    if (noSerial > 0 && histories)
        add("records_without_serial", {{u"records"_s, noSerial}});
    if (noError > 0)
        add("records_without_normalized_error", {{u"records"_s, noError}});
    if (ctx.plan.has(Indicator::Reliability))
        add("left_truncated_lives_excluded", {});
    if (ctx.plan.has(Indicator::Drift))
        add("drift_direction_random", {});
    if (ctx.plan.has(Indicator::Trend))
        add("trend_skips_empty_periods", {});
    if (ctx.plan.has(Indicator::Score) && ctx.plan.validation.bootstrap > 0)
        add("bootstrap_resamples_counts_only", {});
    const QJsonObject back = backtest(ctx, alarms);
    if (!back.value("available"_L1).toBool())
        add("backtest_unavailable", {});
    return {{u"min_group_size"_s, ctx.plan.minGroupSize},
            {u"small_groups"_s, small},
            {u"backtest"_s, back},
            {u"limitations"_s, limitations}};
}

} // namespace metroeval::core::engine
