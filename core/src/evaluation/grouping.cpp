// SPDX-License-Identifier: GPL-3.0-or-later
// Period axis, groups and per-period tallies of the columnar dataset.
#include "evaluation/engine.h"

#include "stats/rates/proportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

namespace {
int periodsPerYear(PeriodUnit unit)
{
    switch (unit) {
    case PeriodUnit::Month:
        return 12;
    case PeriodUnit::Quarter:
        return 4;
    case PeriodUnit::Half:
        return 2;
    case PeriodUnit::Year:
        return 1;
    }
    return 1;
}

QString periodLabel(int ordinal, PeriodUnit unit)
{
    const int perYear = periodsPerYear(unit);
    const int year = ordinal / perYear;
    const int index = ordinal % perYear;
    switch (unit) {
    case PeriodUnit::Month:
        return u"%1-%2"_s.arg(year).arg(index + 1, 2, 10, QChar(u'0'));
    case PeriodUnit::Quarter:
        return u"%1Q%2"_s.arg(year).arg(index + 1);
    case PeriodUnit::Half:
        return u"%1H%2"_s.arg(year).arg(index + 1);
    case PeriodUnit::Year:
        return QString::number(year);
    }
    return {};
}

QDate periodStart(int ordinal, PeriodUnit unit)
{
    const int perYear = periodsPerYear(unit);
    return QDate(ordinal / perYear, 1 + (ordinal % perYear) * (12 / perYear), 1);
}
} // namespace

int periodOrdinal(std::int32_t day, PeriodUnit unit)
{
    const QDate d = QDate::fromJulianDay(day);
    const int perYear = periodsPerYear(unit);
    return d.year() * perYear + (d.month() - 1) / (12 / perYear);
}

void buildGroups(Context &ctx)
{
    const ColumnarDataset &data = ctx.data;
    const std::size_t rows = data.size();
    const PeriodUnit unit = ctx.plan.period;
    // Periods: one ordinal per row, the axis from the smallest to the largest (gaps included).
    std::vector<int> ordinal(rows);
    int lo = std::numeric_limits<int>::max();
    int hi = std::numeric_limits<int>::min();
    for (std::size_t r = 0; r < rows; ++r) {
        ordinal[r] = periodOrdinal(data.verificationDay[r], unit);
        lo = std::min(lo, ordinal[r]);
        hi = std::max(hi, ordinal[r]);
    }
    ctx.axis.unit = unit;
    ctx.axis.firstOrdinal = lo;
    for (int o = lo; rows > 0 && o <= hi; ++o) {
        ctx.axis.labels.push_back(periodLabel(o, unit));
        ctx.axis.starts.push_back(periodStart(o, unit));
    }
    const std::size_t periods = ctx.axis.size();
    ctx.periodOfRow.resize(rows);
    for (std::size_t r = 0; r < rows; ++r)
        ctx.periodOfRow[r] = ordinal[r] - lo;

    // Groups: the tuple of dictionary codes of the group_by fields.
    std::vector<const std::vector<std::uint32_t> *> columns;
    std::vector<const Dictionary *> dictionaries;
    for (Field f : ctx.plan.groupByFields) {
        const TextColumn c = *textColumnOf(f);
        columns.push_back(&data.column(c));
        dictionaries.push_back(&data.dictionary(c));
    }
    // Up to three codes packed into 21 bits each (a dictionary is far below 2^21 values).
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    std::vector<std::vector<std::uint32_t>> tuples;
    std::vector<std::uint32_t> provisional(rows);
    std::uint64_t lastKey = ~std::uint64_t(0);
    std::uint32_t lastGroup = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        std::uint64_t key = 0;
        for (std::size_t k = 0; k < columns.size(); ++k)
            key |= std::uint64_t((*columns[k])[r]) << (21 * k);
        if (key != lastKey) {
            const auto [it, added] = index.try_emplace(key, std::uint32_t(tuples.size()));
            if (added) {
                std::vector<std::uint32_t> tuple;
                for (std::size_t k = 0; k < columns.size(); ++k)
                    tuple.push_back((*columns[k])[r]);
                tuples.push_back(std::move(tuple));
            }
            lastKey = key;
            lastGroup = it->second;
        }
        provisional[r] = lastGroup;
    }
    std::vector<GroupStats> groups(tuples.size());
    for (std::size_t g = 0; g < tuples.size(); ++g) {
        for (std::size_t k = 0; k < columns.size(); ++k)
            groups[g].keys.append(dictionaries[k]->text(tuples[g][k]));
        groups[g].label = groups[g].keys.join(u" / "_s);
    }
    for (std::size_t r = 0; r < rows; ++r)
        ++groups[provisional[r]].verified;
    // Deterministic order: descending volume, then label.
    std::vector<std::uint32_t> order(groups.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return groups[a].verified != groups[b].verified ? groups[a].verified > groups[b].verified
                                                        : groups[a].label < groups[b].label;
    });
    std::vector<std::uint32_t> newIndex(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        newIndex[order[i]] = std::uint32_t(i);
        ctx.groups.push_back(std::move(groups[order[i]]));
    }
    ctx.groupOfRow.resize(rows);
    for (GroupStats &g : ctx.groups) {
        g.verified = 0;
        g.periodVerified.assign(periods, 0);
        g.periodFailed.assign(periods, 0);
        g.periodNearLimit.assign(periods, 0);
        g.periodWithError.assign(periods, 0);
    }
    const double nearLimit = ctx.plan.nearLimit;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::uint32_t g = newIndex[provisional[r]];
        ctx.groupOfRow[r] = g;
        GroupStats &s = ctx.groups[g];
        const auto t = std::size_t(ctx.periodOfRow[r]);
        ++s.verified;
        ++s.periodVerified[t];
        if (data.passed[r])
            ++s.passed;
        else
            ++s.periodFailed[t];
        const double e = std::fabs(data.normalizedError[r]);
        if (!std::isnan(e)) {
            ++s.periodWithError[t];
            if (e > nearLimit)
                ++s.periodNearLimit[t];
        }
    }
    for (GroupStats &s : ctx.groups) {
        const auto ci = ctx.plan.interval == IntervalMethod::Wilson
                            ? stats::wilsonInterval(s.passed, s.verified, ctx.plan.level)
                            : stats::clopperPearsonInterval(s.passed, s.verified, ctx.plan.level);
        s.rate = ci.estimate;
        s.lower = ci.lower;
        s.upper = ci.upper;
        s.belowMinimum = s.verified < ctx.plan.minGroupSize;
    }
}

double metricValue(const GroupStats &g, const QString &metric)
{
    if (metric == "pass_rate"_L1)
        return g.rate;
    if (metric == "score"_L1)
        return g.score;
    if (metric == "near_limit_share"_L1)
        return g.nearLimitShare;
    if (metric == "mean_normalized_error"_L1)
        return g.meanError;
    if (metric == "drift_rate"_L1)
        return g.driftRate;
    if (metric == "b10_life_years"_L1)
        return g.b10Years;
    return kNaN;
}

} // namespace metroeval::core::engine
