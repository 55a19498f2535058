// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/mappingpage.h"

#include "import/importtexts.h"
#include "import/importwizard.h"
#include "i18n/labels.h"
#include "io/mappingprofiles.h"
#include "io/recordparser.h"
#include "storage/workspace.h"
#include "tr.h"
#include "workspacedocument.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

MappingPage::MappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_fields(new QTableWidget(this))
    , m_typed(new QTableWidget(this))
    , m_profiles(new QComboBox(this))
    , m_profileName(new QLineEdit(this))
    , m_missing(new QLabel(this))
{
    setTitle(Tr::tr("Column Mapping"));
    setSubTitle(Tr::tr("Check the suggested column for each field; fields marked * are required."));
    m_fields->setColumnCount(3);
    m_fields->setHorizontalHeaderLabels({Tr::tr("Field"), Tr::tr("File column"),
                                         Tr::tr("Confidence")});
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_typed->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_profileName->setPlaceholderText(Tr::tr("Profile name"));
    auto *apply = new QPushButton(Tr::tr("Apply Profile"), this);
    auto *save = new QPushButton(Tr::tr("Save Profile"), this);
    auto *exportFile = new QPushButton(Tr::tr("Export Profile..."), this);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profiles, 1);
    profileRow->addWidget(apply);
    profileRow->addWidget(m_profileName, 1);
    profileRow->addWidget(save);
    profileRow->addWidget(exportFile);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_fields);
    auto *typedBox = new QWidget(splitter);
    auto *typedLayout = new QVBoxLayout(typedBox);
    typedLayout->setContentsMargins(0, 0, 0, 0);
    typedLayout->addWidget(new QLabel(Tr::tr("The first rows as they would be imported:"), this));
    typedLayout->addWidget(m_typed);
    splitter->addWidget(typedBox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(profileRow);
    layout->addWidget(m_missing);
    layout->addWidget(splitter, 1);
    m_missing->setWordWrap(true);

    connect(apply, &QPushButton::clicked, this, [this] { applyProfile(m_profiles->currentText()); });
    connect(save, &QPushButton::clicked, this, [this] { saveProfile(m_profileName->text()); });
    connect(exportFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, Tr::tr("Export Mapping Profile"),
                                                          QString(), Tr::tr("JSON (*.json)"));
        if (!path.isEmpty() && m_wizard->preview()) {
            QJsonObject profile = m_wizard->mapping().toProfile(m_wizard->preview()->header);
            if (!m_profileName->text().isEmpty())
                profile.insert(u"name"_s, m_profileName->text());
            core::CoreError error;
            if (!core::writeMappingProfileFile(path, profile, &error))
                m_missing->setText(errorMessage(error));
        }
    });
    connect(wizard, &ImportWizard::mappingChanged, this, [this] {
        if (!m_updating)
            rebuild();
    });
}

void MappingPage::initializePage()
{
    reloadProfiles();
    rebuild();
}

void MappingPage::reloadProfiles()
{
    m_profiles->clear();
    if (auto *ws = m_wizard->document() ? m_wizard->document()->workspace() : nullptr)
        m_profiles->addItems(core::listMappingProfiles(ws->database()));
}

void MappingPage::rebuild()
{
    const auto &preview = m_wizard->preview();
    const QStringList header = preview ? preview->header : QStringList();
    const core::ColumnMapping &mapping = m_wizard->mapping();
    m_updating = true;
    // The combo boxes are made once per header; later changes only move their selection, so a
    // box is never deleted from inside its own signal.
    if (header != m_boxHeader || m_boxes.isEmpty()) {
        m_boxHeader = header;
        m_boxes.clear();
        m_fields->setRowCount(core::kFieldCount);
        for (const core::FieldInfo &info : core::allFields()) {
            const int row = static_cast<int>(info.field);
            m_fields->setItem(row, 0, new QTableWidgetItem(
                                          fieldLabel(info.field)
                                          + (info.required ? u" *"_s : QString())));
            auto *box = new QComboBox(m_fields);
            box->addItem(Tr::tr("(not in file)"), -1);
            for (int c = 0; c < header.size(); ++c)
                box->addItem(header[c], c);
            m_fields->setCellWidget(row, 1, box);
            const core::Field field = info.field;
            connect(box, &QComboBox::currentIndexChanged, this, [this, box, field] {
                if (!m_updating)
                    setColumn(field, box->currentData().toInt());
            });
            m_boxes.append(box);
        }
    }
    for (const core::FieldInfo &info : core::allFields()) {
        const int row = static_cast<int>(info.field);
        m_boxes[row]->setCurrentIndex(mapping.column(info.field) + 1);
        m_fields->setItem(row, 2, new QTableWidgetItem(
                                      mapping.column(info.field) < 0
                                          ? QString()
                                          : u"%1 %"_s.arg(std::lround(
                                                mapping.confidence(info.field) * 100.0))));
    }
    m_updating = false;
    updateTypedPreview();
    Q_EMIT completeChanged();
}

void MappingPage::setColumn(core::Field field, int column)
{
    core::ColumnMapping mapping = m_wizard->mapping();
    // One column feeds one field: take it away from any other field first.
    for (const core::FieldInfo &info : core::allFields()) {
        if (column >= 0 && info.field != field && mapping.column(info.field) == column)
            mapping.setColumn(info.field, -1);
    }
    mapping.setColumn(field, column, 1.0);
    m_wizard->setMapping(mapping); // rebuilds the table through mappingChanged
}

bool MappingPage::applyProfile(const QString &name)
{
    auto *ws = m_wizard->document() ? m_wizard->document()->workspace() : nullptr;
    if (!ws || !m_wizard->preview())
        return false;
    const auto profile = core::loadMappingProfile(ws->database(), name);
    core::CoreError error;
    const auto mapping = profile ? core::ColumnMapping::fromProfile(
                                       *profile, m_wizard->preview()->header, &error)
                                 : std::nullopt;
    if (!mapping) {
        m_missing->setText(errorMessage(error));
        return false;
    }
    m_wizard->setProfileName(name);
    m_profileName->setText(name);
    m_wizard->setMapping(*mapping);
    return true;
}

bool MappingPage::saveProfile(const QString &name)
{
    auto *ws = m_wizard->document() ? m_wizard->document()->workspace() : nullptr;
    if (!ws || !m_wizard->preview() || name.trimmed().isEmpty())
        return false;
    core::CoreError error;
    if (!core::saveMappingProfile(ws->database(), name.trimmed(),
                                  m_wizard->mapping().toProfile(m_wizard->preview()->header),
                                  &error)) {
        m_missing->setText(errorMessage(error));
        return false;
    }
    m_wizard->setProfileName(name.trimmed());
    reloadProfiles();
    m_profiles->setCurrentText(name.trimmed());
    return true;
}

void MappingPage::updateTypedPreview()
{
    const auto &preview = m_wizard->preview();
    const core::ColumnMapping &mapping = m_wizard->mapping();
    QStringList missing;
    for (core::Field f : mapping.missingRequired())
        missing.append(fieldLabel(f));
    m_missing->setText(missing.isEmpty() ? QString()
                                         : Tr::tr("Required fields without a column: %1")
                                               .arg(missing.join(u", "_s)));
    m_typed->clear();
    m_typed->setColumnCount(6);
    m_typed->setHorizontalHeaderLabels({Tr::tr("Line"), Tr::tr("Outcome"),
                                        fieldLabel(core::Field::CertificateNo),
                                        fieldLabel(core::Field::VerificationDate),
                                        fieldLabel(core::Field::Conclusion),
                                        fieldLabel(core::Field::MaxError)});
    if (!preview || !missing.isEmpty()) {
        m_typed->setRowCount(0);
        return;
    }
    m_typed->setRowCount(static_cast<int>(preview->rows.size()));
    const core::ParseContext context{preview->dateSystem};
    for (int r = 0; r < preview->rows.size(); ++r) {
        core::VerificationRecord record;
        core::RecordExtras extras;
        const auto issue = core::parseRecord(preview->rows[r], preview->lines[r],
                                             static_cast<int>(preview->header.size()), mapping,
                                             context, record, extras);
        auto set = [&](int c, const QString &text) {
            m_typed->setItem(r, c, new QTableWidgetItem(text));
        };
        set(0, QString::number(preview->lines[r]));
        if (issue) {
            set(1, Tr::tr("Quarantine: %1").arg(rowIssueText(
                       QString(core::rowIssueCodeKey(issue->code)))));
            continue;
        }
        set(1, extras.flags.isEmpty() ? Tr::tr("Import") : Tr::tr("Import (values kept as text)"));
        set(2, record.text(core::Field::CertificateNo));
        set(3, record.verificationDate.toString(Qt::ISODate));
        set(4, *record.passed ? Tr::tr("Pass") : Tr::tr("Fail"));
        set(5, std::isnan(record.maxError)
                   ? QString()
                   : QString::number(record.maxError, 'g', 6) + u' ' + extras.valueUnit);
    }
}

bool MappingPage::isComplete() const
{
    return m_wizard->preview().has_value() && m_wizard->mapping().missingRequired().isEmpty();
}

} // namespace metroeval::ui
