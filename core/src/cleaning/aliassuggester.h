// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/companyname.h"
#include "cleaning/rules.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace metroeval::core::cleaning {

/// \brief What the data say about one manufacturer spelling (after the alias table).
struct NameEvidence
{
    QString name; ///< normalised key
    qint64 records = 0;
    int firstDay = 0; ///< Julian day of the first and last verification
    int lastDay = 0;
    QHash<QString, qint64> models;     ///< model key → records
    QHash<QString, qint64> categories; ///< category → records

    void add(const QString &modelKey, const QString &category, int day);
    QJsonObject toJson() const;
};

/// \brief One proposed merge of \a alias into \a canonical. For a model (kind "model") both are
/// spellings of one model key within manufacturer \a scope; the score is the canonical
/// spelling's share of the key's records there.
struct AliasSuggestion
{
    QString kind = QStringLiteral("manufacturer"); ///< or "model" (per manufacturer)
    QString scope; ///< "model": the canonical manufacturer the spellings belong to
    QString alias;
    QString canonical;
    double score = 0.0;      ///< 0.75 × nameScore + 0.25 × modelScore
    double nameScore = 0.0;  ///< nameSimilarity of the two spellings
    double modelScore = 0.0; ///< share of the alias's records whose model the canonical also has
    QString blocked;         ///< mergeBlocker(), "rejected" for a stored rejection, or empty
    int validFromDay = 0;    ///< > 0: a rename, the alias is valid from this Julian day
    QJsonObject evidence;    ///< both sides' NameEvidence and the name analysis

    bool autoAcceptable(const RuleSet &rules) const
    {
        return blocked.isEmpty() && score >= rules.autoAcceptScore;
    }
};

/// \brief Clusters manufacturer spellings and proposes merges (docs/cleaning.md, "Manufacturer
/// canonicalisation"). Greedy: spellings in decreasing record count join the best unblocked
/// cluster whose head scores ≥ suggestScore, or start a new cluster. Within a cluster the
/// canonical spelling is the most frequent one among those seen within 365 days of the
/// cluster's first record; a spelling that first appears later is a rename and gets a date.
/// Cluster heads that score ≥ suggestScore against each other but are blocked are proposed too,
/// for review only.
/// \a rejected holds "alias\x1fcanonical" pairs a reviewer rejected.
QList<AliasSuggestion> suggestAliases(const QList<NameEvidence> &names, const RuleSet &rules,
                                      const QSet<QString> &rejected);

} // namespace metroeval::core::cleaning
