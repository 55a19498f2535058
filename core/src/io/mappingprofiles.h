// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace metroeval::core {

/// \brief Named mapping profiles kept in the workspace (table mapping_profile). The JSON is the
/// file format of docs/mapping-profile.md, so a profile saved here can be written to a file and
/// used with `metroeval-cli import --mapping`, and the other way round.
bool saveMappingProfile(QSqlDatabase &db, const QString &name, const QJsonObject &profile,
                        CoreError *error);
std::optional<QJsonObject> loadMappingProfile(QSqlDatabase &db, const QString &name);
QStringList listMappingProfiles(QSqlDatabase &db);
bool removeMappingProfile(QSqlDatabase &db, const QString &name);

/// \brief Reads a profile file; InvalidMapping when it is no JSON object of format
/// "metroeval-mapping/1", FileUnreadable when it cannot be read.
std::optional<QJsonObject> readMappingProfileFile(const QString &path, CoreError *error);
bool writeMappingProfileFile(const QString &path, const QJsonObject &profile, CoreError *error);

} // namespace metroeval::core
