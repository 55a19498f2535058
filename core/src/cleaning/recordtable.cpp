// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/recordtable.h"

#include "storage/recordstore.h"

#include <sqlite3.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cstring>
#include <thread>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

int Interner::intern(const QString &value)
{
    const auto it = m_index.constFind(value);
    if (it != m_index.cend())
        return it.value();
    const int id = int(m_values.size());
    m_values.append(value);
    m_index.insert(value, id);
    return id;
}

void StringSlots::grow()
{
    std::vector<std::uint64_t> old(std::max<std::size_t>(16, m_slots.size() * 2), 0);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const std::uint64_t slot : old) {
        if (slot == 0)
            continue;
        std::size_t i = std::size_t(slot >> 32) & mask;
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

void Interner::growUtf8()
{
    std::vector<Utf8Slot> old(std::max<std::size_t>(16, m_utf8.size() * 2));
    old.swap(m_utf8);
    const std::size_t mask = m_utf8.size() - 1;
    for (const Utf8Slot &slot : old) {
        if (slot.idPlusOne == 0)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_utf8[i].idPlusOne != 0)
            i = (i + 1) & mask;
        m_utf8[i] = slot;
    }
}

int Interner::internUtf8(std::string_view utf8)
{
    if (m_lastId >= 0 && m_last == utf8)
        return m_lastId;
    if ((m_utf8Count + 1) * 2 > m_utf8.size())
        growUtf8();
    const std::uint32_t hash = StringSlots::hashOf(utf8);
    const std::size_t mask = m_utf8.size() - 1;
    std::size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        const Utf8Slot &slot = m_utf8[i];
        if (slot.idPlusOne == 0)
            break;
        if (slot.hash == hash && slot.size == utf8.size()
            && std::memcmp(m_arena.data() + slot.offset, utf8.data(), utf8.size()) == 0) {
            m_lastId = int(slot.idPlusOne - 1);
            m_last = std::string_view(m_arena).substr(slot.offset, slot.size);
            return m_lastId;
        }
    }
    const auto id = std::uint32_t(m_values.size());
    const auto offset = std::uint32_t(m_arena.size());
    m_utf8[i] = {hash, id + 1, offset, std::uint32_t(utf8.size())};
    ++m_utf8Count;
    m_spans.emplace_back(m_arena.size(), utf8.size());
    m_arena.append(utf8);
    m_values.append(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    m_lastId = int(id);
    // The arena may have moved: the view is taken after the append.
    m_last = std::string_view(m_arena).substr(offset, utf8.size());
    return m_lastId;
}

std::vector<int> Interner::append(const Interner &later)
{
    std::vector<int> ids(std::size_t(later.size()));
    for (std::size_t i = 0; i < ids.size(); ++i)
        ids[i] = internUtf8(later.utf8At(i));
    return ids;
}

namespace {

/// Below this many rows one connection reads alone: a thread and a second connection cost more.
constexpr qint64 kParallelReadRows = 16384;

std::string_view textOf(sqlite3_stmt *s, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    return text ? std::string_view(text, std::size_t(sqlite3_column_bytes(s, column)))
                : std::string_view();
}

/// Reads the rows of \a s (prepared, ids bound) into \a table. \a progress (may be empty) is
/// asked every 65,536 rows.
int readRows(sqlite3_stmt *s, qint64 total, RecordTable &table,
             const std::function<bool(qint64, qint64)> &progress)
{
    constexpr int typed = 3 + int(kCleanedCount);
    auto day = [s](int column) {
        return sqlite3_column_type(s, column) == SQLITE_NULL ? kNoDay
                                                             : sqlite3_column_int(s, column);
    };
    auto real = [s](int column) {
        return sqlite3_column_type(s, column) == SQLITE_NULL
                   ? std::numeric_limits<double>::quiet_NaN()
                   : sqlite3_column_double(s, column);
    };
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        TableRow row;
        row.id = sqlite3_column_int64(s, 0);
        row.batchId = sqlite3_column_int64(s, 1);
        table.addCertificate(textOf(s, 2));
        for (std::size_t i = 0; i < kCleanedCount; ++i)
            row.text[i] = table.dictionary[i].internUtf8(textOf(s, 3 + int(i)));
        row.verificationDay = day(typed);
        row.dueDay = day(typed + 1);
        row.manufactureDay = day(typed + 2);
        row.passed = sqlite3_column_type(s, typed + 3) == SQLITE_NULL
                         ? -1
                         : sqlite3_column_int(s, typed + 3);
        row.maxError = real(typed + 4);
        row.mpe = real(typed + 5);
        table.rows.push_back(row);
        if (progress && (table.rows.size() & 0xffff) == 0
            && !progress(qint64(table.rows.size()), total * 3))
            return SQLITE_INTERRUPT;
    }
    return rc;
}

/// Rows of one id range read on a second, read-only connection of the same file.
struct LaterHalf
{
    RecordTable table;
    int rc = SQLITE_OK;
    QString error;
};

void readLaterHalf(const std::string &file, const QByteArray &sql, qint64 from, LaterHalf &out)
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *s = nullptr;
    out.rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (out.rc == SQLITE_OK)
        out.rc = sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &s, nullptr);
    if (out.rc == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, from);
        sqlite3_bind_int64(s, 2, std::numeric_limits<qint64>::max());
        out.rc = readRows(s, 0, out.table, {});
    }
    if (out.rc != SQLITE_DONE)
        out.error = QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_finalize(s);
    sqlite3_close(db);
}

/// The fast path: the sqlite3 C API on the workspace's own connection, UTF-8 text interned
/// without building a QString per value (a QSqlQuery makes a QVariant and a QString of every
/// cell, which is most of the time of a run on 1M records). A large table of a file database
/// is read in two id ranges at once, the later one on a second read-only connection (SQLite's
/// record decoding and the interning are most of the read); the later range's dictionaries are
/// then appended so that every id is what one sequential pass gives.
bool readWithSqlite(sqlite3 *handle, const QString &sql, qint64 minId, qint64 maxId,
                    RecordTable &table, const std::function<bool(qint64, qint64)> &progress,
                    CoreError *error)
{
    const qint64 total = maxId - minId + 1; // where to split; gaps in the ids do no harm
    const char *file = sqlite3_db_filename(handle, "main");
    // Outside a transaction only: a second connection would not see uncommitted rows.
    const bool split
        = total >= kParallelReadRows && file && *file && sqlite3_get_autocommit(handle) != 0;
    const qint64 mid = split ? minId + total / 2 : std::numeric_limits<qint64>::max();
    const QByteArray utf8 = sql.toUtf8();
    LaterHalf later;
    if (split) {
        // No reallocation (and copy) of the later half's rows while they grow.
        later.table.rows.reserve(std::size_t(maxId - mid + 1));
        later.table.certificateEnd.reserve(std::size_t(maxId - mid + 1));
    }
    std::thread worker;
    if (split)
        worker = std::thread(readLaterHalf, std::string(file), utf8, mid, std::ref(later));
    sqlite3_stmt *s = nullptr;
    int rc = sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &s, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, std::numeric_limits<qint64>::min());
        sqlite3_bind_int64(s, 2, mid);
        rc = readRows(s, maxId, table, progress);
    }
    if (worker.joinable()) {
        worker.join();
        if (rc == SQLITE_DONE && later.rc != SQLITE_DONE) {
            // The second connection could not read (say, a journal only a writer may roll
            // back): the workspace's connection reads the later range itself, in order.
            later = LaterHalf();
            sqlite3_reset(s);
            sqlite3_bind_int64(s, 1, mid);
            sqlite3_bind_int64(s, 2, std::numeric_limits<qint64>::max());
            rc = readRows(s, maxId, table, progress);
        }
    }
    const QString detail
        = rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        if (error)
            *error = rc == SQLITE_INTERRUPT ? CoreError{ErrorCode::Cancelled, {}}
                                            : CoreError{ErrorCode::DatabaseError, detail};
        return false;
    }
    if (later.table.rows.empty())
        return true;
    std::array<std::vector<int>, kCleanedCount> ids;
    for (std::size_t i = 0; i < kCleanedCount; ++i)
        ids[i] = table.dictionary[i].append(later.table.dictionary[i]);
    // The later rows with their ids mapped, in two halves on two threads.
    const std::size_t first = table.rows.size();
    const std::size_t count = later.table.rows.size();
    table.rows.resize(first + count);
    auto remap = [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            TableRow row = later.table.rows[k];
            for (std::size_t i = 0; i < kCleanedCount; ++i)
                row.text[i] = ids[i][std::size_t(row.text[i])];
            table.rows[first + k] = row;
        }
    };
    {
        std::jthread other(remap, count / 2, count);
        remap(0, count / 2);
        // Meanwhile nothing else touches the certificates: append them in one piece.
        const std::size_t base = table.certificateText.size();
        table.certificateText.append(later.table.certificateText);
        for (const std::size_t end : later.table.certificateEnd)
            table.certificateEnd.push_back(base + end);
    }
    return true;
}

} // namespace

bool readRecordTable(QSqlDatabase &db, RecordTable &table,
                     const std::function<bool(qint64, qint64)> &progress, CoreError *error)
{
    qint64 total = 0;
    qint64 minId = 0;
    {
        // An estimate for reserve() without a full scan.
        QSqlQuery count(u"SELECT MIN(id), MAX(id) FROM record"_s, db);
        if (count.next()) {
            minId = count.value(0).toLongLong();
            total = count.value(1).toLongLong();
        }
    }
    table.rows.clear();
    table.rows.reserve(std::size_t(total));
    table.certificateText.clear();
    table.certificateEnd.clear();
    table.certificateEnd.reserve(std::size_t(total));
    QString columns = u"id, batch_id, certificate_no"_s;
    for (const Field f : kCleanedFields)
        columns += u", "_s + fieldInfo(f).key;
    columns += u", verification_day, due_day, manufacture_day, passed, max_error_value,"
               " mpe_value"_s;
    if (sqlite3 *handle = sqliteHandle(db))
        return readWithSqlite(handle,
                              u"SELECT "_s + columns
                                  + u" FROM record WHERE id >= ?1 AND id < ?2 ORDER BY id"_s,
                              minId, total, table, progress, error);
    const QString sql = u"SELECT "_s + columns + u" FROM record ORDER BY id"_s;
    // Another driver (none today): the portable path.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        if (error)
            *error = {ErrorCode::DatabaseError, q.lastError().text()};
        return false;
    }
    constexpr int typed = 3 + int(kCleanedCount);
    auto day = [&q](int column) {
        const QVariant v = q.value(column);
        return v.isNull() ? kNoDay : v.toInt();
    };
    auto real = [&q](int column) {
        const QVariant v = q.value(column);
        return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
    };
    while (q.next()) {
        TableRow row;
        row.id = q.value(0).toLongLong();
        row.batchId = q.value(1).toLongLong();
        table.addCertificate(q.value(2).toString().toStdString());
        for (std::size_t i = 0; i < kCleanedCount; ++i)
            row.text[i]
                = table.dictionary[i].internUtf8(q.value(3 + int(i)).toString().toStdString());
        row.verificationDay = day(typed);
        row.dueDay = day(typed + 1);
        row.manufactureDay = day(typed + 2);
        const QVariant passed = q.value(typed + 3);
        row.passed = passed.isNull() ? -1 : passed.toInt();
        row.maxError = real(typed + 4);
        row.mpe = real(typed + 5);
        table.rows.push_back(row);
        if (progress && (table.rows.size() & 0xffff) == 0
            && !progress(qint64(table.rows.size()), total * 3)) {
            if (error)
                *error = {ErrorCode::Cancelled, {}};
            return false;
        }
    }
    return true;
}

} // namespace metroeval::core::cleaning
