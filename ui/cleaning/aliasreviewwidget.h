// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;
class QUndoStack;

namespace metroeval::ui {

class AliasSuggestionModel;
class WorkspaceDocument;

/// \brief Review of suggested manufacturer merges (issue 5): each suggestion with its score,
/// blocker and evidence (records, models, date ranges of both spellings); accept, reject or edit
/// the target; undo/redo through a QUndoStack; "Apply" runs the cleaning again so that the
/// decisions reach record_effective. Decisions are stored in the workspace and apply to later
/// imports.
class AliasReviewWidget : public QWidget
{
    Q_OBJECT

public:
    AliasReviewWidget(WorkspaceDocument *doc, QWidget *parent);

    QUndoStack *undoStack() const { return m_undo; }

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    /// The cleaning ran again: record_effective changed.
    void cleaningApplied();

private:
    void decide(bool accept, bool edit);
    void showEvidence();
    void apply();

    WorkspaceDocument *m_doc;
    AliasSuggestionModel *m_model;
    QTableView *m_table;
    QTextBrowser *m_evidence;
    QLabel *m_status;
    QPushButton *m_accept;
    QPushButton *m_reject;
    QPushButton *m_edit;
    QUndoStack *m_undo;
};

} // namespace metroeval::ui
