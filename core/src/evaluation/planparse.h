// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QStringList>

#include <initializer_list>

namespace metroeval::core {

struct EvaluationPlan;

/// \brief Internal helpers of the plan parser: typed accessors that throw PlanError naming the
/// JSON path of the offending field; EvaluationPlan::fromJson catches it once.
namespace planparse {

/// \brief Validation failure with the JSON path of the offending field.
struct PlanError
{
    QString path;
};

/// \brief Array of strings at key (absent/null: empty); PlanError(path) or path[i] otherwise.
QStringList stringList(const QJsonObject &o, const char *key, const QString &path);
/// \brief ISO date at key (absent/null: invalid date); PlanError(path) when unparsable.
QDate optionalDate(const QJsonObject &o, const char *key, const QString &path);
/// \brief Number at key within [lo, hi] (bounds open when asked); fallback when absent.
double number(const QJsonObject &o, const char *key, double fallback, double lo, double hi,
              const QString &path, bool openLow = false, bool openHigh = false);
/// \brief Whole number at key within [lo, hi]; fallback when absent.
qint64 integer(const QJsonObject &o, const char *key, qint64 fallback, qint64 lo, qint64 hi,
               const QString &path);
/// \brief Index of the string at key among options; fallback when absent.
int choice(const QJsonObject &o, const char *key, std::initializer_list<const char *> options,
           int fallback, const QString &path);
/// \brief Object at key (absent: empty); PlanError(path) when not an object.
QJsonObject object(const QJsonObject &o, const char *key, const QString &path);
/// \brief Throws PlanError(prefix + key) for the first key of o not in known.
void onlyKeys(const QJsonObject &o, std::initializer_list<const char *> known,
              const QString &prefix);

/// \brief Throws PlanError(path).
[[noreturn]] void failAt(const QString &path);

/// \brief Plan sections parsed in evaluationplanparts.cpp.
void parseModels(const QJsonObject &json, EvaluationPlan &plan);
void parseCriteria(const QJsonObject &json, EvaluationPlan &plan);
void parseValidation(const QJsonObject &json, EvaluationPlan &plan);

} // namespace planparse
} // namespace metroeval::core
