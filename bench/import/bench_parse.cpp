// SPDX-License-Identifier: GPL-3.0-or-later
// bench_parse: CPU time of the import's parsing thread alone, without the database: reading a
// CSV (CsvReader), then typing, encoding and hashing its rows, the UTF-8 way (nextBytes +
// Utf8RecordParser, its content hashes one or two at a time) and the QString way (next +
// parseRecord + encodeRecord + recordContentHash).
//   bench_parse FILE.csv [--runs N] [--hash utf-8|utf-16]   (content-hash text; utf-8 unless told)
#include "io/columnmapping.h"
#include "io/csvreader.h"
#include "io/recordparser.h"
#include "io/rowpipeline.h"
#include "io/utf8recordparser.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <utility>
#include <vector>

using namespace metroeval::core;

namespace {
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

enum class Mode { ReadBytes, Utf8, Utf8Pairs, ReadStrings, Strings };

// Returns CPU seconds; *rows counts good rows.
double runOnce(const QString &path, Mode mode, ContentHashText hashText, qint64 *rows)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const double start = cpuSeconds();
    CsvReader reader(&file, {});
    reader.start();
    CsvRow header;
    std::optional<RowIssue> issue;
    reader.next(header, issue);
    const int columns = static_cast<int>(header.fields.size());
    reader.setExpectedFields(columns);
    const ColumnMapping mapping = ColumnMapping::suggest(header.fields);
    Utf8RecordParser fast(columns, mapping, {}, hashText);
    fast.setDigestsInPairs(mode == Mode::Utf8Pairs);
    ParsedRow out[2]; // in pairs, a row's hash is written with the next row's
    bool other = false;
    CsvByteRow bytes;
    CsvRow row;
    *rows = 0;
    if (mode == Mode::ReadBytes || mode == Mode::Utf8 || mode == Mode::Utf8Pairs) {
        while (reader.nextBytes(bytes, issue)) {
            if (mode != Mode::ReadBytes && !issue
                && fast.parse(bytes.fields, bytes.line, reader.hasSurrogates(),
                              out[std::exchange(other, !other)]))
                ++*rows;
        }
        fast.flushDigests();
    } else {
        while (reader.next(row, issue)) {
            if (mode == Mode::ReadStrings || issue)
                continue;
            ParsedRow &one = out[0];
            one = ParsedRow{};
            if (!parseRecord(row.fields, row.line, columns, mapping, {}, one.record, one.extras)) {
                encodeRecord(one.record, one.extras, one.text);
                one.contentHash = recordContentHash(one.record, hashText);
                ++*rows;
            }
        }
    }
    return cpuSeconds() - start;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_parse FILE.csv [--runs N] [--hash utf-8|utf-16]\n");
        return 2;
    }
    int runs = 3;
    ContentHashText hashText = ContentHashText::Utf8;
    for (qsizetype k = 2; k + 1 < args.size(); k += 2) {
        if (args[k] == QLatin1String("--runs")) {
            runs = args[k + 1].toInt();
        } else if (const auto text = contentHashTextFromKey(args[k + 1].toUtf8());
                   args[k] == QLatin1String("--hash") && text) {
            hashText = *text;
        } else {
            std::fprintf(stderr, "bench_parse: unknown option %s\n", qPrintable(args[k]));
            return 2;
        }
    }
    const std::pair<Mode, const char *> modes[] = {{Mode::ReadBytes, "read_bytes"},
                                                   {Mode::Utf8, "utf8_parse"},
                                                   {Mode::Utf8Pairs, "utf8_pairs"},
                                                   {Mode::ReadStrings, "read_strings"},
                                                   {Mode::Strings, "qstring_parse"}};
    for (const auto &[mode, name] : modes) {
        std::vector<double> times;
        qint64 rows = 0;
        for (int r = 0; r < runs; ++r)
            times.push_back(runOnce(args[1], mode, hashText, &rows));
        std::sort(times.begin(), times.end());
        std::printf("%-14s rows %lld  cpu s: median %.3f  min %.3f  max %.3f\n", name,
                    static_cast<long long>(rows), times[times.size() / 2], times.front(),
                    times.back());
    }
    return 0;
}
