// SPDX-License-Identifier: GPL-3.0-or-later
// One test per cleaning rule on the fixtures of tests/data/cleaning (rows named by certificate).
#include "cleaningtestsupport.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
class CleaningRules : public ::testing::Test
{
protected:
    void clean(const QString &fixture, bool autoAliases)
    {
        ws = freshWorkspace(dir);
        ASSERT_TRUE(ws);
        ASSERT_GT(loadFixture(*ws, fixture), 0);
        core::CoreError error;
        summary = core::cleaning::runCleaning(*ws, fixtureOptions(autoAliases), &error);
        ASSERT_TRUE(summary) << error.detail.toStdString();
    }
    QString value(const QString &cert, const QString &column)
    {
        return effectiveValue(*ws, cert, column);
    }
    qint64 count(const QString &sql) { return scalar(*ws, sql); }

    QTemporaryDir dir;
    std::unique_ptr<core::Workspace> ws;
    std::optional<core::cleaning::CleaningSummary> summary;
};
} // namespace

TEST_F(CleaningRules, ManufacturerVariantsMergeAutomatically)
{
    // GIVEN 6 records of 宜昌长江仪表有限公司 and 4 of its variants (fixture manufacturer_variants)
    clean(u"manufacturer_variants.csv"_s, true);
    // THEN every variant reads as the canonical spelling in record_effective
    EXPECT_EQ(
        count(
            u"SELECT COUNT(*) FROM record_effective WHERE manufacturer = '宜昌长江仪表有限公司'"_s),
        10);
    // 2 × 有限责任公司 + 1 × 长江仪表有限公司, and the 4 records under the new name of 西安秦川
    EXPECT_EQ(summary->fixes.value(u"manufacturer_alias"_s).values, 3 + 4);
    // AND each change is logged with before/after, user and time
    QSqlQuery q(
        u"SELECT before_value, after_value, records, user_name, created_at FROM cleaning_log"
        " WHERE rule = 'manufacturer_alias' AND before_value = '长江仪表有限公司'"_s,
        ws->database());
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(1).toString(), u"宜昌长江仪表有限公司"_s);
    EXPECT_EQ(q.value(2).toInt(), 1);
    EXPECT_EQ(q.value(3).toString(), u"tester"_s);
    EXPECT_FALSE(q.value(4).toString().isEmpty());
}

TEST_F(CleaningRules, NearNamePlantsAreNeverMergedAutomatically)
{
    // GIVEN 上海自动化仪表三厂 (6 records) and 上海自动化仪表四厂 (4), same model
    clean(u"manufacturer_variants.csv"_s, true);
    // THEN both keep their names even with --accept-aliases auto
    EXPECT_EQ(
        count(u"SELECT COUNT(*) FROM record_effective WHERE manufacturer = '上海自动化仪表三厂'"_s),
        6);
    EXPECT_EQ(
        count(u"SELECT COUNT(*) FROM record_effective WHERE manufacturer = '上海自动化仪表四厂'"_s),
        4);
    // AND the pair is offered for review with its blocker
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM alias_suggestion WHERE blocked = 'distinct_number'"
                    " AND status = 'pending'"_s),
              1);
}

TEST_F(CleaningRules, NoAliasIsTakenWithAcceptNone)
{
    clean(u"manufacturer_variants.csv"_s, false);
    EXPECT_EQ(summary->fixes.value(u"manufacturer_alias"_s).values, 0);
    EXPECT_EQ(summary->autoAccepted, 0);
    EXPECT_GT(summary->pendingSuggestions, 0);
    // Only the white space of "宜昌 长江仪表有限公司" is normalised.
    EXPECT_EQ(
        count(
            u"SELECT COUNT(*) FROM record_effective WHERE manufacturer = '宜昌长江仪表有限公司'"_s),
        7);
}

TEST_F(CleaningRules, RenameIsADatedAlias)
{
    // GIVEN 西安秦川仪表厂 2016–2020 and 西安秦川智能仪表有限公司 from 2022-03-01
    clean(u"manufacturer_variants.csv"_s, true);
    EXPECT_EQ(
        count(u"SELECT COUNT(*) FROM record_effective WHERE manufacturer = '西安秦川仪表厂'"_s), 9);
    // THEN the stored decision carries the rename date (Julian day of 2022-03-01)
    EXPECT_EQ(
        count(
            u"SELECT valid_from_day FROM alias_decision WHERE alias = '西安秦川智能仪表有限公司'"_s),
        QDate(2022, 3, 1).toJulianDay());
}

TEST_F(CleaningRules, ModelsAreCanonicalPerManufacturer)
{
    clean(u"manufacturer_variants.csv"_s, true);
    // Y100 and Ｙ－１００ of 宜昌长江 become its most frequent spelling Y-100.
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM record_effective WHERE model <> 'Y-100'"_s), 0);
    EXPECT_EQ(summary->fixes.value(u"model_canonical"_s).values, 2);
}

TEST_F(CleaningRules, UnitsBecomeTheCategoryCanonicalUnit)
{
    clean(u"units_kpa.csv"_s, false);
    EXPECT_EQ(value(u"JD2023-P-00000001"_s, u"measuring_range"_s), u"(0~1.6)MPa"_s);
    EXPECT_EQ(value(u"JD2023-P-00000001"_s, u"mpe"_s), u"±0.0256MPa"_s);
    EXPECT_EQ(value(u"JD2023-P-00000001"_s, u"max_error"_s), u"-0.0123"_s);
    // typed values follow: −12.3 kPa = −0.0123 MPa
    EXPECT_DOUBLE_EQ(value(u"JD2023-P-00000001"_s, u"max_error_value"_s).toDouble(), -0.0123);
    EXPECT_DOUBLE_EQ(value(u"JD2023-P-00000001"_s, u"mpe_value"_s).toDouble(), 0.0256);
    EXPECT_EQ(value(u"JD2023-P-00000002"_s, u"measuring_range"_s), u"(0~0.25)MPa"_s);
    // the gas detector keeps %LEL; the bar gauge is flagged, not converted
    EXPECT_EQ(value(u"JD2023-Q-00000004"_s, u"mpe"_s), u"±5%LEL"_s);
    EXPECT_EQ(value(u"JD2023-P-00000005"_s, u"measuring_range"_s), u"(0~16)bar"_s);
    EXPECT_TRUE(findingRules(*ws, u"JD2023-P-00000005"_s).contains(u"unknown_unit"_s));
    // the MPE check runs on converted values: 1.6 % × 1.6 MPa = 0.0256 MPa, no finding
    EXPECT_FALSE(findingRules(*ws, u"JD2023-P-00000001"_s).contains(u"mpe_vs_class"_s));
}

TEST_F(CleaningRules, ConsistencyFindingsEachHaveTheirRule)
{
    clean(u"consistency_rules.csv"_s, false);
    auto has = [this](const char *cert, const char *rule) {
        return findingRules(*ws, QString::fromLatin1(cert)).contains(QString::fromLatin1(rule));
    };
    // 合格 with |0.0300| > MPE 0.0256
    EXPECT_TRUE(has("JD2023-P-00000101", "conclusion_vs_error"));
    // MPE 0.04 ≠ 1.6 % × 1.6 MPa = 0.0256 (JJG 52-2013)
    EXPECT_TRUE(has("JD2023-P-00000102", "mpe_vs_class"));
    EXPECT_TRUE(has("JD2023-P-00000103", "due_before_verification"));
    // 12 months after verification > 6-month interval + 31 days
    EXPECT_TRUE(has("JD2023-P-00000104", "due_beyond_interval"));
    EXPECT_TRUE(has("JD2023-P-00000105", "verified_before_manufacture"));
    EXPECT_TRUE(has("JD2026-P-00000106", "future_date"));
    EXPECT_TRUE(has("JD2023-P-00000108", "same_day_twice"));
    EXPECT_TRUE(has("JD2023-P-00000109", "missing_critical"));
    EXPECT_TRUE(has("JD2023-P-00000113", "duplicate_certificate"));
    EXPECT_TRUE(has("JD2023-P-00000114", "unparseable_date"));
    // 不合格 by 示值误差 although |0.01| ≤ 0.0256
    EXPECT_TRUE(has("JD2023-P-00000115", "conclusion_vs_error"));
    // and a clean row has none
    EXPECT_TRUE(findingRules(*ws, u"JD2023-P-00000110"_s).isEmpty());
    // every finding carries a severity and the review action
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM cleaning_finding WHERE severity NOT IN"
                    " ('info', 'warning', 'error') OR action <> 'review'"_s),
              0);
}

TEST_F(CleaningRules, VocabularyAndDatesAreNormalised)
{
    clean(u"consistency_rules.csv"_s, false);
    EXPECT_EQ(value(u"JD2023-P-00000110"_s, u"conclusion"_s), u"合格"_s);
    EXPECT_EQ(value(u"JD2023-P-00000111"_s, u"verification_date"_s), u"2023-05-01"_s);
    EXPECT_EQ(value(u"JD2023-P-00000111"_s, u"due_date"_s), u"2023-10-31"_s);
    // raw text beside it is untouched
    EXPECT_EQ(effectiveValue(*ws, u"JD2023-P-00000111"_s, u"verification_date"_s, u"record"_s),
              u"2023年5月1日"_s);
}

TEST_F(CleaningRules, DuplicateOfTheSameEventIsMaskedNotDeleted)
{
    clean(u"consistency_rules.csv"_s, false);
    // JD..112 twice, equal after cleaning: the older is masked, still countable in record
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM record WHERE certificate_no = 'JD2023-P-00000112'"_s),
              2);
    EXPECT_EQ(
        count(
            u"SELECT COUNT(*) FROM record_effective WHERE certificate_no = 'JD2023-P-00000112'"_s),
        1);
    EXPECT_EQ(summary->maskedRecords, 1);
    // JD..113 twice with different conclusions: both stay, both flagged
    EXPECT_EQ(
        count(
            u"SELECT COUNT(*) FROM record_effective WHERE certificate_no = 'JD2023-P-00000113'"_s),
        2);
}
