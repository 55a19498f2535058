// SPDX-License-Identifier: GPL-3.0-or-later
// Cleaning speed on the sample generator's dirty export (issue 5 target: 1M records ≤ 2 s).
// The export is generated and imported once per size (not timed). BM_Clean: each iteration copies
// the imported workspace (not timed) and runs the full cleaning on the copy (read, dictionary
// normalisation, names, units, consistency, write, in one transaction). BM_Reclean: the cleaning
// run again on a cleaned workspace. Set METROEVAL_BENCH_DIR to keep the imported workspaces
// between runs.
#include "cleaning/cleaner.h"
#include "io/importer.h"
#include "sample/samplewriter.h"
#include "storage/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <optional>

using namespace metroeval;
using namespace Qt::StringLiterals;

namespace {

QString benchDir()
{
    static QTemporaryDir temp;
    const QString env = qEnvironmentVariable("METROEVAL_BENCH_DIR");
    return env.isEmpty() ? temp.path() : env;
}

/// The imported, never cleaned workspace of \a records generated records (made once, kept in
/// the bench folder); every timed run works on a fresh copy of it, so that no run sees the
/// history (cleaning log, earlier runs) of another.
QString importedWorkspace(std::int64_t records)
{
    const QString dir = benchDir() + u"/cleaning-"_s + QString::number(records);
    const QString path = dir + u"/imported.metroeval"_s;
    if (QFileInfo::exists(path))
        return path;
    sample::SampleOptions options;
    options.outDir = dir + u"/sample"_s;
    options.records = std::uint64_t(records);
    options.seed = 1;
    options.xlsx = sample::XlsxMode::Never;
    if (!sample::writeSample(options).ok)
        return {};
    core::CoreError error;
    const QString partial = path + u".part"_s;
    QFile::remove(partial);
    {
        auto ws = core::Workspace::open(partial, &error);
        if (!ws
            || !core::importCsvFile(*ws, options.outDir + u"/export.csv"_s, core::ImportOptions{},
                                    &error))
            return {};
    }
    return QFile::rename(partial, path) ? path : QString();
}

std::unique_ptr<core::Workspace> freshCopy(const QString &imported)
{
    const QString copy = QFileInfo(imported).dir().filePath(u"work.metroeval"_s);
    QFile::remove(copy);
    if (!QFile::copy(imported, copy))
        return nullptr;
    core::CoreError error;
    return core::Workspace::open(copy, &error);
}

core::cleaning::CleaningOptions benchOptions()
{
    core::cleaning::CleaningOptions options;
    options.acceptAliases = core::cleaning::AcceptAliases::Auto;
    options.userName = u"bench"_s;
    return options;
}

void report(benchmark::State &state, const core::cleaning::CleaningSummary &summary)
{
    // Phase times of the last iteration, in ms.
    for (auto it = summary.phasesMs.cbegin(); it != summary.phasesMs.cend(); ++it)
        state.counters[it.key().toStdString() + "_ms"] = it.value();
    state.counters["records"] = double(summary.records);
    state.counters["changed"] = double(summary.changedRecords);
    state.counters["records_per_s"] = benchmark::Counter(
        double(summary.records), benchmark::Counter::kIsIterationInvariantRate);
}

/// Cleaning freshly imported records (issue 5's figure): each iteration on a new copy.
void BM_Clean(benchmark::State &state)
{
    const QString imported = importedWorkspace(state.range(0));
    if (imported.isEmpty()) {
        state.SkipWithError("could not prepare the workspace");
        return;
    }
    std::optional<core::cleaning::CleaningSummary> last;
    for (auto _ : state) {
        state.PauseTiming();
        auto ws = freshCopy(imported);
        state.ResumeTiming();
        core::CoreError error;
        last = ws ? core::cleaning::runCleaning(*ws, benchOptions(), &error) : std::nullopt;
        state.PauseTiming();
        ws.reset(); // closing is not part of the run
        state.ResumeTiming();
        if (!last) {
            state.SkipWithError("cleaning failed");
            return;
        }
    }
    report(state, *last);
}

/// Running the cleaning again on a cleaned workspace (what a revert or "Apply decisions" does):
/// the previous run's values are replaced.
void BM_Reclean(benchmark::State &state)
{
    const QString imported = importedWorkspace(state.range(0));
    auto ws = imported.isEmpty() ? nullptr : freshCopy(imported);
    core::CoreError error;
    if (!ws || !core::cleaning::runCleaning(*ws, benchOptions(), &error)) {
        state.SkipWithError("could not prepare the workspace");
        return;
    }
    std::optional<core::cleaning::CleaningSummary> last;
    for (auto _ : state) {
        last = core::cleaning::runCleaning(*ws, benchOptions(), &error);
        if (!last) {
            state.SkipWithError("cleaning failed");
            return;
        }
    }
    report(state, *last);
}

} // namespace

BENCHMARK(BM_Clean)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_Reclean)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(2);
