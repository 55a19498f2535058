// SPDX-License-Identifier: GPL-3.0-or-later
// bench_import: imports N generated records (default 1,000,000; docs/sample-data.md) into a
// fresh workspace and, in the same run, times the sqlite3 shell importing the same CSV into an
// untyped table followed by a GROUP BY pass rate. Prints one JSON object with both times (medians
// of --runs alternating runs), their ratio, MetroEval's own phase timings and the peak resident
// memory of this process (getrusage ru_maxrss).
#include "io/importer.h"
#include "sample/samplewriter.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace metroeval;

namespace {
qint64 peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// The sqlite3 shell: .import into an untyped table, then the pass rate per manufacturer.
double shellSeconds(const QString &csv, const QString &db, QString *output)
{
    QFile::remove(db);
    const QString script =
        u".mode csv\n.import '"_s + csv + u"' raw\n"
        ".mode list\n"
        "SELECT COUNT(*) FROM raw;\n"
        "SELECT \"制造单位\", COUNT(*), AVG(\"检定结论\" IN ('合格','准予使用','符合','Pass','合 格'))"
        " FROM raw GROUP BY \"制造单位\" ORDER BY 2 DESC LIMIT 3;\n"_s;
    QElapsedTimer timer;
    timer.start();
    QProcess shell;
    shell.start(u"sqlite3"_s, {db});
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    *output = QString::fromUtf8(shell.readAllStandardOutput()).trimmed();
    return shell.exitCode() == 0 ? seconds : -1.0;
}
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"records"_s, u"Truth records to generate."_s, u"N"_s, u"1000000"_s},
                       {u"dir"_s, u"Working folder (default: a temporary one)."_s, u"DIR"_s},
                       {u"seed"_s, u"Generator seed."_s, u"S"_s, u"1"_s},
                       {u"runs"_s, u"Alternate the shell and MetroEval N times; medians."_s,
                        u"N"_s, u"1"_s}});
    parser.process(app);
    QTemporaryDir temp;
    const QString dir = parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) : temp.path();
    QDir().mkpath(dir);

    sample::SampleOptions options;
    options.outDir = dir + u"/sample"_s;
    options.records = parser.value(u"records"_s).toULongLong();
    options.seed = parser.value(u"seed"_s).toULongLong();
    options.xlsx = sample::XlsxMode::Never;
    const QString csv = options.outDir + u"/export.csv"_s;
    QElapsedTimer timer;
    if (!QFile::exists(csv)) {
        timer.start();
        const auto written = sample::writeSample(options);
        if (!written.ok) {
            std::fprintf(stderr, "sample: %s\n", qPrintable(written.error));
            return 1;
        }
        std::fprintf(stderr, "generated %s in %.1f s\n", qPrintable(csv),
                     static_cast<double>(timer.elapsed()) / 1000.0);
    }

    // The sqlite3 shell first, so that both read the file from a warm page cache. With --runs N
    // the two alternate N times and the medians are compared (a shared machine is noisy).
    QString shellOutput;
    shellSeconds(csv, dir + u"/warmup.sqlite"_s, &shellOutput);
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    std::vector<double> shellTimes;
    std::vector<double> metroTimes;
    QJsonArray timings;
    std::optional<core::ImportSummary> summary;
    double metroGroupBy = 0;
    const QString wsPath = dir + u"/bench.metroeval"_s;
    for (int run = 0; run < runs; ++run) {
        shellTimes.push_back(shellSeconds(csv, dir + u"/shell.sqlite"_s, &shellOutput));
        QFile::remove(wsPath);
        core::CoreError error;
        auto ws = core::Workspace::open(wsPath, &error);
        if (!ws)
            return 1;
        timer.restart();
        summary = core::importFile(*ws, csv, {}, &error);
        metroTimes.push_back(static_cast<double>(timer.nsecsElapsed()) * 1e-9);
        if (!summary) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(error.detail));
            return 1;
        }
        timings.append(summary->toJson().value(u"timings_ms"_s));
        timer.restart();
        QSqlQuery q(u"SELECT manufacturer, COUNT(*), AVG(passed) FROM current_record"
                    " GROUP BY manufacturer"_s, ws->database());
        while (q.next()) {
        }
        metroGroupBy = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    }
    const double shell = median(shellTimes);
    const double metro = median(metroTimes);
    auto toArray = [](const std::vector<double> &v) {
        QJsonArray a;
        for (double x : v)
            a.append(x);
        return a;
    };

    const QJsonObject out{
        {u"records"_s, static_cast<qint64>(options.records)},
        {u"csv_bytes"_s, QFileInfo(csv).size()},
        {u"rows_read"_s, summary->rowsRead},
        {u"imported"_s, summary->imported},
        {u"duplicates"_s, summary->duplicates},
        {u"quarantined"_s, summary->quarantined},
        {u"runs"_s, runs},
        {u"metroeval_import_s"_s, metro},
        {u"metroeval_import_runs_s"_s, toArray(metroTimes)},
        {u"metroeval_timings_ms"_s, timings},
        {u"metroeval_groupby_s"_s, metroGroupBy},
        {u"sqlite3_shell_import_groupby_s"_s, shell},
        {u"sqlite3_shell_runs_s"_s, toArray(shellTimes)},
        {u"ratio"_s, shell > 0 ? metro / shell : -1.0},
        {u"peak_rss_mib"_s, static_cast<double>(peakRssKiB()) / 1024.0},
        {u"shell_output"_s, shellOutput},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
