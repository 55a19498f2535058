// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace metroeval::cli {

// Each command takes {program, options after the command word} and returns the exit code.
int runImportCommand(const QStringList &arguments);
int runEvaluateCommand(const QStringList &arguments);
int runReportCommand(const QStringList &arguments);

} // namespace metroeval::cli
