// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace metroeval::ui {

class CleaningLogModel;
class WorkspaceDocument;

/// \brief The cleaning log of the latest run (issue 5: every change is an entry, revertible
/// singly or by rule). "Revert entry" and "Revert rule" push a RevertCommand on the document's
/// stack: the cleaning runs again at once in the background, and Undo brings the change back.
class CleaningLogWidget : public QWidget
{
    Q_OBJECT

public:
    CleaningLogWidget(WorkspaceDocument *doc, QWidget *parent);

    CleaningLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Shows the entries of one rule only (empty: every rule).
    void setRuleFilter(const QString &rule);
    /// What the buttons do, for the selected entry.
    void revertEntry();
    void revertRule();

public Q_SLOTS:
    void reload();

private:
    void updateButtons();

    WorkspaceDocument *m_doc;
    CleaningLogModel *m_model;
    QComboBox *m_rules;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_revertEntry;
    QPushButton *m_revertRule;
};

} // namespace metroeval::ui
