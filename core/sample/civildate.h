// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace metroeval::sample {

/// \brief A proleptic Gregorian calendar date.
struct CivilDate
{
    int year = 1970;
    int month = 1;
    int day = 1;
};

/// \brief Days since 1970-01-01 of a civil date (H. Hinnant, "chrono-compatible low-level date
///        algorithms", days_from_civil).
int daysFromCivil(CivilDate date);
/// \brief Civil date of a day number (Hinnant, civil_from_days).
CivilDate civilFromDays(int days);
/// \brief Day number of the same day `months` months later, clamped to the month's last day.
int addMonths(int days, int months);
/// \brief yyyy-MM-dd.
std::string isoDate(int days);
/// \brief Excel 1900-system serial number (days since 1899-12-30, valid after 1900-03-01).
int excelSerial(int days);

} // namespace metroeval::sample
