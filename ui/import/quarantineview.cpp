// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/quarantineview.h"

#include "import/importtexts.h"
#include "import/quarantinemodel.h"
#include "i18n/labels.h"
#include "tr.h"
#include "workspacedocument.h"

#include "storage/workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace metroeval::ui {

QuarantineView::QuarantineView(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new QuarantineModel(this))
    , m_table(new QTableView(this))
    , m_editor(new QTableWidget(this))
    , m_reimport(new QPushButton(Tr::tr("Re-import Corrected Row"), this))
    , m_status(new QLabel(this))
{
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_editor->setRowCount(1);
    m_editor->setMaximumHeight(90);
    m_editor->setToolTip(Tr::tr("Correct the cells of the selected row, then re-import it."));
    m_reimport->setEnabled(false);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(Tr::tr("Rows that were not imported:"), this));
    layout->addWidget(m_table, 1);
    layout->addWidget(new QLabel(Tr::tr("Cells of the selected row:"), this));
    layout->addWidget(m_editor);
    layout->addWidget(m_reimport);
    layout->addWidget(m_status);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selected = current.isValid() ? current.row() : -1;
                loadEditor();
            });
    connect(m_reimport, &QPushButton::clicked, this, [this] { reimportSelected(); });
    if (m_document)
        connect(m_document, &WorkspaceDocument::quarantineChanged, this, &QuarantineView::refresh);
    refresh();
}

void QuarantineView::setBatchFilter(qint64 batchId)
{
    m_batchFilter = batchId;
    refresh();
}

void QuarantineView::refresh()
{
    QList<core::QuarantinedRow> rows;
    if (m_document && m_document->workspace()) {
        for (const core::QuarantinedRow &r :
             core::listQuarantine(m_document->workspace()->database(), true)) {
            if (m_batchFilter == 0 || r.batchId == m_batchFilter)
                rows.append(r);
        }
    }
    m_model->setRows(rows);
    m_selected = -1;
    loadEditor();
    if (!rows.isEmpty())
        selectRow(0);
}

void QuarantineView::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_selected = row;
    loadEditor();
}

void QuarantineView::loadEditor()
{
    m_editor->clear();
    m_reimport->setEnabled(m_selected >= 0);
    if (m_selected < 0 || !m_document || !m_document->workspace()) {
        m_editor->setColumnCount(0);
        return;
    }
    const core::QuarantinedRow &r = m_model->row(m_selected);
    const QStringList header =
        core::batchHeader(m_document->workspace()->database(), r.batchId);
    // A row with a wrong cell count or a broken quote is laid out under the header as far as it
    // goes; its raw text stays visible in the tooltip and the status line.
    m_editor->setColumnCount(static_cast<int>(header.size()));
    m_editor->setHorizontalHeaderLabels(header);
    for (int c = 0; c < header.size(); ++c)
        m_editor->setItem(0, c, new QTableWidgetItem(r.fields.value(c)));
    m_status->setText(rowIssueText(r.code) + u'\n' + Tr::tr("Line %1: %2").arg(r.line).arg(
                                                         r.rawText.left(300)));
}

bool QuarantineView::reimportSelected()
{
    if (m_selected < 0 || !m_document)
        return false;
    const core::QuarantinedRow r = m_model->row(m_selected);
    QStringList fields;
    for (int c = 0; c < m_editor->columnCount(); ++c)
        fields.append(m_editor->item(0, c) ? m_editor->item(0, c)->text() : QString());
    core::CoreError error;
    const auto result = m_document->reimportQuarantined(r.id, fields, &error);
    if (!result) {
        m_status->setText(errorMessage(error));
        return false;
    }
    using Kind = core::ReimportResult::Kind;
    QString message;
    switch (result->kind) {
    case Kind::Imported:
        message = Tr::tr("Line %1 was imported.").arg(r.line);
        break;
    case Kind::NewVersion:
        message = Tr::tr("Line %1 was imported as a new version of its certificate.").arg(r.line);
        break;
    case Kind::Duplicate:
        message = Tr::tr("Line %1 duplicates a record already in the workspace.").arg(r.line);
        break;
    case Kind::StillQuarantined:
        message = Tr::tr("Line %1 still cannot be imported: %2")
                      .arg(r.line)
                      .arg(rowIssueText(
                          QString(core::rowIssueCodeKey(result->issue->code))));
        break;
    }
    // The document's quarantineChanged() has refreshed the list; say what happened.
    m_status->setText(message);
    return result->kind != Kind::StillQuarantined;
}

QString QuarantineView::statusText() const
{
    return m_status->text();
}

} // namespace metroeval::ui
