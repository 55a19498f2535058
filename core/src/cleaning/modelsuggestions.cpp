// SPDX-License-Identifier: GPL-3.0-or-later
// Model canonicalisation made reviewable: every spelling merged into the canonical spelling of
// its model key within a manufacturer becomes a suggestion of kind "model" (docs/cleaning.md).
#include "cleaning/cleaningrun.h"

#include <QDate>

#include <algorithm>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

QJsonObject sideJson(const QString &name, const SpellingStats &s)
{
    return {{u"name"_s, name},
            {u"records"_s, s.records},
            {u"first"_s, QDate::fromJulianDay(s.firstDay).toString(Qt::ISODate)},
            {u"last"_s, QDate::fromJulianDay(s.lastDay).toString(Qt::ISODate)}};
}

} // namespace

void suggestModels(RunState &run, const QHash<quint64, SpellingStats> &spellings,
                   const QHash<quint64, std::pair<int, qint64>> &best,
                   const std::function<int(int)> &keyOf)
{
    // Records per (manufacturer, key), for the share of the canonical spelling.
    QHash<quint64, qint64> keyRecords;
    for (auto it = spellings.cbegin(); it != spellings.cend(); ++it) {
        const quint64 m = it.key() >> 32;
        keyRecords[(m << 32) | quint32(keyOf(int(it.key() & 0xffffffffu)))] += it->records;
    }
    QList<AliasSuggestion> out;
    for (auto it = spellings.cbegin(); it != spellings.cend(); ++it) {
        const quint64 m = it.key() >> 32;
        const int spelling = int(it.key() & 0xffffffffu);
        const quint64 key = (m << 32) | quint32(keyOf(spelling));
        const auto b = best.constFind(key);
        if (b == best.cend() || b->first == spelling || run.strings.at(spelling).isEmpty())
            continue;
        const auto canonical = spellings.constFind((m << 32) | quint32(b->first));
        AliasSuggestion s;
        s.kind = u"model"_s;
        s.scope = run.strings.at(int(m));
        s.alias = run.strings.at(spelling);
        s.canonical = run.strings.at(b->first);
        s.nameScore = 1.0; // the same model key
        s.modelScore = double(b->second) / double(std::max<qint64>(1, keyRecords.value(key)));
        s.score = s.modelScore;
        s.evidence = {{u"scope"_s, s.scope},
                      {u"key_records"_s, keyRecords.value(key)},
                      {u"alias"_s, sideJson(s.alias, *it)},
                      {u"canonical"_s, sideJson(s.canonical, canonical == spellings.cend()
                                                                  ? SpellingStats()
                                                                  : *canonical)}};
        out.append(s);
    }
    std::sort(out.begin(), out.end(), [](const AliasSuggestion &a, const AliasSuggestion &b) {
        return a.scope != b.scope ? a.scope < b.scope : a.alias < b.alias;
    });
    run.modelSuggestions = out;
}

} // namespace metroeval::core::cleaning
