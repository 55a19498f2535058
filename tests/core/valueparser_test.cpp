// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/valueparser.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace metroeval::core;
using namespace Qt::StringLiterals;

TEST(ParseDate, ReadsTheSpellingsOfInstituteExports)
{
    const QDate may1(2023, 5, 1);
    for (const QString &s : {u"2023-05-01"_s, u"2023/5/1"_s, u"2023.05.01"_s, u"2023年5月1日"_s,
                             u"20230501"_s, u" 2023-05-01 00:00:00 "_s, u"２０２３－０５－０１"_s})
        EXPECT_EQ(parseDate(s), std::optional<QDate>(may1)) << s.toStdString();
}

TEST(ParseDate, ExcelSerialsFollowThe1900SystemWithItsLeapYearBug)
{
    // Microsoft, "Excel incorrectly assumes that the year 1900 is a leap year" (KB 214326):
    // serial 1 = 1900-01-01, 59 = 1900-02-28, 60 = the non-existent 1900-02-29, 61 = 1900-03-01;
    // serial 45047 = 2023-05-01 (Excel DATE(2023,5,1)).
    EXPECT_EQ(parseDate(u"1"_s), std::optional<QDate>(QDate(1900, 1, 1)));
    EXPECT_EQ(parseDate(u"59"_s), std::optional<QDate>(QDate(1900, 2, 28)));
    EXPECT_FALSE(parseDate(u"60"_s).has_value());
    EXPECT_EQ(parseDate(u"61"_s), std::optional<QDate>(QDate(1900, 3, 1)));
    EXPECT_EQ(parseDate(u"45047"_s), std::optional<QDate>(QDate(2023, 5, 1)));
}

TEST(ParseDate, RejectsImpossibleAndEmptyDates)
{
    for (const QString &s : {u""_s, u"2022-02-30"_s, u"2023-13-01"_s, u"abc"_s, u"2023-5"_s})
        EXPECT_FALSE(parseDate(s).has_value()) << s.toStdString();
}

TEST(ParseIsoDate, AgreesWithParseDateOnEveryIsoShapedText)
{
    // Every YYYY-MM-DD around the accepted years (1900…2200), with months 00…13 and days 00…32:
    // the fast path must type each exactly as parseDate() does, valid or not.
    int typed = 0;
    for (int y = 1890; y <= 2210; ++y) {
        for (int m = 0; m <= 13; ++m) {
            for (int d = 0; d <= 32; ++d) {
                const QByteArray text = QByteArray::number(y) + '-'
                                        + QByteArray::number(m).rightJustified(2, '0') + '-'
                                        + QByteArray::number(d).rightJustified(2, '0');
                std::optional<QDate> fast;
                ASSERT_TRUE(parseIsoDate(text, fast)) << text.constData();
                ASSERT_EQ(fast, parseDate(QString::fromLatin1(text))) << text.constData();
                typed += fast ? 1 : 0;
            }
        }
    }
    EXPECT_EQ(typed, QDate(2200, 12, 31).toJulianDay() - QDate(1900, 1, 1).toJulianDay() + 1);
}

TEST(ParseIsoDate, TypesEveryDateAsQDateDoes)
{
    // The day number comes from integer arithmetic, not from Qt's calendar: Qt is the reference
    // here, for every year of the accepted range and the years just outside it.
    for (int y = 1890; y <= 2210; ++y) {
        for (int m = 0; m <= 13; ++m) {
            for (int d = 0; d <= 32; ++d) {
                char text[16];
                std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
                std::optional<QDate> fast;
                ASSERT_TRUE(parseIsoDate(QByteArrayView(text), fast)) << text;
                const QDate qt(y, m, d);
                const bool inRange = y >= 1900 && y <= 2200 && qt.isValid();
                ASSERT_EQ(fast.has_value(), inRange) << text;
                if (inRange) {
                    ASSERT_EQ(fast->toJulianDay(), qt.toJulianDay()) << text;
                }
            }
        }
    }
}

TEST(ParseIsoDate, LeavesEveryOtherSpellingToParseDate)
{
    for (const char *text : {"2023/05/01", "2023-5-01", "2023-05-1", "20230501", " 2023-05-01",
                             "2023-05-01 ", "2023-05-0a", "2023-05-01T00", "", "2023年05月01"}) {
        std::optional<QDate> date = QDate(2000, 1, 1);
        EXPECT_FALSE(parseIsoDate(QByteArrayView(text), date)) << text;
        EXPECT_EQ(date, std::optional<QDate>(QDate(2000, 1, 1))) << text; // untouched
    }
}

TEST(ParseConclusion, KnowsTheVocabulary)
{
    for (const QString &s : {u"合格"_s, u"准予使用"_s, u"符合"_s, u"Pass"_s, u" 合 格 "_s})
        EXPECT_EQ(parseConclusion(s), std::optional<bool>(true)) << s.toStdString();
    for (const QString &s : {u"不合格"_s, u"不准使用"_s, u"不符合"_s, u"FAIL"_s})
        EXPECT_EQ(parseConclusion(s), std::optional<bool>(false)) << s.toStdString();
    EXPECT_FALSE(parseConclusion(u"待定"_s).has_value());
    EXPECT_FALSE(parseConclusion(u""_s).has_value());
}

TEST(ParseLeadingNumber, StripsSignsAndUnits)
{
    EXPECT_EQ(parseLeadingNumber(u"+0.012"_s), std::optional<double>(0.012));
    EXPECT_EQ(parseLeadingNumber(u"±0.016 MPa"_s), std::optional<double>(0.016));
    EXPECT_EQ(parseLeadingNumber(u"-1.5%LEL"_s), std::optional<double>(-1.5));
    EXPECT_FALSE(parseLeadingNumber(u"MPa"_s).has_value());
}

TEST(ParseDate, The1904SystemCountsFrom1904WithoutThePhantomDay)
{
    // ECMA-376 Part 1 §18.17.4.1: in the 1904 system serial 0 = 1904-01-01; Microsoft, "Differences
    // between the 1900 and the 1904 date system in Excel": the two differ by 1,462 days.
    EXPECT_EQ(parseDate(u"0"_s, DateSystem::Excel1904), std::optional<QDate>(QDate(1904, 1, 1)));
    EXPECT_EQ(parseDate(u"43585"_s, DateSystem::Excel1904),
              std::optional<QDate>(QDate(2023, 5, 1)));
    EXPECT_EQ(dateFromExcelSerial(45047.75, DateSystem::Excel1900),
              std::optional<QDate>(QDate(2023, 5, 1))); // the fraction is the time of day
}

TEST(ParseQuantity, ConvertsPressureMassAndLelToCanonicalUnits)
{
    // 1 kPa = 1e-3 MPa, 1 bar = 0.1 MPa, 1 psi = 6.894757e-3 MPa (NIST SP 811, App. B.8).
    EXPECT_DOUBLE_EQ(parseQuantity(u"±25.6kPa"_s)->value, 0.0256);
    EXPECT_EQ(parseQuantity(u"±25.6kPa"_s)->unit, "MPa"_L1);
    EXPECT_DOUBLE_EQ(parseQuantity(u"-0.5 bar"_s)->value, -0.05);
    EXPECT_DOUBLE_EQ(parseQuantity(u"2psi"_s)->value, 2 * 6.894757e-3);
    EXPECT_DOUBLE_EQ(parseQuantity(u"+2.5%LEL"_s)->value, 2.5);
    EXPECT_DOUBLE_EQ(parseQuantity(u"15 g"_s)->value, 0.015);
    // A bare number takes the default unit (the measuring range's).
    EXPECT_DOUBLE_EQ(parseQuantity(u"+10.0"_s, u"kPa"_s)->value, 0.010);
    EXPECT_TRUE(parseQuantity(u"+10.0"_s)->unit.isEmpty());
    EXPECT_FALSE(parseQuantity(u"3 furlong"_s).has_value());
    EXPECT_FALSE(parseQuantity(u"abc"_s).has_value());
}

TEST(ParseQuantity, RangeUnitIsWhatFollowsTheRange)
{
    EXPECT_EQ(rangeUnit(u"(0~1.6)MPa"_s), u"MPa"_s);
    EXPECT_EQ(rangeUnit(u"0-100%LEL"_s), u"%LEL"_s);
    EXPECT_EQ(rangeUnit(u""_s), QString());
}

TEST(ParseFailedItems, SplitsOnAnySeparator)
{
    EXPECT_EQ(parseFailedItems(u"示值误差、回程误差"_s), (QStringList{u"示值误差"_s, u"回程误差"_s}));
    EXPECT_EQ(parseFailedItems(u"零位；外观; 轻敲位移,偏载，重复性/鉴别力"_s),
              (QStringList{u"零位"_s, u"外观"_s, u"轻敲位移"_s, u"偏载"_s, u"重复性"_s,
                           u"鉴别力"_s}));
    EXPECT_TRUE(parseFailedItems(u"  "_s).isEmpty());
}
