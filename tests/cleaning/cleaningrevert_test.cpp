// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaningtestsupport.h"

#include "cleaning/cleaningstore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace metroeval::test;
using namespace metroeval::core::cleaning;
using namespace Qt::StringLiterals;

namespace {
qint64 logId(core::Workspace &ws, const QString &rule, const QString &before)
{
    QSqlQuery q(ws.database());
    q.prepare(u"SELECT id FROM cleaning_log WHERE run_id = (SELECT MAX(id) FROM cleaning_run)"
              " AND rule = ? AND before_value = ?"_s);
    q.addBindValue(rule);
    q.addBindValue(before);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}
} // namespace

TEST(CleaningRevert, SingleEntryRevertSticksAcrossRuns)
{
    // GIVEN a cleaned workspace
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"manufacturer_variants.csv"_s), 0);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(true), &error));
    const qint64 id = logId(*ws, u"manufacturer_alias"_s, u"长江仪表有限公司"_s);
    ASSERT_GT(id, 0);
    // WHEN that one entry is reverted and the cleaning runs again
    ASSERT_TRUE(revertLogEntry(*ws, id, u"supervisor"_s, &error));
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    // THEN that record shows its raw name again, the others stay merged
    EXPECT_EQ(
        scalar(*ws,
               u"SELECT COUNT(*) FROM record_effective WHERE manufacturer = '长江仪表有限公司'"_s),
        1);
    EXPECT_EQ(
        scalar(
            *ws,
            u"SELECT COUNT(*) FROM record_effective WHERE manufacturer = '宜昌长江仪表有限公司'"_s),
        9);
    // AND the log keeps the reverted entry with who and when
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM cleaning_log WHERE reverted_by = 'supervisor'"_s),
              1);
}

TEST(CleaningRevert, RevertByRuleUndoesEveryChangeOfTheRule)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"units_kpa.csv"_s), 0);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(false), &error));
    ASSERT_EQ(effectiveValue(*ws, u"JD2023-P-00000001"_s, u"mpe"_s), u"±0.0256MPa"_s);
    ASSERT_TRUE(revertRule(*ws, u"unit_canonical"_s, u"supervisor"_s, &error));
    const auto summary = rerunCleaning(*ws, u"supervisor"_s, &error);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->fixes.value(u"unit_canonical"_s).values, 0);
    EXPECT_EQ(effectiveValue(*ws, u"JD2023-P-00000001"_s, u"mpe"_s), u"±25.6kPa"_s);
    // and the opposite: clearing the suppression brings the conversion back
    ASSERT_TRUE(clearSuppressions(*ws, u"unit_canonical"_s, &error));
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    EXPECT_EQ(effectiveValue(*ws, u"JD2023-P-00000001"_s, u"mpe"_s), u"±0.0256MPa"_s);
}

TEST(CleaningRevert, MaskRevertBringsTheRecordBack)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"consistency_rules.csv"_s), 0);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(false), &error));
    const qint64 id = scalar(*ws, u"SELECT log_id FROM record_mask"_s);
    ASSERT_GT(id, 0);
    ASSERT_TRUE(revertLogEntry(*ws, id, u"supervisor"_s, &error));
    const auto summary = rerunCleaning(*ws, u"supervisor"_s, &error);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->maskedRecords, 0);
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM record_effective"_s), 17);
}

TEST(CleaningRevert, DecisionsApplyToLaterImports)
{
    // GIVEN a reviewer accepted one alias and rejected another
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"manufacturer_variants.csv"_s), 0);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(false), &error));
    AliasDecision accept;
    accept.alias = u"长江仪表有限公司"_s;
    accept.canonical = u"宜昌长江仪表有限公司"_s;
    accept.userName = u"supervisor"_s;
    ASSERT_TRUE(storeAliasDecision(*ws, accept, &error));
    AliasDecision reject = accept;
    reject.alias = u"宜昌长江仪表有限责任公司"_s;
    reject.accepted = false;
    ASSERT_TRUE(storeAliasDecision(*ws, reject, &error));
    // WHEN a later batch arrives with the same spellings and cleaning runs without auto
    ASSERT_GT(loadFixture(*ws, u"units_kpa.csv"_s), 0);
    ASSERT_GT(loadFixture(*ws, u"manufacturer_variants.csv"_s), 0);
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(true), &error));
    // THEN the accepted alias is applied in both batches (one record each), the rejected one
    // never merges (two records each), even under --accept-aliases auto
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM record_clean c JOIN record r ON r.id = c.record_id"
                          " WHERE r.manufacturer = '长江仪表有限公司'"
                          " AND c.manufacturer = '宜昌长江仪表有限公司'"_s),
              2);
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM record r LEFT JOIN record_clean c"
                          " ON c.record_id = r.id WHERE r.manufacturer = '宜昌长江仪表有限责任公司'"
                          " AND COALESCE(c.manufacturer, r.manufacturer) = r.manufacturer"_s),
              4);
    EXPECT_EQ(
        scalar(*ws,
               u"SELECT COUNT(*) FROM alias_suggestion WHERE alias = '宜昌长江仪表有限责任公司'"
               " AND status = 'rejected'"_s),
        1);
    // AND removing the decision (undo) makes the alias pending again
    ASSERT_TRUE(removeAliasDecision(*ws, u"manufacturer"_s, QString(), reject.alias, &error));
    EXPECT_EQ(
        scalar(*ws,
               u"SELECT COUNT(*) FROM alias_suggestion WHERE alias = '宜昌长江仪表有限责任公司'"
               " AND status = 'pending'"_s),
        1);
}
