// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/valueparser.h"

#include <QRegularExpression>
#include <QString>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
std::optional<QDate> validDate(int y, int m, int d)
{
    const QDate date(y, m, d);
    if (!date.isValid() || y < 1900 || y > 2200)
        return std::nullopt;
    return date;
}

std::optional<QDate> fromExcelSerial(int serial)
{
    // 1900 system: serial 1 = 1900-01-01; Excel believes 1900-02-29 (serial 60) existed.
    static const QDate epoch(1899, 12, 31);
    if (serial < 1 || serial == 60 || serial > 150000)
        return std::nullopt;
    return epoch.addDays(serial < 60 ? serial : serial - 1);
}
} // namespace

std::optional<QDate> parseDate(QStringView text)
{
    const QString s = text.toString().normalized(QString::NormalizationForm_KC).trimmed();
    if (s.isEmpty())
        return std::nullopt;
    static const QRegularExpression ymd(
        u"^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$"_s);
    if (const auto m = ymd.match(s); m.hasMatch())
        return validDate(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                         m.capturedView(3).toInt());
    static const QRegularExpression compact(u"^(\\d{4})(\\d{2})(\\d{2})$"_s);
    if (const auto m = compact.match(s); m.hasMatch())
        return validDate(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                         m.capturedView(3).toInt());
    static const QRegularExpression serial(u"^(\\d{1,6})(?:\\.0+)?$"_s);
    if (const auto m = serial.match(s); m.hasMatch())
        return fromExcelSerial(m.capturedView(1).toInt());
    return std::nullopt;
}

std::optional<bool> parseConclusion(QStringView text)
{
    // Exports pad words ("合 格") and mix widths; white space never changes the meaning here.
    QString s = text.toString().normalized(QString::NormalizationForm_KC).toLower();
    s.removeIf([](QChar c) { return c.isSpace(); });
    static const QStringList pass{u"合格"_s, u"准予使用"_s, u"符合"_s, u"pass"_s, u"passed"_s,
                                  u"ok"_s};
    static const QStringList fail{u"不合格"_s, u"不准使用"_s, u"不符合"_s, u"fail"_s, u"failed"_s,
                                  u"ng"_s};
    if (pass.contains(s))
        return true;
    if (fail.contains(s))
        return false;
    return std::nullopt;
}

std::optional<double> parseLeadingNumber(QStringView text)
{
    const QString s = text.toString().normalized(QString::NormalizationForm_KC).trimmed();
    static const QRegularExpression number(u"^[±]?\\s*([-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)"_s);
    const auto m = number.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = m.capturedView(1).toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace metroeval::core
