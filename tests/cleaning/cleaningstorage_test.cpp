// SPDX-License-Identifier: GPL-3.0-or-later
// The storage of a cleaning run on generated data (docs/cleaning.md, "Performance"):
// record_clean holds only the changed cells, record_effective still gives the full cleaned rows,
// and the two-connection read of a large table gives the table one sequential pass gives.
#include "cleaningtestsupport.h"

#include "cleaning/recordtable.h"
#include "io/importer.h"
#include "model/field.h"
#include "sample/samplewriter.h"

#include <QDir>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {

/// 20,000 generated records (above the two-connection threshold of recordtable.cpp), imported.
std::unique_ptr<core::Workspace> importedSample(const QTemporaryDir &dir)
{
    sample::SampleOptions options;
    options.outDir = dir.filePath(u"sample"_s);
    options.records = 20000;
    options.seed = 5;
    options.xlsx = sample::XlsxMode::Never;
    if (!sample::writeSample(options).ok)
        return nullptr;
    auto ws = freshWorkspace(dir);
    core::CoreError error;
    if (!ws
        || !core::importCsvFile(*ws, QDir(options.outDir).filePath(u"export.csv"_s),
                                core::ImportOptions{}, &error))
        return nullptr;
    return ws;
}

QStringList dump(core::Workspace &ws, const QString &sql)
{
    QStringList rows;
    QSqlQuery q(sql, ws.database());
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.isNull(i) ? u"<null>"_s : q.value(i).toString());
        rows << cells.join(u'|');
    }
    return rows;
}

} // namespace

TEST(CleaningStorage, EffectiveViewEqualsFullCleanedRows)
{
    // GIVEN a generated dirty export, imported and cleaned
    QTemporaryDir dir;
    auto ws = importedSample(dir);
    ASSERT_TRUE(ws);
    core::CoreError error;
    ASSERT_TRUE(core::cleaning::runCleaning(*ws, fixtureOptions(true), &error))
        << error.detail.toStdString();
    ASSERT_GT(scalar(*ws, u"SELECT COUNT(*) FROM record_clean"_s), 1000);

    // THEN every stored cell differs from the raw value and every stored row has one
    QString anyCell = u"0"_s;
    QString sameCell = u"0"_s;
    QStringList columns;
    for (const core::Field f : core::cleaning::kCleanedFields)
        columns << QString(core::fieldInfo(f).key);
    columns << u"verification_day"_s << u"due_day"_s << u"manufacture_day"_s << u"passed"_s
            << u"max_error_value"_s << u"mpe_value"_s;
    for (const QString &c : std::as_const(columns)) {
        anyCell += u" OR c."_s + c + u" IS NOT NULL"_s;
        sameCell += u" OR (c."_s + c + u" IS NOT NULL AND c."_s + c + u" IS r."_s + c + u")"_s;
    }
    EXPECT_EQ(scalar(*ws, u"SELECT COUNT(*) FROM record_clean c JOIN record r"
                          " ON r.id = c.record_id WHERE NOT ("_s
                              + anyCell + u") OR ("_s + sameCell + u")"_s),
              0);
    // AND record_effective equals the full-row layout of record_clean (schema version 4 before
    // the changed-cells layout): CASE over a table holding every cleanable column per row
    QString full = u"c.record_id AS record_id"_s;
    QString old = u"r.id"_s;
    for (const QString &c : std::as_const(columns)) {
        full += u", COALESCE(c."_s + c + u", r."_s + c + u") AS "_s + c;
        old += u", CASE WHEN f.record_id IS NULL THEN r."_s + c + u" ELSE f."_s + c + u" END"_s;
    }
    QSqlQuery q(ws->database());
    ASSERT_TRUE(q.exec(u"CREATE TEMP TABLE full_clean AS SELECT "_s + full
                       + u" FROM record_clean c JOIN record r ON r.id = c.record_id"_s));
    QString effective = u"id"_s;
    for (const QString &c : std::as_const(columns))
        effective += u", "_s + c;
    const QStringList expected
        = dump(*ws, u"SELECT "_s + old
                        + u" FROM record r LEFT JOIN full_clean f ON f.record_id = r.id"
                          " WHERE r.id NOT IN (SELECT record_id FROM record_mask) ORDER BY r.id"_s);
    const QStringList actual
        = dump(*ws, u"SELECT "_s + effective + u" FROM record_effective ORDER BY id"_s);
    ASSERT_EQ(actual.size(), expected.size());
    EXPECT_TRUE(actual == expected);
}

TEST(CleaningStorage, TwoConnectionReadEqualsSequentialRead)
{
    // GIVEN a generated export large enough for the two-connection read
    QTemporaryDir dir;
    auto ws = importedSample(dir);
    ASSERT_TRUE(ws);
    // WHEN the table is read outside a transaction (two connections) and inside one (only the
    // workspace's connection sees uncommitted rows, so it reads alone)
    core::cleaning::RecordTable split;
    core::cleaning::RecordTable sequential;
    core::CoreError error;
    ASSERT_TRUE(core::cleaning::readRecordTable(ws->database(), split, {}, &error));
    ASSERT_TRUE(ws->database().transaction());
    ASSERT_TRUE(core::cleaning::readRecordTable(ws->database(), sequential, {}, &error));
    ws->database().rollback();
    // THEN rows, dictionary ids and certificates are the same
    ASSERT_EQ(split.rows.size(), sequential.rows.size());
    ASSERT_GE(split.rows.size(), 19000u);
    for (std::size_t i = 0; i < split.rows.size(); ++i) {
        const auto &a = split.rows[i];
        const auto &b = sequential.rows[i];
        ASSERT_EQ(a.id, b.id);
        ASSERT_EQ(a.text, b.text) << "row " << i;
        ASSERT_EQ(a.verificationDay, b.verificationDay);
        ASSERT_EQ(a.passed, b.passed);
        ASSERT_EQ(split.certificate(i), sequential.certificate(i));
    }
    for (std::size_t s = 0; s < core::cleaning::kCleanedCount; ++s) {
        ASSERT_EQ(split.dictionary[s].size(), sequential.dictionary[s].size());
        for (int id = 0; id < int(split.dictionary[s].size()); ++id)
            ASSERT_EQ(split.dictionary[s].at(id), sequential.dictionary[s].at(id));
    }
}
