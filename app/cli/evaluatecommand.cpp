// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"
#include "commands.h"

#include "evaluation/evaluator.h"
#include "evaluation/planstore.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <optional>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

int runEvaluateCommand(const QStringList &arguments)
{
    const QString command = u"evaluate"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Run an evaluation plan and write the result JSON."_s);
    parser.addOptions({
        {u"workspace"_s, u"Workspace file."_s, u"W"_s},
        {u"plan"_s, u"Evaluation plan (metroeval-plan/1 JSON)."_s, u"P.json"_s},
        {u"plan-name"_s, u"Name of a plan kept in the workspace (instead of --plan)."_s, u"N"_s},
        {u"out"_s, u"Result file to write (metroeval-result/1 JSON)."_s, u"RESULT.json"_s},
    });
    if (!parseArguments(parser, command, arguments, {u"workspace"_s, u"out"_s}))
        return ExitUsage;
    if (parser.isSet(u"plan"_s) == parser.isSet(u"plan-name"_s))
        return fail(command, u"give either --plan or --plan-name"_s, ExitUsage);

    core::CoreError error;
    std::optional<core::EvaluationPlan> plan;
    if (parser.isSet(u"plan"_s)) {
        QFile planFile(parser.value(u"plan"_s));
        if (!planFile.open(QIODevice::ReadOnly))
            return fail(command, u"cannot read plan "_s + planFile.fileName());
        QJsonParseError parseError;
        const QJsonDocument planDoc = QJsonDocument::fromJson(planFile.readAll(), &parseError);
        if (!planDoc.isObject())
            return fail(command, u"plan is not JSON: "_s + parseError.errorString());
        plan = core::EvaluationPlan::fromJson(planDoc.object(), &error);
        if (!plan)
            return fail(command, describe(error));
    }

    auto workspace = openExistingWorkspace(command, parser.value(u"workspace"_s));
    if (!workspace)
        return ExitFailure;
    if (!plan) {
        const QString name = parser.value(u"plan-name"_s);
        plan = core::loadStoredPlan(*workspace, name, &error);
        if (!plan) {
            return error ? fail(command, describe(error))
                         : fail(command, u"no plan named \""_s + name + u"\" in the workspace"_s);
        }
    }
    ProgressPrinter progress(command);
    core::EvaluateOptions options;
    options.progress = [&progress](int percent) {
        progress.report(percent, 100);
        return true;
    };
    const auto result = core::evaluate(*workspace, *plan, options, &error);
    if (!result)
        return fail(command, describe(error));

    QSaveFile out(parser.value(u"out"_s));
    if (!out.open(QIODevice::WriteOnly))
        return fail(command, u"cannot write "_s + out.fileName());
    out.write(QJsonDocument(result->toJson()).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return fail(command, u"cannot write "_s + out.fileName());
    const qint64 resultId = core::saveResult(*workspace, *result, &error);
    if (resultId == 0)
        return fail(command, describe(error));

    printJson({
        {u"result"_s, QFileInfo(out.fileName()).absoluteFilePath()},
        {u"result_id"_s, resultId},
        {u"records_in_scope"_s, result->recordsInScope},
        {u"groups"_s, qint64(result->groups.size())},
        {u"periods"_s, qint64(result->periods.size())},
        {u"alarms"_s, qint64(result->alarms.size())},
        {u"limitations"_s, qint64(result->validation.value(u"limitations"_s).toArray().size())},
        {u"data_fingerprint"_s, result->dataFingerprint},
        {u"software_version"_s, result->softwareVersion},
        {u"elapsed_ms"_s, result->elapsedMs},
        {u"timings_ms"_s, result->stageTimings},
    });
    return ExitOk;
}

} // namespace metroeval::cli
