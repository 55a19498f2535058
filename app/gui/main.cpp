// SPDX-License-Identifier: GPL-3.0-or-later
// metroeval: the desktop workbench. Parses the command line and shows the main window.
#include "i18n/language.h"
#include "mainwindow.h"
#include "tr.h"

#include <metroeval/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"MetroEval"_s);
    QApplication::setApplicationName(u"MetroEval"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(metroeval::kVersion));
    QApplication::setFont(metroeval::ui::uiFont(QApplication::font().pointSizeF()));
    metroeval::ui::installLanguage(metroeval::ui::preferredLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(metroeval::ui::Tr::tr("MetroEval workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"workspace"_s,
                                 metroeval::ui::Tr::tr("Workspace file (*.metroeval) to open"));
    parser.process(app);

    metroeval::ui::MainWindow window;
    QString workspace = parser.positionalArguments().value(0);
    if (workspace.isEmpty()) {
        // Reopen the last workspace only if it still exists: never create one behind the user's back.
        const QString last = QSettings().value(u"workspace/last"_s).toString();
        if (QFileInfo::exists(last))
            workspace = last;
    }
    if (!workspace.isEmpty())
        window.openWorkspace(workspace);
    window.show();
    return app.exec();
}
