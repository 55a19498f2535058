// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>

namespace metroeval::core {

/// \brief Why a row was quarantined or flagged. Codes are stable: they appear in JSON and in the
/// workspace; ui/ and app/ turn them into sentences.
enum class RowIssueCode {
    UnbalancedQuote,
    WrongColumnCount,
    MissingRequiredField,
    UnparseableDate,
    UnknownConclusion,
    UnparseableNumber,
};

/// \brief A problem found in one row of an input file.
struct RowIssue
{
    qint64 line = 0;     ///< 1-based physical line where the row starts
    int column = -1;     ///< 0-based column in the file, −1 for the whole row
    RowIssueCode code = RowIssueCode::WrongColumnCount;
    QString detail;      ///< the offending value or a short machine-oriented detail
};

QLatin1StringView rowIssueCodeKey(RowIssueCode code);

} // namespace metroeval::core
