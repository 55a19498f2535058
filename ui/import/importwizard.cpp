// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importwizard.h"

#include "import/filepages.h"
#include "import/mappingpage.h"
#include "import/runpages.h"
#include "tr.h"

namespace metroeval::ui {

using namespace Qt::StringLiterals;

ImportWizard::ImportWizard(WorkspaceDocument *document, const QString &filePath, QWidget *parent)
    : QWizard(parent)
    , m_document(document)
    , m_filePath(filePath)
{
    setWindowTitle(Tr::tr("Import Records"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(FilePageId, new FilePage(this));
    setPage(PreviewPageId, new PreviewPage(this));
    setPage(MappingPageId, new MappingPage(this));
    setPage(RunPageId, new RunPage(this));
    setPage(SummaryPageId, new SummaryPage(this));
    setStartId(FilePageId);
    resize(900, 620);
}

void ImportWizard::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    m_sourceOptions = {};
    m_preview.reset();
}

void ImportWizard::setSourceOptions(const core::SourceOptions &options)
{
    m_sourceOptions = options;
    refreshPreview();
}

bool ImportWizard::refreshPreview()
{
    m_previewError = {};
    m_preview = core::previewFile(m_filePath, m_sourceOptions, 20, &m_previewError);
    if (m_preview)
        m_mapping = core::ColumnMapping::suggest(m_preview->header);
    Q_EMIT previewChanged();
    Q_EMIT mappingChanged();
    return m_preview.has_value();
}

void ImportWizard::setMapping(const core::ColumnMapping &mapping)
{
    m_mapping = mapping;
    Q_EMIT mappingChanged();
}

core::ImportOptions ImportWizard::importOptions() const
{
    core::ImportOptions options;
    options.encoding = m_sourceOptions.encoding.isEmpty()
                           ? u"auto"_s : QString::fromLatin1(m_sourceOptions.encoding);
    options.delimiter = m_sourceOptions.delimiter;
    options.sheet = m_sourceOptions.sheet;
    if (m_preview)
        options.mappingProfile = m_mapping.toProfile(m_preview->header);
    options.mappingProfileName = m_profileName;
    options.userName = qEnvironmentVariable("USER", u"analyst"_s);
    return options;
}

void ImportWizard::reject()
{
    if (m_running) {
        requestCancel(); // the run page rolls the import back and stays open
        return;
    }
    QWizard::reject();
}

} // namespace metroeval::ui
