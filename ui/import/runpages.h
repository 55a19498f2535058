// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace metroeval::ui {

class ImportWizard;
class QuarantineView;

/// \brief Wizard page 4: runs the import with a progress bar and a Cancel button. A cancelled or
/// failed import leaves the workspace as it was (core rolls the transaction back).
class RunPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit RunPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    void cleanupPage() override;

    bool isRunning() const { return m_running; }
    bool succeeded() const { return m_succeeded; }
    QString statusText() const;
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void run();

    ImportWizard *m_wizard;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    bool m_running = false;
    bool m_succeeded = false;
};

/// \brief Wizard page 5: the reconciled counts, the reasons rows were quarantined, and the
/// quarantine of this batch where rows can be corrected and re-imported.
class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(ImportWizard *wizard);
    void initializePage() override;
    QString summaryText() const;
    QuarantineView *quarantineView() const { return m_quarantine; }

private:
    ImportWizard *m_wizard;
    QLabel *m_text;
    QuarantineView *m_quarantine;
};

} // namespace metroeval::ui
