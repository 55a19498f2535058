// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QStringView>

#include <optional>

namespace metroeval::core {

/// \brief Parses the date spellings found in institute exports: 2023-05-01 (optionally with a time),
/// 2023/5/1, 2023.05.01, 2023年5月1日, 20230501, and Excel serial day numbers in the 1900 date system
/// (serial 60 is Excel's non-existent 1900-02-29 and is rejected; serials after it are shifted by one
/// day, as Excel counts that day). Returns nullopt when the text is no unambiguous date.
std::optional<QDate> parseDate(QStringView text);

/// \brief 合格/准予使用/符合/Pass → true; 不合格/不准使用/不符合/Fail → false; otherwise nullopt.
std::optional<bool> parseConclusion(QStringView text);

/// \brief The leading signed decimal number of a value such as "+0.012", "±0.016 MPa", "-1.2%LEL".
std::optional<double> parseLeadingNumber(QStringView text);

} // namespace metroeval::core
