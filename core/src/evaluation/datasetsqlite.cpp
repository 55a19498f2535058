// SPDX-License-Identifier: GPL-3.0-or-later
// The direct dataset loader (issue 8, speed): table `record` read through the SQLite C API instead
// of the view record_effective, whose per-row join, CASE/COALESCE and NOT IN cost a third of the
// load. Rows that cleaning changed come from the view itself (they are few), so the result is
// exactly the view's whatever its form.
#include "evaluation/datasetparts.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <limits>
#include <memory>
#include <thread>

namespace metroeval::core::detail {

using namespace Qt::StringLiterals;

namespace {

// Below this id span one reader is faster than starting more.
constexpr qint64 kParallelMinimum = 100000;
constexpr qint64 kNoId = std::numeric_limits<qint64>::max();

struct StatementDeleter
{
    void operator()(sqlite3_stmt *s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

struct ConnectionDeleter
{
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionDeleter>;

/// What every id range shares: the statements' text, their bound scope values and the ids whose
/// raw row must not be used (cleaned or masked), sorted.
struct LoadSpec
{
    std::vector<std::size_t> textColumns; ///< TextColumn indices, in select order after the id
    std::array<bool, kTextColumnCount> needed{};
    QByteArray baseSql;
    QByteArray overlaySql; ///< empty: no cleaned rows
    QVariantList values;
    std::vector<qint64> skip;
};

QByteArray selectSql(const LoadSpec &spec, const QByteArray &table, const QString &where,
                     bool cleanedOnly)
{
    QByteArray sql = "SELECT id";
    for (std::size_t c : spec.textColumns)
        sql += QByteArray(", ") + kTextColumnNames[c];
    sql += ", verification_day, manufacture_day, passed, max_error_value, mpe_value, content_hash"
           " FROM ";
    sql += table;
    sql += " WHERE " + where.toUtf8();
    if (cleanedOnly)
        sql += " AND id IN (SELECT record_id FROM record_clean)";
    sql += " AND id >= ? AND id < ? ORDER BY id";
    return sql;
}

bool fail(sqlite3 *db, CoreError *error)
{
    *error = {ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(db))};
    return false;
}


/// Prepares \a sql with the scope values and the id range [lo, hi); \a keep holds the bound text.
Statement prepare(sqlite3 *db, const QByteArray &sql, const QVariantList &values, qint64 lo,
                  qint64 hi, std::vector<QByteArray> &keep, CoreError *error)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &raw, nullptr) != SQLITE_OK) {
        fail(db, error);
        return nullptr;
    }
    Statement stmt(raw);
    int i = 1;
    for (const QVariant &v : values) {
        if (v.typeId() == QMetaType::QString) {
            keep.push_back(v.toString().toUtf8());
            sqlite3_bind_text(raw, i++, keep.back().constData(), int(keep.back().size()),
                              SQLITE_STATIC);
        } else {
            sqlite3_bind_int64(raw, i++, v.toLongLong());
        }
    }
    sqlite3_bind_int64(raw, i++, lo);
    sqlite3_bind_int64(raw, i, hi);
    return stmt;
}

bool sortedIds(sqlite3 *db, const char *sql, std::vector<qint64> &out, CoreError *error)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK)
        return fail(db, error);
    Statement stmt(raw);
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
        out.push_back(sqlite3_column_int64(raw, 0));
    return rc == SQLITE_DONE || fail(db, error);
}

/// Loads the rows with ids in [lo, hi): the raw rows not in spec.skip merged by id with the
/// cleaned rows of the view.
bool loadRange(sqlite3 *db, const LoadSpec &spec, qint64 lo, qint64 hi, ColumnarDataset &data,
               QByteArray &hashes, const std::function<bool()> &cancelled, CoreError *error)
{
    std::vector<QByteArray> keep;
    keep.reserve(std::size_t(spec.values.size()) * 2);
    const Statement base = prepare(db, spec.baseSql, spec.values, lo, hi, keep, error);
    if (!base)
        return false;
    Statement overlay;
    if (!spec.overlaySql.isEmpty()) {
        overlay = prepare(db, spec.overlaySql, spec.values, lo, hi, keep, error);
        if (!overlay)
            return false;
    }
    DatasetBuilder builder(data);
    builder.reserve(std::size_t(std::max<qint64>(0, hi - lo)));
    hashes.reserve(hashes.size() + std::max<qint64>(0, hi - lo) * 32);
    const int firstNumber = 1 + int(spec.textColumns.size());
    auto addRow = [&](sqlite3_stmt *s) {
        for (std::size_t k = 0; k < spec.textColumns.size(); ++k) {
            const int col = 1 + int(k);
            const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, col));
            builder.addText(spec.textColumns[k],
                            p ? std::string_view(p, std::size_t(sqlite3_column_bytes(s, col)))
                              : std::string_view());
        }
        auto day = [s](int col) {
            return sqlite3_column_type(s, col) == SQLITE_NULL
                       ? ColumnarDataset::kMissingDay
                       : std::int32_t(sqlite3_column_int64(s, col));
        };
        auto real = [s](int col) {
            return sqlite3_column_type(s, col) == SQLITE_NULL ? std::nan("")
                                                              : sqlite3_column_double(s, col);
        };
        builder.addNumbers(day(firstNumber), day(firstNumber + 1),
                           sqlite3_column_int(s, firstNumber + 2) == 1, real(firstNumber + 3),
                           real(firstNumber + 4));
        hashes.append(static_cast<const char *>(sqlite3_column_blob(s, firstNumber + 5)),
                      sqlite3_column_bytes(s, firstNumber + 5));
    };
    int baseRc = sqlite3_step(base.get());
    int overlayRc = overlay ? sqlite3_step(overlay.get()) : SQLITE_DONE;
    std::size_t skip = 0;
    std::size_t rows = 0;
    while (baseRc == SQLITE_ROW || overlayRc == SQLITE_ROW) {
        const qint64 baseId = baseRc == SQLITE_ROW ? sqlite3_column_int64(base.get(), 0) : kNoId;
        const qint64 overlayId
            = overlayRc == SQLITE_ROW ? sqlite3_column_int64(overlay.get(), 0) : kNoId;
        if (baseId < overlayId) {
            while (skip < spec.skip.size() && spec.skip[skip] < baseId)
                ++skip;
            if (skip == spec.skip.size() || spec.skip[skip] != baseId)
                addRow(base.get());
            baseRc = sqlite3_step(base.get());
        } else {
            addRow(overlay.get());
            overlayRc = sqlite3_step(overlay.get());
        }
        if (++rows % 65536 == 0 && cancelled && cancelled()) {
            *error = {ErrorCode::Cancelled, {}};
            return false;
        }
    }
    if (baseRc != SQLITE_DONE || overlayRc != SQLITE_DONE)
        return fail(db, error);
    for (std::size_t c = 0; c < kTextColumnCount; ++c) {
        if (!spec.needed[c])
            builder.fillUnread(c);
    }
    return true;
}

Connection openReader(const std::string &path, CoreError *error)
{
    sqlite3 *raw = nullptr;
    const int rc
        = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection conn(raw);
    if (rc != SQLITE_OK) {
        fail(raw, error);
        return nullptr;
    }
    sqlite3_busy_timeout(raw, 10000);
    return conn;
}

/// One part per id range, each read on its own thread and read-only connection (a worker never
/// uses the workspace's connection), then appended in id order.
bool loadInParallel(std::vector<Connection> &readers, const LoadSpec &spec, qint64 lo, qint64 hi,
                    ColumnarDataset &data, QByteArray &hashes,
                    const std::function<bool()> &cancelled, CoreError *error)
{
    const int parts = int(readers.size());
    struct Part
    {
        ColumnarDataset data;
        QByteArray hashes;
        CoreError error;
        bool ok = false;
    };
    std::vector<Part> results(static_cast<std::size_t>(parts));
    std::atomic<bool> stop{false};
    bool callerCancelled = false;
    auto run = [&](int i, const std::function<bool()> &poll) {
        Part &part = results[std::size_t(i)];
        const qint64 from = lo + (hi - lo) * i / parts;
        const qint64 to = lo + (hi - lo) * (i + 1) / parts;
        part.ok = loadRange(readers[std::size_t(i)].get(), spec, from, to, part.data, part.hashes,
                            poll, &part.error);
        if (!part.ok)
            stop = true;
    };
    std::vector<std::thread> workers;
    for (int i = 1; i < parts; ++i)
        workers.emplace_back(run, i, [&stop] { return stop.load(); });
    run(0, [&] {
        if (cancelled && cancelled()) {
            callerCancelled = true;
            stop = true;
        }
        return stop.load();
    });
    for (std::thread &w : workers)
        w.join();
    if (callerCancelled) {
        *error = {ErrorCode::Cancelled, {}};
        return false;
    }
    // The first real failure; the other parts stopped because of it.
    for (const Part &part : results) {
        if (!part.ok && part.error.code != ErrorCode::Cancelled) {
            *error = part.error;
            return false;
        }
    }
    if (std::any_of(results.begin(), results.end(), [](const Part &p) { return !p.ok; })) {
        *error = {ErrorCode::Cancelled, {}};
        return false;
    }
    QString sourceTable = std::move(data.sourceTable);
    data = std::move(results[0].data);
    data.sourceTable = std::move(sourceTable);
    hashes = std::move(results[0].hashes);
    for (std::size_t i = 1; i < results.size(); ++i) {
        appendPart(data, results[i].data);
        hashes.append(results[i].hashes);
        results[i] = Part{};
    }
    return true;
}

} // namespace

// The rows of record_effective that cleaning changed, as a table expression: the view's own
// SQL (so its columns are the view's, whatever its form) with the join turned around, so that
// an id range walks the few rows of record_clean and looks each record up by rowid; through
// the view, SQLite walks every record of the range and probes record_clean for each (about half
// the cost of a load on 1M records with 0.4M cleaned). The view itself when its SQL is not of
// the known form.
QByteArray cleanedRowsSource(sqlite3 *db)
{
    const QByteArray view = "record_effective";
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE type = 'view'"
                               " AND name = 'record_effective'",
                           -1, &raw, nullptr)
        != SQLITE_OK)
        return view;
    const Statement stmt(raw);
    if (sqlite3_step(raw) != SQLITE_ROW)
        return view;
    QByteArray sql(reinterpret_cast<const char *>(sqlite3_column_text(raw, 0)));
    const QByteArray head = "CREATE VIEW record_effective AS SELECT r.id AS id,";
    const QByteArray from = " FROM record r LEFT JOIN record_clean c ON c.record_id = r.id"
                            " WHERE r.id NOT IN (SELECT record_id FROM record_mask)";
    if (!sql.startsWith(head) || !sql.endsWith(from) || sql.count(from) != 1)
        return view;
    sql.chop(from.size());
    // CROSS JOIN keeps record_clean the outer loop; its rowid is the record id, so the range
    // applies to it directly.
    return "(SELECT c.record_id AS id," + sql.mid(head.size())
           + " FROM record_clean c CROSS JOIN record r ON r.id = c.record_id"
             " WHERE c.record_id NOT IN (SELECT record_id FROM record_mask))";
}

bool loadDirect(sqlite3 *db, bool effective, const EvaluationPlan &plan, ColumnarDataset &data,
                QByteArray &hashes, const std::function<bool()> &cancelled, CoreError *error)
{
    LoadSpec spec;
    spec.needed = neededColumns(plan);
    for (std::size_t c = 0; c < kTextColumnCount; ++c) {
        if (spec.needed[c])
            spec.textColumns.push_back(c);
    }
    const QString where = scopeClause(plan, spec.values);
    spec.baseSql = selectSql(spec, QByteArrayLiteral("record"), where, false);
    if (effective) {
        std::vector<qint64> cleaned, masked;
        if (!sortedIds(db, "SELECT record_id FROM record_clean ORDER BY record_id", cleaned, error)
            || !sortedIds(db, "SELECT record_id FROM record_mask ORDER BY record_id", masked,
                          error))
            return false;
        std::set_union(cleaned.begin(), cleaned.end(), masked.begin(), masked.end(),
                       std::back_inserter(spec.skip));
        if (!cleaned.empty()) {
            const QByteArray source = cleanedRowsSource(db);
            spec.overlaySql = selectSql(spec, source, where, source == "record_effective");
        }
    }
    // The id range of the base table (the view's ids are record ids): two rowid look-ups.
    qint64 lo = 0, hi = 0;
    {
        sqlite3_stmt *raw = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT min(id), max(id) FROM record", -1, &raw, nullptr)
            != SQLITE_OK)
            return fail(db, error);
        const Statement range(raw);
        if (sqlite3_step(raw) != SQLITE_ROW)
            return fail(db, error);
        lo = sqlite3_column_int64(raw, 0);
        hi = sqlite3_column_int64(raw, 1) + 1; // NULLs (no record) read as 0: an empty range
    }
    const char *file = sqlite3_db_filename(db, "main");
    const int parts = std::clamp(int(std::thread::hardware_concurrency()), 2, 4);
    // A second connection sees committed data only: parallel only outside any transaction.
    if (file && *file && sqlite3_get_autocommit(db) && hi - lo >= kParallelMinimum) {
        std::vector<Connection> readers;
        CoreError ignored;
        for (int i = 0; i < parts; ++i) {
            if (Connection reader = openReader(std::string(file), &ignored))
                readers.push_back(std::move(reader));
        }
        // Without a second reader (a file that cannot be opened read-only): one reader below.
        if (readers.size() == std::size_t(parts))
            return loadInParallel(readers, spec, lo, hi, data, hashes, cancelled, error);
    }
    return loadRange(db, spec, lo, hi, data, hashes, cancelled, error);
}

} // namespace metroeval::core::detail
