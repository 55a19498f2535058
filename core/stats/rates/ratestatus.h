// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace metroeval::stats {

/// \brief Why a rates/trend/chart/composite result is (or is not) defined.
///
/// Every result struct of the rates library carries one; whenever it is not `Ok` the numeric
/// fields of the result are NaN (never a silent 0).
enum class RateStatus {
    Ok,            ///< result defined
    EmptyInput,    ///< n = 0, no groups, no points
    InvalidInput,  ///< negative counts, x > n, level outside (0, 1), mismatched lengths...
    NaNInput,      ///< a NaN or infinite value in the input
    Degenerate,    ///< defined inputs but the statistic is undefined (zero variance, empty margin)
    TooLarge,      ///< the exact computation would exceed its documented work/memory cap
    NotApplicable, ///< the model's admissibility test rejects the data (e.g. GM(1,1) class ratio)
};

} // namespace metroeval::stats
