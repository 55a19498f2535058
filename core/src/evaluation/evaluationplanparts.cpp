// SPDX-License-Identifier: GPL-3.0-or-later
// The models, criteria and validation sections of a plan, and the plan's JSON form.
#include "evaluation/evaluationplan.h"
#include "evaluation/planparse.h"

#include <QJsonArray>

#include <limits>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
// Metrics a score or grade can use; the first three are higher-is-better.
const QStringList kBenefitMetrics{u"pass_rate"_s, u"score"_s, u"b10_life_years"_s};
const QStringList kCostMetrics{u"near_limit_share"_s, u"mean_normalized_error"_s, u"drift_rate"_s};
const char *const kWeightKeys[] = {"entropy", "critic", "equal"};
const char *const kDistributionKeys[] = {"weibull", "lognormal", "exponential"};

// models.warning.rules as written back: the k-sigma rule, the run rules, the sequential charts.
QStringList warningRules(const WarningModel &warning)
{
    QStringList rules = QStringList{u"beyond_3sigma"_s} + warning.ruleNames;
    if (warning.ewma)
        rules.append(u"ewma"_s);
    if (warning.cusum)
        rules.append(u"cusum"_s);
    return rules;
}
} // namespace

namespace planparse {

void parseModels(const QJsonObject &json, EvaluationPlan &plan)
{
    const QJsonObject models = object(json, "models", u"models"_s);
    onlyKeys(models,
             {"pass_rate", "normalized_error", "drift", "trend", "warning", "reliability",
              "interval", "score", "failed_items"},
             u"models."_s);
    const QJsonObject passRate = object(models, "pass_rate", u"models.pass_rate"_s);
    onlyKeys(passRate, {"ci", "level"}, u"models.pass_rate."_s);
    plan.interval = static_cast<IntervalMethod>(
        choice(passRate, "ci", {"wilson", "clopper_pearson"}, 0, u"models.pass_rate.ci"_s));
    plan.level = number(passRate, "level", 0.95, 0.5, 1.0, u"models.pass_rate.level"_s, true, true);

    const QJsonObject error = object(models, "normalized_error", u"models.normalized_error"_s);
    onlyKeys(error, {"near_limit"}, u"models.normalized_error."_s);
    plan.nearLimit = number(error, "near_limit", 0.8, 0.0, 1.0,
                            u"models.normalized_error.near_limit"_s, true, false);

    const QJsonObject drift = object(models, "drift", u"models.drift"_s);
    onlyKeys(drift, {"min_verifications"}, u"models.drift."_s);
    plan.minDriftPoints
        = integer(drift, "min_verifications", 3, 2, 1000, u"models.drift.min_verifications"_s);

    const QJsonObject trend = object(models, "trend", u"models.trend"_s);
    onlyKeys(trend, {"test", "alpha"}, u"models.trend."_s);
    plan.trend.cochranArmitage
        = choice(trend, "test", {"cochran_armitage", "mann_kendall"}, 0, u"models.trend.test"_s)
          == 0;
    plan.trend.alpha = number(trend, "alpha", 0.05, 0.0, 0.5, u"models.trend.alpha"_s, true);

    const QJsonObject warning = object(models, "warning", u"models.warning"_s);
    onlyKeys(warning,
             {"chart", "sigma", "baseline_periods", "min_baseline_records", "run_rules", "rules",
              "ewma_lambda", "ewma_limit", "cusum_k", "cusum_h", "recent_periods"},
             u"models.warning."_s);
    plan.warning.laney
        = choice(warning, "chart", {"laney_p", "p"}, 0, u"models.warning.chart"_s) == 0;
    plan.warning.sigmaLimit = number(warning, "sigma", 3.0, 1.0, 6.0, u"models.warning.sigma"_s);
    plan.warning.baselinePeriods = int(
        integer(warning, "baseline_periods", 0, 0, 120, u"models.warning.baseline_periods"_s));
    if (plan.warning.baselinePeriods == 1)
        failAt(u"models.warning.baseline_periods"_s);
    plan.warning.minBaselineRecords = integer(warning, "min_baseline_records", 30, 1, 1000000000,
                                              u"models.warning.min_baseline_records"_s);
    const QJsonValue runRules = warning.value("run_rules"_L1);
    if (!runRules.isUndefined() && !runRules.isBool())
        failAt(u"models.warning.run_rules"_s);
    plan.warning.runRules = runRules.toBool(true);
    if (warning.contains("rules"_L1)) {
        // The k-sigma rule always applies; "beyond_3sigma" is accepted for the record.
        const QStringList rules = stringList(warning, "rules", u"models.warning.rules"_s);
        const QStringList known{u"beyond_3sigma"_s, u"two_of_three"_s, u"four_of_five"_s,
                                u"run_of_8"_s,      u"ewma"_s,         u"cusum"_s};
        plan.warning.ruleNames.clear();
        for (qsizetype i = 0; i < rules.size(); ++i) {
            if (!known.contains(rules.at(i)) || rules.indexOf(rules.at(i)) != i)
                failAt(u"models.warning.rules[%1]"_s.arg(i));
            if (rules.at(i) == "ewma"_L1)
                plan.warning.ewma = true;
            else if (rules.at(i) == "cusum"_L1)
                plan.warning.cusum = true;
            else if (rules.at(i) != "beyond_3sigma"_L1)
                plan.warning.ruleNames.append(rules.at(i));
        }
    }
    plan.warning.ewmaLambda = number(warning, "ewma_lambda", 0.2, 0.0, 1.0,
                                     u"models.warning.ewma_lambda"_s, true, false);
    plan.warning.ewmaLimit
        = number(warning, "ewma_limit", 2.962, 0.0, 6.0, u"models.warning.ewma_limit"_s, true);
    plan.warning.cusumK = number(warning, "cusum_k", 0.5, 0.0, 3.0, u"models.warning.cusum_k"_s);
    plan.warning.cusumH
        = number(warning, "cusum_h", 3.5, 0.0, 20.0, u"models.warning.cusum_h"_s, true);
    plan.warning.recentPeriods
        = int(integer(warning, "recent_periods", 3, 1, 120, u"models.warning.recent_periods"_s));

    const QJsonObject reliability = object(models, "reliability", u"models.reliability"_s);
    onlyKeys(reliability, {"origin", "distribution", "level", "min_failures", "censoring"},
             u"models.reliability."_s);
    plan.reliability.originManufacture
        = choice(reliability, "origin", {"first_verification", "manufacture_date"}, 0,
                 u"models.reliability.origin"_s)
          == 1;
    plan.reliability.distribution
        = choice(reliability, "distribution", {"weibull", "lognormal", "exponential"}, 0,
                 u"models.reliability.distribution"_s);
    choice(reliability, "censoring", {"interval"}, 0, u"models.reliability.censoring"_s);
    plan.reliability.level
        = number(reliability, "level", 0.95, 0.5, 1.0, u"models.reliability.level"_s, true, true);
    plan.reliability.minFailures
        = integer(reliability, "min_failures", 5, 1, 1000000, u"models.reliability.min_failures"_s);

    const QJsonObject interval = object(models, "interval", u"models.interval"_s);
    onlyKeys(interval, {"method", "target", "confidence", "current_days"}, u"models.interval."_s);
    choice(interval, "method", {"A3"}, 0, u"models.interval.method"_s);
    plan.intervalModel.target
        = number(interval, "target", 0.90, 0.0, 1.0, u"models.interval.target"_s, true, true);
    plan.intervalModel.confidence = number(interval, "confidence", 0.5, 0.0, 1.0,
                                           u"models.interval.confidence"_s, true, true);
    plan.intervalModel.currentDays
        = number(interval, "current_days", 0.0, 0.0, 36500.0, u"models.interval.current_days"_s);

    const QJsonObject score = object(models, "score", u"models.score"_s);
    onlyKeys(score, {"weights", "method", "criteria"}, u"models.score."_s);
    plan.score.weights
        = choice(score, "weights", {"entropy", "critic", "equal"}, 0, u"models.score.weights"_s);
    plan.score.topsis
        = choice(score, "method", {"topsis", "weighted_sum"}, 0, u"models.score.method"_s) == 0;
    if (score.contains("criteria"_L1)) {
        plan.score.criteria = stringList(score, "criteria", u"models.score.criteria"_s);
        if (plan.score.criteria.size() < 2)
            failAt(u"models.score.criteria"_s);
        for (qsizetype i = 0; i < plan.score.criteria.size(); ++i) {
            const QString &c = plan.score.criteria.at(i);
            if ((c == "score"_L1 || !kBenefitMetrics.contains(c)) && !kCostMetrics.contains(c))
                failAt(u"models.score.criteria[%1]"_s.arg(i));
        }
    }
    const QJsonObject failedItems = object(models, "failed_items", u"models.failed_items"_s);
    onlyKeys(failedItems, {}, u"models.failed_items."_s);
}

void parseCriteria(const QJsonObject &json, EvaluationPlan &plan)
{
    const QJsonObject criteria = object(json, "criteria", u"criteria"_s);
    onlyKeys(criteria, {"grades"}, u"criteria."_s);
    const QJsonValue gradesValue = criteria.value("grades"_L1);
    if (gradesValue.isUndefined())
        return;
    if (!gradesValue.isArray() || gradesValue.toArray().size() < 2)
        failAt(u"criteria.grades"_s);
    const QJsonArray grades = gradesValue.toArray();
    double previous = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < grades.size(); ++i) {
        const QString path = u"criteria.grades[%1]"_s.arg(i);
        if (!grades.at(i).isObject())
            failAt(path);
        const QJsonObject g = grades.at(i).toObject();
        if (!g.value("name"_L1).isString() || g.value("name"_L1).toString().isEmpty())
            failAt(path + u".name"_s);
        if (g.size() != 2)
            failAt(path);
        QString key;
        for (auto it = g.begin(); it != g.end(); ++it) {
            if (it.key() != "name"_L1)
                key = it.key();
        }
        const bool lower = key.startsWith("max_"_L1);
        const QString metric = key.mid(4);
        const bool known = lower ? kCostMetrics.contains(metric)
                                 : key.startsWith("min_"_L1) && kBenefitMetrics.contains(metric);
        if (!known
            || (i > 0 && (metric != plan.criteria.metric || lower != plan.criteria.lowerIsBetter)))
            failAt(path + u"."_s + key);
        if (!g.value(key).isDouble())
            failAt(path + u"."_s + key);
        // Stored as "higher is better": a cost threshold is negated, so thresholds descend.
        const double t = lower ? -g.value(key).toDouble() : g.value(key).toDouble();
        if (!(t < previous))
            failAt(path + u"."_s + key);
        previous = t;
        plan.criteria.metric = metric;
        plan.criteria.lowerIsBetter = lower;
        plan.criteria.grades.push_back({g.value("name"_L1).toString(), t});
    }
    if (plan.criteria.metric == "score"_L1 && !plan.has(Indicator::Score))
        failAt(u"criteria.grades[0].min_score"_s);
}

void parseValidation(const QJsonObject &json, EvaluationPlan &plan)
{
    const QJsonObject v = object(json, "validation", u"validation"_s);
    onlyKeys(
        v,
        {"min_group_size", "backtest_periods", "backtest_cut", "bootstrap", "sensitivity", "seed"},
        u"validation."_s);
    plan.minGroupSize
        = integer(v, "min_group_size", 30, 1, 1000000000, u"validation.min_group_size"_s);
    plan.validation.backtestPeriods
        = int(integer(v, "backtest_periods", 4, 0, 120, u"validation.backtest_periods"_s));
    plan.validation.backtestCut = optionalDate(v, "backtest_cut", u"validation.backtest_cut"_s);
    plan.validation.bootstrap
        = int(integer(v, "bootstrap", 200, 0, 100000, u"validation.bootstrap"_s));
    plan.validation.sensitivity
        = number(v, "sensitivity", 0.01, 0.0, 1.0, u"validation.sensitivity"_s, true);
    // Seeds are JSON numbers; 2^53 keeps them exact in a double.
    plan.validation.seed
        = std::uint64_t(integer(v, "seed", 1, 0, (qint64(1) << 53), u"validation.seed"_s));
}

} // namespace planparse

QJsonObject EvaluationPlan::toJson() const
{
    auto list = [](const QStringList &l) {
        return QJsonArray::fromStringList(l);
    };
    QJsonObject scope{
        {u"categories"_s, list(categories)}, {u"districts"_s, list(districts)},
        {u"industries"_s, list(industries)}, {u"manufacturers"_s, list(manufacturers)},
        {u"models"_s, list(models)},         {u"verification_types"_s, list(verificationTypes)}};
    if (from.isValid())
        scope.insert(u"from"_s, from.toString(Qt::ISODate));
    if (to.isValid())
        scope.insert(u"to"_s, to.toString(Qt::ISODate));
    QJsonArray groups;
    for (Field f : groupByFields)
        groups.append(QString(fieldInfo(f).key));
    QJsonArray indicatorList;
    for (Indicator i : indicators)
        indicatorList.append(indicatorKey(i));
    const QJsonObject modelObject{
        {u"pass_rate"_s,
         QJsonObject{
             {u"ci"_s, interval == IntervalMethod::Wilson ? u"wilson"_s : u"clopper_pearson"_s},
             {u"level"_s, level}}},
        {u"normalized_error"_s, QJsonObject{{u"near_limit"_s, nearLimit}}},
        {u"drift"_s, QJsonObject{{u"min_verifications"_s, minDriftPoints}}},
        {u"trend"_s,
         QJsonObject{{u"test"_s, trend.cochranArmitage ? u"cochran_armitage"_s : u"mann_kendall"_s},
                     {u"alpha"_s, trend.alpha}}},
        {u"warning"_s, QJsonObject{{u"chart"_s, warning.laney ? u"laney_p"_s : u"p"_s},
                                   {u"sigma"_s, warning.sigmaLimit},
                                   {u"baseline_periods"_s, warning.baselinePeriods},
                                   {u"min_baseline_records"_s, warning.minBaselineRecords},
                                   {u"run_rules"_s, warning.runRules},
                                   {u"rules"_s, QJsonArray::fromStringList(warningRules(warning))},
                                   {u"ewma_lambda"_s, warning.ewmaLambda},
                                   {u"ewma_limit"_s, warning.ewmaLimit},
                                   {u"cusum_k"_s, warning.cusumK},
                                   {u"cusum_h"_s, warning.cusumH},
                                   {u"recent_periods"_s, warning.recentPeriods}}},
        {u"reliability"_s,
         QJsonObject{
             {u"origin"_s,
              reliability.originManufacture ? u"manufacture_date"_s : u"first_verification"_s},
             {u"distribution"_s, QString::fromLatin1(kDistributionKeys[reliability.distribution])},
             {u"censoring"_s, u"interval"_s},
             {u"level"_s, reliability.level},
             {u"min_failures"_s, reliability.minFailures}}},
        {u"interval"_s, QJsonObject{{u"method"_s, u"A3"_s},
                                    {u"target"_s, intervalModel.target},
                                    {u"confidence"_s, intervalModel.confidence},
                                    {u"current_days"_s, intervalModel.currentDays}}},
        {u"score"_s, QJsonObject{{u"weights"_s, QString::fromLatin1(kWeightKeys[score.weights])},
                                 {u"method"_s, score.topsis ? u"topsis"_s : u"weighted_sum"_s},
                                 {u"criteria"_s, list(score.criteria)}}},
    };
    QJsonObject json{
        {u"format"_s, u"metroeval-plan/1"_s},
        {u"title"_s, title},
        {u"scope"_s, scope},
        {u"group_by"_s, groups},
        {u"period"_s, periodKey(period)},
        {u"indicators"_s, indicatorList},
        {u"models"_s, modelObject},
        {u"validation"_s, QJsonObject{{u"min_group_size"_s, minGroupSize},
                                      {u"backtest_periods"_s, validation.backtestPeriods},
                                      {u"bootstrap"_s, validation.bootstrap},
                                      {u"sensitivity"_s, validation.sensitivity},
                                      {u"seed"_s, qint64(validation.seed)}}},
    };
    if (validation.backtestCut.isValid()) {
        QJsonObject v = json.value("validation"_L1).toObject();
        v.insert(u"backtest_cut"_s, validation.backtestCut.toString(Qt::ISODate));
        json.insert(u"validation"_s, v);
    }
    if (!criteria.grades.empty()) {
        QJsonArray grades;
        const QString key = (criteria.lowerIsBetter ? u"max_"_s : u"min_"_s) + criteria.metric;
        for (const GradeThreshold &g : criteria.grades)
            grades.append(QJsonObject{{u"name"_s, g.name},
                                      {key, criteria.lowerIsBetter ? -g.threshold : g.threshold}});
        json.insert(u"criteria"_s, QJsonObject{{u"grades"_s, grades}});
    }
    return json;
}

} // namespace metroeval::core
