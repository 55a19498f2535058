// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test
// (tests/evaluation/indicators_test.cpp). Pass rate per group × period, failed-item mix and
// normalised error (domain.md §3).
#include "evaluation/engine.h"

#include "stats/rates/proportion.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

namespace {
QJsonArray integers(const std::vector<std::int64_t> &v)
{
    QJsonArray a;
    for (std::int64_t x : v)
        a.append(qint64(x));
    return a;
}

stats::ProportionInterval interval(const EvaluationPlan &plan, qint64 x, qint64 n)
{
    return plan.interval == IntervalMethod::Wilson
               ? stats::wilsonInterval(x, n, plan.level)
               : stats::clopperPearsonInterval(x, n, plan.level);
}

// Failed-item text may list several items: 示值误差、回程误差 / 示值误差;零位 ...
QStringList splitItems(const QString &text)
{
    static const QString separators = u"、,;，；/|"_s;
    QStringList out;
    QString current;
    for (QChar c : text) {
        if (separators.contains(c)) {
            if (!current.trimmed().isEmpty())
                out.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

// Linear-interpolation quantile of sorted data (R type 7, Hyndman & Fan 1996).
double quantileSorted(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return kNaN;
    const double h = (double(sorted.size()) - 1.0) * p;
    const auto lo = std::size_t(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - double(lo)) * (sorted[hi] - sorted[lo]);
}
} // namespace

QJsonObject passRateSection(const Context &ctx)
{
    QJsonArray groups;
    for (const GroupStats &g : ctx.groups) {
        QJsonArray rate, lower, upper, passed;
        for (std::size_t t = 0; t < ctx.axis.size(); ++t) {
            const qint64 n = qint64(g.periodVerified[t]);
            const auto ci = interval(ctx.plan, n - g.periodFailed[t], n);
            passed.append(n - g.periodFailed[t]);
            rate.append(number(ci.estimate));
            lower.append(number(ci.lower));
            upper.append(number(ci.upper));
        }
        groups.append(QJsonObject{
            {u"key"_s, g.label},
            {u"keys"_s, QJsonArray::fromStringList(g.keys)},
            {u"verified"_s, g.verified},
            {u"passed"_s, g.passed},
            {u"pass_rate"_s, number(g.rate)},
            {u"ci_lower"_s, number(g.lower)},
            {u"ci_upper"_s, number(g.upper)},
            {u"below_min_group_size"_s, g.belowMinimum},
            {u"periods"_s, QJsonObject{{u"verified"_s, integers(g.periodVerified)},
                                       {u"passed"_s, passed},
                                       {u"pass_rate"_s, rate},
                                       {u"ci_lower"_s, lower},
                                       {u"ci_upper"_s, upper}}},
        });
    }
    QJsonArray fields;
    for (Field f : ctx.plan.groupByFields)
        fields.append(QString(fieldInfo(f).key));
    return {{u"group_fields"_s, fields},
            {u"interval"_s,
             ctx.plan.interval == IntervalMethod::Wilson ? u"wilson"_s : u"clopper_pearson"_s},
            {u"level"_s, ctx.plan.level},
            {u"by_group"_s, groups}};
}

QJsonObject failedItemsSection(Context &ctx)
{
    const ColumnarDataset &data = ctx.data;
    const Dictionary &dict = data.dictionary(TextColumn::FailedItems);
    // Split each distinct text once; items get their own codes in order of first appearance.
    std::vector<std::vector<std::size_t>> itemsOfCode(dict.values.size());
    QStringList itemNames;
    for (std::size_t c = 0; c < dict.values.size(); ++c) {
        for (const QString &item : splitItems(dict.text(std::uint32_t(c)))) {
            qsizetype i = itemNames.indexOf(item);
            if (i < 0) {
                i = itemNames.size();
                itemNames.append(item);
            }
            itemsOfCode[c].push_back(std::size_t(i));
        }
    }
    const std::size_t items = std::size_t(itemNames.size());
    std::vector<std::vector<qint64>> counts(ctx.groups.size(), std::vector<qint64>(items, 0));
    std::vector<qint64> unspecified(ctx.groups.size(), 0);
    const auto &codes = data.column(TextColumn::FailedItems);
    for (std::size_t r = 0; r < data.size(); ++r) {
        if (data.passed[r])
            continue;
        const auto &list = itemsOfCode[codes[r]];
        if (list.empty())
            ++unspecified[ctx.groupOfRow[r]];
        for (std::size_t i : list)
            ++counts[ctx.groupOfRow[r]][i];
    }
    QJsonArray groups;
    for (std::size_t g = 0; g < ctx.groups.size(); ++g) {
        const qint64 failures = ctx.groups[g].verified - ctx.groups[g].passed;
        QJsonArray mix;
        std::vector<std::size_t> order(items);
        for (std::size_t i = 0; i < items; ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return counts[g][a] > counts[g][b]; });
        for (std::size_t i : order) {
            if (counts[g][i] == 0)
                continue;
            // Share among failing records (an item listed twice on one record counts once per
            // listing; shares may sum above 1 when records list several items).
            mix.append(QJsonObject{
                {u"item"_s, itemNames.at(qsizetype(i))},
                {u"count"_s, counts[g][i]},
                {u"share"_s,
                 number(failures > 0 ? double(counts[g][i]) / double(failures) : kNaN)}});
        }
        groups.append(QJsonObject{{u"key"_s, ctx.groups[g].label},
                                  {u"failures"_s, failures},
                                  {u"unspecified"_s, unspecified[g]},
                                  {u"items"_s, mix}});
    }
    return {{u"by_group"_s, groups}};
}

QJsonObject normalizedErrorSection(Context &ctx)
{
    const ColumnarDataset &data = ctx.data;
    std::vector<std::vector<double>> values(ctx.groups.size());
    for (std::size_t r = 0; r < data.size(); ++r) {
        const double e = std::fabs(data.normalizedError[r]);
        if (!std::isnan(e))
            values[ctx.groupOfRow[r]].push_back(e);
    }
    // Histogram bins of width 0.1 on [0, 1.2), the last bin open: e ≥ 1.2.
    constexpr int kBins = 13;
    QJsonArray groups;
    for (std::size_t g = 0; g < ctx.groups.size(); ++g) {
        GroupStats &s = ctx.groups[g];
        std::vector<double> &v = values[g];
        std::sort(v.begin(), v.end());
        std::vector<std::int64_t> histogram(kBins, 0);
        double sum = 0.0;
        for (double e : v) {
            sum += e;
            // 1e-9 absorbs the rounding of ratios such as 0.0225/0.025 = 0.8999…
            ++histogram[std::size_t(std::min(kBins - 1, int(std::floor(e * 10.0 + 1e-9))))];
            if (e > ctx.plan.nearLimit)
                ++s.nearLimit;
        }
        s.withError = qint64(v.size());
        s.meanError = v.empty() ? kNaN : sum / double(v.size());
        s.medianError = quantileSorted(v, 0.5);
        s.p95Error = quantileSorted(v, 0.95);
        const auto share = stats::wilsonInterval(s.nearLimit, s.withError, ctx.plan.level);
        s.nearLimitShare = share.estimate;
        QJsonArray shareByPeriod;
        for (std::size_t t = 0; t < ctx.axis.size(); ++t) {
            shareByPeriod.append(
                number(s.periodWithError[t] > 0
                           ? double(s.periodNearLimit[t]) / double(s.periodWithError[t])
                           : kNaN));
        }
        groups.append(QJsonObject{{u"key"_s, s.label},
                                  {u"with_error"_s, s.withError},
                                  {u"mean"_s, number(s.meanError)},
                                  {u"median"_s, number(s.medianError)},
                                  {u"p95"_s, number(s.p95Error)},
                                  {u"near_limit"_s, s.nearLimit},
                                  {u"near_limit_share"_s, number(share.estimate)},
                                  {u"near_limit_ci_lower"_s, number(share.lower)},
                                  {u"near_limit_ci_upper"_s, number(share.upper)},
                                  {u"histogram"_s, integers(histogram)},
                                  {u"near_limit_share_by_period"_s, shareByPeriod}});
    }
    return {{u"near_limit"_s, ctx.plan.nearLimit}, {u"bin_width"_s, 0.1}, {u"by_group"_s, groups}};
}

} // namespace metroeval::core::engine
