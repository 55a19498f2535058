// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"
#include "commands.h"

#include "i18n/language.h"
#include "report/pdfreportwriter.h"
#include "report/reportmodel.h"
#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

int runReportCommand(const QStringList &arguments)
{
    const QString command = u"report"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Render an evaluation result as a PDF report."_s);
    parser.addOptions({
        {u"workspace"_s, u"Workspace file."_s, u"W"_s},
        {u"result"_s, u"Result file written by evaluate."_s, u"RESULT.json"_s},
        {u"audience"_s, u"regulator, manufacturer, user or internal."_s, u"A"_s, u"internal"_s},
        {u"pdf"_s, u"PDF file to write."_s, u"OUT.pdf"_s},
        {u"language"_s, u"Report language: zh_CN (default) or en."_s, u"L"_s, u"zh_CN"_s},
    });
    if (!parseArguments(parser, command, arguments, {u"workspace"_s, u"result"_s, u"pdf"_s}))
        return ExitUsage;
    const auto audience = core::audienceFromKey(parser.value(u"audience"_s));
    if (!audience)
        return fail(command, u"unknown audience "_s + parser.value(u"audience"_s), ExitUsage);
    const QString language = parser.value(u"language"_s);
    if (language != "zh_CN"_L1 && language != "en"_L1)
        return fail(command, u"unknown language "_s + language, ExitUsage);

    QFile resultFile(parser.value(u"result"_s));
    if (!resultFile.open(QIODevice::ReadOnly))
        return fail(command, u"cannot read result "_s + resultFile.fileName());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(resultFile.readAll(), &parseError);
    if (!doc.isObject())
        return fail(command, u"result is not JSON: "_s + parseError.errorString());
    core::CoreError error;
    const auto result = core::EvaluationResult::fromJson(doc.object(), &error);
    if (!result)
        return fail(command, describe(error));
    auto workspace = openExistingWorkspace(command, parser.value(u"workspace"_s));
    if (!workspace)
        return ExitFailure;

    ui::installLanguage(language);
    core::ReportModel model = core::buildReportModel(*result, *audience);
    if (!core::attachQualitySection(model, *workspace, &error))
        return fail(command, describe(error));
    const QString pdfPath = parser.value(u"pdf"_s);
    QString detail;
    if (!ui::writePdfReport(model, pdfPath, &detail))
        return fail(command, u"cannot write "_s + pdfPath + u": "_s + detail);

    QFile pdf(pdfPath);
    pdf.open(QIODevice::ReadOnly);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&pdf);
    printJson({
        {u"pdf"_s, QFileInfo(pdfPath).absoluteFilePath()},
        {u"bytes"_s, pdf.size()},
        {u"sha256"_s, QString::fromLatin1(hash.result().toHex())},
        {u"audience"_s, QString(core::audienceKey(*audience))},
        {u"language"_s, language},
        {u"highest_level"_s, int(model.highestLevel)},
        {u"rows"_s, qint64(model.rows.size())},
    });
    return ExitOk;
}

} // namespace metroeval::cli
