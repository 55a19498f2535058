// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/recordparser.h"
#include "model/record.h"
#include "storage/recordstore.h"
#include "model/rowissue.h"

#include <QByteArray>
#include <QStringList>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace metroeval::core {

/// \brief One data row after parsing: a typed record with its text columns encoded and its
/// content hash, or a row to quarantine with its issue and cells.
///
/// A row typed from UTF-8 bytes (Utf8RecordParser) carries its text only in \a text: the QStrings
/// of record.raw and extras.failedItems stay empty, since the writer binds \a text.
struct ParsedRow
{
    bool quarantined = false;
    VerificationRecord record;
    RecordExtras extras;
    EncodedRecord text; ///< the text columns in UTF-8, ready to bind
    QByteArray contentHash; ///< recordContentHash() of the record
    bool repeat = false;    ///< same content as an earlier row of this import: a duplicate
    /// In a load into an empty workspace, the certificate version decided on the parsing thread
    /// (CertificateVersions; RecordRow::version, supersedes); 0 otherwise.
    qint64 version = 0;
    qint64 supersedes = -1;
    RowIssue issue;
    QStringList fields;
    /// record.raw, extras.failedItems or fields may hold text: reset the row before typing
    /// bytes into it again (rows are reused in place).
    bool hasStrings = false;
};

/// \brief A bounded hand-over of row chunks from the parsing thread to the writing thread.
/// push() blocks while the queue is full; pop() blocks until a chunk arrives or the producer
/// closed the queue; cancel() releases both sides for good. Written chunks travel back through
/// recycle()/reuse() so that rows are freed on the thread that allocated them (freeing another
/// thread's allocations contends for its malloc arena) and vectors keep their capacity.
class RowQueue
{
public:
    using Chunk = std::vector<ParsedRow>;

    explicit RowQueue(std::size_t capacity)
        : m_capacity(capacity)
    {}

    /// False when the queue was cancelled (the chunk is dropped).
    bool push(Chunk &&chunk)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_cancelled || m_chunks.size() < m_capacity; });
        if (m_cancelled)
            return false;
        m_chunks.push_back(std::move(chunk));
        m_changed.notify_all();
        return true;
    }

    /// False when the queue is closed and empty, or cancelled.
    bool pop(Chunk &chunk)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_cancelled || m_closed || !m_chunks.empty(); });
        if (m_cancelled || m_chunks.empty())
            return false;
        chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_changed.notify_all();
        return true;
    }

    /// The consumer hands a chunk it is done with back to the producer.
    void recycle(Chunk &&chunk)
    {
        const std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(chunk));
    }

    /// The producer takes back a spent chunk, if any, with its rows (to overwrite in place, so
    /// that their buffers keep their capacity); the other spent chunks wait for later calls.
    void reuse(Chunk &chunk)
    {
        const std::lock_guard lock(m_mutex);
        if (m_spent.empty())
            return;
        chunk = std::move(m_spent.front());
        m_spent.pop_front();
    }

    void close()
    {
        const std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

    void cancel()
    {
        const std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_changed.notify_all();
    }

    bool cancelled() const
    {
        const std::lock_guard lock(m_mutex);
        return m_cancelled;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_chunks;
    std::deque<Chunk> m_spent;
    std::size_t m_capacity;
    bool m_closed = false;
    bool m_cancelled = false;
};

} // namespace metroeval::core
