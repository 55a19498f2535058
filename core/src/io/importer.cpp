// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importer.h"

#include "io/csvreader.h"
#include "io/recordparser.h"
#include "io/textdecoding.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace metroeval::core {

using namespace Qt::StringLiterals;

QJsonObject ImportSummary::toJson() const
{
    QJsonObject reasons;
    for (auto it = quarantineReasons.begin(); it != quarantineReasons.end(); ++it)
        reasons.insert(it.key(), it.value());
    return {
        {u"batch_id"_s, batchId},
        {u"file"_s, fileName},
        {u"sha256"_s, sha256},
        {u"encoding"_s, encoding},
        {u"delimiter"_s, delimiter},
        {u"rows_read"_s, rowsRead},
        {u"imported"_s, imported},
        {u"duplicates"_s, duplicates},
        {u"quarantined"_s, quarantined},
        {u"quarantine_reasons"_s, reasons},
        {u"mapping"_s, mappingProfile},
    };
}

namespace {

QString sha256Of(QFile &file)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    file.seek(0);
    return QString::fromLatin1(hash.result().toHex());
}

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
    bool readRows(CsvReader &reader, qint64 fileSize, int headerColumns,
                  const ColumnMapping &mapping);
    void quarantine(const RowIssue &issue, const QString &raw);

    Workspace &m_ws;
    const ImportOptions &m_options;
    CoreError *m_error;
    RecordWriter m_writer;
    ImportBatchInfo m_batch;
    ImportSummary m_summary;
    bool m_writeFailed = false;
    bool m_cancelled = false;
};

void ImportRun::quarantine(const RowIssue &issue, const QString &raw)
{
    ++m_summary.quarantined;
    ++m_summary.quarantineReasons[QString(rowIssueCodeKey(issue.code))];
    if (!m_writer.insertQuarantine(m_batch.id, issue, raw))
        m_writeFailed = true;
}

bool ImportRun::readRows(CsvReader &reader, qint64 fileSize, int headerColumns,
                         const ColumnMapping &mapping)
{
    CsvRow row;
    std::optional<RowIssue> issue;
    VerificationRecord record;
    const QString delimiter(reader.delimiter());
    while (!m_writeFailed && reader.next(row, issue)) {
        ++m_summary.rowsRead;
        if (!issue)
            issue = parseRecord(row.fields, row.line, headerColumns, mapping, record);
        if (issue) {
            quarantine(*issue, row.fields.join(delimiter));
        } else {
            bool duplicate = false;
            if (!m_writer.insertRecord(m_batch.id, record, &duplicate))
                m_writeFailed = true;
            ++(duplicate ? m_summary.duplicates : m_summary.imported);
        }
        if (m_options.progress && (m_summary.rowsRead & 0x3FFF) == 0
            && !m_options.progress(reader.bytesRead(), fileSize)) {
            m_cancelled = true;
            return false;
        }
    }
    return !m_writeFailed;
}

std::optional<ImportSummary> ImportRun::run(const QString &filePath)
{
    QFile file(filePath);
    if (!file.exists())
        return fail(ErrorCode::FileNotFound, filePath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, filePath);
    QByteArray encoding;
    if (m_options.encoding != "auto"_L1 && !m_options.encoding.isEmpty()) {
        encoding = canonicalEncodingName(m_options.encoding);
        if (encoding.isEmpty())
            return fail(ErrorCode::UnknownEncoding, m_options.encoding);
    }
    m_summary.sha256 = sha256Of(file);
    CsvReader reader(&file, {encoding, std::nullopt});
    if (!reader.start())
        return fail(ErrorCode::UnknownEncoding, QString::fromLatin1(encoding));
    CsvRow header;
    std::optional<RowIssue> headerIssue;
    if (!reader.next(header, headerIssue) || headerIssue)
        return fail(ErrorCode::EmptyFile, filePath);

    ColumnMapping mapping = ColumnMapping::suggest(header.fields);
    if (m_options.mappingProfile) {
        const auto fromProfile =
            ColumnMapping::fromProfile(*m_options.mappingProfile, header.fields, m_error);
        if (!fromProfile)
            return std::nullopt;
        mapping = *fromProfile;
    }
    if (const QList<Field> missing = mapping.missingRequired(); !missing.isEmpty()) {
        QStringList names;
        for (Field f : missing)
            names.append(QString::fromUtf8(fieldInfo(f).chineseHeader));
        return fail(ErrorCode::MissingRequiredColumns, names.join(u", "_s));
    }

    m_summary.fileName = QFileInfo(filePath).fileName();
    m_summary.encoding = QString::fromLatin1(reader.encodingName());
    m_summary.delimiter = QString(reader.delimiter());
    m_summary.mappingProfile = mapping.toProfile(header.fields);
    m_batch = {0, m_summary.fileName, file.size(), m_summary.sha256, m_summary.encoding,
               m_summary.delimiter, QDateTime::currentDateTimeUtc(), m_options.userName,
               QString::fromUtf8(QJsonDocument(m_summary.mappingProfile).toJson(
                   QJsonDocument::Compact))};

    QSqlDatabase &db = m_ws.database();
    if (!db.transaction())
        return fail(ErrorCode::DatabaseError, u"begin transaction"_s);
    bool ok = m_writer.prepare() && (m_batch.id = m_writer.insertBatch(m_batch)) > 0;
    ok = ok && readRows(reader, file.size(), static_cast<int>(header.fields.size()), mapping);
    if (ok) {
        m_batch.rowsRead = m_summary.rowsRead;
        m_batch.imported = m_summary.imported;
        m_batch.duplicates = m_summary.duplicates;
        m_batch.quarantined = m_summary.quarantined;
        ok = m_writer.updateBatchCounts(m_batch) && db.commit();
    }
    if (!ok) {
        db.rollback();
        if (m_cancelled)
            return fail(ErrorCode::Cancelled, filePath);
        return fail(ErrorCode::DatabaseError, m_writer.lastError());
    }
    m_summary.batchId = m_batch.id;
    return m_summary;
}

} // namespace

std::optional<ImportSummary> importCsvFile(Workspace &workspace, const QString &filePath,
                                           const ImportOptions &options, CoreError *error)
{
    ImportRun run(workspace, options, error);
    return run.run(filePath);
}

} // namespace metroeval::core
