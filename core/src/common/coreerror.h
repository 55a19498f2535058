// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>

namespace metroeval::core {

/// \brief Why an operation failed as a whole. Data, not a sentence: app/ and ui/ word it.
enum class ErrorCode {
    None,
    FileNotFound,
    FileUnreadable,
    FileUnwritable,
    UnknownEncoding,
    EmptyFile,
    MissingRequiredColumns,
    InvalidMapping,
    DatabaseError,
    SchemaTooNew,
    Cancelled,
    InvalidPlan,
    InvalidResult,
    NoData,
};

struct CoreError
{
    ErrorCode code = ErrorCode::None;
    QString detail; ///< the file, field path, column names or driver message concerned

    explicit operator bool() const { return code != ErrorCode::None; }
};

QLatin1StringView errorCodeKey(ErrorCode code);

} // namespace metroeval::core
