// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/format.h"

#include "sample/civildate.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace metroeval::sample {

std::string formatFixed(double value, int decimals)
{
    if (value == 0.0)
        value = 0.0; // folds −0 into +0
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                   std::chars_format::fixed, decimals);
    if (ec != std::errc())
        return {};
    std::string text(buffer, end);
    // A value that rounds to zero at this precision still carries its sign in to_chars.
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos)
        text.erase(0, 1);
    return text;
}

std::string formatShort(double value)
{
    const double rounded = std::round(value * 1e6) / 1e6;
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded == 0.0 ? 0.0 : rounded);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

std::string certificateNumber(const CategorySpec &category, const TruthRecord &record)
{
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "JD%04d-%s-%08llu",
                  civilFromDays(record.verificationDay).year, category.certificateCode.c_str(),
                  static_cast<unsigned long long>(record.sequence));
    return buffer;
}

std::string rangeText(const RangeSpec &range, double factor, const std::string &unit)
{
    return "(" + formatShort(range.low * factor) + "~" + formatShort(range.high * factor) + ")"
           + unit;
}

const char *typeText(VerificationType type)
{
    switch (type) {
    case VerificationType::Initial:
        return "首次检定";
    case VerificationType::Subsequent:
        return "后续检定";
    case VerificationType::InUse:
        return "使用中检查";
    }
    return "";
}

void formatCleanRow(const Catalog &catalog, const std::vector<Customer> &customers,
                    const TruthRecord &r, Row &row)
{
    const CategorySpec &cat = catalog.categories[r.category];
    const ManufacturerSpec &mfr = cat.manufacturers[r.manufacturer];
    const Customer &customer = customers[r.customer];
    row[ColCertificate] = certificateNumber(cat, r);
    row[ColCategory] = cat.name;
    row[ColModel] = mfr.models[r.model].name;
    row[ColSerial] = std::to_string(r.serial);
    row[ColManufacturer] = mfr.name;
    row[ColManufactureDate] = isoDate(r.manufactureDay);
    row[ColRange] = rangeText(cat.ranges[r.range], 1.0, cat.unit);
    row[ColClass] = cat.classes[r.accuracyClass].label;
    row[ColMpe] = "±" + formatShort(r.mpe) + cat.unit;
    row[ColCustomer] = customer.name;
    row[ColDistrict] = catalog.districts[customer.district];
    row[ColIndustry] = catalog.industries[customer.industry];
    row[ColType] = typeText(r.type);
    row[ColVerificationDate] = isoDate(r.verificationDay);
    row[ColDueDate] = r.passed ? isoDate(r.dueDay) : std::string();
    row[ColConclusion] = r.passed ? "合格" : "不合格";
    row[ColFailedItems] = r.passed ? std::string()
                                   : cat.failedItems[static_cast<std::size_t>(r.failedItem)];
    row[ColError] = formatFixed(r.error, cat.errorDecimals);
    row[ColVerifier] = catalog.verifiers[r.verifier];
    row[ColChecker] = catalog.verifiers[r.checker];
}

} // namespace metroeval::sample
