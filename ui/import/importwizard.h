// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/columnmapping.h"
#include "io/importer.h"
#include "io/tablesource.h"

#include <QWizard>

#include <optional>

namespace metroeval::ui {

class WorkspaceDocument;

/// \brief The import wizard: file → preview with detected encoding and delimiter (or sheet) →
/// mapping with suggestions, named profiles and a live typed preview → run with progress and
/// cancel → summary with the quarantine. Holds the choices the pages share.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePageId, PreviewPageId, MappingPageId, RunPageId, SummaryPageId };

    ImportWizard(WorkspaceDocument *document, const QString &filePath, QWidget *parent);

    WorkspaceDocument *document() const { return m_document; }

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);

    core::SourceOptions sourceOptions() const { return m_sourceOptions; }
    void setSourceOptions(const core::SourceOptions &options);
    /// Reads the first rows again with the current file and options; false (and previewError())
    /// when the file cannot be read.
    bool refreshPreview();
    const std::optional<core::FilePreview> &preview() const { return m_preview; }
    core::CoreError previewError() const { return m_previewError; }

    const core::ColumnMapping &mapping() const { return m_mapping; }
    void setMapping(const core::ColumnMapping &mapping);
    QString profileName() const { return m_profileName; }
    void setProfileName(const QString &name) { m_profileName = name; }

    /// The options the run page passes to WorkspaceDocument::importFile (without progress).
    core::ImportOptions importOptions() const;

    const std::optional<core::ImportSummary> &summary() const { return m_summary; }
    void setSummary(std::optional<core::ImportSummary> summary) { m_summary = std::move(summary); }

    /// True while the run page imports; closing the wizard then only requests cancellation.
    void setRunning(bool running) { m_running = running; }
    bool cancelRequested() const { return m_cancelRequested; }
    void requestCancel() { m_cancelRequested = true; }
    void clearCancel() { m_cancelRequested = false; }

    void reject() override;

Q_SIGNALS:
    void previewChanged();
    void mappingChanged();

private:
    WorkspaceDocument *m_document;
    QString m_filePath;
    core::SourceOptions m_sourceOptions;
    std::optional<core::FilePreview> m_preview;
    core::CoreError m_previewError;
    core::ColumnMapping m_mapping;
    QString m_profileName;
    std::optional<core::ImportSummary> m_summary;
    bool m_running = false;
    bool m_cancelRequested = false;
};

} // namespace metroeval::ui
