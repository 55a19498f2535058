// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/aliassuggester.h"

#include <QDate>
#include <QJsonArray>

#include <algorithm>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

constexpr int kRenameGapDays = 365;

double modelOverlap(const NameEvidence &alias, const NameEvidence &canonical)
{
    qint64 known = 0;
    qint64 shared = 0;
    for (auto it = alias.models.cbegin(); it != alias.models.cend(); ++it) {
        if (it.key().isEmpty())
            continue;
        known += it.value();
        if (canonical.models.contains(it.key()))
            shared += it.value();
    }
    // No model at all on the alias's records: neither evidence for nor against.
    return known == 0 ? 0.5 : double(shared) / double(known);
}

QJsonObject nameJson(const CompanyName &n)
{
    return {{u"place"_s, n.place},
            {u"core"_s, n.core},
            {u"legal_form"_s, n.legalForm},
            {u"numbers"_s, QJsonArray::fromStringList(n.numbers)}};
}

struct Member
{
    const NameEvidence *evidence;
    CompanyName name;
};

AliasSuggestion compare(const Member &alias, const Member &canonical, const QSet<QString> &rejected,
                        bool withEvidence = true)
{
    AliasSuggestion s;
    s.alias = alias.evidence->name;
    s.canonical = canonical.evidence->name;
    s.nameScore = nameSimilarity(alias.name, canonical.name);
    s.modelScore = modelOverlap(*alias.evidence, *canonical.evidence);
    s.score = 0.75 * s.nameScore + 0.25 * s.modelScore;
    s.blocked = mergeBlocker(alias.name, canonical.name);
    if (s.blocked.isEmpty() && rejected.contains(s.alias + u'\x1f' + s.canonical))
        s.blocked = u"rejected"_s;
    if (!withEvidence)
        return s;
    QJsonObject a = alias.evidence->toJson();
    a.insert(u"analysis"_s, nameJson(alias.name));
    QJsonObject c = canonical.evidence->toJson();
    c.insert(u"analysis"_s, nameJson(canonical.name));
    s.evidence = {{u"alias"_s, a}, {u"canonical"_s, c}};
    return s;
}

} // namespace

void NameEvidence::add(const QString &modelKey, const QString &category, int day)
{
    if (records == 0 || day < firstDay)
        firstDay = day;
    if (records == 0 || day > lastDay)
        lastDay = day;
    ++records;
    ++models[modelKey];
    ++categories[category];
}

QJsonObject NameEvidence::toJson() const
{
    auto top = [](const QHash<QString, qint64> &counts) {
        QList<std::pair<QString, qint64>> list;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            list.append({it.key(), it.value()});
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        QJsonArray out;
        for (qsizetype i = 0; i < std::min<qsizetype>(list.size(), 5); ++i)
            out.append(QJsonObject{{u"value"_s, list[i].first}, {u"records"_s, list[i].second}});
        return out;
    };
    return {{u"name"_s, name},
            {u"records"_s, records},
            {u"first"_s, QDate::fromJulianDay(firstDay).toString(Qt::ISODate)},
            {u"last"_s, QDate::fromJulianDay(lastDay).toString(Qt::ISODate)},
            {u"models"_s, top(models)},
            {u"categories"_s, top(categories)}};
}

QList<AliasSuggestion> suggestAliases(const QList<NameEvidence> &names, const RuleSet &rules,
                                      const QSet<QString> &rejected)
{
    const CompanyNameAnalyzer analyzer(rules);
    QList<Member> members;
    for (const NameEvidence &e : names) {
        if (!e.name.isEmpty())
            members.append({&e, analyzer.analyze(e.name)});
    }
    std::sort(members.begin(), members.end(), [](const Member &a, const Member &b) {
        return a.evidence->records != b.evidence->records
                   ? a.evidence->records > b.evidence->records
                   : a.evidence->name < b.evidence->name;
    });
    QList<QList<qsizetype>> clusters; // indices into members; [0] is the head
    for (qsizetype i = 0; i < members.size(); ++i) {
        qsizetype best = -1;
        double bestScore = rules.suggestScore;
        for (qsizetype c = 0; c < clusters.size(); ++c) {
            const AliasSuggestion s
                = compare(members[i], members[clusters[c].front()], rejected, false);
            if (s.blocked.isEmpty() && s.score >= bestScore) {
                best = c;
                bestScore = s.score;
            }
        }
        if (best < 0)
            clusters.append(QList<qsizetype>{i});
        else
            clusters[best].append(i);
    }
    QList<AliasSuggestion> out;
    for (const QList<qsizetype> &cluster : clusters) {
        int first = members[cluster.front()].evidence->firstDay;
        for (const qsizetype i : cluster)
            first = std::min(first, members[i].evidence->firstDay);
        // Members are in decreasing record count: the first one seen early enough is canonical.
        qsizetype canonical = cluster.front();
        for (const qsizetype i : cluster) {
            if (members[i].evidence->firstDay <= first + kRenameGapDays) {
                canonical = i;
                break;
            }
        }
        for (const qsizetype i : cluster) {
            if (i == canonical)
                continue;
            AliasSuggestion s = compare(members[i], members[canonical], rejected);
            if (members[i].evidence->firstDay > first + kRenameGapDays)
                s.validFromDay = members[i].evidence->firstDay;
            out.append(s);
        }
    }
    // Heads close to each other but kept apart (blocked, or just under the cluster threshold
    // because of a blocker): proposed for review, never taken automatically.
    for (qsizetype a = 0; a < clusters.size(); ++a) {
        for (qsizetype b = 0; b < a; ++b) {
            AliasSuggestion s
                = compare(members[clusters[a].front()], members[clusters[b].front()], rejected);
            if (s.score >= rules.suggestScore && !s.blocked.isEmpty())
                out.append(s);
        }
    }
    std::sort(out.begin(), out.end(), [](const AliasSuggestion &x, const AliasSuggestion &y) {
        return x.score != y.score ? x.score > y.score : x.alias < y.alias;
    });
    return out;
}

} // namespace metroeval::core::cleaning
