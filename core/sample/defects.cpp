// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/defects.h"

#include "sample/civildate.h"
#include "sample/simulator.h"

#include <cmath>
#include <cstdio>

namespace metroeval::sample {

namespace {

constexpr std::string_view kKeys[] = {
    "manufacturerVariant", "renamedCompany",  "modelVariant",         "dateFormat",
    "excelSerialDate",     "conclusionVocabulary", "unitKpa",         "exactDuplicate",
    "reexportDuplicate",   "missingValue",    "contradictingConclusion", "impossibleDate",
    "unbalancedQuote",     "wrongColumnCount"};
static_assert(std::size(kKeys) == static_cast<std::size_t>(DefectKind::Count));

/// Full-width form of printable ASCII (U+FF01..U+FF5E), UTF-8 encoded.
std::string fullWidth(const std::string &ascii)
{
    std::string out;
    for (unsigned char c : ascii) {
        if (c < 0x21 || c > 0x7e) {
            out += static_cast<char>(c);
            continue;
        }
        const unsigned code = 0xff01u + (c - 0x21u);
        out += static_cast<char>(0xe0u | (code >> 12));
        out += static_cast<char>(0x80u | ((code >> 6) & 0x3fu));
        out += static_cast<char>(0x80u | (code & 0x3fu));
    }
    return out;
}

std::string modelVariant(const std::string &model, std::size_t which)
{
    std::string out;
    switch (which) {
    case 0: // Y100
        for (char c : model)
            if (c != '-')
                out += c;
        return out;
    case 1: // trailing space
        return model + " ";
    case 2:
        return fullWidth(model);
    default: // lower case
        for (char c : model)
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return out;
    }
}

/// Date in one of the non-ISO spellings institutes export; none equals yyyy-MM-dd.
std::string dateVariant(int days, std::size_t which)
{
    const CivilDate d = civilFromDays(days);
    char buffer[48];
    switch (which) {
    case 0:
        std::snprintf(buffer, sizeof buffer, "%d/%d/%d", d.year, d.month, d.day);
        break;
    case 1:
        std::snprintf(buffer, sizeof buffer, "%04d.%02d.%02d", d.year, d.month, d.day);
        break;
    case 2:
        std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", d.year, d.month, d.day);
        break;
    case 3:
        std::snprintf(buffer, sizeof buffer, "%d年%d月%d日", d.year, d.month, d.day);
        break;
    default:
        std::snprintf(buffer, sizeof buffer, "%04d/%02d/%02d", d.year, d.month, d.day);
        break;
    }
    return buffer;
}

} // namespace

std::string_view defectKey(DefectKind kind)
{
    const auto index = static_cast<std::size_t>(kind);
    return index < std::size(kKeys) ? kKeys[index] : std::string_view();
}

DefectRates::DefectRates()
{
    auto set = [this](DefectKind kind, double value) {
        rate[static_cast<std::size_t>(kind)] = value;
    };
    set(DefectKind::ManufacturerVariant, 0.08);
    set(DefectKind::RenamedCompany, 0.90);
    set(DefectKind::ModelVariant, 0.08);
    set(DefectKind::DateFormat, 0.10);
    set(DefectKind::ExcelSerialDate, 0.03);
    set(DefectKind::ConclusionVocabulary, 0.10);
    set(DefectKind::UnitKpa, 0.10);
    set(DefectKind::ExactDuplicate, 0.005);
    set(DefectKind::ReexportDuplicate, 0.005);
    set(DefectKind::MissingValue, 0.03);
    set(DefectKind::ContradictingConclusion, 0.002);
    set(DefectKind::ImpossibleDate, 0.001);
    set(DefectKind::UnbalancedQuote, 0.0005);
    set(DefectKind::WrongColumnCount, 0.0005);
}

DefectRates DefectRates::scaled(double factor) const
{
    DefectRates out = *this;
    for (double &r : out.rate)
        r = std::clamp(r * factor, 0.0, 1.0);
    return out;
}

DefectInjector::DefectInjector(const Catalog &catalog, const DefectRates &rates)
    : m_catalog(catalog)
    , m_rates(rates)
{
    const std::string &iso = catalog.events.renamedOnset;
    m_renameDay = daysFromCivil(
        {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))});
}

void DefectInjector::apply(const TruthRecord &r, const Row &clean, Rng &rng,
                           std::vector<DirtyRow> &now, std::vector<DirtyRow> &later) const
{
    const CategorySpec &cat = m_catalog.categories[r.category];
    const ManufacturerSpec &mfr = cat.manufacturers[r.manufacturer];
    const EventSpec &ev = m_catalog.events;
    DirtyRow row;
    row.cells.assign(clean.begin(), clean.end());
    std::uint32_t changed = 0;
    auto change = [&](DefectKind kind, int column, std::string value) {
        const auto col = static_cast<std::size_t>(column);
        row.defects.push_back({kind, column, row.cells[col], value});
        row.cells[col] = std::move(value);
        changed |= 1u << column;
    };
    auto isFree = [&](int column) {
        return (changed & (1u << column)) == 0
               && !row.cells[static_cast<std::size_t>(column)].empty();
    };
    const int dateColumns[] = {ColManufactureDate, ColVerificationDate, ColDueDate};
    const int dateDays[] = {r.manufactureDay, r.verificationDay, r.dueDay};

    if (r.passed && rng.chance(m_rates[DefectKind::ContradictingConclusion])) {
        const double sign = r.error >= 0.0 ? 1.0 : -1.0;
        change(DefectKind::ContradictingConclusion, ColError,
               formatFixed(sign * r.mpe * rng.uniform(1.1, 1.6), cat.errorDecimals));
    }
    if (cat.unit == "MPa" && isFree(ColError) && rng.chance(m_rates[DefectKind::UnitKpa])) {
        const int decimals = std::max(0, cat.errorDecimals - 3);
        change(DefectKind::UnitKpa, ColRange, rangeText(cat.ranges[r.range], 1000.0, "kPa"));
        change(DefectKind::UnitKpa, ColMpe, "±" + formatShort(r.mpe * 1000.0) + "kPa");
        change(DefectKind::UnitKpa, ColError, formatFixed(r.error * 1000.0, decimals));
    }
    const bool renamed = r.category == ev.renamedCategory
                         && r.manufacturer == ev.renamedManufacturer
                         && r.verificationDay >= m_renameDay;
    if (renamed && rng.chance(m_rates[DefectKind::RenamedCompany]))
        change(DefectKind::RenamedCompany, ColManufacturer, ev.renamedNewName);
    else if (!mfr.variants.empty() && rng.chance(m_rates[DefectKind::ManufacturerVariant]))
        change(DefectKind::ManufacturerVariant, ColManufacturer,
               mfr.variants[rng.below(mfr.variants.size())]);
    if (rng.chance(m_rates[DefectKind::ModelVariant]))
        change(DefectKind::ModelVariant, ColModel,
               modelVariant(mfr.models[r.model].name, rng.below(4)));
    if (rng.chance(m_rates[DefectKind::DateFormat])) {
        const std::size_t which = rng.below(3);
        if (isFree(dateColumns[which]))
            change(DefectKind::DateFormat, dateColumns[which],
                   dateVariant(dateDays[which], rng.below(5)));
    }
    if (rng.chance(m_rates[DefectKind::ExcelSerialDate])) {
        const std::size_t which = rng.below(3);
        if (isFree(dateColumns[which])) {
            change(DefectKind::ExcelSerialDate, dateColumns[which],
                   std::to_string(excelSerial(dateDays[which])));
            row.excelSerialColumns |= 1u << dateColumns[which];
        }
    }
    if (rng.chance(m_rates[DefectKind::ImpossibleDate])) {
        const CivilDate v = civilFromDays(r.verificationDay);
        if (rng.chance(0.5) && isFree(ColVerificationDate)) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "%04d-02-30", v.year);
            change(DefectKind::ImpossibleDate, ColVerificationDate, buffer);
        } else if (isFree(ColManufactureDate)) {
            const int after = r.verificationDay + 400 + static_cast<int>(rng.below(1100));
            change(DefectKind::ImpossibleDate, ColManufactureDate, isoDate(after));
        }
    }
    if (rng.chance(m_rates[DefectKind::ConclusionVocabulary])) {
        static const char *const kPass[] = {"准予使用", "符合", "Pass", "合 格"};
        static const char *const kFail[] = {"不准使用", "不符合", "Fail"};
        change(DefectKind::ConclusionVocabulary, ColConclusion,
               r.passed ? kPass[rng.below(4)] : kFail[rng.below(3)]);
    }
    if (rng.chance(m_rates[DefectKind::MissingValue])) {
        static constexpr int kCandidates[] = {ColSerial, ColManufactureDate, ColClass, ColMpe,
                                              ColDistrict, ColIndustry, ColError,
                                              ColManufacturer, ColModel};
        const int column = kCandidates[rng.below(std::size(kCandidates))];
        if (isFree(column))
            change(DefectKind::MissingValue, column, std::string());
    }
    if (rng.chance(m_rates[DefectKind::UnbalancedQuote])) {
        // Customer names start with a two-character (6-byte UTF-8) prefix: split after it.
        std::string &customer = row.cells[ColCustomer];
        row.defects.push_back({DefectKind::UnbalancedQuote, ColCustomer, customer,
                               customer.substr(0, 6) + "\"" + customer.substr(6)});
        customer = row.defects.back().dirtyValue;
        row.raw = true;
    } else if (rng.chance(m_rates[DefectKind::WrongColumnCount])) {
        if (rng.chance(0.5))
            row.cells.pop_back();
        else
            row.cells.push_back(row.cells.back());
        row.defects.push_back({DefectKind::WrongColumnCount, -1, {}, {}});
        row.raw = true;
    }

    const bool duplicate = !row.raw && rng.chance(m_rates[DefectKind::ExactDuplicate]);
    const bool reexport = rng.chance(m_rates[DefectKind::ReexportDuplicate]);
    now.push_back(row);
    if (duplicate) {
        DirtyRow copy = row;
        copy.defects.push_back({DefectKind::ExactDuplicate, -1, {}, {}});
        now.push_back(std::move(copy));
    }
    if (reexport) {
        // A later export of the same certificate: clean cells, dates spelled yyyy/M/d.
        DirtyRow again;
        again.cells.assign(clean.begin(), clean.end());
        again.defects.push_back({DefectKind::ReexportDuplicate, -1, {}, {}});
        for (int i = 1; i < 3; ++i) {
            const auto col = static_cast<std::size_t>(dateColumns[i]);
            if (again.cells[col].empty())
                continue;
            std::string value = dateVariant(dateDays[i], 0);
            again.defects.push_back({DefectKind::DateFormat, dateColumns[i], again.cells[col],
                                     value});
            again.cells[col] = std::move(value);
        }
        later.push_back(std::move(again));
    }
}

} // namespace metroeval::sample
