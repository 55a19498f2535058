// SPDX-License-Identifier: GPL-3.0-or-later
// The issue-8 benchmark: the full plan (every indicator, manufacturer × model, quarterly, all
// categories) on 1,000,000 truth records from an open SQLite workspace. Target ≤ 1 s, never above
// 3 s; peak memory ≤ 1.5 GB.
//
// The workspace is built once (sample generator + import of truth_records.csv, a few minutes) at
// $METROEVAL_BENCH_WORKSPACE or /tmp/metroeval-bench/records-1000000.metroeval and reused.
// Counters: records, groups, alarms, peak_rss_mb (VmHWM after resetting it before the runs),
// process_cpu_ms (CPU of all threads per evaluation) and <stage>_ms (stage times of the last run).
// Opening the workspace migrates it to this build's schema version.
#include "evaluation/evaluationplan.h"
#include "evaluation/evaluator.h"
#include "io/importer.h"
#include "sample/samplewriter.h"
#include "storage/workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>

using namespace metroeval;
using namespace Qt::StringLiterals;

namespace {

constexpr quint64 kRecords = 1000000;

QString workspacePath()
{
    const QByteArray env = qgetenv("METROEVAL_BENCH_WORKSPACE");
    return env.isEmpty() ? u"/tmp/metroeval-bench/records-%1.metroeval"_s.arg(kRecords)
                         : QString::fromLocal8Bit(env);
}

qint64 recordCount(core::Workspace &ws)
{
    QSqlQuery q(u"SELECT COUNT(*) FROM record"_s, ws.database());
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::unique_ptr<core::Workspace> openOrBuild()
{
    const QString path = workspacePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    core::CoreError error;
    auto ws = core::Workspace::open(path, &error);
    if (!ws)
        return nullptr;
    if (recordCount(*ws) >= qint64(kRecords) * 9 / 10)
        return ws;
    const QString dir = QFileInfo(path).absolutePath() + u"/sample"_s;
    sample::SampleOptions options;
    options.outDir = dir;
    options.records = kRecords;
    options.seed = 1;
    options.xlsx = sample::XlsxMode::Never;
    if (!sample::writeSample(options).ok)
        return nullptr;
    if (!core::importCsvFile(*ws, dir + u"/truth_records.csv"_s, {}, &error))
        return nullptr;
    return ws;
}

double peakRssMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    }
    return 0.0;
}

double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

void resetPeakRss()
{
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0, proc(5)).
    std::ofstream("/proc/self/clear_refs") << "5";
}

void BM_FullPlanOneMillionRecords(benchmark::State &state)
{
    static std::unique_ptr<core::Workspace> ws = openOrBuild();
    if (!ws) {
        state.SkipWithError("cannot build the benchmark workspace");
        return;
    }
    core::CoreError error;
    auto plan = core::loadPlanFile(QStringLiteral(METROEVAL_PLANS_DIR "/full.json"), &error);
    if (!plan) {
        state.SkipWithError("cannot read resources/plans/full.json");
        return;
    }
    plan->categories.clear(); // every category: all 1,000,000 records
    plan->from = plan->to = QDate();
    resetPeakRss();
    const double cpuStart = processCpuMs();
    qint64 records = 0, groups = 0, alarms = 0;
    QJsonObject timings;
    for (auto _ : state) {
        const auto result = core::evaluate(*ws, *plan, &error);
        if (!result) {
            state.SkipWithError("evaluation failed");
            return;
        }
        records = result->recordsInScope;
        groups = qint64(result->indicators.value(u"pass_rate"_s)
                            .toObject()
                            .value(u"by_group"_s)
                            .toArray()
                            .size());
        alarms = qint64(result->alarms.size());
        timings = result->stageTimings;
        benchmark::DoNotOptimize(result->groups.data());
    }
    state.counters["records"] = double(records);
    state.counters["groups"] = double(groups);
    state.counters["alarms"] = double(alarms);
    state.counters["peak_rss_mb"] = peakRssMb();
    // CPU of every thread per run: less sensitive to other load on the machine than wall time.
    state.counters["process_cpu_ms"] = (processCpuMs() - cpuStart) / double(state.iterations());
    // Stage times of the last run (ms), to see where the time goes.
    for (auto it = timings.begin(); it != timings.end(); ++it)
        state.counters[it.key().toStdString() + "_ms"] = it.value().toDouble();
}

} // namespace

BENCHMARK(BM_FullPlanOneMillionRecords)->Unit(benchmark::kMillisecond)->Iterations(3);
