// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/aliassuggester.h"
#include "common/coreerror.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace metroeval::core {
class Workspace;
}

namespace metroeval::core::cleaning {

/// \brief A reviewer's (or the automatic rule's) decision on a manufacturer alias or on a model
/// spelling within a manufacturer; stored in alias_decision and applied to every later run and
/// import.
struct AliasDecision
{
    QString kind = QStringLiteral("manufacturer");
    QString scope;     ///< empty for manufacturers; a model's canonical manufacturer
    QString alias;     ///< CompanyNameAnalyzer::key() of the spelling; a model's NFKC spelling
    QString canonical; ///< the spelling it maps to (accepted) or must not map to (rejected)
    bool accepted = true;
    int validFromDay = 0; ///< Julian day from which the alias holds (a rename); 0 = always
    double score = 0.0;
    QString source = QStringLiteral("user"); ///< "user", "auto" or "rules"
    QString userName;
    QDateTime decidedAt;
};

/// \brief A stored suggestion of the latest run with its review state.
struct StoredSuggestion
{
    qint64 id = 0;
    AliasSuggestion suggestion; ///< kind and scope included (the scope of a model lives in the
                                ///< evidence: alias_suggestion has no scope column)
    QString status; ///< "pending", "accepted", "rejected"
};

/// \brief One cleaning-log entry.
struct LogEntry
{
    qint64 id = 0;
    qint64 runId = 0;
    QString rule;
    QString field;
    QString scope;
    qint64 recordId = 0; ///< 0: a dictionary entry that applies to every record with `before`
    QString before;
    QString after;
    qint64 records = 0;
    QString userName;
    QDateTime createdAt;
    bool reverted = false;
};

QList<AliasDecision> loadAliasDecisions(Workspace &workspace, CoreError *error);
/// Inserts or replaces the decision for (kind, scope, alias).
bool storeAliasDecision(Workspace &workspace, const AliasDecision &decision, CoreError *error);
bool removeAliasDecision(Workspace &workspace, const QString &kind, const QString &scope,
                         const QString &alias, CoreError *error);
std::optional<AliasDecision> findAliasDecision(Workspace &workspace, const QString &kind,
                                               const QString &scope, const QString &alias);

QList<StoredSuggestion> loadSuggestions(Workspace &workspace, CoreError *error);

/// Entries of the latest run (or of \a runId), optionally of one rule; newest run first.
QList<LogEntry> loadLog(Workspace &workspace, qint64 runId, const QString &rule, CoreError *error);
qint64 latestRunId(Workspace &workspace);

/// \brief What a revert stored: the suppression and the log entries it marked reverted, so
/// that undoRevert() can take exactly that back (the GUI's undo).
struct RevertRecord
{
    qint64 suppressionId = 0;
    QList<qint64> logIds;
};

/// \brief Marks log entry \a logId reverted and stores a suppression so that no later run
/// repeats it. The cleaned values change when the cleaning runs again (rerunCleaning(); the GUI
/// runs it at once, in the background). \a record (optional) receives what was stored.
bool revertLogEntry(Workspace &workspace, qint64 logId, const QString &userName, CoreError *error,
                    RevertRecord *record = nullptr);
/// \brief The same for every entry of \a rule (and all later runs).
bool revertRule(Workspace &workspace, const QString &rule, const QString &userName,
                CoreError *error, RevertRecord *record = nullptr);
/// \brief Takes one revert back: removes its suppression and clears the reverted mark of its
/// entries. The cleaned values follow when the cleaning runs again.
bool undoRevert(Workspace &workspace, const RevertRecord &record, CoreError *error);
/// \brief Removes the suppressions of \a rule (or all when empty): the opposite of a revert.
bool clearSuppressions(Workspace &workspace, const QString &rule, CoreError *error);

} // namespace metroeval::core::cleaning
