// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "importtestsupport.h"

#include <QSqlQuery>
#include <QVariant>

namespace metroeval::test {

using namespace Qt::StringLiterals;

QString importFixture(const QString &name)
{
    return QString::fromUtf8(METROEVAL_TEST_DATA_DIR) + u"/import/"_s + name;
}

sample::SampleResult writeSampleExport(const QTemporaryDir &dir, std::uint64_t records,
                                       std::uint64_t seed, sample::XlsxMode xlsx,
                                       sample::CsvEncoding encoding)
{
    sample::SampleOptions options;
    options.outDir = dir.filePath(u"sample"_s);
    options.records = records;
    options.seed = seed;
    options.xlsx = xlsx;
    options.encoding = encoding;
    return sample::writeSample(options);
}

QString sampleFile(const QTemporaryDir &dir, const QString &name)
{
    return dir.filePath(u"sample/"_s + name);
}

std::unique_ptr<core::Workspace> freshWorkspace(const QTemporaryDir &dir)
{
    core::CoreError error;
    return core::Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
}

std::optional<core::ImportSummary> importInto(core::Workspace &ws, const QString &path,
                                              const core::ImportOptions &options,
                                              core::CoreError *error)
{
    core::CoreError local;
    return core::importFile(ws, path, options, error ? error : &local);
}

::testing::AssertionResult reconciles(core::Workspace &ws, const core::ImportSummary &s)
{
    if (s.rowsRead != s.imported + s.duplicates + s.quarantined)
        return ::testing::AssertionFailure()
               << "summary " << s.rowsRead << " != " << s.imported << " + " << s.duplicates
               << " + " << s.quarantined;
    qint64 reasons = 0;
    for (const qint64 n : s.quarantineReasons)
        reasons += n;
    if (reasons != s.quarantined)
        return ::testing::AssertionFailure() << "reasons " << reasons << " != " << s.quarantined;
    QSqlQuery q(ws.database());
    q.prepare(u"SELECT rows_read, imported, duplicates, quarantined,"
              " (SELECT COUNT(*) FROM record WHERE batch_id = b.id),"
              " (SELECT COUNT(*) FROM quarantine WHERE batch_id = b.id)"
              " FROM import_batch b WHERE id = ?"_s);
    q.addBindValue(s.batchId);
    if (!q.exec() || !q.next())
        return ::testing::AssertionFailure() << "no batch " << s.batchId;
    if (q.value(0).toLongLong() != s.rowsRead || q.value(1).toLongLong() != s.imported
        || q.value(2).toLongLong() != s.duplicates || q.value(3).toLongLong() != s.quarantined
        || q.value(4).toLongLong() != s.imported || q.value(5).toLongLong() != s.quarantined)
        return ::testing::AssertionFailure() << "stored counts differ from the summary";
    return ::testing::AssertionSuccess();
}

QVariant recordValue(core::Workspace &ws, const QString &certificate, const QString &column)
{
    QSqlQuery q(ws.database());
    q.prepare(u"SELECT "_s + column
              + u" FROM record WHERE certificate_no = ? AND superseded_by IS NULL"_s);
    q.addBindValue(certificate);
    return q.exec() && q.next() ? q.value(0) : QVariant();
}

} // namespace metroeval::test
