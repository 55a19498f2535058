// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/field.h"

#include <QDate>
#include <QString>

#include <array>
#include <limits>
#include <optional>

namespace metroeval::core {

/// \brief One verification event as imported: the raw text of every canonical field (never
/// altered) and the typed values parsed from it.
struct VerificationRecord
{
    qint64 id = 0;
    qint64 batchId = 0;
    qint64 sourceLine = 0;
    std::array<QString, kFieldCount> raw;

    QDate verificationDate;
    QDate dueDate;
    QDate manufactureDate;
    std::optional<bool> passed;
    double maxError = std::numeric_limits<double>::quiet_NaN();
    double mpe = std::numeric_limits<double>::quiet_NaN();

    const QString &text(Field field) const { return raw[static_cast<std::size_t>(field)]; }
    QString &text(Field field) { return raw[static_cast<std::size_t>(field)]; }
};

} // namespace metroeval::core
