// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/field.h"

#include <QList>
#include <QStringList>
#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace metroeval::ui {

class ImportWizard;

/// \brief Wizard page 3: which column feeds each canonical field. Starts from the header
/// suggestions (with their confidence); the user overrides any of them, applies or saves a named
/// profile, or exports it as a file for `metroeval-cli import --mapping`. Below, the first rows
/// typed with the current mapping: what would be imported and what would be quarantined.
class MappingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MappingPage(ImportWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

    /// Sets field \a field to file column \a column (−1: none), as the user's combo box does.
    void setColumn(core::Field field, int column);
    QTableWidget *mappingTable() const { return m_fields; }
    QTableWidget *typedPreview() const { return m_typed; }
    /// Applies the profile saved under \a name in the workspace; false when there is none.
    bool applyProfile(const QString &name);
    /// Saves the current mapping under \a name in the workspace.
    bool saveProfile(const QString &name);

private:
    void rebuild();
    void updateTypedPreview();
    void reloadProfiles();

    ImportWizard *m_wizard;
    QTableWidget *m_fields;
    QList<QComboBox *> m_boxes;
    QStringList m_boxHeader;
    QTableWidget *m_typed;
    QComboBox *m_profiles;
    QLineEdit *m_profileName;
    QLabel *m_missing;
    bool m_updating = false;
};

} // namespace metroeval::ui
