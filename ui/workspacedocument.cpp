// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacedocument.h"

#include "evaluation/evaluator.h"
#include "storage/recordstore.h"
#include "storage/workspace.h"
#include "tr.h"

namespace metroeval::ui {

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
{}

WorkspaceDocument::~WorkspaceDocument() = default;

bool WorkspaceDocument::open(const QString &path, core::CoreError *error)
{
    auto workspace = core::Workspace::open(path, error);
    if (!workspace)
        return false;
    m_workspace = std::move(workspace);
    m_result.reset();
    Q_EMIT workspaceChanged();
    core::CoreError ignored; // an empty workspace simply has no result yet
    evaluate(m_groupBy, &ignored);
    return true;
}

void WorkspaceDocument::close()
{
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
    auto summary = core::importCsvFile(*m_workspace, filePath, options, error);
    if (summary) {
        Q_EMIT workspaceChanged();
        core::CoreError ignored;
        evaluate(m_groupBy, &ignored);
    }
    return summary;
}

bool WorkspaceDocument::evaluate(core::Field groupBy, core::CoreError *error)
{
    if (!m_workspace)
        return false;
    m_groupBy = groupBy;
    core::EvaluationPlan plan;
    plan.title = Tr::tr("Pass rate overview");
    plan.groupBy = groupBy;
    auto result = core::evaluate(*m_workspace, plan, error);
    m_result = std::move(result);
    Q_EMIT resultChanged();
    return m_result.has_value();
}

} // namespace metroeval::ui
