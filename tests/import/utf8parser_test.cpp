// SPDX-License-Identifier: GPL-3.0-or-later
// The import's UTF-8 parsing path (CsvReader::nextBytes, Utf8RecordParser, ContentHashMessage)
// against the QString reference (CsvReader::next, parseRecord, encodeRecord, recordContentHash):
// every typed field, flag, encoded column, content hash and quarantine decision must agree, on
// the fixtures, on a generated sample (in UTF-8, GB18030 and UTF-16) and on hand-made edge cases.
#include <gtest/gtest.h>

#include "importtestsupport.h"

#include "io/columnmapping.h"
#include "io/contenthash.h"
#include "io/csvreader.h"
#include "io/recordparser.h"
#include "io/utf8recordparser.h"
#include "io/utf8text.h"
#include "sample/samplewriter.h"
#include "storage/recordstore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>

#include <cmath>
#include <cstring>
#include <random>

using namespace metroeval::core;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

struct Agreement
{
    qint64 rows = 0;
    qint64 fast = 0;        ///< rows the UTF-8 path typed
    qint64 quarantined = 0; ///< rows the reference quarantined
};

// Reads \a bytes as the importer does and checks, row by row, that the UTF-8 path and the
// QString path agree. Returns the counts so that callers can check the fast path was exercised.
Agreement checkAgreement(QByteArray bytes, const QByteArray &encoding = {})
{
    Agreement result;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, {encoding, std::nullopt});
    EXPECT_TRUE(reader.start());
    CsvRow header;
    std::optional<RowIssue> issue;
    if (!reader.next(header, issue))
        return result;
    const int columns = static_cast<int>(header.fields.size());
    reader.setExpectedFields(columns);
    const ColumnMapping mapping = ColumnMapping::suggest(header.fields);
    // One parser per content-hash definition; both must give recordContentHash()'s digest.
    Utf8RecordParser fast(columns, mapping, {}, ContentHashText::Utf8);
    Utf8RecordParser fast16(columns, mapping, {}, ContentHashText::Utf16);
    CsvByteRow row;
    while (reader.nextBytes(row, issue)) {
        ++result.rows;
        QStringList fields;
        for (const QByteArrayView field : row.fields)
            fields.append(reader.toQString(field));
        const QString where = u"line %1: %2"_s.arg(row.line).arg(fields.join(u'|'));
        VerificationRecord record;
        RecordExtras extras;
        std::optional<RowIssue> reference = issue;
        if (!reference)
            reference = parseRecord(fields, row.line, columns, mapping, {}, record, extras);
        if (reference)
            ++result.quarantined;
        if (issue)
            continue; // a reader issue never reaches the typing
        ParsedRow out;
        const bool typed = fast.parse(row.fields, row.line, reader.hasSurrogates(), out);
        if (!typed) {
            // Only rows the reference quarantines, or rows with a lone surrogate, go the slow way.
            EXPECT_TRUE(reference || reader.hasSurrogates()) << qPrintable(where);
            continue;
        }
        ++result.fast;
        EXPECT_FALSE(reference) << qPrintable(where);
        if (reference)
            continue;
        const VerificationRecord &r = out.record;
        EXPECT_EQ(r.sourceLine, record.sourceLine) << qPrintable(where);
        EXPECT_EQ(r.verificationDate, record.verificationDate) << qPrintable(where);
        EXPECT_EQ(r.dueDate, record.dueDate) << qPrintable(where);
        EXPECT_EQ(r.manufactureDate, record.manufactureDate) << qPrintable(where);
        EXPECT_EQ(r.passed, record.passed) << qPrintable(where);
        EXPECT_TRUE(sameDouble(r.maxError, record.maxError)) << qPrintable(where);
        EXPECT_TRUE(sameDouble(r.mpe, record.mpe)) << qPrintable(where);
        EXPECT_EQ(out.extras.valueUnit, extras.valueUnit) << qPrintable(where);
        EXPECT_EQ(out.extras.flags.size(), extras.flags.size()) << qPrintable(where);
        for (qsizetype k = 0; k < std::min(out.extras.flags.size(), extras.flags.size()); ++k) {
            const RowIssue &a = out.extras.flags[k];
            const RowIssue &b = extras.flags[k];
            EXPECT_TRUE(a.line == b.line && a.column == b.column && a.code == b.code
                        && a.detail == b.detail)
                << qPrintable(where);
        }
        EncodedRecord expected;
        encodeRecord(record, extras, expected);
        EXPECT_EQ(out.text.text, expected.text) << qPrintable(where);
        EXPECT_EQ(out.text.bounds, expected.bounds) << qPrintable(where);
        EXPECT_EQ(out.contentHash, recordContentHash(record, ContentHashText::Utf8))
            << qPrintable(where);
        ParsedRow out16;
        EXPECT_TRUE(fast16.parse(row.fields, row.line, reader.hasSurrogates(), out16))
            << qPrintable(where);
        EXPECT_EQ(out16.contentHash, recordContentHash(record, ContentHashText::Utf16))
            << qPrintable(where);
        EXPECT_NE(out16.contentHash, out.contentHash) << qPrintable(where);
    }
    return result;
}

QByteArray encode(const QByteArray &utf8, const char *encoding)
{
    QStringEncoder encoder(encoding);
    return encoder.encode(QString::fromUtf8(utf8));
}

QString sampleExport(const QTemporaryDir &dir, std::uint64_t records)
{
    const auto written = writeSampleExport(dir, records, 7, metroeval::sample::XlsxMode::Never);
    EXPECT_TRUE(written.ok) << qPrintable(written.error);
    return sampleFile(dir, u"export.csv"_s);
}

const QByteArray kHeader = "证书编号,器具名称,型号规格,出厂编号,制造单位,出厂日期,测量范围,准确度等级,"
                           "最大允许误差,送检单位,所属地区,所属行业,检定类别,检定日期,有效期至,"
                           "检定结论,不合格项目,最大示值误差,检定员,核验员\n";

} // namespace

TEST(Utf8Parser, AgreesWithParseRecordOnEveryCsvFixture)
{
    const QDir dir(importFixture(QString()));
    const QStringList files = dir.entryList({u"*.csv"_s}, QDir::Files, QDir::Name);
    ASSERT_GE(files.size(), 10);
    qint64 fast = 0;
    for (const QString &name : files) {
        SCOPED_TRACE(qPrintable(name));
        fast += checkAgreement(readFile(dir.filePath(name))).fast;
    }
    EXPECT_GT(fast, 30); // the fast path did the work
}

TEST(Utf8Parser, AgreesWithParseRecordOnAGeneratedSampleInEveryEncoding)
{
    // GIVEN a generated export with its defects (bad dates, wrong counts, stray quotes ...)
    QTemporaryDir dir;
    const QByteArray utf8 = readFile(sampleExport(dir, 3000));
    ASSERT_FALSE(utf8.isEmpty());
    // WHEN it is read as UTF-8, GB18030 and UTF-16LE
    const Agreement a = checkAgreement(utf8);
    const Agreement b = checkAgreement(encode(utf8.sliced(3), "GB18030"));
    const Agreement c = checkAgreement("\xFF\xFE" + encode(utf8.sliced(3), "UTF-16LE"));
    // THEN both paths agree on every row, the three encodings give the same rows, and almost all
    // rows were typed from bytes
    EXPECT_GT(a.rows, 3000);
    EXPECT_EQ(a.rows, b.rows);
    EXPECT_EQ(a.rows, c.rows);
    EXPECT_EQ(a.fast, b.fast);
    EXPECT_EQ(a.fast, c.fast);
    EXPECT_GT(a.quarantined, 0);
    EXPECT_GT(a.fast, a.rows * 9 / 10);
}

TEST(Utf8Parser, AgreesOnSpacesQuotesUnitsFlagsAndConclusions)
{
    // GIVEN rows that exercise trimming (ASCII, U+3000, U+00A0, tabs), quoting, optional values
    // that cannot be typed (flags), units from the range, failed-item lists and conclusion words
    QByteArray csv = kHeader;
    const char *rows[] = {
        "C1, 压力表 ,Y-100,S1,\xE3\x80\x80甲厂\xE3\x80\x80,2018-01-02,(0~1.6)MPa,1.6级,±0.016MPa,"
        "乙,丙,丁,首次检定,2023/5/1,2024-04-30,合格,,0.01,张,李\n",
        "C2,压力表,Y-100,S2,\"甲 \"\"厂\"\"\",2018年1月2日,0-100%LEL,,±5%LEL,乙,丙,丁,后续检定,"
        "\t2023.05.02 ,20240501,合 格,,-1.5,张,李\n",
        "C3,压力表,Y-100,S3,\xC2\xA0甲厂,notadate,(0~1.6)MPa,,±16kPa,乙,丙,丁,后续检定,45000,"
        "2024-02-30,不合格,示值误差、回程误差；外观,0.02bar,\"张\n三\",李\n",
        "C4,电子秤,T-1,S4,甲厂,,0~30kg,III,±10g,乙,丙,丁,后续检定,2023-05-03 10:20,2024-05-02,"
        "Fail,示值误差/重复性,12 parsecs,张,李\n",
        "C5,电子秤,T-1,S5,甲厂,44000.5,,III,10,乙,丙,丁,后续检定,2023-05-04,,准予使用,,"
        "+0.003,张,李\r\n",
        "C6,压力表,Y-100,S6,甲厂,2018-01-02,(0~1.6)MPa,,±0.016MPa,乙,丙,丁,后续检定,2023-05-05,"
        ",合格,,0.5kg,张,李\n",
        "C7,压力表,Y-100,S7,甲厂,,(0~1.6)MPa,,,乙,丙,丁,后续检定,2023-05-06,,PASS,,,,\n",
        "C8,压力表,Y-100,S8,𠀀厂😀,,(0~1.6)psi,,1,乙,丙,丁,后续检定,２０２３－０５－０７,,合格,,2,,\n",
        // U+FEFF inside a file is text, not a BOM to drop (the due date is then no date)
        "C8b,压力表,Y-100,S8,\xEF\xBB\xBF甲厂,,,,,乙,丙,丁,后续检定,2023-05-07,"
        "\xEF\xBB\xBF" "2024-05-06,合格,,,,\n",
        // quarantined: unknown conclusion, missing date, bad date, wrong count
        "C9,压力表,Y,S9,甲厂,,,,,乙,丙,丁,后续检定,2023-05-08,,也许,,,,\n",
        "C10,压力表,Y,S10,甲厂,,,,,乙,丙,丁,后续检定,  ,,合格,,,,\n",
        "C11,压力表,Y,S11,甲厂,,,,,乙,丙,丁,后续检定,2023-13-01,,合格,,,,\n",
        "C12,压力表,Y,S12\n",
    };
    for (const char *row : rows)
        csv += row;
    // WHEN both paths read them THEN they agree row by row
    const Agreement a = checkAgreement(csv);
    EXPECT_EQ(a.rows, 13);
    EXPECT_EQ(a.quarantined, 4);
    EXPECT_EQ(a.fast, 9);
}

TEST(Utf8Parser, ContentHashFromUtf8EqualsRecordContentHash)
{
    // GIVEN many random records: ASCII, Chinese, characters beyond the BMP, a lone surrogate (a
    // broken UTF-16 file's, which the reader keeps in WTF-8), empty and padded texts, dates
    // typed or not
    const QStringList pool{u""_s,
                           u"C-001"_s,
                           u"压力表"_s,
                           u"  甲 厂 "_s,
                           u"𠀀😀x"_s,
                           u"2023/5/1"_s,
                           u"2023-13-45"_s,
                           u"±0.016MPa"_s,
                           u"\u3000"_s,
                           u"a\"b,c"_s,
                           QString(QChar(char16_t(0xDC01))) + u"表"_s};
    std::mt19937 rng(11);
    std::uniform_int_distribution<qsizetype> pick(0, pool.size() - 1);
    for (int n = 0; n < 2000; ++n) {
        VerificationRecord record;
        for (QString &text : record.raw)
            text = pool[pick(rng)];
        if (rng() % 2)
            record.verificationDate = QDate(1900 + int(rng() % 300), 1 + int(rng() % 12), 1);
        if (rng() % 3 == 0)
            record.dueDate = QDate(2020, 2, 29);
        for (const ContentHashText hashText : {ContentHashText::Utf16, ContentHashText::Utf8}) {
            // WHEN the message is built from the UTF-8 texts, dates in ISO form
            ContentHashMessage message(hashText);
            for (const FieldInfo &info : allFields()) {
                const QDate date = info.field == Field::VerificationDate ? record.verificationDate
                                   : info.field == Field::DueDate        ? record.dueDate
                                                                         : QDate();
                bool surrogate = false;
                if (date.isValid())
                    message.addText(date.toString(Qt::ISODate));
                else
                    message.addText(
                        QByteArrayView(utf8::fromUtf16(record.text(info.field), &surrogate)));
            }
            // THEN the digest is the record's identity under either definition
            ASSERT_EQ(message.digest(), recordContentHash(record, hashText))
                << n << " " << contentHashTextKey(hashText).data();
        }
    }
}

TEST(Utf8Parser, Utf8ContentHashIsSha256OfTheUtf8FieldTextsWithIsoDates)
{
    // GIVEN a record with a typed verification date spelled 2023/5/2, Chinese text and a lone
    // surrogate
    VerificationRecord record;
    record.text(Field::CertificateNo) = u"C1"_s;
    record.text(Field::Manufacturer) = u"甲厂"_s;
    record.text(Field::Model) = QString(QChar(char16_t(0xD800)));
    record.text(Field::VerificationDate) = u"2023/5/2"_s;
    record.verificationDate = QDate(2023, 5, 2);
    // WHEN it is hashed the UTF-8 way
    // THEN it is the documented identity (docs/import.md): SHA-256 over each field's UTF-8 text
    // followed by 0x1F, the date in ISO form, a lone surrogate as its WTF-8 bytes ED A0 80;
    // computed here with QCryptographicHash from literal bytes
    QCryptographicHash expected(QCryptographicHash::Sha256);
    for (const FieldInfo &info : allFields()) {
        QByteArray text = record.text(info.field).toUtf8();
        if (info.field == Field::VerificationDate)
            text = "2023-05-02";
        else if (info.field == Field::Model)
            text = "\xED\xA0\x80";
        else if (info.field == Field::Manufacturer)
            text = "\xE7\x94\xB2\xE5\x8E\x82";
        expected.addData(text);
        expected.addData(QByteArrayView("\x1f", 1));
    }
    EXPECT_EQ(recordContentHash(record, ContentHashText::Utf8), expected.result());
    // AND a lone surrogate is not confused with the replacement character QString::toUtf8()
    // would make of it
    VerificationRecord replaced = record;
    replaced.text(Field::Model) = QString(QChar(QChar::ReplacementCharacter));
    EXPECT_NE(recordContentHash(replaced, ContentHashText::Utf8),
              recordContentHash(record, ContentHashText::Utf8));
}

TEST(Utf8Parser, HashesTakenInPairsAreTheHashesTakenOneAtATime)
{
    // GIVEN a generated export (quarantined rows among the good ones, which the pairing skips)
    QTemporaryDir dir;
    QFile file(sampleExport(dir, 400));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    for (const ContentHashText text : {ContentHashText::Utf8, ContentHashText::Utf16}) {
        QByteArray copy = bytes;
        QBuffer buffer(&copy);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer, {});
        ASSERT_TRUE(reader.start());
        CsvRow header;
        std::optional<RowIssue> issue;
        ASSERT_TRUE(reader.next(header, issue));
        const int columns = static_cast<int>(header.fields.size());
        reader.setExpectedFields(columns);
        const ColumnMapping mapping = ColumnMapping::suggest(header.fields);
        Utf8RecordParser single(columns, mapping, {}, text);
        Utf8RecordParser pairs(columns, mapping, {}, text);
        pairs.setDigestsInPairs(true);
        // WHEN each row is typed by both, the pairing one flushed every 7 rows (a chunk's end)
        std::vector<ParsedRow> paired(1000);
        std::vector<QByteArray> expected;
        std::size_t used = 0;
        CsvByteRow row;
        while (reader.nextBytes(row, issue)) {
            if (issue)
                continue;
            ParsedRow one;
            const bool typed = single.parse(row.fields, row.line, reader.hasSurrogates(), one);
            ASSERT_LT(used, paired.size());
            EXPECT_EQ(pairs.parse(row.fields, row.line, reader.hasSurrogates(), paired[used]),
                      typed);
            if (typed)
                expected.push_back(one.contentHash), ++used;
            if (used % 7 == 0)
                pairs.flushDigests();
        }
        pairs.flushDigests();
        // THEN every row has the digest it has when hashed alone
        ASSERT_GT(used, 300u);
        for (std::size_t k = 0; k < used; ++k)
            ASSERT_EQ(paired[k].contentHash, expected[k]) << k;
    }
}

TEST(Utf8Parser, ContentHashTextKeysRoundTrip)
{
    for (const ContentHashText text : {ContentHashText::Utf16, ContentHashText::Utf8})
        EXPECT_EQ(contentHashTextFromKey(contentHashTextKey(text)), text);
    EXPECT_EQ(contentHashTextKey(ContentHashText::Utf8), QByteArrayView("utf-8"));
    EXPECT_EQ(contentHashTextKey(ContentHashText::Utf16), QByteArrayView("utf-16"));
    EXPECT_FALSE(contentHashTextFromKey("utf-32"));
    EXPECT_FALSE(contentHashTextFromKey(""));
}

TEST(Utf8Text, TrimmedMatchesQStringTrimmedForEveryBmpCharacter)
{
    for (char32_t cp = 1; cp <= 0xFFFF; ++cp) {
        if (QChar::isSurrogate(cp))
            continue;
        const QString c{QChar{char16_t(cp)}};
        const QString texts[] = {c + u"x"_s + c, c + c, u" "_s + c + u"\t"_s};
        for (const QString &text : texts) {
            const QByteArray utf8 = text.toUtf8();
            ASSERT_EQ(QByteArrayView(utf8::trimmed(utf8)), QByteArrayView(text.trimmed().toUtf8()))
                << "U+" << std::hex << unsigned(cp);
        }
    }
}

TEST(Utf8Text, ScanAcceptsWhatQtDecodesAndHoldsBackACutSequence)
{
    const QByteArray good = "abc 中文 𠀀 \xEF\xBF\xBF";
    EXPECT_TRUE(utf8::scan(good).ok(good.size()));
    // overlong, surrogate, beyond U+10FFFF, stray continuation byte
    for (const QByteArray &bad : {QByteArray("a\xC0\x80"), QByteArray("a\xED\xA0\x80"),
                                 QByteArray("a\xF4\x90\x80\x80"), QByteArray("a\x80")}) {
        EXPECT_EQ(utf8::scan(bad).valid, 1);
        EXPECT_FALSE(utf8::scan(bad).ok(bad.size()));
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString decoded = decoder.decode(bad); // decode() is lazy: convert it
        EXPECT_TRUE(decoder.hasError()) << qPrintable(decoded); // Qt agrees it is invalid
    }
    const utf8::Scan cut = utf8::scan("ab\xE4\xB8");
    EXPECT_EQ(cut.valid, 2);
    EXPECT_EQ(cut.pending, 2);
}

TEST(CsvReaderUtf8, InvalidUtf8AfterTheFirstChunkDecodesAsTheStreamingDecoderDid)
{
    // GIVEN a UTF-8 file of several 1 MiB chunks with invalid bytes in the third, one sequence
    // cut by a chunk boundary just before them, and a BOM-like sequence inside the text
    QByteArray bytes = "k,v\n";
    int i = 0;
    while (bytes.size() < (2 << 20) - 40)
        bytes += QByteArray::number(i++) + ",中文\n";
    bytes += "0,";
    bytes += QByteArray((2 << 20) - 2 - bytes.size(), 'p');
    // 中 is E4 B8 AD: its first two bytes end the second chunk, an x follows in the third
    bytes += "\xE4\xB8" "x\xFF\xFE,\xEF\xBB\xBF" "a\n";
    for (int k = 0; k < 1000; ++k)
        bytes += QByteArray::number(k) + ",\xC0\x80" "b\n";
    // WHEN it is read
    std::vector<RowIssue> issues;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, {});
    ASSERT_TRUE(reader.start());
    QStringList lines;
    CsvRow row;
    std::optional<RowIssue> issue;
    while (reader.next(row, issue))
        lines.append(row.fields.join(u','));
    // THEN the rows are those of the streaming decoder fed the same 1 MiB chunks
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text;
    for (qsizetype at = 0; at < bytes.size(); at += 1 << 20)
        text += decoder.decode(QByteArrayView(bytes).sliced(at).first(
            std::min<qsizetype>(1 << 20, bytes.size() - at)));
    QStringList expected = text.split(u'\n');
    expected.removeLast();
    EXPECT_TRUE(reader.hadDecodingErrors());
    ASSERT_EQ(lines.size(), expected.size());
    for (qsizetype k = 0; k < lines.size(); ++k)
        ASSERT_EQ(lines[k], expected[k])
            << "line " << k << ": " << lines[k].right(12).toUcs4().size() << " "
            << qPrintable(QString::fromLatin1(lines[k].right(12).toUtf8().toHex(' '))) << " / "
            << qPrintable(QString::fromLatin1(expected[k].right(12).toUtf8().toHex(' ')));
}

TEST(CsvReaderUtf8, ALoneSurrogateOfUtf16InputSurvivesAndTakesTheReferencePath)
{
    // GIVEN UTF-16LE text with an unpaired high surrogate in a cell
    QString text = QString::fromUtf8(kHeader)
                   + u"C1,压力表,Y,S1,甲厂,,,,,乙,丙,丁,首次检定,2023-05-01,,合格,,,,\n"_s
                   + u"C2,压力表,Y,S2,甲"_s + QChar(0xD800)
                   + u"厂,,,,,乙,丙,丁,首次检定,2023-05-01,,合格,,,,\n"_s;
    QByteArray bytes = "\xFF\xFE";
    bytes += QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    // WHEN it is read
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, {});
    ASSERT_TRUE(reader.start());
    CsvRow row;
    std::optional<RowIssue> issue;
    ASSERT_TRUE(reader.next(row, issue));
    ASSERT_TRUE(reader.next(row, issue));
    ASSERT_TRUE(reader.next(row, issue));
    // THEN the cell keeps the surrogate as the UTF-16 decoder gave it, and the row is left to
    // the QString path (its UTF-8 for binding is not its bytes)
    EXPECT_EQ(row.fields[4], u"甲"_s + QChar(0xD800) + u"厂"_s);
    EXPECT_TRUE(reader.hasSurrogates());
    EXPECT_EQ(checkAgreement(bytes).fast, 1);
}

TEST(CsvReaderUtf8, ANonAsciiDelimiterSplitsOnItsWholeSequence)
{
    // GIVEN a user-chosen full-width comma (three UTF-8 bytes) and cells sharing its lead byte
    QByteArray bytes = "a，b\n1，二，\"q，\"\n";
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, {{}, QChar(u'，')});
    ASSERT_TRUE(reader.start());
    CsvRow row;
    std::optional<RowIssue> issue;
    ASSERT_TRUE(reader.next(row, issue));
    ASSERT_TRUE(reader.next(row, issue));
    // THEN only the whole sequence splits, also after a quoted cell
    EXPECT_FALSE(issue);
    EXPECT_EQ(row.fields, (QStringList{u"1"_s, u"二"_s, u"q，"_s}));
}
