// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace metroeval::stats {

/// \brief Parameters of the staircase (automatic adjustment) method.
struct StaircaseParams
{
    double extendFactor = 1.25; ///< a > 1: applied after an in-tolerance result
    double reduceFactor = 0.5;  ///< 0 < b < 1: applied after an out-of-tolerance result
    double minInterval = 14.0;
    double maxInterval = 1826.0;
};

/// \brief Next interval by the staircase method: I·a if in tolerance, I·b otherwise, clamped.
///
/// Method: OIML D 10 / ILAC-G24 (2022), method 1 "automatic adjustment or staircase": each
/// calibration result alone moves the interval; the document leaves a and b to the laboratory.
/// NaN on invalid parameters (non-positive interval, a ≤ 1, b outside (0, 1), min > max).
double staircaseNextInterval(double current, bool inTolerance, const StaircaseParams &params = {});

/// \brief The interval sequence I₀, I₁, … produced by successive results (size results + 1).
std::vector<double> staircaseSequence(double initial, const std::vector<bool> &inTolerance,
                                      const StaircaseParams &params = {});

} // namespace metroeval::stats
