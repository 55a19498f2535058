// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/planstore.h"

#include "storage/workspace.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {

bool dbFail(const QSqlQuery &q, CoreError *error)
{
    if (error)
        *error = {ErrorCode::DatabaseError, q.lastError().text()};
    return false;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

bool isValidPlanName(const QString &name)
{
    if (name.isEmpty() || name.size() > 100 || name.trimmed().isEmpty())
        return false;
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

bool savePlanJson(Workspace &workspace, const QString &name, const QJsonObject &json,
                  const QString &userName, CoreError *error)
{
    if (!isValidPlanName(name)) {
        if (error)
            *error = {ErrorCode::InvalidPlan, u"name"_s};
        return false;
    }
    const auto plan = EvaluationPlan::fromJson(json, error);
    if (!plan)
        return false;
    const QString text
        = QString::fromUtf8(QJsonDocument(plan->toJson()).toJson(QJsonDocument::Indented));
    QSqlQuery q(workspace.database());
    q.prepare(u"INSERT INTO evaluation_plan (name, plan_json, title, created_at, updated_at,"
              " user_name) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
              " plan_json = excluded.plan_json, title = excluded.title,"
              " updated_at = excluded.updated_at, user_name = excluded.user_name"_s);
    const QString stamp = now();
    for (const QVariant &v : {QVariant(name), QVariant(text), QVariant(plan->title),
                              QVariant(stamp), QVariant(stamp), QVariant(userName)})
        q.addBindValue(v);
    return q.exec() || dbFail(q, error);
}

bool savePlan(Workspace &workspace, const QString &name, const EvaluationPlan &plan,
              const QString &userName, CoreError *error)
{
    return savePlanJson(workspace, name, plan.toJson(), userName, error);
}

std::optional<std::vector<StoredPlanInfo>> listPlans(Workspace &workspace, CoreError *error)
{
    QSqlQuery q(workspace.database());
    if (!q.exec(u"SELECT name, title, created_at, updated_at, user_name FROM evaluation_plan"
                " ORDER BY name"_s)) {
        dbFail(q, error);
        return std::nullopt;
    }
    std::vector<StoredPlanInfo> out;
    while (q.next()) {
        out.push_back({q.value(0).toString(), q.value(1).toString(),
                       QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs),
                       QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs),
                       q.value(4).toString()});
    }
    return out;
}

std::optional<EvaluationPlan> loadStoredPlan(Workspace &workspace, const QString &name,
                                             CoreError *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"SELECT plan_json FROM evaluation_plan WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec()) {
        dbFail(q, error);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = {ErrorCode::InvalidPlan, u"json"_s};
        return std::nullopt;
    }
    return EvaluationPlan::fromJson(doc.object(), error);
}

bool deletePlan(Workspace &workspace, const QString &name, CoreError *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"DELETE FROM evaluation_plan WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec())
        return dbFail(q, error);
    return q.numRowsAffected() > 0;
}

} // namespace metroeval::core
