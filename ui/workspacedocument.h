// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationresult.h"
#include "io/importer.h"
#include "io/quarantine.h"

#include <QFutureWatcher>
#include <QObject>
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

Q_SIGNALS:
    void workspaceChanged();
    void resultChanged();
    void quarantineChanged();
    void evaluationStarted();
    void evaluationProgress(int percent);
    void evaluationFailed(const core::CoreError &error);

private:
    struct Outcome
    {
        std::optional<core::EvaluationResult> result;
        core::CoreError error;
    };
    core::EvaluationPlan overviewPlan(core::Field groupBy) const;
    void startPending();
    void finishBackground();
    void abandonEvaluation();

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::optional<core::Field> m_pending;
    bool m_running = false;      ///< from start until finished() has been handled
    quint64 m_generation = 0;    ///< bumped when the open workspace changes
    quint64 m_runGeneration = 0; ///< the generation the running evaluation belongs to
    std::unique_ptr<core::Workspace> m_workspace;
    std::optional<core::EvaluationResult> m_result;
    core::Field m_groupBy = core::Field::Manufacturer;
};

} // namespace metroeval::ui
