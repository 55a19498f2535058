// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/textnormalize.h"

#include "io/valueparser.h"

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {
bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF)
           || (u >= 0x3000 && u <= 0x303F) || c.isSurrogate();
}

QChar unifyPunctuation(QChar c)
{
    switch (c.unicode()) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x30FC:
        return u'-';
    case 0x301C:
    case 0x223C:
    case 0x02DC:
        return u'~';
    default:
        return c;
    }
}
} // namespace

QString normalizeText(QStringView text)
{
    // Most values are already clean ASCII or plain CJK: NFKC is the costly step, so it runs once
    // per distinct value (NormalizeMemo), never per row.
    const QString folded = text.toString().normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(folded.size());
    bool pendingSpace = false;
    for (QChar c : folded) {
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        c = unifyPunctuation(c);
        if (pendingSpace && !isCjk(c) && !isCjk(out.back()))
            out.append(u' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

QString modelKey(QStringView model)
{
    QString key = normalizeText(model).toUpper();
    key.removeIf(
        [](QChar c) { return c == u'-' || c == u'_' || c == u'.' || c == u'/' || c == u' '; });
    return key;
}

std::optional<QString> canonicalConclusion(QStringView text)
{
    const auto passed = parseConclusion(text);
    if (!passed)
        return std::nullopt;
    return *passed ? u"合格"_s : u"不合格"_s;
}

std::optional<QString> isoDateText(QStringView text)
{
    const auto date = parseDate(text);
    if (!date)
        return std::nullopt;
    return date->toString(Qt::ISODate);
}

const QString &NormalizeMemo::operator()(const QString &raw)
{
    auto it = m_memo.find(raw);
    if (it == m_memo.end())
        it = m_memo.insert(raw, normalizeText(raw));
    return it.value();
}

} // namespace metroeval::core::cleaning
