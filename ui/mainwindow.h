// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QCustomPlot;

namespace metroeval::ui {

class RateTableModel;
class WorkbenchDocks;
class WorkspaceDocument;

/// \brief The workbench window: rate table and chart of the open workspace, import, PDF export,
/// language switch. Geometry, splitter and last workspace are remembered.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    WorkspaceDocument *document() const { return m_document; }
    RateTableModel *rateModel() const { return m_model; }
    QCustomPlot *chart() const { return m_chart; }

    bool openWorkspace(const QString &path);
    /// Imports \a path directly with suggested mappings (tests, scripting); the menu and
    /// drag-and-drop open the import wizard instead.
    bool importFile(const QString &path);
    /// Opens the import wizard, optionally on \a path.
    void startImportWizard(const QString &path = QString());
    WorkbenchDocks *docks() const { return m_docks; }
    bool exportPdf(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslate();
    void updateTitle();
    void refreshResult();
    void newWorkspaceDialog();
    void openWorkspaceDialog();
    void importDialog();
    void exportPdfDialog();
    void setLanguage(const QString &language);
    void showError(const QString &message);

    WorkspaceDocument *m_document;
    RateTableModel *m_model;
    QSortFilterProxyModel *m_sortModel;
    QTableView *m_table;
    QCustomPlot *m_chart;
    QSplitter *m_splitter;
    QComboBox *m_groupBy;
    QLabel *m_groupByLabel;
    QLabel *m_status;
    QProgressBar *m_progress;
    QToolButton *m_cancelEvaluation;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    WorkbenchDocks *m_docks = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_chineseAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace metroeval::ui
