// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTabBar;
class QTableView;
class QTextBrowser;

namespace metroeval::ui {

class AliasSuggestionModel;
class WorkspaceDocument;

/// \brief Review of suggested merges (issue 5), one tab for manufacturers and one for model
/// spellings within a manufacturer: each suggestion with its score, blocker and evidence
/// (records, models, date ranges of both spellings); accept, reject or edit the target, undoable
/// on the document's stack (Edit menu); "Apply" runs the cleaning again in the background so
/// that the decisions reach record_effective. Decisions are stored in the workspace and apply to
/// later imports.
class AliasReviewWidget : public QWidget
{
    Q_OBJECT

public:
    enum Kind { Manufacturers, Models };

    AliasReviewWidget(WorkspaceDocument *doc, QWidget *parent);

    /// Shows the suggestions of one kind (the tabs).
    void setKind(Kind kind);
    Kind kind() const;
    AliasSuggestionModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTextBrowser *evidence() const { return m_evidence; }
    /// Decides on the selected suggestion (what the buttons do); \a target replaces the
    /// canonical spelling when not empty (Edit).
    void decide(bool accept, const QString &target = {});

public Q_SLOTS:
    void reload();

private:
    void edit();
    void showEvidence();
    void apply();

    WorkspaceDocument *m_doc;
    AliasSuggestionModel *m_model;
    QTabBar *m_kinds;
    QTableView *m_table;
    QTextBrowser *m_evidence;
    QLabel *m_status;
    QPushButton *m_accept;
    QPushButton *m_reject;
    QPushButton *m_edit;
};

} // namespace metroeval::ui
