// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks named in issue 6: intervals and Fisher tests for 10,000 groups, Mann–Kendall on
// 10,000 points, Laney p′ on 10,000 subgroups. Inputs come from a fixed-seed generator so that
// runs are comparable.
#include "stats/rates/contingency.h"
#include "stats/rates/controlcharts.h"
#include "stats/rates/proportion.h"
#include "stats/rates/trend.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

using namespace metroeval::stats;

namespace {
constexpr int kGroups = 10'000;

struct Groups
{
    std::vector<std::int64_t> passed;
    std::vector<std::int64_t> verified;
};

// Group sizes 1..400 (most county-institute groups are small), pass probability ~0.93.
Groups makeGroups(int count)
{
    std::mt19937_64 rng(20240601);
    std::uniform_int_distribution<std::int64_t> size(1, 400);
    Groups g;
    for (int i = 0; i < count; ++i) {
        const std::int64_t n = size(rng);
        std::binomial_distribution<std::int64_t> pass(n, 0.93);
        g.verified.push_back(n);
        g.passed.push_back(pass(rng));
    }
    return g;
}

void BM_WilsonInterval10k(benchmark::State &state)
{
    const Groups g = makeGroups(kGroups);
    for (auto _ : state) {
        for (int i = 0; i < kGroups; ++i)
            benchmark::DoNotOptimize(wilsonInterval(g.passed[static_cast<std::size_t>(i)],
                                                    g.verified[static_cast<std::size_t>(i)]));
    }
}
BENCHMARK(BM_WilsonInterval10k)->Unit(benchmark::kMillisecond);

void BM_ClopperPearsonInterval10k(benchmark::State &state)
{
    const Groups g = makeGroups(kGroups);
    for (auto _ : state) {
        for (int i = 0; i < kGroups; ++i)
            benchmark::DoNotOptimize(clopperPearsonInterval(
                g.passed[static_cast<std::size_t>(i)], g.verified[static_cast<std::size_t>(i)]));
    }
}
BENCHMARK(BM_ClopperPearsonInterval10k)->Unit(benchmark::kMillisecond);

void BM_JeffreysInterval10k(benchmark::State &state)
{
    const Groups g = makeGroups(kGroups);
    for (auto _ : state) {
        for (int i = 0; i < kGroups; ++i)
            benchmark::DoNotOptimize(jeffreysInterval(g.passed[static_cast<std::size_t>(i)],
                                                      g.verified[static_cast<std::size_t>(i)]));
    }
}
BENCHMARK(BM_JeffreysInterval10k)->Unit(benchmark::kMillisecond);

// Each group against a peer group: a 2×2 Fisher test with conditional MLE and CI per group, the
// "is this manufacturer different" screen.
void BM_Fisher2x2GroupVsRest10k(benchmark::State &state)
{
    const Groups g = makeGroups(kGroups);
    // The comparison group is a fixed 2,000-record peer group at 93 % (1,860 pass), so the work
    // per test is that of a realistic group-vs-peers comparison.
    const std::int64_t restN = 2000;
    const std::int64_t restPass = 1860;
    for (auto _ : state) {
        for (int i = 0; i < kGroups; ++i) {
            const auto k = static_cast<std::size_t>(i);
            benchmark::DoNotOptimize(fisherExact2x2(g.passed[k], g.verified[k] - g.passed[k],
                                                    restPass, restN - restPass));
        }
    }
}
BENCHMARK(BM_Fisher2x2GroupVsRest10k)->Unit(benchmark::kMillisecond);

// The same screen with the p-value only (no conditional MLE / interval).
void BM_Fisher2x2PValueGroupVsRest10k(benchmark::State &state)
{
    const Groups g = makeGroups(kGroups);
    const std::int64_t restN = 2000;
    const std::int64_t restPass = 1860; // 93 % of a 2,000-record peer group
    for (auto _ : state) {
        for (int i = 0; i < kGroups; ++i) {
            const auto k = static_cast<std::size_t>(i);
            benchmark::DoNotOptimize(fisherExact2x2PValue(
                g.passed[k], g.verified[k] - g.passed[k], restPass, restN - restPass));
        }
    }
}
BENCHMARK(BM_Fisher2x2PValueGroupVsRest10k)->Unit(benchmark::kMillisecond);

void BM_MannKendall10kPoints(benchmark::State &state)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0.0, 0.01);
    std::vector<double> y;
    for (int i = 0; i < 10'000; ++i)
        y.push_back(0.95 - 1e-6 * i + noise(rng));
    for (auto _ : state)
        benchmark::DoNotOptimize(mannKendall(y));
}
BENCHMARK(BM_MannKendall10kPoints)->Unit(benchmark::kMillisecond);

void BM_LaneyPPrime10kSubgroups(benchmark::State &state)
{
    const Groups g = makeGroups(kGroups);
    for (auto _ : state)
        benchmark::DoNotOptimize(laneyPPrimeChart(g.passed, g.verified));
}
BENCHMARK(BM_LaneyPPrime10kSubgroups)->Unit(benchmark::kMillisecond);
} // namespace
