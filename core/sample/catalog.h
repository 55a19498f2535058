// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace metroeval::sample {

/// \brief How a category derives its maximum permissible error (MPE).
enum class MpeRule {
    PercentOfSpan, ///< MPE = class % × span (JJG 52-2013 general pressure gauges).
    Absolute,      ///< MPE is a fixed value in the range unit (JJG 693 gas detectors: ±5 %LEL).
    ScaleDivision, ///< MPE = 1.5 e at full load, class III (JJG 539 / OIML R 76).
};

/// \brief One measuring range of a category, in the category's unit.
struct RangeSpec
{
    double low = 0.0;
    double high = 0.0;
    double weight = 1.0;
    double division = 0.0; ///< verification scale interval e (scales only).
};

/// \brief One accuracy class; `mpePercent` is used by MpeRule::PercentOfSpan.
struct ClassSpec
{
    std::string label;
    double mpePercent = 0.0;
    double weight = 1.0;
};

/// \brief Ground-truth parameters of one model (see docs/sample-data.md §Model).
struct ModelSpec
{
    std::string name;          ///< canonical spelling, e.g. "Y-100"
    double weight = 1.0;       ///< share among its manufacturer's instruments
    double weibullShape = 1.5; ///< time to first non-conformance: Weibull shape k
    double weibullScale = 4.0; ///< ... and scale λ in years
    double driftMean = 0.1;    ///< drift of the indication error, in MPE per year
    double driftSd = 0.05;     ///< spread of the drift between instruments, in MPE per year
    double biasSd = 0.2;       ///< initial error spread between instruments, in MPE
    double noiseSd = 0.08;     ///< repeatability of one verification, in MPE
};

/// \brief A manufacturer with its spellings and models.
struct ManufacturerSpec
{
    std::string name;                   ///< canonical name
    std::vector<std::string> variants;  ///< spellings seen in exports
    double weight = 1.0;                ///< share within its category
    std::vector<ModelSpec> models;
};

/// \brief One instrument category and its verification rules (domain.md §2).
struct CategorySpec
{
    std::string name;       ///< 器具名称
    std::string regulation; ///< e.g. "JJG 52-2013"
    std::string unit;       ///< unit of range, error and MPE
    std::string certificateCode; ///< letter inside the certificate number
    int intervalMonths = 12;
    double weight = 1.0;    ///< share of all instruments
    MpeRule mpeRule = MpeRule::PercentOfSpan;
    double absoluteMpe = 0.0;
    int errorDecimals = 4;  ///< decimals of the indication error in the unit
    std::vector<ClassSpec> classes;
    std::vector<RangeSpec> ranges;
    std::vector<std::string> failedItems; ///< index 0 is always 示值误差
    std::vector<double> failedItemWeights;
    std::vector<ManufacturerSpec> manufacturers;
};

/// \brief The embedded events the generator plants and an evaluation must find.
struct EventSpec
{
    // Batch defect: one model made in one year fails sharply more from an onset date.
    std::size_t batchCategory = 0;
    std::size_t batchManufacturer = 0;
    std::size_t batchModel = 0;
    int batchYear = 2019;
    std::string batchOnset = "2022-03-01";
    double batchExtraMeanYears = 0.35; ///< mean of the extra exponential failure time after onset
    // Improving manufacturer: instruments made from the onset date on live longer.
    std::size_t improvingCategory = 0;
    std::size_t improvingManufacturer = 0;
    std::string improvingOnset = "2020-01-01";
    double improvingScaleFactor = 2.5; ///< Weibull scale multiplier
    // Renamed company: the export shows the new name on verifications from this date on.
    std::size_t renamedCategory = 0;
    std::size_t renamedManufacturer = 0;
    std::string renamedNewName;
    std::string renamedOnset = "2021-07-01";
};

/// \brief Everything the generator draws from: categories, customers' districts and
///        industries, verifiers, events.
struct Catalog
{
    std::vector<CategorySpec> categories;
    std::vector<std::string> districts;
    std::vector<std::string> industries;
    std::vector<std::string> verifiers;
    EventSpec events;
};

/// \brief The embedded default catalogue (three categories; add rows to extend).
const Catalog &defaultCatalog();

} // namespace metroeval::sample
