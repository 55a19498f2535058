// SPDX-License-Identifier: GPL-3.0-or-later
#include "workbenchdocks.h"

#include "cleaning/aliasreviewwidget.h"
#include "cleaning/cleaninglogwidget.h"
#include "cleaning/qualitywidget.h"
#include "import/quarantineview.h"
#include "tr.h"
#include "workspacedocument.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

namespace metroeval::ui {

WorkbenchDocks::WorkbenchDocks(QMainWindow *window, WorkspaceDocument *document)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_quarantine(new QuarantineView(document, nullptr))
    , m_aliases(new AliasReviewWidget(document, nullptr))
    , m_log(new CleaningLogWidget(document, nullptr))
    , m_quality(new QualityWidget(document, nullptr))
    , m_quarantineDock(addDock(m_quarantine, "QuarantineDock", Qt::BottomDockWidgetArea))
    , m_aliasDock(addDock(m_aliases, "AliasReviewDock", Qt::BottomDockWidgetArea))
    , m_logDock(addDock(m_log, "CleaningLogDock", Qt::BottomDockWidgetArea))
    , m_qualityDock(addDock(m_quality, "QualityDock", Qt::BottomDockWidgetArea))
{
    // One tabbed strip under the rates, so that the chart and the table keep the window's width.
    m_window->tabifyDockWidget(m_quarantineDock, m_aliasDock);
    m_window->tabifyDockWidget(m_aliasDock, m_logDock);
    m_window->tabifyDockWidget(m_logDock, m_qualityDock);
    m_qualityDock->raise();
    // A new workspace or new data refreshes every panel (the review and the log listen to the
    // document themselves); a cleaning run changes what the quality report counts, and the
    // document evaluates the rates again after it.
    connect(document, &WorkspaceDocument::workspaceChanged, m_quarantine, &QuarantineView::refresh);
    connect(document, &WorkspaceDocument::workspaceChanged, m_quality, &QualityWidget::reload);
    connect(document, &WorkspaceDocument::quarantineChanged, m_quarantine, &QuarantineView::refresh);
    connect(document, &WorkspaceDocument::cleaningApplied, m_quality, &QualityWidget::reload);
    retranslate();
}

QDockWidget *WorkbenchDocks::addDock(QWidget *content, const char *objectName,
                                     Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(m_window);
    dock->setObjectName(QString::fromLatin1(objectName));
    dock->setWidget(content);
    m_window->addDockWidget(area, dock);
    return dock;
}

void WorkbenchDocks::applyDefaultSize()
{
    m_window->resizeDocks({m_quarantineDock}, {m_window->height() / 3}, Qt::Vertical);
}

QList<QAction *> WorkbenchDocks::toggleActions() const
{
    return {m_quarantineDock->toggleViewAction(), m_aliasDock->toggleViewAction(),
            m_logDock->toggleViewAction(), m_qualityDock->toggleViewAction()};
}

void WorkbenchDocks::retranslate()
{
    m_quarantineDock->setWindowTitle(Tr::tr("Quarantine"));
    m_aliasDock->setWindowTitle(Tr::tr("Alias Review"));
    m_logDock->setWindowTitle(Tr::tr("Cleaning Log"));
    m_qualityDock->setWindowTitle(Tr::tr("Data Quality"));
}

} // namespace metroeval::ui
