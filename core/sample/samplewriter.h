// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sample/catalog.h"
#include "sample/csvsink.h"
#include "sample/defects.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace metroeval::sample {

/// \brief When the dirty export is also written as XLSX.
enum class XlsxMode {
    Auto,   ///< only when the export has at most kXlsxAutoLimit data rows
    Always, ///< always (fails beyond Excel's 1,048,575 data rows)
    Never,
};

/// \brief Data rows up to which XlsxMode::Auto writes the XLSX file.
inline constexpr std::uint64_t kXlsxAutoLimit = 200000;
/// \brief Accepted record counts.
inline constexpr std::uint64_t kMinRecords = 1;
inline constexpr std::uint64_t kMaxRecords = 5000000;

/// \brief What to generate and where.
struct SampleOptions
{
    QString outDir;
    std::uint64_t records = 10000;
    std::uint64_t seed = 1;
    CsvEncoding encoding = CsvEncoding::Utf8Bom;
    XlsxMode xlsx = XlsxMode::Auto;
    double defectScale = 1.0; ///< multiplies every default defect rate
    /// Called now and then with (truth records done, total).
    std::function<void(std::uint64_t, std::uint64_t)> progress;
};

/// \brief One file written.
struct WrittenFile
{
    QString role; ///< "export", "exportXlsx", "truthRecords", "truthInstruments", "truth",
                  ///< "manifest", "manifestCells"
    QString path;
    qint64 bytes = 0;
    qint64 rows = -1; ///< data rows (header excluded), −1 for JSON files
};

/// \brief Outcome of writeSample().
struct SampleResult
{
    bool ok = false;
    QString error;
    std::vector<WrittenFile> files;
    std::uint64_t truthRecords = 0;
    std::uint64_t exportRows = 0;
    std::uint64_t instruments = 0;
    std::array<std::uint64_t, static_cast<std::size_t>(DefectKind::Count)> defectRows{};
    std::array<std::uint64_t, static_cast<std::size_t>(DefectKind::Count)> defectCells{};
};

/// \brief File names inside the output directory.
struct SampleFileNames
{
    static constexpr const char *exportCsv = "export.csv";
    static constexpr const char *exportXlsx = "export.xlsx";
    static constexpr const char *truthRecords = "truth_records.csv";
    static constexpr const char *truthInstruments = "truth_instruments.csv";
    static constexpr const char *truth = "truth.json";
    static constexpr const char *manifest = "manifest.json";
    static constexpr const char *manifestCells = "manifest_cells.csv";
};

/// \brief Generates the sample data set of docs/sample-data.md into options.outDir.
///
/// Streams: one pass of the simulator feeds the truth CSV, the dirty CSV (and XLSX) and the
/// manifest; only the pass-rate tallies and the re-export duplicates stay in memory. Every file
/// is written under a ".part" name and renamed at the end; on failure the parts are removed.
SampleResult writeSample(const SampleOptions &options, const Catalog &catalog = defaultCatalog());

} // namespace metroeval::sample
