// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/quarantine.h"

#include "io/columnmapping.h"
#include "io/recordparser.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
QStringList jsonStrings(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toString());
    return out;
}
} // namespace

QList<QuarantinedRow> listQuarantine(QSqlDatabase &db, bool openOnly)
{
    QList<QuarantinedRow> rows;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.exec(u"SELECT q.id, q.batch_id, b.file_name, q.source_line, q.column_index, q.code,"
           " q.detail, q.raw_text, q.fields_json, q.status FROM quarantine q"
           " JOIN import_batch b ON b.id = q.batch_id"_s
           + (openOnly ? u" WHERE q.status = 'open'"_s : QString()) + u" ORDER BY q.id"_s);
    while (q.next()) {
        QuarantinedRow r;
        r.id = q.value(0).toLongLong();
        r.batchId = q.value(1).toLongLong();
        r.fileName = q.value(2).toString();
        r.line = q.value(3).toLongLong();
        r.column = q.value(4).toInt();
        r.code = q.value(5).toString();
        r.detail = q.value(6).toString();
        r.rawText = q.value(7).toString();
        r.fields = jsonStrings(q.value(8).toString());
        r.status = q.value(9).toString();
        rows.append(r);
    }
    return rows;
}

QStringList batchHeader(QSqlDatabase &db, qint64 batchId)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT header_json FROM import_batch WHERE id = ?"_s);
    q.addBindValue(batchId);
    return q.exec() && q.next() ? jsonStrings(q.value(0).toString()) : QStringList();
}

std::optional<ReimportResult> reimportQuarantinedRow(Workspace &workspace, qint64 quarantineId,
                                                     const QStringList &fields, CoreError *error)
{
    QSqlDatabase &db = workspace.database();
    bool inTransaction = false;
    auto fail = [&](ErrorCode code, const QString &detail) -> std::optional<ReimportResult> {
        if (inTransaction)
            db.rollback();
        if (error)
            *error = {code, detail};
        return std::nullopt;
    };
    QSqlQuery q(db);
    q.prepare(u"SELECT q.batch_id, q.source_line, q.status, b.mapping, b.header_json, b.date1904"
              " FROM quarantine q JOIN import_batch b ON b.id = q.batch_id WHERE q.id = ?"_s);
    q.addBindValue(quarantineId);
    if (!q.exec() || !q.next() || q.value(2).toString() != "open"_L1)
        return fail(ErrorCode::NoData, QString::number(quarantineId));
    const qint64 batchId = q.value(0).toLongLong();
    const qint64 line = q.value(1).toLongLong();
    const QStringList header = jsonStrings(q.value(4).toString());
    const ParseContext context{q.value(5).toInt() ? DateSystem::Excel1904 : DateSystem::Excel1900};
    const auto mapping = ColumnMapping::fromProfile(
        QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object(), header, error);
    if (!mapping)
        return std::nullopt;
    q.finish();

    VerificationRecord record;
    RecordExtras extras;
    ReimportResult result;
    result.issue = parseRecord(fields, line, static_cast<int>(header.size()), *mapping, context,
                               record, extras);
    if (!db.transaction())
        return fail(ErrorCode::DatabaseError, db.lastError().text());
    inTransaction = true;
    QSqlQuery u(db);
    const QString fieldsJson = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(fields)).toJson(QJsonDocument::Compact));
    if (result.issue) {
        u.prepare(u"UPDATE quarantine SET code = ?, detail = ?, column_index = ?, fields_json = ?"
                  " WHERE id = ?"_s);
        for (const QVariant &v : {QVariant(QString(rowIssueCodeKey(result.issue->code))),
                                  QVariant(result.issue->detail), QVariant(result.issue->column),
                                  QVariant(fieldsJson), QVariant(quarantineId)})
            u.addBindValue(v);
        if (!u.exec() || !db.commit())
            return fail(ErrorCode::DatabaseError, u.lastError().text());
        return result;
    }
    QString countColumn;
    {
        RecordWriter writer(db);
        if (!writer.prepare())
            return fail(ErrorCode::DatabaseError, writer.lastError());
        const QByteArray hash = recordContentHash(record, writer.contentHashText());
        switch (writer.insertRecord(batchId, record, extras, hash, &result.recordId)) {
        case RecordWriter::Outcome::Failed:
            return fail(ErrorCode::DatabaseError, writer.lastError());
        case RecordWriter::Outcome::Duplicate:
            result.kind = ReimportResult::Kind::Duplicate;
            countColumn = u"duplicates = duplicates + 1"_s;
            break;
        case RecordWriter::Outcome::NewVersion:
            result.kind = ReimportResult::Kind::NewVersion;
            countColumn = u"imported = imported + 1, new_versions = new_versions + 1"_s;
            break;
        case RecordWriter::Outcome::Inserted:
            result.kind = ReimportResult::Kind::Imported;
            countColumn = u"imported = imported + 1"_s;
            break;
        }
        writer.finish();
    }
    u.prepare(u"UPDATE quarantine SET status = ?, resolved_record_id = ?, resolved_at = ?,"
              " fields_json = ? WHERE id = ?"_s);
    const bool duplicate = result.kind == ReimportResult::Kind::Duplicate;
    for (const QVariant &v :
         {QVariant(duplicate ? u"duplicate"_s : u"resolved"_s),
          duplicate ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(result.recordId),
          QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)), QVariant(fieldsJson),
          QVariant(quarantineId)})
        u.addBindValue(v);
    QSqlQuery b(db);
    b.prepare(u"UPDATE import_batch SET quarantined = quarantined - 1, corrected = corrected + 1, "_s
              + countColumn + u" WHERE id = ?"_s);
    b.addBindValue(batchId);
    if (!u.exec() || !b.exec() || !db.commit())
        return fail(ErrorCode::DatabaseError, u.lastError().text() + b.lastError().text());
    return result;
}

} // namespace metroeval::core
