// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaningtestsupport.h"

#include "io/valueparser.h"
#include "model/field.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace metroeval::test {

using namespace Qt::StringLiterals;

std::unique_ptr<core::Workspace> freshWorkspace(const QTemporaryDir &dir)
{
    core::CoreError error;
    return core::Workspace::open(dir.filePath(u"test.metroeval"_s), &error);
}

int loadFixture(core::Workspace &workspace, const QString &name)
{
    QFile file(QStringLiteral(METROEVAL_TEST_DATA_DIR) + u"/cleaning/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QSqlDatabase &db = workspace.database();
    QSqlQuery q(db);
    q.prepare(
        u"INSERT INTO import_batch (file_name, file_size, sha256, encoding, delimiter,"
        " imported_at, user_name, mapping, rows_read, imported, duplicates, quarantined)"
        " VALUES (?, 0, '', 'utf-8', ',', '2025-06-01T00:00:00Z', 'test', '{}', ?, ?, 0, 0)"_s);
    q.addBindValue(name);
    q.addBindValue(lines.size() - 1);
    q.addBindValue(lines.size() - 1);
    if (!q.exec())
        return -1;
    const qint64 batch = q.lastInsertId().toLongLong();
    QString columns = u"batch_id, source_line, content_hash"_s;
    QString params = u"?, ?, ?"_s;
    for (const core::FieldInfo &info : core::allFields()) {
        columns += u", "_s + info.key;
        params += u", ?"_s;
    }
    columns
        += u", verification_day, due_day, manufacture_day, passed, max_error_value, mpe_value"_s;
    params += u", ?, ?, ?, ?, ?, ?"_s;
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO record ("_s + columns + u") VALUES ("_s + params + u")"_s);
    auto day = [](const QString &text) {
        const auto d = core::parseDate(text);
        return d ? QVariant(d->toJulianDay()) : QVariant(QMetaType(QMetaType::LongLong));
    };
    auto number = [](const QString &text) {
        const auto v = core::parseLeadingNumber(text);
        return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
    };
    int inserted = 0;
    for (qsizetype line = 1; line < lines.size(); ++line) {
        const QStringList f = lines[line].trimmed().split(u',');
        if (f.size() != core::kFieldCount)
            return -1;
        insert.addBindValue(batch);
        insert.addBindValue(line + 1);
        insert.addBindValue(QCryptographicHash::hash(
            (QString::number(batch) + lines[line]).toUtf8(), QCryptographicHash::Sha256));
        for (const QString &value : f)
            insert.addBindValue(value);
        const auto at = [&f](core::Field field) {
            return f[int(field)];
        };
        insert.addBindValue(day(at(core::Field::VerificationDate)));
        insert.addBindValue(day(at(core::Field::DueDate)));
        insert.addBindValue(day(at(core::Field::ManufactureDate)));
        const auto passed = core::parseConclusion(at(core::Field::Conclusion));
        insert.addBindValue(passed ? QVariant(int(*passed)) : QVariant(QMetaType(QMetaType::Int)));
        insert.addBindValue(number(at(core::Field::MaxError)));
        insert.addBindValue(number(at(core::Field::Mpe)));
        if (!insert.exec())
            return -1;
        ++inserted;
    }
    return inserted;
}

core::cleaning::CleaningOptions fixtureOptions(bool autoAliases)
{
    core::cleaning::CleaningOptions options;
    options.rules.today = QDate(2025, 6, 1);
    options.userName = u"tester"_s;
    options.acceptAliases
        = autoAliases ? core::cleaning::AcceptAliases::Auto : core::cleaning::AcceptAliases::None;
    return options;
}

QString effectiveValue(core::Workspace &workspace, const QString &certificate,
                       const QString &column, const QString &table)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"SELECT "_s + column + u" FROM "_s + table
              + u" WHERE certificate_no = ? ORDER BY id DESC LIMIT 1"_s);
    q.addBindValue(certificate);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

QStringList findingRules(core::Workspace &workspace, const QString &certificate)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"SELECT f.rule FROM cleaning_finding f JOIN record r ON r.id = f.record_id"
              " WHERE r.certificate_no = ? ORDER BY f.rule"_s);
    q.addBindValue(certificate);
    QStringList out;
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

qint64 scalar(core::Workspace &workspace, const QString &sql)
{
    QSqlQuery q(sql, workspace.database());
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace metroeval::test
