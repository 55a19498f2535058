// SPDX-License-Identifier: GPL-3.0-or-later
// The import's in-memory look-up tables: the flat hash tables behind duplicate and version
// detection (storage/flathash.h).
#include "storage/flathash.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include <QString>

using namespace metroeval::core;
using namespace Qt::StringLiterals;

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
    EXPECT_TRUE(set.insert(zero));
    EXPECT_TRUE(set.contains(zero));
    EXPECT_FALSE(set.insert(zero)); // there already
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
    EXPECT_FALSE(set.insert(DigestSet::fromBytes(bytes)));
    bytes[31] = 4; // same first word, other last word: another digest
    EXPECT_FALSE(set.contains(DigestSet::fromBytes(bytes)));
    EXPECT_TRUE(set.insert(DigestSet::fromBytes(bytes)));
}

TEST(FlatHash, ReservingRoomKeepsWhatTheTablesHold)
{
    // GIVEN tables that already hold entries
    DigestSet set;
    HashKeyMap<int> map;
    char bytes[32] = {};
    for (int i = 1; i <= 3000; ++i) {
        std::memcpy(bytes, &i, sizeof i);
        ASSERT_TRUE(set.insert(DigestSet::fromBytes(bytes)));
        bool added = false;
        map.findOrAdd(std::uint64_t(i) << 32, &added) = i;
    }
    // WHEN room for many more is reserved (the tables are rebuilt larger)
    set.reserve(1'000'000);
    map.reserve(1'000'000);
    map.reserve(10); // smaller than held: nothing changes
    // THEN every entry is still there, with its value, and nothing else is
    for (int i = 1; i <= 3000; ++i) {
        std::memcpy(bytes, &i, sizeof i);
        EXPECT_FALSE(set.insert(DigestSet::fromBytes(bytes)));
        ASSERT_NE(map.find(std::uint64_t(i) << 32), nullptr);
        EXPECT_EQ(*map.find(std::uint64_t(i) << 32), i);
    }
    EXPECT_EQ(map.size(), 3000u);
    EXPECT_EQ(map.find(std::uint64_t(3001) << 32), nullptr);
    const int other = 3001;
    std::memcpy(bytes, &other, sizeof other);
    EXPECT_FALSE(set.contains(DigestSet::fromBytes(bytes)));
}

TEST(FlatHash, LargeTablesComeOnHugePageBoundariesAndSmallOnesAsUsual)
{
    // GIVEN a table of 4 MiB and one of 4 KiB through the look-up tables' allocator
    std::vector<std::uint64_t, LargeTableAllocator<std::uint64_t>> large(std::size_t(1) << 19);
    std::vector<std::uint64_t, LargeTableAllocator<std::uint64_t>> small(512);
    // THEN both hold what is written to them, every slot
    for (std::size_t k = 0; k < large.size(); ++k)
        large[k] = k * 3;
    for (std::size_t k = 0; k < small.size(); ++k)
        small[k] = k;
    EXPECT_EQ(large.back(), (large.size() - 1) * 3);
    EXPECT_EQ(small.back(), small.size() - 1);
#ifdef __linux__
    // AND on Linux the large one starts on a 2 MiB boundary, where a huge page can back it
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(large.data()) % (std::uintptr_t(2) << 20), 0u);
#endif
}
