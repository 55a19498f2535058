// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaningcommands.h"
#include "clicommon.h"

#include "cleaning/qualityreport.h"
#include "storage/workspace.h"

#include <QCommandLineParser>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

int runQualityCommand(const QStringList &arguments)
{
    const QString command = u"quality"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Print the data-quality report of a workspace (GB/T 36344 dimensions) as JSON."_s);
    parser.addOptions({{u"workspace"_s, u"Workspace file."_s, u"W"_s}});
    if (!parseArguments(parser, command, arguments, {u"workspace"_s}))
        return ExitUsage;
    auto workspace = openExistingWorkspace(command, parser.value(u"workspace"_s));
    if (!workspace)
        return ExitFailure;
    core::CoreError error;
    const auto report = core::cleaning::computeQualityReport(*workspace, &error);
    if (!report)
        return fail(command, describe(error));
    QJsonObject out = report->toJson();
    out.insert(u"workspace"_s, workspace->path());
    printJson(out);
    return ExitOk;
}

} // namespace metroeval::cli
