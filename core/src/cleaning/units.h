// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/cleaning/units_test.cpp).
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace metroeval::core::cleaning {

/// \brief A unit spelling resolved to a canonical unit: value_canonical = value × 10^exponent.
struct UnitFactor
{
    QString canonical; ///< "MPa", "%LEL", "kg"
    int exponent = 0;  ///< decimal exponent: kPa → MPa is −3, g → kg is −3, t → kg is +3
};

/// \brief Pressure (Pa, kPa, MPa; SI prefixes, BIPM SI Brochure 9th ed. Table 7), mass (g, kg, t)
/// and %LEL. Only power-of-ten factors, so a conversion is exact in decimal text. Case-sensitive
/// as SI symbols are ("mPa" is not MPa) except for "%lel". nullopt for an unknown spelling.
std::optional<UnitFactor> unitFactor(QStringView unit);

/// \brief Shifts the decimal point of \a number (plain decimal text such as "-12.3") by
/// \a exponent places without binary rounding: ("12.3", −3) → "0.0123"; ("1600", −3) → "1.6".
/// Trailing zeros the input had after the point are kept in proportion ("25.0", −3 → "0.0250").
QString shiftDecimal(QStringView number, int exponent);

/// \brief A value text split into sign prefix ("±", "+", "-" or empty), number and unit.
struct ValueText
{
    QString prefix;
    QString number; ///< unsigned plain decimal
    QString unit;   ///< may be empty
};
std::optional<ValueText> splitValue(QStringView normalizedText);

/// \brief A measuring range "(0~1.6)MPa", "0-100%LEL", "(0~30)kg" after normalisation.
struct RangeText
{
    QString low;
    QString high;
    QString unit;
    QString suffix; ///< anything after the unit (e.g. " e=10g"), kept as is
};
std::optional<RangeText> splitRange(QStringView normalizedText);

/// \brief Result of converting a value or range text to a canonical unit.
struct Converted
{
    QString text; ///< the canonical spelling, e.g. "±0.0256MPa", "(0~1.6)MPa"
    bool changed = false;
    bool unknownUnit = false; ///< a unit was present but not convertible to \a canonical
};

/// \brief "±25.6kPa" → "±0.0256MPa" when \a canonical is "MPa". A value without a unit takes
/// \a defaultUnit (the unit of the row's measuring range) and keeps no unit text.
Converted convertValue(QStringView normalizedText, const QString &canonical,
                       const QString &defaultUnit);

/// \brief "(0~1600)kPa" → "(0~1.6)MPa" when \a canonical is "MPa".
Converted convertRange(QStringView normalizedText, const QString &canonical);

/// \brief Span high − low of a range text in its own unit; NaN when it cannot be read.
double rangeSpan(QStringView normalizedText);

} // namespace metroeval::core::cleaning
