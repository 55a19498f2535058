// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importer.h"

#include "io/certificateversions.h"
#include "io/columnmapping.h"
#include "io/recordparser.h"
#include "io/rowpipeline.h"
#include "io/sha256.h"
#include "io/tablesource.h"
#include "io/textdecoding.h"
#include "io/utf8recordparser.h"
#include "storage/flathash.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <ctime>
#ifdef Q_OS_WIN
#include <windows.h>
#endif
#include <future>
#include <thread>

#ifdef __linux__
#include <fcntl.h>
#include <unistd.h>
#endif
#include <utility>

namespace metroeval::core {

using namespace Qt::StringLiterals;

QJsonObject ImportSummary::toJson() const
{
    auto toObject = [](const QMap<QString, qint64> &map) {
        QJsonObject o;
        for (auto it = map.begin(); it != map.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    return {
        {u"batch_id"_s, batchId},
        {u"file"_s, fileName},
        {u"file_size"_s, fileSize},
        {u"sha256"_s, sha256},
        {u"source_kind"_s, sourceKind},
        {u"sheet"_s, sheet},
        {u"encoding"_s, encoding},
        {u"delimiter"_s, delimiter},
        {u"rows_read"_s, rowsRead},
        {u"imported"_s, imported},
        {u"new_versions"_s, newVersions},
        {u"duplicates"_s, duplicates},
        {u"quarantined"_s, quarantined},
        {u"flagged"_s, flagged},
        {u"quarantine_reasons"_s, toObject(quarantineReasons)},
        {u"flag_reasons"_s, toObject(flagReasons)},
        {u"mapping"_s, mappingProfile},
        {u"elapsed_ms"_s, elapsedMs},
        {u"timings_ms"_s,
         QJsonObject{{u"parse_cpu"_s, timings.parseCpu},
                     {u"write_cpu"_s, timings.writeCpu},
                     {u"rows"_s, timings.rows},
                     {u"indexes"_s, timings.indexes},
                     {u"commit"_s, timings.commit}}},
    };
}

namespace {

// CPU time of the calling thread, for the summary's timings.
double threadCpuMs()
{
#ifdef Q_OS_WIN
    FILETIME created, exited, kernel, user;
    if (!GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user))
        return 0.0;
    auto ticks = [](const FILETIME &f) { // 100 ns units
        return double((quint64(f.dwHighDateTime) << 32) | f.dwLowDateTime);
    };
    return (ticks(kernel) + ticks(user)) * 1e-4;
#else
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
#endif
}

constexpr std::size_t kChunkRows = 2048;
constexpr std::size_t kChunksInFlight = 8;

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer).first(n));
    }
    return QString::fromLatin1(hash.result().toHex());
}

// Reads, types, encodes and hashes rows on its own thread; hands chunks to the writer.
class RowParser
{
public:
    /// With \a decideVersions (a load into an empty workspace), each record's certificate
    /// version is decided here too.
    RowParser(TableSource &source, int headerColumns, const ColumnMapping &mapping,
              ContentHashText hashText, bool decideVersions, RowQueue &queue,
              std::atomic<qint64> &progress, std::atomic<qint64> &estimatedRows)
        : m_source(source)
        , m_headerColumns(headerColumns)
        , m_mapping(mapping)
        , m_context{source.dateSystem()}
        , m_hashText(hashText)
        , m_decideVersions(decideVersions)
        , m_queue(queue)
        , m_progress(progress)
        , m_estimatedRows(estimatedRows)
    {}

    void run()
    {
        if (CsvReader *csv = m_source.csvReader())
            readUtf8(*csv);
        else
            readStrings();
        if (m_used > 0)
            pushChunk();
        m_progress.store(m_source.done(), std::memory_order_relaxed);
        m_queue.close();
    }

private:
    // The next row of the chunk being filled: a spent row overwritten in place when the writer
    // has handed one back (its buffers keep their capacity), else a new one.
    ParsedRow &nextRow()
    {
        if (m_used == 0 && m_chunk.empty()) {
            m_queue.reuse(m_chunk);
            m_chunk.reserve(kChunkRows);
        }
        if (m_used < m_chunk.size())
            return m_chunk[m_used++];
        ++m_used;
        return m_chunk.emplace_back();
    }

    // False when the writer has stopped.
    bool rowDone()
    {
        if (m_used < kChunkRows)
            return true;
        return pushChunk();
    }

    bool pushChunk()
    {
        if (m_sampleBytes > 0) {
            estimateRows();
            m_sampleBytes = 0;
        }
        m_chunk.resize(m_used);
        markRepeats();
        m_used = 0;
        m_progress.store(m_source.done(), std::memory_order_relaxed);
        const bool pushed = m_queue.push(std::move(m_chunk));
        m_chunk = {};
        return pushed;
    }

    // The rows of the whole file, from the size of the first chunk's rows: the look-up tables
    // of both threads are made that large at once rather than grown (each growth re-places
    // every entry). Set before the first chunk is handed over, so the writer sees it.
    void estimateRows()
    {
        constexpr qint64 kMaxReserved = 16'000'000;
        const qint64 rows
            = std::min<qint64>(kMaxReserved, qint64(double(m_source.total()) * double(m_used)
                                                    / double(m_sampleBytes)));
        if (m_decideVersions)
            m_versions.reserve(std::size_t(rows));
        else
            m_seen.reserve(std::size_t(rows));
        m_estimatedRows.store(rows, std::memory_order_relaxed);
    }

    // Repeats within the file are found here, off the writing thread. Repeats of records already
    // in the workspace are left to the writer (record_identity). In a load into an empty
    // workspace every other good row is written, in this order, so its certificate version is
    // decided here as well, in the same look-up (CertificateVersions); otherwise a set holds the
    // content of every good row so far. A chunk at a time, with the slot of a row a few rows
    // ahead fetched into the cache meanwhile: the tables span tens of megabytes, and each
    // look-up is a cache miss (parse CPU 1.94-2.10 s -> 1.82-1.91 s on 1M records).
    void markRepeats()
    {
        constexpr std::size_t kAhead = 8;
        auto digestOf = [this](std::size_t k, DigestSet::Digest &d) {
            const ParsedRow &row = m_chunk[k];
            if (row.quarantined || row.contentHash.size() != sizeof(DigestSet::Digest::words))
                return false;
            d = DigestSet::fromBytes(row.contentHash.constData());
            return true;
        };
        if (!m_decideVersions) {
            DigestSet::Digest d;
            for (std::size_t k = 0; k < m_chunk.size(); ++k) {
                if (k + kAhead < m_chunk.size() && digestOf(k + kAhead, d))
                    m_seen.prefetch(d);
                ParsedRow &row = m_chunk[k];
                row.repeat = digestOf(k, d) && !m_seen.insert(d);
                row.version = 0;
                row.supersedes = -1;
            }
            return;
        }
        auto certificateOf = [this](std::size_t k) {
            return m_chunk[k].text.column(static_cast<int>(Field::CertificateNo));
        };
        m_certificateKeys.resize(m_chunk.size());
        for (std::size_t k = 0; k < m_chunk.size(); ++k)
            m_certificateKeys[k] = m_chunk[k].quarantined ? 0 : m_versions.keyOf(certificateOf(k));
        for (std::size_t k = 0; k < m_chunk.size(); ++k) {
            if (k + kAhead < m_chunk.size())
                m_versions.prefetch(m_certificateKeys[k + kAhead]);
            ParsedRow &row = m_chunk[k];
            row.repeat = false;
            row.version = 0;
            row.supersedes = -1;
            // A good row always has its content hash (the writer refuses one without).
            DigestSet::Digest d;
            if (!digestOf(k, d)) // quarantined
                continue;
            const CertificateVersions::Placement placed
                = m_versions.place(certificateOf(k), m_certificateKeys[k], d);
            row.repeat = placed.repeat;
            row.version = placed.version;
            row.supersedes = placed.supersedes;
        }
    }

    // The reference path: QString cells through parseRecord().
    void parseStrings(QStringList &fields, qint64 line, std::optional<RowIssue> &issue,
                      ParsedRow &out)
    {
        out = ParsedRow{};
        out.hasStrings = true;
        if (!issue)
            issue = parseRecord(fields, line, m_headerColumns, m_mapping, m_context, out.record,
                                out.extras);
        if (issue) {
            out.quarantined = true;
            out.issue = *issue;
            out.fields = std::move(fields);
        } else {
            encodeRecord(out.record, out.extras, out.text);
            out.contentHash = recordContentHash(out.record, m_hashText);
        }
    }

    void readStrings()
    {
        CsvRow row;
        std::optional<RowIssue> issue;
        while (m_source.next(row, issue)) {
            ParsedRow &out = nextRow();
            parseStrings(row.fields, row.line, issue, out);
            if (!rowDone())
                return;
        }
    }

    // CSV: good rows typed from their UTF-8 bytes; the rest (quarantine, lone surrogates) take
    // the reference path, which says why.
    void readUtf8(CsvReader &csv)
    {
        Utf8RecordParser fast(m_headerColumns, m_mapping, m_context, m_hashText);
        fast.setDigestsInPairs(true);
        CsvByteRow row;
        std::optional<RowIssue> issue;
        bool first = true;
        while (csv.nextBytes(row, issue)) {
            if (first) { // the size of the rows of the first chunk, delimiters and line ends
                for (const QByteArrayView field : row.fields)
                    m_sampleBytes += field.size() + 1;
                first = m_used + 1 < kChunkRows;
            }
            ParsedRow &out = nextRow();
            if (out.hasStrings)
                out = ParsedRow{};
            if (issue || !fast.parse(row.fields, row.line, csv.hasSurrogates(), out)) {
                QStringList fields;
                fields.reserve(qsizetype(row.fields.size()));
                for (const QByteArrayView field : row.fields)
                    fields.append(csv.toQString(field));
                parseStrings(fields, row.line, issue, out);
            }
            if (m_used == kChunkRows)
                fast.flushDigests(); // the chunk leaves with its last hash
            if (!rowDone())
                return;
        }
        fast.flushDigests();
    }

    TableSource &m_source;
    const int m_headerColumns;
    const ColumnMapping &m_mapping;
    const ParseContext m_context;
    const ContentHashText m_hashText;
    const bool m_decideVersions;
    RowQueue &m_queue;
    std::atomic<qint64> &m_progress;
    std::atomic<qint64> &m_estimatedRows;
    qint64 m_sampleBytes = 0; ///< CSV bytes of the rows of the first chunk, until it is sent
    RowQueue::Chunk m_chunk;
    std::size_t m_used = 0; ///< rows of m_chunk filled so far
    DigestSet m_seen;       ///< without m_decideVersions: content hashes of the good rows read
    CertificateVersions m_versions; ///< with m_decideVersions: the good rows read so far
    std::vector<std::uint64_t> m_certificateKeys; ///< of the chunk's rows, for m_versions
};

// Asks the kernel to start writing the file's dirty pages to disk now, without waiting for
// them. Only a hint; Linux only.
void startWriteback(const QString &path)
{
#ifdef __linux__
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    ::close(fd);
#else
    Q_UNUSED(path);
#endif
}

// Turns SQLite's foreign-key checks off on \a db for its lifetime, then restores them.
class ForeignKeysOff
{
public:
    explicit ForeignKeysOff(QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery q(m_db);
        m_wasOn = q.exec(u"PRAGMA foreign_keys"_s) && q.next() && q.value(0).toInt() == 1;
        if (m_wasOn)
            q.exec(u"PRAGMA foreign_keys = OFF"_s);
    }
    ~ForeignKeysOff()
    {
        if (m_wasOn)
            QSqlQuery(m_db).exec(u"PRAGMA foreign_keys = ON"_s);
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    QSqlDatabase &m_db;
    bool m_wasOn = false;
};

class ImportRun
{
public:
    ImportRun(Workspace &ws, const ImportOptions &options, CoreError *error)
        : m_ws(ws), m_options(options), m_error(error), m_writer(ws.database())
    {}

    std::optional<ImportSummary> run(const QString &filePath);

private:
    std::optional<ImportSummary> fail(ErrorCode code, const QString &detail)
    {
        if (m_error)
            *m_error = {code, detail};
        return std::nullopt;
    }
    bool resolveMapping(const QStringList &header, ColumnMapping &mapping);
    bool writeRows(TableSource &source, int headerColumns, const ColumnMapping &mapping, bool bulk);
    bool writeChunk(RowQueue::Chunk &chunk);

    Workspace &m_ws;
    const ImportOptions &m_options;
    CoreError *m_error;
    RecordWriter m_writer;
    // One chunk's records on their way to the writer, and its outcomes (capacity kept).
    std::vector<RecordRow> m_records;
    std::vector<const ParsedRow *> m_recordRows;
    std::vector<RecordWriter::Outcome> m_outcomes;
    ImportBatchInfo m_batch;
    ImportSummary m_summary;
    bool m_cancelled = false;
    QString m_parseFailure; ///< why the parsing thread stopped early, if it did
};

bool ImportRun::writeChunk(RowQueue::Chunk &chunk)
{
    m_records.clear();
    m_recordRows.clear();
    for (ParsedRow &row : chunk) {
        ++m_summary.rowsRead;
        if (row.quarantined) {
            ++m_summary.quarantined;
            ++m_summary.quarantineReasons[QString(rowIssueCodeKey(row.issue.code))];
            const QString raw = row.fields.join(m_summary.delimiter.isEmpty()
                                                    ? u"\t"_s : m_summary.delimiter);
            if (!m_writer.insertQuarantine(m_batch.id, row.issue, raw, row.fields))
                return false;
            continue;
        }
        if (row.repeat) { // found on the parsing thread
            ++m_summary.duplicates;
            continue;
        }
        // Typed, encoded and hashed on the parsing thread: the writer only writes.
        m_records.push_back(
            {&row.record, &row.text, &row.contentHash, row.version, row.supersedes});
        m_recordRows.push_back(&row);
    }
    if (!m_writer.insertRecords(m_batch.id, m_records, m_outcomes))
        return false;
    for (std::size_t k = 0; k < m_outcomes.size(); ++k) {
        switch (m_outcomes[k]) {
        case RecordWriter::Outcome::Failed:
            return false;
        case RecordWriter::Outcome::Duplicate:
            ++m_summary.duplicates;
            continue;
        case RecordWriter::Outcome::NewVersion:
            ++m_summary.newVersions;
            [[fallthrough]];
        case RecordWriter::Outcome::Inserted:
            ++m_summary.imported;
            break;
        }
        const RecordExtras &extras = m_recordRows[k]->extras;
        if (!extras.flags.isEmpty()) {
            ++m_summary.flagged;
            for (const RowIssue &flag : extras.flags)
                ++m_summary.flagReasons[rowIssueCodeKey(flag.code) + u':' + flag.detail];
        }
    }
    return true;
}

bool ImportRun::writeRows(TableSource &source, int headerColumns, const ColumnMapping &mapping,
                          bool bulk)
{
    RowQueue queue(kChunksInFlight);
    std::atomic<qint64> progress{0};
    std::atomic<qint64> estimatedRows{0};
    const double cpuStart = threadCpuMs();
    std::thread parser([&] {
        const double start = threadCpuMs();
        try {
            RowParser(source, headerColumns, mapping, m_writer.contentHashText(), bulk, queue,
                      progress, estimatedRows)
                .run();
        } catch (const std::exception &e) { // out of memory, say: the import fails, nothing kept
            m_parseFailure = QString::fromLocal8Bit(e.what());
            queue.cancel();
        }
        m_summary.timings.parseCpu = threadCpuMs() - start;
    });
    bool ok = true;
    RowQueue::Chunk chunk;
    bool reserved = false;
    while (queue.pop(chunk)) {
        if (!std::exchange(reserved, true))
            m_writer.reserveRows(estimatedRows.load(std::memory_order_relaxed));
        if (!writeChunk(chunk)) {
            ok = false;
            break;
        }
        queue.recycle(std::move(chunk));
        chunk = {};
        if (m_options.progress
            && !m_options.progress(progress.load(std::memory_order_relaxed), source.total())) {
            m_cancelled = true;
            ok = false;
            break;
        }
    }
    queue.cancel(); // releases a parser blocked on a full queue
    parser.join();
    m_summary.timings.writeCpu = threadCpuMs() - cpuStart;
    return ok && m_parseFailure.isEmpty();
}

bool ImportRun::resolveMapping(const QStringList &header, ColumnMapping &mapping)
{
    mapping = ColumnMapping::suggest(header);
    if (m_options.mappingProfile) {
        const auto fromProfile =
            ColumnMapping::fromProfile(*m_options.mappingProfile, header, m_error);
        if (!fromProfile)
            return false;
        mapping = *fromProfile;
    }
    if (const QList<Field> missing = mapping.missingRequired(); !missing.isEmpty()) {
        QStringList names;
        for (Field f : missing)
            names.append(QString::fromUtf8(fieldInfo(f).chineseHeader));
        fail(ErrorCode::MissingRequiredColumns, names.join(u", "_s));
        return false;
    }
    return true;
}

std::optional<ImportSummary> ImportRun::run(const QString &filePath)
{
    QElapsedTimer timer;
    timer.start();
    const QFileInfo info(filePath);
    if (!info.exists())
        return fail(ErrorCode::FileNotFound, filePath);
    // Reading options: the caller's, else those stored in the mapping profile, else detection.
    const QJsonObject profileOptions =
        m_options.mappingProfile ? m_options.mappingProfile->value("options"_L1).toObject()
                                 : QJsonObject();
    QString encodingChoice = m_options.encoding;
    if ((encodingChoice.isEmpty() || encodingChoice == "auto"_L1)
        && profileOptions.contains("encoding"_L1))
        encodingChoice = profileOptions.value("encoding"_L1).toString();
    SourceOptions sourceOptions;
    if (!encodingChoice.isEmpty() && encodingChoice != "auto"_L1) {
        sourceOptions.encoding = canonicalEncodingName(encodingChoice);
        if (sourceOptions.encoding.isEmpty())
            return fail(ErrorCode::UnknownEncoding, encodingChoice);
    }
    sourceOptions.delimiter = m_options.delimiter;
    const QString profileDelimiter = profileOptions.value("delimiter"_L1).toString();
    if (!sourceOptions.delimiter && profileDelimiter.size() == 1)
        sourceOptions.delimiter = profileDelimiter.front();
    sourceOptions.sheet = m_options.sheet.isEmpty()
                              ? profileOptions.value("sheet"_L1).toString() : m_options.sheet;

    auto source = TableSource::open(filePath, sourceOptions, m_error);
    if (!source)
        return std::nullopt;
    CsvRow header;
    std::optional<RowIssue> headerIssue;
    if (!source->next(header, headerIssue) || headerIssue)
        return fail(ErrorCode::EmptyFile, filePath);
    ColumnMapping mapping;
    if (!resolveMapping(header.fields, mapping))
        return std::nullopt;
    source->setExpectedFields(static_cast<int>(header.fields.size()));

    m_summary.fileName = info.fileName();
    m_summary.fileSize = info.size();
    m_summary.sourceKind = source->kind() == SourceKind::Xlsx ? u"xlsx"_s : u"csv"_s;
    m_summary.sheet = source->sheet();
    m_summary.encoding = source->encoding();
    m_summary.delimiter = source->delimiter();
    m_summary.mappingProfile = mapping.toProfile(header.fields);
    if (!m_options.mappingProfileName.isEmpty())
        m_summary.mappingProfile.insert(u"name"_s, m_options.mappingProfileName);
    m_batch.fileName = m_summary.fileName;
    m_batch.fileSize = m_summary.fileSize;
    m_batch.encoding = m_summary.encoding;
    m_batch.delimiter = m_summary.delimiter;
    m_batch.importedAt = QDateTime::currentDateTimeUtc();
    m_batch.userName = m_options.userName;
    m_batch.mappingJson = QString::fromUtf8(
        QJsonDocument(m_summary.mappingProfile).toJson(QJsonDocument::Compact));
    m_batch.sourceKind = m_summary.sourceKind;
    m_batch.sheet = m_summary.sheet;
    m_batch.profileName = m_options.mappingProfileName;
    m_batch.headerJson = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(header.fields)).toJson(QJsonDocument::Compact));
    m_batch.date1904 = source->dateSystem() == DateSystem::Excel1904;

    QSqlDatabase &db = m_ws.database();
    QSqlQuery pragma(db);
    // 512 MiB of page cache: random-keyed record identities must not spill mid-transaction.
    pragma.exec(u"PRAGMA cache_size = -524288"_s);
    // The batch row goes in first and every record and quarantined row gets its id, so no row
    // of the import can break a foreign key; SQLite's check of each one (a look-up of the batch
    // per row) was a tenth of the writer's time (docs/import.md, Speed). Set outside the
    // transaction, where SQLite honours it; the workspace's setting is back once it has ended.
    const ForeignKeysOff foreignKeysOff(db);
    if (!db.transaction())
        return fail(ErrorCode::DatabaseError, u"begin transaction"_s);
    bool bulk = false;
    // In a bulk load the parsing thread decides the certificate versions; otherwise the writer
    // places each record among those in the workspace.
    bool ok = (!m_options.allowBulkLoad || m_writer.beginBulkLoad(&bulk)) && m_writer.prepare()
              && (bulk || m_writer.trackVersions())
              && (m_batch.id = m_writer.insertBatch(m_batch)) > 0;
    // The file's hash is provenance only. In a bulk load it is computed after the rows, beside
    // the sorted write of the record identities, which keeps one core busy (during the rows both
    // are); otherwise beside the rows.
    auto hashFile = [&filePath] { return std::async(std::launch::async, sha256Of, filePath); };
    std::future<QString> fileHash;
    if (ok && !bulk)
        fileHash = hashFile();
    QElapsedTimer phase;
    phase.start();
    ok = ok && writeRows(*source, static_cast<int>(header.fields.size()), mapping, bulk);
    m_summary.timings.rows = static_cast<double>(phase.nsecsElapsed()) * 1e-6;
    const bool broken = ok && source->failed();
    // The rows reach the disk while the identities are written (the call can block for a while
    // on a busy queue, hence its own thread); the commit's sync then has little left to wait for.
    std::future<void> writeback;
    if (ok && !broken)
        writeback = std::async(std::launch::async, startWriteback, m_ws.path());
    if (ok && !broken && bulk)
        fileHash = hashFile();
    phase.restart();
    ok = ok && !broken && m_writer.endBulkLoad();
    m_summary.timings.indexes = static_cast<double>(phase.nsecsElapsed()) * 1e-6;
    if (ok) {
        m_batch.rowsRead = m_summary.rowsRead;
        m_batch.imported = m_summary.imported;
        m_batch.duplicates = m_summary.duplicates;
        m_batch.quarantined = m_summary.quarantined;
        m_batch.newVersions = m_summary.newVersions;
        m_summary.sha256 = fileHash.get();
        m_batch.sha256 = m_summary.sha256;
        m_writer.finish();
        phase.restart();
        if (writeback.valid())
            writeback.wait();
        ok = m_writer.updateBatchCounts(m_batch) && db.commit();
        m_summary.timings.commit = static_cast<double>(phase.nsecsElapsed()) * 1e-6;
    }
    if (!ok) {
        m_writer.finish();
        db.rollback();
        if (m_cancelled)
            return fail(ErrorCode::Cancelled, filePath);
        if (!m_parseFailure.isEmpty())
            return fail(ErrorCode::FileUnreadable, filePath + u" ("_s + m_parseFailure + u')');
        if (broken) {
            const QString where = source->failure();
            return fail(ErrorCode::FileUnreadable,
                        where.isEmpty() ? filePath : filePath + u" ("_s + where + u')');
        }
        return fail(ErrorCode::DatabaseError, m_writer.lastError());
    }
    m_summary.batchId = m_batch.id;
    m_summary.elapsedMs = timer.elapsed();
    return m_summary;
}

} // namespace

std::optional<ImportSummary> importFile(Workspace &workspace, const QString &filePath,
                                        const ImportOptions &options, CoreError *error)
{
    ImportRun run(workspace, options, error);
    return run.run(filePath);
}

std::optional<ImportSummary> importCsvFile(Workspace &workspace, const QString &filePath,
                                           const ImportOptions &options, CoreError *error)
{
    return importFile(workspace, filePath, options, error);
}

} // namespace metroeval::core
