// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/evaluation/scoring_test.cpp).
// Composite score (entropy/CRITIC/equal weights, TOPSIS or weighted sum), ranks, grades on the
// plan's criteria, bootstrap intervals of scores and ranks, and threshold sensitivity.
#include "evaluation/engine.h"
#include "evaluation/splitmix.h"

#include "stats/rates/composite.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

namespace {

bool isCost(const QString &metric)
{
    return metric == "near_limit_share"_L1 || metric == "mean_normalized_error"_L1
           || metric == "drift_rate"_L1;
}

// Scores of the rows of data (alternatives × criteria); NaN everywhere when undefined.
Eigen::VectorXd scoreMatrix(const Eigen::MatrixXd &data, const ScoreModel &model,
                            const std::vector<stats::CriterionDirection> &dirs,
                            Eigen::VectorXd *weightsOut)
{
    const Eigen::VectorXd undefined = Eigen::VectorXd::Constant(data.rows(), kNaN);
    stats::CompositeResult w;
    if (model.weights == 2) {
        w.values = Eigen::VectorXd::Constant(data.cols(), 1.0 / double(data.cols()));
    } else {
        w = model.weights == 0 ? stats::entropyWeights(data, dirs)
                               : stats::criticWeights(data, dirs);
        if (w.status != stats::RateStatus::Ok)
            return undefined;
    }
    if (weightsOut)
        *weightsOut = w.values;
    const std::vector<double> weights(w.values.data(), w.values.data() + w.values.size());
    stats::CompositeResult s;
    if (model.topsis) {
        s = stats::topsisCloseness(data, weights, dirs);
    } else {
        // A constant column is NaN after min–max: it separates nobody, so it counts as 0.
        Eigen::MatrixXd normalized = stats::normalizeMinMax(data, dirs);
        normalized = normalized.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; });
        s = stats::weightedSum(normalized, weights);
    }
    return s.status == stats::RateStatus::Ok ? s.values : undefined;
}

std::vector<int> ranksOf(const Eigen::VectorXd &scores)
{
    std::vector<int> order(std::size_t(scores.size()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    // NaN scores sort last (a NaN in the comparison would break the strict weak ordering).
    auto key = [&](int i) {
        return std::isnan(scores[i]) ? -std::numeric_limits<double>::infinity() : scores[i];
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) > key(b); });
    std::vector<int> rank(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[std::size_t(order[i])] = int(i) + 1;
    return rank;
}

double percentile(std::vector<double> v, double p)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
    if (v.empty())
        return kNaN;
    std::sort(v.begin(), v.end());
    const double h = (double(v.size()) - 1.0) * p;
    const auto lo = std::size_t(h);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (h - double(lo)) * (v[hi] - v[lo]);
}

QJsonValue gradeName(const Criteria &c, double value, double shift)
{
    if (std::isnan(value))
        return QJsonValue::Null;
    std::vector<double> thresholds;
    for (const GradeThreshold &g : c.grades)
        thresholds.push_back(g.threshold + shift);
    const auto index = stats::gradeFromThresholds(c.lowerIsBetter ? -value : value, thresholds);
    if (!index || *index >= c.grades.size())
        return QJsonValue::Null;
    return c.grades[*index].name;
}

} // namespace

QJsonObject scoringSection(Context &ctx)
{
    const EvaluationPlan &plan = ctx.plan;
    QJsonObject out;
    if (plan.has(Indicator::Score)) {
        const QStringList &criteria = plan.score.criteria;
        std::vector<stats::CriterionDirection> dirs;
        for (const QString &c : criteria)
            dirs.push_back(isCost(c) ? stats::CriterionDirection::Cost
                                     : stats::CriterionDirection::Benefit);
        // Alternatives: groups with enough records and every criterion defined.
        std::vector<std::size_t> eligible;
        for (std::size_t g = 0; g < ctx.groups.size(); ++g) {
            bool ok = !ctx.groups[g].belowMinimum;
            for (const QString &c : criteria)
                ok = ok && std::isfinite(metricValue(ctx.groups[g], c));
            if (ok)
                eligible.push_back(g);
        }
        const auto m = Eigen::Index(eligible.size());
        Eigen::MatrixXd data(m, Eigen::Index(criteria.size()));
        for (Eigen::Index i = 0; i < m; ++i)
            for (qsizetype j = 0; j < criteria.size(); ++j)
                data(i, j) = metricValue(ctx.groups[eligible[std::size_t(i)]], criteria.at(j));
        Eigen::VectorXd weights = Eigen::VectorXd::Constant(data.cols(), kNaN);
        const Eigen::VectorXd scores = m >= 2 ? scoreMatrix(data, plan.score, dirs, &weights)
                                              : Eigen::VectorXd::Constant(m, kNaN);
        const std::vector<int> ranks = ranksOf(scores);
        for (Eigen::Index i = 0; i < m; ++i) {
            GroupStats &g = ctx.groups[eligible[std::size_t(i)]];
            g.score = scores[i];
            g.rank = std::isnan(scores[i]) ? 0 : ranks[std::size_t(i)];
        }
        // Bootstrap: redraw the count-based criteria of every group (parametric binomial
        // resampling), keep the others, and redo weights, scores and ranks.
        const int replicates
            = m >= 2 && std::isfinite(scores.sum()) ? plan.validation.bootstrap : 0;
        auto bootScores = std::vector<std::vector<double>>(std::size_t(m));
        auto bootRanks = std::vector<std::vector<double>>(std::size_t(m));
        SplitMix64 rng(plan.validation.seed);
        for (int b = 0; b < replicates; ++b) {
            Eigen::MatrixXd resampled = data;
            for (Eigen::Index i = 0; i < m; ++i) {
                const GroupStats &g = ctx.groups[eligible[std::size_t(i)]];
                for (qsizetype j = 0; j < criteria.size(); ++j) {
                    if (criteria.at(j) == "pass_rate"_L1)
                        resampled(i, j)
                            = double(rng.binomial(g.verified, g.rate)) / double(g.verified);
                    else if (criteria.at(j) == "near_limit_share"_L1 && g.withError > 0)
                        resampled(i, j) = double(rng.binomial(g.withError, g.nearLimitShare))
                                          / double(g.withError);
                }
            }
            const Eigen::VectorXd s = scoreMatrix(resampled, plan.score, dirs, nullptr);
            const std::vector<int> r = ranksOf(s);
            for (Eigen::Index i = 0; i < m; ++i) {
                bootScores[std::size_t(i)].push_back(s[i]);
                bootRanks[std::size_t(i)].push_back(std::isnan(s[i]) ? kNaN
                                                                     : double(r[std::size_t(i)]));
            }
        }
        QJsonArray rows;
        for (Eigen::Index i = 0; i < m; ++i) {
            const GroupStats &g = ctx.groups[eligible[std::size_t(i)]];
            QJsonObject row{
                {u"key"_s, g.label}, {u"score"_s, number(g.score)}, {u"rank"_s, g.rank}};
            if (replicates > 0) {
                const auto &bs = bootScores[std::size_t(i)];
                const auto &br = bootRanks[std::size_t(i)];
                row.insert(u"score_lower"_s, number(percentile(bs, 0.025)));
                row.insert(u"score_upper"_s, number(percentile(bs, 0.975)));
                row.insert(u"rank_lower"_s, number(percentile(br, 0.025)));
                row.insert(u"rank_upper"_s, number(percentile(br, 0.975)));
            }
            rows.append(row);
        }
        QJsonArray weightList;
        for (Eigen::Index j = 0; j < weights.size(); ++j)
            weightList.append(number(weights[j]));
        out.insert(u"score"_s, QJsonObject{{u"criteria"_s, QJsonArray::fromStringList(criteria)},
                                           {u"weights"_s, weightList},
                                           {u"bootstrap_replicates"_s, replicates},
                                           {u"interval_level"_s, 0.95},
                                           {u"by_group"_s, rows}});
    }
    if (!plan.criteria.grades.empty()) {
        const double d = plan.validation.sensitivity;
        QJsonArray rows;
        qint64 changed = 0;
        qint64 graded = 0;
        for (GroupStats &g : ctx.groups) {
            const double v = metricValue(g, plan.criteria.metric);
            const QJsonValue grade = gradeName(plan.criteria, v, 0.0);
            // Stricter and looser thresholds by ±sensitivity in the metric's own unit.
            const QJsonValue stricter = gradeName(plan.criteria, v, d);
            const QJsonValue looser = gradeName(plan.criteria, v, -d);
            const bool stable = grade == stricter && grade == looser;
            g.grade = grade.toString();
            if (!grade.isNull()) {
                ++graded;
                changed += stable ? 0 : 1;
            }
            rows.append(QJsonObject{{u"key"_s, g.label},
                                    {u"value"_s, number(v)},
                                    {u"grade"_s, grade},
                                    {u"grade_stricter"_s, stricter},
                                    {u"grade_looser"_s, looser},
                                    {u"stable"_s, stable},
                                    {u"below_min_group_size"_s, g.belowMinimum}});
        }
        out.insert(u"grades"_s, QJsonObject{{u"metric"_s, plan.criteria.metric},
                                            {u"sensitivity"_s, d},
                                            {u"graded"_s, graded},
                                            {u"changed_by_shift"_s, changed},
                                            {u"by_group"_s, rows}});
    }
    return out;
}

} // namespace metroeval::core::engine
