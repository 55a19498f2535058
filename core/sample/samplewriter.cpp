// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/samplewriter.h"

#include "sample/civildate.h"
#include "sample/format.h"
#include "sample/simulator.h"
#include "sample/truthfile.h"
#include "sample/xlsxsink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <memory>

namespace metroeval::sample {

namespace {

constexpr const char *kPart = ".part";

bool writeJson(const QString &path, const QJsonObject &object, qint64 &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray data = QJsonDocument(object).toJson(QJsonDocument::Indented);
    bytes = file.write(data);
    return bytes == data.size() && file.flush();
}

std::vector<std::string> headerRow(bool withId)
{
    std::vector<std::string> header;
    if (withId)
        header.emplace_back("器具ID");
    for (std::string_view column : kExportColumns)
        header.emplace_back(column);
    return header;
}

} // namespace

SampleResult writeSample(const SampleOptions &options, const Catalog &catalog)
{
    SampleResult result;
    auto fail = [&result](const QString &reason) {
        result.ok = false;
        result.error = reason;
        return result;
    };
    if (options.records < kMinRecords || options.records > kMaxRecords)
        return fail(QStringLiteral("--records must be between %1 and %2")
                        .arg(kMinRecords)
                        .arg(kMaxRecords));
    if (!(options.defectScale >= 0.0))
        return fail(QStringLiteral("the defect rate factor must be a number >= 0"));
    const QDir dir(options.outDir);
    if (!QDir().mkpath(options.outDir))
        return fail(QStringLiteral("cannot create the output directory %1").arg(options.outDir));

    SimulationConfig config;
    config.records = options.records;
    config.seed = options.seed;
    const DefectRates rates = DefectRates().scaled(options.defectScale);
    Simulator simulator(catalog, config);
    DefectInjector injector(catalog, rates);
    TruthTallies tallies(catalog);
    Rng defectRng(options.seed ^ 0xd1f7ec75a3b5c9e1ULL);

    std::vector<QString> parts;
    auto part = [&](const char *name) {
        parts.push_back(dir.filePath(QString::fromLatin1(name) + QString::fromLatin1(kPart)));
        return parts.back();
    };
    auto removeParts = [&parts] {
        for (const QString &p : parts)
            QFile::remove(p);
    };

    CsvSink exportCsv(part(SampleFileNames::exportCsv), options.encoding);
    CsvSink truthCsv(part(SampleFileNames::truthRecords), CsvEncoding::Utf8);
    CsvSink instrumentsCsv(part(SampleFileNames::truthInstruments), CsvEncoding::Utf8);
    CsvSink cellsCsv(part(SampleFileNames::manifestCells), CsvEncoding::Utf8Bom);
    // Expected export rows ≈ records × (1 + duplicate rates); Auto decides on that estimate.
    const double expectedRows = double(options.records)
                                * (1.0 + rates[DefectKind::ExactDuplicate]
                                   + rates[DefectKind::ReexportDuplicate]);
    const bool wantXlsx = options.xlsx == XlsxMode::Always
                          || (options.xlsx == XlsxMode::Auto
                              && expectedRows <= double(kXlsxAutoLimit));
    std::unique_ptr<XlsxSink> xlsx;
    if (wantXlsx) {
        const std::time_t created = std::time_t(config.periodEndDay + 1) * 86400;
        xlsx = std::make_unique<XlsxSink>(part(SampleFileNames::exportXlsx), created);
    }
    if (!exportCsv.open() || !truthCsv.open() || !instrumentsCsv.open() || !cellsCsv.open()
        || (xlsx && !xlsx->open())) {
        removeParts();
        return fail(QStringLiteral("cannot write into %1").arg(options.outDir));
    }
    exportCsv.writeRow(headerRow(false));
    truthCsv.writeRow(headerRow(true));
    if (xlsx)
        xlsx->writeRow(headerRow(false));
    instrumentsCsv.writeRow({"器具ID", "器具名称", "制造单位", "型号规格", "出厂日期", "投用日期",
                             "首次失效时间_年", "首次失效项目", "威布尔尺度_年", "漂移_MPE每年",
                             "批次缺陷", "维修次数", "报废", "替换器具ID"});
    cellsCsv.writeRow({"行号", "证书编号", "缺陷", "列", "原值", "导出值"});

    std::uint64_t exportRows = 0;
    bool xlsxOverflow = false;
    std::vector<DirtyRow> now, later;
    Row clean;
    std::vector<std::string> truthFields(ColumnCount + 1);
    auto emit = [&](const DirtyRow &row) {
        ++exportRows;
        exportCsv.writeRow(row.cells, row.raw);
        if (xlsx) {
            if (exportRows + 1 > XlsxSink::kMaxRows)
                xlsxOverflow = true;
            else
                xlsx->writeRow(row.cells, row.excelSerialColumns);
        }
        std::array<bool, static_cast<std::size_t>(DefectKind::Count)> seen{};
        const std::string rowNumber = std::to_string(exportRows);
        const std::string &certificate = row.cells.empty() ? std::string() : row.cells.front();
        for (const DefectEntry &d : row.defects) {
            const auto k = static_cast<std::size_t>(d.kind);
            if (!seen[k])
                ++result.defectRows[k];
            seen[k] = true;
            if (d.column >= 0)
                ++result.defectCells[k];
            cellsCsv.writeRow({rowNumber, certificate, defectKey(d.kind),
                               d.column >= 0 ? kExportColumns[std::size_t(d.column)] : "",
                               d.cleanValue, d.dirtyValue});
        }
    };
    const std::uint64_t progressStep = 50000;
    simulator.run(
        [&](const TruthRecord &record) {
            formatCleanRow(catalog, simulator.customers(), record, clean);
            truthFields[0] = std::to_string(record.instrumentId);
            std::copy(clean.begin(), clean.end(), truthFields.begin() + 1);
            truthCsv.writeRow(truthFields);
            tallies.add(record);
            now.clear();
            injector.apply(record, clean, defectRng, now, later);
            for (const DirtyRow &row : now)
                emit(row);
            const std::uint64_t done = truthCsv.rows() - 1; // header excluded
            if (options.progress && done % progressStep == 0)
                options.progress(done, options.records);
        },
        [&](const InstrumentTruth &t) {
            const CategorySpec &cat = catalog.categories[t.category];
            const ManufacturerSpec &mfr = cat.manufacturers[t.manufacturer];
            ++result.instruments;
            instrumentsCsv.writeRow(
                {std::to_string(t.id), cat.name, mfr.name, mfr.models[t.model].name,
                 isoDate(t.manufactureDay), isoDate(t.serviceDay),
                 formatFixed(t.firstFailureYears, 6),
                 cat.failedItems[static_cast<std::size_t>(t.firstFailureItem)],
                 formatFixed(t.weibullScale, 4), formatFixed(t.drift, 6),
                 t.batchDefect ? "1" : "0", std::to_string(t.repairs), t.scrapped ? "1" : "0",
                 t.replacedBy ? std::to_string(t.replacedBy) : std::string()});
        });
    for (const DirtyRow &row : later)
        emit(row);

    bool ok = exportCsv.close() & truthCsv.close() & instrumentsCsv.close() & cellsCsv.close();
    if (xlsx && !xlsx->close())
        ok = false;
    if (xlsxOverflow && options.xlsx == XlsxMode::Always) {
        removeParts();
        return fail(QStringLiteral("the export has %1 rows, more than an XLSX sheet holds")
                        .arg(exportRows));
    }
    result.truthRecords = truthCsv.rows() - 1;
    result.exportRows = exportRows;

    // JSON files: truth and manifest.
    QJsonObject manifest;
    manifest[QStringLiteral("seed")] = QString::number(options.seed);
    manifest[QStringLiteral("exportFile")] = QString::fromLatin1(SampleFileNames::exportCsv);
    manifest[QStringLiteral("exportRows")] = qint64(exportRows);
    manifest[QStringLiteral("truthRecords")] = qint64(result.truthRecords);
    manifest[QStringLiteral("encoding")] =
        options.encoding == CsvEncoding::Gb18030 ? QStringLiteral("GB18030")
                                                 : QStringLiteral("UTF-8 with BOM");
    manifest[QStringLiteral("cellsFile")] = QString::fromLatin1(SampleFileNames::manifestCells);
    QJsonObject defects;
    for (int k = 0; k < static_cast<int>(DefectKind::Count); ++k) {
        const auto kind = static_cast<DefectKind>(k);
        defects[QString::fromLatin1(defectKey(kind))] = QJsonObject{
            {QStringLiteral("rate"), rates[kind]},
            {QStringLiteral("rows"), qint64(result.defectRows[std::size_t(k)])},
            {QStringLiteral("cells"), qint64(result.defectCells[std::size_t(k)])}};
    }
    manifest[QStringLiteral("defects")] = defects;
    qint64 truthBytes = 0;
    qint64 manifestBytes = 0;
    ok = ok
         && writeJson(part(SampleFileNames::truth),
                      buildTruthJson(catalog, config, rates, tallies, result.instruments),
                      truthBytes)
         && writeJson(part(SampleFileNames::manifest), manifest, manifestBytes);
    if (!ok) {
        removeParts();
        return fail(QStringLiteral("writing into %1 failed").arg(options.outDir));
    }

    // Commit: rename every part to its final name.
    for (const QString &p : parts) {
        const QString target = p.left(p.size() - qsizetype(std::strlen(kPart)));
        QFile::remove(target);
        if (!QFile::rename(p, target)) {
            removeParts();
            return fail(QStringLiteral("cannot rename %1").arg(p));
        }
        const QString name = QFileInfo(target).fileName();
        WrittenFile f;
        f.path = target;
        f.bytes = QFileInfo(target).size();
        if (name == QLatin1String(SampleFileNames::exportCsv)) {
            f.role = QStringLiteral("export");
            f.rows = qint64(exportRows);
        } else if (name == QLatin1String(SampleFileNames::exportXlsx)) {
            f.role = QStringLiteral("exportXlsx");
            f.rows = qint64(exportRows);
        } else if (name == QLatin1String(SampleFileNames::truthRecords)) {
            f.role = QStringLiteral("truthRecords");
            f.rows = qint64(result.truthRecords);
        } else if (name == QLatin1String(SampleFileNames::truthInstruments)) {
            f.role = QStringLiteral("truthInstruments");
            f.rows = qint64(instrumentsCsv.rows() - 1);
        } else if (name == QLatin1String(SampleFileNames::manifestCells)) {
            f.role = QStringLiteral("manifestCells");
            f.rows = qint64(cellsCsv.rows() - 1);
        } else {
            f.role = name == QLatin1String(SampleFileNames::truth) ? QStringLiteral("truth")
                                                                   : QStringLiteral("manifest");
        }
        result.files.push_back(f);
    }
    result.ok = true;
    return result;
}

} // namespace metroeval::sample
