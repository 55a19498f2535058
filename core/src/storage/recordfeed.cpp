// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/recordfeed.h"

#include "model/field.h"
#include "storage/recordstore.h"

#include <sqlite3.h>

#include <cmath>
#include <memory>

namespace metroeval::core {

namespace {

constexpr char kName[] = "metroeval_record_feed";
constexpr char kIdentityName[] = "metroeval_identity_feed";

// Column positions in the feed (see RecordFeed::columns()).
constexpr int kBatch = 0;
constexpr int kLine = 1;
constexpr int kHash = 2;
constexpr int kFirstField = 3;
constexpr int kFirstTyped = kFirstField + kFieldCount; // six typed columns
constexpr int kFirstExtra = kFirstTyped + 6;            // value_unit, failed_item_list, flags
constexpr int kVersion = kFirstExtra + 3;

// An eponymous, read-only virtual table over rows the caller holds, one module per kind of row.
// Traits gives the source type, its row count, the declared columns and each value. SQLite's
// structures come first in ours, so that SQLite and the module can cast between the two.
template <class Traits>
struct Feed
{
    using Source = typename Traits::Source;

    struct Table
    {
        sqlite3_vtab base{};
        const Source *source = nullptr;
    };

    struct Cursor
    {
        sqlite3_vtab_cursor base{};
        std::size_t row = 0;
    };

    static const Source &sourceOf(sqlite3_vtab_cursor *cursor)
    {
        return *reinterpret_cast<const Table *>(cursor->pVtab)->source;
    }

    static int connect(sqlite3 *db, void *aux, int, const char *const *, sqlite3_vtab **out,
                       char **)
    {
        const QByteArray schema = "CREATE TABLE x(" + Traits::columns() + ')';
        if (const int rc = sqlite3_declare_vtab(db, schema.constData()); rc != SQLITE_OK)
            return rc;
        auto *table = static_cast<Table *>(sqlite3_malloc(sizeof(Table)));
        if (!table)
            return SQLITE_NOMEM;
        *table = Table{};
        table->source = static_cast<const Source *>(aux);
        *out = &table->base;
        return SQLITE_OK;
    }

    static int disconnect(sqlite3_vtab *vtab)
    {
        sqlite3_free(vtab);
        return SQLITE_OK;
    }

    static int bestIndex(sqlite3_vtab *, sqlite3_index_info *info)
    {
        info->estimatedCost = 2048;
        info->estimatedRows = 2048;
        return SQLITE_OK;
    }

    static int open(sqlite3_vtab *, sqlite3_vtab_cursor **out)
    {
        auto *cursor = static_cast<Cursor *>(sqlite3_malloc(sizeof(Cursor)));
        if (!cursor)
            return SQLITE_NOMEM;
        *cursor = Cursor{};
        *out = &cursor->base;
        return SQLITE_OK;
    }

    static int close(sqlite3_vtab_cursor *cursor)
    {
        sqlite3_free(cursor);
        return SQLITE_OK;
    }

    static int filter(sqlite3_vtab_cursor *cursor, int, const char *, int, sqlite3_value **)
    {
        reinterpret_cast<Cursor *>(cursor)->row = 0;
        return SQLITE_OK;
    }

    static int next(sqlite3_vtab_cursor *cursor)
    {
        ++reinterpret_cast<Cursor *>(cursor)->row;
        return SQLITE_OK;
    }

    static int eof(sqlite3_vtab_cursor *cursor)
    {
        return reinterpret_cast<Cursor *>(cursor)->row >= sourceOf(cursor).rows.size() ? 1 : 0;
    }

    static int rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *out)
    {
        *out = static_cast<sqlite3_int64>(reinterpret_cast<Cursor *>(cursor)->row);
        return SQLITE_OK;
    }

    static int column(sqlite3_vtab_cursor *cursor, sqlite3_context *ctx, int col)
    {
        return Traits::column(sourceOf(cursor), reinterpret_cast<Cursor *>(cursor)->row, ctx,
                              col);
    }

    static sqlite3_module module()
    {
        sqlite3_module m{};
        m.iVersion = 1;
        m.xCreate = nullptr; // eponymous-only: used by its name, never created
        m.xConnect = connect;
        m.xBestIndex = bestIndex;
        m.xDisconnect = disconnect;
        m.xOpen = open;
        m.xClose = close;
        m.xFilter = filter;
        m.xNext = next;
        m.xEof = eof;
        m.xColumn = column;
        m.xRowid = rowid;
        return m;
    }

    static const sqlite3_module kModule;
};

template <class Traits>
const sqlite3_module Feed<Traits>::kModule = Feed<Traits>::module();

void resultText(sqlite3_context *ctx, QByteArrayView value)
{
    // SQLITE_STATIC: the rows outlive the statement step that reads them.
    sqlite3_result_text(ctx, value.isEmpty() ? "" : value.data(), static_cast<int>(value.size()),
                        SQLITE_STATIC);
}

void resultDay(sqlite3_context *ctx, const QDate &date)
{
    if (date.isValid())
        sqlite3_result_int64(ctx, date.toJulianDay());
    else
        sqlite3_result_null(ctx);
}

void resultReal(sqlite3_context *ctx, double value)
{
    if (std::isnan(value))
        sqlite3_result_null(ctx);
    else
        sqlite3_result_double(ctx, value);
}

// The same values RecordWriter::insertRecord() binds, column for column.
int recordColumn(const RecordFeed::Source &source, std::size_t k, sqlite3_context *ctx, int col)
{
    const RecordRow &row = source.rows[k];
    const VerificationRecord &r = *row.record;
    if (col >= kFirstField && col < kFirstTyped) {
        resultText(ctx, row.text->column(col - kFirstField));
        return SQLITE_OK;
    }
    if (col == kVersion) {
        sqlite3_result_int64(ctx, row.version > 0 ? row.version : 1);
        return SQLITE_OK;
    }
    if (col >= kFirstExtra && col < kVersion) {
        resultText(ctx, row.text->column(kFieldCount + col - kFirstExtra));
        return SQLITE_OK;
    }
    switch (col) {
    case kBatch:
        sqlite3_result_int64(ctx, source.batchId);
        break;
    case kLine:
        sqlite3_result_int64(ctx, r.sourceLine);
        break;
    case kHash:
        sqlite3_result_blob(ctx, row.contentHash->constData(),
                            static_cast<int>(row.contentHash->size()), SQLITE_STATIC);
        break;
    case kFirstTyped:
        resultDay(ctx, r.verificationDate);
        break;
    case kFirstTyped + 1:
        resultDay(ctx, r.dueDate);
        break;
    case kFirstTyped + 2:
        resultDay(ctx, r.manufactureDate);
        break;
    case kFirstTyped + 3:
        if (r.passed)
            sqlite3_result_int(ctx, *r.passed ? 1 : 0);
        else
            sqlite3_result_null(ctx);
        break;
    case kFirstTyped + 4:
        resultReal(ctx, r.maxError);
        break;
    case kFirstTyped + 5:
        resultReal(ctx, r.mpe);
        break;
    default:
        return SQLITE_RANGE;
    }
    return SQLITE_OK;
}

struct RecordTraits
{
    using Source = RecordFeed::Source;
    static QByteArray columns() { return RecordFeed::columns(); }
    static int column(const Source &source, std::size_t row, sqlite3_context *ctx, int col)
    {
        return recordColumn(source, row, ctx, col);
    }
};

struct IdentityTraits
{
    using Source = IdentityFeed::Source;
    static QByteArray columns() { return "content_hash, record_id"; }
    static int column(const Source &source, std::size_t row, sqlite3_context *ctx, int col)
    {
        const RecordIdentity &identity = source.rows[row];
        if (col == 0)
            sqlite3_result_blob(ctx, identity.hash.data(), int(identity.hash.size()),
                                SQLITE_STATIC);
        else
            sqlite3_result_int64(ctx, identity.id);
        return SQLITE_OK;
    }
};

} // namespace

const char *RecordFeed::name()
{
    return kName;
}

QByteArray RecordFeed::columns()
{
    QByteArray out = "batch_id, source_line, content_hash";
    for (const FieldInfo &info : allFields())
        out += ", " + QByteArray(info.key.data(), info.key.size());
    out += ", verification_day, due_day, manufacture_day, passed, max_error_value, mpe_value,"
           " value_unit, failed_item_list, flags, version";
    return out;
}

RecordFeed::RecordFeed(sqlite3 *db)
    : m_db(db)
{}

std::unique_ptr<RecordFeed> RecordFeed::install(sqlite3 *db)
{
    std::unique_ptr<RecordFeed> feed(new RecordFeed(db));
    if (!db
        || sqlite3_create_module_v2(db, kName, &Feed<RecordTraits>::kModule, &feed->m_source,
                                    nullptr)
               != SQLITE_OK)
        return nullptr;
    return feed;
}

RecordFeed::~RecordFeed()
{
    // A null module drops the one of that name; statements that used it must be finalized first.
    sqlite3_create_module_v2(m_db, kName, nullptr, nullptr, nullptr);
}

void RecordFeed::set(qint64 batchId, std::span<const RecordRow> rows)
{
    m_source = {batchId, rows};
}

const char *IdentityFeed::name()
{
    return kIdentityName;
}

IdentityFeed::IdentityFeed(sqlite3 *db)
    : m_db(db)
{}

std::unique_ptr<IdentityFeed> IdentityFeed::install(sqlite3 *db)
{
    std::unique_ptr<IdentityFeed> feed(new IdentityFeed(db));
    if (!db
        || sqlite3_create_module_v2(db, kIdentityName, &Feed<IdentityTraits>::kModule,
                                    &feed->m_source, nullptr)
               != SQLITE_OK)
        return nullptr;
    return feed;
}

IdentityFeed::~IdentityFeed()
{
    sqlite3_create_module_v2(m_db, kIdentityName, nullptr, nullptr, nullptr);
}

void IdentityFeed::set(std::span<const RecordIdentity> rows)
{
    m_source = {rows};
}

} // namespace metroeval::core
