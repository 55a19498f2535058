// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/rules.h"

#include "cleaning/textnormalize.h"

#include <QJsonArray>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

QLatin1StringView mpeRuleKey(MpeRule rule)
{
    switch (rule) {
    case MpeRule::PercentOfSpan:
        return "percent_of_span"_L1;
    case MpeRule::Absolute:
        return "absolute"_L1;
    case MpeRule::None:
        break;
    }
    return "none"_L1;
}

QStringList stringList(const QJsonValue &value, bool *ok)
{
    QStringList out;
    *ok = value.isArray();
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            *ok = false;
        out.append(normalizeText(v.toString()));
    }
    return out;
}

} // namespace

QLatin1StringView severityKey(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "info"_L1;
    case Severity::Warning:
        return "warning"_L1;
    case Severity::Error:
        return "error"_L1;
    }
    return {};
}

QLatin1StringView actionKey(Action action)
{
    switch (action) {
    case Action::Fixed:
        return "fixed"_L1;
    case Action::Review:
        return "review"_L1;
    case Action::Masked:
        return "masked"_L1;
    }
    return {};
}

const QList<RuleInfo> &allRules()
{
    using S = Severity;
    static const QList<RuleInfo> rules{
        {rule::TextNfkc, S::Info, "validity"_L1},
        {rule::ConclusionVocabulary, S::Info, "validity"_L1},
        {rule::DateIso, S::Info, "validity"_L1},
        {rule::UnitCanonical, S::Warning, "validity"_L1},
        {rule::ManufacturerAlias, S::Warning, "consistency"_L1},
        {rule::ModelCanonical, S::Info, "consistency"_L1},
        {rule::DuplicateCertificate, S::Warning, "uniqueness"_L1},
        {rule::ConclusionVsError, S::Error, "accuracy"_L1},
        {rule::MpeVsClass, S::Warning, "accuracy"_L1},
        {rule::DueBeforeVerification, S::Error, "consistency"_L1},
        {rule::DueBeyondInterval, S::Warning, "timeliness"_L1},
        {rule::VerifiedBeforeManufacture, S::Error, "consistency"_L1},
        {rule::FutureDate, S::Error, "timeliness"_L1},
        {rule::SameDayTwice, S::Warning, "uniqueness"_L1},
        {rule::MissingCritical, S::Warning, "completeness"_L1},
        {rule::UnparseableDate, S::Error, "validity"_L1},
        {rule::UnknownUnit, S::Warning, "validity"_L1},
        {rule::AliasBeforeRename, S::Warning, "consistency"_L1},
    };
    return rules;
}

std::optional<RuleInfo> ruleInfo(QStringView code)
{
    for (const RuleInfo &info : allRules()) {
        if (code == info.code)
            return info;
    }
    return std::nullopt;
}

RuleSet RuleSet::defaults()
{
    // Intervals: JJG 52-2013 (gauges, generally ≤ 6 months), JJG 693-2011 and JJG 539-2016
    // (1 year); MPE rules as shared/design/domain.md §2 and docs/sample-data.md state them.
    RuleSet r;
    const QStringList gaugeCritical{u"manufacturer"_s,   u"model"_s, u"serial_no"_s,
                                    u"accuracy_class"_s, u"mpe"_s,   u"max_error"_s,
                                    u"measuring_range"_s};
    const QStringList otherCritical{u"manufacturer"_s, u"model"_s,     u"serial_no"_s,
                                    u"mpe"_s,          u"max_error"_s, u"measuring_range"_s};
    r.categories = {
        {u"一般压力表"_s, u"MPa"_s, 6, MpeRule::PercentOfSpan, 0.0, gaugeCritical},
        {u"精密压力表"_s, u"MPa"_s, 12, MpeRule::PercentOfSpan, 0.0, gaugeCritical},
        {u"可燃气体检测报警器"_s, u"%LEL"_s, 12, MpeRule::Absolute, 5.0, otherCritical},
        {u"电子台秤"_s, u"kg"_s, 12, MpeRule::None, 0.0, otherCritical},
    };
    return r;
}

RuleSet RuleSet::fromJson(const QJsonObject &json, QString *errorPath)
{
    RuleSet r = defaults();
    auto bad = [errorPath](const QString &path) {
        if (errorPath && errorPath->isEmpty())
            *errorPath = path;
    };
    auto number = [&](const char *key, double &target) {
        const QJsonValue v = json.value(QLatin1StringView(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble())
            return bad(QLatin1StringView(key));
        target = v.toDouble();
    };
    number("auto_accept_score", r.autoAcceptScore);
    number("suggest_score", r.suggestScore);
    number("mpe_tolerance", r.mpeTolerance);
    double grace = r.dueGraceDays;
    number("due_grace_days", grace);
    r.dueGraceDays = int(grace);
    if (json.contains("today"_L1)) {
        r.today = QDate::fromString(json.value("today"_L1).toString(), Qt::ISODate);
        if (!r.today.isValid())
            bad(u"today"_s);
    }
    const QJsonArray categories = json.value("categories"_L1).toArray();
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const QJsonObject o = categories.at(i).toObject();
        CategoryRule c;
        c.name = normalizeText(o.value("name"_L1).toString());
        c.unit = o.value("unit"_L1).toString();
        c.intervalMonths = o.value("interval_months"_L1).toInt(12);
        const QString mpe = o.value("mpe_rule"_L1).toString(u"none"_s);
        c.mpeRule = mpe == "percent_of_span"_L1 ? MpeRule::PercentOfSpan
                    : mpe == "absolute"_L1      ? MpeRule::Absolute
                                                : MpeRule::None;
        c.absoluteMpe = o.value("absolute_mpe"_L1).toDouble();
        bool ok = true;
        if (o.contains("critical_fields"_L1))
            c.criticalFields = stringList(o.value("critical_fields"_L1), &ok);
        if (c.name.isEmpty() || c.intervalMonths <= 0 || !ok) {
            bad(u"categories[%1]"_s.arg(i));
            continue;
        }
        r.categories.removeIf([&c](const CategoryRule &old) { return old.name == c.name; });
        r.categories.append(c);
    }
    const QJsonArray aliases = json.value("aliases"_L1).toArray();
    for (qsizetype i = 0; i < aliases.size(); ++i) {
        const QJsonObject o = aliases.at(i).toObject();
        SeedAlias a{o.value("alias"_L1).toString(), o.value("canonical"_L1).toString(), {}};
        if (o.contains("valid_from"_L1))
            a.validFrom = QDate::fromString(o.value("valid_from"_L1).toString(), Qt::ISODate);
        if (a.alias.isEmpty() || a.canonical.isEmpty()
            || (o.contains("valid_from"_L1) && !a.validFrom.isValid())) {
            bad(u"aliases[%1]"_s.arg(i));
            continue;
        }
        r.aliases.append(a);
    }
    bool ok = true;
    if (json.contains("places"_L1))
        r.extraPlaces = stringList(json.value("places"_L1), &ok);
    if (!ok)
        bad(u"places"_s);
    if (json.contains("legal_forms"_L1))
        r.extraLegalForms = stringList(json.value("legal_forms"_L1), &ok);
    if (!ok)
        bad(u"legal_forms"_s);
    if (json.contains("trade_words"_L1))
        r.extraTradeWords = stringList(json.value("trade_words"_L1), &ok);
    if (!ok)
        bad(u"trade_words"_s);
    return r;
}

QJsonObject RuleSet::toJson() const
{
    QJsonArray cats;
    for (const CategoryRule &c : categories) {
        cats.append(
            QJsonObject{{u"name"_s, c.name},
                        {u"unit"_s, c.unit},
                        {u"interval_months"_s, c.intervalMonths},
                        {u"mpe_rule"_s, mpeRuleKey(c.mpeRule)},
                        {u"absolute_mpe"_s, c.absoluteMpe},
                        {u"critical_fields"_s, QJsonArray::fromStringList(c.criticalFields)}});
    }
    QJsonArray seeds;
    for (const SeedAlias &a : aliases) {
        QJsonObject o{{u"alias"_s, a.alias}, {u"canonical"_s, a.canonical}};
        if (a.validFrom.isValid())
            o.insert(u"valid_from"_s, a.validFrom.toString(Qt::ISODate));
        seeds.append(o);
    }
    QJsonObject o{{u"auto_accept_score"_s, autoAcceptScore},
                  {u"suggest_score"_s, suggestScore},
                  {u"mpe_tolerance"_s, mpeTolerance},
                  {u"due_grace_days"_s, dueGraceDays},
                  {u"categories"_s, cats},
                  {u"aliases"_s, seeds},
                  {u"places"_s, QJsonArray::fromStringList(extraPlaces)},
                  {u"legal_forms"_s, QJsonArray::fromStringList(extraLegalForms)},
                  {u"trade_words"_s, QJsonArray::fromStringList(extraTradeWords)}};
    if (today.isValid())
        o.insert(u"today"_s, today.toString(Qt::ISODate));
    return o;
}

const CategoryRule *RuleSet::category(const QString &name) const
{
    for (const CategoryRule &c : categories) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace metroeval::core::cleaning
