// SPDX-License-Identifier: GPL-3.0-or-later
// Alias review of model spellings, the cleaning log's reverts and the document's undo stack
// (issue 5), offscreen.
#include "cleaning/aliasreviewwidget.h"
#include "cleaning/aliassuggestionmodel.h"
#include "cleaning/cleaner.h"
#include "cleaning/cleaninglogmodel.h"
#include "cleaning/cleaninglogwidget.h"
#include "mainwindow.h"
#include "storage/workspace.h"
#include "workbenchdocks.h"
#include "workspacedocument.h"

#include "coretestsupport.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {

const QString kYichang = u"宜昌长江仪表有限公司"_s;

/// Ten Y-100 and two Y100 of one manufacturer, three of another.
QString makeExport(const QTemporaryDir &dir)
{
    QByteArray bytes = exportHeader();
    for (int i = 0; i < 12; ++i) {
        QByteArray line = exportLine(u"A%1"_s.arg(i), kYichang, u"2024-01-05"_s, u"合格"_s);
        if (i >= 10)
            line.replace(",Y-100,", ",Y100,");
        bytes += line;
    }
    for (int i = 0; i < 3; ++i)
        bytes += exportLine(u"B%1"_s.arg(i), u"武汉楚天仪表厂"_s, u"2024-02-05"_s, u"合格"_s);
    return writeFile(dir, u"export.csv"_s, bytes);
}

/// Opens \a path in \a document, imports the export and cleans it once (as the CLI would).
void prepare(ui::WorkspaceDocument &document, const QTemporaryDir &dir, const QString &name)
{
    core::CoreError error;
    ASSERT_TRUE(document.open(dir.filePath(name), &error));
    ASSERT_TRUE(document.importFile(makeExport(dir), {}, &error));
    core::cleaning::CleaningOptions options;
    options.acceptAliases = core::cleaning::AcceptAliases::Auto;
    ASSERT_TRUE(core::cleaning::runCleaning(*document.workspace(), options, &error))
        << int(error.code) << " " << error.detail.toStdString();
    document.waitForEvaluation();
}

qint64 countModel(ui::WorkspaceDocument &document, const QString &model)
{
    QSqlQuery q(document.workspace()->database());
    q.prepare(u"SELECT COUNT(*) FROM record_effective WHERE model = ?"_s);
    q.addBindValue(model);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

QString cell(QAbstractItemModel *model, int row, int column)
{
    return model->data(model->index(row, column)).toString();
}

} // namespace

TEST(AliasReview, ModelSpellingsAreReviewedInTheirOwnTab)
{
    QTemporaryDir dir;
    ui::WorkspaceDocument document;
    prepare(document, dir, u"w.metroeval"_s);
    ui::AliasReviewWidget review(&document, nullptr);
    // GIVEN the Models tab: Y100 → Y-100 within 宜昌长江仪表有限公司, with evidence
    review.setKind(ui::AliasReviewWidget::Models);
    ui::AliasSuggestionModel *model = review.model();
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(cell(model, 0, ui::AliasSuggestionModel::Scope), kYichang);
    EXPECT_EQ(cell(model, 0, ui::AliasSuggestionModel::Alias), u"Y100"_s);
    EXPECT_EQ(cell(model, 0, ui::AliasSuggestionModel::Canonical), u"Y-100"_s);
    EXPECT_FALSE(review.table()->isColumnHidden(ui::AliasSuggestionModel::Scope));
    review.table()->selectRow(0);
    const QString evidence = review.evidence()->toPlainText();
    EXPECT_TRUE(evidence.contains(u"10"_s) && evidence.contains(u"12"_s))
        << evidence.toStdString();
    EXPECT_EQ(countModel(document, u"Y-100"_s), 15); // merged automatically until decided
    // WHEN the merge is rejected THEN the row says so, and Undo/Redo on the document's stack
    review.decide(false);
    EXPECT_EQ(cell(model, 0, ui::AliasSuggestionModel::Status), u"rejected"_s);
    ASSERT_EQ(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    EXPECT_EQ(cell(model, 0, ui::AliasSuggestionModel::Status), u"pending"_s);
    document.undoStack()->redo();
    EXPECT_EQ(cell(model, 0, ui::AliasSuggestionModel::Status), u"rejected"_s);
    // AND applying in the background keeps the spelling
    document.applyCleaningInBackground();
    document.waitForCleaning();
    EXPECT_EQ(countModel(document, u"Y100"_s), 2);
    // WHEN the target is edited instead and applied
    review.table()->selectRow(0);
    review.decide(true, u"Y-100A"_s);
    document.applyCleaningInBackground();
    document.waitForCleaning();
    EXPECT_EQ(countModel(document, u"Y-100A"_s), 2);
    EXPECT_EQ(cell(model, 0, ui::AliasSuggestionModel::Status), u"accepted"_s);
    // AND the Manufacturers tab lists no model rows
    review.setKind(ui::AliasReviewWidget::Manufacturers);
    for (int r = 0; r < model->rowCount(); ++r)
        EXPECT_EQ(model->at(r)->suggestion.kind, u"manufacturer"_s);
    EXPECT_TRUE(review.table()->isColumnHidden(ui::AliasSuggestionModel::Scope));
}

TEST(CleaningLog, RevertsTakeEffectAtOnceAndUndo)
{
    QTemporaryDir dir;
    ui::WorkspaceDocument document;
    prepare(document, dir, u"w.metroeval"_s);
    ui::CleaningLogWidget log(&document, nullptr);
    // "All rules" lists every entry of the latest run
    QSqlQuery all(u"SELECT COUNT(*) FROM cleaning_log WHERE run_id = 1"_s,
                  document.workspace()->database());
    ASSERT_TRUE(all.next());
    ASSERT_GE(all.value(0).toInt(), 1);
    EXPECT_EQ(log.model()->rowCount(), all.value(0).toInt());
    all.finish(); // an open statement would hold a read lock against the background write
    log.setRuleFilter(u"model_canonical"_s);
    ui::CleaningLogModel *model = log.model();
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(cell(model, 0, ui::CleaningLogModel::Before), u"Y100"_s);
    EXPECT_EQ(model->data(model->index(0, ui::CleaningLogModel::Records)).toLongLong(), 2);
    // WHEN the entry is reverted THEN the cleaning runs again at once: the raw spelling is back
    log.table()->selectRow(0);
    log.revertEntry();
    ASSERT_TRUE(document.isCleaning());
    document.waitForCleaning();
    EXPECT_EQ(countModel(document, u"Y100"_s), 2);
    EXPECT_EQ(model->rowCount(), 0); // the new run made no such change
    // AND Undo brings the change back, again at once
    ASSERT_EQ(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    document.waitForCleaning();
    EXPECT_EQ(countModel(document, u"Y100"_s), 0);
    ASSERT_EQ(model->rowCount(), 1);
    // WHEN the whole rule is reverted (the undone entry command is replaced on the stack)
    log.table()->selectRow(0);
    log.revertRule();
    document.waitForCleaning();
    EXPECT_EQ(countModel(document, u"Y100"_s), 2);
    EXPECT_EQ(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    document.waitForCleaning();
    EXPECT_EQ(countModel(document, u"Y100"_s), 0);
    document.waitForEvaluation();
}

TEST(MainWindow, EditMenuUndoBelongsToTheOpenWorkspace)
{
    QTemporaryDir dir;
    ui::MainWindow window;
    prepare(*window.document(), dir, u"a.metroeval"_s);
    QMenu *edit = window.menuBar()->actions().at(1)->menu();
    ASSERT_TRUE(edit);
    QAction *undo = edit->actions().at(0);
    EXPECT_FALSE(undo->isEnabled());
    // GIVEN a decision in the review panel
    ui::AliasReviewWidget *review = window.docks()->aliasReview();
    review->setKind(ui::AliasReviewWidget::Models);
    review->table()->selectRow(0);
    review->decide(false);
    // THEN the Edit menu can undo it
    EXPECT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_EQ(cell(review->model(), 0, ui::AliasSuggestionModel::Status), u"pending"_s);
    review->table()->selectRow(0);
    review->decide(true);
    EXPECT_TRUE(undo->isEnabled());
    // WHEN another workspace opens THEN the stack is empty
    ASSERT_TRUE(window.openWorkspace(dir.filePath(u"b.metroeval"_s)));
    EXPECT_EQ(window.document()->undoStack()->count(), 0);
    EXPECT_FALSE(undo->isEnabled());
    window.document()->waitForEvaluation();
}

TEST(WorkspaceDocument, AnEvaluationAskedDuringCleaningWaitsAndKeepsItsGrouping)
{
    QTemporaryDir dir;
    ui::WorkspaceDocument document;
    prepare(document, dir, u"w.metroeval"_s);
    // GIVEN a cleaning running in the background WHEN the rates by model are asked
    document.applyCleaningInBackground();
    ASSERT_TRUE(document.isCleaning());
    document.evaluateInBackground(core::Field::Model);
    // THEN the evaluation waits for the cleaning's write, and runs with that grouping after it
    EXPECT_FALSE(document.isEvaluating());
    document.waitForCleaning();
    document.waitForEvaluation();
    ASSERT_TRUE(document.result().has_value());
    EXPECT_EQ(document.result()->plan.groupBy, core::Field::Model);
}
