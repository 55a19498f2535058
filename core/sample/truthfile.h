// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sample/catalog.h"
#include "sample/defects.h"
#include "sample/record.h"
#include "sample/simulator.h"

#include <QJsonObject>

#include <cstdint>
#include <map>
#include <tuple>

namespace metroeval::sample {

/// \brief Verified and passed counts.
struct PassTally
{
    std::uint64_t verified = 0;
    std::uint64_t passed = 0;
    void add(bool pass)
    {
        ++verified;
        passed += pass ? 1 : 0;
    }
};

/// \brief Pass counts gathered from the truth records while they are written.
class TruthTallies
{
public:
    explicit TruthTallies(const Catalog &catalog);
    /// \brief Counts one truth record.
    void add(const TruthRecord &record);

    /// (category, manufacturer, year of verification) → counts
    std::map<std::tuple<int, int, int>, PassTally> byManufacturerYear;
    /// Batch cohort (the event's model made in the event's year) before / after the onset.
    PassTally batchBefore, batchAfter;
    /// Same manufacturer and model, other manufacture years, after the onset.
    PassTally batchPeersAfter;
    /// Improving manufacturer: units made before / from the onset.
    PassTally improvingBefore, improvingAfter;

private:
    const Catalog &m_catalog;
    int m_batchOnset = 0;
    int m_improvingOnset = 0;
};

/// \brief The truth file: all parameters, the events with their onsets and observed counts,
///        the defect rates, and reference pass rates per category × manufacturer × year
///        (schema in docs/sample-data.md §truth.json).
QJsonObject buildTruthJson(const Catalog &catalog, const SimulationConfig &config,
                           const DefectRates &rates, const TruthTallies &tallies,
                           std::uint64_t instruments);

/// \brief Day number of a yyyy-MM-dd text (no validation: catalogue dates only).
int dayOfIso(const std::string &iso);

} // namespace metroeval::sample
