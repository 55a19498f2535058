// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/cleaning/units_test.cpp).
#include "cleaning/units.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

std::optional<UnitFactor> unitFactor(QStringView unit)
{
    const QString u = unit.toString().trimmed();
    if (u == "MPa"_L1)
        return UnitFactor{u"MPa"_s, 0};
    if (u == "kPa"_L1 || u == "KPa"_L1)
        return UnitFactor{u"MPa"_s, -3};
    if (u == "Pa"_L1)
        return UnitFactor{u"MPa"_s, -6};
    if (u.compare("%LEL"_L1, Qt::CaseInsensitive) == 0)
        return UnitFactor{u"%LEL"_s, 0};
    if (u == "kg"_L1 || u == "KG"_L1 || u == "Kg"_L1)
        return UnitFactor{u"kg"_s, 0};
    if (u == "g"_L1)
        return UnitFactor{u"kg"_s, -3};
    if (u == "t"_L1)
        return UnitFactor{u"kg"_s, 3};
    return std::nullopt;
}

QString shiftDecimal(QStringView number, int exponent)
{
    // Work on the digit string: value = digits × 10^(−decimals); shifting changes decimals only.
    const qsizetype point = number.indexOf(u'.');
    QString digits = point < 0 ? number.toString()
                               : number.left(point).toString() + number.mid(point + 1).toString();
    qsizetype decimals = point < 0 ? 0 : number.size() - point - 1;
    decimals -= exponent;
    if (decimals < 0) {
        digits.append(QString(-decimals, u'0'));
        decimals = 0;
    }
    if (digits.size() <= decimals)
        digits.prepend(QString(decimals - digits.size() + 1, u'0'));
    QString out = decimals == 0
                      ? digits
                      : digits.left(digits.size() - decimals) + u'.' + digits.right(decimals);
    // Leading zeros of the integer part beyond one are noise.
    while (out.size() > 1 && out.front() == u'0' && out.at(1).isDigit())
        out.remove(0, 1);
    // A shift to a larger unit keeps the input's significant trailing zeros; trailing zeros that
    // come only from an integer input ("1600" kPa → "1.600") are not significant and dropped.
    if (point < 0 && out.contains(u'.')) {
        while (out.endsWith(u'0'))
            out.chop(1);
        if (out.endsWith(u'.'))
            out.chop(1);
    }
    return out;
}

std::optional<ValueText> splitValue(QStringView text)
{
    static const QRegularExpression re(
        u"^(±|\\+|-|\\+/-)?\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z%]+)?$"_s);
    const auto m = re.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    return ValueText{m.captured(1), m.captured(2), m.captured(3)};
}

std::optional<RangeText> splitRange(QStringView text)
{
    static const QRegularExpression re(
        u"^\\(?\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:~|-|至)\\s*(-?\\d+(?:\\.\\d+)?)"
        u"\\s*\\)?\\s*([A-Za-z%]+)?(.*)$"_s);
    const auto m = re.match(text.toString());
    if (!m.hasMatch())
        return std::nullopt;
    return RangeText{m.captured(1), m.captured(2), m.captured(3), m.captured(4)};
}

Converted convertValue(QStringView text, const QString &canonical, const QString &defaultUnit)
{
    Converted out{text.toString(), false, false};
    const auto value = splitValue(text);
    if (!value)
        return out;
    const QString unit = value->unit.isEmpty() ? defaultUnit : value->unit;
    if (unit.isEmpty())
        return out;
    const auto factor = unitFactor(unit);
    if (!factor || factor->canonical != canonical) {
        out.unknownUnit = !value->unit.isEmpty() || !factor;
        return out;
    }
    if (factor->exponent == 0 && (value->unit.isEmpty() || value->unit == canonical))
        return out;
    out.text = value->prefix + shiftDecimal(value->number, factor->exponent)
               + (value->unit.isEmpty() ? QString() : canonical);
    out.changed = out.text != text;
    return out;
}

Converted convertRange(QStringView text, const QString &canonical)
{
    Converted out{text.toString(), false, false};
    const auto range = splitRange(text);
    if (!range || range->unit.isEmpty())
        return out;
    const auto factor = unitFactor(range->unit);
    if (!factor || factor->canonical != canonical) {
        out.unknownUnit = true;
        return out;
    }
    if (factor->exponent == 0 && range->unit == canonical)
        return out;
    auto shift = [&](const QString &n) -> QString {
        return n.startsWith(u'-') ? u"-"_s + shiftDecimal(QStringView(n).mid(1), factor->exponent)
                                  : shiftDecimal(n, factor->exponent);
    };
    out.text
        = u"("_s + shift(range->low) + u'~' + shift(range->high) + u')' + canonical + range->suffix;
    out.changed = out.text != text;
    return out;
}

double rangeSpan(QStringView text)
{
    const auto range = splitRange(text);
    if (!range)
        return std::numeric_limits<double>::quiet_NaN();
    return range->high.toDouble() - range->low.toDouble();
}

} // namespace metroeval::core::cleaning
