// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sample/catalog.h"
#include "sample/record.h"

#include <array>
#include <string>

namespace metroeval::sample {

using Row = std::array<std::string, ColumnCount>;

/// \brief Locale-independent fixed-point text of a value (std::to_chars); −0 prints as 0.
std::string formatFixed(double value, int decimals);
/// \brief Shortest round-trip text of a value rounded to 6 decimals (e.g. 0.0256, 1.6, 100).
std::string formatShort(double value);
/// \brief Certificate number: JD<year of verification>-<category code>-<8-digit sequence>.
std::string certificateNumber(const CategorySpec &category, const TruthRecord &record);
/// \brief Measuring range text "(0~1.6)MPa" with the span multiplied by `factor` and `unit`.
std::string rangeText(const RangeSpec &range, double factor, const std::string &unit);
/// \brief Verification type text (首次检定 / 后续检定 / 使用中检查).
const char *typeText(VerificationType type);

/// \brief Formats a truth record as a clean export row: canonical manufacturer and model, ISO
///        dates, conclusion 合格/不合格, MPE as "±value unit", error as a plain signed number
///        in the range unit, 有效期至 empty for a failed verification.
void formatCleanRow(const Catalog &catalog, const std::vector<Customer> &customers,
                    const TruthRecord &record, Row &row);

} // namespace metroeval::sample
