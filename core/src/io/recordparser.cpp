// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/recordparser.h"

#include "io/valueparser.h"

namespace metroeval::core {

using namespace Qt::StringLiterals;

std::optional<RowIssue> parseRecord(const QStringList &fields, qint64 line, int headerColumns,
                                    const ColumnMapping &mapping, VerificationRecord &record)
{
    if (fields.size() != headerColumns) {
        return RowIssue{line, -1, RowIssueCode::WrongColumnCount,
                        u"%1/%2"_s.arg(fields.size()).arg(headerColumns)};
    }
    record = VerificationRecord{};
    record.sourceLine = line;
    for (const FieldInfo &info : allFields()) {
        const int c = mapping.column(info.field);
        if (c >= 0)
            record.text(info.field) = fields[c].trimmed();
        if (info.required && record.text(info.field).isEmpty())
            return RowIssue{line, c, RowIssueCode::MissingRequiredField, QString(info.key)};
    }
    const int dateColumn = mapping.column(Field::VerificationDate);
    const auto verified = parseDate(record.text(Field::VerificationDate));
    if (!verified)
        return RowIssue{line, dateColumn, RowIssueCode::UnparseableDate,
                        record.text(Field::VerificationDate)};
    record.verificationDate = *verified;
    record.passed = parseConclusion(record.text(Field::Conclusion));
    if (!record.passed)
        return RowIssue{line, mapping.column(Field::Conclusion), RowIssueCode::UnknownConclusion,
                        record.text(Field::Conclusion)};
    record.dueDate = parseDate(record.text(Field::DueDate)).value_or(QDate());
    record.manufactureDate = parseDate(record.text(Field::ManufactureDate)).value_or(QDate());
    record.maxError = parseLeadingNumber(record.text(Field::MaxError)).value_or(record.maxError);
    record.mpe = parseLeadingNumber(record.text(Field::Mpe)).value_or(record.mpe);
    return std::nullopt;
}

} // namespace metroeval::core
