// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/recordstore.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QVariant>

#include <cmath>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
QVariant dayOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(date.toJulianDay()) : QVariant(QMetaType(QMetaType::LongLong));
}

// Text columns are NOT NULL: a null QString would bind as SQL NULL, so bind '' instead.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

QVariant realOrNull(double value)
{
    return std::isnan(value) ? QVariant(QMetaType(QMetaType::Double)) : QVariant(value);
}
} // namespace

QByteArray recordContentHash(const VerificationRecord &record)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &value : record.raw) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(value.utf16()),
                                    value.size() * qsizetype(sizeof(char16_t))));
        hash.addData(QByteArrayView("\x1f\x00", 2));
    }
    return hash.result();
}

RecordWriter::RecordWriter(QSqlDatabase &db)
    : m_db(db)
    , m_insertRecord(db)
    , m_insertQuarantine(db)
{}

bool RecordWriter::prepare()
{
    QString columns = u"batch_id, source_line, content_hash"_s;
    QString params = u"?, ?, ?"_s;
    for (const FieldInfo &info : allFields()) {
        columns += u", "_s + info.key;
        params += u", ?"_s;
    }
    columns += u", verification_day, due_day, manufacture_day, passed, max_error_value, mpe_value"_s;
    params += u", ?, ?, ?, ?, ?, ?"_s;
    if (!m_insertRecord.prepare(u"INSERT OR IGNORE INTO record ("_s + columns + u") VALUES ("_s
                                + params + u")"_s)) {
        m_lastError = m_insertRecord.lastError().text();
        return false;
    }
    if (!m_insertQuarantine.prepare(
            u"INSERT INTO quarantine (batch_id, source_line, column_index, code, detail, raw_text)"
            " VALUES (?, ?, ?, ?, ?, ?)"_s)) {
        m_lastError = m_insertQuarantine.lastError().text();
        return false;
    }
    return true;
}

qint64 RecordWriter::insertBatch(const ImportBatchInfo &b)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO import_batch (file_name, file_size, sha256, encoding, delimiter,"
              " imported_at, user_name, mapping, rows_read, imported, duplicates, quarantined)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &v : {text(b.fileName), QVariant(b.fileSize), text(b.sha256),
                              text(b.encoding), text(b.delimiter),
                              text(b.importedAt.toString(Qt::ISODate)), text(b.userName),
                              text(b.mappingJson), QVariant(b.rowsRead), QVariant(b.imported),
                              QVariant(b.duplicates), QVariant(b.quarantined)})
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
              " quarantined = ? WHERE id = ?"_s);
    for (const qint64 v : {b.rowsRead, b.imported, b.duplicates, b.quarantined, b.id})
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool RecordWriter::insertRecord(qint64 batchId, const VerificationRecord &r, bool *duplicate)
{
    QSqlQuery &q = m_insertRecord;
    int i = 0;
    q.bindValue(i++, batchId);
    q.bindValue(i++, r.sourceLine);
    q.bindValue(i++, recordContentHash(r));
    for (const QString &value : r.raw)
        q.bindValue(i++, text(value));
    q.bindValue(i++, dayOrNull(r.verificationDate));
    q.bindValue(i++, dayOrNull(r.dueDate));
    q.bindValue(i++, dayOrNull(r.manufactureDate));
    q.bindValue(i++, r.passed ? QVariant(int(*r.passed)) : QVariant(QMetaType(QMetaType::Int)));
    q.bindValue(i++, realOrNull(r.maxError));
    q.bindValue(i++, realOrNull(r.mpe));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    *duplicate = q.numRowsAffected() == 0;
    return true;
}

bool RecordWriter::insertQuarantine(qint64 batchId, const RowIssue &issue, const QString &rawText)
{
    QSqlQuery &q = m_insertQuarantine;
    q.bindValue(0, batchId);
    q.bindValue(1, issue.line);
    q.bindValue(2, issue.column);
    q.bindValue(3, QString(rowIssueCodeKey(issue.code)));
    q.bindValue(4, text(issue.detail));
    q.bindValue(5, text(rawText));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

qint64 countRecords(QSqlDatabase &db)
{
    QSqlQuery q(u"SELECT COUNT(*) FROM record"_s, db);
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<ImportBatchInfo> listBatches(QSqlDatabase &db)
{
    QList<ImportBatchInfo> batches;
    QSqlQuery q(u"SELECT id, file_name, file_size, sha256, encoding, delimiter, imported_at,"
                " user_name, mapping, rows_read, imported, duplicates, quarantined"
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
        batches.append(b);
    }
    return batches;
}

} // namespace metroeval::core
