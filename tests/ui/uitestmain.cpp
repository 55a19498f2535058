// SPDX-License-Identifier: GPL-3.0-or-later
// GoogleTest main for widget tests: one QApplication on the offscreen platform, English texts, and
// a private settings location so that no test reads or writes the user's settings.
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MetroEvalTest"));
    QApplication::setApplicationName(QStringLiteral("ui_test"));
    QSettings().clear();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
