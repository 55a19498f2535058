// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/coreerror.h"

namespace metroeval::core {

using namespace Qt::StringLiterals;

QLatin1StringView errorCodeKey(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None: return "none"_L1;
    case ErrorCode::FileNotFound: return "file_not_found"_L1;
    case ErrorCode::FileUnreadable: return "file_unreadable"_L1;
    case ErrorCode::FileUnwritable: return "file_unwritable"_L1;
    case ErrorCode::UnknownEncoding: return "unknown_encoding"_L1;
    case ErrorCode::EmptyFile: return "empty_file"_L1;
    case ErrorCode::MissingRequiredColumns: return "missing_required_columns"_L1;
    case ErrorCode::InvalidMapping: return "invalid_mapping"_L1;
    case ErrorCode::DatabaseError: return "database_error"_L1;
    case ErrorCode::SchemaTooNew: return "schema_too_new"_L1;
    case ErrorCode::Cancelled: return "cancelled"_L1;
    case ErrorCode::InvalidPlan: return "invalid_plan"_L1;
    case ErrorCode::InvalidResult: return "invalid_result"_L1;
    case ErrorCode::NoData: return "no_data"_L1;
    }
    return "unknown"_L1;
}

} // namespace metroeval::core
