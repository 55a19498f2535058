// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportmodel.h"

#include "io/importer.h"
#include "storage/workspace.h"

#include "coretestsupport.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace Qt::StringLiterals;

namespace {
EvaluationResult twoGroups()
{
    EvaluationResult r;
    r.plan.minGroupSize = 30;
    r.groups.push_back({u"甲厂"_s, 263, 81, 81.0 / 263, 0.2553, 0.3662, false});
    r.groups.push_back({u"乙厂"_s, 20, 20, 1.0, 0.8389, 1.0, true});
    return r;
}
} // namespace

TEST(ReportModel, OutsideAudiencesDoNotSeeSmallCells)
{
    // GIVEN a result with one group under the minimum size
    // WHEN it is reported to a regulator (entitled to L1 public data only)
    const ReportModel m = buildReportModel(twoGroups(), Audience::Regulator);
    // THEN the small group's rate is withheld and the report stays at L1
    ASSERT_EQ(m.rows.size(), 2u);
    EXPECT_FALSE(m.rows[0].suppressed);
    EXPECT_TRUE(m.rows[1].suppressed);
    EXPECT_EQ(m.rows[1].verified, 20); // volume stays visible
    EXPECT_EQ(m.highestLevel, SecurityLevel::L1Public);
}

TEST(ReportModel, InternalReportsShowSmallCellsAndSayTheyAreL2)
{
    const ReportModel m = buildReportModel(twoGroups(), Audience::Internal);
    EXPECT_FALSE(m.rows[1].suppressed);
    EXPECT_TRUE(m.rows[1].belowMinimum);
    EXPECT_EQ(m.highestLevel, SecurityLevel::L2Internal);
}

TEST(ReportModel, AudienceKeysRoundTrip)
{
    for (Audience a : {Audience::Regulator, Audience::Manufacturer, Audience::User,
                       Audience::Internal})
        EXPECT_EQ(audienceFromKey(QString(audienceKey(a))), std::optional<Audience>(a));
    EXPECT_FALSE(audienceFromKey(u"public"_s).has_value());
}

TEST(ReportModel, DataSectionCarriesTheSixQualityDimensions)
{
    // GIVEN a workspace with an import in which one row lacks its verification date
    QTemporaryDir dir;
    QByteArray bytes = metroeval::test::exportHeader();
    bytes += metroeval::test::exportLine(u"C1"_s, u"甲厂"_s, u"2023-05-01"_s, u"合格"_s);
    bytes += metroeval::test::exportLine(u"C2"_s, u"甲厂"_s, u"2023-05-02"_s, u"不合格"_s);
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    ASSERT_TRUE(importCsvFile(*ws, metroeval::test::writeFile(dir, u"e.csv"_s, bytes), {}, &error));
    // WHEN the report's data section is attached
    ReportModel model = buildReportModel(twoGroups(), Audience::Regulator);
    ASSERT_TRUE(attachQualitySection(model, *ws, &error)) << error.detail.toStdString();
    // THEN it names the six GB/T 36344 dimensions in order and counts the records
    ASSERT_TRUE(model.quality.has_value());
    ASSERT_EQ(model.quality->dimensions.size(), 6u);
    EXPECT_EQ(model.quality->dimensions[0].dimension, u"completeness"_s);
    EXPECT_EQ(model.quality->dimensions[5].dimension, u"accuracy"_s);
    EXPECT_EQ(model.quality->records, 2);
    EXPECT_FALSE(model.quality->cleaned);
    EXPECT_GT(model.quality->dimensions[0].checked, 0);
}
