// SPDX-License-Identifier: GPL-3.0-or-later
// The 16-bytes-at-a-time UTF-8 check (io/utf8vector.h) against the byte-wise scan, which is
// itself checked against Qt's decoder (utf8parser_test.cpp, Utf8Text): the two must accept
// exactly the same texts, and scan() must say the same as the byte-wise scan everywhere.
#include <gtest/gtest.h>

#include "io/utf8text.h"
#include "io/utf8vector.h"

#include <QByteArray>

#include <random>
#include <utility>
#include <vector>

using namespace metroeval::core;

namespace {

// \a sequence inside a text long enough for the vector check, at \a offset after a lead-in of
// ASCII or of Chinese (three-byte) text, with ASCII after it.
QByteArray embedded(QByteArrayView sequence, int offset, bool chineseLeadIn)
{
    QByteArray text;
    while (text.size() < offset)
        text += chineseLeadIn && text.size() + 3 <= offset ? QByteArray("中") : QByteArray("a");
    text += sequence;
    text += QByteArray(40, 'z');
    return text;
}

bool wholeAndValid(QByteArrayView text)
{
    const utf8::Scan s = utf8::scanBytewise(text);
    return s.valid == text.size() && s.pending == 0;
}

void expectSameAsBytewise(QByteArrayView text, const char *what)
{
    const utf8::Scan fast = utf8::scan(text);
    const utf8::Scan slow = utf8::scanBytewise(text);
    ASSERT_EQ(fast.valid, slow.valid) << what << " " << text.toByteArray().toHex().constData();
    ASSERT_EQ(fast.pending, slow.pending) << what << " " << text.toByteArray().toHex().constData();
}

} // namespace

TEST(Utf8Vector, AcceptsExactlyWhatTheBytewiseScanAcceptsForEveryTwoAndThreeByteText)
{
    if (!utf8::vectorAvailable())
        GTEST_SKIP() << "no SSSE3 on this CPU";
    // GIVEN every first byte from 0x80 up, with every second and third byte, each at one of
    // 16 places in a block, after ASCII or Chinese text
    const char placeholder[] = "xyz";
    std::vector<std::pair<QByteArray, int>> texts;
    for (int offset = 16; offset < 32; ++offset) {
        for (bool chinese : {false, true})
            texts.emplace_back(embedded(placeholder, offset, chinese), 0);
    }
    for (auto &[text, at] : texts)
        at = int(text.indexOf(placeholder));
    std::size_t n = 0;
    for (int a = 0x80; a <= 0xFF; ++a) {
        for (int b = 0; b <= 0xFF; ++b) {
            for (int c = 0; c <= 0xFF; ++c) {
                auto &[text, at] = texts[n++ % texts.size()];
                text[at] = char(a);
                text[at + 1] = char(b);
                text[at + 2] = char(c);
                // WHEN each is checked THEN the vector check and the byte-wise scan agree
                ASSERT_EQ(utf8::vectorValid(text), wholeAndValid(text))
                    << QByteArray(text).mid(at, 3).toHex().constData() << " at " << at;
            }
        }
    }
}

TEST(Utf8Vector, AcceptsExactlyWhatTheBytewiseScanAcceptsForFourByteTexts)
{
    if (!utf8::vectorAvailable())
        GTEST_SKIP() << "no SSSE3 on this CPU";
    // GIVEN every four-byte lead (and the bytes above), every second byte, and third and fourth
    // bytes from each range that matters: ASCII, each continuation range, lead bytes
    const int others[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE4,
                          0xF0, 0xFF};
    int n = 0;
    for (int a = 0xF0; a <= 0xFF; ++a) {
        for (int b = 0; b <= 0xFF; ++b) {
            for (int c : others) {
                for (int d : others) {
                    const char bytes[] = {char(a), char(b), char(c), char(d)};
                    const QByteArray text =
                        embedded(QByteArrayView(bytes, 4), 16 + n % 32, n % 2 == 0);
                    ++n;
                    // THEN the two agree
                    ASSERT_EQ(utf8::vectorValid(text), wholeAndValid(text))
                        << QByteArray(bytes, 4).toHex().constData();
                }
            }
        }
    }
}

TEST(Utf8Vector, ScanSaysWhatTheBytewiseScanSaysOnMixedAndBrokenText)
{
    // GIVEN random texts of ASCII, two-, three- and four-byte characters, most of them broken
    // by one changed, dropped or added byte, cut anywhere
    std::mt19937 rng(20261204);
    auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const QByteArray pieces[] = {"a", "7,", "\n", "é", "中", "文", "𠀀", "\xEF\xBF\xBF",
                                 "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80"};
    for (int round = 0; round < 20000; ++round) {
        QByteArray text;
        const int length = pick(0, 300);
        while (text.size() < length)
            text += pieces[pick(0, int(std::size(pieces)) - 1)];
        if (!text.isEmpty() && round % 4 != 0) {
            const int at = pick(0, int(text.size()) - 1);
            switch (pick(0, 2)) {
            case 0:
                text[at] = char(pick(0, 255));
                break;
            case 1:
                text.remove(at, 1);
                break;
            default:
                text.insert(at, char(pick(0x80, 0xFF)));
            }
        }
        // WHEN the whole text and a prefix are scanned
        // THEN scan() gives the byte-wise scan's valid length and pending bytes
        expectSameAsBytewise(text, "whole");
        expectSameAsBytewise(QByteArrayView(text).first(pick(0, int(text.size()))), "prefix");
        if (utf8::vectorAvailable()) {
            ASSERT_EQ(utf8::vectorValid(text), wholeAndValid(text)) << text.toHex().constData();
        }
    }
}

TEST(Utf8Vector, ACutSequenceAtTheEndIsPendingAndAnErrorLongBeforeItIsFound)
{
    // GIVEN Chinese text 100 bytes long whose last character is cut after one or two bytes
    QByteArray text;
    while (text.size() < 99)
        text += "中";
    for (int keep = 1; keep <= 2; ++keep) {
        const QByteArray cut = text + QByteArray("文").left(keep);
        // THEN the cut bytes are pending, the rest valid
        const utf8::Scan s = utf8::scan(cut);
        EXPECT_EQ(s.valid, text.size());
        EXPECT_EQ(s.pending, keep);
    }
    // AND a continuation byte in place of the lead byte at 39 ends the valid part there
    QByteArray broken = text;
    broken[39] = char(0x80);
    const utf8::Scan s = utf8::scan(broken);
    EXPECT_EQ(s.valid, 39);
    EXPECT_EQ(s.pending, 0);
}

TEST(Utf8Vector, TextEndingInsideASequenceIsNotValidWhereverTheEndFalls)
{
    if (!utf8::vectorAvailable())
        GTEST_SKIP() << "no SSSE3 on this CPU";
    // GIVEN texts of 64 to 96 bytes that end with a two-, three- or four-byte character, whole
    // or cut after each of its bytes
    for (const QByteArray &character : {QByteArray("é"), QByteArray("中"), QByteArray("𠀀")}) {
        for (int length = 64; length <= 96; ++length) {
            for (int keep = 1; keep <= character.size(); ++keep) {
                const QByteArray text =
                    QByteArray(length - keep, 'a') + character.left(keep);
                // THEN only the whole character is valid, even when the text ends on a block
                EXPECT_EQ(utf8::vectorValid(text), keep == character.size())
                    << length << " " << keep;
            }
        }
    }
}

TEST(Utf8ToUtf16, WidensEveryShortAndLongTextAsQtDecodes)
{
    // Short ASCII cells take the masked 32-byte path when the CPU has it; everything else the
    // loop. Qt's decoder is the reference, and no unit beyond the text's may be written.
    std::mt19937 random(7);
    const std::vector<QByteArray> pieces{"a", "7", "-", " ", "中", "检定", "é", "😀", "\x7f"};
    for (int round = 0; round < 20000; ++round) {
        QByteArray text;
        const int parts = int(random() % 40);
        const bool asciiOnly = round % 2 == 0;
        for (int k = 0; k < parts; ++k)
            text += pieces[random() % (asciiOnly ? 4 : pieces.size())];
        const QString expected = QString::fromUtf8(text);
        std::vector<char16_t> out(std::size_t(text.size()) + 8, u'#');
        char16_t *end = utf8::toUtf16(out.data(), text);
        ASSERT_EQ(QString(reinterpret_cast<const QChar *>(out.data()), end - out.data()), expected)
            << text.constData();
        for (auto it = out.begin() + (end - out.data()); it != out.end(); ++it)
            ASSERT_EQ(*it, u'#') << "written past the text: " << text.constData();
    }
}
