// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "charts/ratechart.h"
#include "i18n/labels.h"
#include "import/importwizard.h"
#include "i18n/language.h"
#include "models/ratetablemodel.h"
#include "report/pdfreportwriter.h"
#include "tr.h"
#include "workbenchdocks.h"
#include "workspacedocument.h"

#include <metroeval/version.h>

#include "charts/qcustomplot.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace metroeval::ui {

using namespace Qt::StringLiterals;
using core::Field;

namespace {
constexpr Field kGroupings[] = {Field::Manufacturer, Field::Model, Field::Category,
                                Field::District, Field::Industry, Field::AccuracyClass};
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new WorkspaceDocument(this))
    , m_model(new RateTableModel(this))
    , m_sortModel(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
    , m_chart(new QCustomPlot)
    , m_splitter(new QSplitter(Qt::Vertical))
    , m_groupBy(new QComboBox)
    , m_groupByLabel(new QLabel)
    , m_status(new QLabel)
    , m_progress(new QProgressBar)
    , m_cancelEvaluation(new QToolButton)
{
    setObjectName(u"MainWindow"_s);
    setAcceptDrops(true);
    m_sortModel->setSourceModel(m_model);
    m_sortModel->setSortRole(Qt::UserRole);
    m_table->setModel(m_sortModel);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RateTableModel::VerifiedColumn, Qt::DescendingOrder); // as the chart
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(RateTableModel::GroupColumn,
                                                      QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_chart->setMinimumHeight(220);
    m_splitter->addWidget(m_chart);
    m_splitter->addWidget(m_table);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    setCentralWidget(m_splitter);
    statusBar()->addWidget(m_status, 1);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancelEvaluation->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelEvaluation);

    m_docks = new WorkbenchDocks(this, m_document);
    createActions();
    createMenus();
    auto *toolbar = addToolBar(u"main"_s);
    toolbar->setObjectName(u"MainToolBar"_s);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_importAction);
    toolbar->addAction(m_exportAction);
    toolbar->addSeparator();
    toolbar->addWidget(m_groupByLabel);
    toolbar->addWidget(m_groupBy);
    connect(m_groupBy, &QComboBox::activated, this,
            [this](int index) { m_document->evaluateInBackground(kGroupings[index]); });
    connect(m_document, &WorkspaceDocument::evaluationStarted, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
        m_cancelEvaluation->show();
    });
    connect(m_document, &WorkspaceDocument::evaluationProgress, m_progress, &QProgressBar::setValue);
    connect(m_document, &WorkspaceDocument::evaluationFailed, this,
            [this](const core::CoreError &error) {
                if (error.code != core::ErrorCode::NoData && error.code != core::ErrorCode::Cancelled)
                    showError(errorMessage(error));
                else if (error.code == core::ErrorCode::Cancelled)
                    statusBar()->showMessage(errorMessage(error), 8000);
            });
    for (auto signal : {&WorkspaceDocument::resultChanged, &WorkspaceDocument::workspaceChanged})
        connect(m_document, signal, this, [this] {
            if (!m_document->isEvaluating()) {
                m_progress->hide();
                m_cancelEvaluation->hide();
            }
        });
    connect(m_document, &WorkspaceDocument::cleaningFailed, this,
            [this](const core::CoreError &error) { showError(errorMessage(error)); });
    connect(m_document, &WorkspaceDocument::evaluationFailed, m_progress, &QWidget::hide);
    connect(m_document, &WorkspaceDocument::evaluationFailed, m_cancelEvaluation, &QWidget::hide);
    connect(m_cancelEvaluation, &QToolButton::clicked, m_document,
            &WorkspaceDocument::cancelEvaluation);
    connect(m_document, &WorkspaceDocument::workspaceChanged, this, &MainWindow::updateTitle);
    connect(m_document, &WorkspaceDocument::resultChanged, this, &MainWindow::refreshResult);

    retranslate();
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    if (!settings.contains(u"window/geometry"_s)) {
        resize(1200, 820);
        m_docks->applyDefaultSize();
    }
    updateTitle();
    refreshResult();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newAction = new QAction(this);
    m_newAction->setShortcut(QKeySequence::New);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newWorkspaceDialog);
    m_openAction = new QAction(this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWorkspaceDialog);
    m_importAction = new QAction(this);
    m_importAction->setShortcut(Qt::CTRL | Qt::Key_I);
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importDialog);
    m_exportAction = new QAction(this);
    m_exportAction->setShortcut(Qt::CTRL | Qt::Key_P);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportPdfDialog);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    auto *languages = new QActionGroup(this);
    m_chineseAction = new QAction(u"中文"_s, languages);
    m_englishAction = new QAction(u"English"_s, languages);
    for (auto *a : {m_chineseAction, m_englishAction})
        a->setCheckable(true);
    (preferredLanguage() == "zh_CN"_L1 ? m_chineseAction : m_englishAction)->setChecked(true);
    connect(m_chineseAction, &QAction::triggered, this, [this] { setLanguage(u"zh_CN"_s); });
    connect(m_englishAction, &QAction::triggered, this, [this] { setLanguage(u"en"_s); });
    m_undoAction = m_document->undoStack()->createUndoAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this);
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, Tr::tr("About MetroEval"),
                           Tr::tr("MetroEval %1\nPerformance evaluation of measuring instruments "
                                  "from traceability data.")
                               .arg(QString::fromLatin1(metroeval::kVersion)));
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addActions({m_newAction, m_openAction});
    m_fileMenu->addSeparator();
    m_fileMenu->addActions({m_importAction, m_exportAction});
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addActions({m_undoAction, m_redoAction});
    m_viewMenu = menuBar()->addMenu(QString());
    m_panelsMenu = m_viewMenu->addMenu(QString());
    m_panelsMenu->addActions(m_docks->toggleActions());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions({m_chineseAction, m_englishAction});
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(Tr::tr("&File"));
    m_editMenu->setTitle(Tr::tr("&Edit"));
    m_viewMenu->setTitle(Tr::tr("&View"));
    m_panelsMenu->setTitle(Tr::tr("&Panels"));
    m_docks->retranslate();
    m_languageMenu->setTitle(Tr::tr("&Language"));
    m_helpMenu->setTitle(Tr::tr("&Help"));
    m_newAction->setText(Tr::tr("&New Workspace..."));
    m_openAction->setText(Tr::tr("&Open Workspace..."));
    m_importAction->setText(Tr::tr("&Import Records..."));
    m_exportAction->setText(Tr::tr("&Export PDF Report..."));
    m_quitAction->setText(Tr::tr("&Quit"));
    m_aboutAction->setText(Tr::tr("&About MetroEval"));
    m_groupByLabel->setText(Tr::tr("Group by:") + u' ');
    m_cancelEvaluation->setText(Tr::tr("Cancel"));
    m_progress->setFormat(Tr::tr("Evaluating… %p%"));
    const int current = m_groupBy->currentIndex();
    m_groupBy->clear();
    for (Field f : kGroupings)
        m_groupBy->addItem(fieldLabel(f));
    m_groupBy->setCurrentIndex(current < 0 ? 0 : current);
    m_model->retranslate();
    updateTitle();
    refreshResult();
}

void MainWindow::updateTitle()
{
    const QString app = Tr::tr("MetroEval — Instrument Performance Evaluation");
    setWindowFilePath(m_document->path());
    setWindowTitle(m_document->isOpen()
                       ? QFileInfo(m_document->path()).fileName() + u" — "_s + app
                       : app);
    const bool open = m_document->isOpen();
    m_importAction->setEnabled(open);
    m_exportAction->setEnabled(open && m_document->result().has_value());
    m_groupBy->setEnabled(open);
}

void MainWindow::refreshResult()
{
    const auto &result = m_document->result();
    std::vector<RateBar> bars;
    if (result) {
        m_model->setResult(*result);
        for (const core::GroupRate &g : result->groups)
            bars.push_back({g.key, g.rate, g.lower, g.upper, g.belowMinimum});
        m_status->setText(Tr::tr("%n record(s) evaluated", nullptr, int(result->recordsInScope))
                          + u" · "_s
                          + Tr::tr("%n group(s)", nullptr, int(result->groups.size())));
    } else {
        m_model->clear();
        m_status->setText(m_document->isOpen() ? Tr::tr("The workspace holds no records yet. "
                                                         "Import an export to begin.")
                                               : Tr::tr("Open or create a workspace to begin."));
    }
    plotRates(m_chart, bars, Tr::tr("Pass rate (%)"), uiFont(9));
    m_chart->replot();
    m_exportAction->setEnabled(result.has_value());
}

bool MainWindow::openWorkspace(const QString &path)
{
    core::CoreError error;
    if (!m_document->open(path, &error)) {
        showError(errorMessage(error));
        return false;
    }
    QSettings().setValue(u"workspace/last"_s, m_document->path());
    return true;
}

bool MainWindow::importFile(const QString &path)
{
    if (!m_document->isOpen()) {
        showError(Tr::tr("Open or create a workspace first."));
        return false;
    }
    QProgressDialog progress(Tr::tr("Importing %1...").arg(QFileInfo(path).fileName()),
                             Tr::tr("Cancel"), 0, 1000, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    core::ImportOptions options;
    options.userName = qEnvironmentVariable("USER");
    options.progress = [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(1000 * done / total) : 0);
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    core::CoreError error;
    const auto summary = m_document->importFile(path, options, &error);
    progress.reset();
    if (!summary) {
        showError(errorMessage(error));
        return false;
    }
    statusBar()->showMessage(Tr::tr("Imported %1: %2 new, %3 duplicate, %4 quarantined of %5 rows")
                                 .arg(summary->fileName)
                                 .arg(summary->imported)
                                 .arg(summary->duplicates)
                                 .arg(summary->quarantined)
                                 .arg(summary->rowsRead),
                             15000);
    return true;
}

bool MainWindow::exportPdf(const QString &path)
{
    const auto &result = m_document->result();
    if (!result)
        return false;
    core::ReportModel model = core::buildReportModel(*result, core::Audience::Internal);
    core::CoreError error;
    if (!core::attachQualitySection(model, *m_document->workspace(), &error)) {
        showError(errorMessage(error));
        return false;
    }
    QString detail;
    if (!writePdfReport(model, path, &detail)) {
        showError(Tr::tr("The report could not be written: %1").arg(detail));
        return false;
    }
    statusBar()->showMessage(Tr::tr("Report written to %1").arg(path), 15000);
    return true;
}

void MainWindow::newWorkspaceDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, Tr::tr("New Workspace"), QString(),
                                                      Tr::tr("MetroEval workspace (*.metroeval)"));
    if (!path.isEmpty())
        openWorkspace(path.endsWith(u".metroeval"_s) ? path : path + u".metroeval"_s);
}

void MainWindow::openWorkspaceDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, Tr::tr("Open Workspace"), QString(),
                                                      Tr::tr("MetroEval workspace (*.metroeval)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::importDialog()
{
    startImportWizard();
}

void MainWindow::startImportWizard(const QString &path)
{
    if (!m_document->isOpen()) {
        showError(Tr::tr("Open or create a workspace first."));
        return;
    }
    ImportWizard wizard(m_document, path, this);
    wizard.exec();
}

void MainWindow::exportPdfDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, Tr::tr("Export PDF Report"),
                                                      QString(), Tr::tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path.endsWith(u".pdf"_s) ? path : path + u".pdf"_s);
}

void MainWindow::setLanguage(const QString &language)
{
    saveLanguage(language);
    installLanguage(language); // LanguageChange reaches changeEvent, which retranslates
}

void MainWindow::showError(const QString &message)
{
    QMessageBox::warning(this, Tr::tr("MetroEval"), message);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/splitter"_s, m_splitter->saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && m_document->isOpen())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            startImportWizard(url.toLocalFile());
            break; // one wizard at a time
        }
    }
}

} // namespace metroeval::ui
