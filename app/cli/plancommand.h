// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace metroeval::cli {

/// \brief `metroeval-cli plan save|list|export|delete`: evaluation plans kept in the workspace
/// (docs/cli.md, docs/plan-format.md).
///   plan save   --workspace W --name N [--user U] P.json
///   plan list   --workspace W
///   plan export --workspace W --name N --out P.json
///   plan delete --workspace W --name N
/// Prints one JSON object on stdout; exit codes as clicommon.h (1 also for an unknown name).
int runPlanCommand(const QStringList &arguments);

} // namespace metroeval::cli
