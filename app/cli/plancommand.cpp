// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancommand.h"

#include "clicommon.h"

#include "evaluation/planstore.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

namespace {

const QString kCommand = u"plan"_s;

QString stamp(const QDateTime &t)
{
    return t.toString(Qt::ISODateWithMs);
}

int unknownName(const QString &name)
{
    return fail(kCommand, u"no plan named \""_s + name + u"\" in the workspace"_s);
}

int save(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Validate a plan file and keep it in the workspace."_s);
    parser.addOptions({
        {u"workspace"_s, u"Workspace file."_s, u"W"_s},
        {u"name"_s, u"Name of the stored plan (replaces a plan of that name)."_s, u"N"_s},
        {u"user"_s, u"User recorded with the plan (default: $USER)."_s, u"U"_s},
    });
    parser.addPositionalArgument(u"plan"_s, u"Plan file (metroeval-plan/1 JSON)."_s, u"P.json"_s);
    if (!parseArguments(parser, kCommand, arguments, {u"workspace"_s, u"name"_s}))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return fail(kCommand, u"give exactly one plan file"_s, ExitUsage);
    const QString name = parser.value(u"name"_s);
    if (!core::isValidPlanName(name))
        return fail(kCommand, u"invalid plan name"_s, ExitUsage);
    QFile file(parser.positionalArguments().constFirst());
    if (!file.open(QIODevice::ReadOnly))
        return fail(kCommand, u"cannot read plan "_s + file.fileName());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return fail(kCommand, u"plan is not JSON: "_s + parseError.errorString());
    auto workspace = openExistingWorkspace(kCommand, parser.value(u"workspace"_s));
    if (!workspace)
        return ExitFailure;
    const QString user = parser.isSet(u"user"_s) ? parser.value(u"user"_s)
                                                 : qEnvironmentVariable("USER", u"analyst"_s);
    core::CoreError error;
    if (!core::savePlanJson(*workspace, name, doc.object(), user, &error))
        return fail(kCommand, describe(error));
    printJson({{u"action"_s, u"save"_s},
               {u"name"_s, name},
               {u"title"_s, doc.object().value(u"title"_s).toString()},
               {u"user"_s, user},
               {u"workspace"_s, QFileInfo(workspace->path()).absoluteFilePath()}});
    return ExitOk;
}

int list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List the plans kept in the workspace."_s);
    parser.addOption({u"workspace"_s, u"Workspace file."_s, u"W"_s});
    if (!parseArguments(parser, kCommand, arguments, {u"workspace"_s}))
        return ExitUsage;
    auto workspace = openExistingWorkspace(kCommand, parser.value(u"workspace"_s));
    if (!workspace)
        return ExitFailure;
    core::CoreError error;
    const auto plans = core::listPlans(*workspace, &error);
    if (!plans)
        return fail(kCommand, describe(error));
    QJsonArray rows;
    for (const core::StoredPlanInfo &p : *plans) {
        rows.append(QJsonObject{{u"name"_s, p.name},
                                {u"title"_s, p.title},
                                {u"created_at"_s, stamp(p.createdAt)},
                                {u"updated_at"_s, stamp(p.updatedAt)},
                                {u"user"_s, p.userName}});
    }
    printJson({{u"action"_s, u"list"_s}, {u"count"_s, rows.size()}, {u"plans"_s, rows}});
    return ExitOk;
}

int exportOrDelete(const QStringList &arguments, bool remove)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(remove ? u"Remove a plan from the workspace."_s
                                            : u"Write a plan kept in the workspace to a file."_s);
    parser.addOptions({{u"workspace"_s, u"Workspace file."_s, u"W"_s},
                       {u"name"_s, u"Name of the stored plan."_s, u"N"_s}});
    if (!remove)
        parser.addOption({u"out"_s, u"Plan file to write."_s, u"P.json"_s});
    QStringList required{u"workspace"_s, u"name"_s};
    if (!remove)
        required.append(u"out"_s);
    if (!parseArguments(parser, kCommand, arguments, required))
        return ExitUsage;
    auto workspace = openExistingWorkspace(kCommand, parser.value(u"workspace"_s));
    if (!workspace)
        return ExitFailure;
    const QString name = parser.value(u"name"_s);
    core::CoreError error;
    if (remove) {
        if (!core::deletePlan(*workspace, name, &error))
            return error ? fail(kCommand, describe(error)) : unknownName(name);
        printJson({{u"action"_s, u"delete"_s}, {u"name"_s, name}, {u"deleted"_s, true}});
        return ExitOk;
    }
    const auto plan = core::loadStoredPlan(*workspace, name, &error);
    if (!plan)
        return error ? fail(kCommand, describe(error)) : unknownName(name);
    const QString out = parser.value(u"out"_s);
    if (!core::savePlanFile(*plan, out, &error))
        return fail(kCommand, describe(error));
    printJson({{u"action"_s, u"export"_s},
               {u"name"_s, name},
               {u"title"_s, plan->title},
               {u"out"_s, QFileInfo(out).absoluteFilePath()}});
    return ExitOk;
}

} // namespace

int runPlanCommand(const QStringList &arguments)
{
    // {program, action, options...}: the action picks the parser.
    if (arguments.size() < 2 || arguments.at(1).startsWith(u'-')) {
        if (arguments.size() >= 2
            && (arguments.at(1) == "--help"_L1 || arguments.at(1) == "-h"_L1)) {
            std::fputs("Usage: metroeval-cli plan save|list|export|delete [options]\n"
                       "  save   --workspace W --name N [--user U] P.json\n"
                       "  list   --workspace W\n"
                       "  export --workspace W --name N --out P.json\n"
                       "  delete --workspace W --name N\n",
                       stdout);
            return ExitOk;
        }
        return fail(kCommand, u"missing action: save, list, export or delete"_s, ExitUsage);
    }
    QStringList rest = arguments;
    const QString action = rest.takeAt(1);
    if (action == "save"_L1)
        return save(rest);
    if (action == "list"_L1)
        return list(rest);
    if (action == "export"_L1)
        return exportOrDelete(rest, false);
    if (action == "delete"_L1)
        return exportOrDelete(rest, true);
    return fail(kCommand, u"unknown action "_s + action, ExitUsage);
}

} // namespace metroeval::cli
