// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test
// (tests/evaluation/histories_test.cpp). Instrument histories (manufacturer + model + serial):
// lives with interval-censored failure times, drift of the normalised error, and pass/fail at about
// one interval for NCSLI RP-1 A3.
#include "evaluation/histories.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

namespace {
constexpr double kDaysPerYear = 365.25;

struct Visit
{
    std::uint64_t key; ///< group << 32 | instrument
    std::int32_t day;
    std::uint32_t row;
    bool operator<(const Visit &o) const
    {
        return key != o.key ? key < o.key : day != o.day ? day < o.day : row < o.row;
    }
};

// Instrument ids in order of first appearance, by (manufacturer, model, serial) key: an
// open-addressing table (a million look-ups, most of them hits).
class InstrumentIds
{
public:
    std::uint32_t idOf(std::uint64_t key)
    {
        if (2 * (m_count + 1) > m_slots.size())
            grow();
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.id == kEmpty) {
                slot = {key, m_count++};
                return slot.id;
            }
            if (slot.key == key)
                return slot.id;
        }
    }
    std::uint32_t size() const { return m_count; }

private:
    static constexpr std::uint32_t kEmpty = 0xffffffffu;
    struct Slot
    {
        std::uint64_t key = 0;
        std::uint32_t id = kEmpty;
    };
    static std::size_t mix(std::uint64_t x)
    {
        // splitmix64's finaliser (Steele et al. 2014)
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return std::size_t(x ^ (x >> 31));
    }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.id == kEmpty)
                continue;
            std::size_t i = mix(slot.key) & mask;
            while (m_slots[i].id != kEmpty)
                i = (i + 1) & mask;
            m_slots[i] = slot;
        }
    }
    std::vector<Slot> m_slots;
    std::uint32_t m_count = 0;
};

// Sorts visits by (key, day, row) — the order of Visit::operator< — in linear time: stable
// counting sorts by instrument, then by group, keep the row order within a key; each
// instrument's few visits are then sorted by (day, row).
void sortVisits(std::vector<Visit> &visits, std::uint32_t instruments, std::size_t groups)
{
    std::vector<Visit> buffer(visits.size());
    auto countingSort = [&](std::vector<Visit> &from, std::vector<Visit> &to, std::size_t buckets,
                            auto bucketOf) {
        std::vector<std::uint32_t> start(buckets + 1, 0);
        for (const Visit &v : from)
            ++start[bucketOf(v) + 1];
        for (std::size_t b = 1; b <= buckets; ++b)
            start[b] += start[b - 1];
        for (const Visit &v : from)
            to[start[bucketOf(v)]++] = v;
    };
    countingSort(visits, buffer, instruments,
                 [](const Visit &v) { return std::size_t(v.key & 0xffffffffu); });
    countingSort(buffer, visits, groups, [](const Visit &v) { return std::size_t(v.key >> 32); });
    for (std::size_t begin = 0; begin < visits.size();) {
        std::size_t end = begin + 1;
        while (end < visits.size() && visits[end].key == visits[begin].key)
            ++end;
        if (!std::is_sorted(visits.begin() + std::ptrdiff_t(begin),
                            visits.begin() + std::ptrdiff_t(end)))
            std::sort(visits.begin() + std::ptrdiff_t(begin), visits.begin() + std::ptrdiff_t(end));
        begin = end;
    }
}

// OLS slope of y on t with its standard error s/√Sxx (Draper & Smith 1998, §1.4); the SE is NaN
// below three points (no residual degree of freedom).
void olsSlope(const std::vector<double> &t, const std::vector<double> &y, double &slope, double &se)
{
    const auto n = double(t.size());
    double mt = 0.0, my = 0.0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        mt += t[i];
        my += y[i];
    }
    mt /= n;
    my /= n;
    double sxx = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        sxx += (t[i] - mt) * (t[i] - mt);
        sxy += (t[i] - mt) * (y[i] - my);
    }
    slope = sxx > 0.0 ? sxy / sxx : kNaN;
    se = kNaN;
    if (sxx > 0.0 && t.size() >= 3) {
        double rss = 0.0;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const double r = y[i] - my - slope * (t[i] - mt);
            rss += r * r;
        }
        se = std::sqrt(rss / (n - 2.0) / sxx);
    }
}
} // namespace

std::vector<GroupHistories> buildHistories(const Context &ctx)
{
    const ColumnarDataset &data = ctx.data;
    const auto &manufacturer = data.column(TextColumn::Manufacturer);
    const auto &model = data.column(TextColumn::Model);
    const auto &serial = data.column(TextColumn::SerialNo);
    const auto &type = data.column(TextColumn::VerificationType);
    const Dictionary &serials = data.dictionary(TextColumn::SerialNo);
    const Dictionary &types = data.dictionary(TextColumn::VerificationType);
    std::vector<bool> initialType(types.values.size());
    for (std::size_t i = 0; i < types.values.size(); ++i)
        initialType[i] = types.values[i] == "首次检定";

    // Instrument id per (manufacturer, model, serial); rows without a serial have no history.
    InstrumentIds instruments;
    std::vector<Visit> visits;
    visits.reserve(data.size());
    for (std::size_t r = 0; r < data.size(); ++r) {
        if (serials.values[serial[r]].empty())
            continue;
        const std::uint64_t k = std::uint64_t(manufacturer[r]) << 42 | std::uint64_t(model[r]) << 21
                                | std::uint64_t(serial[r]);
        visits.push_back({std::uint64_t(ctx.groupOfRow[r]) << 32 | instruments.idOf(k),
                          data.verificationDay[r], std::uint32_t(r)});
    }
    sortVisits(visits, instruments.size(), ctx.groups.size());

    std::vector<GroupHistories> out(ctx.groups.size());
    const bool fromManufacture = ctx.plan.reliability.originManufacture;
    std::vector<double> t, y;
    for (std::size_t begin = 0; begin < visits.size();) {
        std::size_t end = begin;
        while (end < visits.size() && visits[end].key == visits[begin].key)
            ++end;
        GroupHistories &h = out[visits[begin].key >> 32];
        ++h.instruments;
        // Gaps between consecutive verifications that start in tolerance (for A3).
        for (std::size_t i = begin + 1; i < end; ++i) {
            if (data.passed[visits[i - 1].row])
                h.gaps.push_back(
                    {visits[i].day - visits[i - 1].day, data.passed[visits[i].row] != 0});
        }
        // Lives: from an observed initial verification (or the verification after a repair)
        // to the first failing verification, interval-censored between the last pass and it.
        const std::uint32_t first = visits[begin].row;
        bool observedStart = initialType[type[first]] && data.passed[first];
        std::int32_t origin = visits[begin].day;
        if (observedStart && fromManufacture) {
            if (data.manufactureDay[first] == ColumnarDataset::kMissingDay
                || data.manufactureDay[first] > origin)
                observedStart = false;
            else
                origin = data.manufactureDay[first];
        }
        std::int32_t lastPass = visits[begin].day;
        std::size_t segmentStart = begin;
        auto closeSegment = [&](std::size_t segEnd) {
            // Drift of the signed normalised error over the passing verifications of one life.
            t.clear();
            y.clear();
            for (std::size_t i = segmentStart; i < segEnd; ++i) {
                const double e = data.normalizedError[visits[i].row];
                if (data.passed[visits[i].row] && !std::isnan(e)) {
                    t.push_back(double(visits[i].day - visits[segmentStart].day) / kDaysPerYear);
                    y.push_back(e);
                }
            }
            if (qint64(t.size()) >= ctx.plan.minDriftPoints) {
                stats::InstrumentDrift d;
                olsSlope(t, y, d.slope, d.slopeStandardError);
                d.lastTime = t.back();
                if (std::isfinite(d.slope))
                    h.drift.push_back(d);
            }
        };
        for (std::size_t i = begin + 1; i <= end; ++i) {
            const bool atEnd = i == end;
            if (!atEnd && data.passed[visits[i].row]) {
                lastPass = visits[i].day;
                continue;
            }
            if (observedStart) {
                const double a = double(lastPass - origin) / kDaysPerYear;
                if (atEnd) {
                    if (a > 0.0)
                        h.lives.push_back(stats::LifeObservation::rightCensored(a));
                } else {
                    const double b = double(visits[i].day - origin) / kDaysPerYear;
                    h.lives.push_back(a > 0.0 ? stats::LifeObservation::interval(a, b)
                                              : stats::LifeObservation::leftCensored(b));
                }
            }
            closeSegment(i);
            if (atEnd)
                break;
            // Renewal: repaired instruments restart at their next (passing) verification;
            // scrapped ones have no further record under this serial.
            if (i + 1 < end && data.passed[visits[i + 1].row]) {
                origin = lastPass = visits[i + 1].day;
                observedStart = true;
                segmentStart = i + 1;
                ++i;
            } else {
                observedStart = false;
                segmentStart = i + 1;
            }
        }
        begin = end;
    }
    return out;
}

} // namespace metroeval::core::engine
