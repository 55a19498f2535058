// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace metroeval::cli {

/// \brief `metroeval-cli clean --workspace W [--rules R.json] [--accept-aliases auto|none]`:
/// applies the cleaning rules and prints a JSON summary of the changes by rule (docs/cleaning.md).
int runCleanCommand(const QStringList &arguments);

/// \brief `metroeval-cli quality --workspace W`: prints the data-quality report as JSON
/// (docs/quality-report.md).
int runQualityCommand(const QStringList &arguments);

} // namespace metroeval::cli
