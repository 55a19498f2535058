// SPDX-License-Identifier: GPL-3.0-or-later
// Manufacturer and model canonicalisation of a cleaning run (docs/cleaning.md).
#include "cleaning/cleaningrun.h"
#include "cleaning/cleaningstore.h"
#include "cleaning/companyname.h"
#include "cleaning/textnormalize.h"

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

struct AliasTarget
{
    int target = -1;   ///< id in the name interner
    int validFrom = 0; ///< Julian day, 0 = always
};

quint64 pair(int a, int b)
{
    return (quint64(quint32(a)) << 32) | quint32(b);
}

class NameResolver
{
public:
    Interner names;
    QHash<int, AliasTarget> aliases;

    void add(const QString &alias, const QString &canonical, int validFrom)
    {
        const int a = names.intern(CompanyNameAnalyzer::key(alias));
        const int c = names.intern(CompanyNameAnalyzer::key(canonical));
        if (a != c)
            aliases.insert(a, {c, validFrom});
    }

    /// Follows the alias chain for a record verified on \a day; \a early is set when a dated
    /// alias was skipped because the record precedes the rename.
    int resolve(int name, int day, bool *early) const
    {
        for (int hop = 0; hop < 8; ++hop) {
            const auto it = aliases.constFind(name);
            if (it == aliases.cend())
                break;
            if (it->validFrom > 0 && day != kNoDay && day < it->validFrom) {
                *early = true;
                break;
            }
            name = it->target;
        }
        return name;
    }
};

} // namespace

bool canonicalizeNames(RunState &run, Workspace &workspace, CoreError *error)
{
    RecordTable &t = run.table;
    const std::size_t mSlot = RecordTable::slot(Field::Manufacturer);
    const std::size_t modelSlot = RecordTable::slot(Field::Model);
    const std::size_t catSlot = RecordTable::slot(Field::Category);
    const RuleSet &rules = run.options.rules;

    NameResolver resolver;
    QSet<QString> rejected;
    for (const SeedAlias &a : rules.aliases)
        resolver.add(a.alias, a.canonical,
                     a.validFrom.isValid() ? int(a.validFrom.toJulianDay()) : 0);
    CoreError loadError;
    QList<AliasDecision> modelDecisions;
    for (const AliasDecision &d : loadAliasDecisions(workspace, &loadError)) {
        if (d.kind == "model"_L1) {
            modelDecisions.append(d);
            run.modelDecided.insert(d.scope + u'\x1f' + d.alias,
                                    d.accepted ? u"accepted"_s : u"rejected"_s);
        }
        if (d.kind != "manufacturer"_L1)
            continue;
        if (d.accepted)
            resolver.add(d.alias, d.canonical, d.validFromDay);
        else
            rejected.insert(d.alias + u'\x1f' + d.canonical);
    }
    if (loadError) {
        if (error)
            *error = loadError;
        return false;
    }
    // Dictionary step: every distinct spelling gets its key once.
    const Interner &mDict = t.dictionary[mSlot];
    std::vector<int> keyOf(std::size_t(mDict.size()));
    for (int id = 0; id < int(mDict.size()); ++id)
        keyOf[std::size_t(id)] = resolver.names.intern(CompanyNameAnalyzer::key(mDict.at(id)));
    const Interner &modelDict = t.dictionary[modelSlot];
    Interner modelKeys;
    std::vector<int> modelKeyOf(std::size_t(modelDict.size()));
    std::vector<int> modelNormOf(std::size_t(modelDict.size()));
    for (int id = 0; id < int(modelDict.size()); ++id) {
        const QString norm = normalizeText(modelDict.at(id));
        modelNormOf[std::size_t(id)] = run.strings.intern(norm);
        modelKeyOf[std::size_t(id)] = modelKeys.intern(modelKey(norm));
    }
    run.distinctValues += mDict.size() + modelDict.size();

    // Evidence per spelling after the stored decisions.
    std::vector<NameEvidence> evidence;
    QHash<quint64, qint64> nameModels;
    QHash<quint64, qint64> nameCategories;
    bool early = false;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow &r = t.rows[i];
        const int name
            = resolver.resolve(keyOf[std::size_t(r.text[mSlot])], r.verificationDay, &early);
        if (std::size_t(name) >= evidence.size())
            evidence.resize(std::size_t(resolver.names.size()));
        NameEvidence &e = evidence[std::size_t(name)];
        const int day = r.verificationDay == kNoDay ? 0 : r.verificationDay;
        if (e.records == 0 || day < e.firstDay)
            e.firstDay = day;
        e.lastDay = std::max(e.lastDay, day);
        ++e.records;
        ++nameModels[pair(name, modelKeyOf[std::size_t(r.text[modelSlot])])];
        ++nameCategories[pair(name, run.clean[i].text[catSlot])];
    }
    QList<NameEvidence> list;
    for (std::size_t n = 0; n < evidence.size(); ++n)
        evidence[n].name = resolver.names.at(int(n));
    for (auto it = nameModels.cbegin(); it != nameModels.cend(); ++it)
        evidence[std::size_t(it.key() >> 32)].models[modelKeys.at(int(it.key() & 0xffffffffu))]
            += it.value();
    for (auto it = nameCategories.cbegin(); it != nameCategories.cend(); ++it)
        evidence[std::size_t(it.key() >> 32)]
            .categories[run.strings.at(int(it.key() & 0xffffffffu))]
            += it.value();
    for (const NameEvidence &e : evidence) {
        if (e.records > 0)
            list.append(e);
    }
    run.suggestions = suggestAliases(list, rules, rejected);
    if (run.options.acceptAliases == AcceptAliases::Auto) {
        for (const AliasSuggestion &s : std::as_const(run.suggestions)) {
            if (!s.autoAcceptable(rules) || run.autoAccepted.contains(s.alias))
                continue;
            run.autoAccepted.insert(s.alias);
            resolver.add(s.alias, s.canonical, s.validFromDay);
        }
    }

    // Final manufacturer of every row, then its models.
    const int aliasRule = RunState::ruleIndex(rule::ManufacturerAlias);
    const int nfkcRule = RunState::ruleIndex(rule::TextNfkc);
    const int modelRule = RunState::ruleIndex(rule::ModelCanonical);
    // Per distinct name and spelling, looked up once (ids in first-seen order, as a per-row
    // intern gives them): the rows only index vectors.
    std::vector<int> nameString(std::size_t(resolver.names.size()), -1); // → id in run.strings
    auto stringOfName = [&](int name) {
        int &id = nameString[std::size_t(name)];
        if (id < 0)
            id = run.strings.intern(resolver.names.at(name));
        return id;
    };
    struct NameOut
    {
        int out = -1; ///< −1: not computed yet
        int rule = -1;
    };
    // Per raw spelling: its outcome without and with a (resolved) alias target.
    std::vector<int> rawString(std::size_t(mDict.size()), -1);
    QHash<quint64, NameOut> nameOut; // (raw id, final name id) → outcome
    quint64 lastNameKey = ~quint64(0);
    NameOut *lastName = nullptr;
    QHash<LogKey, qint64> nameChanges;
    QHash<quint64, SpellingStats> spellings; // (manufacturer, normalised model) → records
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow &r = t.rows[i];
        CleanRow &c = run.clean[i];
        const int rawId = r.text[mSlot];
        const int key = keyOf[std::size_t(rawId)];
        bool before = false;
        const int final = resolver.resolve(key, r.verificationDay, &before);
        if (before)
            run.flag(i, rule::AliasBeforeRename, Field::Manufacturer, mDict.at(rawId));
        int &rawOut = rawString[std::size_t(rawId)];
        if (rawOut < 0)
            rawOut = run.strings.intern(mDict.at(rawId));
        // Rows come grouped by instrument: most repeat the row above.
        const quint64 outKey = pair(rawId, final);
        if (outKey != lastNameKey) {
            lastNameKey = outKey;
            lastName = &nameOut[outKey];
        }
        NameOut &o = *lastName; // stable: nothing else is inserted before the next look-up
        if (o.out < 0) {
            const QString &raw = mDict.at(rawId);
            o = {rawOut, -1};
            if (final != key
                && !run.suppressions.value(rule::ManufacturerAlias, "manufacturer"_L1, QString(),
                                           raw))
                o = {stringOfName(final), aliasRule};
            else if (resolver.names.at(key) != raw
                     && !run.suppressions.value(rule::TextNfkc, "manufacturer"_L1, QString(),
                                                raw))
                o = {stringOfName(key), nfkcRule};
        }
        c.text[mSlot] = o.out;
        if (o.rule >= 0) {
            c.changed = true;
            c.rules |= 1u << o.rule;
            ++nameChanges[LogKey{o.rule, int(mSlot), 0, rawId, o.out}];
        }
        spellings[pair(o.out, modelNormOf[std::size_t(r.text[modelSlot])])].add(r.verificationDay);
    }
    for (auto it = nameChanges.cbegin(); it != nameChanges.cend(); ++it)
        run.log[it.key()] += it.value();
    // The most frequent spelling of each model key within a manufacturer is canonical.
    QHash<quint64, std::pair<int, qint64>> best; // (manufacturer, key) → (spelling, records)
    for (auto it = spellings.cbegin(); it != spellings.cend(); ++it) {
        const int m = int(it.key() >> 32);
        const int spelling = int(it.key() & 0xffffffffu);
        const int keyId = modelKeys.intern(modelKey(run.strings.at(spelling)));
        auto &b = best[pair(m, keyId)];
        if (it->records > b.second
            || (it->records == b.second && run.strings.at(spelling) < run.strings.at(b.first)))
            b = {spelling, it->records};
    }
    suggestModels(run, spellings, best, [&](int spelling) {
        return modelKeys.intern(modelKey(run.strings.at(spelling)));
    });
    // Reviewed model spellings: an accepted (possibly edited) target replaces the automatic
    // one, a rejected merge keeps the spelling. Keyed by (manufacturer, spelling) string ids.
    QHash<quint64, int> decidedTarget;
    for (const AliasDecision &d : std::as_const(modelDecisions)) {
        const int scope = run.strings.find(d.scope);
        const int alias = run.strings.find(d.alias);
        if (scope >= 0 && alias >= 0)
            decidedTarget.insert(pair(scope, alias),
                                 d.accepted ? run.strings.intern(d.canonical) : alias);
    }
    // Per (manufacturer, raw model spelling): the row's model and whether it changed.
    QHash<quint64, NameOut> modelOut;
    quint64 lastModelKey = ~quint64(0);
    NameOut *lastModel = nullptr;
    QHash<LogKey, qint64> modelChanges;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const int rawId = t.rows[i].text[modelSlot];
        CleanRow &c = run.clean[i];
        const quint64 outKey = pair(c.text[mSlot], rawId);
        if (outKey != lastModelKey) {
            lastModelKey = outKey;
            lastModel = &modelOut[outKey];
        }
        NameOut &o = *lastModel;
        if (o.out < 0) {
            const QString &raw = modelDict.at(rawId);
            const int keyId = modelKeyOf[std::size_t(rawId)];
            const int norm = modelNormOf[std::size_t(rawId)];
            int out = best.value(pair(c.text[mSlot], keyId), {norm, 0}).first;
            if (!decidedTarget.isEmpty())
                out = decidedTarget.value(pair(c.text[mSlot], norm), out);
            o = {run.strings.intern(raw), -1};
            if (run.strings.at(out) != raw
                && !run.suppressions.value(rule::ModelCanonical, "model"_L1,
                                           run.strings.at(c.text[mSlot]), raw))
                o = {out, modelRule};
        }
        c.text[modelSlot] = o.out;
        if (o.rule >= 0) {
            c.changed = true;
            c.rules |= 1u << o.rule;
            ++modelChanges[LogKey{modelRule, int(modelSlot), c.text[mSlot], rawId, o.out}];
        }
    }
    for (auto it = modelChanges.cbegin(); it != modelChanges.cend(); ++it)
        run.log[it.key()] += it.value();
    return true;
}

} // namespace metroeval::core::cleaning
