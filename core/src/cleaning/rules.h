// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace metroeval::core::cleaning {

/// \brief How a category's maximum permissible error follows from class and range.
enum class MpeRule {
    None,          ///< not checked
    PercentOfSpan, ///< MPE = class % × span (JJG 52-2013 §5.2, 0–90 % band; domain.md §2)
    Absolute,      ///< a fixed MPE in the canonical unit (e.g. ±5 %LEL, JJG 693-2011)
};

/// \brief Cleaning knowledge of one instrument category.
struct CategoryRule
{
    QString name;            ///< 器具名称 after normalisation
    QString unit;            ///< canonical unit: "MPa", "%LEL", "kg"
    int intervalMonths = 12; ///< statutory verification interval
    MpeRule mpeRule = MpeRule::None;
    double absoluteMpe = 0.0;
    QStringList criticalFields; ///< field keys that must not be empty for this category
};

/// \brief A manufacturer alias known in advance (e.g. a rename), optionally valid from a date.
struct SeedAlias
{
    QString alias;
    QString canonical;
    QDate validFrom; ///< invalid: always valid
};

/// \brief All tunable parameters of a cleaning run; defaults documented in docs/cleaning.md.
struct RuleSet
{
    QList<CategoryRule> categories;
    QList<SeedAlias> aliases;
    QStringList extraPlaces;     ///< place prefixes beyond the built-in list
    QStringList extraLegalForms; ///< legal-form suffixes beyond the built-in list
    QStringList extraTradeWords; ///< trade words beyond the built-in list
    /// `--accept-aliases auto` takes a suggestion only at or above this score and unblocked.
    double autoAcceptScore = 0.90;
    /// Suggestions below this score are not shown.
    double suggestScore = 0.60;
    /// Relative tolerance of the MPE-vs-class check.
    double mpeTolerance = 0.02;
    /// Days a due date may exceed verification date + interval before it is flagged.
    int dueGraceDays = 31;
    /// "Today" for the future-date rule; invalid = the current date.
    QDate today;

    static RuleSet defaults();
    /// Overrides the defaults with the keys present in \a json (docs/cleaning.md, "Rules file").
    /// Returns the JSON path of the first malformed key in \a errorPath, or nothing.
    static RuleSet fromJson(const QJsonObject &json, QString *errorPath);
    QJsonObject toJson() const;

    const CategoryRule *category(const QString &name) const;
    QDate effectiveToday() const { return today.isValid() ? today : QDate::currentDate(); }
};

/// \brief Severity of a finding.
enum class Severity { Info, Warning, Error };
QLatin1StringView severityKey(Severity severity);

/// \brief What a rule did with a finding.
enum class Action { Fixed, Review, Masked };
QLatin1StringView actionKey(Action action);

/// \brief Rule codes (stable, used in the log, the findings, the JSON and the rules file).
namespace rule {
inline constexpr QLatin1StringView TextNfkc{"text_nfkc"};
inline constexpr QLatin1StringView ConclusionVocabulary{"conclusion_vocabulary"};
inline constexpr QLatin1StringView DateIso{"date_iso"};
inline constexpr QLatin1StringView UnitCanonical{"unit_canonical"};
inline constexpr QLatin1StringView ManufacturerAlias{"manufacturer_alias"};
inline constexpr QLatin1StringView ModelCanonical{"model_canonical"};
inline constexpr QLatin1StringView DuplicateCertificate{"duplicate_certificate"};
inline constexpr QLatin1StringView ConclusionVsError{"conclusion_vs_error"};
inline constexpr QLatin1StringView MpeVsClass{"mpe_vs_class"};
inline constexpr QLatin1StringView DueBeforeVerification{"due_before_verification"};
inline constexpr QLatin1StringView DueBeyondInterval{"due_beyond_interval"};
inline constexpr QLatin1StringView VerifiedBeforeManufacture{"verified_before_manufacture"};
inline constexpr QLatin1StringView FutureDate{"future_date"};
inline constexpr QLatin1StringView SameDayTwice{"same_day_twice"};
inline constexpr QLatin1StringView MissingCritical{"missing_critical"};
inline constexpr QLatin1StringView UnparseableDate{"unparseable_date"};
inline constexpr QLatin1StringView UnknownUnit{"unknown_unit"};
inline constexpr QLatin1StringView AliasBeforeRename{"alias_before_rename"};
} // namespace rule

/// \brief Severity and GB/T 36344 dimension of each rule code (docs/quality-report.md).
struct RuleInfo
{
    QLatin1StringView code;
    Severity severity;
    QLatin1StringView dimension; ///< completeness, validity, consistency, uniqueness,
                                 ///< timeliness, accuracy
};
const QList<RuleInfo> &allRules();
std::optional<RuleInfo> ruleInfo(QStringView code);

} // namespace metroeval::core::cleaning
