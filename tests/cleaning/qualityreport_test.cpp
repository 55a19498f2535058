// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaningtestsupport.h"

#include "cleaning/qualityreport.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace metroeval;
using namespace metroeval::test;
using namespace metroeval::core::cleaning;
using namespace Qt::StringLiterals;

namespace {
const QualityCount &dim(const DimensionCounts &c, Dimension d)
{
    return c[std::size_t(d)];
}
} // namespace

TEST(QualityReport, EmptyWorkspaceHasUndefinedScores)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    core::CoreError error;
    const auto report = computeQualityReport(*ws, &error);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->records, 0);
    EXPECT_TRUE(std::isnan(dim(report->dimensions, Dimension::Completeness).score()));
}

TEST(QualityReport, CountsPerFieldAndBatchAlongTheSixDimensions)
{
    // GIVEN the consistency fixture (17 records, one batch) cleaned
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_EQ(loadFixture(*ws, u"consistency_rules.csv"_s), 17);
    core::CoreError error;
    ASSERT_TRUE(runCleaning(*ws, fixtureOptions(false), &error));
    const auto report = computeQualityReport(*ws, &error);
    ASSERT_TRUE(report) << error.detail.toStdString();
    EXPECT_EQ(report->records, 17);
    EXPECT_EQ(report->maskedRecords, 1);
    EXPECT_EQ(report->effectiveRecords, 16);
    ASSERT_EQ(report->batches.size(), 1);
    EXPECT_EQ(report->batches[0].records, 17);
    // Completeness of serial_no: one empty of 17 (JD..109), with that record as example.
    // Copies: operator[] of the const map returns the field's counts by value.
    const QualityCount serial = dim(report->fields[u"serial_no"_s], Dimension::Completeness);
    EXPECT_EQ(serial.checked, 17);
    EXPECT_EQ(serial.issuesRaw, 1);
    EXPECT_DOUBLE_EQ(serial.score(), 16.0 / 17.0);
    ASSERT_FALSE(serial.examples.isEmpty());
    EXPECT_EQ(serial.examples[0].toObject()[u"certificate_no"_s].toString(),
              u"JD2023-P-00000109"_s);
    // Validity of the conclusion: 准予使用 fixed (raw issue, none remaining).
    const QualityCount conclusion = dim(report->fields[u"conclusion"_s], Dimension::Validity);
    EXPECT_EQ(conclusion.issuesRaw, 1);
    EXPECT_EQ(conclusion.issuesRemaining, 0);
    // Accuracy: JD..101 and JD..115 (conclusion vs error) and JD..102 (MPE vs class).
    EXPECT_EQ(dim(report->dimensions, Dimension::Accuracy).issuesRemaining, 3);
    // Uniqueness: one masked duplicate (resolved), two conflicting records and two same-day
    // findings (JD..108 and the second JD..113) awaiting review.
    EXPECT_EQ(dim(report->dimensions, Dimension::Uniqueness).issuesRaw, 1 + 2 + 2);
    EXPECT_EQ(dim(report->dimensions, Dimension::Uniqueness).issuesRemaining, 2 + 2);
    // Timeliness: the future verification (JD..106) and the too-late due date (JD..104).
    EXPECT_EQ(dim(report->dimensions, Dimension::Timeliness).issuesRemaining, 2);
    // The batch adds up to the same totals.
    for (int d = 0; d < kDimensionCount; ++d)
        EXPECT_EQ(report->batches[0].dimensions[std::size_t(d)].issuesRaw,
                  report->dimensions[std::size_t(d)].issuesRaw)
            << dimensionKey(Dimension(d)).data();
    // JSON carries the six dimension keys
    const QJsonObject json = report->toJson();
    for (const char *key :
         {"completeness", "validity", "consistency", "uniqueness", "timeliness", "accuracy"})
        EXPECT_TRUE(json[u"dimensions"_s].toObject().contains(QLatin1StringView(key))) << key;
}
