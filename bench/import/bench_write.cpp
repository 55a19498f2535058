// SPDX-License-Identifier: GPL-3.0-or-later
// bench_write: the import's writing side alone — RecordWriter inserting N copies of one typed
// record (each with its own certificate and content hash) in chunks of 2,048 in a bulk load into
// a fresh workspace, as the importer does, then rebuilding the index and committing. No reading,
// typing, hashing or duplicate look-up: a floor under the import's row phase on this machine
// (docs/import.md, Speed).
//   bench_write [--records N] [--dir DIR] [--runs R]
#include "io/columnmapping.h"
#include "io/recordparser.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;
using namespace metroeval::core;

namespace {
// The first data row of the sample export (docs/sample-data.md), as the importer types it.
bool sampleRecord(VerificationRecord &record, RecordExtras &extras)
{
    const QStringList header = u"证书编号,器具名称,型号规格,出厂编号,制造单位,出厂日期,测量范围,"
                               "准确度等级,最大允许误差,送检单位,所属地区,所属行业,检定类别,检定日期,"
                               "有效期至,检定结论,不合格项目,最大示值误差,检定员,核验员"_s.split(u',');
    const QStringList row = u"JD2018-Q-00000001,可燃气体检测报警器,GT-2000A,180000001,"
                            "深圳安瑞检测设备有限公司,2018-06-17,(0~100)%LEL,/,±5%LEL,"
                            "三峡瑞源冶金有限公司,五峰土家族自治县,冶金,首次检定,2018年8月3日,"
                            "2019-08-02,合格,,-0.1,徐军,孙丽"_s.split(u',');
    const ColumnMapping mapping = ColumnMapping::suggest(header);
    return !parseRecord(row, 2, int(header.size()), mapping, {}, record, extras);
}

struct Run
{
    double insertS = 0, indexS = 0, commitS = 0;
};

std::optional<Run> runOnce(const QString &path, qint64 records, const VerificationRecord &record,
                           const EncodedRecord &text)
{
    QFile::remove(path);
    CoreError error;
    auto ws = Workspace::open(path, &error);
    if (!ws)
        return std::nullopt;
    // As the importer does: no foreign-key check per row (set outside the transaction).
    QSqlQuery(u"PRAGMA foreign_keys = OFF"_s, ws->database());
    if (!ws->database().transaction())
        return std::nullopt;
    Run run;
    bool bulk = false;
    {
        RecordWriter writer(ws->database());
        // Versions tracked in memory, as the importer does (no certificate is seen twice here).
        if (!writer.beginBulkLoad(&bulk) || !bulk || !writer.prepare() || !writer.trackVersions()) {
            std::fprintf(stderr, "%s\n", qPrintable(writer.lastError()));
            return std::nullopt;
        }
        ImportBatchInfo batch;
        batch.fileName = u"bench"_s;
        batch.importedAt = QDateTime::currentDateTimeUtc();
        batch.id = writer.insertBatch(batch);
        QElapsedTimer timer;
        timer.start();
        // Each row its own certificate (the last 8 digits of JD2018-Q-00000001) and content
        // hash, written a chunk at a time as the importer hands them over.
        constexpr qint64 kChunk = 2048;
        std::vector<EncodedRecord> texts(kChunk, text);
        std::vector<QByteArray> hashes(kChunk, QByteArray(32, '\0'));
        std::vector<RecordRow> rows;
        std::vector<RecordWriter::Outcome> outcomes;
        const int certificateEnd = text.bounds[int(Field::CertificateNo) + 1];
        for (qint64 first = 1; first <= records; first += kChunk) {
            rows.clear();
            for (qint64 i = first; i < first + kChunk && i <= records; ++i) {
                const std::size_t k = std::size_t(i - first);
                std::memcpy(hashes[k].data(), &i, sizeof i);
                char *digits = texts[k].text.data() + certificateEnd - 8;
                for (qint64 d = 7, n = i; d >= 0; --d, n /= 10)
                    digits[d] = char('0' + n % 10);
                rows.push_back({&record, &texts[k], &hashes[k]});
            }
            if (!writer.insertRecords(batch.id, rows, outcomes)) {
                std::fprintf(stderr, "%s\n", qPrintable(writer.lastError()));
                return std::nullopt;
            }
        }
        run.insertS = double(timer.nsecsElapsed()) * 1e-9;
        timer.restart();
        if (!writer.endBulkLoad())
            return std::nullopt;
        run.indexS = double(timer.nsecsElapsed()) * 1e-9;
        writer.finish();
    }
    QElapsedTimer timer;
    timer.start();
    if (!ws->database().commit())
        return std::nullopt;
    run.commitS = double(timer.nsecsElapsed()) * 1e-9;
    return run;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"records"_s, u"Rows to write."_s, u"N"_s, u"1000000"_s},
                       {u"dir"_s, u"Working folder (default: a temporary one)."_s, u"DIR"_s},
                       {u"runs"_s, u"Repetitions."_s, u"R"_s, u"3"_s}});
    parser.process(app);
    QTemporaryDir temp;
    const QString dir = parser.isSet(u"dir"_s) ? parser.value(u"dir"_s) : temp.path();
    VerificationRecord record;
    RecordExtras extras;
    if (!sampleRecord(record, extras)) {
        std::fprintf(stderr, "the sample row did not type\n");
        return 1;
    }
    EncodedRecord text;
    encodeRecord(record, extras, text);
    const qint64 records = parser.value(u"records"_s).toLongLong();
    QJsonArray runs;
    for (int r = 0; r < std::max(1, parser.value(u"runs"_s).toInt()); ++r) {
        const auto run = runOnce(dir + u"/write.metroeval"_s, records, record, text);
        if (!run) {
            std::fprintf(stderr, "write failed\n");
            return 1;
        }
        runs.append(QJsonObject{{u"insert_s"_s, run->insertS},
                                {u"index_s"_s, run->indexS},
                                {u"commit_s"_s, run->commitS}});
    }
    QFile::remove(dir + u"/write.metroeval"_s);
    const QJsonObject out{{u"records"_s, records}, {u"runs"_s, runs}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
    return 0;
}
