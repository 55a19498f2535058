// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/rules.h"
#include "common/coreerror.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace metroeval::core {
class Workspace;
}

namespace metroeval::core::cleaning {

/// \brief Whether a run takes alias suggestions on its own.
enum class AcceptAliases {
    None, ///< only stored decisions (and the rules file's aliases) apply
    Auto, ///< also suggestions with score ≥ RuleSet::autoAcceptScore and no blocker
};

struct CleaningOptions
{
    RuleSet rules = RuleSet::defaults();
    AcceptAliases acceptAliases = AcceptAliases::None;
    QString userName;
    /// Called with (done, total); returning false cancels and leaves the workspace unchanged.
    std::function<bool(qint64, qint64)> progress;
};

/// \brief What one rule did in a run.
struct RuleTally
{
    qint64 entries = 0; ///< cleaning-log entries (dictionary entries count once)
    qint64 records = 0; ///< records changed, masked or flagged
    qint64 values = 0;  ///< field values changed
};

/// \brief The outcome of a cleaning run (also stored in cleaning_run.summary_json).
struct CleaningSummary
{
    qint64 runId = 0;
    qint64 records = 0;
    qint64 changedRecords = 0; ///< records with at least one cleaned value
    qint64 maskedRecords = 0;
    qint64 distinctValues = 0;         ///< distinct raw values normalised (each once)
    QMap<QString, RuleTally> fixes;    ///< automatic, logged changes by rule
    QMap<QString, RuleTally> findings; ///< flags for review by rule
    qint64 suggestions = 0;
    qint64 autoAccepted = 0;
    qint64 pendingSuggestions = 0;
    double autoAcceptScore = 0.0;
    double elapsedMs = 0.0;
    QMap<QString, double> phasesMs; ///< read, normalize, names, units, consistency, write

    QJsonObject toJson() const;
};

/// \brief Runs every cleaning rule over the workspace (docs/cleaning.md). Raw values in `record`
/// are never written; the previous run's cleaned values, masks, findings and suggestions are
/// replaced in one transaction; log entries of earlier runs stay as history.
std::optional<CleaningSummary> runCleaning(Workspace &workspace, const CleaningOptions &options,
                                           CoreError *error);

/// \brief Runs again with the rules of the latest run and AcceptAliases::None (stored decisions
/// and reverts apply): what the GUI does after a review decision or a revert.
std::optional<CleaningSummary> rerunCleaning(Workspace &workspace, const QString &userName,
                                             CoreError *error);
/// \brief The same with a progress callback (done, total) that may cancel (returns false): the
/// GUI runs it on a worker thread with its own connection.
std::optional<CleaningSummary> rerunCleaning(Workspace &workspace, const QString &userName,
                                             const std::function<bool(qint64, qint64)> &progress,
                                             CoreError *error);

} // namespace metroeval::core::cleaning
