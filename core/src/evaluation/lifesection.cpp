// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test
// (tests/evaluation/histories_test.cpp). Reliability (Turnbull NPMLE, parametric life fit, B10),
// drift rates and the RP-1 A3 interval per group, from the instrument histories.
#include "evaluation/histories.h"

#include "stats/life/rp1a3.h"
#include "stats/life/turnbull.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace metroeval::core::engine {

using namespace Qt::StringLiterals;

namespace {

QJsonObject interval(const stats::ParameterInterval &p)
{
    return {{u"estimate"_s, number(p.estimate)},
            {u"lower"_s, number(p.lower)},
            {u"upper"_s, number(p.upper)}};
}

QString fitStatusKey(stats::FitStatus s)
{
    switch (s) {
    case stats::FitStatus::Converged:
        return u"converged"_s;
    case stats::FitStatus::MaxIterations:
        return u"max_iterations"_s;
    case stats::FitStatus::NotFinite:
        return u"not_finite"_s;
    case stats::FitStatus::RankDeficient:
        return u"rank_deficient"_s;
    case stats::FitStatus::InvalidInput:
        return u"invalid_input"_s;
    case stats::FitStatus::NoEvents:
        return u"no_events"_s;
    case stats::FitStatus::Stalled:
        return u"stalled"_s;
    }
    return {};
}

QJsonObject reliabilityOf(const GroupHistories &h, const EvaluationPlan &plan, GroupStats &g)
{
    qint64 failures = 0;
    for (const auto &o : h.lives)
        failures += std::isinf(o.upper) ? 0 : 1;
    QJsonObject out{{u"lives"_s, qint64(h.lives.size())}, {u"failures"_s, failures}};
    if (h.lives.empty())
        return out;
    // Turnbull NPMLE, reported on a quarter-year grid up to the largest finite endpoint.
    stats::TurnbullOptions options;
    options.maxIterations = 2000;
    options.tolerance = 1e-8;
    // The NPMLE works on weekly-coarsened intervals: each end moved outward to a week boundary,
    // so every coarsened interval still holds the failure (a valid, slightly conservative
    // interval-censored observation), and the number of innermost intervals stays in the
    // hundreds instead of one per distinct day.
    std::vector<stats::LifeObservation> weekly = h.lives;
    for (auto &o : weekly) {
        o.lower = std::floor(o.lower * 52.0) / 52.0;
        if (std::isfinite(o.upper))
            o.upper = std::ceil(o.upper * 52.0) / 52.0;
    }
    const stats::TurnbullFit npmle = stats::turnbull(weekly, options);
    double horizon = 0.0;
    for (const auto &o : h.lives)
        horizon = std::max(horizon, std::isinf(o.upper) ? o.lower : o.upper);
    QJsonArray grid, survival;
    for (double t = 0.0; t <= std::min(horizon, 30.0) + 1e-9; t += 0.25) {
        grid.append(t);
        survival.append(number(stats::turnbullSurvival(npmle, t)));
    }
    out.insert(u"turnbull"_s, QJsonObject{{u"status"_s, fitStatusKey(npmle.convergence.status)},
                                          {u"iterations"_s, npmle.convergence.iterations},
                                          {u"years"_s, grid},
                                          {u"survival"_s, survival}});
    if (failures < plan.reliability.minFailures)
        return out;
    const auto distribution = static_cast<stats::LifeDistribution>(plan.reliability.distribution);
    const stats::LifeFit fit = stats::fitLifeDistribution(h.lives, distribution);
    const double level = plan.reliability.level;
    QJsonObject model{{u"status"_s, fitStatusKey(fit.convergence.status)},
                      {u"log_likelihood"_s, number(fit.logLikelihood)},
                      {u"aic"_s, number(fit.aic)}};
    if (stats::converged(fit.convergence)) {
        const auto b10 = stats::lifeQuantile(fit, 0.1, level);
        g.b10Years = b10.estimate;
        model.insert(u"scale_years"_s, interval(stats::characteristicLife(fit, level)));
        model.insert(u"b10_years"_s, interval(b10));
        model.insert(u"median_years"_s, interval(stats::lifeQuantile(fit, 0.5, level)));
        if (distribution == stats::LifeDistribution::Weibull)
            model.insert(u"shape"_s, interval(stats::weibullShape(fit, level)));
    }
    out.insert(u"parametric"_s, model);
    return out;
}

QJsonObject driftOf(const GroupHistories &h, GroupStats &g)
{
    const stats::DriftRateSummary s = stats::summariseDriftRates(h.drift);
    std::vector<double> magnitude;
    for (const auto &d : h.drift)
        magnitude.push_back(std::fabs(d.slope));
    std::sort(magnitude.begin(), magnitude.end());
    const double medianAbs
        = magnitude.empty() ? kNaN
          : magnitude.size() % 2
              ? magnitude[magnitude.size() / 2]
              : 0.5 * (magnitude[magnitude.size() / 2 - 1] + magnitude[magnitude.size() / 2]);
    // The direction of drift is random per instrument, so signed slopes average to ~0; the
    // population's drift speed is the root-mean-square true rate. Method of moments for a slope
    // measured with error: E[b²] = E[β²] + E[se²] (Fuller, Measurement Error Models, 1987, §1.1),
    // over the paths with a standard error. (The inverse-variance DerSimonian–Laird τ² is reported
    // too, but a few near-exact paths with se ≈ 0 dominate its weights on rounded data.)
    double sumB2 = 0.0, sumSe2 = 0.0;
    int withSe = 0;
    for (const auto &d : h.drift) {
        if (std::isfinite(d.slopeStandardError)) {
            sumB2 += d.slope * d.slope;
            sumSe2 += d.slopeStandardError * d.slopeStandardError;
            ++withSe;
        }
    }
    const double rms
        = withSe >= 2 ? std::sqrt(std::max(0.0, (sumB2 - sumSe2) / double(withSe))) : kNaN;
    g.driftRate = rms;
    return {{u"paths"_s, s.instruments},
            {u"mean_slope"_s, number(s.mean)},
            {u"sd_slope"_s, number(s.sd)},
            {u"weighted_mean_slope"_s, number(s.weightedMean)},
            {u"between_variance"_s, number(s.betweenVariance)},
            {u"rms_rate"_s, number(rms)},
            {u"rms_paths"_s, withSe},
            {u"median_abs_slope"_s, number(medianAbs)},
            {u"unit"_s, u"mpe_per_year"_s}};
}

QJsonObject intervalOf(const GroupHistories &h, const EvaluationPlan &plan)
{
    if (h.gaps.empty())
        return {{u"observations"_s, 0}};
    double current = plan.intervalModel.currentDays;
    if (current <= 0.0) {
        std::vector<std::int32_t> days;
        for (const auto &gap : h.gaps)
            days.push_back(gap.days);
        std::nth_element(days.begin(), days.begin() + std::ptrdiff_t(days.size() / 2), days.end());
        current = double(days[days.size() / 2]);
    }
    // Verifications at about one interval: within ±25 % of I0 (RP-1 A3 uses calibrations
    // "at or near" the assigned interval).
    stats::IntervalTestParams p;
    p.currentInterval = current;
    p.target = plan.intervalModel.target;
    p.confidence = plan.intervalModel.confidence;
    for (const auto &gap : h.gaps) {
        if (std::fabs(double(gap.days) - current) <= 0.25 * current) {
            ++p.total;
            p.inTolerance += gap.inTolerance ? 1 : 0;
        }
    }
    const stats::IntervalTestResult r = stats::rp1IntervalTest(p);
    const char *decision[] = {"keep", "reduce", "extend", "undefined"};
    return {{u"observations"_s, qint64(p.total)},
            {u"in_tolerance"_s, qint64(p.inTolerance)},
            {u"current_days"_s, current},
            {u"eopr"_s, number(r.observedReliability)},
            {u"eopr_lower"_s, number(r.reliabilityLower)},
            {u"eopr_upper"_s, number(r.reliabilityUpper)},
            {u"rejection_confidence"_s, number(r.rejectionConfidence)},
            {u"decision"_s, QString::fromLatin1(decision[static_cast<int>(r.decision)])},
            {u"recommended_days"_s, number(r.recommendedInterval)}};
}

} // namespace

QJsonObject historiesSection(Context &ctx)
{
    const std::vector<GroupHistories> histories = buildHistories(ctx);
    const EvaluationPlan &plan = ctx.plan;
    // Groups are independent: fit them on all cores, each into its own slot (the output does
    // not depend on the scheduling).
    std::vector<QJsonObject> slots(ctx.groups.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t g = next++; g < ctx.groups.size(); g = next++) {
            const GroupHistories &h = histories[g];
            QJsonObject o{{u"key"_s, ctx.groups[g].label}, {u"instruments"_s, h.instruments}};
            if (plan.has(Indicator::Reliability))
                o.insert(u"reliability"_s, reliabilityOf(h, plan, ctx.groups[g]));
            if (plan.has(Indicator::Drift))
                o.insert(u"drift"_s, driftOf(h, ctx.groups[g]));
            if (plan.has(Indicator::Interval))
                o.insert(u"interval"_s, intervalOf(h, plan));
            slots[g] = o;
        }
    };
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    QJsonArray groups;
    for (const QJsonObject &o : slots)
        groups.append(o);
    return {{u"time_unit"_s, u"years"_s},
            {u"origin"_s,
             plan.reliability.originManufacture ? u"manufacture_date"_s : u"first_verification"_s},
            {u"by_group"_s, groups}};
}

} // namespace metroeval::core::engine
