// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/cleanedcolumns.h"
#include "common/coreerror.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace metroeval::core::cleaning {

inline constexpr int kNoDay = std::numeric_limits<int>::min();
inline constexpr std::size_t kCleanedCount = kCleanedFields.size();

/// \brief An open-addressing index from strings to 32-bit values; the strings themselves live
/// elsewhere (\a keyOf gives the key of a stored value). One probe usually touches one cache
/// line, where a node-based map touches three: most of the read of 1M records was look-ups.
class StringSlots
{
public:
    /// A multiply-xorshift hash of 8-byte words, inlined: most keys are short (dates, serial
    /// numbers, error values), and this runs once per cell of the read.
    static std::uint32_t hashOf(std::string_view s)
    {
        std::uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
        const char *p = s.data();
        std::size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0xff51afd7ed558ccdull;
            h ^= h >> 32;
        }
        if (n > 0) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, n);
            h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
            h ^= h >> 29;
        }
        return std::uint32_t(h ^ (h >> 32));
    }
    /// The value stored under \a key, or \a value after storing it there.
    template <typename KeyOf>
    std::uint32_t findOrInsert(std::string_view key, std::uint32_t value, const KeyOf &keyOf)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        const std::uint32_t hash = hashOf(key);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = m_slots[i];
            if (slot == 0) {
                m_slots[i] = (std::uint64_t(hash) << 32) | (std::uint64_t(value) + 1);
                ++m_count;
                return value;
            }
            const auto stored = std::uint32_t((slot & 0xffffffffu) - 1);
            if (std::uint32_t(slot >> 32) == hash && keyOf(stored) == key)
                return stored;
        }
    }
    void reserve(std::size_t count)
    {
        while (m_slots.size() < 2 * count)
            grow();
    }

private:
    void grow();
    std::vector<std::uint64_t> m_slots; ///< hash << 32 | value + 1; 0 is empty
    std::size_t m_count = 0;
};

/// \brief Distinct strings of one column, each stored once: the dictionary that makes
/// normalisation run per distinct value instead of per row.
class Interner
{
public:
    int intern(const QString &value);
    /// The same for UTF-8 text straight from SQLite: no QString is built for a known value.
    /// Use one of the two entry points per interner.
    int internUtf8(std::string_view utf8);
    /// The id of \a value when intern() stored it, else −1.
    int find(const QString &value) const { return m_index.value(value, -1); }
    const QString &at(int id) const { return m_values[id]; }
    /// The UTF-8 of \a id, for an interner filled by internUtf8() (the record dictionaries).
    std::string_view utf8(int id) const { return utf8At(std::size_t(id)); }
    qsizetype size() const { return m_values.size(); }
    /// Interns every value of \a later (filled by internUtf8()) in its id order and returns the
    /// new id of each: merging the interner of a later range of rows gives the ids one
    /// sequential pass would have given.
    std::vector<int> append(const Interner &later);

private:
    std::string_view utf8At(std::size_t id) const
    {
        return std::string_view(m_arena).substr(m_spans[id].first, m_spans[id].second);
    }
    QHash<QString, int> m_index;
    /// One slot of the UTF-8 index: the hash and the value's place in the arena sit beside
    /// the id, so a probe touches the slot and the arena only (the spans were a third cache
    /// miss per cell of the read).
    struct Utf8Slot
    {
        std::uint32_t hash = 0;
        std::uint32_t idPlusOne = 0; ///< 0: empty
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
    };
    void growUtf8();
    std::vector<Utf8Slot> m_utf8;
    std::size_t m_utf8Count = 0;
    std::string m_arena; ///< UTF-8 of the values interned by internUtf8()
    std::vector<std::pair<std::size_t, std::size_t>> m_spans; ///< offset and size per id
    QStringList m_values;
    // Rows come grouped by instrument: most cells repeat the cell above, a compare is enough.
    int m_lastId = -1;
    std::string_view m_last; ///< its text (in the arena, or a view of the previous cell)
};

/// \brief One imported record as the cleaning sees it: ids into the column dictionaries plus the
/// typed values the import derived.
struct TableRow
{
    qint64 id = 0;
    qint64 batchId = 0;
    std::array<int, kCleanedCount> text{};
    int verificationDay = kNoDay;
    int dueDay = kNoDay;
    int manufactureDay = kNoDay;
    int passed = -1; ///< 1, 0, or −1 when unknown
    double maxError = std::numeric_limits<double>::quiet_NaN();
    double mpe = std::numeric_limits<double>::quiet_NaN();
};

/// \brief Every record of the workspace (table `record`, raw text), in id order.
struct RecordTable
{
    std::vector<TableRow> rows;
    std::array<Interner, kCleanedCount> dictionary;
    std::string certificateText; ///< UTF-8 of every row's certificate number, end to end
    std::vector<std::size_t> certificateEnd; ///< per row: where its number ends in certificateText

    std::string_view certificateUtf8(std::size_t row) const
    {
        const std::size_t begin = row == 0 ? 0 : certificateEnd[row - 1];
        return std::string_view(certificateText).substr(begin, certificateEnd[row] - begin);
    }
    QString certificate(std::size_t row) const
    {
        const std::string_view s = certificateUtf8(row);
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    void addCertificate(std::string_view utf8)
    {
        certificateText.append(utf8);
        certificateEnd.push_back(certificateText.size());
    }

    /// Position of \a field in kCleanedFields (the index into TableRow::text).
    static constexpr std::size_t slot(Field field)
    {
        for (std::size_t i = 0; i < kCleanedCount; ++i) {
            if (kCleanedFields[i] == field)
                return i;
        }
        return kCleanedCount;
    }
    const QString &raw(const TableRow &row, Field field) const
    {
        const std::size_t s = slot(field);
        return dictionary[s].at(row.text[s]);
    }
};

/// \brief Reads table `record` into \a table. \a progress may cancel (returns false).
bool readRecordTable(QSqlDatabase &db, RecordTable &table,
                     const std::function<bool(qint64, qint64)> &progress, CoreError *error);

} // namespace metroeval::core::cleaning
