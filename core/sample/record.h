// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace metroeval::sample {

/// \brief Verification type (检定类别).
enum class VerificationType : std::uint8_t { Initial, Subsequent, InUse };

/// \brief The 20 export columns, in export order (the importer's contract).
inline constexpr std::array<std::string_view, 20> kExportColumns = {
    "证书编号", "器具名称", "型号规格", "出厂编号", "制造单位", "出厂日期", "测量范围",
    "准确度等级", "最大允许误差", "送检单位", "所属地区", "所属行业", "检定类别", "检定日期",
    "有效期至", "检定结论", "不合格项目", "最大示值误差", "检定员", "核验员"};

/// \brief Column indices into kExportColumns.
enum Column : int {
    ColCertificate, ColCategory, ColModel, ColSerial, ColManufacturer, ColManufactureDate,
    ColRange, ColClass, ColMpe, ColCustomer, ColDistrict, ColIndustry, ColType,
    ColVerificationDate, ColDueDate, ColConclusion, ColFailedItems, ColError, ColVerifier,
    ColChecker, ColumnCount
};

/// \brief A customer (送检单位) with its district and industry.
struct Customer
{
    std::string name;
    std::uint16_t district = 0;
    std::uint16_t industry = 0;
};

/// \brief One verification event as it truly happened (the clean truth record).
struct TruthRecord
{
    std::uint64_t instrumentId = 0;
    std::uint64_t sequence = 0; ///< global event number, the tail of the certificate number
    std::uint32_t customer = 0;
    std::uint16_t category = 0, manufacturer = 0, model = 0, accuracyClass = 0, range = 0;
    std::uint16_t verifier = 0, checker = 0;
    VerificationType type = VerificationType::Initial;
    bool passed = true;
    int failedItem = -1;    ///< index into CategorySpec::failedItems, −1 when passed
    int manufactureDay = 0; ///< days since 1970-01-01
    int verificationDay = 0;
    int dueDay = 0;         ///< only meaningful when passed
    std::uint32_t serial = 0;
    double mpe = 0.0;       ///< maximum permissible error, in the category unit
    double error = 0.0;     ///< signed largest indication error, rounded to errorDecimals
};

/// \brief Ground truth of one instrument's life, for reliability checks.
struct InstrumentTruth
{
    std::uint64_t id = 0;
    std::uint16_t category = 0, manufacturer = 0, model = 0;
    int manufactureDay = 0;
    int serviceDay = 0;
    double firstFailureYears = 0.0; ///< drawn time to first non-conformance since service start
    int firstFailureItem = 0;
    double weibullScale = 0.0;      ///< scale used (after the improvement event)
    double drift = 0.0;             ///< MPE per year
    bool batchDefect = false;
    int repairs = 0;
    bool scrapped = false;
    std::uint64_t replacedBy = 0;   ///< 0 when none
};

} // namespace metroeval::sample
