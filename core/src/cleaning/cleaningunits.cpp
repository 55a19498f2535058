// SPDX-License-Identifier: GPL-3.0-or-later
// Unit normalisation of a cleaning run: range, MPE and error to the category's canonical unit.
#include "cleaning/cleaningrun.h"
#include "cleaning/textnormalize.h"
#include "cleaning/units.h"

#include <cmath>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

struct Memo
{
    int after = 0;
    int rule = -1;
    bool unknownUnit = false;
    double value = std::numeric_limits<double>::quiet_NaN();
};

double numberOf(const QString &text)
{
    const auto v = splitValue(text);
    if (!v)
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double x = v->number.toDouble(&ok);
    if (!ok)
        return std::numeric_limits<double>::quiet_NaN();
    return v->prefix == "-"_L1 ? -x : x;
}

} // namespace

void normalizeUnits(RunState &run)
{
    RecordTable &t = run.table;
    const RuleSet &rules = run.options.rules;
    const std::size_t catSlot = RecordTable::slot(Field::Category);
    const std::size_t slots[] = {RecordTable::slot(Field::MeasuringRange),
                                 RecordTable::slot(Field::Mpe), RecordTable::slot(Field::MaxError)};
    const QLatin1StringView keys[] = {"measuring_range"_L1, "mpe"_L1, "max_error"_L1};
    const int unitRule = RunState::ruleIndex(rule::UnitCanonical);
    const int nfkcRule = RunState::ruleIndex(rule::TextNfkc);

    QHash<int, int> categoryRule; // category string id → index in rules.categories, or −1
    Interner units;
    units.intern(QString());
    QHash<int, int> rangeUnit; // raw range id → unit id
    QHash<quint64, Memo> memo[3];
    // Rows come grouped by instrument: most look-ups repeat the row above, a compare is enough.
    quint64 lastKey[3] = {~quint64(0), ~quint64(0), ~quint64(0)};
    Memo lastMemo[3];
    int lastCategory = -1;
    int lastRange = -1;
    int lastUnit = 0;
    int lastCatIndex = -1;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow &r = t.rows[i];
        CleanRow &c = run.clean[i];
        if (c.text[catSlot] != lastCategory) {
            auto cat = categoryRule.constFind(c.text[catSlot]);
            if (cat == categoryRule.cend()) {
                int index = -1;
                for (qsizetype k = 0; k < rules.categories.size(); ++k) {
                    if (rules.categories[k].name == run.strings.at(c.text[catSlot]))
                        index = int(k);
                }
                cat = categoryRule.insert(c.text[catSlot], index);
            }
            lastCategory = c.text[catSlot];
            lastCatIndex = cat.value();
        }
        const int catIndex = lastCatIndex;
        const int rangeRaw = r.text[slots[0]];
        if (rangeRaw != lastRange) {
            auto unit = rangeUnit.constFind(rangeRaw);
            if (unit == rangeUnit.cend()) {
                const auto range = splitRange(normalizeText(t.dictionary[slots[0]].at(rangeRaw)));
                unit = rangeUnit.insert(rangeRaw, units.intern(range ? range->unit : QString()));
            }
            lastRange = rangeRaw;
            lastUnit = unit.value();
        }
        for (int f = 0; f < 3; ++f) {
            const int rawId = r.text[slots[f]];
            const quint64 key = (quint64(quint32(rawId)) << 16) | (quint64(catIndex + 1) << 8)
                                | quint64(lastUnit & 0xff);
            if (key != lastKey[f]) {
                auto m = memo[f].constFind(key);
                if (m == memo[f].cend()) {
                    const QString &raw = t.dictionary[slots[f]].at(rawId);
                    const QString norm = normalizeText(raw);
                    ++run.distinctValues;
                    Memo out{run.strings.intern(raw), -1, false, numberOf(norm)};
                    QString cleaned = norm;
                    QLatin1StringView ruleCode = rule::TextNfkc;
                    if (catIndex >= 0 && !norm.isEmpty()) {
                        const QString &canonical = rules.categories[catIndex].unit;
                        const Converted conv
                            = f == 0 ? convertRange(norm, canonical)
                                     : convertValue(norm, canonical, units.at(lastUnit));
                        out.unknownUnit = conv.unknownUnit;
                        if (conv.changed) {
                            cleaned = conv.text;
                            ruleCode = rule::UnitCanonical;
                        }
                    }
                    const QString scope = catIndex >= 0 ? rules.categories[catIndex].name : QString();
                    if (cleaned != raw && !run.suppressions.value(ruleCode, keys[f], scope, raw)) {
                        out.after = run.strings.intern(cleaned);
                        out.rule = ruleCode == rule::UnitCanonical ? unitRule : nfkcRule;
                        out.value = numberOf(cleaned);
                    }
                    m = memo[f].insert(key, out);
                }
                lastKey[f] = key;
                lastMemo[f] = m.value();
            }
            const Memo *m = &lastMemo[f];
            c.text[slots[f]] = m->after;
            if (m->rule >= 0)
                run.change(i, LogKey{m->rule, int(slots[f]),
                                     m->rule == unitRule ? c.text[catSlot] : 0, rawId, m->after});
            if (m->unknownUnit)
                run.flag(i, rule::UnknownUnit, kCleanedFields[slots[f]],
                         t.dictionary[slots[f]].at(rawId));
            if (m->unknownUnit)
                continue;
            if (f == 1 && !std::isnan(m->value))
                c.mpe = std::abs(m->value);
            else if (f == 2 && !std::isnan(m->value))
                c.maxError = m->value;
        }
    }
}

} // namespace metroeval::core::cleaning
