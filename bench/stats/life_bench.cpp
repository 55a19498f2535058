// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks named in issue 7: Turnbull on 100,000 interval-censored observations, Weibull MLE on
// 1,000,000, RP-1 S2 with all ten models on 1,000 bins. Data are generated deterministically
// (fixed seed) in the shape of verification records: failures known only between the last
// passing and the first failing verification.
#include "stats/life/lifemodel.h"
#include "stats/life/rp1s2.h"
#include "stats/life/turnbull.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

using namespace metroeval::stats;

namespace {

// Weibull(shape 1.8, scale 900 d) drift-out times, verifications every 180 ± 20 d (integer days),
// 10 % withdrawn unfailed after their last passing visit.
std::vector<LifeObservation> verificationRecords(std::size_t n, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::weibull_distribution<double> life(1.8, 900.0);
    std::uniform_int_distribution<int> jitter(-20, 20);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<LifeObservation> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = life(rng);
        double last = 0.0, visit = 0.0;
        bool failed = false;
        for (int k = 0; k < 15; ++k) {
            visit = last + 180.0 + jitter(rng);
            if (visit >= t) {
                failed = true;
                break;
            }
            last = visit;
        }
        if (!failed || u(rng) < 0.1)
            out.push_back(LifeObservation::rightCensored(last > 0.0 ? last : visit));
        else
            out.push_back(LifeObservation::interval(last, visit));
    }
    return out;
}

void BM_Turnbull100k(benchmark::State &state)
{
    const auto data = verificationRecords(100000, 7);
    TurnbullFit fit;
    for (auto _ : state) {
        fit = turnbull(data);
        benchmark::DoNotOptimize(fit.logLikelihood);
    }
    state.counters["iterations"] = fit.convergence.iterations;
    state.counters["intervals"] = static_cast<double>(fit.intervals.size());
    state.counters["converged"] = fit.convergence.status == FitStatus::Converged ? 1 : 0;
}
BENCHMARK(BM_Turnbull100k)->Unit(benchmark::kMillisecond);

void BM_WeibullMle1M(benchmark::State &state)
{
    const auto data = verificationRecords(1000000, 11);
    LifeFit fit;
    for (auto _ : state) {
        fit = fitLifeDistribution(data, LifeDistribution::Weibull);
        benchmark::DoNotOptimize(fit.location);
    }
    state.counters["newton_iterations"] = fit.convergence.iterations;
    state.counters["converged"] = fit.convergence.status == FitStatus::Converged ? 1 : 0;
    state.counters["shape"] = 1.0 / fit.scale;
}
BENCHMARK(BM_WeibullMle1M)->Unit(benchmark::kMillisecond);

void BM_S2AllModels1000Bins(benchmark::State &state)
{
    // 1,000 bins at 5..5000 d, 40 calibrations each, outcomes from a Weibull(0.002, 1.5) reliability.
    std::mt19937_64 rng(3);
    std::vector<ReliabilityBin> bins;
    for (int i = 1; i <= 1000; ++i) {
        const double t = 5.0 * i;
        std::binomial_distribution<std::int64_t> b(40, std::exp(-std::pow(0.002 * t / 10.0, 1.5)));
        bins.push_back({t, 40, b(rng)});
    }
    S2Result r;
    for (auto _ : state) {
        r = rp1BinomialMethod(bins);
        benchmark::DoNotOptimize(r.selected);
    }
    int converged = 0;
    for (const auto &m : r.models)
        converged += m.convergence.status == FitStatus::Converged ? 1 : 0;
    state.counters["models_converged"] = converged;
}
BENCHMARK(BM_S2AllModels1000Bins)->Unit(benchmark::kMillisecond);

} // namespace
