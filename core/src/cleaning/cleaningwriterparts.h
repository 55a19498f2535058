// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the cleaning module: the statements writeRun() (cleaningwriter.cpp) fills, on the
// sqlite3 C API of the workspace's connection inside the run's QtSql transaction.
#pragma once

#include "cleaning/cleaningrun.h"
#include "storage/recordstore.h"

#include <sqlite3.h>

#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <optional>
#include <string_view>

namespace metroeval::core::cleaning::writer {

using namespace Qt::StringLiterals;

/// Text columns are NOT NULL: a null QString would bind as SQL NULL, so bind '' instead.
inline QVariant nonNull(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QVariant(QString(u""_s));
    return v;
}

/// One value to bind: an integer or UTF-8 text (bound without a copy: it must live until the
/// row is stepped, which add() does at once).
struct Cell
{
    Cell(qint64 v)
        : integer(v)
    {
    }
    Cell(std::string_view utf8)
        : isText(true)
        , text(utf8)
    {
    }
    Cell(QLatin1StringView ascii)
        : isText(true)
        , text(ascii.data(), std::size_t(ascii.size()))
    {
    }
    Cell(const QByteArray &utf8)
        : isText(true)
        , text(utf8.constData(), std::size_t(utf8.size()))
    {
    }
    bool isText = false;
    qint64 integer = 0;
    std::string_view text;
};

/// Rows of one table through one prepared statement of the sqlite3 C API on the workspace's
/// connection (inside the QtSql transaction), text bound as UTF-8 without conversion: the
/// log's ~60k entries and the findings of 1M records.
class BatchInserter
{
public:
    BatchInserter(QSqlDatabase &db, const QString &table, const QStringList &columns)
        : m_handle(sqliteHandle(db))
    {
        const QByteArray sql = (u"INSERT INTO "_s + table + u" ("_s + columns.join(u", "_s)
                                + u") VALUES ("_s
                                + QStringList(columns.size(), u"?"_s).join(u", "_s) + u")"_s)
                                   .toUtf8();
        if (!m_handle
            || sqlite3_prepare_v2(m_handle, sql.constData(), int(sql.size()), &m_stmt, nullptr)
                   != SQLITE_OK)
            fail();
    }
    ~BatchInserter() { sqlite3_finalize(m_stmt); }
    BatchInserter(const BatchInserter &) = delete;
    BatchInserter &operator=(const BatchInserter &) = delete;

    bool add(std::initializer_list<Cell> values)
    {
        if (!m_stmt)
            return false;
        int i = 1;
        for (const Cell &v : values) {
            if (v.isText) // text columns are NOT NULL: empty text binds as '', never NULL
                sqlite3_bind_text(m_stmt, i, v.text.data() ? v.text.data() : "",
                                  int(v.text.size()), SQLITE_STATIC);
            else
                sqlite3_bind_int64(m_stmt, i, v.integer);
            ++i;
        }
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        return rc == SQLITE_DONE || fail();
    }

    bool finish() const { return m_stmt != nullptr; }

    QString error() const { return m_error; }

private:
    bool fail()
    {
        m_error = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                           : u"cleaning needs the QSQLITE driver"_s;
        return false;
    }

    sqlite3 *m_handle;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

/// UTF-8 of the run's cleaned strings, converted once per id.
class Utf8Strings
{
public:
    explicit Utf8Strings(const Interner &strings)
        : m_strings(strings)
        , m_utf8(std::size_t(strings.size()))
    {
    }
    const QByteArray &operator()(int id)
    {
        if (std::size_t(id) >= m_utf8.size())
            m_utf8.resize(std::size_t(m_strings.size()));
        QByteArray &utf8 = m_utf8[std::size_t(id)];
        if (utf8.isNull())
            utf8 = m_strings.at(id).toUtf8();
        if (utf8.isNull())
            utf8 = QByteArray(""); // text columns hold '' for empty, never NULL
        return utf8;
    }

private:
    const Interner &m_strings;
    std::vector<QByteArray> m_utf8;
};

/// record_clean rows through the sqlite3 C API on the workspace's connection (inside the
/// QtSql transaction): the bulk of a run's writes, ~0.4 M rows for 1 M records. Only the cells
/// that differ from the raw record are stored; NULL means "unchanged" and the view
/// record_effective falls back to the raw value (schema version 4).
class CleanRowWriter
{
public:
    CleanRowWriter(QSqlDatabase &db, const QStringList &columns)
        : m_handle(sqliteHandle(db))
        , m_sql(u"INSERT INTO record_clean ("_s + columns.join(u", "_s) + u") VALUES ("_s
                + QStringList(columns.size(), u"?"_s).join(u", "_s) + u")"_s)
    {
    }
    ~CleanRowWriter() { finish(); }
    CleanRowWriter(const CleanRowWriter &) = delete;
    CleanRowWriter &operator=(const CleanRowWriter &) = delete;

    bool prepare()
    {
        const QByteArray sql = m_sql.toUtf8();
        if (!m_handle
            || sqlite3_prepare_v2(m_handle, sql.constData(), int(sql.size()), &m_stmt, nullptr)
                   != SQLITE_OK)
            return fail();
        return true;
    }

    bool write(const TableRow &r, const CleanRow &c, const RunState &run)
    {
        int i = 1;
        sqlite3_bind_int64(m_stmt, i++, r.id);
        for (std::size_t slot = 0; slot < kCleanedCount; ++slot) {
            const int after = c.text[slot];
            if (!sameText(slot, r.text[slot], after, run)) {
                if (!m_utf8)
                    m_utf8.emplace(run.strings);
                const QByteArray &utf8 = (*m_utf8)(after);
                sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
            }
            ++i;
        }
        const std::pair<int, int> days[]
            = {{c.verificationDay, r.verificationDay}, {c.dueDay, r.dueDay},
               {c.manufactureDay, r.manufactureDay}, {c.passed, r.passed}};
        for (const auto &[after, before] : days) {
            // kNoDay and −1 (passed unknown) are NULL in both: an unchanged cell.
            if (after != before)
                sqlite3_bind_int64(m_stmt, i, after);
            ++i;
        }
        for (const auto &[after, before] : {std::pair{c.maxError, r.maxError}, {c.mpe, r.mpe}}) {
            // Bit-exact: any difference is stored, as the full row did.
            if (!std::isnan(after) && !(after == before))
                sqlite3_bind_double(m_stmt, i, after);
            ++i;
        }
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        return rc == SQLITE_DONE || fail();
    }

    void finish()
    {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }

    QString error() const { return m_error; }

private:
    /// Whether cleaned string \a after equals raw value \a before of \a slot: the raw value's
    /// id among the cleaned strings is looked up once per (slot, raw value).
    bool sameText(std::size_t slot, int before, int after, const RunState &run)
    {
        std::vector<int> &same = m_same[slot];
        if (same.empty())
            same.assign(std::size_t(run.table.dictionary[slot].size()), kUnknown);
        int &id = same[std::size_t(before)];
        if (id == kUnknown)
            id = run.strings.find(run.table.dictionary[slot].at(before)); // −1: not a cleaned string
        return id == after;
    }

    bool fail()
    {
        m_error = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                           : u"record_clean needs the QSQLITE driver"_s;
        return false;
    }

    sqlite3 *m_handle;
    QString m_sql;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    static constexpr int kUnknown = -2;
    std::array<std::vector<int>, kCleanedCount> m_same;
    std::optional<Utf8Strings> m_utf8; ///< of the run's strings, made at the first write
};

/// A larger page cache on the workspace's connection for the span of the write: with SQLite's
/// default of 2 MiB the ~0.4 M record_clean rows spill dirty pages to the file (and sync the
/// journal) in the middle of the transaction. The previous size comes back afterwards.
class WriteCache
{
public:
    explicit WriteCache(QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery q(u"PRAGMA cache_size"_s, m_db);
        if (q.next())
            m_previous = q.value(0).toLongLong();
        QSqlQuery(u"PRAGMA cache_size = -65536"_s, m_db);
    }
    ~WriteCache()
    {
        if (m_previous != 0)
            QSqlQuery(u"PRAGMA cache_size = "_s + QString::number(m_previous), m_db);
    }
    WriteCache(const WriteCache &) = delete;
    WriteCache &operator=(const WriteCache &) = delete;

private:
    QSqlDatabase &m_db;
    qint64 m_previous = 0;
};


} // namespace metroeval::core::cleaning::writer
