// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importer.h"
#include "io/sha256.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"

#include "coretestsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <random>

#include <gtest/gtest.h>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
QByteArray smallExport()
{
    QByteArray bytes = exportHeader();
    bytes += exportLine(u"C1"_s, u"甲厂"_s, u"2023-05-01"_s, u"合格"_s);
    bytes += exportLine(u"C2"_s, u"甲厂"_s, u"2023/5/2"_s, u"不合格"_s);
    bytes += exportLine(u"C3"_s, u"乙厂"_s, u"2023年5月3日"_s, u"准予使用"_s);
    bytes += exportLine(u"C3"_s, u"乙厂"_s, u"2023年5月3日"_s, u"准予使用"_s); // exact duplicate
    bytes += exportLine(u"C4"_s, u"乙厂"_s, u"2022-02-30"_s, u"合格"_s);     // impossible date
    bytes += exportLine(u"C5"_s, u"乙厂"_s, u"2023-05-05"_s, u"待定"_s);     // unknown word
    bytes += exportLine(u""_s, u"乙厂"_s, u"2023-05-06"_s, u"合格"_s);       // no certificate
    bytes += "C6,一般压力表,too,few\n";                                      // wrong columns
    return bytes;
}
} // namespace

TEST(Import, EveryRowIsImportedDuplicatedOrQuarantinedAndCountsReconcile)
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir, u"export.csv"_s, smallExport());
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ASSERT_TRUE(ws);
    // WHEN the export is imported
    const auto s = importCsvFile(*ws, csv, {}, &error);
    ASSERT_TRUE(s) << error.detail.toStdString();
    // THEN 8 rows were read: 3 imported, 1 duplicate, 4 quarantined with their reasons
    EXPECT_EQ(s->rowsRead, 8);
    EXPECT_EQ(s->imported, 3);
    EXPECT_EQ(s->duplicates, 1);
    EXPECT_EQ(s->quarantined, 4);
    EXPECT_EQ(s->rowsRead, s->imported + s->duplicates + s->quarantined);
    EXPECT_EQ(s->quarantineReasons.value(u"unparseable_date"_s), 1);
    EXPECT_EQ(s->quarantineReasons.value(u"unknown_conclusion"_s), 1);
    EXPECT_EQ(s->quarantineReasons.value(u"missing_required_field"_s), 1);
    EXPECT_EQ(s->quarantineReasons.value(u"wrong_column_count"_s), 1);
    EXPECT_EQ(countRecords(ws->database()), 3);
    QSqlQuery q(u"SELECT source_line, code FROM quarantine ORDER BY source_line"_s, ws->database());
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 6); // header is line 1
    EXPECT_EQ(q.value(1).toString(), u"unparseable_date"_s);
    // AND the batch carries its provenance
    const auto batches = listBatches(ws->database());
    ASSERT_EQ(batches.size(), 1);
    EXPECT_EQ(batches[0].sha256.size(), 64);
    EXPECT_EQ(batches[0].rowsRead, 8);
}

TEST(Import, ImportingTheSameFileAgainAddsNothing)
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir, u"export.csv"_s, smallExport());
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ASSERT_TRUE(importCsvFile(*ws, csv, {}, &error));
    const auto second = importCsvFile(*ws, csv, {}, &error);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->imported, 0);
    EXPECT_EQ(second->duplicates, 4);
    EXPECT_EQ(countRecords(ws->database()), 3);
}

TEST(Import, CancelledImportLeavesTheWorkspaceAsItWas)
{
    QTemporaryDir dir;
    QByteArray bytes = exportHeader();
    for (int i = 0; i < 40000; ++i)
        bytes += exportLine(u"N%1"_s.arg(i), u"甲厂"_s, u"2023-05-01"_s, u"合格"_s);
    const QString csv = writeFile(dir, u"big.csv"_s, bytes);
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    ImportOptions options;
    options.progress = [](qint64, qint64) { return false; }; // cancel at the first report
    EXPECT_FALSE(importCsvFile(*ws, csv, options, &error));
    EXPECT_EQ(error.code, ErrorCode::Cancelled);
    EXPECT_EQ(countRecords(ws->database()), 0);
    EXPECT_TRUE(listBatches(ws->database()).isEmpty());
}

TEST(Import, MissingRequiredColumnsIsAClearError)
{
    QTemporaryDir dir;
    const QString csv = writeFile(dir, u"bad.csv"_s, "制造单位,型号规格\n甲厂,Y-100\n");
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    EXPECT_FALSE(importCsvFile(*ws, csv, {}, &error));
    EXPECT_EQ(error.code, ErrorCode::MissingRequiredColumns);
    EXPECT_TRUE(error.detail.contains(u"证书编号"_s));
    EXPECT_TRUE(listBatches(ws->database()).isEmpty());
}

TEST(Import, MissingFileIsReported)
{
    QTemporaryDir dir;
    CoreError error;
    auto ws = Workspace::open(dir.filePath(u"w.metroeval"_s), &error);
    EXPECT_FALSE(importCsvFile(*ws, dir.filePath(u"nope.csv"_s), {}, &error));
    EXPECT_EQ(error.code, ErrorCode::FileNotFound);
}

TEST(Sha256, EmptyPiecesWithOrWithoutDataChangeNothing)
{
    // GIVEN "abc" fed with empty views between its bytes, one of them with no data pointer (an
    // empty field's text), once the block already holds bytes
    Sha256 hash;
    hash.addData(QByteArrayView());
    hash.addData("a");
    hash.addData(QByteArrayView());
    hash.addData(QByteArrayView("bc", 0));
    hash.addData("bc");
    // THEN the digest is that of "abc" (FIPS 180-2)
    EXPECT_EQ(hash.result().toHex(),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, MatchesTheStandardVectorsAndQtAtEveryLengthAndSplit)
{
    // GIVEN the FIPS 180-2 example "abc" and the empty message (NIST CSRC example values)
    Sha256 abc;
    abc.addData("abc");
    EXPECT_EQ(abc.result().toHex(),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256().result().toHex(),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // WHEN messages of 0..300 bytes are fed in three pieces
    // THEN the digest is QCryptographicHash's (the reference implementation in Qt)
    std::mt19937 rng(20261128);
    for (int length = 0; length <= 300; ++length) {
        QByteArray data(length, Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(rng());
        const int a = static_cast<int>(rng() % static_cast<unsigned>(length + 1));
        const int b = a + static_cast<int>(rng() % static_cast<unsigned>(length - a + 1));
        Sha256 hash;
        hash.addData(QByteArrayView(data).first(a));
        hash.addData(QByteArrayView(data).sliced(a, b - a));
        hash.addData(QByteArrayView(data).sliced(b));
        ASSERT_EQ(hash.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256))
            << "length " << length;
    }
}

TEST(Sha256, APairOfMessagesGivesEachItsOwnDigest)
{
    // GIVEN pairs of messages of 0..300 bytes each, so that the two have every combination of
    // block counts and of one or two padding blocks (lengths 55 and 56 change it)
    std::mt19937 rng(20261205);
    auto message = [&rng](int length) {
        QByteArray data(length, Qt::Uninitialized);
        for (char &c : data)
            c = static_cast<char>(rng());
        return data;
    };
    // AND the FIPS 180-2 example "abc" beside the empty message (NIST CSRC example values)
    char abc[32];
    char empty[32];
    Sha256::digestPair("abc", QByteArrayView(), abc, empty);
    EXPECT_EQ(QByteArray(abc, 32).toHex(),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(QByteArray(empty, 32).toHex(),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (int n = 0; n < 3000; ++n) {
        const QByteArray a = message(int(rng() % 301));
        const QByteArray b = n % 3 == 0 ? a : message(int(rng() % 301));
        // WHEN both are digested as a pair
        char outA[32];
        char outB[32];
        Sha256::digestPair(a, b, outA, outB);
        // THEN each digest is QCryptographicHash's of its own message
        ASSERT_EQ(QByteArray(outA, 32), QCryptographicHash::hash(a, QCryptographicHash::Sha256))
            << a.size() << " " << b.size();
        ASSERT_EQ(QByteArray(outB, 32), QCryptographicHash::hash(b, QCryptographicHash::Sha256))
            << a.size() << " " << b.size();
    }
}

TEST(Import, ContentHashIsSha256OfTheUtf16FieldTextsWithIsoDates)
{
    // GIVEN a record with a typed verification date spelled 2023/5/2 and Chinese text
    VerificationRecord record;
    record.text(Field::CertificateNo) = u"C1"_s;
    record.text(Field::Manufacturer) = u"甲厂"_s;
    record.text(Field::VerificationDate) = u"2023/5/2"_s;
    record.verificationDate = QDate(2023, 5, 2);
    // WHEN it is hashed
    // THEN it is the documented identity (docs/import.md): SHA-256 over each field's UTF-16LE text
    // followed by U+001F, the date in ISO form, computed here with QCryptographicHash
    QCryptographicHash expected(QCryptographicHash::Sha256);
    for (const FieldInfo &info : allFields()) {
        const QString text = info.field == Field::VerificationDate ? u"2023-05-02"_s
                                                                   : record.text(info.field);
        expected.addData(QByteArrayView(reinterpret_cast<const char *>(text.utf16()),
                                        text.size() * 2));
        expected.addData(QByteArrayView("\x1f\x00", 2));
    }
    EXPECT_EQ(recordContentHash(record, ContentHashText::Utf16), expected.result());
}
