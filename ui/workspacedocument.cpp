// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacedocument.h"

#include "cleaning/cleaner.h"
#include "evaluation/evaluator.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"
#include "tr.h"

#include <QtConcurrent>

namespace metroeval::ui {

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this,
            &WorkspaceDocument::finishBackground);
    connect(&m_cleanWatcher, &QFutureWatcher<CleaningOutcome>::finished, this,
            &WorkspaceDocument::finishCleaning);
}

WorkspaceDocument::~WorkspaceDocument()
{
    abandonCleaning();
    abandonEvaluation();
}

bool WorkspaceDocument::open(const QString &path, core::CoreError *error)
{
    auto workspace = core::Workspace::open(path, error);
    if (!workspace)
        return false;
    abandonCleaning();
    abandonEvaluation();
    m_undo->clear(); // its commands belong to the workspace being left
    m_workspace = std::move(workspace);
    m_result.reset();
    Q_EMIT workspaceChanged();
    Q_EMIT resultChanged();
    evaluateInBackground(m_groupBy); // an empty workspace simply ends with no result
    return true;
}

void WorkspaceDocument::abandonEvaluation()
{
    // The running evaluation belongs to the workspace being left: its outcome is dropped.
    m_pending.reset();
    cancelEvaluation();
    m_watcher.waitForFinished();
    m_running = false;
    ++m_generation;
}

void WorkspaceDocument::close()
{
    abandonCleaning();
    abandonEvaluation();
    m_undo->clear();
    m_workspace.reset();
    m_result.reset();
    Q_EMIT workspaceChanged();
    Q_EMIT resultChanged();
}

QString WorkspaceDocument::path() const
{
    return m_workspace ? m_workspace->path() : QString();
}

qint64 WorkspaceDocument::recordCount() const
{
    return m_workspace ? core::countRecords(m_workspace->database()) : 0;
}

std::optional<core::ImportSummary> WorkspaceDocument::importFile(const QString &filePath,
                                                                 const core::ImportOptions &options,
                                                                 core::CoreError *error)
{
    if (!m_workspace)
        return std::nullopt;
    auto summary = core::importFile(*m_workspace, filePath, options, error);
    if (summary) {
        Q_EMIT workspaceChanged();
        Q_EMIT quarantineChanged();
        evaluateInBackground(m_groupBy);
    }
    return summary;
}

std::optional<core::ReimportResult> WorkspaceDocument::reimportQuarantined(
    qint64 quarantineId, const QStringList &fields, core::CoreError *error)
{
    if (!m_workspace)
        return std::nullopt;
    auto result = core::reimportQuarantinedRow(*m_workspace, quarantineId, fields, error);
    if (result) {
        Q_EMIT quarantineChanged();
        if (result->kind != core::ReimportResult::Kind::StillQuarantined) {
            Q_EMIT workspaceChanged();
            evaluateInBackground(m_groupBy);
        }
    }
    return result;
}

core::EvaluationPlan WorkspaceDocument::overviewPlan(core::Field groupBy) const
{
    core::EvaluationPlan plan;
    plan.title = Tr::tr("Pass rate overview");
    plan.groupBy = groupBy;
    return plan;
}

bool WorkspaceDocument::evaluate(core::Field groupBy, core::CoreError *error)
{
    if (!m_workspace)
        return false;
    cancelEvaluation();
    waitForEvaluation();
    m_groupBy = groupBy;
    m_result = core::evaluate(*m_workspace, overviewPlan(groupBy), error);
    Q_EMIT resultChanged();
    return m_result.has_value();
}

void WorkspaceDocument::evaluateInBackground(core::Field groupBy)
{
    if (!m_workspace)
        return;
    m_pending = groupBy;
    if (m_running)
        cancelEvaluation(); // finishBackground() starts the pending request
    else
        startPending();
}

void WorkspaceDocument::startPending()
{
    // While the cleaning writes, a request waits: finishCleaning() starts it. (A long read on
    // a second connection would hold off the cleaning's commit.)
    if (!m_pending || !m_workspace || m_cleaning)
        return;
    m_groupBy = *m_pending;
    m_pending.reset();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const QString path = m_workspace->path();
    const core::EvaluationPlan plan = overviewPlan(m_groupBy);
    auto cancel = m_cancel;
    m_runGeneration = m_generation;
    m_running = true;
    QPointer<WorkspaceDocument> self(this);
    Q_EMIT evaluationStarted();
    m_watcher.setFuture(QtConcurrent::run([path, plan, cancel, self]() {
        // SQLite connections belong to one thread: the worker opens its own.
        Outcome outcome;
        auto workspace = core::Workspace::open(path, &outcome.error);
        if (!workspace)
            return outcome;
        core::EvaluateOptions options;
        options.progress = [cancel, self](int percent) {
            QMetaObject::invokeMethod(self.data(), [self, percent] {
                if (self)
                    Q_EMIT self->evaluationProgress(percent);
            }, Qt::QueuedConnection);
            return !cancel->load();
        };
        outcome.result = core::evaluate(*workspace, plan, options, &outcome.error);
        return outcome;
    }));
}

void WorkspaceDocument::finishBackground()
{
    m_running = false;
    const Outcome outcome = m_watcher.result();
    if (m_runGeneration != m_generation)
        return; // from a workspace that is no longer open
    if (m_pending) {
        startPending(); // a newer request replaces this run's outcome
        return;
    }
    if (outcome.result) {
        m_result = outcome.result;
        Q_EMIT resultChanged();
    } else {
        if (outcome.error.code == core::ErrorCode::NoData) {
            m_result.reset();
            Q_EMIT resultChanged();
        }
        Q_EMIT evaluationFailed(outcome.error);
    }
}

void WorkspaceDocument::cancelEvaluation()
{
    if (m_cancel)
        m_cancel->store(true);
}

void WorkspaceDocument::waitForEvaluation()
{
    // finished() arrives as an event: process events until it has been handled, including the
    // run it may start for a pending request.
    while (m_running) {
        m_watcher.waitForFinished();
        QCoreApplication::processEvents();
    }
}

void WorkspaceDocument::applyCleaningInBackground()
{
    if (!m_workspace)
        return;
    m_cleanPending = true;
    if (!m_cleaning)
        startCleaning();
    else if (m_cleanCancel)
        m_cleanCancel->store(true); // finishCleaning() starts the pending run
}

void WorkspaceDocument::startCleaning()
{
    if (!m_cleanPending || !m_workspace)
        return;
    m_cleanPending = false;
    // The rates are computed again once the cleaning has written (a waiting request keeps its
    // grouping).
    cancelEvaluation();
    m_cleanCancel = std::make_shared<std::atomic_bool>(false);
    auto cancel = m_cleanCancel;
    const QString path = m_workspace->path();
    const QString user = qEnvironmentVariable("USER");
    m_cleanGeneration = m_generation;
    m_cleaning = true;
    Q_EMIT cleaningStarted();
    m_cleanWatcher.setFuture(QtConcurrent::run([path, user, cancel]() {
        // SQLite connections belong to one thread: the worker opens its own.
        CleaningOutcome outcome;
        auto workspace = core::Workspace::open(path, &outcome.error);
        if (!workspace)
            return outcome;
        const auto summary = core::cleaning::rerunCleaning(
            *workspace, user, [cancel](qint64, qint64) { return !cancel->load(); },
            &outcome.error);
        if (summary) {
            outcome.changedRecords = summary->changedRecords;
            outcome.maskedRecords = summary->maskedRecords;
        }
        return outcome;
    }));
}

void WorkspaceDocument::finishCleaning()
{
    if (!m_cleaning)
        return; // abandoned: the workspace was left
    m_cleaning = false;
    const CleaningOutcome outcome = m_cleanWatcher.result();
    if (m_cleanGeneration != m_generation)
        return;
    if (m_cleanPending) {
        startCleaning(); // a newer request: its run shows the latest decisions
        return;
    }
    if (outcome.changedRecords < 0)
        Q_EMIT cleaningFailed(outcome.error);
    else
        Q_EMIT cleaningApplied(outcome.changedRecords, outcome.maskedRecords);
    evaluateInBackground(m_pending.value_or(m_groupBy));
}

void WorkspaceDocument::abandonCleaning()
{
    m_cleanPending = false;
    if (m_cleanCancel)
        m_cleanCancel->store(true);
    m_cleanWatcher.waitForFinished();
    m_cleaning = false;
}

void WorkspaceDocument::waitForCleaning()
{
    while (m_cleaning) {
        m_cleanWatcher.waitForFinished();
        QCoreApplication::processEvents();
    }
}

} // namespace metroeval::ui
