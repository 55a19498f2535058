// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/filepages.h"

#include "import/importtexts.h"
#include "import/importwizard.h"
#include "i18n/labels.h"
#include "tr.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

FilePage::FilePage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_path(new QLineEdit(wizard->filePath(), this))
{
    setTitle(Tr::tr("Export File"));
    setSubTitle(Tr::tr("Choose the CSV or Excel (XLSX) export of the institute's system."));
    auto *browse = new QPushButton(Tr::tr("Browse..."), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addStretch(1);
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, Tr::tr("Import Records"), QFileInfo(m_path->text()).absolutePath(),
            Tr::tr("Exports (*.csv *.txt *.xlsx);;All files (*)"));
        if (!path.isEmpty())
            m_path->setText(path);
    });
}

bool FilePage::isComplete() const
{
    return QFileInfo(m_path->text()).isFile();
}

bool FilePage::validatePage()
{
    m_wizard->setFilePath(m_path->text());
    return true;
}

PreviewPage::PreviewPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_sheet(new QComboBox(this))
    , m_detected(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setTitle(Tr::tr("Preview"));
    setSubTitle(Tr::tr("Check that the text and the columns look right; change the encoding, "
                       "delimiter or sheet if they do not."));
    m_encoding->addItem(Tr::tr("Detect"), QString());
    for (const char *name : {"UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"})
        m_encoding->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    m_delimiter->addItem(Tr::tr("Detect"), QString());
    for (const QString &d : {u","_s, u";"_s, u"\t"_s, u"|"_s})
        m_delimiter->addItem(delimiterName(d), d);
    auto *form = new QFormLayout;
    form->addRow(Tr::tr("Encoding:"), m_encoding);
    form->addRow(Tr::tr("Delimiter:"), m_delimiter);
    form->addRow(Tr::tr("Sheet:"), m_sheet);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_detected);
    layout->addWidget(m_table, 1);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QComboBox *box : {m_encoding, m_delimiter, m_sheet})
        connect(box, &QComboBox::currentIndexChanged, this, &PreviewPage::applyOptions);
    connect(wizard, &ImportWizard::previewChanged, this, &PreviewPage::showPreview);
}

void PreviewPage::initializePage()
{
    m_wizard->refreshPreview();
}

void PreviewPage::applyOptions()
{
    if (m_updating)
        return;
    core::SourceOptions options;
    options.encoding = m_encoding->currentData().toString().toLatin1();
    const QString d = m_delimiter->currentData().toString();
    if (!d.isEmpty())
        options.delimiter = d.front();
    options.sheet = m_sheet->currentIndex() > 0 ? m_sheet->currentText() : QString();
    m_wizard->setSourceOptions(options);
}

QString PreviewPage::detectedText() const
{
    return m_detected->text();
}

void PreviewPage::showPreview()
{
    const auto &preview = m_wizard->preview();
    m_table->clear();
    if (!preview) {
        m_detected->setText(errorMessage(m_wizard->previewError()));
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        Q_EMIT completeChanged();
        return;
    }
    const bool xlsx = preview->kind == core::SourceKind::Xlsx;
    m_updating = true;
    m_encoding->setEnabled(!xlsx);
    m_delimiter->setEnabled(!xlsx);
    m_sheet->setEnabled(xlsx && preview->sheets.size() > 1);
    if (m_sheet->count() != preview->sheets.size() + 1) {
        m_sheet->clear();
        m_sheet->addItem(Tr::tr("First sheet"));
        m_sheet->addItems(preview->sheets);
    }
    m_updating = false;
    m_detected->setText(
        xlsx ? Tr::tr("Excel workbook, sheet \"%1\", %2 date system")
                   .arg(preview->sheet,
                        preview->dateSystem == core::DateSystem::Excel1904 ? u"1904"_s
                                                                           : u"1900"_s)
             : Tr::tr("Detected encoding: %1; delimiter: %2")
                   .arg(preview->encoding, delimiterName(preview->delimiter)));
    m_table->setColumnCount(static_cast<int>(preview->header.size()));
    m_table->setHorizontalHeaderLabels(preview->header);
    m_table->setRowCount(static_cast<int>(preview->rows.size()));
    for (int r = 0; r < preview->rows.size(); ++r) {
        m_table->setVerticalHeaderItem(r, new QTableWidgetItem(QString::number(preview->lines[r])));
        for (int c = 0; c < preview->rows[r].size() && c < preview->header.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(preview->rows[r][c]));
    }
    Q_EMIT completeChanged();
}

bool PreviewPage::isComplete() const
{
    return m_wizard->preview().has_value();
}

} // namespace metroeval::ui
