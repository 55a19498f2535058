// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace metroeval::core {

class Workspace;

/// \brief What to import and how.
struct ImportOptions
{
    QString encoding = QStringLiteral("auto");    ///< auto | utf-8 | gb18030 | utf-16le ...
    std::optional<QJsonObject> mappingProfile;     ///< metroeval-mapping/1; empty: suggest
    QString userName;
    /// Called now and then with bytes read and file size; returning false cancels the import.
    std::function<bool(qint64 done, qint64 total)> progress;
};

/// \brief The reconciled outcome of one import: rowsRead = imported + duplicates + quarantined.
struct ImportSummary
{
    qint64 batchId = 0;
    QString fileName;
    QString sha256;
    QString encoding;
    QString delimiter;
    qint64 rowsRead = 0;
    qint64 imported = 0;
    qint64 duplicates = 0;
    qint64 quarantined = 0;
    QMap<QString, qint64> quarantineReasons; ///< RowIssueCode key → count
    QJsonObject mappingProfile;

    QJsonObject toJson() const;
};

/// \brief Imports one CSV export into \a workspace in a single transaction: every data row becomes
/// a record, a duplicate of an existing record, or a quarantined row with its reason. On any error
/// or cancellation nothing is written.
std::optional<ImportSummary> importCsvFile(Workspace &workspace, const QString &filePath,
                                           const ImportOptions &options, CoreError *error);

} // namespace metroeval::core
