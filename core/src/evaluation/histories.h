// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation/engine.h"

#include "stats/life/drift.h"
#include "stats/life/lifemodel.h"

#include <cstdint>
#include <vector>

namespace metroeval::core::engine {

/// \brief A gap between two consecutive verifications of one instrument that started in
/// tolerance, and whether the instrument was found in tolerance at its end.
struct VerificationGap
{
    std::int32_t days = 0;
    bool inTolerance = false;
};

/// \brief What the instrument histories of one group feed into the life, drift and interval models.
struct GroupHistories
{
    qint64 instruments = 0;
    std::vector<stats::LifeObservation> lives; ///< in years since the life's origin
    std::vector<stats::InstrumentDrift> drift; ///< slope (MPE per year) and its SE per life
    std::vector<VerificationGap> gaps;
};

/// \brief Instrument histories per group.
///
/// An instrument is manufacturer + model + serial (rows without a serial are left out). A life
/// starts at an observed passing 首次检定 (or, with origin manufacture_date, at the manufacture
/// date of such an instrument) or at the first passing verification after a failure (repair,
/// renewal); lives that started before the data (left-truncated) are not used. It ends at the
/// first failing verification: the failure time is interval-censored in (last pass, failure]
/// (domain.md §2), or right-censored at the last pass. Drift: OLS slope of the signed
/// normalised error over the passing verifications of one life with ≥ plan.minDriftPoints points.
std::vector<GroupHistories> buildHistories(const Context &ctx);

} // namespace metroeval::core::engine
