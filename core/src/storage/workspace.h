// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace metroeval::core {

/// \brief An open workspace: one SQLite file (`*.metroeval`) holding data, provenance and results.
///
/// Opening creates the file when it does not exist and migrates older schemas to the current
/// version (PRAGMA user_version) in one transaction. One instance owns one named connection; use it
/// from the thread that opened it.
class Workspace
{
public:
    /// The schema version this build writes. Migrations live in schema.cpp.
    static int currentSchemaVersion();

    /// The page size of a newly created workspace file, in bytes.
    static constexpr int kNewPageSize = 65536; ///< SQLite's largest

    static std::unique_ptr<Workspace> open(const QString &path, CoreError *error);

    /// Opens or creates and migrates only up to \a version: for migration tests.
    static std::unique_ptr<Workspace> openAtVersion(const QString &path, int version,
                                                    CoreError *error);

    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    QString path() const { return m_path; }
    int schemaVersion() const;
    QSqlDatabase &database() { return m_db; }

private:
    Workspace(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace metroeval::core
