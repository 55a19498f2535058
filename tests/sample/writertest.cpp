// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/record.h"
#include "sample/samplewriter.h"
#include "sampletestsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <regex>
#include <set>

using namespace metroeval::sample;
using metroeval::sample::testsupport::readLines;
using metroeval::sample::testsupport::splitCommas;

namespace {

SampleResult generate(const QString &dir, std::uint64_t records, std::uint64_t seed,
                      CsvEncoding encoding = CsvEncoding::Utf8Bom)
{
    SampleOptions options;
    options.outDir = dir;
    options.records = records;
    options.seed = seed;
    options.encoding = encoding;
    return writeSample(options);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

QString at(const QTemporaryDir &dir, const char *name)
{
    return dir.filePath(QString::fromLatin1(name));
}

} // namespace

TEST(SampleWriter, SameSeedGivesByteIdenticalFilesOtherSeedOtherExport)
{
    // GIVEN two runs with seed 9 and one with seed 10
    QTemporaryDir a, b, c;
    ASSERT_TRUE(generate(a.path(), 20000, 9).ok);
    ASSERT_TRUE(generate(b.path(), 20000, 9).ok);
    ASSERT_TRUE(generate(c.path(), 20000, 10).ok);
    // THEN every file of the first two is byte-identical (XLSX included), the third differs
    for (const char *name :
         {SampleFileNames::exportCsv, SampleFileNames::exportXlsx, SampleFileNames::truthRecords,
          SampleFileNames::truthInstruments, SampleFileNames::truth, SampleFileNames::manifest,
          SampleFileNames::manifestCells}) {
        const QByteArray x = readAll(at(a, name));
        ASSERT_FALSE(x.isEmpty()) << name;
        EXPECT_EQ(x, readAll(at(b, name))) << name;
    }
    EXPECT_NE(readAll(at(a, SampleFileNames::exportCsv)),
              readAll(at(c, SampleFileNames::exportCsv)));
}

TEST(SampleWriter, ManifestCountsMatchTheDefectsFoundInTheExport)
{
    // GIVEN an export with defect rates × 5 so that even the rare kinds occur
    QTemporaryDir dir;
    SampleOptions options;
    options.outDir = dir.path();
    options.records = 20000;
    options.seed = 4;
    options.defectScale = 5.0;
    ASSERT_TRUE(writeSample(options).ok);
    const auto truthLines = readLines(at(dir, SampleFileNames::truthRecords));
    std::map<std::string, std::vector<std::string>> truth; // certificate → clean fields
    for (std::size_t i = 1; i < truthLines.size(); ++i) {
        auto f = splitCommas(truthLines[i]);
        f.erase(f.begin()); // 器具ID
        truth[f[ColCertificate]] = f;
    }
    const auto lines = readLines(at(dir, SampleFileNames::exportCsv));
    const QJsonObject defects = readJson(at(dir, SampleFileNames::manifest))
                                    .value(QStringLiteral("defects")).toObject();
    auto manifestRows = [&](const char *key) {
        return defects.value(QString::fromLatin1(key)).toObject()
            .value(QStringLiteral("rows")).toInteger();
    };
    auto manifestCells = [&](const char *key) {
        return defects.value(QString::fromLatin1(key)).toObject()
            .value(QStringLiteral("cells")).toInteger();
    };
    // WHEN detecting each defect independently by comparing the export with the truth
    std::map<std::string, qint64> rows, cells;
    std::set<std::string> seen;
    const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
    const std::regex serial(R"(\d{5})");
    const std::string renamed = "西安秦川智能仪表有限公司";
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string &line = lines[i];
        const auto f = splitCommas(line);
        if (f.size() != ColumnCount)
            ++rows["wrongColumnCount"];
        if (std::count(line.begin(), line.end(), '"') % 2 == 1)
            ++rows["unbalancedQuote"];
        const std::string &cert = f[ColCertificate];
        if (seen.count(cert))
            ++rows[line == lines[i - 1] ? "exactDuplicate" : "reexportDuplicate"];
        seen.insert(cert);
        const auto &t = truth.at(cert);
        if (f[ColRange].ends_with("kPa"))
            ++rows["unitKpa"];
        if (f[ColConclusion] != "合格" && f[ColConclusion] != "不合格")
            ++rows["conclusionVocabulary"];
        if (!f[ColModel].empty() && f[ColModel] != t[ColModel])
            ++rows["modelVariant"];
        if (f[ColManufacturer] == renamed)
            ++rows["renamedCompany"];
        else if (!f[ColManufacturer].empty() && f[ColManufacturer] != t[ColManufacturer])
            ++rows["manufacturerVariant"];
        for (int c : {ColManufactureDate, ColVerificationDate, ColDueDate}) {
            const std::string &v = f[std::size_t(c)];
            if (std::regex_match(v, serial))
                ++cells["excelSerialDate"];
            else if (!v.empty() && !std::regex_match(v, iso))
                ++cells["dateFormat"];
        }
        const bool impossible = f[ColVerificationDate].ends_with("-02-30")
                                || (std::regex_match(f[ColManufactureDate], iso)
                                    && f[ColManufactureDate] > t[ColVerificationDate]);
        rows["impossibleDate"] += impossible ? 1 : 0;
        for (int c = 0; c < ColChecker; ++c)
            if (f[std::size_t(c)].empty() && !t[std::size_t(c)].empty())
                ++cells["missingValue"];
        if (t[ColConclusion] == "合格" && !f[ColError].empty()) {
            // A blanked MPE cell (missingValue) does not hide the contradiction: use the truth's.
            const std::string &mpeText = f[ColMpe].empty() ? t[ColMpe] : f[ColMpe];
            const double mpe = std::stod(mpeText.substr(std::string("±").size()));
            if (std::fabs(std::stod(f[ColError])) > mpe)
                ++rows["contradictingConclusion"];
        }
    }
    // THEN each count equals the manifest's
    for (const char *key : {"wrongColumnCount", "unbalancedQuote", "exactDuplicate",
                            "reexportDuplicate", "unitKpa", "conclusionVocabulary",
                            "modelVariant", "renamedCompany", "manufacturerVariant",
                            "impossibleDate", "contradictingConclusion"}) {
        EXPECT_GT(manifestRows(key), 0) << key;
        EXPECT_EQ(rows[key], manifestRows(key)) << key;
    }
    for (const char *key : {"excelSerialDate", "dateFormat", "missingValue"}) {
        EXPECT_GT(manifestCells(key), 0) << key;
        EXPECT_EQ(cells[key], manifestCells(key)) << key;
    }
}

TEST(SampleWriter, TruthPassRatesAreTheCountsOfTheTruthRecords)
{
    // GIVEN a sample
    QTemporaryDir dir;
    ASSERT_TRUE(generate(dir.path(), 20000, 5).ok);
    std::map<std::tuple<std::string, std::string, int>, std::pair<qint64, qint64>> counted;
    const auto lines = readLines(at(dir, SampleFileNames::truthRecords));
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = splitCommas(lines[i]);
        auto &c = counted[{f[1 + ColCategory], f[1 + ColManufacturer],
                           std::stoi(f[1 + ColVerificationDate].substr(0, 4))}];
        ++c.first;
        c.second += f[1 + ColConclusion] == "合格" ? 1 : 0;
    }
    // THEN every passRates entry of truth.json equals the recount and they cover all records
    const QJsonArray rates =
        readJson(at(dir, SampleFileNames::truth)).value(QStringLiteral("passRates")).toArray();
    qint64 total = 0;
    for (const QJsonValue &v : rates) {
        const QJsonObject o = v.toObject();
        const auto &c = counted[{o.value(QStringLiteral("category")).toString().toStdString(),
                                 o.value(QStringLiteral("manufacturer")).toString().toStdString(),
                                 o.value(QStringLiteral("year")).toInt()}];
        EXPECT_EQ(o.value(QStringLiteral("verified")).toInteger(), c.first);
        EXPECT_EQ(o.value(QStringLiteral("passed")).toInteger(), c.second);
        total += c.first;
    }
    EXPECT_EQ(total, 20000);
    EXPECT_EQ(rates.size(), qsizetype(counted.size()));
}

TEST(SampleWriter, Gb18030ExportDecodesToTheSameTextAsUtf8)
{
    // GIVEN the same seed written in UTF-8 with BOM and in GB18030
    QTemporaryDir a, b;
    ASSERT_TRUE(generate(a.path(), 3000, 8, CsvEncoding::Utf8Bom).ok);
    ASSERT_TRUE(generate(b.path(), 3000, 8, CsvEncoding::Gb18030).ok);
    // WHEN decoding the GB18030 bytes with Qt's GB18030 decoder
    QStringDecoder decoder("GB18030");
    const QString gb = decoder.decode(readAll(at(b, SampleFileNames::exportCsv)));
    // THEN no decoding error, and the text equals the UTF-8 file's after its BOM
    EXPECT_FALSE(decoder.hasError());
    const QString utf8 = QString::fromUtf8(readAll(at(a, SampleFileNames::exportCsv)).mid(3));
    EXPECT_TRUE(gb.startsWith(QStringLiteral("证书编号,器具名称")));
    EXPECT_EQ(gb, utf8);
}

TEST(SampleWriter, XlsxIsAZipWithTheWorksheetAndEveryRow)
{
    // GIVEN a sample whose XLSX is written by default (≤ 200k rows)
    QTemporaryDir dir;
    const SampleResult result = generate(dir.path(), 2000, 6);
    ASSERT_TRUE(result.ok);
    // WHEN opening it with libzip
    int error = 0;
    const QByteArray path = at(dir, SampleFileNames::exportXlsx).toLocal8Bit();
    zip_t *zip = zip_open(path.constData(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    ASSERT_NE(zip, nullptr) << "libzip error " << error;
    // THEN the OOXML parts exist (ECMA-376 Part 2 package structure) and the sheet holds the
    // header plus every export row
    EXPECT_GE(zip_name_locate(zip, "[Content_Types].xml", 0), 0);
    EXPECT_GE(zip_name_locate(zip, "xl/workbook.xml", 0), 0);
    const zip_int64_t sheet = zip_name_locate(zip, "xl/worksheets/sheet1.xml", 0);
    ASSERT_GE(sheet, 0);
    zip_stat_t st;
    ASSERT_EQ(zip_stat_index(zip, zip_uint64_t(sheet), 0, &st), 0);
    std::string xml(st.size, '\0');
    zip_file_t *file = zip_fopen_index(zip, zip_uint64_t(sheet), 0);
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(zip_fread(file, xml.data(), st.size), zip_int64_t(st.size));
    zip_fclose(file);
    zip_close(zip);
    const std::string lastRow = "<row r=\"" + std::to_string(result.exportRows + 1) + "\"";
    EXPECT_NE(xml.find(lastRow), std::string::npos);
    EXPECT_EQ(xml.find("<row r=\"" + std::to_string(result.exportRows + 2) + "\""),
              std::string::npos);
}

TEST(SampleWriter, FailureLeavesNoFiles)
{
    // GIVEN an output "directory" that is a regular file
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    // WHEN generating into a folder below it
    const SampleResult result = generate(blocker + QStringLiteral("/out"), 100, 1);
    // THEN it fails with a reason and the temporary directory holds only the blocker
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.error.isEmpty());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 1);
}

TEST(SampleWriter, RejectsRecordCountsOutOfRange)
{
    // GIVEN 0 and 5,000,001 records; THEN refused before anything is written
    QTemporaryDir dir;
    EXPECT_FALSE(generate(dir.path(), 0, 1).ok);
    EXPECT_FALSE(generate(dir.path(), 5000001, 1).ok);
    EXPECT_TRUE(QDir(dir.path()).isEmpty());
}
