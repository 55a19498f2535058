// SPDX-License-Identifier: GPL-3.0-or-later
// Time to write the whole sample data set (truth, dirty CSV, manifest; XLSX only where Auto
// writes it, i.e. up to 200k rows) for 1k, 100k and 1M records.
#include "sample/samplewriter.h"

#include <QDir>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

void BM_WriteSample(benchmark::State &state)
{
    QTemporaryDir dir;
    metroeval::sample::SampleOptions options;
    options.outDir = dir.path();
    options.records = static_cast<std::uint64_t>(state.range(0));
    options.seed = 7;
    for (auto _ : state) {
        const auto result = metroeval::sample::writeSample(options);
        if (!result.ok)
            state.SkipWithError("writeSample failed");
        benchmark::DoNotOptimize(result.exportRows);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

} // namespace

BENCHMARK(BM_WriteSample)->Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)
    ->Iterations(1);
