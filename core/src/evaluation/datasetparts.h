// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the dataset loaders (dataset.cpp, datasetsqlite.cpp): not part of the core API.
#pragma once

#include "evaluation/dataset.h"

#include <QByteArray>
#include <QVariantList>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace metroeval::core::detail {

/// Database columns of the text columns, in TextColumn order.
inline constexpr std::array<const char *, kTextColumnCount> kTextColumnNames{
    "category",       "manufacturer",      "model",       "serial_no",
    "accuracy_class", "measuring_range",   "district",    "industry",
    "customer",       "verification_type", "failed_items"};

/// Appends rows to the columns; encodes strings straight from their UTF-8 bytes (one stored string
/// per distinct value), remembering the previous value of each column because consecutive records
/// of one instrument repeat most of them.
class DatasetBuilder
{
public:
    explicit DatasetBuilder(ColumnarDataset &data)
        : m_data(data)
    {
    }

    /// Room for \a rows more rows (an upper bound: unused room is never touched).
    void reserve(std::size_t rows)
    {
        for (auto &codes : m_data.codes)
            codes.reserve(codes.size() + rows);
        m_data.verificationDay.reserve(m_data.verificationDay.size() + rows);
        m_data.manufactureDay.reserve(m_data.manufactureDay.size() + rows);
        m_data.passed.reserve(m_data.passed.size() + rows);
        m_data.normalizedError.reserve(m_data.normalizedError.size() + rows);
    }

    void addText(std::size_t column, std::string_view text)
    {
        Column &c = m_columns[column];
        std::uint32_t code;
        if (c.hasLast && text == c.last) {
            code = c.lastCode;
        } else {
            code = c.codeOf(text, m_data.dictionaries[column].values);
            c.last.assign(text);
            c.lastCode = code;
            c.hasLast = true;
        }
        m_data.codes[column].push_back(code);
    }

    void addNumbers(std::int32_t verificationDay, std::int32_t manufactureDay, bool passed,
                    double maxError, double mpe)
    {
        m_data.verificationDay.push_back(verificationDay);
        m_data.manufactureDay.push_back(manufactureDay);
        m_data.passed.push_back(passed ? 1 : 0);
        const double e = std::isfinite(maxError) && std::isfinite(mpe) && mpe != 0.0
                             ? maxError / std::fabs(mpe)
                             : std::nan("");
        m_data.normalizedError.push_back(e);
    }

    /// A column the plan does not read: every row holds "" (what selecting '' would give).
    void fillUnread(std::size_t column)
    {
        if (m_data.size() == 0)
            return;
        m_data.dictionaries[column].values.assign(1, std::string());
        m_data.codes[column].assign(m_data.size(), 0);
    }

private:
    /// Code of each distinct value: an open-addressing table of (hash, code) over the values
    /// themselves (no per-value key copy, no node per value).
    struct Column
    {
        struct Slot
        {
            std::uint64_t hash = 0;
            std::uint32_t code = kEmpty;
        };
        static constexpr std::uint32_t kEmpty = 0xffffffffu;
        std::vector<Slot> slots;
        std::string last;
        std::uint32_t lastCode = 0;
        bool hasLast = false;

        std::uint32_t codeOf(std::string_view text, std::vector<std::string> &values)
        {
            if (2 * (values.size() + 1) > slots.size())
                grow();
            const std::uint64_t h = std::hash<std::string_view>{}(text);
            const std::size_t mask = slots.size() - 1;
            for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask) {
                Slot &slot = slots[i];
                if (slot.code == kEmpty) {
                    slot = {h, std::uint32_t(values.size())};
                    values.emplace_back(text);
                    return slot.code;
                }
                if (slot.hash == h && values[slot.code] == text)
                    return slot.code;
            }
        }

        void grow()
        {
            std::vector<Slot> old = std::move(slots);
            slots.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
            const std::size_t mask = slots.size() - 1;
            for (const Slot &slot : old) {
                if (slot.code == kEmpty)
                    continue;
                std::size_t i = std::size_t(slot.hash) & mask;
                while (slots[i].code != kEmpty)
                    i = (i + 1) & mask;
                slots[i] = slot;
            }
        }
    };
    ColumnarDataset &m_data;
    std::array<Column, kTextColumnCount> m_columns;
};

/// The WHERE clause of \a plan's scope (on effective values), its bound values appended to \a
/// values.
QString scopeClause(const EvaluationPlan &plan, QVariantList &values);

/// Text columns the plan reads; the others hold "" in every row.
std::array<bool, kTextColumnCount> neededColumns(const EvaluationPlan &plan);

/// Appends \a part to \a into, re-coding its strings so that codes keep following the first
/// appearance in id order: the result equals a sequential load.
void appendPart(ColumnarDataset &into, const ColumnarDataset &part);

/// The rows of record_effective that cleaning changed, as a table expression built from the
/// view's own SQL with record_clean as the outer loop; "record_effective" itself when the view's
/// SQL is not of the known form.
QByteArray cleanedRowsSource(sqlite3 *db);

/// The direct loader (datasetsqlite.cpp): reads table `record` through the SQLite C API, only the
/// columns the plan needs, takes the rows that cleaning changed from record_effective and leaves
/// out masked records (when \a effective, i.e. the view exists) by ordered merges on id, in id
/// ranges on parallel read-only connections when the database is a file. Equals a load through
/// the view. Appends the content hashes in id order to \a hashes.
bool loadDirect(sqlite3 *db, bool effective, const EvaluationPlan &plan, ColumnarDataset &data,
                QByteArray &hashes, const std::function<bool()> &cancelled, CoreError *error);

} // namespace metroeval::core::detail
