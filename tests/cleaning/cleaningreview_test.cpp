// SPDX-License-Identifier: GPL-3.0-or-later
// Review of model spellings (kind "model", per manufacturer) and undoable reverts (issue 5).
#include "cleaningtestsupport.h"

#include "cleaning/cleaningstore.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace metroeval::test;
using namespace metroeval::core::cleaning;
using namespace Qt::StringLiterals;

namespace {

const QString kYichang = u"宜昌长江仪表有限公司"_s;

std::optional<StoredSuggestion> modelSuggestion(core::Workspace &ws, const QString &alias)
{
    core::CoreError error;
    for (const StoredSuggestion &s : loadSuggestions(ws, &error)) {
        if (s.suggestion.kind == "model"_L1 && s.suggestion.alias == alias)
            return s;
    }
    return std::nullopt;
}

AliasDecision modelDecision(const QString &alias, const QString &canonical, bool accepted)
{
    AliasDecision d;
    d.kind = u"model"_s;
    d.scope = kYichang;
    d.alias = alias;
    d.canonical = canonical;
    d.accepted = accepted;
    d.userName = u"supervisor"_s;
    return d;
}

} // namespace

TEST(CleaningReview, ModelSpellingsAreSuggestedPerManufacturer)
{
    // GIVEN Y100 beside five Y-100 records of 宜昌长江仪表有限公司 (after the manufacturer merge)
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"manufacturer_variants.csv"_s), 0);
    core::CoreError error;
    const auto summary = runCleaning(*ws, fixtureOptions(true), &error);
    ASSERT_TRUE(summary);
    // THEN the merge is stored as a model suggestion scoped to the manufacturer, with evidence
    const auto s = modelSuggestion(*ws, u"Y100"_s);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->suggestion.canonical, u"Y-100"_s);
    EXPECT_EQ(s->suggestion.scope, kYichang);
    EXPECT_EQ(s->status, u"pending"_s);
    EXPECT_GT(s->suggestion.score, 0.5);
    EXPECT_LT(s->suggestion.score, 1.0);
    EXPECT_EQ(s->suggestion.evidence.value(u"alias"_s).toObject().value(u"records"_s).toInt(), 1);
    EXPECT_GT(s->suggestion.evidence.value(u"canonical"_s).toObject().value(u"records"_s).toInt(),
              1);
    // AND the run's alias counts stay those of the manufacturers
    EXPECT_EQ(summary->suggestions,
              scalar(*ws, u"SELECT COUNT(*) FROM alias_suggestion WHERE kind = 'manufacturer'"_s));
    // AND it is applied automatically until someone decides
    EXPECT_EQ(effectiveValue(*ws, u"JD2021-P-00000008"_s, u"model"_s), u"Y-100"_s);
}

TEST(CleaningReview, ModelDecisionsRejectEditAndUndo)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"manufacturer_variants.csv"_s), 0);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(true), &error));
    // WHEN the reviewer rejects Y100 → Y-100 within 宜昌长江仪表有限公司
    ASSERT_TRUE(storeAliasDecision(*ws, modelDecision(u"Y100"_s, u"Y-100"_s, false), &error));
    EXPECT_EQ(modelSuggestion(*ws, u"Y100"_s)->status, u"rejected"_s);
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    // THEN the spelling stays, and the next run keeps the suggestion as rejected
    EXPECT_EQ(effectiveValue(*ws, u"JD2021-P-00000008"_s, u"model"_s), u"Y100"_s);
    EXPECT_EQ(modelSuggestion(*ws, u"Y100"_s)->status, u"rejected"_s);
    // WHEN the target is edited instead
    ASSERT_TRUE(storeAliasDecision(*ws, modelDecision(u"Y100"_s, u"Y-100A"_s, true), &error));
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    EXPECT_EQ(effectiveValue(*ws, u"JD2021-P-00000008"_s, u"model"_s), u"Y-100A"_s);
    EXPECT_EQ(modelSuggestion(*ws, u"Y100"_s)->status, u"accepted"_s);
    // AND a decision for another manufacturer's Y100 changes nothing here
    AliasDecision other = modelDecision(u"Y100"_s, u"Y-9"_s, true);
    other.scope = u"上海自动化仪表三厂"_s;
    ASSERT_TRUE(storeAliasDecision(*ws, other, &error));
    EXPECT_EQ(modelSuggestion(*ws, u"Y100"_s)->status, u"accepted"_s);
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    EXPECT_EQ(effectiveValue(*ws, u"JD2021-P-00000008"_s, u"model"_s), u"Y-100A"_s);
    // WHEN the decision is removed (undo) the automatic merge returns
    ASSERT_TRUE(removeAliasDecision(*ws, u"model"_s, kYichang, u"Y100"_s, &error));
    EXPECT_EQ(modelSuggestion(*ws, u"Y100"_s)->status, u"pending"_s);
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    EXPECT_EQ(effectiveValue(*ws, u"JD2021-P-00000008"_s, u"model"_s), u"Y-100"_s);
}

TEST(CleaningReview, UndoRevertOfAnEntryBringsTheChangeBack)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"consistency_rules.csv"_s), 0);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(false), &error));
    const qint64 id = scalar(*ws, u"SELECT log_id FROM record_mask"_s);
    ASSERT_GT(id, 0);
    RevertRecord record;
    ASSERT_TRUE(revertLogEntry(*ws, id, u"supervisor"_s, &error, &record));
    EXPECT_GT(record.suppressionId, 0);
    EXPECT_EQ(record.logIds, QList<qint64>{id});
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM record_mask"_s), 0);
    // WHEN the revert is undone and the cleaning runs again
    ASSERT_TRUE(undoRevert(*ws, record, &error));
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM cleaning_suppression"_s), 0);
    EXPECT_EQ(scalar(*ws, u"SELECT reverted_at IS NULL FROM cleaning_log WHERE id = %1"_s.arg(id)),
              1);
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    // THEN the record is masked again
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM record_mask"_s), 1);
}

TEST(CleaningReview, UndoRevertOfARuleKeepsOtherReverts)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"units_kpa.csv"_s), 0);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(false), &error));
    const qint64 entries = scalar(
        *ws, u"SELECT COUNT(*) FROM cleaning_log WHERE rule = 'unit_canonical' AND run_id = 1"_s);
    ASSERT_GT(entries, 0);
    // GIVEN a revert of another rule and one of unit_canonical
    RevertRecord nfkc;
    ASSERT_TRUE(revertRule(*ws, u"text_nfkc"_s, u"supervisor"_s, &error, &nfkc));
    RevertRecord units;
    ASSERT_TRUE(revertRule(*ws, u"unit_canonical"_s, u"supervisor"_s, &error, &units));
    EXPECT_EQ(units.logIds.size(), entries);
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    EXPECT_EQ(effectiveValue(*ws, u"JD2023-P-00000001"_s, u"mpe"_s), u"±25.6kPa"_s);
    // WHEN the unit revert is undone
    ASSERT_TRUE(undoRevert(*ws, units, &error));
    ASSERT_TRUE(rerunCleaning(*ws, u"supervisor"_s, &error));
    // THEN the conversion is back and the other rule stays reverted
    EXPECT_EQ(effectiveValue(*ws, u"JD2023-P-00000001"_s, u"mpe"_s), u"±0.0256MPa"_s);
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM cleaning_suppression WHERE rule = 'text_nfkc'"_s),
              1);
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM cleaning_log WHERE run_id = 1 AND"
                          " rule = 'unit_canonical' AND reverted_at IS NOT NULL"_s),
              0);
}
