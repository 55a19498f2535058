// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/evaluator.h"

#include "evaluation/dataset.h"
#include "evaluation/engine.h"
#include "stats/rates/proportion.h"
#include "storage/workspace.h"

#include <metroeval/version.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <future>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {

// Pass rate per value of the first group_by field: the table the report and GUI show.
std::vector<GroupRate> firstFieldRates(const ColumnarDataset &data, const EvaluationPlan &plan)
{
    const TextColumn column = *textColumnOf(plan.groupBy);
    const auto &codes = data.column(column);
    const Dictionary &dict = data.dictionary(column);
    std::vector<qint64> verified(dict.values.size(), 0), passed(dict.values.size(), 0);
    for (std::size_t r = 0; r < data.size(); ++r) {
        ++verified[codes[r]];
        passed[codes[r]] += data.passed[r];
    }
    std::vector<GroupRate> out;
    for (std::size_t c = 0; c < dict.values.size(); ++c) {
        if (verified[c] == 0)
            continue;
        const auto ci = plan.interval == IntervalMethod::Wilson
                            ? stats::wilsonInterval(passed[c], verified[c], plan.level)
                            : stats::clopperPearsonInterval(passed[c], verified[c], plan.level);
        out.push_back({dict.text(std::uint32_t(c)), verified[c], passed[c], ci.estimate, ci.lower,
                       ci.upper, verified[c] < plan.minGroupSize});
    }
    std::sort(out.begin(), out.end(), [](const GroupRate &a, const GroupRate &b) {
        return a.verified != b.verified ? a.verified > b.verified : a.key < b.key;
    });
    return out;
}

} // namespace

std::optional<EvaluationResult> evaluate(Workspace &workspace, const EvaluationPlan &plan,
                                         CoreError *error)
{
    return evaluate(workspace, plan, EvaluateOptions{}, error);
}

std::optional<EvaluationResult> evaluate(Workspace &workspace, const EvaluationPlan &inputPlan,
                                         const EvaluateOptions &options, CoreError *error)
{
    // A plan built in code may set only the legacy groupBy: it then is the one grouping field.
    EvaluationPlan plan = inputPlan;
    if (plan.groupByFields.empty() || plan.groupByFields.front() != plan.groupBy)
        plan.groupByFields = {plan.groupBy};
    QElapsedTimer total;
    total.start();
    QElapsedTimer stage;
    stage.start();
    EvaluationResult result;
    bool cancelled = false;
    // Reports progress and records the stage's time; false once the caller has cancelled.
    auto step = [&](const char *name, int percent) {
        result.stageTimings.insert(QString::fromLatin1(name), double(stage.nsecsElapsed()) / 1e6);
        stage.restart();
        if (options.progress && !options.progress(percent))
            cancelled = true;
        return !cancelled;
    };
    auto cancel = [&]() -> std::optional<EvaluationResult> {
        if (error)
            *error = {ErrorCode::Cancelled, plan.title};
        return std::nullopt;
    };
    if (options.progress && !options.progress(0))
        return cancel();

    auto data = loadDataset(
        workspace, plan, [&] { return options.progress && !options.progress(5); }, error,
        DatasetLoad::Direct, Fingerprint::Deferred);
    if (!data)
        return std::nullopt;
    if (data->size() == 0) {
        if (error)
            *error = {ErrorCode::NoData, plan.title};
        return std::nullopt;
    }
    if (!step("load", 30))
        return cancel();

    result.plan = plan;
    result.softwareVersion = QString::fromLatin1(metroeval::kVersion);
    result.createdAt = QDateTime::currentDateTimeUtc();
    // SHA-256 over 32 bytes per record is a few hundred ms on one core: it runs beside the
    // stages below (the future joins before every return).
    std::future<QString> fingerprint
        = std::async(std::launch::async, [hashes = std::move(data->contentHashes)] {
              return datasetFingerprint(hashes);
          });
    result.recordsInScope = qint64(data->size());
    QSqlQuery batches(u"SELECT COUNT(*) FROM import_batch"_s, workspace.database());
    result.batches = batches.next() ? batches.value(0).toLongLong() : 0;
    result.groups = firstFieldRates(*data, plan);

    engine::Context ctx{plan, *data, {}, {}, {}, {}};
    engine::buildGroups(ctx);
    for (const QString &label : ctx.axis.labels)
        result.periods.append(label);
    result.indicators.insert(u"pass_rate"_s, engine::passRateSection(ctx));
    // Instrument histories take the longest and need only the groups: they run beside the
    // indicator, warning and trend stages, which read other members of ctx (histories write only
    // GroupStats::driftRate and b10Years, which the scoring stage reads after the join).
    const bool withHistories = plan.has(Indicator::Drift) || plan.has(Indicator::Reliability)
                               || plan.has(Indicator::Interval);
    std::future<QJsonObject> histories;
    if (withHistories)
        histories
            = std::async(std::launch::async, [&ctx] { return engine::historiesSection(ctx); });
    if (!step("groups", 45))
        return cancel();
    if (plan.has(Indicator::FailedItems))
        result.indicators.insert(u"failed_items"_s, engine::failedItemsSection(ctx));
    // The error distribution also feeds the composite score and near-limit criteria.
    result.indicators.insert(u"normalized_error"_s, engine::normalizedErrorSection(ctx));
    if (!step("indicators", 55))
        return cancel();
    QJsonArray alarms;
    if (plan.has(Indicator::Warning))
        result.indicators.insert(u"warning"_s, engine::warningSection(ctx, alarms));
    if (plan.has(Indicator::Trend))
        result.indicators.insert(u"trend"_s, engine::trendSection(ctx, alarms));
    result.alarms = engine::rankAlarms(alarms);
    if (!step("warning", 65))
        return cancel();
    if (withHistories)
        result.indicators.insert(u"histories"_s, histories.get()); // the time left to wait
    if (!step("histories", 85))
        return cancel();
    const QJsonObject scoring = engine::scoringSection(ctx);
    for (auto it = scoring.begin(); it != scoring.end(); ++it)
        result.indicators.insert(it.key(), it.value());
    if (!step("scoring", 95))
        return cancel();
    result.validation = engine::validationSection(ctx, result.alarms);
    if (!step("validation", 100))
        return cancel();
    result.dataFingerprint = fingerprint.get();
    result.elapsedMs = double(total.nsecsElapsed()) / 1e6;
    return result;
}

qint64 saveResult(Workspace &workspace, const EvaluationResult &result, CoreError *error)
{
    QSqlQuery q(workspace.database());
    q.prepare(u"INSERT INTO evaluation_result (created_at, title, plan_json, result_json)"
              " VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(result.createdAt.toString(Qt::ISODateWithMs));
    q.addBindValue(result.plan.title);
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(result.plan.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        if (error)
            *error = {ErrorCode::DatabaseError, q.lastError().text()};
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

} // namespace metroeval::core
