// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/field.h"

#include <array>

namespace metroeval::core::cleaning {

/// \brief The text fields whose cleaned value lives in table record_clean (schema version 4,
/// storage/schema.cpp lists the same names; tests/cleaning/schema_test.cpp checks they agree).
/// The other fields (certificate number, customer, district, industry, verifier, checker) pass
/// through unchanged into the view record_effective.
inline constexpr std::array<Field, 14> kCleanedFields{
    Field::Category,         Field::Model,
    Field::SerialNo,         Field::Manufacturer,
    Field::ManufactureDate,  Field::MeasuringRange,
    Field::AccuracyClass,    Field::Mpe,
    Field::VerificationType, Field::VerificationDate,
    Field::DueDate,          Field::Conclusion,
    Field::FailedItems,      Field::MaxError,
};

} // namespace metroeval::core::cleaning
