// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/recordparser.h"

namespace metroeval::core {

using namespace Qt::StringLiterals;

QString RecordExtras::flagsText() const
{
    QString out;
    for (const RowIssue &flag : flags) {
        if (!out.isEmpty())
            out += u';';
        out += rowIssueCodeKey(flag.code) + u':' + flag.detail;
    }
    return out;
}

namespace {
void optionalDate(const VerificationRecord &record, Field field, const ParseContext &context,
                  qint64 line, const ColumnMapping &mapping, QDate &out, RecordExtras &extras)
{
    const QString &text = record.text(field);
    if (text.isEmpty())
        return;
    if (const auto date = parseDate(text, context.dateSystem))
        out = *date;
    else
        extras.flags.append({line, mapping.column(field), RowIssueCode::UnparseableDate,
                             QString(fieldInfo(field).key)});
}

void optionalQuantity(const VerificationRecord &record, Field field, QStringView defaultUnit,
                      qint64 line, const ColumnMapping &mapping, double &out,
                      RecordExtras &extras)
{
    const QString &text = record.text(field);
    if (text.isEmpty())
        return;
    const auto q = parseQuantity(text, defaultUnit);
    if (!q || (!extras.valueUnit.isEmpty() && !q->unit.isEmpty() && q->unit != extras.valueUnit)) {
        extras.flags.append({line, mapping.column(field), RowIssueCode::UnparseableNumber,
                             QString(fieldInfo(field).key)});
        return;
    }
    out = q->value;
    if (extras.valueUnit.isEmpty())
        extras.valueUnit = q->unit;
}
} // namespace

std::optional<RowIssue> parseRecord(const QStringList &fields, qint64 line, int headerColumns,
                                    const ColumnMapping &mapping, const ParseContext &context,
                                    VerificationRecord &record, RecordExtras &extras)
{
    extras = RecordExtras{};
    if (fields.size() != headerColumns) {
        return RowIssue{line, -1, RowIssueCode::WrongColumnCount,
                        u"%1/%2"_s.arg(fields.size()).arg(headerColumns)};
    }
    record = VerificationRecord{};
    record.sourceLine = line;
    for (const FieldInfo &info : allFields()) {
        const int c = mapping.column(info.field);
        if (c >= 0 && c < fields.size())
            record.text(info.field) = fields[c].trimmed();
        if (info.required && record.text(info.field).isEmpty())
            return RowIssue{line, c, RowIssueCode::MissingRequiredField, QString(info.key)};
    }
    const int dateColumn = mapping.column(Field::VerificationDate);
    const auto verified = parseDate(record.text(Field::VerificationDate), context.dateSystem);
    if (!verified)
        return RowIssue{line, dateColumn, RowIssueCode::UnparseableDate,
                        record.text(Field::VerificationDate)};
    record.verificationDate = *verified;
    record.passed = parseConclusion(record.text(Field::Conclusion));
    if (!record.passed)
        return RowIssue{line, mapping.column(Field::Conclusion), RowIssueCode::UnknownConclusion,
                        record.text(Field::Conclusion)};
    optionalDate(record, Field::DueDate, context, line, mapping, record.dueDate, extras);
    optionalDate(record, Field::ManufactureDate, context, line, mapping, record.manufactureDate,
                 extras);
    const QString unit = rangeUnit(record.text(Field::MeasuringRange));
    optionalQuantity(record, Field::Mpe, unit, line, mapping, record.mpe, extras);
    optionalQuantity(record, Field::MaxError, unit, line, mapping, record.maxError, extras);
    extras.failedItems = parseFailedItems(record.text(Field::FailedItems));
    return std::nullopt;
}

std::optional<RowIssue> parseRecord(const QStringList &fields, qint64 line, int headerColumns,
                                    const ColumnMapping &mapping, VerificationRecord &record)
{
    RecordExtras extras;
    return parseRecord(fields, line, headerColumns, mapping, ParseContext{}, record, extras);
}

} // namespace metroeval::core
