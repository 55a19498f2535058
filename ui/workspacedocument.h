// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationresult.h"
#include "io/importer.h"
#include "io/quarantine.h"

#include <QFutureWatcher>
#include <QObject>
#include <QUndoStack>
#include <QString>

#include <atomic>

#include <memory>
#include <optional>

namespace metroeval::core {
class Workspace;
}

namespace metroeval::ui {

/// \brief The open workspace as the window sees it (Tiled's MapDocument habit): owns the
/// connection, the current plan and the latest result, and announces changes.
class WorkspaceDocument : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceDocument(QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    bool open(const QString &path, core::CoreError *error);
    void close();
    bool isOpen() const { return m_workspace != nullptr; }
    QString path() const;
    qint64 recordCount() const;

    std::optional<core::ImportSummary> importFile(const QString &filePath,
                                                  const core::ImportOptions &options,
                                                  core::CoreError *error);

    /// The open workspace (nullptr when none), for the import wizard and the quarantine view.
    core::Workspace *workspace() const { return m_workspace.get(); }

    /// Re-imports a corrected quarantined row (core::reimportQuarantinedRow) and announces it.
    std::optional<core::ReimportResult> reimportQuarantined(qint64 quarantineId,
                                                            const QStringList &fields,
                                                            core::CoreError *error);

    /// Evaluates the pass rate of every record, grouped by \a groupBy, and keeps the result.
    /// Blocks; the window uses evaluateInBackground().
    bool evaluate(core::Field groupBy, core::CoreError *error);

    /// Starts the same evaluation on a worker thread with its own connection to the workspace;
    /// a running one is cancelled and the newest request wins. Announces evaluationStarted,
    /// evaluationProgress and then resultChanged or evaluationFailed.
    void evaluateInBackground(core::Field groupBy);
    void cancelEvaluation();
    bool isEvaluating() const { return m_running; }
    /// Blocks until no evaluation runs (tests, closing).
    void waitForEvaluation();
    const std::optional<core::EvaluationResult> &result() const { return m_result; }
    core::Field groupBy() const { return m_groupBy; }

    /// Undo/redo of the open workspace's review decisions and cleaning-log reverts (the Edit
    /// menu's). One stack per open workspace: cleared when another one opens or it closes.
    QUndoStack *undoStack() const { return m_undo; }

    /// Runs the cleaning again (rerunCleaning(): stored decisions and reverts apply) on a worker
    /// thread with its own connection, so that a decision or a revert reaches record_effective
    /// now. A request while one runs cancels it and runs once more afterwards. Announces
    /// cleaningStarted, then cleaningApplied (and evaluates the rates again) or cleaningFailed.
    void applyCleaningInBackground();
    bool isCleaning() const { return m_cleaning; }
    /// Blocks until no cleaning runs (tests, closing).
    void waitForCleaning();

Q_SIGNALS:
    void workspaceChanged();
    void resultChanged();
    void quarantineChanged();
    void evaluationStarted();
    void evaluationProgress(int percent);
    void evaluationFailed(const core::CoreError &error);
    /// A review decision or a revert was stored or undone (the lists show it at once).
    void reviewChanged();
    void cleaningStarted();
    /// The cleaning ran again: record_effective, the log, findings and suggestions changed.
    void cleaningApplied(qint64 changedRecords, qint64 maskedRecords);
    void cleaningFailed(const core::CoreError &error);

private:
    struct Outcome
    {
        std::optional<core::EvaluationResult> result;
        core::CoreError error;
    };
    struct CleaningOutcome
    {
        qint64 changedRecords = -1; ///< −1: the run failed or was cancelled
        qint64 maskedRecords = 0;
        core::CoreError error;
    };
    core::EvaluationPlan overviewPlan(core::Field groupBy) const;
    void startCleaning();
    void finishCleaning();
    void abandonCleaning();
    void startPending();
    void finishBackground();
    void abandonEvaluation();

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::optional<core::Field> m_pending;
    bool m_running = false;      ///< from start until finished() has been handled
    quint64 m_generation = 0;    ///< bumped when the open workspace changes
    quint64 m_runGeneration = 0; ///< the generation the running evaluation belongs to
    QFutureWatcher<CleaningOutcome> m_cleanWatcher;
    std::shared_ptr<std::atomic_bool> m_cleanCancel;
    bool m_cleaning = false;     ///< from start until its finished() has been handled
    bool m_cleanPending = false; ///< one more run after the current one
    quint64 m_cleanGeneration = 0;
    QUndoStack *m_undo;
    std::unique_ptr<core::Workspace> m_workspace;
    std::optional<core::EvaluationResult> m_result;
    core::Field m_groupBy = core::Field::Manufacturer;
};

} // namespace metroeval::ui
