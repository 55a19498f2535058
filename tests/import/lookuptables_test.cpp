// SPDX-License-Identifier: GPL-3.0-or-later
// The import's in-memory look-up tables: the field interner (shared cells) and the flat hash
// tables behind duplicate and version detection (storage/flathash.h).
#include "io/fieldinterner.h"
#include "storage/flathash.h"

#include <gtest/gtest.h>

#include <QString>

using namespace metroeval::core;
using namespace Qt::StringLiterals;

TEST(FieldInterner, RepeatedCellsShareOneStringWithTheExactText)
{
    FieldInterner interner;
    const QString row1 = u"合格,上海自动化仪表三厂"_s;
    const QString row2 = u"合格,上海自动化仪表四厂"_s;
    const QString a = interner.intern(0, QStringView(row1).first(2));
    const QString b = interner.intern(0, QStringView(row2).first(2));
    EXPECT_EQ(a, u"合格"_s);
    EXPECT_EQ(a.constData(), b.constData()); // one allocation for both rows
    const QString c = interner.intern(1, QStringView(row1).sliced(3));
    const QString d = interner.intern(1, QStringView(row2).sliced(3));
    EXPECT_EQ(c, u"上海自动化仪表三厂"_s);
    EXPECT_EQ(d, u"上海自动化仪表四厂"_s); // near names never share
    EXPECT_NE(c.constData(), d.constData());
    // The same text in another column is that column's own entry, and empty cells stay empty.
    EXPECT_EQ(interner.intern(2, u"合格"), u"合格"_s);
    EXPECT_TRUE(interner.intern(0, QStringView()).isEmpty());
}

TEST(FieldInterner, ColumnsOfMostlyUniqueTextsStillGiveEveryTextBack)
{
    FieldInterner interner;
    // More distinct texts than a column's table holds: interning stops, texts stay exact.
    for (int i = 0; i < 20000; ++i) {
        const QString text = u"JD2023-%1"_s.arg(i);
        ASSERT_EQ(interner.intern(0, text), text);
    }
    const QString again = interner.intern(0, u"JD2023-7");
    EXPECT_EQ(again, u"JD2023-7"_s);
}

TEST(FlatHash, KeyMapFindsWhatWasAddedAndTreatsKeyZeroAsKeyOne)
{
    HashKeyMap<int> map;
    EXPECT_EQ(map.find(42), nullptr);
    bool added = false;
    map.findOrAdd(42, &added) = 7;
    EXPECT_TRUE(added);
    map.findOrAdd(42, &added) += 1;
    EXPECT_FALSE(added);
    ASSERT_NE(map.find(42), nullptr);
    EXPECT_EQ(*map.find(42), 8);
    // 0 marks free slots, so it shares key 1: a hit is only ever a candidate (callers confirm).
    map.findOrAdd(0, &added) = 5;
    EXPECT_TRUE(added);
    ASSERT_NE(map.find(1), nullptr);
    EXPECT_EQ(*map.find(1), 5);
    // Growth keeps every entry; keys that share low bits probe on.
    for (std::uint64_t k = 1; k <= 100000; ++k)
        map.findOrAdd(k << 20, &added) = static_cast<int>(k);
    EXPECT_EQ(map.size(), 100002u);
    for (std::uint64_t k = 1; k <= 100000; k += 997) {
        ASSERT_NE(map.find(k << 20), nullptr);
        EXPECT_EQ(*map.find(k << 20), static_cast<int>(k));
    }
    EXPECT_EQ(map.find(3), nullptr);
}

TEST(FlatHash, DigestSetHoldsDigestsIncludingTheAllZeroOne)
{
    DigestSet set;
    char bytes[32] = {};
    const DigestSet::Digest zero = DigestSet::fromBytes(bytes);
    EXPECT_FALSE(set.contains(zero));
    set.insert(zero);
    EXPECT_TRUE(set.contains(zero));
    for (int i = 1; i <= 50000; ++i) {
        bytes[0] = static_cast<char>(i & 0xff);
        bytes[1] = static_cast<char>(i >> 8);
        bytes[31] = static_cast<char>(i % 7);
        set.insert(DigestSet::fromBytes(bytes));
    }
    bytes[0] = 3;
    bytes[1] = 0;
    bytes[31] = 3;
    EXPECT_TRUE(set.contains(DigestSet::fromBytes(bytes)));
    bytes[31] = 4; // same first word, other last word: another digest
    EXPECT_FALSE(set.contains(DigestSet::fromBytes(bytes)));
}
