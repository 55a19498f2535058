// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace metroeval::ui {

class AliasReviewWidget;
class CleaningLogWidget;
class QualityWidget;
class QuarantineView;
class WorkspaceDocument;

/// \brief The dockable panels around the rate view: quarantine of rejected rows, alias review
/// (cleaning decisions), the cleaning log (reverts) and the data-quality report. Undo/redo is the
/// document's (WorkspaceDocument::undoStack()). Owns nothing but the docks; the window lays them
/// out and restores their state.
class WorkbenchDocks : public QObject
{
    Q_OBJECT

public:
    WorkbenchDocks(QMainWindow *window, WorkspaceDocument *document);

    QList<QAction *> toggleActions() const;
    QuarantineView *quarantine() const { return m_quarantine; }
    AliasReviewWidget *aliasReview() const { return m_aliases; }
    CleaningLogWidget *cleaningLog() const { return m_log; }
    void retranslate();
    /// First start (no saved layout): the panel strip takes a third of the window's height.
    void applyDefaultSize();

private:
    QDockWidget *addDock(QWidget *content, const char *objectName, Qt::DockWidgetArea area);

    QMainWindow *m_window;
    WorkspaceDocument *m_document;
    QuarantineView *m_quarantine;
    AliasReviewWidget *m_aliases;
    CleaningLogWidget *m_log;
    QualityWidget *m_quality;
    QDockWidget *m_quarantineDock;
    QDockWidget *m_aliasDock;
    QDockWidget *m_logDock;
    QDockWidget *m_qualityDock;
};

} // namespace metroeval::ui
