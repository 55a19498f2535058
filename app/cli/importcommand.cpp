// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"
#include "commands.h"

#include "io/importer.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

int runImportCommand(const QStringList &arguments)
{
    const QString command = u"import"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Import institute exports (CSV) into a workspace."_s);
    parser.addOptions({
        {u"workspace"_s, u"Workspace file; created if missing."_s, u"W"_s},
        {u"mapping"_s, u"Column mapping profile (metroeval-mapping/1 JSON)."_s, u"M.json"_s},
        {u"encoding"_s, u"auto, utf-8, gb18030 or utf-16le."_s, u"E"_s, u"auto"_s},
        {u"user"_s, u"Name recorded in the batch provenance."_s, u"NAME"_s},
    });
    parser.addPositionalArgument(u"FILE"_s, u"Export file(s) to import."_s, u"FILE..."_s);
    if (!parseArguments(parser, command, arguments, {u"workspace"_s}))
        return ExitUsage;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return fail(command, u"no input file"_s, ExitUsage);

    core::ImportOptions options;
    options.encoding = parser.value(u"encoding"_s);
    options.userName = parser.isSet(u"user"_s) ? parser.value(u"user"_s)
                                               : qEnvironmentVariable("USER", u"analyst"_s);
    if (parser.isSet(u"mapping"_s)) {
        QFile mapping(parser.value(u"mapping"_s));
        if (!mapping.open(QIODevice::ReadOnly))
            return fail(command, u"cannot read mapping "_s + mapping.fileName());
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(mapping.readAll(), &parseError);
        if (!doc.isObject())
            return fail(command, u"mapping is not JSON: "_s + parseError.errorString());
        options.mappingProfile = doc.object();
    }
    const QString workspacePath = parser.value(u"workspace"_s);
    if (!QFileInfo(QFileInfo(workspacePath).absolutePath()).isDir())
        return fail(command, u"workspace folder does not exist: "_s + workspacePath);
    core::CoreError error;
    auto workspace = core::Workspace::open(workspacePath, &error);
    if (!workspace)
        return fail(command, describe(error));

    ProgressPrinter progress(command);
    options.progress = [&progress](qint64 done, qint64 total) {
        progress.report(done, total);
        return true;
    };
    QJsonArray batches;
    qint64 totals[4] = {0, 0, 0, 0};
    for (const QString &file : files) {
        const auto summary = core::importCsvFile(*workspace, file, options, &error);
        if (!summary)
            return fail(command, describe(error));
        batches.append(summary->toJson());
        totals[0] += summary->rowsRead;
        totals[1] += summary->imported;
        totals[2] += summary->duplicates;
        totals[3] += summary->quarantined;
    }
    QJsonObject out = batches.size() == 1 ? batches.first().toObject() : QJsonObject{};
    out.insert(u"workspace"_s, workspace->path());
    out.insert(u"batches"_s, batches);
    out.insert(u"rows_read"_s, totals[0]);
    out.insert(u"imported"_s, totals[1]);
    out.insert(u"duplicates"_s, totals[2]);
    out.insert(u"quarantined"_s, totals[3]);
    printJson(out);
    return ExitOk;
}

} // namespace metroeval::cli
