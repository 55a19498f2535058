// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/rowissue.h"

namespace metroeval::core {

using namespace Qt::StringLiterals;

QLatin1StringView rowIssueCodeKey(RowIssueCode code)
{
    switch (code) {
    case RowIssueCode::UnbalancedQuote:
        return "unbalanced_quote"_L1;
    case RowIssueCode::WrongColumnCount:
        return "wrong_column_count"_L1;
    case RowIssueCode::MissingRequiredField:
        return "missing_required_field"_L1;
    case RowIssueCode::UnparseableDate:
        return "unparseable_date"_L1;
    case RowIssueCode::UnknownConclusion:
        return "unknown_conclusion"_L1;
    case RowIssueCode::UnparseableNumber:
        return "unparseable_number"_L1;
    }
    return "unknown"_L1;
}

} // namespace metroeval::core
