// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace metroeval::cli {

/// \brief Runs `metroeval-cli sample`: writes a synthetic institute export with its ground truth.
///
/// \param arguments `{programName, <options after the word "sample">...}`, ready for
///        QCommandLineParser. Options: `--out DIR` (required), `--records N` (default 10000),
///        `--seed S` (default 1), `--encoding utf-8-bom|gb18030`, `--xlsx` / `--no-xlsx`,
///        `--defect-rate R`. See docs/sample-data.md.
/// \return 0 on success (one JSON object on stdout), 2 on bad input or a write failure (one line
///         `metroeval-cli sample: error: <reason>` on stderr).
int runSampleCommand(const QStringList &arguments);

} // namespace metroeval::cli
