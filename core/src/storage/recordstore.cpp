// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/recordstore.h"

#include "storage/flathash.h"
#include "storage/recordfeed.h"

#include "io/sha256.h"
#include "io/utf8text.h"

#include <QStringEncoder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
QVariant text(const QString &value)
{
    // Text columns are NOT NULL: a null QString would bind as SQL NULL, so bind '' instead.
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

void bindText(sqlite3_stmt *s, int index, const QString &value)
{
    // SQLITE_STATIC: the QString outlives the step that reads it.
    if (value.isEmpty())
        sqlite3_bind_text(s, index, "", 0, SQLITE_STATIC);
    else
        sqlite3_bind_text16(s, index, value.constData(), static_cast<int>(value.size() * 2),
                            SQLITE_STATIC);
}

void bindDay(sqlite3_stmt *s, int index, const QDate &date)
{
    if (date.isValid())
        sqlite3_bind_int64(s, index, date.toJulianDay());
    else
        sqlite3_bind_null(s, index);
}

void bindReal(sqlite3_stmt *s, int index, double value)
{
    if (std::isnan(value))
        sqlite3_bind_null(s, index);
    else
        sqlite3_bind_double(s, index, value);
}

void hashText(Sha256 &hash, QStringView value, ContentHashText text)
{
    if (text == ContentHashText::Utf8) {
        bool surrogate = false;
        hash.addData(utf8::fromUtf16(value, &surrogate));
        hash.addData(QByteArrayView("\x1f", 1));
        return;
    }
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(value.utf16()),
                                value.size() * qsizetype(sizeof(char16_t))));
    hash.addData(QByteArrayView("\x1f\x00", 2));
}

// QDate::toString(Qt::ISODate) without the allocation, for the four-digit years typed dates have.
void hashIsoDate(Sha256 &hash, const QDate &date, ContentHashText text)
{
    int y = 0;
    int m = 0;
    int d = 0;
    date.getDate(&y, &m, &d);
    if (y < 1000 || y > 9999) {
        hashText(hash, date.toString(Qt::ISODate), text);
        return;
    }
    const char16_t iso[10] = {
        char16_t(u'0' + y / 1000),     char16_t(u'0' + y / 100 % 10), char16_t(u'0' + y / 10 % 10),
        char16_t(u'0' + y % 10),       u'-',
        char16_t(u'0' + m / 10),       char16_t(u'0' + m % 10),       u'-',
        char16_t(u'0' + d / 10),       char16_t(u'0' + d % 10)};
    hashText(hash, QStringView(iso, 10), text);
}

void bindUtf8(sqlite3_stmt *s, int index, QByteArrayView value)
{
    // SQLITE_STATIC: the encoded row outlives the step that reads it.
    sqlite3_bind_text(s, index, value.isEmpty() ? "" : value.data(),
                      static_cast<int>(value.size()), SQLITE_STATIC);
}

std::uint64_t keyHash(QByteArrayView text)
{
    return textKey(std::string_view(text.data(), std::size_t(text.size())));
}
} // namespace

sqlite3 *sqliteHandle(QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QByteArray recordContentHash(const VerificationRecord &record, ContentHashText text)
{
    Sha256 hash;
    for (const FieldInfo &info : allFields()) {
        const QDate *date = info.field == Field::VerificationDate ? &record.verificationDate
                            : info.field == Field::DueDate        ? &record.dueDate
                            : info.field == Field::ManufactureDate ? &record.manufactureDate
                                                                  : nullptr;
        if (date && date->isValid())
            hashIsoDate(hash, *date, text);
        else
            hashText(hash, record.text(info.field), text);
    }
    return hash.result();
}

std::optional<ContentHashText> contentHashText(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT value FROM meta WHERE key = 'content_hash_text'"_s);
    if (!q.exec())
        return std::nullopt;
    if (!q.next())
        return ContentHashText::Utf16;
    return contentHashTextFromKey(q.value(0).toString().toUtf8());
}

void encodeRecord(const VerificationRecord &record, const RecordExtras &extras,
                  EncodedRecord &out)
{
    // Stateless: every column is a complete string.
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    qsizetype needed = 0;
    for (const QString &value : record.raw)
        needed += value.size();
    const QString items = extras.failedItems.join(u'、');
    const QString flags = extras.flagsText();
    needed += extras.valueUnit.size() + items.size() + flags.size();
    out.text.resize(encoder.requiredSpace(needed));
    char *const begin = out.text.data();
    char *p = begin;
    int k = 0;
    auto put = [&](QStringView value) {
        out.bounds[k++] = static_cast<int>(p - begin);
        p = encoder.appendToBuffer(p, value);
    };
    for (const QString &value : record.raw)
        put(value);
    out.bounds[k++] = static_cast<int>(p - begin);
    p = std::copy(extras.valueUnit.begin(), extras.valueUnit.end(), p); // Latin-1 ASCII units
    put(items);
    put(flags);
    out.bounds[k] = static_cast<int>(p - begin);
    out.text.truncate(p - begin);
}

/// The certificates and their current records, for RecordWriter::trackVersions(). Keys are
/// 64-bit hashes of the certificate text; a hit is confirmed against the record it names (by
/// rowid), so two certificates sharing a key are never confused.
struct RecordWriter::VersionIndex
{
    struct Current
    {
        qint64 id = 0;
        qint64 version = 0;
    };
    /// Every certificate with a current record: those in the workspace when tracking began and
    /// those written since.
    HashKeyMap<Current> current;
};

/// What a bulk load changed and will restore, and how it writes rows.
struct RecordWriter::BulkLoad
{
    QList<QByteArray> indexSql;
    std::vector<RecordIdentity> identities; ///< of the rows written, for record_identity
    int cacheSize = 0; ///< the connection's page cache before the load, restored after it
    std::unique_ptr<RecordFeed> feed; ///< rows for insertRecords()
    sqlite3_stmt *insertFeed = nullptr; ///< INSERT INTO record ... SELECT ... FROM the feed
    qint64 nextId = 1;                  ///< the table was empty
    bool writerPlaced = false;          ///< placeVersion() placed a record of this load
    bool callerPlaced = false; ///< a record of this load came with its version (takeVersion())
};

RecordWriter::RecordWriter(QSqlDatabase &db)
    : m_db(db)
    , m_handle(sqliteHandle(db))
{}

RecordWriter::~RecordWriter()
{
    for (sqlite3_stmt *s :
         {m_insertRecord, m_findCurrent, m_certificateOf, m_supersede, m_supersedeChecked,
          m_setVersion, m_insertQuarantine, m_findIdentity, m_insertIdentity})
        sqlite3_finalize(s);
    if (m_bulk)
        sqlite3_finalize(m_bulk->insertFeed); // before the feed's module goes
    if (m_bulk && m_handle) { // a load that failed or was cancelled: the caller's cache again
        const QByteArray restore = "PRAGMA cache_size = " + QByteArray::number(m_bulk->cacheSize);
        sqlite3_exec(m_handle, restore.constData(), nullptr, nullptr, nullptr);
    }
}

bool RecordWriter::fail(const char *what)
{
    m_lastError = QString::fromLatin1(what) + u": "_s
                  + (m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : u"no sqlite"_s);
    return false;
}

bool RecordWriter::prepare()
{
    if (!m_handle)
        return fail("QSQLITE handle");
    const std::optional<ContentHashText> hashText = core::contentHashText(m_db);
    if (!hashText) {
        m_lastError = u"unknown content_hash_text in meta"_s;
        return false;
    }
    m_hashText = *hashText;
    QString columns = u"batch_id, source_line, content_hash"_s;
    QString params = u"?, ?, ?"_s;
    for (const FieldInfo &info : allFields()) {
        columns += u", "_s + info.key;
        params += u", ?"_s;
    }
    columns += u", verification_day, due_day, manufacture_day, passed, max_error_value, mpe_value,"
               " value_unit, failed_item_list, flags"_s;
    params += u", ?, ?, ?, ?, ?, ?, ?, ?, ?"_s;
    auto prep = [this](const QString &sql, sqlite3_stmt **out) {
        const QByteArray utf8 = sql.toUtf8();
        return sqlite3_prepare_v3(m_handle, utf8.constData(), static_cast<int>(utf8.size()),
                                  SQLITE_PREPARE_PERSISTENT, out, nullptr)
               == SQLITE_OK;
    };
    if (!prep(u"INSERT INTO record ("_s + columns + u") VALUES ("_s + params + u")"_s,
              &m_insertRecord)
        || !prep(u"SELECT 1 FROM record_identity WHERE content_hash = ?1"_s, &m_findIdentity)
        || !prep(u"INSERT INTO record_identity (content_hash, record_id) VALUES (?1, ?2)"_s,
                 &m_insertIdentity)
        // Records before ?2 only: rows are appended in order, and insertRecords() writes a run
        // of them before it places each one's version.
        || !prep(u"SELECT id, version FROM record WHERE certificate_no = ?1"
                 " AND superseded_by IS NULL AND id < ?2 ORDER BY version DESC LIMIT 1"_s,
                 &m_findCurrent)
        || !prep(u"SELECT certificate_no FROM record WHERE id = ?1"_s, &m_certificateOf)
        || !prep(u"UPDATE record SET superseded_by = ?1 WHERE id = ?2"_s, &m_supersede)
        || !prep(u"UPDATE record SET version = ?1 WHERE id = ?2"_s, &m_setVersion)
        || !prep(u"UPDATE record SET superseded_by = ?1 WHERE id = ?2 AND certificate_no = ?3"
                 " AND version = ?4 AND superseded_by IS NULL"_s,
                 &m_supersedeChecked)
        || !prep(u"INSERT INTO quarantine (batch_id, source_line, column_index, code, detail,"
                 " raw_text, fields_json) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                 &m_insertQuarantine))
        return fail("prepare");
    if (m_bulk && !m_bulk->insertFeed) {
        const QByteArray feedColumns = RecordFeed::columns();
        const QByteArray sql = "INSERT INTO record (" + feedColumns + ") SELECT " + feedColumns
                               + " FROM " + RecordFeed::name();
        if (sqlite3_prepare_v3(m_handle, sql.constData(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &m_bulk->insertFeed, nullptr)
            != SQLITE_OK)
            return fail("prepare");
    }
    return true;
}

void RecordWriter::finish()
{
    for (sqlite3_stmt *s : {m_insertRecord, m_findCurrent, m_certificateOf, m_supersede,
                            m_supersedeChecked, m_setVersion, m_insertQuarantine, m_findIdentity,
                            m_insertIdentity, m_bulk ? m_bulk->insertFeed : nullptr}) {
        if (s)
            sqlite3_reset(s);
    }
}

qint64 RecordWriter::insertBatch(const ImportBatchInfo &b)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO import_batch (file_name, file_size, sha256, encoding, delimiter,"
              " imported_at, user_name, mapping, rows_read, imported, duplicates, quarantined,"
              " source_kind, sheet, profile_name, header_json, date1904, new_versions, corrected)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : {text(b.fileName), QVariant(b.fileSize), text(b.sha256),
                              text(b.encoding), text(b.delimiter),
                              text(b.importedAt.toString(Qt::ISODate)), text(b.userName),
                              text(b.mappingJson), QVariant(b.rowsRead), QVariant(b.imported),
                              QVariant(b.duplicates), QVariant(b.quarantined),
                              text(b.sourceKind), text(b.sheet), text(b.profileName),
                              text(b.headerJson), QVariant(int(b.date1904)),
                              QVariant(b.newVersions), QVariant(b.corrected)})
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool RecordWriter::updateBatchCounts(const ImportBatchInfo &b)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE import_batch SET rows_read = ?, imported = ?, duplicates = ?,"
              " quarantined = ?, new_versions = ?, corrected = ?, sha256 = ? WHERE id = ?"_s);
    for (const qint64 v : {b.rowsRead, b.imported, b.duplicates, b.quarantined, b.newVersions,
                           b.corrected})
        q.addBindValue(v);
    q.addBindValue(text(b.sha256));
    q.addBindValue(b.id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool RecordWriter::insertRecord(qint64 batchId, const VerificationRecord &r, bool *duplicate)
{
    const Outcome outcome
        = insertRecord(batchId, r, RecordExtras{}, recordContentHash(r, m_hashText));
    *duplicate = outcome == Outcome::Duplicate;
    return outcome != Outcome::Failed;
}

RecordWriter::Outcome RecordWriter::insertRecord(qint64 batchId, const VerificationRecord &r,
                                                 const RecordExtras &extras,
                                                 const QByteArray &contentHash, qint64 *recordId)
{
    EncodedRecord text;
    encodeRecord(r, extras, text);
    return insertRecord(batchId, r, text, contentHash, recordId);
}

bool RecordWriter::beginBulkLoad(bool *active)
{
    *active = false;
    if (!m_handle)
        return fail("QSQLITE handle");
    auto exec = [this](const char *sql, auto &&onRow) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(m_handle, sql, -1, &s, nullptr) != SQLITE_OK)
            return false;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            onRow(s);
        sqlite3_finalize(s);
        return rc == SQLITE_DONE;
    };
    bool empty = true;
    if (!exec("SELECT 1 FROM record LIMIT 1", [&](sqlite3_stmt *) { empty = false; })
        || !exec("SELECT 1 FROM record_identity LIMIT 1", [&](sqlite3_stmt *) { empty = false; }))
        return fail("bulk load");
    if (!empty)
        return true;
    auto bulk = std::make_unique<BulkLoad>();
    // Rows go in a chunk at a time through the feed (insertRecords()).
    bulk->feed = RecordFeed::install(m_handle);
    if (!bulk->feed)
        return fail("bulk load");
    QList<QByteArray> names;
    // Indexes that SQLite made for constraints have no SQL and cannot be dropped; record has none.
    if (!exec("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'record'"
              " AND sql IS NOT NULL ORDER BY rowid",
              [&](sqlite3_stmt *s) {
                  names.append(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
                  bulk->indexSql.append(reinterpret_cast<const char *>(sqlite3_column_text(s, 1)));
              }))
        return fail("bulk load");
    for (const QByteArray &name : std::as_const(names)) {
        const QByteArray drop = "DROP INDEX \"" + QByteArray(name).replace('"', "\"\"") + '"';
        if (sqlite3_exec(m_handle, drop.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail("bulk load");
    }
    // Without indexes the load only appends table pages. A small page cache lets SQLite write
    // them out as it goes; a large one holds a third of a gigabyte of dirty pages that are all
    // written at once later, which on 1M records costs about a second more (kernel page-cache
    // allocation and copying). The caller's cache size comes back in endBulkLoad().
    bulk->cacheSize = pragmaValue("PRAGMA cache_size");
    sqlite3_exec(m_handle, "PRAGMA cache_size = -8192", nullptr, nullptr, nullptr);
    m_bulk = std::move(bulk);
    *active = true;
    return true;
}

int RecordWriter::pragmaValue(const char *sql)
{
    sqlite3_stmt *s = nullptr;
    int value = 0;
    if (sqlite3_prepare_v2(m_handle, sql, -1, &s, nullptr) == SQLITE_OK
        && sqlite3_step(s) == SQLITE_ROW)
        value = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return value;
}

bool RecordWriter::endBulkLoad()
{
    if (!m_bulk)
        return true;
    // The prepared statements refer to the old schema; reset them before changing it.
    finish();
    // SQLite sorts with worker threads only when the sort spills out of the page cache, so the
    // indexes are built with a small cache and two threads (about twice as fast on two cores as
    // one in-memory sort); the connection's settings are restored afterwards.
    const int cacheSize = m_bulk->cacheSize;
    const int threads = pragmaValue("PRAGMA threads");
    sqlite3_exec(m_handle, "PRAGMA cache_size = -2000; PRAGMA threads = 2", nullptr, nullptr,
                 nullptr);
    bool built = true;
    for (const QByteArray &sql : std::as_const(m_bulk->indexSql)) {
        if (sqlite3_exec(m_handle, sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            built = fail("rebuild index");
            break;
        }
    }
    const QByteArray restore = "PRAGMA cache_size = " + QByteArray::number(cacheSize)
                               + "; PRAGMA threads = " + QByteArray::number(threads);
    sqlite3_exec(m_handle, restore.constData(), nullptr, nullptr, nullptr);
    if (!built || !writeIdentities())
        return false;
    sqlite3_finalize(m_bulk->insertFeed); // before the feed's module goes
    m_bulk.reset();
    return true;
}

void RecordWriter::reserveRows(qint64 rows)
{
    if (rows <= 0)
        return;
    if (m_versions)
        m_versions->current.reserve(m_versions->current.size() + std::size_t(rows));
    if (m_bulk)
        m_bulk->identities.reserve(m_bulk->identities.size() + std::size_t(rows));
}

bool RecordWriter::trackVersions()
{
    auto index = std::make_unique<VersionIndex>();
    sqlite3_stmt *s = nullptr;
    const char *sql =
        "SELECT certificate_no, id, version FROM record WHERE superseded_by IS NULL";
    if (sqlite3_prepare_v2(m_handle, sql, -1, &s, nullptr) != SQLITE_OK)
        return fail("load certificates");
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const auto *text = static_cast<const char *>(sqlite3_column_blob(s, 0));
        bool added = false;
        VersionIndex::Current &slot = index->current.findOrAdd(
            keyHash(QByteArrayView(text, sqlite3_column_bytes(s, 0))), &added);
        const VersionIndex::Current row{sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2)};
        // Of two current records under one key (certificates sharing it), either will do: a hit
        // is confirmed, and a miss asks SQL.
        if (added || row.version > slot.version)
            slot = row;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return fail("load certificates");
    m_versions = std::move(index);
    return true;
}

std::optional<std::pair<qint64, qint64>> RecordWriter::findCurrent(QByteArrayView certificate,
                                                                   qint64 id)
{
    bindUtf8(m_findCurrent, 1, certificate);
    sqlite3_bind_int64(m_findCurrent, 2, id);
    const int found = sqlite3_step(m_findCurrent);
    std::pair<qint64, qint64> current{0, 0};
    if (found == SQLITE_ROW)
        current = {sqlite3_column_int64(m_findCurrent, 0), sqlite3_column_int64(m_findCurrent, 1)};
    sqlite3_reset(m_findCurrent);
    if (found != SQLITE_ROW && found != SQLITE_DONE) {
        fail("find version");
        return std::nullopt;
    }
    return current;
}

std::optional<bool> RecordWriter::hasCertificate(qint64 id, QByteArrayView certificate)
{
    sqlite3_bind_int64(m_certificateOf, 1, id);
    const int found = sqlite3_step(m_certificateOf);
    bool same = false;
    if (found == SQLITE_ROW) {
        const auto *text = static_cast<const char *>(sqlite3_column_blob(m_certificateOf, 0));
        same = QByteArrayView(text, sqlite3_column_bytes(m_certificateOf, 0)) == certificate;
    }
    sqlite3_reset(m_certificateOf);
    if (found != SQLITE_ROW && found != SQLITE_DONE) {
        fail("find version");
        return std::nullopt;
    }
    return same;
}

std::optional<bool> RecordWriter::knownContent(const QByteArray &contentHash)
{
    sqlite3_bind_blob(m_findIdentity, 1, contentHash.constData(),
                      static_cast<int>(contentHash.size()), SQLITE_STATIC);
    const int found = sqlite3_step(m_findIdentity);
    sqlite3_reset(m_findIdentity);
    if (found != SQLITE_ROW && found != SQLITE_DONE) {
        fail("find content");
        return std::nullopt;
    }
    return found == SQLITE_ROW;
}

RecordWriter::Outcome RecordWriter::insertRecord(qint64 batchId, const VerificationRecord &r,
                                                 const EncodedRecord &text,
                                                 const QByteArray &contentHash, qint64 *recordId)
{
    const std::optional<bool> known = knownContent(contentHash);
    if (!known)
        return Outcome::Failed;
    if (*known)
        return Outcome::Duplicate;
    sqlite3_stmt *s = m_insertRecord;
    int i = 1;
    sqlite3_bind_int64(s, i++, batchId);
    sqlite3_bind_int64(s, i++, r.sourceLine);
    sqlite3_bind_blob(s, i++, contentHash.constData(), static_cast<int>(contentHash.size()),
                      SQLITE_STATIC);
    for (int k = 0; k < kFieldCount; ++k)
        bindUtf8(s, i++, text.column(k));
    bindDay(s, i++, r.verificationDate);
    bindDay(s, i++, r.dueDate);
    bindDay(s, i++, r.manufactureDate);
    if (r.passed)
        sqlite3_bind_int(s, i++, *r.passed ? 1 : 0);
    else
        sqlite3_bind_null(s, i++);
    bindReal(s, i++, r.maxError);
    bindReal(s, i++, r.mpe);
    for (int k = kFieldCount; k < EncodedRecord::kColumns; ++k)
        bindUtf8(s, i++, text.column(k));
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        fail("insert record");
        return Outcome::Failed;
    }
    const qint64 id = sqlite3_last_insert_rowid(m_handle);
    sqlite3_bind_blob(m_insertIdentity, 1, contentHash.constData(),
                      static_cast<int>(contentHash.size()), SQLITE_STATIC);
    sqlite3_bind_int64(m_insertIdentity, 2, id);
    const int identity = sqlite3_step(m_insertIdentity);
    sqlite3_reset(m_insertIdentity);
    if (identity != SQLITE_DONE) {
        fail("insert record identity");
        return Outcome::Failed;
    }
    if (recordId)
        *recordId = id;
    return placeVersion(id, text.column(static_cast<int>(Field::CertificateNo)));
}

bool RecordWriter::insertRecords(qint64 batchId, std::span<const RecordRow> rows,
                                 std::vector<Outcome> &outcomes)
{
    outcomes.clear();
    if (!m_bulk) { // one at a time, each checked against record_identity
        for (const RecordRow &row : rows) {
            outcomes.push_back(insertRecord(batchId, *row.record, *row.text, *row.contentHash));
            if (outcomes.back() == Outcome::Failed)
                return false;
        }
        return true;
    }
    if (rows.empty())
        return true;
    // SQLite numbers the rows: the table's largest id plus one, in order. The load began on an
    // empty table and only this writer appends to it, so they are nextId, nextId + 1, ...
    const qint64 firstId = m_bulk->nextId;
    m_bulk->feed->set(batchId, rows);
    const int rc = sqlite3_step(m_bulk->insertFeed);
    sqlite3_reset(m_bulk->insertFeed);
    m_bulk->feed->set(batchId, {});
    if (rc != SQLITE_DONE || sqlite3_changes64(m_handle) != qint64(rows.size()))
        return fail("insert records");
    m_bulk->nextId += qint64(rows.size());
    if (sqlite3_last_insert_rowid(m_handle) != m_bulk->nextId - 1)
        return fail("record ids");
    outcomes.reserve(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const QByteArrayView certificate =
            rows[k].text->column(static_cast<int>(Field::CertificateNo));
        const qint64 id = firstId + qint64(k);
        outcomes.push_back(rows[k].version > 0 ? takeVersion(id, certificate, rows[k])
                                               : placeVersion(id, certificate));
        if (outcomes.back() == Outcome::Failed)
            return false;
        const QByteArray &hash = *rows[k].contentHash;
        RecordIdentity &identity = m_bulk->identities.emplace_back();
        if (hash.size() != qsizetype(identity.hash.size()))
            return fail("content hash size");
        std::memcpy(identity.hash.data(), hash.constData(), identity.hash.size());
        identity.id = id;
    }
    return true;
}

namespace {

// Sorts by hash, as SQLite orders the blobs (memcmp): a counting sort on the first two bytes,
// then each of the 65,536 buckets on its own. Content hashes are uniform, so a bucket holds a
// handful of a million (1M identities: 47-49 ms, against 70-75 ms for one std::sort).
void sortByHash(std::vector<RecordIdentity> &identities)
{
    constexpr std::size_t kBuckets = std::size_t(1) << 16;
    auto bucketOf = [](const RecordIdentity &r) {
        return std::size_t(r.hash[0]) << 8 | std::size_t(r.hash[1]);
    };
    std::vector<std::size_t> start(kBuckets + 1, 0);
    for (const RecordIdentity &r : identities)
        ++start[bucketOf(r) + 1];
    for (std::size_t b = 0; b < kBuckets; ++b)
        start[b + 1] += start[b];
    std::vector<RecordIdentity> sorted(identities.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (const RecordIdentity &r : identities)
        sorted[next[bucketOf(r)]++] = r;
    auto less = [](const RecordIdentity &a, const RecordIdentity &b) {
        return std::memcmp(a.hash.data(), b.hash.data(), a.hash.size()) < 0;
    };
    for (std::size_t b = 0; b < kBuckets; ++b) {
        const auto first = sorted.begin() + std::ptrdiff_t(start[b]);
        std::sort(first, sorted.begin() + std::ptrdiff_t(start[b + 1]), less);
    }
    identities.swap(sorted);
}

} // namespace

bool RecordWriter::writeIdentities()
{
    std::vector<RecordIdentity> &identities = m_bulk->identities;
    sortByHash(identities);
    // In key order each row goes at the end of the table's B-tree: appends, no searching.
    const std::unique_ptr<IdentityFeed> feed = IdentityFeed::install(m_handle);
    if (!feed)
        return fail("record identity");
    feed->set(identities);
    const QByteArray sql = QByteArray("INSERT INTO record_identity (content_hash, record_id)"
                                      " SELECT content_hash, record_id FROM ")
                           + IdentityFeed::name();
    const int rc = sqlite3_exec(m_handle, sql.constData(), nullptr, nullptr, nullptr);
    feed->set({});
    if (rc != SQLITE_OK)
        return fail("insert record identity");
    identities = {};
    return true;
}

RecordWriter::Outcome RecordWriter::takeVersion(qint64 id, QByteArrayView certificate,
                                                const RecordRow &row)
{
    // The caller's versions hold only if the writer placed none of this load's records itself
    // (it would not know them) and the tracked certificates, if any, are of no use any more.
    if (m_bulk->writerPlaced) {
        fail("certificate versions: decided by both the caller and the writer");
        return Outcome::Failed;
    }
    m_versions.reset();
    m_bulk->callerPlaced = true;
    if (row.version == 1 && row.supersedes < 0)
        return Outcome::Inserted;
    // A bulk load numbers its records 1, 2, ... in the order written: ordinal + 1 is the id.
    const qint64 previous = row.supersedes + 1;
    if (row.supersedes < 0 || previous >= id) {
        fail("certificate versions: superseded record not written before");
        return Outcome::Failed;
    }
    // Checked as it is applied: the superseded record is current, has this certificate and is
    // the version before.
    sqlite3_bind_int64(m_supersedeChecked, 1, id);
    sqlite3_bind_int64(m_supersedeChecked, 2, previous);
    bindUtf8(m_supersedeChecked, 3, certificate);
    sqlite3_bind_int64(m_supersedeChecked, 4, row.version - 1);
    const int rc = sqlite3_step(m_supersedeChecked);
    sqlite3_reset(m_supersedeChecked);
    if (rc != SQLITE_DONE) {
        fail("version");
        return Outcome::Failed;
    }
    if (sqlite3_changes64(m_handle) != 1) {
        fail("certificate versions: superseded record is not the current one of the certificate");
        return Outcome::Failed;
    }
    return Outcome::NewVersion;
}

RecordWriter::Outcome RecordWriter::placeVersion(qint64 id, QByteArrayView certificate)
{
    if (m_bulk) {
        if (m_bulk->callerPlaced) {
            fail("certificate versions: decided by both the caller and the writer");
            return Outcome::Failed;
        }
        m_bulk->writerPlaced = true;
    }
    // A new content under a known certificate is that certificate's next version.
    std::optional<std::pair<qint64, qint64>> previous;
    VersionIndex::Current *tracked = nullptr;
    if (m_versions) {
        const std::uint64_t key = keyHash(certificate);
        bool added = false;
        VersionIndex::Current &slot = m_versions->current.findOrAdd(key, &added);
        if (added) { // no current record has this key, so none has this certificate
            tracked = &slot;
            previous = std::pair<qint64, qint64>{0, 0};
        } else {
            const std::optional<bool> same = hasCertificate(slot.id, certificate);
            if (!same)
                return Outcome::Failed;
            if (*same) { // else two certificates share the key: ask SQL, track neither
                tracked = &slot;
                previous = std::pair{slot.id, slot.version};
            }
        }
    }
    if (!previous) {
        previous = findCurrent(certificate, id);
        if (!previous)
            return Outcome::Failed;
    }
    if (previous->first == 0) {
        if (tracked)
            *tracked = {id, 1};
        return Outcome::Inserted;
    }
    const qint64 version = previous->second + 1;
    sqlite3_bind_int64(m_supersede, 1, id);
    sqlite3_bind_int64(m_supersede, 2, previous->first);
    sqlite3_bind_int64(m_setVersion, 1, version);
    sqlite3_bind_int64(m_setVersion, 2, id);
    const bool ok = sqlite3_step(m_supersede) == SQLITE_DONE
                    && sqlite3_step(m_setVersion) == SQLITE_DONE;
    sqlite3_reset(m_supersede);
    sqlite3_reset(m_setVersion);
    if (!ok) {
        fail("version");
        return Outcome::Failed;
    }
    if (tracked)
        *tracked = {id, version};
    return Outcome::NewVersion;
}

bool RecordWriter::insertQuarantine(qint64 batchId, const RowIssue &issue, const QString &rawText,
                                    const QStringList &fields)
{
    sqlite3_stmt *s = m_insertQuarantine;
    const QString json = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(fields)).toJson(QJsonDocument::Compact));
    const QString code(rowIssueCodeKey(issue.code));
    sqlite3_bind_int64(s, 1, batchId);
    sqlite3_bind_int64(s, 2, issue.line);
    sqlite3_bind_int(s, 3, issue.column);
    bindText(s, 4, code);
    bindText(s, 5, issue.detail);
    bindText(s, 6, rawText);
    bindText(s, 7, json);
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE || fail("insert quarantine");
}

qint64 countRecords(QSqlDatabase &db)
{
    QSqlQuery q(u"SELECT COUNT(*) FROM record"_s, db);
    return q.next() ? q.value(0).toLongLong() : 0;
}

qint64 countCurrentRecords(QSqlDatabase &db)
{
    QSqlQuery q(u"SELECT COUNT(*) FROM record WHERE superseded_by IS NULL"_s, db);
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<ImportBatchInfo> listBatches(QSqlDatabase &db)
{
    QList<ImportBatchInfo> batches;
    QSqlQuery q(u"SELECT id, file_name, file_size, sha256, encoding, delimiter, imported_at,"
                " user_name, mapping, rows_read, imported, duplicates, quarantined, source_kind,"
                " sheet, profile_name, header_json, date1904, new_versions, corrected"
                " FROM import_batch ORDER BY id"_s,
                db);
    while (q.next()) {
        ImportBatchInfo b;
        b.id = q.value(0).toLongLong();
        b.fileName = q.value(1).toString();
        b.fileSize = q.value(2).toLongLong();
        b.sha256 = q.value(3).toString();
        b.encoding = q.value(4).toString();
        b.delimiter = q.value(5).toString();
        b.importedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODate);
        b.userName = q.value(7).toString();
        b.mappingJson = q.value(8).toString();
        b.rowsRead = q.value(9).toLongLong();
        b.imported = q.value(10).toLongLong();
        b.duplicates = q.value(11).toLongLong();
        b.quarantined = q.value(12).toLongLong();
        b.sourceKind = q.value(13).toString();
        b.sheet = q.value(14).toString();
        b.profileName = q.value(15).toString();
        b.headerJson = q.value(16).toString();
        b.date1904 = q.value(17).toInt() != 0;
        b.newVersions = q.value(18).toLongLong();
        b.corrected = q.value(19).toLongLong();
        batches.append(b);
    }
    return batches;
}

} // namespace metroeval::core
