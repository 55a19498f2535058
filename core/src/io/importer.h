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
    std::optional<QChar> delimiter;                ///< CSV; empty: detect
    QString sheet;                                 ///< XLSX sheet name; empty: the first
    std::optional<QJsonObject> mappingProfile;     ///< metroeval-mapping/1; empty: suggest
    QString mappingProfileName;                    ///< recorded in the batch provenance
    QString userName;
    /// Called on the calling thread now and then with work done and total (bytes); returning
    /// false cancels the import.
    std::function<bool(qint64 done, qint64 total)> progress;
    /// Into an empty workspace, load without the record indexes and build them afterwards
    /// (RecordWriter::beginBulkLoad). Same result either way; off only to compare the two paths.
    bool allowBulkLoad = true;
};

/// \brief The reconciled outcome of one import: rowsRead = imported + duplicates + quarantined.
struct ImportSummary
{
    qint64 batchId = 0;
    QString fileName;
    qint64 fileSize = 0;
    QString sha256;
    QString sourceKind; ///< "csv" or "xlsx"
    QString sheet;
    QString encoding;
    QString delimiter;
    qint64 rowsRead = 0;
    qint64 imported = 0;    ///< new records, including new versions
    qint64 newVersions = 0; ///< of imported: records superseding one with the same certificate
    qint64 duplicates = 0;
    qint64 quarantined = 0;
    qint64 flagged = 0;     ///< of imported: records with optional values kept as untyped text
    QMap<QString, qint64> quarantineReasons; ///< RowIssueCode key → count
    QMap<QString, qint64> flagReasons;       ///< "code:field" → count
    QJsonObject mappingProfile;
    qint64 elapsedMs = 0;
    /// Where the time went (milliseconds): CPU time of the reading/typing thread and of the
    /// writing thread while rows flowed, then the wall time of the index build and the commit.
    struct Timings
    {
        double parseCpu = 0;
        double writeCpu = 0;
        double rows = 0;
        double indexes = 0;
        double commit = 0;
    } timings;

    QJsonObject toJson() const;
};

/// \brief Imports one CSV or XLSX export into \a workspace in a single transaction: every data
/// row becomes a record, a duplicate of an existing record, or a quarantined row with its reason.
/// On any error or cancellation nothing is written.
///
/// Rows are read, typed and hashed on a worker thread while the calling thread writes them with
/// prepared sqlite3 statements (RecordWriter); memory is bounded by a few thousand rows in flight.
std::optional<ImportSummary> importFile(Workspace &workspace, const QString &filePath,
                                        const ImportOptions &options, CoreError *error);

/// \brief The same as importFile() (kept for callers written before XLSX support).
std::optional<ImportSummary> importCsvFile(Workspace &workspace, const QString &filePath,
                                           const ImportOptions &options, CoreError *error);

} // namespace metroeval::core
