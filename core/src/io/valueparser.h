// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/core/valueparser_test.cpp).
#pragma once

#include <QByteArrayView>
#include <QDate>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace metroeval::core {

/// \brief Excel's two day-number systems (ECMA-376 Part 1, §18.17.4.1 "Date Conversion").
enum class DateSystem {
    Excel1900, ///< serial 1 = 1900-01-01, with Lotus' phantom 1900-02-29 as serial 60
    Excel1904, ///< serial 0 = 1904-01-01 (old Mac Excel; workbook.xml `date1904="1"`)
};

/// \brief Converts an Excel serial day number (fraction = time of day, ignored) to a date.
/// Method: day offset from the system's epoch; in the 1900 system serial 60 (the non-existent
/// 1900-02-29) is rejected and later serials are shifted back one day, as Excel counts that day.
/// Reference: Microsoft KB 214326; ECMA-376 Part 1 §18.17.4.1. Range 1900/1904 … 2200.
std::optional<QDate> dateFromExcelSerial(double serial, DateSystem system);

/// \brief Parses the date spellings found in institute exports: 2023-05-01 (optionally with a
/// time), 2023/5/1, 2023.05.01, 2023年5月1日, 20230501, full-width digits, and Excel serial day
/// numbers in \a system (see dateFromExcelSerial). Returns nullopt when the text is no
/// unambiguous valid date (2022-02-30 is rejected, not rolled over).
std::optional<QDate> parseDate(QStringView text, DateSystem system = DateSystem::Excel1900);

/// \brief parseDate() for the form nearly every export uses, straight from its bytes: when
/// \a text is exactly YYYY-MM-DD in ASCII digits, sets \a date to what parseDate() returns for
/// it (nullopt for 2022-02-30 or a year outside 1900…2200) and returns true; otherwise returns
/// false and leaves \a date alone.
bool parseIsoDate(QByteArrayView text, std::optional<QDate> &date);

/// \brief 合格/准予使用/符合/Pass → true; 不合格/不准使用/不符合/Fail → false; otherwise nullopt.
/// White space and full-width forms are ignored ("合 格").
std::optional<bool> parseConclusion(QStringView text);

/// \brief The leading signed decimal number of a value such as "+0.012", "±0.016 MPa", "-1.2%LEL".
std::optional<double> parseLeadingNumber(QStringView text);

/// \brief A number with its unit converted to the canonical unit of its quantity.
struct Quantity
{
    double value = 0.0;
    QLatin1StringView unit; ///< "MPa", "%LEL", "kg", or empty when the text had no unit
};

/// \brief Canonical unit and factor of a unit spelling: MPa/kPa/Pa/bar/psi → MPa, %LEL → %LEL,
/// kg/g/t → kg. psi = 6.894757e-3 MPa (NIST SP 811, Appendix B.8). Case and width are ignored.
std::optional<std::pair<QLatin1StringView, double>> canonicalUnit(QStringView unit);

/// \brief Parses "±0.016MPa", "+10.0", "-1.5 %LEL", "25.6 kPa" into a value in the canonical unit.
/// A value without unit text takes \a defaultUnit (e.g. the unit of the measuring range). Returns
/// nullopt when there is no number or the unit is not known.
std::optional<Quantity> parseQuantity(QStringView text, QStringView defaultUnit = {});

/// \brief The unit written after a measuring range: "(0~1.6)MPa" → "MPa", "0-100%LEL" → "%LEL";
/// empty when none.
QString rangeUnit(QStringView range);

/// \brief Splits a failed-item list on any of 、 ； ; , ， / ／ | and trims the items:
/// "示值误差、回程误差" → {示值误差, 回程误差}. Empty text gives an empty list.
QStringList parseFailedItems(QStringView text);

} // namespace metroeval::core
