// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/contenthash.h"
#include "io/recordparser.h"
#include "model/record.h"
#include "model/rowissue.h"
#include "storage/recordfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace metroeval::core {

/// \brief Provenance of one import batch (table import_batch).
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
    // schema version 3
    QString sourceKind = QStringLiteral("csv"); ///< "csv" or "xlsx"
    QString sheet;                             ///< XLSX sheet name
    QString profileName;                       ///< named mapping profile used, if any
    QString headerJson = QStringLiteral("[]"); ///< the file's header row as a JSON array
    bool date1904 = false;                     ///< Excel serials of this file count from 1904
    qint64 newVersions = 0; ///< imported records that superseded one under the same certificate
    qint64 corrected = 0;   ///< quarantined rows later corrected and re-imported
};

/// \brief The identity of a record's content: SHA-256 over every field's text, each followed by
/// a separator, in the encoding \a text names, where the three dates are written in ISO form
/// when they could be typed (so that a re-export spelling 2023/5/1 what was 2023-05-01 is
/// recognised as the same event). Two rows with the same hash are the same event exported twice.
QByteArray recordContentHash(const VerificationRecord &record, ContentHashText text);

/// \brief The content-hash definition of the workspace on \a db (meta `content_hash_text`;
/// UTF-16 when the key is missing, as in every workspace before schema 8); nullopt when the
/// value is unknown or cannot be read.
std::optional<ContentHashText> contentHashText(QSqlDatabase &db);

/// \brief The text columns of one record in UTF-8, as RecordWriter binds them: the raw text of
/// every field in canonical order, then value_unit, failed_item_list and flags. Built on the
/// parsing thread so that the writing thread only binds bytes.
struct EncodedRecord
{
    static constexpr int kColumns = kFieldCount + 3;
    QByteArray text;
    std::array<int, kColumns + 1> bounds{}; ///< column k is text[bounds[k], bounds[k + 1])

    QByteArrayView column(int k) const
    {
        return QByteArrayView(text).sliced(bounds[k], bounds[k + 1] - bounds[k]);
    }
};

/// \brief Fills \a out with the text columns of \a record and \a extras.
void encodeRecord(const VerificationRecord &record, const RecordExtras &extras,
                  EncodedRecord &out);

/// \brief Writes batches, records and quarantined rows with prepared statements of the sqlite3 C
/// API on the workspace's own connection (the QSQLITE driver handle), so they join the caller's
/// QtSql transaction. Call inside a transaction; the caller commits or rolls back.
///
/// Incremental import: a record whose content hash exists is a duplicate and is not written; a new
/// content under a certificate number that already has a current record becomes the next version
/// of it (record.version + 1) and marks the old one superseded (record.superseded_by); nothing is
/// overwritten.
class RecordWriter
{
public:
    enum class Outcome { Inserted, NewVersion, Duplicate, Failed };

    explicit RecordWriter(QSqlDatabase &db);
    ~RecordWriter();
    RecordWriter(const RecordWriter &) = delete;
    RecordWriter &operator=(const RecordWriter &) = delete;

    /// Prepares the statements and reads the workspace's content-hash definition.
    bool prepare();
    /// The workspace's content-hash definition (after prepare()): what every content hash
    /// passed in must follow.
    ContentHashText contentHashText() const { return m_hashText; }
    qint64 insertBatch(const ImportBatchInfo &batch);
    /// Writes the counts, the corrected count and the file's SHA-256 (the importer hashes the
    /// file while it imports).
    bool updateBatchCounts(const ImportBatchInfo &batch);

    /// Inserts \a record unless a record with the same content exists; \a duplicate tells which.
    bool insertRecord(qint64 batchId, const VerificationRecord &record, bool *duplicate);
    /// Inserts with typed extras and a precomputed recordContentHash() (of contentHashText());
    /// \a recordId receives the
    /// new row id when one was written.
    Outcome insertRecord(qint64 batchId, const VerificationRecord &record,
                         const RecordExtras &extras, const QByteArray &contentHash,
                         qint64 *recordId = nullptr);
    /// The same with the text columns already encoded (encodeRecord()).
    Outcome insertRecord(qint64 batchId, const VerificationRecord &record,
                         const EncodedRecord &text, const QByteArray &contentHash,
                         qint64 *recordId = nullptr);

    /// Inserts \a rows in order; \a outcomes receives one outcome per row. In a bulk load the
    /// rows are written by one statement (RecordFeed) and each then becomes a certificate's
    /// first or next version as insertRecord() would have made it, or as the row says when it
    /// comes with its version (RecordRow::version; then every row of the load must, and each
    /// superseded record is checked to be its certificate's current one); otherwise
    /// insertRecord() is called for each. Returns false on the first failure.
    bool insertRecords(qint64 batchId, std::span<const RecordRow> rows,
                       std::vector<Outcome> &outcomes);
    /// For a long run of insertRecord() calls (an import): loads every certificate that has a
    /// current record in the workspace, with that record, and keeps the map up to date for the
    /// rest of this writer's life, so that finding a certificate's current record costs no SQL
    /// (the record table has no certificate index since schema 6; without tracking, each
    /// look-up scans it). Same outcomes as without; call after prepare(), inside the
    /// transaction.
    bool trackVersions();

    /// Bulk load into an empty record table (a fresh workspace): drops the table's indexes for
    /// the rest of the transaction, since building an index once after the load is several
    /// times cheaper than one random insert per row, and keeps each record's identity (content
    /// hash and id) in memory instead of writing it to record_identity row by row: endBulkLoad()
    /// sorts them by hash and appends them in one pass. The caller passes each content once (the
    /// importer drops repeats on its parsing thread); should a repeat come through all the same,
    /// the identity table's key refuses it and endBulkLoad() returns false. Returns false on a
    /// database error; \a active tells whether the tables were empty and bulk mode is on. Call
    /// before prepare(), inside the transaction; endBulkLoad() recreates the indexes with their
    /// original SQL (a rollback restores them too). Same rows, ids and outcomes as without.
    bool beginBulkLoad(bool *active);
    bool endBulkLoad();
    /// Room in the version look-up for about \a rows more records,
    /// so that they are not grown step by step; an estimate, 0 = none.
    void reserveRows(qint64 rows);
    bool insertQuarantine(qint64 batchId, const RowIssue &issue, const QString &rawText,
                          const QStringList &fields = {});

    /// Resets every statement so that the transaction can be committed.
    void finish();
    QString lastError() const { return m_lastError; }

private:
    struct VersionIndex;
    struct BulkLoad;
    bool fail(const char *what);
    int pragmaValue(const char *sql);
    /// The current record under \a certificate other than \a id: {id, version}, {0, 0} when
    /// there is none, nullopt on a database error.
    std::optional<std::pair<qint64, qint64>> findCurrent(QByteArrayView certificate, qint64 id);
    /// Makes the new record \a id the first version of \a certificate or, when the
    /// certificate has a current record, its next version.
    Outcome placeVersion(qint64 id, QByteArrayView certificate);
    /// In a bulk load: makes the new record \a id the version \a row names (RecordRow::version,
    /// supersedes), checking that the record it supersedes is the certificate's current one.
    Outcome takeVersion(qint64 id, QByteArrayView certificate, const RecordRow &row);
    /// Whether record \a id has \a certificate; nullopt on a database error.
    std::optional<bool> hasCertificate(qint64 id, QByteArrayView certificate);
    /// Whether record_identity holds \a contentHash; nullopt on a database error.
    std::optional<bool> knownContent(const QByteArray &contentHash);
    /// Appends the identities kept by a bulk load to record_identity, sorted by hash.
    bool writeIdentities();

    QSqlDatabase &m_db;
    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_insertRecord = nullptr;
    sqlite3_stmt *m_findCurrent = nullptr;
    sqlite3_stmt *m_certificateOf = nullptr;
    sqlite3_stmt *m_supersede = nullptr;
    sqlite3_stmt *m_supersedeChecked = nullptr;
    sqlite3_stmt *m_setVersion = nullptr;
    sqlite3_stmt *m_insertQuarantine = nullptr;
    sqlite3_stmt *m_findIdentity = nullptr;
    sqlite3_stmt *m_insertIdentity = nullptr;
    std::unique_ptr<VersionIndex> m_versions;
    std::unique_ptr<BulkLoad> m_bulk;
    ContentHashText m_hashText = ContentHashText::Utf16;
    QString m_lastError;
};

/// \brief Number of records (all versions) and of current records in the workspace.
qint64 countRecords(QSqlDatabase &db);
qint64 countCurrentRecords(QSqlDatabase &db);
QList<ImportBatchInfo> listBatches(QSqlDatabase &db);

/// \brief The sqlite3 handle behind a QSQLITE connection; nullptr for another driver.
sqlite3 *sqliteHandle(QSqlDatabase &db);

} // namespace metroeval::core
