// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/cleaner.h"
#include "storage/workspace.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace metroeval::test {

/// \brief A fresh workspace in \a dir.
std::unique_ptr<core::Workspace> freshWorkspace(const QTemporaryDir &dir);

/// \brief Inserts the rows of tests/data/cleaning/<name> (UTF-8, comma-separated, no quotes,
/// the sample export's 20 columns) straight into table `record` as one batch, typed with
/// io/valueparser.h, so that the cleaning tests do not depend on the importer's rules.
/// Returns the number of rows inserted, −1 on error.
int loadFixture(core::Workspace &workspace, const QString &name);

/// \brief Options of the fixture tests: default rules, "today" fixed at 2025-06-01.
core::cleaning::CleaningOptions fixtureOptions(bool autoAliases);

/// \brief Value of \a column in record_effective (or \a table) for the record with \a certificate
/// (the one with the highest id when several); empty when none.
QString effectiveValue(core::Workspace &workspace, const QString &certificate,
                       const QString &column,
                       const QString &table = QStringLiteral("record_effective"));

/// \brief Rules of the findings on records with \a certificate, sorted.
QStringList findingRules(core::Workspace &workspace, const QString &certificate);

qint64 scalar(core::Workspace &workspace, const QString &sql);

} // namespace metroeval::test
