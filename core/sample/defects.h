// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sample/catalog.h"
#include "sample/format.h"
#include "sample/random.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace metroeval::sample {

/// \brief The defects of a dirty export (docs/sample-data.md §Defects).
enum class DefectKind : int {
    ManufacturerVariant,     ///< 制造单位 spelled another way
    RenamedCompany,          ///< 制造单位 under the company's new name (after the rename date)
    ModelVariant,            ///< Y100 / Y-100␠ / full width / lower case
    DateFormat,              ///< 2023/5/1, 2023.05.01, 20230501, 2023年5月1日, 2023-5-1
    ExcelSerialDate,         ///< 45047 (days since 1899-12-30)
    ConclusionVocabulary,    ///< 准予使用/符合/Pass… for 合格, 不准使用/不符合/Fail… for 不合格
    UnitKpa,                 ///< pressure range, MPE and error in kPa instead of MPa
    ExactDuplicate,          ///< the row again, identical, right after it
    ReexportDuplicate,       ///< the certificate again at the end, re-formatted dates
    MissingValue,            ///< one cell emptied
    ContradictingConclusion, ///< 合格 while |error| > MPE
    ImpossibleDate,          ///< 2023-02-30, or manufactured after the verification
    UnbalancedQuote,         ///< a lone " inside an unquoted field (odd quote count on the line)
    WrongColumnCount,        ///< a row with one field too few or too many
    Count
};

/// \brief Stable English key of a defect kind (manifest keys), e.g. "manufacturerVariant".
std::string_view defectKey(DefectKind kind);

/// \brief Probability per eligible row of each defect; `scaled` multiplies them all.
struct DefectRates
{
    std::array<double, static_cast<std::size_t>(DefectKind::Count)> rate{};
    DefectRates(); ///< the documented defaults
    double operator[](DefectKind kind) const { return rate[static_cast<std::size_t>(kind)]; }
    DefectRates scaled(double factor) const;
};

/// \brief One defect as written to the manifest; `column` is −1 for a row-level defect.
struct DefectEntry
{
    DefectKind kind = DefectKind::Count;
    int column = -1;
    std::string cleanValue;
    std::string dirtyValue;
};

/// \brief One row of the dirty export with the defects it carries.
struct DirtyRow
{
    std::vector<std::string> cells;
    std::uint32_t excelSerialColumns = 0; ///< bit i: cell i holds an Excel serial number
    bool raw = false;                     ///< write the cells unquoted, as they are (malformed)
    std::vector<DefectEntry> defects;
};

/// \brief Turns clean rows into the rows an institute's system would export.
///
/// Method: each defect is drawn independently per eligible row with its rate; within a row a
/// cell carries at most one defect (later kinds skip cells an earlier kind changed), so every
/// changed cell is explained by exactly one manifest entry.
class DefectInjector
{
public:
    DefectInjector(const Catalog &catalog, const DefectRates &rates);

    /// \brief Appends the dirty rows for one record to `now` (1 or 2 rows) and, for a re-export
    ///        duplicate, one row to `later` (to be written at the end of the export).
    void apply(const TruthRecord &record, const Row &clean, Rng &rng, std::vector<DirtyRow> &now,
               std::vector<DirtyRow> &later) const;

private:
    const Catalog &m_catalog;
    DefectRates m_rates;
    int m_renameDay = 0;
};

} // namespace metroeval::sample
