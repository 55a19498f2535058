// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <optional>

namespace metroeval::core {
class Workspace;
}

namespace metroeval::core::cleaning {

/// \brief The six data-quality dimensions of GB/T 36344-2018 《信息技术 数据质量评价指标》 §4.
enum class Dimension { Completeness, Validity, Consistency, Uniqueness, Timeliness, Accuracy };
inline constexpr int kDimensionCount = 6;
QLatin1StringView dimensionKey(Dimension dimension);

/// \brief Counts of one dimension for one field, batch or the whole workspace.
struct QualityCount
{
    qint64 checked = 0;         ///< values examined
    qint64 issuesRaw = 0;       ///< problems in the data as imported
    qint64 issuesRemaining = 0; ///< problems left after cleaning (flags awaiting review)
    QJsonArray examples;        ///< up to three {record_id, certificate_no, value[, cleaned]}

    /// 1 − issues / checked; NaN when nothing was checked.
    double scoreRaw() const;
    double score() const;
    void add(const QualityCount &other);
    QJsonObject toJson() const;
};

using DimensionCounts = std::array<QualityCount, kDimensionCount>;

struct BatchQuality
{
    qint64 batchId = 0;
    QString fileName;
    qint64 records = 0;
    DimensionCounts dimensions;
};

/// \brief The data-quality report of a workspace (docs/quality-report.md).
struct QualityReport
{
    qint64 runId = 0; ///< the cleaning run it reflects; 0 when cleaning never ran
    qint64 records = 0;
    qint64 effectiveRecords = 0;
    qint64 maskedRecords = 0;
    DimensionCounts dimensions;
    QMap<QString, DimensionCounts> fields; ///< by field key
    QList<BatchQuality> batches;
    QMap<QString, qint64> findingsByRule;

    QJsonObject toJson() const;
};

/// \brief Computes the report from the raw records, the latest cleaning run's changes, masks and
/// findings. Per field and per batch; examples name records by id and certificate number.
std::optional<QualityReport> computeQualityReport(Workspace &workspace, CoreError *error);

} // namespace metroeval::core::cleaning
