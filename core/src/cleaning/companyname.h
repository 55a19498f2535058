// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/rules.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace metroeval::core::cleaning {

/// \brief A company name taken apart for comparison.
struct CompanyName
{
    QString normalized;  ///< normalizeText with every space removed: the alias-table key
    QString place;       ///< leading place name(s) stripped ("宜昌", "荆州市"), may be empty
    QString legalForm;   ///< trailing legal form stripped ("有限公司", "厂"), may be empty
    QString core;        ///< what is left after the trade words are stripped too: "长江"
    QStringList numbers; ///< plant numbers ("三" of 三厂, digits): differing numbers never merge
};

/// \brief Splits names with built-in lists of Chinese provinces and common cities, legal forms
/// (股份有限公司, 有限责任公司, 有限公司, 公司, 厂 ...) and trade words (仪器仪表, 仪表, 电子,
/// 科技, 衡器 ...), each extended by the rule set.
class CompanyNameAnalyzer
{
public:
    explicit CompanyNameAnalyzer(const RuleSet &rules);

    /// The alias-table key of a raw name: NFKC, no white space.
    static QString key(QStringView raw);
    CompanyName analyze(QStringView raw) const;

private:
    QStringList m_places;     // longest first
    QStringList m_legalForms; // longest first
    QStringList m_tradeWords; // longest first
};

/// \brief Similarity of two analysed names in [0, 1]: 1 when the cores are equal, 0.85 when one
/// core contains the other (≥ 2 characters), otherwise the Dice coefficient of the cores'
/// character bigrams (Dice 1945; bigram form after Kondrak 2005).
double nameSimilarity(const CompanyName &a, const CompanyName &b);

/// \brief Why two names must never be merged automatically, or empty: "distinct_number" (三厂 vs
/// 四厂), "distinct_place" (宜昌长江 vs 重庆长江).
QString mergeBlocker(const CompanyName &a, const CompanyName &b);

} // namespace metroeval::core::cleaning
