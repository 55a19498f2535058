// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/civildate.h"

#include <cstdio>

namespace metroeval::sample {

int daysFromCivil(CivilDate date)
{
    const int y = date.year - (date.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (date.month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + date.day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int days)
{
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

int addMonths(int days, int months)
{
    static constexpr int kLength[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const CivilDate c = civilFromDays(days);
    const int index = c.year * 12 + (c.month - 1) + months;
    CivilDate r{index / 12, index % 12 + 1, c.day};
    const bool leap = (r.year % 4 == 0 && r.year % 100 != 0) || r.year % 400 == 0;
    const int length = kLength[r.month - 1] + (r.month == 2 && leap ? 1 : 0);
    if (r.day > length)
        r.day = length;
    return daysFromCivil(r);
}

std::string isoDate(int days)
{
    const CivilDate c = civilFromDays(days);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buffer;
}

int excelSerial(int days)
{
    // 1899-12-30 is day −25569 relative to 1970-01-01.
    return days + 25569;
}

} // namespace metroeval::sample
