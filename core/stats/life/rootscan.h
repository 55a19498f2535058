// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

namespace metroeval::stats::detail {

/// \brief First sign change of g on [0, horizon]: a 20,000-step scan, then bisection to a relative
/// width of 1e-12. +∞ when g keeps its sign. Internal to metroeval_stats_life.
double firstRoot(const std::function<double(double)> &g, double horizon);

} // namespace metroeval::stats::detail
