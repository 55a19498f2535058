// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommon.h"

#include "storage/workspace.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace metroeval::cli {

using namespace Qt::StringLiterals;

void printJson(const QJsonObject &summary)
{
    const QByteArray bytes = QJsonDocument(summary).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString &command, const QString &message, int code)
{
    const QByteArray line = (u"metroeval-cli "_s + command + u": error: "_s + message).toUtf8();
    std::fprintf(stderr, "%s\n", line.constData());
    return code;
}

QString describe(const core::CoreError &error)
{
    using core::ErrorCode;
    const QString &d = error.detail;
    switch (error.code) {
    case ErrorCode::None: return {};
    case ErrorCode::FileNotFound: return u"file not found: "_s + d;
    case ErrorCode::FileUnreadable: return u"cannot read "_s + d;
    case ErrorCode::FileUnwritable: return u"cannot write "_s + d;
    case ErrorCode::UnknownEncoding: return u"unknown encoding "_s + d;
    case ErrorCode::EmptyFile: return u"no header row in "_s + d;
    case ErrorCode::MissingRequiredColumns: return u"required columns missing: "_s + d;
    case ErrorCode::InvalidMapping: return u"invalid mapping at "_s + d;
    case ErrorCode::DatabaseError: return u"workspace database error: "_s + d;
    case ErrorCode::SchemaTooNew: return u"workspace schema "_s + d + u" is newer than this build"_s;
    case ErrorCode::Cancelled: return u"cancelled; workspace unchanged"_s;
    case ErrorCode::InvalidPlan: return u"invalid plan at "_s + d;
    case ErrorCode::InvalidResult: return u"invalid result file at "_s + d;
    case ErrorCode::NoData: return u"no records in the scope of the plan"_s;
    }
    return d;
}

bool parseArguments(QCommandLineParser &parser, const QString &command,
                    const QStringList &arguments, const QStringList &required)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        fail(command, parser.errorText(), ExitUsage);
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        std::exit(ExitOk);
    }
    for (const QString &option : required) {
        if (parser.value(option).isEmpty()) {
            fail(command, u"missing --"_s + option, ExitUsage);
            return false;
        }
    }
    return true;
}

std::unique_ptr<core::Workspace> openExistingWorkspace(const QString &command, const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        fail(command, u"workspace not found: "_s + path);
        return nullptr;
    }
    core::CoreError error;
    auto workspace = core::Workspace::open(path, &error);
    if (!workspace)
        fail(command, describe(error));
    return workspace;
}

ProgressPrinter::ProgressPrinter(QString command)
    : m_command(std::move(command))
    , m_startMs(QDateTime::currentMSecsSinceEpoch())
{}

void ProgressPrinter::report(qint64 done, qint64 total)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_startMs < 1000 || now - m_lastMs < 1000 || total <= 0)
        return;
    m_lastMs = now;
    std::fprintf(stderr, "%s: %lld %%\n", qPrintable(m_command),
                 static_cast<long long>(100 * done / total));
}

} // namespace metroeval::cli
