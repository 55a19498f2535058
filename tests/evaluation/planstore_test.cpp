// SPDX-License-Identifier: GPL-3.0-or-later
// Plans kept in the workspace (table evaluation_plan, schema version 5).
#include "evaluation/planstore.h"
#include "evaluationfixture.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
const char *const kPlan = R"({"format":"metroeval-plan/1","title":"季度监督",
    "scope":{"categories":["一般压力表"]},"group_by":["manufacturer","model"],
    "period":"quarter","indicators":["pass_rate","warning"],
    "models":{"warning":{"rules":["beyond_3sigma","run_of_8","cusum"],"cusum_h":4}}})";
} // namespace

TEST(PlanStore, SavedPlanRoundTripsAndListsAndDeletes)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    const EvaluationPlan plan = planFrom(kPlan);
    // WHEN saved under a name and loaded back
    ASSERT_TRUE(savePlan(*ws, u"监督"_s, plan, u"tester"_s, &error)) << error.detail.toStdString();
    const auto back = loadStoredPlan(*ws, u"监督"_s, &error);
    // THEN it is the same plan, settings included
    ASSERT_TRUE(back) << error.detail.toStdString();
    EXPECT_EQ(back->toJson(), plan.toJson());
    EXPECT_TRUE(back->warning.cusum);
    EXPECT_DOUBLE_EQ(back->warning.cusumH, 4.0);
    // AND it is listed with its title and user; saving again replaces it
    EvaluationPlan changed = plan;
    changed.title = u"改过的"_s;
    ASSERT_TRUE(savePlan(*ws, u"监督"_s, changed, u"other"_s, &error));
    ASSERT_TRUE(savePlan(*ws, u"A 计划"_s, plan, u"tester"_s, &error));
    const auto list = listPlans(*ws, &error);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ(list->at(0).name, u"A 计划"_s);
    EXPECT_EQ(list->at(1).title, u"改过的"_s);
    EXPECT_EQ(list->at(1).userName, u"other"_s);
    EXPECT_LE(list->at(1).createdAt, list->at(1).updatedAt);
    // AND deleting removes it; an unknown name is no plan and no error
    EXPECT_TRUE(deletePlan(*ws, u"监督"_s, &error));
    error = {};
    EXPECT_FALSE(deletePlan(*ws, u"监督"_s, &error));
    EXPECT_FALSE(error);
    EXPECT_FALSE(loadStoredPlan(*ws, u"监督"_s, &error));
    EXPECT_FALSE(error);
}

TEST(PlanStore, AnInvalidPlanOrNameIsRefusedBeforeSaving)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    // GIVEN a plan with an unknown grouping field
    const QJsonObject bad{{u"format"_s, u"metroeval-plan/1"_s},
                          {u"group_by"_s, QJsonArray{u"colour"_s}}};
    // THEN it is refused with the parser's JSON path and nothing is stored
    EXPECT_FALSE(savePlanJson(*ws, u"x"_s, bad, u"t"_s, &error));
    EXPECT_EQ(error.code, ErrorCode::InvalidPlan);
    EXPECT_EQ(error.detail, u"group_by[0]"_s);
    EXPECT_FALSE(savePlan(*ws, u"  "_s, planFrom(kPlan), u"t"_s, &error));
    EXPECT_EQ(error.detail, u"name"_s);
    EXPECT_TRUE(listPlans(*ws, &error)->empty());
}

TEST(PlanStore, MigratingAVersionFourWorkspaceKeepsItsDataAndAddsThePlanTable)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v4.metroeval"_s);
    {
        // GIVEN a version-4 workspace with a batch, a stored result and a cleaning mask
        CoreError error;
        auto ws = Workspace::openAtVersion(path, 4, &error);
        ASSERT_TRUE(ws);
        ASSERT_EQ(ws->schemaVersion(), 4);
        QSqlQuery q(ws->database());
        ASSERT_TRUE(q.exec(u"INSERT INTO import_batch (file_name, file_size, sha256, encoding,"
                           " delimiter, imported_at, user_name, mapping, rows_read, imported,"
                           " duplicates, quarantined) VALUES ('old.csv', 1, 'x', 'UTF-8', ',',"
                           " '2024-01-01', 'u', '{}', 0, 0, 0, 0)"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO evaluation_result (created_at, title, plan_json,"
                           " result_json) VALUES ('2024-01-02', '旧结果', '{}', '{}')"_s));
        ASSERT_TRUE(q.exec(u"INSERT INTO record_mask (record_id, rule) VALUES (7, 'r')"_s));
        EXPECT_FALSE(q.exec(u"SELECT COUNT(*) FROM evaluation_plan"_s)); // not there yet
    }
    // WHEN the current build opens it
    CoreError error;
    auto ws = Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error.detail.toStdString();
    // THEN it is at version 5 or later with its data intact, and plans can be kept
    EXPECT_GE(ws->schemaVersion(), 5);
    QSqlQuery q(ws->database());
    ASSERT_TRUE(q.exec(u"SELECT (SELECT COUNT(*) FROM import_batch),"
                       " (SELECT title FROM evaluation_result), (SELECT COUNT(*) FROM record_mask),"
                       " (SELECT COUNT(*) FROM evaluation_plan)"_s));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_EQ(q.value(1).toString(), u"旧结果"_s);
    EXPECT_EQ(q.value(2).toInt(), 1);
    EXPECT_EQ(q.value(3).toInt(), 0);
    EXPECT_TRUE(savePlan(*ws, u"p"_s, planFrom(kPlan), u"t"_s, &error));
    EXPECT_TRUE(loadStoredPlan(*ws, u"p"_s, &error));
}
