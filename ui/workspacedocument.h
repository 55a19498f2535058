// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationresult.h"
#include "io/importer.h"

#include <QObject>
#include <QString>

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

    /// Evaluates the pass rate of every record, grouped by \a groupBy, and keeps the result.
    bool evaluate(core::Field groupBy, core::CoreError *error);
    const std::optional<core::EvaluationResult> &result() const { return m_result; }
    core::Field groupBy() const { return m_groupBy; }

Q_SIGNALS:
    void workspaceChanged();
    void resultChanged();

private:
    std::unique_ptr<core::Workspace> m_workspace;
    std::optional<core::EvaluationResult> m_result;
    core::Field m_groupBy = core::Field::Manufacturer;
};

} // namespace metroeval::ui
