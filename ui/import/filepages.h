// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace metroeval::ui {

class ImportWizard;

/// \brief Wizard page 1: the export file (CSV or XLSX).
class FilePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FilePage(ImportWizard *wizard);
    bool isComplete() const override;
    bool validatePage() override;
    QLineEdit *pathEdit() const { return m_path; }

private:
    ImportWizard *m_wizard;
    QLineEdit *m_path;
};

/// \brief Wizard page 2: the first rows as read, with the detected encoding and delimiter (CSV)
/// or the sheet (XLSX), each of which the user can override.
class PreviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PreviewPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

    QComboBox *encodingBox() const { return m_encoding; }
    QComboBox *delimiterBox() const { return m_delimiter; }
    QComboBox *sheetBox() const { return m_sheet; }
    QTableWidget *table() const { return m_table; }
    QString detectedText() const;

private:
    void applyOptions();
    void showPreview();

    ImportWizard *m_wizard;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QComboBox *m_sheet;
    QLabel *m_detected;
    QTableWidget *m_table;
    bool m_updating = false;
};

} // namespace metroeval::ui
