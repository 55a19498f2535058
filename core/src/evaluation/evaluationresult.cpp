// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/evaluationresult.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
// JSON has no NaN: undefined numbers are written as null and read back as NaN.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

double numberOrNaN(const QJsonValue &v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}
} // namespace

QJsonObject EvaluationResult::toJson() const
{
    QJsonArray rows;
    for (const GroupRate &g : groups) {
        rows.append(QJsonObject{{u"key"_s, g.key},
                                {u"verified"_s, g.verified},
                                {u"passed"_s, g.passed},
                                {u"pass_rate"_s, number(g.rate)},
                                {u"ci_lower"_s, number(g.lower)},
                                {u"ci_upper"_s, number(g.upper)},
                                {u"below_min_group_size"_s, g.belowMinimum}});
    }
    QJsonObject allIndicators = indicators;
    QJsonObject passRate = allIndicators.value("pass_rate"_L1).toObject();
    passRate.insert(u"group_by"_s, QString(fieldInfo(plan.groupBy).key));
    passRate.insert(u"groups"_s, rows);
    allIndicators.insert(u"pass_rate"_s, passRate);
    QJsonObject timings = stageTimings;
    timings.insert(u"total"_s, elapsedMs);
    return {
        {u"format"_s, u"metroeval-result/1"_s},
        {u"software_version"_s, softwareVersion},
        {u"created_at"_s, createdAt.toString(Qt::ISODateWithMs)},
        {u"plan"_s, plan.toJson()},
        {u"data"_s, QJsonObject{{u"fingerprint"_s, dataFingerprint},
                                {u"records_in_scope"_s, recordsInScope},
                                {u"batches"_s, batches}}},
        {u"periods"_s, QJsonArray::fromStringList(periods)},
        {u"indicators"_s, allIndicators},
        {u"alarms"_s, alarms},
        {u"validation"_s, validation},
        {u"timings_ms"_s, timings},
    };
}

std::optional<EvaluationResult> EvaluationResult::fromJson(const QJsonObject &json,
                                                           CoreError *error)
{
    auto fail = [error](const QString &path) -> std::optional<EvaluationResult> {
        if (error)
            *error = {ErrorCode::InvalidResult, path};
        return std::nullopt;
    };
    if (json.value("format"_L1).toString() != "metroeval-result/1"_L1)
        return fail(u"format"_s);
    EvaluationResult r;
    CoreError planError;
    const auto plan = EvaluationPlan::fromJson(json.value("plan"_L1).toObject(), &planError);
    if (!plan)
        return fail(u"plan."_s + planError.detail);
    r.plan = *plan;
    r.softwareVersion = json.value("software_version"_L1).toString();
    r.createdAt = QDateTime::fromString(json.value("created_at"_L1).toString(), Qt::ISODateWithMs);
    const QJsonObject data = json.value("data"_L1).toObject();
    r.dataFingerprint = data.value("fingerprint"_L1).toString();
    r.recordsInScope = data.value("records_in_scope"_L1).toInteger();
    r.batches = data.value("batches"_L1).toInteger();
    r.stageTimings = json.value("timings_ms"_L1).toObject();
    r.elapsedMs = r.stageTimings.take(u"total"_s).toDouble();
    for (const QJsonValue &p : json.value("periods"_L1).toArray())
        r.periods.append(p.toString());
    r.indicators = json.value("indicators"_L1).toObject();
    QJsonObject passRate = r.indicators.value("pass_rate"_L1).toObject();
    passRate.remove(u"group_by"_s);
    passRate.remove(u"groups"_s);
    r.indicators.insert(u"pass_rate"_s, passRate);
    r.alarms = json.value("alarms"_L1).toArray();
    r.validation = json.value("validation"_L1).toObject();
    const QJsonValue groups = json.value("indicators"_L1)
                                  .toObject()
                                  .value("pass_rate"_L1)
                                  .toObject()
                                  .value("groups"_L1);
    if (!groups.isArray())
        return fail(u"indicators.pass_rate.groups"_s);
    for (const QJsonValue &v : groups.toArray()) {
        const QJsonObject o = v.toObject();
        if (!o.value("key"_L1).isString() || !o.value("verified"_L1).isDouble())
            return fail(u"indicators.pass_rate.groups"_s);
        r.groups.push_back({o.value("key"_L1).toString(), o.value("verified"_L1).toInteger(),
                            o.value("passed"_L1).toInteger(), numberOrNaN(o.value("pass_rate"_L1)),
                            numberOrNaN(o.value("ci_lower"_L1)),
                            numberOrNaN(o.value("ci_upper"_L1)),
                            o.value("below_min_group_size"_L1).toBool()});
    }
    return r;
}

} // namespace metroeval::core
