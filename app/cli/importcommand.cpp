// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"
#include "commands.h"

#include "io/importer.h"
#include "io/mappingprofiles.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

int runImportCommand(const QStringList &arguments)
{
    const QString command = u"import"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Import institute exports (CSV or XLSX) into a workspace. Prints one JSON object."_s);
    parser.addOptions({
        {u"workspace"_s, u"Workspace file; created if missing."_s, u"W"_s},
        {u"mapping"_s, u"Column mapping profile file (metroeval-mapping/1 JSON)."_s, u"M.json"_s},
        {u"profile"_s, u"Named mapping profile saved in the workspace."_s, u"NAME"_s},
        {u"save-profile"_s, u"Save the mapping used under this name in the workspace."_s,
         u"NAME"_s},
        {u"encoding"_s, u"auto, utf-8, gb18030, utf-16le or utf-16be (CSV)."_s, u"E"_s,
         u"auto"_s},
        {u"delimiter"_s, u"CSV delimiter: , ; tab or | (default: detect)."_s, u"C"_s},
        {u"sheet"_s, u"XLSX sheet name (default: the first sheet)."_s, u"NAME"_s},
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
    options.sheet = parser.value(u"sheet"_s);
    if (parser.isSet(u"delimiter"_s)) {
        const QString d = parser.value(u"delimiter"_s);
        if (d == "tab"_L1 || d == "\\t"_L1)
            options.delimiter = u'\t';
        else if (d.size() == 1)
            options.delimiter = d.front();
        else
            return fail(command, u"delimiter must be one character or 'tab'"_s, ExitUsage);
    }
    options.userName = parser.isSet(u"user"_s) ? parser.value(u"user"_s)
                                               : qEnvironmentVariable("USER", u"analyst"_s);
    core::CoreError error;
    if (parser.isSet(u"mapping"_s)) {
        const auto profile = core::readMappingProfileFile(parser.value(u"mapping"_s), &error);
        if (!profile)
            return fail(command, u"mapping "_s + parser.value(u"mapping"_s) + u": "_s
                                     + describe(error));
        options.mappingProfile = *profile;
        options.mappingProfileName = profile->value("name"_L1).toString();
    }
    const QString workspacePath = parser.value(u"workspace"_s);
    if (!QFileInfo(QFileInfo(workspacePath).absolutePath()).isDir())
        return fail(command, u"workspace folder does not exist: "_s + workspacePath);
    auto workspace = core::Workspace::open(workspacePath, &error);
    if (!workspace)
        return fail(command, describe(error));
    if (parser.isSet(u"profile"_s)) {
        const QString name = parser.value(u"profile"_s);
        const auto profile = core::loadMappingProfile(workspace->database(), name);
        if (!profile)
            return fail(command, u"no mapping profile named "_s + name + u" in the workspace"_s);
        options.mappingProfile = *profile;
        options.mappingProfileName = name;
    }

    ProgressPrinter progress(command);
    options.progress = [&progress](qint64 done, qint64 total) {
        progress.report(done, total);
        return true;
    };
    QJsonArray batches;
    QJsonArray batchIds;
    QJsonObject reasons;
    qint64 totals[5] = {0, 0, 0, 0, 0};
    QJsonObject lastMapping;
    for (const QString &file : files) {
        const auto summary = core::importFile(*workspace, file, options, &error);
        if (!summary)
            return fail(command, file + u": "_s + describe(error));
        batches.append(summary->toJson());
        batchIds.append(summary->batchId);
        totals[0] += summary->rowsRead;
        totals[1] += summary->imported;
        totals[2] += summary->duplicates;
        totals[3] += summary->quarantined;
        totals[4] += summary->newVersions;
        for (auto it = summary->quarantineReasons.begin(); it != summary->quarantineReasons.end();
             ++it)
            reasons.insert(it.key(), reasons.value(it.key()).toInteger() + it.value());
        lastMapping = summary->mappingProfile;
    }
    if (parser.isSet(u"save-profile"_s)
        && !core::saveMappingProfile(workspace->database(), parser.value(u"save-profile"_s),
                                     lastMapping, &error))
        return fail(command, describe(error));
    QJsonObject out = batches.size() == 1 ? batches.first().toObject() : QJsonObject{};
    out.insert(u"workspace"_s, workspace->path());
    out.insert(u"batches"_s, batches);
    out.insert(u"batch_ids"_s, batchIds);
    out.insert(u"batch_id"_s, batchIds.last());
    out.insert(u"rows_read"_s, totals[0]);
    out.insert(u"imported"_s, totals[1]);
    out.insert(u"duplicates"_s, totals[2]);
    out.insert(u"quarantined"_s, totals[3]);
    out.insert(u"new_versions"_s, totals[4]);
    out.insert(u"quarantine_reasons"_s, reasons);
    printJson(out);
    return ExitOk;
}

} // namespace metroeval::cli
