// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaningcommands.h"
#include "clicommon.h"

#include "cleaning/cleaner.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

int runCleanCommand(const QStringList &arguments)
{
    const QString command = u"clean"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Clean the imported records of a workspace: normalise values, canonicalise manufacturers"
        " and models, check consistency. Raw values are never changed."_s);
    parser.addOptions({
        {u"workspace"_s, u"Workspace file."_s, u"W"_s},
        {u"rules"_s, u"Rules file (JSON, docs/cleaning.md) overriding the defaults."_s,
         u"R.json"_s},
        {u"accept-aliases"_s,
         u"auto: also take manufacturer merges scoring at or above the threshold; none: only"
         " stored decisions."_s,
         u"MODE"_s, u"none"_s},
        {u"user"_s, u"Name recorded in the cleaning log."_s, u"NAME"_s},
    });
    if (!parseArguments(parser, command, arguments, {u"workspace"_s}))
        return ExitUsage;
    core::cleaning::CleaningOptions options;
    const QString accept = parser.value(u"accept-aliases"_s);
    if (accept == "auto"_L1)
        options.acceptAliases = core::cleaning::AcceptAliases::Auto;
    else if (accept != "none"_L1)
        return fail(command, u"--accept-aliases must be auto or none"_s, ExitUsage);
    if (parser.isSet(u"rules"_s)) {
        QFile file(parser.value(u"rules"_s));
        if (!file.open(QIODevice::ReadOnly))
            return fail(command, u"cannot read rules "_s + file.fileName());
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject())
            return fail(command, u"rules file is not JSON: "_s + parseError.errorString());
        QString errorPath;
        options.rules = core::cleaning::RuleSet::fromJson(doc.object(), &errorPath);
        if (!errorPath.isEmpty())
            return fail(command, u"invalid rules at "_s + errorPath, ExitUsage);
    }
    options.userName = parser.isSet(u"user"_s) ? parser.value(u"user"_s)
                                               : qEnvironmentVariable("USER", u"analyst"_s);
    auto workspace = openExistingWorkspace(command, parser.value(u"workspace"_s));
    if (!workspace)
        return ExitFailure;
    ProgressPrinter progress(command);
    options.progress = [&progress](qint64 done, qint64 total) {
        progress.report(done, total);
        return true;
    };
    core::CoreError error;
    const auto summary = core::cleaning::runCleaning(*workspace, options, &error);
    if (!summary)
        return fail(command, describe(error));
    QJsonObject out = summary->toJson();
    out.insert(u"workspace"_s, workspace->path());
    out.insert(u"accept_aliases"_s, accept);
    printJson(out);
    return ExitOk;
}

} // namespace metroeval::cli
