// SPDX-License-Identifier: GPL-3.0-or-later
// GoogleTest main for the import wizard tests: one QApplication on the offscreen platform and a
// private settings location.
#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MetroEvalTest"));
    QApplication::setApplicationName(QStringLiteral("import_ui_test"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
