// SPDX-License-Identifier: GPL-3.0-or-later
// Cleaning speed on the sample generator's dirty export (issue 5 target: 1M records ≤ 2 s).
// The export is generated and imported once per size (not timed); each iteration runs the full
// cleaning (read, dictionary normalisation, names, units, consistency, write) in one transaction.
// Set METROEVAL_BENCH_DIR to keep the workspaces between runs.
#include "cleaning/cleaner.h"
#include "io/importer.h"
#include "sample/samplewriter.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace metroeval;
using namespace Qt::StringLiterals;

namespace {

QString benchDir()
{
    static QTemporaryDir temp;
    const QString env = qEnvironmentVariable("METROEVAL_BENCH_DIR");
    return env.isEmpty() ? temp.path() : env;
}

std::unique_ptr<core::Workspace> preparedWorkspace(std::int64_t records)
{
    const QString dir = benchDir() + u"/cleaning-"_s + QString::number(records);
    const QString path = dir + u"/bench.metroeval"_s;
    core::CoreError error;
    if (QFileInfo::exists(path))
        return core::Workspace::open(path, &error);
    sample::SampleOptions options;
    options.outDir = dir + u"/sample"_s;
    options.records = std::uint64_t(records);
    options.seed = 1;
    options.xlsx = sample::XlsxMode::Never;
    if (!sample::writeSample(options).ok)
        return nullptr;
    auto ws = core::Workspace::open(path, &error);
    if (!ws
        || !core::importCsvFile(*ws, options.outDir + u"/export.csv"_s, core::ImportOptions{},
                                &error))
        return nullptr;
    return ws;
}

void BM_Clean(benchmark::State &state)
{
    auto ws = preparedWorkspace(state.range(0));
    if (!ws) {
        state.SkipWithError("could not prepare the workspace");
        return;
    }
    core::cleaning::CleaningOptions options;
    options.acceptAliases = core::cleaning::AcceptAliases::Auto;
    options.userName = u"bench"_s;
    qint64 records = 0;
    qint64 changed = 0;
    QMap<QString, double> phases;
    for (auto _ : state) {
        core::CoreError error;
        const auto summary = core::cleaning::runCleaning(*ws, options, &error);
        if (!summary) {
            state.SkipWithError("cleaning failed");
            return;
        }
        records = summary->records;
        changed = summary->changedRecords;
        phases = summary->phasesMs;
    }
    // Phase times of the last iteration, in ms.
    for (auto it = phases.cbegin(); it != phases.cend(); ++it)
        state.counters[it.key().toStdString() + "_ms"] = it.value();
    state.counters["records"] = double(records);
    state.counters["changed"] = double(changed);
    state.counters["records_per_s"]
        = benchmark::Counter(double(records), benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

BENCHMARK(BM_Clean)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
