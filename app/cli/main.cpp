// SPDX-License-Identifier: GPL-3.0-or-later
// metroeval-cli: the headless twin of the workbench. Picks the command and hands over.
#include "cleaningcommands.h"
#include "clicommon.h"
#include "commands.h"
#include "plancommand.h"
#include "samplecommand.h"

#include <metroeval/version.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#ifdef METROEVAL_CLI_WITH_UI
#include <QApplication>
#endif

#include <cstdio>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace metroeval::cli;

namespace {

void printUsage()
{
    std::fputs("Usage: metroeval-cli <command> [options]\n\n"
               "Commands:\n"
               "  sample    --out DIR [--records N] [--seed S]       write sample exports\n"
               "  import    --workspace W [--mapping M.json] [--encoding auto|utf-8|gb18030] FILE...\n"
               "  evaluate  --workspace W --plan P.json|--plan-name N --out RESULT.json\n"
               "  plan      save|list|export|delete --workspace W ...  plans kept in the workspace\n"
               "  report    --workspace W --result RESULT.json --audience A --pdf OUT.pdf\n"
               "  clean     --workspace W [--rules R.json] [--accept-aliases auto|none]\n"
               "  quality   --workspace W                     data-quality report (JSON)\n\n"
               "Every command prints a JSON summary on stdout; errors go to stderr as one line.\n"
               "Run 'metroeval-cli <command> --help' for its options. See docs/cli.md.\n",
               stdout);
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, bool needsGui)
{
#ifdef METROEVAL_CLI_WITH_UI
    if (needsGui) {
        // Reports draw charts with widgets; without a display the offscreen platform serves.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Batch machines often have no session: give Qt a private runtime folder instead of a
        // warning on stderr (stderr carries only progress and errors).
#ifdef Q_OS_UNIX
        if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            const QString runtime =
                QDir::tempPath() + u"/metroeval-runtime-"_s + QString::number(::getuid());
            if (QDir().mkpath(runtime)) {
                QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner
                                                   | QFile::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
            }
        }
#endif
        return std::make_unique<QApplication>(argc, argv);
    }
#else
    Q_UNUSED(needsGui);
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const char *first = argc > 1 ? argv[1] : "";
    if (std::strcmp(first, "--version") == 0 || std::strcmp(first, "-v") == 0) {
        std::printf("metroeval-cli %s\n", metroeval::kVersion);
        return ExitOk;
    }
    if (argc < 2 || std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0) {
        printUsage();
        return argc < 2 ? ExitUsage : ExitOk;
    }
    const auto app = makeApplication(argc, argv, std::strcmp(first, "report") == 0);
    QCoreApplication::setOrganizationName(u"MetroEval"_s);
    QCoreApplication::setApplicationName(u"metroeval-cli"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(metroeval::kVersion));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.takeAt(1);
    if (command == "sample"_L1)
        return runSampleCommand(arguments);
    if (command == "import"_L1)
        return runImportCommand(arguments);
    if (command == "evaluate"_L1)
        return runEvaluateCommand(arguments);
    if (command == "plan"_L1)
        return runPlanCommand(arguments);
    if (command == "clean"_L1)
        return runCleanCommand(arguments);
    if (command == "quality"_L1)
        return runQualityCommand(arguments);
    if (command == "report"_L1) {
#ifdef METROEVAL_CLI_WITH_UI
        return runReportCommand(arguments);
#else
        return fail(command, u"this build has no report renderer (METROEVAL_BUILD_UI=OFF)"_s);
#endif
    }
    printUsage();
    return fail(command, u"unknown command"_s, ExitUsage);
}
