// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/record.h"
#include "model/rowissue.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace metroeval::core {

/// \brief Provenance of one import batch.
struct ImportBatchInfo
{
    qint64 id = 0;
    QString fileName;
    qint64 fileSize = 0;
    QString sha256;
    QString encoding;
    QString delimiter;
    QDateTime importedAt;
    QString userName;
    QString mappingJson;
    qint64 rowsRead = 0;
    qint64 imported = 0;
    qint64 duplicates = 0;
    qint64 quarantined = 0;
};

/// \brief The identity of a record's content: SHA-256 over the raw text of all fields. Two rows
/// with the same hash are the same event exported twice.
QByteArray recordContentHash(const VerificationRecord &record);

/// \brief Writes batches, records and quarantined rows with prepared statements. Call inside a
/// transaction; the caller commits or rolls back.
class RecordWriter
{
public:
    explicit RecordWriter(QSqlDatabase &db);

    bool prepare();
    qint64 insertBatch(const ImportBatchInfo &batch);
    bool updateBatchCounts(const ImportBatchInfo &batch);

    /// Inserts \a record unless a record with the same content exists; \a duplicate tells which.
    bool insertRecord(qint64 batchId, const VerificationRecord &record, bool *duplicate);
    bool insertQuarantine(qint64 batchId, const RowIssue &issue, const QString &rawText);

    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase &m_db;
    QSqlQuery m_insertRecord;
    QSqlQuery m_insertQuarantine;
    QString m_lastError;
};

/// \brief Number of records and batches in the workspace.
qint64 countRecords(QSqlDatabase &db);
QList<ImportBatchInfo> listBatches(QSqlDatabase &db);

} // namespace metroeval::core
