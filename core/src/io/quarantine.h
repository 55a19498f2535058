// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "model/rowissue.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace metroeval::core {

class Workspace;

/// \brief One quarantined row as stored (table quarantine), with its batch's file name.
struct QuarantinedRow
{
    qint64 id = 0;
    qint64 batchId = 0;
    QString fileName;
    qint64 line = 0;
    int column = -1;
    QString code;   ///< RowIssueCode key
    QString detail;
    QString rawText;
    QStringList fields; ///< the row's cells as read
    QString status;     ///< "open", "resolved" (re-imported) or "duplicate"
};

/// \brief Quarantined rows, oldest first; only the open ones when \a openOnly.
QList<QuarantinedRow> listQuarantine(QSqlDatabase &db, bool openOnly = true);

/// \brief The header row of a batch's file (import_batch.header_json).
QStringList batchHeader(QSqlDatabase &db, qint64 batchId);

/// \brief What became of a corrected row.
struct ReimportResult
{
    enum class Kind { Imported, NewVersion, Duplicate, StillQuarantined };
    Kind kind = Kind::StillQuarantined;
    std::optional<RowIssue> issue; ///< why it is still quarantined
    qint64 recordId = 0;
};

/// \brief Re-imports quarantined row \a quarantineId with the corrected cells \a fields (one per
/// header column), typed with the mapping and date system its batch used. In one transaction: the
/// record is written (or found a duplicate), the quarantine row is marked resolved and the batch
/// counts move one row from quarantined to imported or duplicates (so rows_read still
/// reconciles), corrected + 1. When the row still fails, its code and detail are updated and it
/// stays open.
std::optional<ReimportResult> reimportQuarantinedRow(Workspace &workspace, qint64 quarantineId,
                                                     const QStringList &fields,
                                                     CoreError *error);

} // namespace metroeval::core
