// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importer.h"
#include "sample/samplewriter.h"
#include "storage/workspace.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace metroeval::test {

/// \brief tests/data/import/<name>.
QString importFixture(const QString &name);

/// \brief The sample generator's export of \a records records (seed \a seed, the XLSX as
/// \a xlsx says, the CSV in \a encoding) written to sampleFile(dir, ...); its outcome.
sample::SampleResult writeSampleExport(const QTemporaryDir &dir, std::uint64_t records,
                                       std::uint64_t seed, sample::XlsxMode xlsx,
                                       sample::CsvEncoding encoding = sample::CsvEncoding::Utf8Bom);

/// \brief Where writeSampleExport() put \a name ("export.csv", "export.xlsx"...).
QString sampleFile(const QTemporaryDir &dir, const QString &name);

/// \brief A fresh workspace in \a dir.
std::unique_ptr<core::Workspace> freshWorkspace(const QTemporaryDir &dir);

/// \brief Imports \a path into \a ws; on failure the error is stored in \a error.
std::optional<core::ImportSummary> importInto(core::Workspace &ws, const QString &path,
                                              const core::ImportOptions &options = {},
                                              core::CoreError *error = nullptr);

/// \brief rows_read = imported + duplicates + quarantined, and the same in import_batch and in the
/// record and quarantine tables of that batch.
::testing::AssertionResult reconciles(core::Workspace &ws, const core::ImportSummary &summary);

/// \brief One value of the record with certificate \a certificate (current version).
QVariant recordValue(core::Workspace &ws, const QString &certificate, const QString &column);

} // namespace metroeval::test
