// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace metroeval::core::schema {

/// \brief Highest schema version known to this build.
int latestVersion();

/// \brief Applies migrations from the database's PRAGMA user_version up to \a target, each in the
/// caller's transaction. Returns an empty string or the failing statement and driver message.
QString migrate(QSqlDatabase &db, int target);

int userVersion(const QSqlDatabase &db);

} // namespace metroeval::core::schema
