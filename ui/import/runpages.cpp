// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/runpages.h"

#include "import/importtexts.h"
#include "import/importwizard.h"
#include "import/quarantineview.h"
#include "i18n/labels.h"
#include "tr.h"
#include "workspacedocument.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

RunPage::RunPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(Tr::tr("Cancel Import"), this))
    , m_status(new QLabel(this))
{
    setTitle(Tr::tr("Importing"));
    setSubTitle(Tr::tr("Every row becomes a record, a duplicate or a quarantined row. Cancelling "
                       "leaves the workspace as it was."));
    m_progress->setRange(0, 1000);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addStretch(1);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_wizard->requestCancel(); });
}

void RunPage::initializePage()
{
    m_succeeded = false;
    m_progress->setValue(0);
    m_status->clear();
    // Start after the page is shown, so that the progress is visible.
    QTimer::singleShot(0, this, &RunPage::run);
}

void RunPage::cleanupPage()
{
    m_wizard->setSummary(std::nullopt);
}

void RunPage::run()
{
    if (m_running || !m_wizard->document())
        return;
    m_running = true;
    m_wizard->setRunning(true);
    m_wizard->clearCancel();
    m_cancel->setEnabled(true);
    m_wizard->button(QWizard::BackButton)->setEnabled(false);
    core::ImportOptions options = m_wizard->importOptions();
    QElapsedTimer sinceEvents; // invalid until the first report, which always processes events
    options.progress = [this, &sinceEvents](qint64 done, qint64 total) {
        if (total > 0)
            m_progress->setValue(static_cast<int>(qMin<qint64>(1000, done * 1000 / total)));
        if (!sinceEvents.isValid() || sinceEvents.elapsed() > 50) { // keep Cancel responsive
            QCoreApplication::processEvents();
            sinceEvents.restart();
        }
        return !m_wizard->cancelRequested();
    };
    m_status->setText(Tr::tr("Importing %1...").arg(QFileInfo(m_wizard->filePath()).fileName()));
    core::CoreError error;
    auto summary = m_wizard->document()->importFile(m_wizard->filePath(), options, &error);
    m_running = false;
    m_wizard->setRunning(false);
    m_cancel->setEnabled(false);
    m_wizard->button(QWizard::BackButton)->setEnabled(true);
    m_succeeded = summary.has_value();
    if (summary) {
        m_progress->setValue(1000);
        m_status->setText(Tr::tr("Done: %1 rows read.").arg(summary->rowsRead));
    } else if (error.code == core::ErrorCode::Cancelled) {
        m_status->setText(Tr::tr("Cancelled; nothing was imported."));
    } else {
        m_status->setText(errorMessage(error));
    }
    m_wizard->setSummary(std::move(summary));
    Q_EMIT completeChanged();
}

bool RunPage::isComplete() const
{
    return !m_running && m_succeeded;
}

QString RunPage::statusText() const
{
    return m_status->text();
}

SummaryPage::SummaryPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_text(new QLabel(this))
    , m_quarantine(new QuarantineView(wizard->document(), this))
{
    setTitle(Tr::tr("Import Summary"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_quarantine, 1);
    setFinalPage(true);
}

void SummaryPage::initializePage()
{
    const auto &s = m_wizard->summary();
    if (!s) {
        m_text->clear();
        return;
    }
    QString text = Tr::tr("%1: %2 rows read = %3 imported (%4 new versions) + %5 duplicates + "
                          "%6 quarantined.")
                       .arg(s->fileName)
                       .arg(s->rowsRead)
                       .arg(s->imported)
                       .arg(s->newVersions)
                       .arg(s->duplicates)
                       .arg(s->quarantined);
    if (s->flagged > 0)
        text += u'\n' + Tr::tr("%1 imported records keep some values as text that could not be "
                               "read as dates or numbers.").arg(s->flagged);
    for (auto it = s->quarantineReasons.begin(); it != s->quarantineReasons.end(); ++it)
        text += u"\n• "_s + Tr::tr("%1 rows: %2").arg(it.value()).arg(rowIssueText(it.key()));
    m_text->setText(text);
    m_quarantine->setBatchFilter(s->batchId);
}

QString SummaryPage::summaryText() const
{
    return m_text->text();
}

} // namespace metroeval::ui
