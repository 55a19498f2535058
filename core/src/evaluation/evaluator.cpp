// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/evaluator.h"

#include "storage/workspace.h"
#include "stats/rates/proportion.h"

#include <metroeval/version.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {

struct Counts
{
    qint64 verified = 0;
    qint64 passed = 0;
};

// Builds the WHERE clause and its bound values from the plan's scope.
QString scopeClause(const EvaluationPlan &plan, QVariantList &values)
{
    QStringList terms{u"passed IS NOT NULL"_s};
    auto inList = [&](const char *column, const QStringList &items) {
        if (items.isEmpty())
            return;
        QStringList marks;
        for (const QString &item : items) {
            marks.append(u"?"_s);
            values.append(item);
        }
        terms.append(QString::fromLatin1(column) + u" IN ("_s + marks.join(u", "_s) + u")"_s);
    };
    inList("category", plan.categories);
    inList("manufacturer", plan.manufacturers);
    inList("verification_type", plan.verificationTypes);
    if (plan.from.isValid()) {
        terms.append(u"verification_day >= ?"_s);
        values.append(plan.from.toJulianDay());
    }
    if (plan.to.isValid()) {
        terms.append(u"verification_day <= ?"_s);
        values.append(plan.to.toJulianDay());
    }
    return terms.join(u" AND "_s);
}

GroupRate rateOf(const QString &key, const Counts &c, const EvaluationPlan &plan)
{
    const auto ci = plan.interval == IntervalMethod::Wilson
                        ? stats::wilsonInterval(c.passed, c.verified, plan.level)
                        : stats::clopperPearsonInterval(c.passed, c.verified, plan.level);
    return {key, c.verified, c.passed, ci.estimate, ci.lower, ci.upper,
            c.verified < plan.minGroupSize};
}

} // namespace

std::optional<EvaluationResult> evaluate(Workspace &workspace, const EvaluationPlan &plan,
                                         CoreError *error)
{
    QElapsedTimer timer;
    timer.start();
    QVariantList values;
    const QString where = scopeClause(plan, values);
    const QString groupColumn = QString(fieldInfo(plan.groupBy).key);
    QSqlQuery q(workspace.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + groupColumn + u", passed, content_hash FROM record WHERE "_s + where
              + u" ORDER BY id"_s);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = {ErrorCode::DatabaseError, q.lastError().text()};
        return std::nullopt;
    }
    QHash<QString, Counts> counts;
    QCryptographicHash fingerprint(QCryptographicHash::Sha256);
    qint64 total = 0;
    while (q.next()) {
        Counts &c = counts[q.value(0).toString()];
        ++c.verified;
        c.passed += q.value(1).toInt() == 1 ? 1 : 0;
        fingerprint.addData(q.value(2).toByteArray());
        ++total;
    }
    if (total == 0) {
        if (error)
            *error = {ErrorCode::NoData, plan.title};
        return std::nullopt;
    }
    EvaluationResult result;
    result.plan = plan;
    result.softwareVersion = QString::fromLatin1(metroeval::kVersion);
    result.createdAt = QDateTime::currentDateTimeUtc();
    result.dataFingerprint = QString::fromLatin1(fingerprint.result().toHex());
    result.recordsInScope = total;
    QSqlQuery batches(u"SELECT COUNT(*) FROM import_batch"_s, workspace.database());
    result.batches = batches.next() ? batches.value(0).toLongLong() : 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        result.groups.push_back(rateOf(it.key(), it.value(), plan));
    std::sort(result.groups.begin(), result.groups.end(), [](const GroupRate &a, const GroupRate &b) {
        return a.verified != b.verified ? a.verified > b.verified : a.key < b.key;
    });
    result.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

qint64 saveResult(Workspace &workspace, const EvaluationResult &result, CoreError *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"INSERT INTO evaluation_result (created_at, title, plan_json, result_json)"
              " VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(result.createdAt.toString(Qt::ISODateWithMs));
    q.addBindValue(result.plan.title);
    q.addBindValue(QString::fromUtf8(QJsonDocument(result.plan.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        if (error)
            *error = {ErrorCode::DatabaseError, q.lastError().text()};
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

} // namespace metroeval::core
