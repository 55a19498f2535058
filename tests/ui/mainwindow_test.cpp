// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/qcustomplot.h"
#include "i18n/language.h"
#include "mainwindow.h"
#include "models/ratetablemodel.h"
#include "workspacedocument.h"

#include "coretestsupport.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
QString makeExport(const QTemporaryDir &dir)
{
    QByteArray bytes = exportHeader();
    for (int i = 0; i < 40; ++i)
        bytes += exportLine(u"A%1"_s.arg(i), u"宜昌长江仪表有限公司"_s, u"2024-01-05"_s,
                            i < 38 ? u"合格"_s : u"不合格"_s);
    for (int i = 0; i < 12; ++i)
        bytes += exportLine(u"B%1"_s.arg(i), u"武汉楚天仪表厂"_s, u"2024-02-05"_s,
                            i < 9 ? u"合格"_s : u"不合格"_s);
    return writeFile(dir, u"export.csv"_s, bytes);
}
} // namespace

TEST(MainWindow, ShowsTheRatesOfAnImportedWorkspaceInTableAndChart)
{
    QTemporaryDir dir;
    ui::MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    // GIVEN a new workspace WHEN an export is imported through the window
    ASSERT_TRUE(window.openWorkspace(dir.filePath(u"demo.metroeval"_s)));
    ASSERT_TRUE(window.importFile(makeExport(dir)));
    window.document()->waitForEvaluation(); // rates are computed off the UI thread
    // THEN the title names the workspace, the table has one row per manufacturer, largest first
    EXPECT_TRUE(window.windowTitle().startsWith(u"demo.metroeval"_s))
        << window.windowTitle().toStdString();
    ui::RateTableModel *model = window.rateModel();
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->data(model->index(0, ui::RateTableModel::GroupColumn)).toString(),
              u"宜昌长江仪表有限公司"_s);
    EXPECT_EQ(model->data(model->index(0, ui::RateTableModel::RateColumn)).toString(), u"95.0 %"_s);
    EXPECT_EQ(model->data(model->index(1, ui::RateTableModel::VerifiedColumn)).toLongLong(), 12);
    // AND the chart holds one bar per group (solid for 40 records, pale for the small group)
    QCustomPlot *chart = window.chart();
    int bars = 0;
    for (int i = 0; i < chart->plottableCount(); ++i) {
        if (auto *b = qobject_cast<QCPBars *>(chart->plottable(i)))
            bars += b->dataCount();
    }
    EXPECT_EQ(bars, 2);
    EXPECT_EQ(window.document()->recordCount(), 52);
}

TEST(MainWindow, ExportsAPdfOfTheCurrentResult)
{
    QTemporaryDir dir;
    ui::MainWindow window;
    ASSERT_TRUE(window.openWorkspace(dir.filePath(u"w.metroeval"_s)));
    ASSERT_TRUE(window.importFile(makeExport(dir)));
    window.document()->waitForEvaluation();
    const QString pdf = dir.filePath(u"out.pdf"_s);
    ASSERT_TRUE(window.exportPdf(pdf));
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5) == "%PDF-");
}

TEST(MainWindow, SwitchesLanguageLive)
{
    ui::MainWindow window;
    ASSERT_TRUE(ui::installLanguage(u"zh_CN"_s));
    QCoreApplication::processEvents(); // LanguageChange reaches widgets through the event loop
    EXPECT_EQ(window.menuBar()->actions().first()->text(), u"文件(&F)"_s);
    ASSERT_TRUE(ui::installLanguage(u"en"_s));
    QCoreApplication::processEvents();
    EXPECT_EQ(window.menuBar()->actions().first()->text(), u"&File"_s);
}

TEST(WorkspaceDocument, TheNewestBackgroundEvaluationWins)
{
    QTemporaryDir dir;
    ui::WorkspaceDocument document;
    core::CoreError error;
    ASSERT_TRUE(document.open(dir.filePath(u"w.metroeval"_s), &error));
    ASSERT_TRUE(document.importFile(makeExport(dir), {}, &error));
    // GIVEN a running evaluation by manufacturer, WHEN a grouping by model is asked at once
    document.evaluateInBackground(core::Field::Manufacturer);
    document.evaluateInBackground(core::Field::Model);
    document.waitForEvaluation();
    // THEN the first is cancelled or discarded and the result is the model grouping
    ASSERT_TRUE(document.result().has_value());
    EXPECT_EQ(document.result()->plan.groupBy, core::Field::Model);
    EXPECT_EQ(document.result()->groups.size(), 1u); // every gauge is a Y-100
}
