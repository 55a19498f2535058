// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/units.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval::core::cleaning;
using namespace Qt::StringLiterals;

TEST(Units, ShiftDecimalIsExactInDecimalText)
{
    // 1 kPa = 10^-3 MPa (SI prefix kilo = 10^3, BIPM SI Brochure 9th ed., Table 7)
    EXPECT_EQ(shiftDecimal(u"25.6", -3), u"0.0256"_s);
    EXPECT_EQ(shiftDecimal(u"12.3", -3), u"0.0123"_s);
    EXPECT_EQ(shiftDecimal(u"1600", -3), u"1.6"_s);
    EXPECT_EQ(shiftDecimal(u"0", -3), u"0"_s);
    EXPECT_EQ(shiftDecimal(u"0.0", -3), u"0.0000"_s);
    EXPECT_EQ(shiftDecimal(u"1.5", 3), u"1500"_s);
    // The sample generator writes kPa errors with (4 − 3) decimals and MPa errors with 4
    // (docs/sample-data.md, unitKpa): the conversion restores the MPa text exactly.
    EXPECT_EQ(shiftDecimal(u"3.7", -3), u"0.0037"_s);
}

TEST(Units, ConvertsGaugeValuesToMpa)
{
    const Converted mpe = convertValue(u"±25.6kPa", u"MPa"_s, u"kPa"_s);
    EXPECT_TRUE(mpe.changed);
    EXPECT_EQ(mpe.text, u"±0.0256MPa"_s);
    // A max error without unit text takes the range's unit and stays without unit text.
    const Converted error = convertValue(u"-12.3", u"MPa"_s, u"kPa"_s);
    EXPECT_EQ(error.text, u"-0.0123"_s);
    // Already canonical: unchanged.
    EXPECT_FALSE(convertValue(u"±0.0256MPa", u"MPa"_s, u"MPa"_s).changed);
    const Converted range = convertRange(u"(0~1600)kPa", u"MPa"_s);
    EXPECT_EQ(range.text, u"(0~1.6)MPa"_s);
    EXPECT_EQ(convertRange(u"(0~250)kPa", u"MPa"_s).text, u"(0~0.25)MPa"_s);
}

TEST(Units, UnknownOrForeignUnitIsFlaggedNotGuessed)
{
    // bar is not a power-of-ten multiple of MPa in this table: no conversion, a flag.
    const Converted bar = convertRange(u"(0~16)bar", u"MPa"_s);
    EXPECT_FALSE(bar.changed);
    EXPECT_TRUE(bar.unknownUnit);
    // %LEL is no pressure unit.
    EXPECT_TRUE(convertValue(u"±5%LEL", u"MPa"_s, QString()).unknownUnit);
}

TEST(Units, RangeSpan)
{
    EXPECT_DOUBLE_EQ(rangeSpan(u"(0~1.6)MPa"), 1.6);
    EXPECT_DOUBLE_EQ(rangeSpan(u"(-0.1~0.9)MPa"), 1.0);
    EXPECT_TRUE(std::isnan(rangeSpan(u"n/a")));
}
