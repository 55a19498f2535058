// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

#include <optional>

namespace metroeval::core::cleaning {

/// \brief Unicode NFKC (full-width → half-width, compatibility forms folded; Unicode UAX #15),
/// dash and tilde variants unified ('-', '~'), white space collapsed to one space, trimmed, and
/// white space next to a CJK character removed ("合 格" → "合格", "武汉 楚天" → "武汉楚天").
QString normalizeText(QStringView text);

/// \brief Identity of a model designation: normalizeText, upper case, separators ('-', '_', '.',
/// '/', space) removed. "Y-100", "Y100", "y-100 " and "Ｙ－１００" share the key "Y100".
QString modelKey(QStringView model);

/// \brief "合格" or "不合格" for every spelling io/valueparser.h's parseConclusion knows.
std::optional<QString> canonicalConclusion(QStringView text);

/// \brief ISO yyyy-MM-dd for a date spelling io/valueparser.h's parseDate reads unambiguously;
/// nullopt otherwise (the text is then left as it is and flagged, never guessed).
std::optional<QString> isoDateText(QStringView text);

/// \brief Normalise each distinct value once: a memo of normalizeText (issue 5, "dictionary").
class NormalizeMemo
{
public:
    const QString &operator()(const QString &raw);
    qsizetype distinct() const { return m_memo.size(); }

private:
    QHash<QString, QString> m_memo;
};

} // namespace metroeval::core::cleaning
