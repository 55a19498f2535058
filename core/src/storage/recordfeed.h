// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/record.h"

#include <QByteArray>

#include <array>
#include <cstdint>
#include <memory>
#include <span>

struct sqlite3;

namespace metroeval::core {

struct EncodedRecord;

/// \brief One record to write: its typed values, its text columns in UTF-8 (encodeRecord()) and
/// its content hash (recordContentHash()). The pointers must outlive the write.
struct RecordRow
{
    const VerificationRecord *record = nullptr;
    const EncodedRecord *text = nullptr;
    const QByteArray *contentHash = nullptr;
    /// In a bulk load, the caller may decide each record's certificate version itself: its
    /// version (1 for a certificate's first record) and, for a later version, the ordinal in the
    /// load (0 for the load's first record, in the order written) of the record it supersedes.
    /// 0 leaves the version to the writer.
    qint64 version = 0;
    qint64 supersedes = -1;
};

/// \brief A record's identity for record_identity: its content hash and id.
struct RecordIdentity
{
    std::array<unsigned char, 32> hash{};
    qint64 id = 0;
};

/// \brief A read-only virtual table over a run of RecordRows, so that a single
/// `INSERT INTO record (...) SELECT * FROM <feed>` writes them all. SQLite then reads each value
/// straight from the row instead of through one sqlite3_bind_* call per column and one
/// sqlite3_step() per row: about a fifth less time for the same rows (docs/import.md, Speed).
///
/// The feed is an eponymous module registered on one connection for the life of this object;
/// its columns are those of columns(), in that order. Use from the connection's thread.
class RecordFeed
{
public:
    /// Registers the module on \a db; nullptr if SQLite refuses.
    static std::unique_ptr<RecordFeed> install(sqlite3 *db);
    ~RecordFeed();
    RecordFeed(const RecordFeed &) = delete;
    RecordFeed &operator=(const RecordFeed &) = delete;

    /// The module's name, to SELECT from.
    static const char *name();
    /// The record columns the feed serves, comma-separated, in order: batch_id, source_line,
    /// content_hash, the raw field columns, the typed columns, value_unit, failed_item_list,
    /// flags and version (the row's, 1 when it has none). Not the id: SQLite gives each row the
    /// next one, which costs it no look-up (an explicit id is first searched for in the table).
    static QByteArray columns();

    /// What the next SELECT returns: \a rows, in \a batchId. The rows are not copied.
    void set(qint64 batchId, std::span<const RecordRow> rows);

    struct Source
    {
        qint64 batchId = 0;
        std::span<const RecordRow> rows;
    };

private:
    explicit RecordFeed(sqlite3 *db);
    sqlite3 *m_db;
    Source m_source;
};

/// \brief The same for record identities: `INSERT INTO record_identity SELECT content_hash,
/// record_id FROM <feed>` appends a sorted run of them in one statement, where one bound
/// statement per row took three times as long (docs/import.md, Speed).
class IdentityFeed
{
public:
    static std::unique_ptr<IdentityFeed> install(sqlite3 *db);
    ~IdentityFeed();
    IdentityFeed(const IdentityFeed &) = delete;
    IdentityFeed &operator=(const IdentityFeed &) = delete;

    static const char *name();
    /// What the next SELECT returns; the rows are not copied.
    void set(std::span<const RecordIdentity> rows);

    struct Source
    {
        std::span<const RecordIdentity> rows;
    };

private:
    explicit IdentityFeed(sqlite3 *db);
    sqlite3 *m_db;
    Source m_source;
};

} // namespace metroeval::core
