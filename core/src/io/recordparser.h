// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/columnmapping.h"
#include "io/valueparser.h"
#include "model/record.h"
#include "model/rowissue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace metroeval::core {

/// \brief Typed extras of one record beyond VerificationRecord: the unit its error values were
/// converted to, the failed items as a list, and the optional values that could not be typed
/// (kept as raw text, flagged, never dropped).
struct RecordExtras
{
    QLatin1StringView valueUnit; ///< canonical unit of maxError and mpe ("MPa", "%LEL", "kg")
    QStringList failedItems;
    QList<RowIssue> flags; ///< optional fields whose text could not be typed

    /// "code:field_key;code:field_key" as stored in record.flags.
    QString flagsText() const;
};

/// \brief How cells are to be read: Excel serials in 1900 or 1904 system.
struct ParseContext
{
    DateSystem dateSystem = DateSystem::Excel1900;
};

/// \brief Turns one row into a typed record, or says why the row must be quarantined.
///
/// Quarantine reasons: the column count differs from the header's; a required field is empty; the
/// verification date cannot be read; the conclusion is no known word. Optional fields that cannot be
/// typed (due date, manufacture date, max error, MPE) keep their text and are listed in
/// \a extras.flags. Error values are converted to the canonical unit of their quantity; a value
/// without unit text takes the unit of the measuring range (the sample export writes 最大示值误差
/// so).
std::optional<RowIssue> parseRecord(const QStringList &fields, qint64 line, int headerColumns,
                                    const ColumnMapping &mapping, const ParseContext &context,
                                    VerificationRecord &record, RecordExtras &extras);

/// \brief As above without extras, in the 1900 date system.
std::optional<RowIssue> parseRecord(const QStringList &fields, qint64 line, int headerColumns,
                                    const ColumnMapping &mapping, VerificationRecord &record);

} // namespace metroeval::core
