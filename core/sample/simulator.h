// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/sample/simulatortest.cpp).
#pragma once

#include "sample/catalog.h"
#include "sample/random.h"
#include "sample/record.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace metroeval::sample {

/// \brief Life-history parameters shared by all categories (docs/sample-data.md §Verifications).
struct SimulationConfig
{
    std::uint64_t records = 10000; ///< truth records to emit (exactly)
    std::uint64_t seed = 1;
    int periodStartDay = 0;        ///< first day of the export window (default 2016-01-01)
    int periodEndDay = 0;          ///< last day (default 2024-12-31)
    int preServiceYears = 6;       ///< instruments may enter service this long before the window
    double jitterSdDays = 6.0;     ///< normal jitter of an on-time verification
    double lateProbability = 0.08; ///< verification late by U(5, 90) days
    double missedProbability = 0.04; ///< one interval skipped
    double inUseProbability = 0.02;  ///< an extra 使用中检查 halfway through an interval
    double scrapProbability = 0.30;  ///< after a failure: scrapped (and replaced), else repaired
    double errorExcessMean = 0.25;   ///< |error|/MPE − 1.05 of an out-of-tolerance error ~ Exp
    int customers = 0;             ///< 0: records / 150 clamped to [30, 4000]
    SimulationConfig();
};

/// \brief Generates instrument lives and their verification records (see docs/sample-data.md).
///
/// Method: per instrument, time to first non-conformance T ~ Weibull(k, λ) of its model (λ scaled
/// by the improvement event for units made after its onset; batch-defect units get a competing
/// exponential failure after the onset date); verifications follow the category interval with
/// jitter, late and missed verifications; non-conformance is found at the first verification
/// after T (interval censoring); the failed item is drawn from the category's item weights;
/// then the unit is repaired (renewal: new T from the repair date) or scrapped and replaced.
class Simulator
{
public:
    using RecordSink = std::function<void(const TruthRecord &)>;
    using InstrumentSink = std::function<void(const InstrumentTruth &)>;

    Simulator(const Catalog &catalog, const SimulationConfig &config);

    /// \brief The customer table drawn from the seed (valid after construction).
    const std::vector<Customer> &customers() const { return m_customers; }

    /// \brief Runs the simulation; calls onRecord for every truth record in time order per
    ///        instrument, onInstrument when an instrument's history is complete.
    void run(const RecordSink &onRecord, const InstrumentSink &onInstrument);

    /// \brief MPE of a record's class and range, in the category unit (JJG 52: class % × span;
    ///        JJG 693: absolute; JJG 539 class III: 1.5 e at full load).
    static double mpeOf(const CategorySpec &category, int accuracyClass, int range);

private:
    void simulateInstrument(InstrumentTruth &truth, std::uint32_t customer, Rng &rng,
                            const RecordSink &onRecord);
    double drawLife(const InstrumentTruth &truth, int lifeStart, Rng &rng, int &failureDay,
                    int &failureItem) const;

    const Catalog &m_catalog;
    SimulationConfig m_config;
    std::vector<Customer> m_customers;
    std::uint64_t m_emitted = 0;
    std::uint64_t m_nextId = 1;
    int m_batchOnset = 0;
    int m_improvingOnset = 0;
};

} // namespace metroeval::sample
