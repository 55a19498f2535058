// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/columnmapping.h"
#include "model/record.h"
#include "model/rowissue.h"

#include <QStringList>

#include <optional>

namespace metroeval::core {

/// \brief Turns one CSV row into a typed record, or says why the row must be quarantined.
///
/// Quarantine reasons: the column count differs from the header's; a required field is empty; the
/// verification date cannot be read; the conclusion is no known word. Optional fields that cannot be
/// typed keep their text and an empty typed value.
std::optional<RowIssue> parseRecord(const QStringList &fields, qint64 line, int headerColumns,
                                    const ColumnMapping &mapping, VerificationRecord &record);

} // namespace metroeval::core
