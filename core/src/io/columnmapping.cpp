// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/columnmapping.h"

namespace metroeval::core {

using namespace Qt::StringLiterals;

ColumnMapping::ColumnMapping()
{
    m_columns.fill(-1);
    m_confidence.fill(0.0);
}

void ColumnMapping::setColumn(Field field, int column, double confidence)
{
    m_columns[static_cast<std::size_t>(field)] = column;
    m_confidence[static_cast<std::size_t>(field)] = column < 0 ? 0.0 : confidence;
}

ColumnMapping ColumnMapping::suggest(const QStringList &headers)
{
    ColumnMapping mapping;
    QList<bool> taken(headers.size(), false);
    // Exact synonym first, in field order; each column feeds at most one field.
    for (const FieldInfo &info : allFields()) {
        const QStringList synonyms = headerSynonyms(info.field);
        for (qsizetype c = 0; c < headers.size(); ++c) {
            if (!taken[c] && synonyms.contains(normalizeHeader(headers[c]))) {
                mapping.setColumn(info.field, static_cast<int>(c), 1.0);
                taken[c] = true;
                break;
            }
        }
    }
    // Then a header that contains a synonym ("检定日期(年月日)"), with lower confidence.
    for (const FieldInfo &info : allFields()) {
        if (mapping.column(info.field) >= 0)
            continue;
        const QStringList synonyms = headerSynonyms(info.field);
        for (qsizetype c = 0; c < headers.size() && mapping.column(info.field) < 0; ++c) {
            const QString h = normalizeHeader(headers[c]);
            for (const QString &s : synonyms) {
                if (!taken[c] && s.size() >= 2 && h.contains(s)) {
                    mapping.setColumn(info.field, static_cast<int>(c), 0.6);
                    taken[c] = true;
                    break;
                }
            }
        }
    }
    return mapping;
}

std::optional<ColumnMapping> ColumnMapping::fromProfile(const QJsonObject &profile,
                                                        const QStringList &headers,
                                                        CoreError *error)
{
    auto fail = [error](const QString &detail) -> std::optional<ColumnMapping> {
        if (error)
            *error = {ErrorCode::InvalidMapping, detail};
        return std::nullopt;
    };
    if (profile.value("format"_L1).toString() != "metroeval-mapping/1"_L1)
        return fail(u"format"_s);
    if (!profile.value("columns"_L1).isObject())
        return fail(u"columns"_s);
    const QJsonObject columns = profile.value("columns"_L1).toObject();
    QStringList normalized;
    for (const QString &h : headers)
        normalized.append(normalizeHeader(h));
    ColumnMapping mapping;
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const auto field = fieldFromKey(it.value().toString());
        if (!field)
            return fail(u"columns."_s + it.key());
        // Exact header first, then the same header up to case, width and decoration. A header the
        // file does not have is skipped: one profile serves exports that omit optional columns.
        qsizetype column = headers.indexOf(it.key());
        if (column < 0)
            column = normalized.indexOf(normalizeHeader(it.key()));
        if (column >= 0 && mapping.column(*field) < 0)
            mapping.setColumn(*field, static_cast<int>(column), 1.0);
    }
    return mapping;
}

QJsonObject ColumnMapping::toProfile(const QStringList &headers) const
{
    QJsonObject columns;
    for (const FieldInfo &info : allFields()) {
        const int c = column(info.field);
        if (c >= 0 && c < headers.size())
            columns.insert(headers[c], QString(info.key));
    }
    return {{u"format"_s, u"metroeval-mapping/1"_s}, {u"columns"_s, columns}};
}

QList<Field> ColumnMapping::missingRequired() const
{
    QList<Field> missing;
    for (const FieldInfo &info : allFields()) {
        if (info.required && column(info.field) < 0)
            missing.append(info.field);
    }
    return missing;
}

} // namespace metroeval::core
