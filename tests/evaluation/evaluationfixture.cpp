// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluationfixture.h"

#include "io/importer.h"
#include "sample/samplewriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>
#include <tuple>

namespace metroeval::test {

using namespace Qt::StringLiterals;

namespace {
using Cache = std::map<std::tuple<quint64, quint64, bool>, SampleWorkspace>;
Cache &cache()
{
    static Cache instance;
    return instance;
}

// Closes the cached workspaces before static destruction: Qt's SQL connection registry may be
// gone by then.
class CacheCleaner : public ::testing::Environment
{
public:
    void TearDown() override { cache().clear(); }
};
[[maybe_unused]] ::testing::Environment *const kCleaner
    = ::testing::AddGlobalTestEnvironment(new CacheCleaner);
} // namespace

SampleWorkspace &sampleWorkspace(quint64 records, quint64 seed, bool events)
{
    static QTemporaryDir root;
    const auto key = std::make_tuple(records, seed, events);
    auto it = cache().find(key);
    if (it != cache().end())
        return it->second;
    SampleWorkspace &s = cache()[key];
    s.directory = root.filePath(u"s%1_%2_%3"_s.arg(records).arg(seed).arg(events ? 1 : 0));
    sample::Catalog catalog = sample::defaultCatalog();
    if (!events) {
        // No instrument is made in year 1: the batch defect never applies.
        catalog.events.batchYear = 1;
        catalog.events.improvingScaleFactor = 1.0;
    }
    sample::SampleOptions options;
    options.outDir = s.directory;
    options.records = records;
    options.seed = seed;
    options.xlsx = sample::XlsxMode::Never;
    const sample::SampleResult written = sample::writeSample(options, catalog);
    EXPECT_TRUE(written.ok) << written.error.toStdString();
    QFile truth(QDir(s.directory).filePath(u"truth.json"_s));
    EXPECT_TRUE(truth.open(QIODevice::ReadOnly));
    s.truth = QJsonDocument::fromJson(truth.readAll()).object();
    core::CoreError error;
    s.workspace = core::Workspace::open(QDir(s.directory).filePath(u"w.metroeval"_s), &error);
    EXPECT_TRUE(s.workspace) << error.detail.toStdString();
    const auto summary = core::importCsvFile(
        *s.workspace, QDir(s.directory).filePath(u"truth_records.csv"_s), {}, &error);
    EXPECT_TRUE(summary) << error.detail.toStdString();
    return s;
}

std::unique_ptr<core::Workspace> handWorkspace(const QTemporaryDir &dir,
                                               const std::vector<HandRecord> &records)
{
    QByteArray bytes
        = u"证书编号,器具名称,型号规格,出厂编号,制造单位,出厂日期,测量范围,准确度等级,"
          "最大允许误差,送检单位,所属地区,所属行业,检定类别,检定日期,有效期至,检定结论,"
          "不合格项目,最大示值误差,检定员,核验员\n"_s.toUtf8();
    for (const HandRecord &r : records) {
        bytes += (r.certificate + u",一般压力表,"_s + r.model + u","_s + r.serial + u","_s
                  + r.manufacturer
                  + u",2015-01-01,(0~1.6)MPa,1.6,±0.025MPa,某某化工有限公司,宜昌市,化工,"_s + r.type
                  + u","_s + r.date + u",,"_s + (r.passed ? u"合格"_s : u"不合格"_s) + u","_s
                  + r.failedItems + u","_s + r.maxError + u",张三,李四\n"_s)
                     .toUtf8();
    }
    const QString path = dir.filePath(u"hand.csv"_s);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    core::CoreError error;
    auto ws = core::Workspace::open(dir.filePath(u"hand.metroeval"_s), &error);
    EXPECT_TRUE(ws) << error.detail.toStdString();
    const auto summary = core::importCsvFile(*ws, path, {}, &error);
    EXPECT_TRUE(summary) << error.detail.toStdString();
    if (summary) {
        EXPECT_EQ(summary->imported, qint64(records.size()));
    }
    return ws;
}

core::EvaluationPlan planFrom(const char *json)
{
    core::CoreError error;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &parseError);
    EXPECT_TRUE(doc.isObject()) << parseError.errorString().toStdString();
    const auto plan = core::EvaluationPlan::fromJson(doc.object(), &error);
    EXPECT_TRUE(plan) << error.detail.toStdString();
    return plan ? *plan : core::EvaluationPlan{};
}

QJsonObject findByKey(const QJsonArray &array, const QString &key)
{
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        if (o.value("key"_L1).toString() == key || o.value("group"_L1).toString() == key)
            return o;
    }
    return {};
}

} // namespace metroeval::test
