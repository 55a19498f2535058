// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/evaluationplan.h"

#include "evaluation/planparse.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cmath>

namespace metroeval::core {

using namespace Qt::StringLiterals;

using namespace planparse;

namespace {

struct GroupAlias
{
    const char *key;
    Field field;
};
// Plan keys accepted in group_by; "class" and "range" are the short names of the issue.
constexpr std::array<GroupAlias, 11> kGroupable{{
    {"manufacturer", Field::Manufacturer},
    {"model", Field::Model},
    {"accuracy_class", Field::AccuracyClass},
    {"class", Field::AccuracyClass},
    {"measuring_range", Field::MeasuringRange},
    {"range", Field::MeasuringRange},
    {"district", Field::District},
    {"industry", Field::Industry},
    {"customer", Field::Customer},
    {"category", Field::Category},
    {"verification_type", Field::VerificationType},
}};

constexpr std::array<const char *, 9> kIndicatorKeys{
    "pass_rate", "failed_items", "normalized_error", "drift", "reliability",
    "interval",  "trend",        "warning",          "score"};

constexpr std::array<const char *, 4> kPeriodKeys{"month", "quarter", "half", "year"};

void parseScope(const QJsonObject &json, EvaluationPlan &plan)
{
    const QJsonObject scope = object(json, "scope", u"scope"_s);
    onlyKeys(scope,
             {"categories", "from", "to", "districts", "industries", "manufacturers", "models",
              "verification_types"},
             u"scope."_s);
    plan.categories = stringList(scope, "categories", u"scope.categories"_s);
    plan.districts = stringList(scope, "districts", u"scope.districts"_s);
    plan.industries = stringList(scope, "industries", u"scope.industries"_s);
    plan.manufacturers = stringList(scope, "manufacturers", u"scope.manufacturers"_s);
    plan.models = stringList(scope, "models", u"scope.models"_s);
    plan.verificationTypes = stringList(scope, "verification_types", u"scope.verification_types"_s);
    plan.from = optionalDate(scope, "from", u"scope.from"_s);
    plan.to = optionalDate(scope, "to", u"scope.to"_s);
    if (plan.from.isValid() && plan.to.isValid() && plan.to < plan.from)
        throw PlanError{u"scope.to"_s};
}

void parseGrouping(const QJsonObject &json, EvaluationPlan &plan)
{
    const QStringList groupBy = stringList(json, "group_by", u"group_by"_s);
    if (groupBy.size() > 3)
        throw PlanError{u"group_by"_s};
    const QJsonValue period = json.value("period"_L1);
    if (!period.isUndefined()) {
        const auto it = std::find_if(kPeriodKeys.begin(), kPeriodKeys.end(), [&](const char *k) {
            return period.toString() == QLatin1StringView(k);
        });
        if (it == kPeriodKeys.end())
            throw PlanError{u"period"_s};
        plan.period = static_cast<PeriodUnit>(it - kPeriodKeys.begin());
    }
    if (groupBy.isEmpty())
        return;
    plan.groupByFields.clear();
    for (qsizetype i = 0; i < groupBy.size(); ++i) {
        const auto it = std::find_if(kGroupable.begin(), kGroupable.end(), [&](const auto &a) {
            return groupBy.at(i) == QLatin1StringView(a.key);
        });
        const QString path = u"group_by[%1]"_s.arg(i);
        if (it == kGroupable.end())
            throw PlanError{path};
        if (std::find(plan.groupByFields.begin(), plan.groupByFields.end(), it->field)
            != plan.groupByFields.end())
            throw PlanError{path};
        plan.groupByFields.push_back(it->field);
    }
    plan.groupBy = plan.groupByFields.front();
}

void parseIndicators(const QJsonObject &json, EvaluationPlan &plan)
{
    if (!json.contains("indicators"_L1))
        return;
    const QStringList list = stringList(json, "indicators", u"indicators"_s);
    plan.indicators.clear();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto it
            = std::find_if(kIndicatorKeys.begin(), kIndicatorKeys.end(),
                           [&](const char *k) { return list.at(i) == QLatin1StringView(k); });
        if (it == kIndicatorKeys.end())
            throw PlanError{u"indicators[%1]"_s.arg(i)};
        const auto indicator = static_cast<Indicator>(it - kIndicatorKeys.begin());
        if (plan.has(indicator))
            throw PlanError{u"indicators[%1]"_s.arg(i)};
        plan.indicators.push_back(indicator);
    }
}

} // namespace

bool EvaluationPlan::has(Indicator indicator) const
{
    return std::find(indicators.begin(), indicators.end(), indicator) != indicators.end();
}

QString indicatorKey(Indicator indicator)
{
    return QString::fromLatin1(kIndicatorKeys[static_cast<std::size_t>(indicator)]);
}

QString periodKey(PeriodUnit unit)
{
    return QString::fromLatin1(kPeriodKeys[static_cast<std::size_t>(unit)]);
}

std::optional<EvaluationPlan> EvaluationPlan::fromJson(const QJsonObject &json, CoreError *error)
{
    try {
        if (json.value("format"_L1).toString() != "metroeval-plan/1"_L1)
            throw PlanError{u"format"_s};
        onlyKeys(json,
                 {"format", "title", "description", "scope", "group_by", "period", "indicators",
                  "models", "criteria", "validation"},
                 QString());
        EvaluationPlan plan;
        const QJsonValue title = json.value("title"_L1);
        if (!title.isUndefined() && !title.isString())
            throw PlanError{u"title"_s};
        plan.title = title.toString();
        parseScope(json, plan);
        parseGrouping(json, plan);
        parseIndicators(json, plan);
        parseModels(json, plan);
        parseCriteria(json, plan);
        parseValidation(json, plan);
        return plan;
    } catch (const PlanError &e) {
        if (error)
            *error = {ErrorCode::InvalidPlan, e.path};
        return std::nullopt;
    }
}

std::optional<EvaluationPlan> loadPlanFile(const QString &path, CoreError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {ErrorCode::FileUnreadable, path};
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = {ErrorCode::InvalidPlan, u"json"_s};
        return std::nullopt;
    }
    return EvaluationPlan::fromJson(doc.object(), error);
}

bool savePlanFile(const EvaluationPlan &plan, const QString &path, CoreError *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(plan.toJson()).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        if (error)
            *error = {ErrorCode::FileUnwritable, path};
        return false;
    }
    return true;
}

} // namespace metroeval::core
