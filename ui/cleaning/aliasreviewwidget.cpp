// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/aliasreviewwidget.h"

#include "cleaning/aliasdecisioncommand.h"
#include "cleaning/aliassuggestionmodel.h"
#include "tr.h"
#include "workspacedocument.h"

#include "cleaning/cleaner.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

namespace {

QString sideHtml(const QString &title, const QJsonObject &side)
{
    QString models;
    for (const QJsonValue &m : side.value(u"models"_s).toArray()) {
        const QJsonObject o = m.toObject();
        models += o.value(u"value"_s).toString().toHtmlEscaped() + u" ("_s
                  + QString::number(o.value(u"records"_s).toInteger()) + u") "_s;
    }
    const QJsonObject analysis = side.value(u"analysis"_s).toObject();
    return u"<h4>"_s + title + u"</h4><p><b>"_s + side.value(u"name"_s).toString().toHtmlEscaped()
           + u"</b><br>"_s
           + Tr::tr("%1 records, %2 – %3")
                 .arg(side.value(u"records"_s).toInteger())
                 .arg(side.value(u"first"_s).toString(), side.value(u"last"_s).toString())
           + u"<br>"_s + Tr::tr("Models: %1").arg(models) + u"<br>"_s
           + Tr::tr("Place: %1; name core: %2; legal form: %3")
                 .arg(analysis.value(u"place"_s).toString().toHtmlEscaped(),
                      analysis.value(u"core"_s).toString().toHtmlEscaped(),
                      analysis.value(u"legal_form"_s).toString().toHtmlEscaped())
           + u"</p>"_s;
}

} // namespace

AliasReviewWidget::AliasReviewWidget(WorkspaceDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_model(new AliasSuggestionModel(this))
    , m_table(new QTableView(this))
    , m_evidence(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_accept(new QPushButton(Tr::tr("Accept"), this))
    , m_reject(new QPushButton(Tr::tr("Reject"), this))
    , m_edit(new QPushButton(Tr::tr("Edit target…"), this))
    , m_undo(new QUndoStack(this))
{
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    auto *undo = new QPushButton(Tr::tr("Undo"), this);
    auto *redo = new QPushButton(Tr::tr("Redo"), this);
    auto *apply = new QPushButton(Tr::tr("Apply decisions"), this);
    apply->setToolTip(Tr::tr("Run the cleaning again so that the decisions take effect"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_accept, m_reject, m_edit, undo, redo, apply})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_evidence);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_accept, &QPushButton::clicked, this, [this] { decide(true, false); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false, false); });
    connect(m_edit, &QPushButton::clicked, this, [this] { decide(true, true); });
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(apply, &QPushButton::clicked, this, &AliasReviewWidget::apply);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AliasReviewWidget::showEvidence);
    if (m_doc)
        connect(m_doc, &WorkspaceDocument::workspaceChanged, this, [this] {
            m_undo->clear();
            reload();
        });
    reload();
}

void AliasReviewWidget::reload()
{
    const int row = m_table->currentIndex().row();
    core::CoreError error;
    core::Workspace *ws = m_doc ? m_doc->workspace() : nullptr;
    m_model->setSuggestions(ws ? core::cleaning::loadSuggestions(*ws, &error)
                               : QList<core::cleaning::StoredSuggestion>());
    if (row >= 0 && row < m_model->rowCount())
        m_table->selectRow(row);
    qsizetype pending = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        pending += m_model->at(r)->status == "pending"_L1 ? 1 : 0;
    m_status->setText(
        ws ? Tr::tr("%1 suggestions, %2 pending").arg(m_model->rowCount()).arg(pending)
           : Tr::tr("No workspace open"));
    showEvidence();
}

void AliasReviewWidget::showEvidence()
{
    const auto *s = m_model->at(m_table->currentIndex().row());
    for (QPushButton *b : {m_accept, m_reject, m_edit})
        b->setEnabled(s != nullptr);
    if (!s) {
        m_evidence->clear();
        return;
    }
    const QJsonObject &e = s->suggestion.evidence;
    QString html = Tr::tr("<p>Score %1 = 0.75 × name %2 + 0.25 × models %3</p>")
                       .arg(s->suggestion.score, 0, 'f', 3)
                       .arg(s->suggestion.nameScore, 0, 'f', 3)
                       .arg(s->suggestion.modelScore, 0, 'f', 3);
    if (!s->suggestion.blocked.isEmpty())
        html += u"<p style='color:darkred'>"_s
                + Tr::tr("Never merged automatically: %1").arg(blockerText(s->suggestion.blocked))
                + u"</p>"_s;
    html += sideHtml(Tr::tr("Spelling"), e.value(u"alias"_s).toObject());
    html += sideHtml(Tr::tr("Merge into"), e.value(u"canonical"_s).toObject());
    m_evidence->setHtml(html);
}

void AliasReviewWidget::decide(bool accept, bool edit)
{
    const auto *s = m_model->at(m_table->currentIndex().row());
    core::Workspace *ws = m_doc ? m_doc->workspace() : nullptr;
    if (!s || !ws)
        return;
    core::cleaning::AliasDecision d;
    d.alias = s->suggestion.alias;
    d.canonical = s->suggestion.canonical;
    d.accepted = accept;
    d.validFromDay = s->suggestion.validFromDay;
    d.score = s->suggestion.score;
    d.userName = qEnvironmentVariable("USER");
    if (edit) {
        bool ok = false;
        const QString target = QInputDialog::getText(this, Tr::tr("Merge into"),
                                                     Tr::tr("Canonical manufacturer name:"),
                                                     QLineEdit::Normal, d.canonical, &ok);
        if (!ok || target.trimmed().isEmpty())
            return;
        d.canonical = target.trimmed();
    }
    const QString text = accept ? Tr::tr("Accept %1 → %2").arg(d.alias, d.canonical)
                                : Tr::tr("Reject %1 → %2").arg(d.alias, d.canonical);
    m_undo->push(new AliasDecisionCommand(ws, d, text, [this] { reload(); }));
}

void AliasReviewWidget::apply()
{
    core::Workspace *ws = m_doc ? m_doc->workspace() : nullptr;
    if (!ws)
        return;
    core::CoreError error;
    const auto summary = core::cleaning::rerunCleaning(*ws, qEnvironmentVariable("USER"), &error);
    if (!summary) {
        m_status->setText(Tr::tr("Cleaning failed: %1").arg(error.detail));
        return;
    }
    reload();
    m_status->setText(Tr::tr("Cleaning applied: %1 records changed, %2 masked")
                          .arg(summary->changedRecords)
                          .arg(summary->maskedRecords));
    Q_EMIT cleaningApplied();
}

} // namespace metroeval::ui
