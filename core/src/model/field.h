// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace metroeval::core {

/// \brief Data-security level of a field or a product, after shared/design/domain.md §5.
enum class SecurityLevel { L1Public = 1, L2Internal = 2, L3Sensitive = 3, L4Important = 4 };

/// \brief The canonical fields of a verification record (shared/design/domain.md §2).
enum class Field {
    CertificateNo,
    Category,
    Model,
    SerialNo,
    Manufacturer,
    ManufactureDate,
    MeasuringRange,
    AccuracyClass,
    Mpe,
    Customer,
    District,
    Industry,
    VerificationType,
    VerificationDate,
    DueDate,
    Conclusion,
    FailedItems,
    MaxError,
    Verifier,
    Checker,
};

inline constexpr int kFieldCount = static_cast<int>(Field::Checker) + 1;

/// \brief Static description of one canonical field.
struct FieldInfo
{
    Field field;
    QLatin1StringView key;      ///< stable snake_case key used in the database, JSON and mappings
    const char *chineseHeader;  ///< the usual header in an institute export (UTF-8)
    SecurityLevel level;        ///< default classification
    bool required;              ///< a row without it cannot be evaluated and is quarantined
};

/// \brief All fields in their canonical order.
const std::array<FieldInfo, kFieldCount> &allFields();
const FieldInfo &fieldInfo(Field field);
std::optional<Field> fieldFromKey(QStringView key);

/// \brief Header synonyms (Chinese and English) recognised for \a field, normalised with
/// normalizeHeader().
QStringList headerSynonyms(Field field);

/// \brief Lower-cases, strips white space, full-width forms and decoration such as "*" or "：".
QString normalizeHeader(QStringView header);

} // namespace metroeval::core
