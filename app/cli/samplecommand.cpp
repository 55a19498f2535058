// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplecommand.h"

#include "sample/samplewriter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace metroeval::cli {

namespace {

int usageError(const QString &reason)
{
    QTextStream err(stderr);
    err << "metroeval-cli sample: error: " << reason << '\n';
    return 2;
}

} // namespace

int runSampleCommand(const QStringList &arguments)
{
    using namespace metroeval::sample;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a synthetic institute export with its ground truth "
                       "(docs/sample-data.md)."));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output directory."),
                                 QStringLiteral("dir"));
    const QCommandLineOption records(QStringLiteral("records"),
                                     QStringLiteral("Truth records, 1 to 5000000."),
                                     QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (uint64)."),
                                  QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
                                      QStringLiteral("Export encoding: utf-8-bom or gb18030."),
                                      QStringLiteral("name"), QStringLiteral("utf-8-bom"));
    const QCommandLineOption xlsx(QStringLiteral("xlsx"),
                                  QStringLiteral("Always write export.xlsx (max 1048575 rows)."));
    const QCommandLineOption noXlsx(QStringLiteral("no-xlsx"),
                                    QStringLiteral("Never write export.xlsx."));
    const QCommandLineOption defectRate(
        QStringLiteral("defect-rate"),
        QStringLiteral("Factor on every default defect rate (0 = no defects)."),
        QStringLiteral("factor"), QStringLiteral("1"));
    parser.addOptions({out, records, seed, encoding, xlsx, noXlsx, defectRate});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument %1")
                              .arg(parser.positionalArguments().constFirst()));

    SampleOptions options;
    if (!parser.isSet(out) || parser.value(out).isEmpty())
        return usageError(QStringLiteral("--out DIR is required"));
    options.outDir = parser.value(out);
    bool ok = false;
    options.records = parser.value(records).toULongLong(&ok);
    if (!ok || options.records < kMinRecords || options.records > kMaxRecords)
        return usageError(QStringLiteral("--records must be an integer from %1 to %2")
                              .arg(kMinRecords)
                              .arg(kMaxRecords));
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usageError(QStringLiteral("--seed must be an unsigned 64-bit integer"));
    const QString enc = parser.value(encoding).toLower();
    if (enc == QLatin1String("utf-8-bom") || enc == QLatin1String("utf8-bom"))
        options.encoding = CsvEncoding::Utf8Bom;
    else if (enc == QLatin1String("gb18030"))
        options.encoding = CsvEncoding::Gb18030;
    else
        return usageError(QStringLiteral("--encoding must be utf-8-bom or gb18030"));
    if (parser.isSet(xlsx) && parser.isSet(noXlsx))
        return usageError(QStringLiteral("--xlsx and --no-xlsx exclude each other"));
    options.xlsx = parser.isSet(xlsx) ? XlsxMode::Always
                                      : (parser.isSet(noXlsx) ? XlsxMode::Never : XlsxMode::Auto);
    options.defectScale = parser.value(defectRate).toDouble(&ok);
    if (!ok || !(options.defectScale >= 0.0))
        return usageError(QStringLiteral("--defect-rate must be a number >= 0"));

    QElapsedTimer timer;
    timer.start();
    options.progress = [&timer](std::uint64_t done, std::uint64_t total) {
        if (timer.elapsed() < 1000)
            return;
        std::fprintf(stderr, "metroeval-cli sample: %llu / %llu records\n",
                     static_cast<unsigned long long>(done),
                     static_cast<unsigned long long>(total));
    };
    const SampleResult result = writeSample(options);
    if (!result.ok)
        return usageError(result.error);

    QJsonArray files;
    for (const WrittenFile &f : result.files) {
        QJsonObject o{{QStringLiteral("role"), f.role},
                      {QStringLiteral("path"), f.path},
                      {QStringLiteral("bytes"), f.bytes}};
        if (f.rows >= 0)
            o[QStringLiteral("rows")] = f.rows;
        files.append(o);
    }
    QJsonObject defects;
    for (int k = 0; k < static_cast<int>(DefectKind::Count); ++k)
        defects[QString::fromLatin1(defectKey(static_cast<DefectKind>(k)))] =
            qint64(result.defectRows[std::size_t(k)]);
    const QJsonObject report{{QStringLiteral("seed"), QString::number(options.seed)},
                             {QStringLiteral("truth_records"), qint64(result.truthRecords)},
                             {QStringLiteral("export_rows"), qint64(result.exportRows)},
                             {QStringLiteral("instruments"), qint64(result.instruments)},
                             {QStringLiteral("defect_rows"), defects},
                             {QStringLiteral("files"), files},
                             {QStringLiteral("elapsed_ms"), qint64(timer.elapsed())}};
    const QByteArray json = QJsonDocument(report).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace metroeval::cli
