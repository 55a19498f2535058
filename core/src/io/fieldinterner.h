// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <QHashFunctions>

#include <vector>

namespace metroeval::core {

/// \brief Shares one QString among the equal cells of a column while a file is read.
///
/// Institute exports repeat most of their cells (category, manufacturer, model, dates, people):
/// making one QString per cell is a third of a reader's time in malloc and free. Each column keeps
/// a small open-addressing table of the texts it has seen; a repeated text costs a look-up and a
/// reference count. A column with more distinct texts than the table holds (certificate and
/// serial numbers, dates) stops being interned, so that the tables stay in cache.
class FieldInterner
{
public:
    QString intern(int column, QStringView text)
    {
        if (text.isEmpty())
            return {};
        if (column < 0 || column >= kMaxColumns)
            return text.toString();
        if (std::size_t(column) >= m_columns.size())
            m_columns.resize(std::size_t(column) + 1);
        Column &c = m_columns[std::size_t(column)];
        if (c.off)
            return text.toString();
        if (c.slots.empty())
            c.slots.resize(kFirstSlots);
        const std::size_t hash = qHash(text);
        const std::size_t mask = c.slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = c.slots[i];
            if (slot.text.isNull()) {
                QString value = text.toString();
                if (c.count == kMaxTexts) {
                    // Too many distinct texts to stay in cache: this column is not worth it.
                    c.off = true;
                    c.slots = {};
                    return value;
                }
                slot = {hash, value};
                if (++c.count * 2 > c.slots.size())
                    grow(c);
                return value;
            }
            if (slot.hash == hash && QStringView(slot.text) == text)
                return slot.text;
        }
    }

private:
    static constexpr int kMaxColumns = 256;
    static constexpr std::size_t kFirstSlots = 1024;
    static constexpr std::size_t kMaxTexts = 4096; // at most 8192 slots, 256 KiB, per column
    struct Slot
    {
        std::size_t hash = 0;
        QString text;
    };
    struct Column
    {
        std::vector<Slot> slots;
        std::size_t count = 0;
        bool off = false;
    };
    static void grow(Column &c)
    {
        std::vector<Slot> old(c.slots.size() * 2);
        old.swap(c.slots);
        const std::size_t mask = c.slots.size() - 1;
        for (Slot &o : old) {
            if (o.text.isNull())
                continue;
            std::size_t i = o.hash & mask;
            while (!c.slots[i].text.isNull())
                i = (i + 1) & mask;
            c.slots[i] = std::move(o);
        }
    }

    std::vector<Column> m_columns;
};

} // namespace metroeval::core
