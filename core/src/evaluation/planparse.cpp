// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/planparse.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace metroeval::core::planparse {

using namespace Qt::StringLiterals;

QStringList stringList(const QJsonObject &o, const char *key, const QString &path)
{
    const QJsonValue value = o.value(QLatin1StringView(key));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        throw PlanError{path};
    QStringList out;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            throw PlanError{path + u"[%1]"_s.arg(i)};
        out.append(array.at(i).toString());
    }
    return out;
}

QDate optionalDate(const QJsonObject &o, const char *key, const QString &path)
{
    const QJsonValue value = o.value(QLatin1StringView(key));
    if (value.isUndefined() || value.isNull())
        return {};
    const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
    if (!d.isValid())
        throw PlanError{path};
    return d;
}

double number(const QJsonObject &o, const char *key, double fallback, double lo, double hi,
              const QString &path, bool openLow, bool openHigh)
{
    const QJsonValue value = o.value(QLatin1StringView(key));
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble())
        throw PlanError{path};
    const double v = value.toDouble();
    const bool lowOk = openLow ? v > lo : v >= lo;
    const bool highOk = openHigh ? v < hi : v <= hi;
    if (!std::isfinite(v) || !lowOk || !highOk)
        throw PlanError{path};
    return v;
}

qint64 integer(const QJsonObject &o, const char *key, qint64 fallback, qint64 lo, qint64 hi,
               const QString &path)
{
    const double v = number(o, key, double(fallback), double(lo), double(hi), path);
    if (v != std::floor(v))
        throw PlanError{path};
    return qint64(v);
}

int choice(const QJsonObject &o, const char *key, std::initializer_list<const char *> options,
           int fallback, const QString &path)
{
    const QJsonValue value = o.value(QLatin1StringView(key));
    if (value.isUndefined())
        return fallback;
    int i = 0;
    for (const char *option : options) {
        if (value.toString() == QLatin1StringView(option))
            return i;
        ++i;
    }
    throw PlanError{path};
}

QJsonObject object(const QJsonObject &o, const char *key, const QString &path)
{
    const QJsonValue value = o.value(QLatin1StringView(key));
    if (value.isUndefined())
        return {};
    if (!value.isObject())
        throw PlanError{path};
    return value.toObject();
}

void onlyKeys(const QJsonObject &o, std::initializer_list<const char *> known,
              const QString &prefix)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const bool ok = std::any_of(known.begin(), known.end(), [&](const char *k) {
            return it.key() == QLatin1StringView(k);
        });
        if (!ok)
            throw PlanError{prefix + it.key()};
    }
}

void failAt(const QString &path)
{
    throw PlanError{path};
}

} // namespace metroeval::core::planparse
