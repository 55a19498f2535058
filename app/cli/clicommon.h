// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

class QCommandLineParser;

namespace metroeval::core {
class Workspace;
}

namespace metroeval::cli {

/// Exit codes of every command (docs/cli.md).
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// \brief Prints the command's JSON summary on stdout.
void printJson(const QJsonObject &summary);

/// \brief Prints "metroeval-cli <command>: error: <message>" on stderr and returns \a code.
int fail(const QString &command, const QString &message, int code = ExitFailure);

/// \brief One-line English description of a core error, for scripts and logs.
QString describe(const core::CoreError &error);

/// \brief Parses \a arguments ({program, options...}) and checks the required options are present;
/// on a problem prints the error and returns false.
bool parseArguments(QCommandLineParser &parser, const QString &command,
                    const QStringList &arguments, const QStringList &required);

/// \brief Opens an existing workspace (never creates one); prints the error on failure.
std::unique_ptr<core::Workspace> openExistingWorkspace(const QString &command, const QString &path);

/// \brief Prints "<command>: NN %" on stderr at most once a second, and only after the first second.
class ProgressPrinter
{
public:
    explicit ProgressPrinter(QString command);
    void report(qint64 done, qint64 total);

private:
    QString m_command;
    qint64 m_startMs;
    qint64 m_lastMs = 0;
};

} // namespace metroeval::cli
