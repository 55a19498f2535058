// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/sample/simulatortest.cpp).
#include "sample/simulator.h"

#include "sample/civildate.h"

#include <algorithm>
#include <cmath>

namespace metroeval::sample {

namespace {

constexpr double kDaysPerYear = 365.25;
// An in-tolerance indication error stays within ±kInTolerance·MPE, an out-of-tolerance one starts
// at kOutOfTolerance·MPE: the gap keeps the conclusion unambiguous after rounding.
constexpr double kInTolerance = 0.95;
constexpr double kOutOfTolerance = 1.05;

std::vector<double> weightsOf(const auto &items)
{
    std::vector<double> w;
    w.reserve(items.size());
    for (const auto &item : items)
        w.push_back(item.weight);
    return w;
}

int isoDay(const std::string &iso)
{
    const CivilDate d{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                      std::stoi(iso.substr(8, 2))};
    return daysFromCivil(d);
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

} // namespace

SimulationConfig::SimulationConfig()
    : periodStartDay(daysFromCivil({2016, 1, 1}))
    , periodEndDay(daysFromCivil({2024, 12, 31}))
{
}

Simulator::Simulator(const Catalog &catalog, const SimulationConfig &config)
    : m_catalog(catalog)
    , m_config(config)
    , m_batchOnset(isoDay(catalog.events.batchOnset))
    , m_improvingOnset(isoDay(catalog.events.improvingOnset))
{
    static constexpr const char *kPrefix[] = {"宜昌", "湖北", "三峡", "夷陵", "长江"};
    static constexpr const char *kWord[] = {
        "华", "兴", "宏", "鑫", "恒", "泰", "盛", "达", "安", "源", "丰", "瑞", "通", "远", "金",
        "祥", "和", "顺", "隆", "新", "宇", "峰", "明", "光", "正", "德", "嘉", "佳", "海", "天"};
    static constexpr const char *kSuffix[] = {
        "化工有限公司", "燃气有限公司", "电力有限公司", "冶金有限公司", "食品有限公司",
        "药业有限公司", "建材有限公司", "水务有限公司", "商贸有限公司", "餐饮管理有限公司",
        "物流有限公司", "医院"};
    std::uint64_t count = config.customers > 0
                              ? static_cast<std::uint64_t>(config.customers)
                              : std::clamp<std::uint64_t>(config.records / 150, 30, 4000);
    count = std::min<std::uint64_t>(count, 4500);
    Rng rng(config.seed ^ 0x5eed0c0570e7ULL);
    m_customers.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) {
        // The index walks the name grid so that names are unique; district and industry are drawn.
        Customer c;
        c.industry = static_cast<std::uint16_t>(rng.below(catalog.industries.size()));
        c.district = static_cast<std::uint16_t>(rng.below(catalog.districts.size()));
        const std::size_t suffix = std::min<std::size_t>(c.industry, std::size(kSuffix) - 1);
        c.name = std::string(kPrefix[(i / 900) % 5]) + kWord[i % 30] + kWord[(i / 30) % 30]
                 + kSuffix[suffix];
        m_customers.push_back(std::move(c));
    }
}

double Simulator::mpeOf(const CategorySpec &category, int accuracyClass, int range)
{
    const RangeSpec &r = category.ranges[static_cast<std::size_t>(range)];
    switch (category.mpeRule) {
    case MpeRule::PercentOfSpan:
        return roundTo(category.classes[static_cast<std::size_t>(accuracyClass)].mpePercent
                           / 100.0 * (r.high - r.low),
                       6);
    case MpeRule::Absolute:
        return category.absoluteMpe;
    case MpeRule::ScaleDivision:
        return roundTo(1.5 * r.division, 6);
    }
    return std::nan("");
}

double Simulator::drawLife(const InstrumentTruth &truth, int lifeStart, Rng &rng,
                           int &failureDay, int &failureItem) const
{
    const CategorySpec &cat = m_catalog.categories[truth.category];
    const ModelSpec &model = cat.manufacturers[truth.manufacturer].models[truth.model];
    const double years = rng.weibull(model.weibullShape, truth.weibullScale);
    failureItem = static_cast<int>(rng.pick(cat.failedItemWeights));
    double day = lifeStart + years * kDaysPerYear;
    if (truth.batchDefect) {
        // Competing risk: from the onset date the batch fails at an extra exponential rate.
        const double batchDay = std::max(lifeStart, m_batchOnset)
                                + rng.exponential(m_catalog.events.batchExtraMeanYears)
                                      * kDaysPerYear;
        if (batchDay < day) {
            day = batchDay;
            failureItem = 0;
        }
    }
    failureDay = static_cast<int>(std::min(day, 1.0e9));
    return years;
}

void Simulator::simulateInstrument(InstrumentTruth &truth, std::uint32_t customer, Rng &rng,
                                   const RecordSink &onRecord)
{
    const CategorySpec &cat = m_catalog.categories[truth.category];
    const ModelSpec &model = cat.manufacturers[truth.manufacturer].models[truth.model];
    const auto accuracyClass = static_cast<std::uint16_t>(rng.pick(weightsOf(cat.classes)));
    const auto range = static_cast<std::uint16_t>(rng.pick(weightsOf(cat.ranges)));
    const double mpe = mpeOf(cat, accuracyClass, range);
    const double direction = rng.chance(0.5) ? 1.0 : -1.0;
    truth.drift = rng.normal(model.driftMean, model.driftSd);
    double bias = rng.normal(0.0, model.biasSd);
    const auto serial = static_cast<std::uint32_t>(
        (civilFromDays(truth.manufactureDay).year % 100) * 10000000 + truth.id % 10000000);

    int lifeStart = truth.serviceDay;
    int failureDay = 0;
    int failureItem = 0;
    truth.firstFailureYears = drawLife(truth, lifeStart, rng, failureDay, failureItem);
    truth.firstFailureItem = failureItem;

    int day = truth.serviceDay;
    VerificationType type = VerificationType::Initial;
    while (day <= m_config.periodEndDay && m_emitted < m_config.records) {
        const bool failed = day >= failureDay;
        const double years = (day - lifeStart) / kDaysPerYear;
        const double raw = direction * (bias + truth.drift * years) + rng.normal(0, model.noiseSd);
        double normalised = std::clamp(raw, -kInTolerance, kInTolerance);
        if (failed && failureItem == 0) {
            const double sign = raw >= 0.0 ? 1.0 : -1.0;
            normalised = sign * (kOutOfTolerance + rng.exponential(m_config.errorExcessMean));
        }
        double error = roundTo(normalised * mpe, cat.errorDecimals);
        const double unit = std::pow(10.0, -cat.errorDecimals);
        // Keep the truth rule exact after rounding: 示值误差 fails iff |error| > MPE.
        if (failed && failureItem == 0 && std::fabs(error) <= mpe)
            error = roundTo(error + std::copysign(unit, error), cat.errorDecimals);
        if (!(failed && failureItem == 0) && std::fabs(error) > mpe)
            error = std::copysign(mpe, error);

        if (day >= m_config.periodStartDay) {
            TruthRecord r;
            r.instrumentId = truth.id;
            r.sequence = ++m_emitted;
            r.customer = customer;
            r.category = truth.category;
            r.manufacturer = truth.manufacturer;
            r.model = truth.model;
            r.accuracyClass = accuracyClass;
            r.range = range;
            r.verifier = static_cast<std::uint16_t>(rng.below(m_catalog.verifiers.size()));
            r.checker = static_cast<std::uint16_t>(
                (r.verifier + 1 + rng.below(m_catalog.verifiers.size() - 1))
                % m_catalog.verifiers.size());
            r.type = type;
            r.passed = !failed;
            r.failedItem = failed ? failureItem : -1;
            r.manufactureDay = truth.manufactureDay;
            r.verificationDay = day;
            r.dueDay = addMonths(day, cat.intervalMonths) - 1;
            r.serial = serial;
            r.mpe = mpe;
            r.error = error;
            onRecord(r);
        }

        if (failed) {
            if (rng.chance(m_config.scrapProbability)) {
                truth.scrapped = true;
                truth.replacedBy = day; // day of scrapping; run() turns it into the new id
                return;
            }
            // Repaired: re-verified within days, a new life starts (renewal), offset re-zeroed.
            ++truth.repairs;
            lifeStart = day + 2 + static_cast<int>(rng.below(19));
            bias = rng.normal(0.0, model.biasSd);
            drawLife(truth, lifeStart, rng, failureDay, failureItem);
            day = lifeStart;
            type = VerificationType::Subsequent;
            continue;
        }
        // Next due verification: interval with jitter, sometimes late, sometimes one skipped.
        int months = cat.intervalMonths;
        if (rng.chance(m_config.missedProbability))
            months *= 2;
        int next = addMonths(day, months)
                   + static_cast<int>(std::lround(rng.normal(0.0, m_config.jitterSdDays)));
        if (rng.chance(m_config.lateProbability))
            next += 5 + static_cast<int>(rng.below(86));
        next = std::max(next, day + 7);
        if (rng.chance(m_config.inUseProbability)) {
            day += (next - day) / 2;
            type = VerificationType::InUse;
        } else {
            day = next;
            type = VerificationType::Subsequent;
        }
    }
}

void Simulator::run(const RecordSink &onRecord, const InstrumentSink &onInstrument)
{
    Rng rng(m_config.seed);
    const std::vector<double> categoryWeights = weightsOf(m_catalog.categories);
    const EventSpec &ev = m_catalog.events;
    const int firstService = addMonths(m_config.periodStartDay, -12 * m_config.preServiceYears);
    const int lastService = m_config.periodEndDay - 15;
    // A scrapped unit is replaced at the same customer by a unit of the same category.
    bool replacing = false;
    std::uint16_t replacementCategory = 0;
    std::uint32_t replacementCustomer = 0;
    int replacementDay = 0;
    while (m_emitted < m_config.records) {
        InstrumentTruth truth;
        truth.id = m_nextId++;
        std::uint32_t customer = 0;
        if (replacing) {
            truth.category = replacementCategory;
            customer = replacementCustomer;
            truth.serviceDay = replacementDay;
        } else {
            truth.category = static_cast<std::uint16_t>(rng.pick(categoryWeights));
            customer = static_cast<std::uint32_t>(rng.below(m_customers.size()));
            truth.serviceDay = firstService
                               + static_cast<int>(rng.below(
                                   static_cast<std::uint64_t>(lastService - firstService + 1)));
        }
        replacing = false;
        const CategorySpec &cat = m_catalog.categories[truth.category];
        truth.manufacturer = static_cast<std::uint16_t>(rng.pick(weightsOf(cat.manufacturers)));
        const ManufacturerSpec &mfr = cat.manufacturers[truth.manufacturer];
        truth.model = static_cast<std::uint16_t>(rng.pick(weightsOf(mfr.models)));
        truth.manufactureDay = truth.serviceDay - 15 - static_cast<int>(rng.below(226));
        const ModelSpec &model = mfr.models[truth.model];
        truth.weibullScale = model.weibullScale;
        if (truth.category == ev.improvingCategory
            && truth.manufacturer == ev.improvingManufacturer
            && truth.manufactureDay >= m_improvingOnset)
            truth.weibullScale *= ev.improvingScaleFactor;
        truth.batchDefect = truth.category == ev.batchCategory
                            && truth.manufacturer == ev.batchManufacturer
                            && truth.model == ev.batchModel
                            && civilFromDays(truth.manufactureDay).year == ev.batchYear;
        simulateInstrument(truth, customer, rng, onRecord);
        if (truth.scrapped) {
            const int scrapDay = static_cast<int>(truth.replacedBy);
            replacementDay = scrapDay + 1 + static_cast<int>(rng.below(30));
            truth.replacedBy = 0;
            if (replacementDay <= m_config.periodEndDay) {
                replacing = true;
                replacementCategory = truth.category;
                replacementCustomer = customer;
                truth.replacedBy = m_nextId;
            }
        }
        onInstrument(truth);
    }
}

} // namespace metroeval::sample
