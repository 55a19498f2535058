// SPDX-License-Identifier: GPL-3.0-or-later
// The direct loader (table `record` + cleaned rows from the view + masks, in parallel id ranges)
// must give exactly what one query over the view record_effective gives.
#include "evaluation/dataset.h"
#include "evaluation/datasetparts.h"
#include "storage/recordstore.h"
#include "evaluationfixture.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstring>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {

// Every column, dictionary and the fingerprint; doubles compared bit for bit (NaN included).
void expectSameDataset(const ColumnarDataset &a, const ColumnarDataset &b)
{
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t c = 0; c < kTextColumnCount; ++c) {
        EXPECT_EQ(a.codes[c], b.codes[c]) << "column " << c;
        EXPECT_EQ(a.dictionaries[c].values, b.dictionaries[c].values) << "column " << c;
    }
    EXPECT_EQ(a.verificationDay, b.verificationDay);
    EXPECT_EQ(a.manufactureDay, b.manufactureDay);
    EXPECT_EQ(a.passed, b.passed);
    ASSERT_EQ(a.normalizedError.size(), b.normalizedError.size());
    EXPECT_EQ(std::memcmp(a.normalizedError.data(), b.normalizedError.data(),
                          a.normalizedError.size() * sizeof(double)),
              0);
    EXPECT_EQ(a.fingerprint, b.fingerprint);
    EXPECT_EQ(a.sourceTable, b.sourceTable);
}

ColumnarDataset load(Workspace &ws, const EvaluationPlan &plan, DatasetLoad method)
{
    CoreError error;
    auto data = loadDataset(ws, plan, {}, &error, method);
    EXPECT_TRUE(data) << error.detail.toStdString();
    return data ? std::move(*data) : ColumnarDataset{};
}

// Every indicator: every text column the loader can read.
const char *const kAllColumnsPlan = R"({"format":"metroeval-plan/1",
    "group_by":["manufacturer","model"],"period":"quarter",
    "indicators":["pass_rate","failed_items","normalized_error","drift","reliability","interval",
                  "trend","warning","score"]})";

// A copy of the 200,000-record sample workspace with cleaning changes written the way the
// cleaning engine stores them: record_clean rows holding only the changed cells (NULL elsewhere,
// one row with no changed cell at all), masked records, some both cleaned and masked.
struct CleanedCopy
{
    QTemporaryDir dir;
    std::unique_ptr<Workspace> workspace;
    CleanedCopy()
    {
        SampleWorkspace &s = sampleWorkspace(200000, 3, true);
        const QString path = dir.filePath(u"cleaned.metroeval"_s);
        EXPECT_TRUE(QFile::copy(s.workspace->path(), path));
        CoreError error;
        workspace = Workspace::open(path, &error);
        EXPECT_TRUE(workspace) << error.detail.toStdString();
        QSqlQuery q(workspace->database());
        EXPECT_TRUE(q.exec(u"INSERT INTO record_clean (record_id, manufacturer, category,"
                           " verification_day, passed, mpe_value)"
                           " SELECT id, CASE WHEN id % 97 = 0 THEN '清洗后厂' END,"
                           " CASE WHEN id % 89 = 0 THEN '其他器具' END,"
                           " CASE WHEN id % 101 = 0 THEN verification_day + 400 END,"
                           " CASE WHEN id % 101 = 0 THEN 1 - passed END,"
                           " CASE WHEN id % 103 = 0 THEN 0.5 END"
                           " FROM record WHERE id % 97 = 0 OR id % 89 = 0 OR id % 101 = 0"
                           " OR id % 103 = 0 OR id = 77"_s));
        EXPECT_TRUE(q.exec(u"INSERT INTO record_mask (record_id, rule)"
                           " SELECT id, 'test' FROM record WHERE id % 53 = 0"_s));
    }
};

} // namespace

TEST(Dataset, DirectLoadEqualsTheViewOnAWorkspaceWithCleaningChanges)
{
    // GIVEN a workspace whose record_clean and record_mask are not empty
    CleanedCopy copy;
    ASSERT_TRUE(copy.workspace);
    const EvaluationPlan all = planFrom(kAllColumnsPlan);
    // WHEN loaded directly (parallel id ranges) and through the view
    const ColumnarDataset direct = load(*copy.workspace, all, DatasetLoad::Direct);
    const ColumnarDataset view = load(*copy.workspace, all, DatasetLoad::ViewQuery);
    // THEN both are the same, and the changes are visible: masked records are left out and the
    // cleaned manufacturer is a value of the dictionary
    expectSameDataset(direct, view);
    EXPECT_LT(direct.size(), 200000u - 3000u);
    const auto &makers = direct.dictionary(TextColumn::Manufacturer).values;
    EXPECT_NE(std::find(makers.begin(), makers.end(), std::string("清洗后厂")), makers.end());

    // AND with a scope on cleaned columns (category and dates move records in and out of scope)
    EvaluationPlan scoped = all;
    scoped.categories = {u"一般压力表"_s};
    scoped.from = QDate(2021, 1, 1);
    expectSameDataset(load(*copy.workspace, scoped, DatasetLoad::Direct),
                      load(*copy.workspace, scoped, DatasetLoad::ViewQuery));

    // AND inside a transaction (one reader on the workspace's own connection)
    ASSERT_TRUE(copy.workspace->database().transaction());
    expectSameDataset(load(*copy.workspace, scoped, DatasetLoad::Direct),
                      load(*copy.workspace, scoped, DatasetLoad::ViewQuery));
    copy.workspace->database().rollback();
}

TEST(Dataset, DirectLoadEqualsTheViewWithoutCleaningAndWithUnreadColumns)
{
    // GIVEN the sample workspace (no cleaning) and a pass-rate plan reading few columns
    SampleWorkspace &s = sampleWorkspace(200000, 3, true);
    const EvaluationPlan plan = planFrom(R"({"format":"metroeval-plan/1",
        "group_by":["district"],"period":"year","indicators":["pass_rate"]})");
    // THEN the direct load equals the view's
    expectSameDataset(load(*s.workspace, plan, DatasetLoad::Direct),
                      load(*s.workspace, plan, DatasetLoad::ViewQuery));
}

TEST(Dataset, FingerprintFollowsTheCleaningRunAsWellAsTheRawRecords)
{
    // GIVEN a copy of the sample workspace, loaded twice without a change
    CleanedCopy copy;
    ASSERT_TRUE(copy.workspace);
    const EvaluationPlan all = planFrom(kAllColumnsPlan);
    const QString before = load(*copy.workspace, all, DatasetLoad::Direct).fingerprint;
    EXPECT_EQ(before, load(*copy.workspace, all, DatasetLoad::Direct).fingerprint);
    EXPECT_EQ(before.size(), 64);
    // WHEN a cleaning run is recorded (the cleaned values of record_clean come from one)
    QSqlQuery q(copy.workspace->database());
    ASSERT_TRUE(q.exec(u"INSERT INTO cleaning_run (started_at, user_name, accept_aliases,"
                       " rules_json) VALUES ('2026-11-28T00:00:00Z', 'test', 'none', '{}')"_s));
    // THEN the fingerprint changes, the same for both loaders, and stays stable
    const QString after = load(*copy.workspace, all, DatasetLoad::Direct).fingerprint;
    EXPECT_NE(after, before);
    EXPECT_EQ(after, load(*copy.workspace, all, DatasetLoad::ViewQuery).fingerprint);
    EXPECT_EQ(after, load(*copy.workspace, all, DatasetLoad::Direct).fingerprint);
}

TEST(Dataset, DirectLoadStopsWhenCancelled)
{
    SampleWorkspace &s = sampleWorkspace(200000, 3, true);
    CoreError error;
    const auto data = loadDataset(
        *s.workspace, planFrom(kAllColumnsPlan), [] { return true; }, &error, DatasetLoad::Direct);
    EXPECT_FALSE(data);
    EXPECT_EQ(error.code, ErrorCode::Cancelled);
}


TEST(Dataset, CleanedRowsAreReadFromRecordCleanOutwardsAndEqualTheView)
{
    // GIVEN a workspace with cleaned and masked records
    CleanedCopy copy;
    ASSERT_TRUE(copy.workspace);
    // WHEN the loader builds its source of cleaned rows from the view's SQL
    const QByteArray source = detail::cleanedRowsSource(sqliteHandle(copy.workspace->database()));
    // THEN it is not the view itself (the known form was recognised) ...
    ASSERT_NE(source, QByteArray("record_effective"));
    EXPECT_TRUE(source.contains("FROM record_clean c CROSS JOIN record r"));
    // ... and it holds exactly the view's rows that cleaning changed, every column alike
    const QString viewRows = u"SELECT * FROM record_effective"
                             " WHERE id IN (SELECT record_id FROM record_clean)"_s;
    const QString sourceRows = u"SELECT * FROM "_s + QString::fromUtf8(source);
    QSqlQuery q(copy.workspace->database());
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM ("_s + viewRows + u" EXCEPT "_s + sourceRows
                       + u") UNION ALL SELECT COUNT(*) FROM ("_s + sourceRows + u" EXCEPT "_s
                       + viewRows + u") UNION ALL SELECT COUNT(*) FROM ("_s + sourceRows
                       + u")"_s));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    ASSERT_TRUE(q.next());
    EXPECT_GT(q.value(0).toInt(), 5000);
}
