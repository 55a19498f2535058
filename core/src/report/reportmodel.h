// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationresult.h"
#include "model/field.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace metroeval::core {

/// \brief Who a report is for (shared/design/domain.md §1, "express the results").
enum class Audience { Regulator, Manufacturer, User, Internal };

std::optional<Audience> audienceFromKey(QStringView key);
QLatin1StringView audienceKey(Audience audience);

/// \brief Highest security level an audience may receive without approval.
SecurityLevel entitledLevel(Audience audience);

/// \brief One row of the report's rate table. A suppressed row (small cell for an outside
/// audience) carries its volume but no rate.
struct ReportRow
{
    QString group;
    qint64 verified = 0;
    qint64 passed = 0;
    double rate = 0.0;
    double lower = 0.0;
    double upper = 0.0;
    bool suppressed = false;
    bool belowMinimum = false;
};

/// \brief One GB/T 36344 data-quality dimension as the report's data section shows it.
struct QualityRow
{
    QString dimension; ///< key: completeness, validity, consistency, uniqueness, timeliness, accuracy
    qint64 checked = 0;
    qint64 issuesRaw = 0;
    qint64 issuesRemaining = 0;
    double score = 0.0; ///< 1 − remaining / checked; NaN when nothing was checked
};

/// \brief The data section of a report: the workspace's data-quality summary.
struct QualitySection
{
    qint64 records = 0;
    qint64 effectiveRecords = 0;
    qint64 maskedRecords = 0;
    bool cleaned = false; ///< a cleaning run has been applied
    std::vector<QualityRow> dimensions;
};

/// \brief What a report shows, already masked for its audience. The renderer only lays it out.
struct ReportModel
{
    Audience audience = Audience::Internal;
    QString title;
    Field groupBy = Field::Manufacturer;
    QString intervalMethod; ///< "wilson" | "clopper_pearson"
    double level = 0.95;
    qint64 recordsInScope = 0;
    qint64 batches = 0;
    qint64 minGroupSize = 30;
    QString dataFingerprint;
    QString softwareVersion;
    QDateTime evaluatedAt;
    SecurityLevel highestLevel = SecurityLevel::L1Public;
    std::vector<ReportRow> rows;
    std::optional<QualitySection> quality;
};

/// \brief Builds the report of \a result for \a audience: rows of groups below the minimum size are
/// suppressed for audiences not entitled to L2 data, and the highest level present is recorded.
ReportModel buildReportModel(const EvaluationResult &result, Audience audience);

class Workspace;

/// \brief Adds the data-quality summary of \a workspace (GB/T 36344 dimensions, after cleaning)
/// to \a model. Returns false (and leaves the model without a data section) on a database error.
bool attachQualitySection(ReportModel &model, Workspace &workspace, CoreError *error);

} // namespace metroeval::core
