// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace metroeval::ui {

class QuarantineModel;
class WorkspaceDocument;

/// \brief The quarantine of the open workspace: every row an import could not take, with file,
/// line, column and a reason a person can act on. The selected row's cells can be corrected in
/// place and re-imported (core::reimportQuarantinedRow); a row that still fails stays, with its
/// new reason.
class QuarantineView : public QWidget
{
    Q_OBJECT

public:
    QuarantineView(WorkspaceDocument *document, QWidget *parent);

    /// Shows only the rows of one import batch (0: all batches).
    void setBatchFilter(qint64 batchId);
    QuarantineModel *model() const { return m_model; }
    /// Selects a quarantined row and loads its cells into the editor.
    void selectRow(int row);
    /// The editor: one column per header column of the row's file.
    QTableWidget *editor() const { return m_editor; }
    /// Re-imports the selected row with the edited cells; false when nothing was selected or the
    /// workspace refused it.
    bool reimportSelected();
    QString statusText() const;

public Q_SLOTS:
    void refresh();

private:
    void loadEditor();

    WorkspaceDocument *m_document;
    QuarantineModel *m_model;
    QTableView *m_table;
    QTableWidget *m_editor;
    QPushButton *m_reimport;
    QLabel *m_status;
    qint64 m_batchFilter = 0;
    int m_selected = -1;
};

} // namespace metroeval::ui
