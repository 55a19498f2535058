// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/civildate.h"
#include "sample/simulator.h"
#include "sample/truthfile.h"
#include "sampletestsupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

using namespace metroeval::sample;

namespace {

struct SimRun
{
    std::vector<TruthRecord> records;
    std::vector<InstrumentTruth> instruments;
};

SimRun simulate(std::uint64_t records, std::uint64_t seed)
{
    SimulationConfig config;
    config.records = records;
    config.seed = seed;
    Simulator simulator(defaultCatalog(), config);
    SimRun run;
    simulator.run([&](const TruthRecord &r) { run.records.push_back(r); },
                  [&](const InstrumentTruth &t) { run.instruments.push_back(t); });
    return run;
}

const SimRun &bigRun()
{
    static const SimRun run = simulate(200000, 2024);
    return run;
}

} // namespace

TEST(SampleSimulator, EmitsExactlyTheRequestedRecordsInsideThePeriod)
{
    // GIVEN 1,234 requested records
    const SimRun run = simulate(1234, 3);
    // THEN exactly that many, all dated inside 2016-01-01 … 2024-12-31
    ASSERT_EQ(run.records.size(), 1234u);
    const SimulationConfig config;
    for (const TruthRecord &r : run.records) {
        EXPECT_GE(r.verificationDay, config.periodStartDay);
        EXPECT_LE(r.verificationDay, config.periodEndDay);
    }
}

TEST(SampleSimulator, ConclusionFollowsTheErrorRule)
{
    // GIVEN the truth records; THEN 不合格 by 示值误差 iff |error| > MPE, a pass never exceeds
    // the MPE and a failure by another item keeps the error within it (assignment's truth rule).
    for (const TruthRecord &r : bigRun().records) {
        const bool beyond = std::fabs(r.error) > r.mpe;
        EXPECT_EQ(r.failedItem == 0, beyond);
        EXPECT_EQ(r.passed, r.failedItem < 0);
    }
}

TEST(SampleSimulator, FirstFailureTimesFollowTheModelWeibull)
{
    // GIVEN the instruments of 宜昌长江仪表有限公司 Y-100 (category 0, manufacturer 0, model 0;
    // catalogue truth k = 1.6, λ = 5.0 years), which no event touches
    std::vector<double> t;
    for (const InstrumentTruth &i : bigRun().instruments)
        if (i.category == 0 && i.manufacturer == 0 && i.model == 0)
            t.push_back(i.firstFailureYears);
    ASSERT_GT(t.size(), 1000u);
    // WHEN fitting complete-data Weibull ML (Lawless 2003 §5.2.2)
    const auto fit = testsupport::fitWeibull(t);
    // THEN within 5 asymptotic SE (Cohen 1965: SE(k) ≈ 0.78 k/√n, SE(λ) ≈ 1.053 λ/(k√n))
    const double n = static_cast<double>(t.size());
    EXPECT_NEAR(fit.shape, 1.6, 5 * 0.78 * 1.6 / std::sqrt(n));
    EXPECT_NEAR(fit.scale, 5.0, 5 * 1.053 * 5.0 / (1.6 * std::sqrt(n)));
}

TEST(SampleSimulator, VerificationsFollowTheCategoryInterval)
{
    // GIVEN consecutive passing routine verifications of one instrument
    std::map<int, std::vector<int>> gaps; // category → gaps in days
    const auto &records = bigRun().records;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const TruthRecord &a = records[i - 1];
        const TruthRecord &b = records[i];
        if (a.instrumentId == b.instrumentId && a.passed
            && b.type == VerificationType::Subsequent)
            gaps[a.category].push_back(b.verificationDay - a.verificationDay);
    }
    // THEN the median gap is the interval (6 months for JJG 52 gauges, 12 for the others) within
    // a week: jitter, late and missed verifications only move the tails.
    for (auto &[category, g] : gaps) {
        std::nth_element(g.begin(), g.begin() + std::ptrdiff_t(g.size() / 2), g.end());
        const double expected =
            defaultCatalog().categories[std::size_t(category)].intervalMonths * 365.25 / 12.0;
        EXPECT_NEAR(g[g.size() / 2], expected, 7.0) << "category " << category;
    }
}

TEST(SampleSimulator, BatchDefectIsVisibleAfterItsOnset)
{
    // GIVEN the tallies of the batch cohort (武汉楚天 Y-100 made in 2019, onset 2022-03-01)
    TruthTallies tallies(defaultCatalog());
    for (const TruthRecord &r : bigRun().records)
        tallies.add(r);
    auto rate = [](const PassTally &t) { return double(t.passed) / double(t.verified); };
    ASSERT_GT(tallies.batchAfter.verified, 200u);
    ASSERT_GT(tallies.batchBefore.verified, 200u);
    // THEN after the onset its pass rate drops by more than 20 points against its own past and
    // against the same model of other years (planted: extra failure with mean 0.35 y vs a
    // 6-month interval, docs/sample-data.md §Events).
    EXPECT_LT(rate(tallies.batchAfter), rate(tallies.batchBefore) - 0.20);
    EXPECT_LT(rate(tallies.batchAfter), rate(tallies.batchPeersAfter) - 0.20);
}

TEST(SampleSimulator, ImprovingManufacturerFailsLessAtEqualAge)
{
    // GIVEN gauge verifications at an age of 1 to 3 years, split by manufacture before / from
    // the improvement onset (2020-01-01), for 荆州江汉 (improving) and 武汉楚天 (control, batch
    // cohort excluded)
    const int onset = dayOfIso(defaultCatalog().events.improvingOnset);
    PassTally improvingOld, improvingNew, controlOld, controlNew;
    for (const TruthRecord &r : bigRun().records) {
        const int age = r.verificationDay - r.manufactureDay;
        if (r.category != 0 || age < 365 || age > 3 * 365)
            continue;
        const bool made2019 = civilFromDays(r.manufactureDay).year == 2019;
        if (r.manufacturer == 2)
            (r.manufactureDay >= onset ? improvingNew : improvingOld).add(r.passed);
        else if (r.manufacturer == 1 && !made2019)
            (r.manufactureDay >= onset ? controlNew : controlOld).add(r.passed);
    }
    auto failRate = [](const PassTally &t) { return 1.0 - double(t.passed) / double(t.verified); };
    // THEN the improving manufacturer's failure rate at equal age falls by more than a third
    // (λ × 2.5 planted), while the control's changes by less than a third.
    EXPECT_LT(failRate(improvingNew), failRate(improvingOld) * 2.0 / 3.0);
    EXPECT_GT(failRate(controlNew), failRate(controlOld) * 2.0 / 3.0);
}
