// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/contingency_test.cpp).
#pragma once

#include <span>
#include <vector>

namespace metroeval::stats {

/// \brief Holm step-down adjusted p-values (family-wise error rate).
///
/// Method: Holm, Scand. J. Statist. 6 (1979) 65–70; p̃(i) = max_{j ≤ i} min(1, (m − j + 1)p(j)) on
/// the ascending order, exactly R `p.adjust(method = "holm")`. NaN entries (and values outside
/// [0, 1], which are not p-values) stay NaN in the output and do not count in m, as R does for NA.
/// Empty input gives an empty vector.
std::vector<double> holmAdjust(std::span<const double> pValues);

/// \brief Benjamini–Hochberg step-up adjusted p-values (false discovery rate).
///
/// Method: Benjamini & Hochberg, JRSS B 57 (1995) 289–300; p̃(i) = min_{j ≥ i} min(1, m·p(j)/j),
/// exactly R `p.adjust(method = "BH")`. NaN handling as holmAdjust.
std::vector<double> benjaminiHochbergAdjust(std::span<const double> pValues);

} // namespace metroeval::stats
