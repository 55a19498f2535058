// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/mappingprofiles.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace metroeval::core {

using namespace Qt::StringLiterals;

bool saveMappingProfile(QSqlDatabase &db, const QString &name, const QJsonObject &profile,
                        CoreError *error)
{
    QJsonObject stored = profile;
    stored.insert(u"name"_s, name);
    QSqlQuery q(db);
    q.prepare(u"INSERT OR REPLACE INTO mapping_profile (name, profile_json, updated_at)"
              " VALUES (?, ?, ?)"_s);
    q.addBindValue(name);
    q.addBindValue(QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (q.exec())
        return true;
    if (error)
        *error = {ErrorCode::DatabaseError, q.lastError().text()};
    return false;
}

std::optional<QJsonObject> loadMappingProfile(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT profile_json FROM mapping_profile WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

QStringList listMappingProfiles(QSqlDatabase &db)
{
    QStringList names;
    QSqlQuery q(u"SELECT name FROM mapping_profile ORDER BY name"_s, db);
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

bool removeMappingProfile(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM mapping_profile WHERE name = ?"_s);
    q.addBindValue(name);
    return q.exec() && q.numRowsAffected() == 1;
}

std::optional<QJsonObject> readMappingProfileFile(const QString &path, CoreError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {ErrorCode::FileUnreadable, path};
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()
        || doc.object().value("format"_L1).toString() != "metroeval-mapping/1"_L1) {
        if (error)
            *error = {ErrorCode::InvalidMapping,
                      doc.isObject() ? u"format"_s : parseError.errorString()};
        return std::nullopt;
    }
    return doc.object();
}

bool writeMappingProfileFile(const QString &path, const QJsonObject &profile, CoreError *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(profile).toJson(QJsonDocument::Indented));
        if (file.commit())
            return true;
    }
    if (error)
        *error = {ErrorCode::FileUnwritable, path};
    return false;
}

} // namespace metroeval::core
