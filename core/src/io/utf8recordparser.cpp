// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/utf8recordparser.h"

#include "io/sha256.h"

#include "io/utf8text.h"
#include "io/valueparser.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>

namespace metroeval::core {

namespace {

/// What a cell's text types to, computed once per distinct text: an open-addressing table from
/// the text's bytes to the value. Keys of up to 16 bytes (dates, numbers, short words) sit in
/// the slot itself, so that a hit costs no pointer chase. After kMaxTexts distinct texts the
/// field is not worth caching (a table that no longer fits in L2 costs more than it saves) and
/// every call computes again.
template <class Value>
class TextCache
{
public:
    template <class Make>
    const Value &get(QByteArrayView key, Make &&make)
    {
        if (m_off) {
            m_uncached = make(key);
            return m_uncached;
        }
        if (m_slots.empty())
            m_slots.resize(kFirstSlots);
        const Key k(key);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = k.hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.entry == 0) {
                if (m_entries.size() == kMaxTexts) {
                    m_off = true;
                    m_slots = {};
                    m_entries = {};
                    m_uncached = make(key);
                    return m_uncached;
                }
                m_entries.push_back({key.toByteArray(), make(key)});
                slot = {k.hash, std::uint32_t(m_entries.size()), std::uint32_t(key.size()),
                        {k.head[0], k.head[1]}};
                if (m_entries.size() * 2 > m_slots.size())
                    grow();
                return m_entries.back().value;
            }
            if (slot.hash == k.hash && slot.size == std::uint32_t(key.size())
                && slot.head[0] == k.head[0] && slot.head[1] == k.head[1]) {
                const Entry &entry = m_entries[slot.entry - 1];
                if (key.size() <= 16 || QByteArrayView(entry.key) == key)
                    return entry.value;
            }
        }
    }

    std::size_t size() const { return m_entries.size(); }

private:
    static constexpr std::size_t kFirstSlots = 256;
    static constexpr std::size_t kMaxTexts = 1 << 15;
    /// The first 16 bytes of a key, zero-padded, and its hash.
    struct Key
    {
        explicit Key(QByteArrayView key)
        {
            std::memcpy(head, key.data(), std::size_t(std::min<qsizetype>(key.size(), 16)));
            if (key.size() <= 16) {
                // Two multiplies and xor-shifts: every key byte reaches the low bits the table
                // indexes with (texts like 2019-08-19 differ only in a few bytes).
                std::uint64_t h = head[0] * 0x9E3779B97F4A7C15ULL;
                h ^= (h >> 32) ^ (head[1] + std::uint64_t(key.size()));
                h *= 0xD6E8FEB86659FD93ULL;
                h ^= h >> 32;
                h *= 0xD6E8FEB86659FD93ULL;
                hash = std::size_t(h ^ (h >> 32));
            } else {
                hash = std::hash<std::string_view>{}(
                    std::string_view(key.data(), std::size_t(key.size())));
            }
        }
        std::uint64_t head[2] = {0, 0};
        std::size_t hash = 0;
    };
    struct Slot
    {
        std::size_t hash = 0;
        std::uint32_t entry = 0; ///< 1-based index into m_entries, 0 = free
        std::uint32_t size = 0;
        std::uint64_t head[2] = {0, 0};
    };
    struct Entry
    {
        QByteArray key;
        Value value;
    };
    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot &o : old) {
            if (o.entry == 0)
                continue;
            std::size_t i = o.hash & mask;
            while (m_slots[i].entry != 0)
                i = (i + 1) & mask;
            m_slots[i] = o;
        }
    }

    std::vector<Slot> m_slots;
    std::vector<Entry> m_entries;
    Value m_uncached{};
    bool m_off = false;
};

/// A date cell: the date, and the text the content hash takes for it when typed: its ISO form
/// (QDate::toString(Qt::ISODate), ten units for the years parseDate() accepts), kept in the
/// cell so that hashing it costs no pointer chase.
struct DateCell
{
    explicit DateCell(std::optional<QDate> typed = std::nullopt)
        : date(typed)
    {
        if (!date)
            return;
        const QString text = date->toString(Qt::ISODate);
        if (text.size() == qsizetype(iso.size()))
            std::copy(text.utf16(), text.utf16() + text.size(), iso.begin());
        else
            longIso = text;
    }
    /// Null when the date was not typed.
    QStringView isoText() const
    {
        if (!date)
            return {};
        return longIso.isNull() ? QStringView(iso.data(), qsizetype(iso.size())) : longIso;
    }

    std::optional<QDate> date;
    std::array<char16_t, 10> iso{};
    QString longIso;
};

using Unit = std::optional<std::pair<QLatin1StringView, double>>;

std::size_t at(Field field)
{
    return static_cast<std::size_t>(field);
}

} // namespace

struct Utf8RecordParser::Caches
{
    std::array<TextCache<DateCell>, 3> dates; // verification, due, manufacture
    TextCache<std::optional<bool>> conclusions;
    TextCache<Unit> rangeUnits;                       // canonicalUnit(rangeUnit(range))
    std::array<TextCache<std::optional<Quantity>>, 2> quantities; // mpe, max error
    TextCache<QByteArray> failedItems;                // the list joined with 、, in UTF-8
};

Utf8RecordParser::Utf8RecordParser(int headerColumns, const ColumnMapping &mapping,
                                   const ParseContext &context, ContentHashText hashText)
    : m_headerColumns(headerColumns)
    , m_mapping(mapping)
    , m_context(context)
    , m_caches(std::make_unique<Caches>())
    , m_message(hashText)
    , m_waitingMessage(hashText)
{}

Utf8RecordParser::~Utf8RecordParser() = default;

std::size_t Utf8RecordParser::typedTexts() const
{
    const Caches &c = *m_caches;
    return c.dates[0].size() + c.dates[1].size() + c.dates[2].size() + c.conclusions.size()
           + c.rangeUnits.size() + c.quantities[0].size() + c.quantities[1].size()
           + c.failedItems.size();
}

bool Utf8RecordParser::parse(const std::vector<QByteArrayView> &fields, qint64 line,
                             bool surrogates, ParsedRow &out)
{
    if (qsizetype(fields.size()) != m_headerColumns)
        return false;
    // The trimmed text of every field, as parseRecord() takes it; a required one must be there.
    std::array<QByteArrayView, kFieldCount> text;
    for (const FieldInfo &info : allFields()) {
        const int c = m_mapping.column(info.field);
        QByteArrayView value;
        if (c >= 0 && std::size_t(c) < fields.size())
            value = utf8::trimmed(fields[std::size_t(c)]);
        if (info.required && value.isEmpty())
            return false;
        if (surrogates && utf8::hasSurrogate(value))
            return false; // its UTF-8 for binding is not its bytes: the QString path knows
        text[at(info.field)] = value;
    }
    Caches &caches = *m_caches;
    const DateSystem dateSystem = m_context.dateSystem;
    auto dateOf = [dateSystem](QByteArrayView t) {
        return DateCell(parseDate(utf8::toQString(t), dateSystem));
    };
    // The hash text of each date field when it was typed (null: hash the cell's text).
    std::array<QStringView, 3> isoTexts;
    // A date cell typed: YYYY-MM-DD directly (its ISO text is the cell's own), else through
    // the field's cache. Each cache is asked once a row, so the cell it returns stays put.
    auto typeDate = [&](std::size_t cache, QByteArrayView t) {
        std::optional<QDate> date;
        if (parseIsoDate(t, date))
            return date;
        const DateCell &typed = caches.dates[cache].get(t, dateOf);
        isoTexts[cache] = typed.isoText();
        return typed.date;
    };
    const std::optional<QDate> verified = typeDate(0, text[at(Field::VerificationDate)]);
    if (!verified)
        return false;
    const std::optional<bool> &passed = caches.conclusions.get(
        text[at(Field::Conclusion)],
        [](QByteArrayView t) { return parseConclusion(utf8::toQString(t)); });
    if (!passed)
        return false;

    VerificationRecord &record = out.record;
    record.sourceLine = line;
    record.verificationDate = *verified;
    record.passed = *passed;
    record.dueDate = QDate();
    record.manufactureDate = QDate();
    record.maxError = std::numeric_limits<double>::quiet_NaN();
    record.mpe = std::numeric_limits<double>::quiet_NaN();
    RecordExtras &extras = out.extras;
    extras = RecordExtras{};
    auto flag = [&](Field field, RowIssueCode code) {
        extras.flags.append({line, m_mapping.column(field), code, QString(fieldInfo(field).key)});
    };

    // Optional values: typed when they can be, flagged and kept as text when not (recordparser).
    auto optionalDate = [&](Field field, std::size_t cache, QDate &date) {
        const QByteArrayView t = text[at(field)];
        if (t.isEmpty())
            return;
        if (const std::optional<QDate> typed = typeDate(cache, t))
            date = *typed;
        else
            flag(field, RowIssueCode::UnparseableDate);
    };
    optionalDate(Field::DueDate, 1, record.dueDate);
    optionalDate(Field::ManufactureDate, 2, record.manufactureDate);

    // parseQuantity(text, rangeUnit(range)) in two cached halves: the quantity without a default
    // unit (a bare number comes back with an empty unit), then the range's canonical unit.
    const QByteArrayView range = text[at(Field::MeasuringRange)];
    const Unit &defaultUnit =
        range.isEmpty() ? Unit() : caches.rangeUnits.get(range, [](QByteArrayView t) {
            return canonicalUnit(rangeUnit(utf8::toQString(t)));
        });
    auto optionalQuantity = [&](Field field, std::size_t cache, double &value) {
        const QByteArrayView t = text[at(field)];
        if (t.isEmpty())
            return;
        std::optional<Quantity> q = caches.quantities[cache].get(t, [](QByteArrayView s) {
            return parseQuantity(utf8::toQString(s));
        });
        if (q && q->unit.isEmpty() && defaultUnit)
            q = Quantity{q->value * defaultUnit->second, defaultUnit->first};
        if (!q
            || (!extras.valueUnit.isEmpty() && !q->unit.isEmpty()
                && q->unit != extras.valueUnit)) {
            flag(field, RowIssueCode::UnparseableNumber);
            return;
        }
        value = q->value;
        if (extras.valueUnit.isEmpty())
            extras.valueUnit = q->unit;
    };
    optionalQuantity(Field::Mpe, 0, record.mpe);
    optionalQuantity(Field::MaxError, 1, record.maxError);

    const QByteArrayView failed = text[at(Field::FailedItems)];
    const QByteArray &items =
        failed.isEmpty() ? QByteArray() : caches.failedItems.get(failed, [](QByteArrayView t) {
            return parseFailedItems(utf8::toQString(t)).join(u'、').toUtf8();
        });
    const QByteArray flags = extras.flags.isEmpty() ? QByteArray() : extras.flagsText().toUtf8();

    // The text columns as encodeRecord() lays them out: fields, value unit, items, flags.
    EncodedRecord &encoded = out.text;
    qsizetype needed = extras.valueUnit.size() + items.size() + flags.size();
    for (const QByteArrayView t : text)
        needed += t.size();
    encoded.text.resize(needed);
    char *const begin = encoded.text.data();
    char *p = begin;
    int k = 0;
    auto put = [&](QByteArrayView value) {
        encoded.bounds[std::size_t(k++)] = static_cast<int>(p - begin);
        if (!value.isEmpty())
            p = static_cast<char *>(std::memcpy(p, value.data(), std::size_t(value.size())))
                + value.size();
    };
    for (const QByteArrayView t : text)
        put(t);
    put(QByteArrayView(extras.valueUnit.data(), extras.valueUnit.size()));
    put(items);
    put(flags);
    encoded.bounds[std::size_t(k)] = static_cast<int>(p - begin);

    // recordContentHash(): every field's text, a typed date in ISO form.
    m_message.clear();
    for (const FieldInfo &info : allFields()) {
        const int date = info.field == Field::VerificationDate ? 0
                         : info.field == Field::DueDate        ? 1
                         : info.field == Field::ManufactureDate ? 2
                                                                : -1;
        if (date >= 0 && !isoTexts[std::size_t(date)].isNull())
            m_message.addText(isoTexts[std::size_t(date)]);
        else
            m_message.addText(text[at(info.field)]);
    }
    if (!m_pairs) {
        m_message.digestTo(out.contentHash);
    } else if (!m_waitingHash) {
        std::swap(m_message, m_waitingMessage);
        m_waitingHash = &out.contentHash;
    } else {
        m_waitingHash->resize(32);
        out.contentHash.resize(32);
        Sha256::digestPair(m_waitingMessage.bytes(), m_message.bytes(), m_waitingHash->data(),
                           out.contentHash.data());
        m_waitingHash = nullptr;
    }
    out.quarantined = false;
    return true;
}

void Utf8RecordParser::flushDigests()
{
    if (!m_waitingHash)
        return;
    m_waitingMessage.digestTo(*m_waitingHash);
    m_waitingHash = nullptr;
}

} // namespace metroeval::core
