// SPDX-License-Identifier: GPL-3.0-or-later
// Randomized robustness: a valid export corrupted anywhere (bytes flipped, inserted, deleted,
// truncated) must never crash the import, and what is imported must always reconcile.
#include <gtest/gtest.h>

#include "importtestsupport.h"
#include "sample/samplewriter.h"
#include "storage/recordstore.h"

#include <QFile>

#include <random>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QByteArray corrupt(QByteArray bytes, std::mt19937_64 &rng)
{
    std::uniform_int_distribution<int> kind(0, 3);
    std::uniform_int_distribution<int> count(1, 12);
    const int edits = count(rng);
    for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
        std::uniform_int_distribution<qsizetype> at(0, bytes.size() - 1);
        const qsizetype i = at(rng);
        const auto byte = static_cast<char>(rng() & 0xFF);
        switch (kind(rng)) {
        case 0:
            bytes[i] = byte;
            break;
        case 1:
            bytes.insert(i, byte);
            break;
        case 2:
            bytes.remove(i, std::uniform_int_distribution<qsizetype>(1, 40)(rng));
            break;
        default:
            bytes.truncate(i);
            break;
        }
    }
    return bytes;
}

void checkCorruptedCopies(const QString &source, const QString &suffix, int copies,
                          std::uint64_t seed)
{
    const QByteArray original = readAll(source);
    std::mt19937_64 rng(seed);
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_TRUE(ws);
    for (int k = 0; k < copies; ++k) {
        const QString path = dir.filePath(u"c%1."_s.arg(k) + suffix);
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(corrupt(original, rng));
        f.close();
        const qint64 before = countRecords(ws->database());
        CoreError error;
        const auto s = importInto(*ws, path, {}, &error);
        if (s) {
            EXPECT_TRUE(reconciles(*ws, *s)) << "copy " << k;
            EXPECT_EQ(countRecords(ws->database()), before + s->imported) << "copy " << k;
        } else {
            // A refused file (header destroyed, broken archive) changes nothing.
            EXPECT_NE(error.code, ErrorCode::None);
            EXPECT_EQ(countRecords(ws->database()), before) << "copy " << k;
        }
    }
}
} // namespace

TEST(ImportCorruption, CorruptedCsvNeverCrashesAndAlwaysReconciles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(writeSampleExport(dir, 300, 11, metroeval::sample::XlsxMode::Always).ok);
    checkCorruptedCopies(sampleFile(dir, u"export.csv"_s), u"csv"_s, 60, 20261128);
}

TEST(ImportCorruption, CorruptedXlsxNeverCrashesAndAlwaysReconciles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(writeSampleExport(dir, 300, 12, metroeval::sample::XlsxMode::Always).ok);
    checkCorruptedCopies(sampleFile(dir, u"export.xlsx"_s), u"xlsx"_s, 60, 20261129);
}

TEST(ImportCorruption, GbkFileCorruptedAlsoReconciles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(writeSampleExport(dir, 300, 13, metroeval::sample::XlsxMode::Never,
                                  metroeval::sample::CsvEncoding::Gb18030)
                    .ok);
    checkCorruptedCopies(sampleFile(dir, u"export.csv"_s), u"csv"_s, 30, 20261130);
}
