// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the cleaning module: the state one run builds and the steps that share it.
#pragma once

#include "cleaning/aliassuggester.h"
#include "cleaning/cleaner.h"
#include "cleaning/recordtable.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <functional>

#include <vector>

namespace metroeval::core::cleaning {

/// Below this many rows a step runs on one thread: a second thread costs more than it saves.
inline constexpr std::size_t kParallelRows = 16384;

/// \brief Suppressions (reverts) as look-up keys.
class Suppressions
{
public:
    void add(const QString &rule, const QString &field, const QString &scope, const QString &before,
             qint64 recordId, bool hasField, bool hasBefore);
    bool value(QLatin1StringView rule, QLatin1StringView field, const QString &scope,
               const QString &before) const;
    bool record(QLatin1StringView rule, qint64 recordId) const;

private:
    QSet<QString> m_keys;
};

/// \brief A change attributed to one rule, aggregated over the records it touched.
struct LogKey
{
    int rule;   ///< index into allRules()
    int field;  ///< slot in kCleanedFields
    int scope;  ///< id in RunState::strings
    int before; ///< raw id in the field's dictionary
    int after;  ///< id in RunState::strings
    friend bool operator==(const LogKey &, const LogKey &) = default;
};
inline size_t qHash(const LogKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.rule, k.field, k.scope, k.before, k.after);
}

struct Finding
{
    std::size_t row;
    int rule;  ///< index into allRules()
    int field; ///< slot in kCleanedFields, or −1
    QString value;
    Action action;
};

struct Mask
{
    std::size_t row;
    int rule;
};

/// \brief Cleaned values of every row (ids into RunState::strings) and typed values.
struct CleanRow
{
    std::array<int, kCleanedCount> text{};
    int verificationDay = kNoDay;
    int dueDay = kNoDay;
    int manufactureDay = kNoDay;
    int passed = -1;
    double maxError = 0.0;
    double mpe = 0.0;
    bool changed = false;
    quint32 rules = 0; ///< bit per allRules() index that changed a value of this row
};

struct RunState
{
    const CleaningOptions &options;
    RecordTable table;
    Suppressions suppressions;
    Interner strings; ///< cleaned values, scopes and the canonical names; id 0 is ""
    std::vector<CleanRow> clean;
    QHash<LogKey, qint64> log;
    std::vector<Finding> findings;
    std::vector<Mask> masks;
    QList<AliasSuggestion> suggestions;      ///< manufacturers (they make the run's summary)
    QList<AliasSuggestion> modelSuggestions; ///< model spellings merged per manufacturer
    QHash<QString, QString> modelDecided;    ///< "scope\x1falias" → "accepted" / "rejected"
    QSet<QString> autoAccepted; ///< aliases accepted automatically in this run
    qint64 distinctValues = 0;
    QMap<QString, double> phasesMs;
    qint64 writeStartNs = 0; ///< when the write began (the timer of runCleaning())

    explicit RunState(const CleaningOptions &o)
        : options(o)
    {
        strings.intern(QStringLiteral(""));
    }
    static int ruleIndex(QLatin1StringView code);
    void flag(std::size_t row, QLatin1StringView rule, Field field, const QString &value);
    /// Records that \a key changed a value of \a row.
    void change(std::size_t row, const LogKey &key)
    {
        CleanRow &c = clean[row];
        c.changed = true;
        c.rules |= 1u << key.rule;
        ++log[key];
    }
};

/// Records, first and last verification day of one model spelling within one manufacturer.
struct SpellingStats
{
    qint64 records = 0;
    int firstDay = 0;
    int lastDay = 0;
    void add(int day)
    {
        const int d = day == kNoDay ? 0 : day;
        if (records == 0 || d < firstDay)
            firstDay = d;
        lastDay = std::max(lastDay, d);
        ++records;
    }
};

/// Model suggestions of a run (modelsuggestions.cpp): one per spelling of \a spellings
/// ((manufacturer, spelling) as ids into RunState::strings) that is not the canonical one of
/// its key in \a best ((manufacturer, key) → (spelling, records)); \a keyOf gives the key id of
/// a spelling id.
void suggestModels(RunState &run, const QHash<quint64, SpellingStats> &spellings,
                   const QHash<quint64, std::pair<int, qint64>> &best,
                   const std::function<int(int)> &keyOf);

/// Steps, in order (cleaner.cpp, cleaningnames.cpp, consistency.cpp, cleaningwriter.cpp).
void normalizeDictionaries(RunState &run);
bool canonicalizeNames(RunState &run, Workspace &workspace, CoreError *error);
void normalizeUnits(RunState &run);
void checkConsistency(RunState &run);
/// Writes the run in one transaction. \a awaitFindings is called once the findings and masks
/// are needed (the consistency rules run meanwhile on another thread, see runCleaning()).
std::optional<CleaningSummary> writeRun(RunState &run, Workspace &workspace,
                                        const QElapsedTimer &timer,
                                        const std::function<void()> &awaitFindings,
                                        CoreError *error);

} // namespace metroeval::core::cleaning
