// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>
#include <vector>

#include "storage/largetable.h"

namespace metroeval::core {

/// \brief Open-addressing hash tables with linear probing for the import's in-memory look-ups:
/// one array, no node or string per entry, one cache miss per look-up. The keys are already
/// uniform hashes (SHA-256 words, 64-bit string hashes), so their low bits are the slot.

/// The 64-bit key of a text (a certificate number) for HashKeyMap: std::hash of its bytes.
inline std::uint64_t textKey(std::string_view text)
{
    return std::hash<std::string_view>{}(text);
}

/// The power-of-two table size that holds \a n entries at most half full.
inline std::size_t slotsFor(std::size_t n)
{
    std::size_t slots = 1;
    while (slots < 2 * n + 2)
        slots *= 2;
    return slots;
}

/// A set of SHA-256 digests. The all-zero digest marks a free slot and is kept aside.
class DigestSet
{
public:
    struct Digest
    {
        std::array<std::uint64_t, 4> words{};
        // Word by word: the defaulted operator calls memcmp, a third of a look-up's time.
        bool operator==(const Digest &o) const
        {
            return ((words[0] ^ o.words[0]) | (words[1] ^ o.words[1]) | (words[2] ^ o.words[2])
                    | (words[3] ^ o.words[3]))
                   == 0;
        }
        bool empty() const { return (words[0] | words[1] | words[2] | words[3]) == 0; }
    };

    static Digest fromBytes(const char *bytes)
    {
        Digest d;
        std::memcpy(d.words.data(), bytes, sizeof(d.words));
        return d;
    }

    bool contains(const Digest &d) const
    {
        if (d.empty())
            return m_hasZero;
        if (m_slots.empty())
            return false;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = d.words[0] & mask;; i = (i + 1) & mask) {
            if (m_slots[i] == d)
                return true;
            if (m_slots[i].empty())
                return false;
        }
    }

    /// Adds \a d; false when it was there already (one probe for both questions).
    bool insert(const Digest &d)
    {
        if (d.empty()) {
            const bool added = !m_hasZero;
            m_hasZero = true;
            return added;
        }
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        return place(d);
    }

    /// Asks the CPU to fetch the slot where \a d would be looked up (a hint, for look-ups made
    /// a little later).
    void prefetch(const Digest &d) const
    {
#if defined(__GNUC__) || defined(__clang__)
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[d.words[0] & (m_slots.size() - 1)]);
#else
        (void)d;
#endif
    }

    /// Room for \a n digests without growing (growing re-places every digest, at random).
    void reserve(std::size_t n)
    {
        if (const std::size_t want = slotsFor(n); want > m_slots.size())
            rehash(want);
    }

private:
    void grow() { rehash(std::max<std::size_t>(std::size_t{1} << 16, m_slots.size() * 2)); }
    void rehash(std::size_t slots)
    {
        std::vector<Digest, LargeTableAllocator<Digest>> old(slots);
        old.swap(m_slots);
        m_count = 0;
        for (const Digest &o : old) {
            if (!o.empty())
                place(o);
        }
    }
    bool place(const Digest &d)
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = d.words[0] & mask;
        while (!m_slots[i].empty() && !(m_slots[i] == d))
            i = (i + 1) & mask;
        if (!m_slots[i].empty())
            return false;
        ++m_count;
        m_slots[i] = d;
        return true;
    }

    std::vector<Digest, LargeTableAllocator<Digest>> m_slots;
    std::size_t m_count = 0;
    bool m_hasZero = false;
};

/// A map from 64-bit hash keys to \a Value. Key 0 marks a free slot, so a key of 0 is stored as 1:
/// callers must treat a hit as "maybe" and confirm it (two keys may always collide).
template <typename Value>
class HashKeyMap
{
public:
    /// The value under \a key, or nullptr.
    Value *find(std::uint64_t key)
    {
        key = key ? key : 1;
        if (m_slots.empty())
            return nullptr;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = start(key) & mask;; i = (i + 1) & mask) {
            if (m_slots[i].key == key)
                return &m_slots[i].value;
            if (m_slots[i].key == 0)
                return nullptr;
        }
    }

    /// The value under \a key, default-constructed and \a added = true when it was not there.
    /// The reference is valid until the next call that adds a key.
    Value &findOrAdd(std::uint64_t key, bool *added)
    {
        key = key ? key : 1;
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        Slot &slot = m_slots[probe(key)];
        *added = slot.key == 0;
        if (*added) {
            slot.key = key;
            ++m_count;
        }
        return slot.value;
    }

    std::size_t size() const { return m_count; }

    /// Asks the CPU to fetch the slot where \a key is looked up first (a hint, for a look-up
    /// made a little later).
    void prefetch(std::uint64_t key) const
    {
#if defined(__GNUC__) || defined(__clang__)
        key = key ? key : 1;
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[start(key) & (m_slots.size() - 1)], 1);
#else
        (void)key;
#endif
    }

    /// Room for \a n keys without growing (growing re-places every key, at random).
    void reserve(std::size_t n)
    {
        if (const std::size_t want = slotsFor(n); want > m_slots.size())
            rehash(want);
    }

private:
    // Fibonacci hashing: spreads keys whose low bits agree (a weak string hash) over the table.
    static std::size_t start(std::uint64_t key)
    {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20);
    }
    struct Slot
    {
        std::uint64_t key = 0;
        Value value{};
    };
    std::size_t probe(std::uint64_t key) const
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = start(key) & mask;
        while (m_slots[i].key != 0 && m_slots[i].key != key)
            i = (i + 1) & mask;
        return i;
    }
    void grow() { rehash(std::max<std::size_t>(std::size_t{1} << 12, m_slots.size() * 2)); }
    void rehash(std::size_t slots)
    {
        std::vector<Slot, LargeTableAllocator<Slot>> old(slots);
        old.swap(m_slots);
        for (const Slot &o : old) {
            if (o.key != 0)
                m_slots[probe(o.key)] = o;
        }
    }

    std::vector<Slot, LargeTableAllocator<Slot>> m_slots;
    std::size_t m_count = 0;
};

} // namespace metroeval::core
