// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/evaluationplan.h"

#include <QJsonArray>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
const QStringList kGroupable{u"manufacturer"_s, u"model"_s, u"category"_s, u"district"_s,
                             u"industry"_s, u"accuracy_class"_s, u"verification_type"_s};

std::optional<QStringList> stringList(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringList{};
    if (!value.isArray())
        return std::nullopt;
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            return std::nullopt;
        out.append(v.toString());
    }
    return out;
}

std::optional<QDate> optionalDate(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QDate();
    const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}
} // namespace

std::optional<EvaluationPlan> EvaluationPlan::fromJson(const QJsonObject &json, CoreError *error)
{
    auto fail = [error](const QString &path) -> std::optional<EvaluationPlan> {
        if (error)
            *error = {ErrorCode::InvalidPlan, path};
        return std::nullopt;
    };
    if (json.value("format"_L1).toString() != "metroeval-plan/1"_L1)
        return fail(u"format"_s);
    EvaluationPlan plan;
    plan.title = json.value("title"_L1).toString();
    const QJsonObject scope = json.value("scope"_L1).toObject();
    const auto categories = stringList(scope.value("categories"_L1));
    if (!categories)
        return fail(u"scope.categories"_s);
    plan.categories = *categories;
    const auto manufacturers = stringList(scope.value("manufacturers"_L1));
    if (!manufacturers)
        return fail(u"scope.manufacturers"_s);
    plan.manufacturers = *manufacturers;
    const auto types = stringList(scope.value("verification_types"_L1));
    if (!types)
        return fail(u"scope.verification_types"_s);
    plan.verificationTypes = *types;
    const auto from = optionalDate(scope.value("from"_L1));
    if (!from)
        return fail(u"scope.from"_s);
    const auto to = optionalDate(scope.value("to"_L1));
    if (!to)
        return fail(u"scope.to"_s);
    if (from->isValid() && to->isValid() && *to < *from)
        return fail(u"scope.to"_s);
    plan.from = *from;
    plan.to = *to;

    const auto groupBy = stringList(json.value("group_by"_L1));
    if (!groupBy || groupBy->size() > 1)
        return fail(u"group_by"_s);
    if (!groupBy->isEmpty()) {
        const auto field = fieldFromKey(groupBy->constFirst());
        if (!field || !kGroupable.contains(groupBy->constFirst()))
            return fail(u"group_by[0]"_s);
        plan.groupBy = *field;
    }
    const auto indicators = stringList(json.value("indicators"_L1));
    if (!indicators)
        return fail(u"indicators"_s);
    for (qsizetype i = 0; i < indicators->size(); ++i) {
        if (indicators->at(i) != "pass_rate"_L1)
            return fail(u"indicators[%1]"_s.arg(i));
    }
    const QJsonObject passRate = json.value("models"_L1).toObject().value("pass_rate"_L1).toObject();
    const QString ci = passRate.value("ci"_L1).toString(u"wilson"_s);
    if (ci == "wilson"_L1)
        plan.interval = IntervalMethod::Wilson;
    else if (ci == "clopper_pearson"_L1)
        plan.interval = IntervalMethod::ClopperPearson;
    else
        return fail(u"models.pass_rate.ci"_s);
    plan.level = passRate.value("level"_L1).toDouble(0.95);
    if (!(plan.level > 0.5 && plan.level < 1.0))
        return fail(u"models.pass_rate.level"_s);
    const QJsonValue minGroup = json.value("validation"_L1).toObject().value("min_group_size"_L1);
    if (!minGroup.isUndefined()) {
        if (!minGroup.isDouble() || minGroup.toDouble() < 1)
            return fail(u"validation.min_group_size"_s);
        plan.minGroupSize = minGroup.toInteger();
    }
    return plan;
}

QJsonObject EvaluationPlan::toJson() const
{
    QJsonObject scope{{u"categories"_s, toArray(categories)},
                      {u"manufacturers"_s, toArray(manufacturers)},
                      {u"verification_types"_s, toArray(verificationTypes)}};
    if (from.isValid())
        scope.insert(u"from"_s, from.toString(Qt::ISODate));
    if (to.isValid())
        scope.insert(u"to"_s, to.toString(Qt::ISODate));
    return {
        {u"format"_s, u"metroeval-plan/1"_s},
        {u"title"_s, title},
        {u"scope"_s, scope},
        {u"group_by"_s, QJsonArray{QString(fieldInfo(groupBy).key)}},
        {u"indicators"_s, QJsonArray{u"pass_rate"_s}},
        {u"models"_s,
         QJsonObject{{u"pass_rate"_s,
                      QJsonObject{{u"ci"_s, interval == IntervalMethod::Wilson
                                                 ? u"wilson"_s
                                                 : u"clopper_pearson"_s},
                                  {u"level"_s, level}}}}},
        {u"validation"_s, QJsonObject{{u"min_group_size"_s, minGroupSize}}},
    };
}

} // namespace metroeval::core
