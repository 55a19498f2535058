// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/core/valueparser_test.cpp).
#include "io/valueparser.h"

#include <algorithm>
#include <cmath>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {

// The date y-m-d (proleptic Gregorian) when it exists and 1900 <= y <= 2200. Its day number is
// Hinnant's days_from_civil (http://howardhinnant.github.io/date_algorithms.html), a few integer
// operations where QDate(y, m, d) goes through Qt's calendar code: this runs for three dates of
// every imported row. tests/core/valueparser_test.cpp compares it with QDate(y, m, d) on every
// y, m, d around the range.
std::optional<QDate> validDate(int y, int m, int d)
{
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
        return std::nullopt;
    static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kMonthDays[m - 1] + (m == 2 && leap ? 1 : 0))
        return std::nullopt;
    const int year = m <= 2 ? y - 1 : y; // years start in March
    const int era = year / 400;          // year > 0
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    constexpr qint64 kJulianDay1970 = 2440588; // 1970-01-01
    constexpr qint64 kCivil1970 = 719468;       // days from 0000-03-01 to 1970-01-01
    return QDate::fromJulianDay(qint64(era) * 146097 + dayOfEra - kCivil1970 + kJulianDay1970);
}

// Export text is mostly ASCII; only full-width or compatibility forms need NFKC, which is slow.
bool needsFolding(QStringView s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0xFF00 && u <= 0xFFEF) || u == 0x3000)
            return true;
    }
    return false;
}

// The NFKC form of text, allocated only when folding changes something (\a storage holds it).
QStringView folded(QStringView text, QString &storage)
{
    if (!needsFolding(text))
        return text;
    storage = text.toString().normalized(QString::NormalizationForm_KC);
    return storage;
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// Reads a run of 1..maxDigits ASCII digits at s[i]; −1 when none.
int readNumber(QStringView s, qsizetype &i, int maxDigits, int *digits)
{
    int value = 0;
    int n = 0;
    while (i < s.size() && isDigit(s[i]) && n < maxDigits + 1) {
        value = value * 10 + (s[i].unicode() - u'0');
        ++i;
        ++n;
    }
    *digits = n;
    return n == 0 || n > maxDigits ? -1 : value;
}

void skipSpaces(QStringView s, qsizetype &i)
{
    while (i < s.size() && s[i].isSpace())
        ++i;
}

// hh:mm[:ss[.fff]] after a date; the time itself is not kept.
bool isTimeSuffix(QStringView s)
{
    qsizetype i = 0;
    int digits = 0;
    if (readNumber(s, i, 2, &digits) < 0 || i >= s.size() || s[i] != u':')
        return false;
    ++i;
    if (readNumber(s, i, 2, &digits) < 0 || digits != 2)
        return false;
    if (i < s.size() && s[i] == u':') {
        ++i;
        if (readNumber(s, i, 2, &digits) < 0 || digits != 2)
            return false;
        if (i < s.size() && s[i] == u'.') {
            ++i;
            if (readNumber(s, i, 9, &digits) < 0)
                return false;
        }
    }
    return i == s.size();
}

// y{sep}m{sep}d[日][ time]; separators - / . or 年 月.
std::optional<QDate> parseYmd(QStringView s)
{
    qsizetype i = 0;
    int digits = 0;
    const int y = readNumber(s, i, 4, &digits);
    if (y < 0 || digits != 4)
        return std::nullopt;
    skipSpaces(s, i);
    if (i >= s.size())
        return std::nullopt;
    const QChar sep1 = s[i];
    if (sep1 != u'-' && sep1 != u'/' && sep1 != u'.' && sep1 != u'年')
        return std::nullopt;
    ++i;
    skipSpaces(s, i);
    const int m = readNumber(s, i, 2, &digits);
    skipSpaces(s, i);
    if (m < 0 || i >= s.size())
        return std::nullopt;
    const QChar sep2 = s[i];
    const bool chinese = sep1 == u'年';
    if (chinese ? sep2 != u'月' : sep2 != sep1)
        return std::nullopt;
    ++i;
    skipSpaces(s, i);
    const int d = readNumber(s, i, 2, &digits);
    if (d < 0)
        return std::nullopt;
    if (i < s.size() && s[i] == u'日')
        ++i;
    if (i < s.size()) {
        if (s[i] != u' ' && s[i] != u'T')
            return std::nullopt;
        if (!isTimeSuffix(s.sliced(i + 1).trimmed()))
            return std::nullopt;
    }
    return validDate(y, m, d);
}

std::optional<double> excelSerialText(QStringView s)
{
    // Up to six integer digits and an optional fraction (a time of day).
    qsizetype i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i == 0 || i > 6)
        return std::nullopt;
    if (i < s.size()) {
        if (s[i] != u'.')
            return std::nullopt;
        for (qsizetype k = i + 1; k < s.size(); ++k) {
            if (!isDigit(s[k]))
                return std::nullopt;
        }
    }
    bool ok = false;
    const double v = s.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

} // namespace

std::optional<QDate> dateFromExcelSerial(double serial, DateSystem system)
{
    if (!std::isfinite(serial) || serial < 0.0 || serial > 150000.0)
        return std::nullopt;
    const auto day = static_cast<qint64>(std::floor(serial));
    if (system == DateSystem::Excel1904)
        return QDate(1904, 1, 1).addDays(day);
    // 1900 system: serial 1 = 1900-01-01; Excel believes 1900-02-29 (serial 60) existed.
    if (day < 1 || day == 60)
        return std::nullopt;
    return QDate(1899, 12, 31).addDays(day < 60 ? day : day - 1);
}

std::optional<QDate> parseDate(QStringView text, DateSystem system)
{
    QString storage;
    const QStringView s = folded(text, storage).trimmed();
    if (s.isEmpty())
        return std::nullopt;
    if (s.size() == 8) {
        bool allDigits = true;
        for (const QChar c : s)
            allDigits = allDigits && isDigit(c);
        if (allDigits) {
            const int v = s.toInt();
            return validDate(v / 10000, v / 100 % 100, v % 100);
        }
    }
    if (s.size() >= 8 && isDigit(s[0]) && isDigit(s[3]) && s.size() > 4 && !isDigit(s[4]))
        return parseYmd(s);
    if (const auto serial = excelSerialText(s))
        return dateFromExcelSerial(*serial, system);
    return std::nullopt;
}

bool parseIsoDate(QByteArrayView text, std::optional<QDate> &date)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    int parts[3] = {0, 0, 0};
    int part = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 4 || i == 7) {
            ++part;
            continue;
        }
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        parts[part] = parts[part] * 10 + (c - '0');
    }
    // parseDate() takes this form through parseYmd(), which ends in the same check.
    date = validDate(parts[0], parts[1], parts[2]);
    return true;
}

std::optional<bool> parseConclusion(QStringView text)
{
    // Fast path for the two words nearly every row carries.
    if (text == u"合格"_s)
        return true;
    if (text == u"不合格"_s)
        return false;
    // Exports pad words ("合 格") and mix widths; white space never changes the meaning here.
    QString storage;
    QString s = folded(text, storage).toString().toLower();
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

namespace {
// Splits "±0.016 MPa" into the number and the rest; nullopt when no number leads.
std::optional<std::pair<double, QStringView>> splitNumber(QStringView s)
{
    qsizetype i = 0;
    if (i < s.size() && s[i] == u'±')
        ++i;
    skipSpaces(s, i);
    const qsizetype start = i;
    if (i < s.size() && (s[i] == u'+' || s[i] == u'-'))
        ++i;
    const qsizetype digitsStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i == digitsStart)
        return std::nullopt;
    if (i + 1 < s.size() && s[i] == u'.' && isDigit(s[i + 1])) {
        ++i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
    }
    if (i + 1 < s.size() && (s[i] == u'e' || s[i] == u'E')) {
        qsizetype k = i + 1;
        if (k < s.size() && (s[k] == u'+' || s[k] == u'-'))
            ++k;
        if (k < s.size() && isDigit(s[k])) {
            while (k < s.size() && isDigit(s[k]))
                ++k;
            i = k;
        }
    }
    bool ok = false;
    const double value = s.sliced(start, i - start).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return std::pair{value, s.sliced(i).trimmed()};
}
} // namespace

std::optional<double> parseLeadingNumber(QStringView text)
{
    QString storage;
    const auto split = splitNumber(folded(text, storage).trimmed());
    return split ? std::optional<double>(split->first) : std::nullopt;
}

std::optional<std::pair<QLatin1StringView, double>> canonicalUnit(QStringView unit)
{
    QString storage;
    QStringView view = folded(unit, storage);
    QString lower;
    if (std::all_of(view.begin(), view.end(),
                    [](QChar c) { return c.unicode() < 0x80 && !c.isSpace(); })) {
        // The usual case, ASCII without spaces: compare in place instead of allocating.
    } else {
        lower = view.toString().toLower();
        lower.removeIf([](QChar c) { return c.isSpace(); });
        view = lower;
    }
    // ASCII text: case-insensitive match; other text was lowered with toLower() above and
    // compares exactly, as before.
    const Qt::CaseSensitivity cs = lower.isNull() ? Qt::CaseInsensitive : Qt::CaseSensitive;
    const auto u = [view, cs](QLatin1StringView name) { return view.compare(name, cs) == 0; };
    if (u("mpa"_L1))
        return std::pair{"MPa"_L1, 1.0};
    if (u("kpa"_L1))
        return std::pair{"MPa"_L1, 1e-3};
    if (u("pa"_L1))
        return std::pair{"MPa"_L1, 1e-6};
    if (u("bar"_L1))
        return std::pair{"MPa"_L1, 0.1};
    if (u("psi"_L1))
        return std::pair{"MPa"_L1, 6.894757e-3};
    if (u("%lel"_L1) || u("lel"_L1))
        return std::pair{"%LEL"_L1, 1.0};
    if (u("kg"_L1))
        return std::pair{"kg"_L1, 1.0};
    if (u("g"_L1))
        return std::pair{"kg"_L1, 1e-3};
    if (u("t"_L1))
        return std::pair{"kg"_L1, 1e3};
    return std::nullopt;
}

std::optional<Quantity> parseQuantity(QStringView text, QStringView defaultUnit)
{
    QString storage;
    const auto split = splitNumber(folded(text, storage).trimmed());
    if (!split)
        return std::nullopt;
    if (split->second.isEmpty()) {
        // A bare number takes the default unit when that is a known unit, else stays unitless.
        const auto canonical = canonicalUnit(defaultUnit);
        if (!canonical)
            return Quantity{split->first, {}};
        return Quantity{split->first * canonical->second, canonical->first};
    }
    const auto canonical = canonicalUnit(split->second);
    if (!canonical)
        return std::nullopt;
    return Quantity{split->first * canonical->second, canonical->first};
}

QString rangeUnit(QStringView range)
{
    QString storage;
    QStringView s = folded(range, storage).trimmed();
    const qsizetype close = s.lastIndexOf(u')');
    if (close >= 0)
        return s.sliced(close + 1).trimmed().toString();
    // "0-100%LEL": the unit starts after the last digit.
    qsizetype i = s.size();
    while (i > 0 && !isDigit(s[i - 1]))
        --i;
    return s.sliced(i).trimmed().toString();
}

QStringList parseFailedItems(QStringView text)
{
    QStringList items;
    qsizetype start = 0;
    auto flush = [&](qsizetype end) {
        const QStringView item = text.sliced(start, end - start).trimmed();
        if (!item.isEmpty())
            items.append(item.toString());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'、' || c == u'；' || c == u';' || c == u',' || c == u'，' || c == u'/'
            || c == u'／' || c == u'|') {
            flush(i);
            start = i + 1;
        }
    }
    flush(text.size());
    return items;
}

} // namespace metroeval::core
