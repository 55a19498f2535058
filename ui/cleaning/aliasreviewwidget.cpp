// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/aliasreviewwidget.h"

#include "cleaning/aliasdecisioncommand.h"
#include "cleaning/aliassuggestionmodel.h"
#include "i18n/labels.h"
#include "listtable.h"
#include "tr.h"
#include "workspacedocument.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QTextBrowser>
#include <QUndoStack>
#include <QVBoxLayout>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

namespace {

QString datesHtml(const QJsonObject &side)
{
    return Tr::tr("%1 records, %2 – %3")
        .arg(side.value(u"records"_s).toInteger())
        .arg(side.value(u"first"_s).toString(), side.value(u"last"_s).toString());
}

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
           + u"</b><br>"_s + datesHtml(side) + u"<br>"_s + Tr::tr("Models: %1").arg(models)
           + u"<br>"_s
           + Tr::tr("Place: %1; name core: %2; legal form: %3")
                 .arg(analysis.value(u"place"_s).toString().toHtmlEscaped(),
                      analysis.value(u"core"_s).toString().toHtmlEscaped(),
                      analysis.value(u"legal_form"_s).toString().toHtmlEscaped())
           + u"</p>"_s;
}

QString manufacturerHtml(const core::cleaning::StoredSuggestion &s)
{
    const QJsonObject &e = s.suggestion.evidence;
    QString html = Tr::tr("<p>Score %1 = 0.75 × name %2 + 0.25 × models %3</p>")
                       .arg(s.suggestion.score, 0, 'f', 3)
                       .arg(s.suggestion.nameScore, 0, 'f', 3)
                       .arg(s.suggestion.modelScore, 0, 'f', 3);
    if (!s.suggestion.blocked.isEmpty())
        html += u"<p style='color:darkred'>"_s
                + Tr::tr("Never merged automatically: %1").arg(blockerText(s.suggestion.blocked))
                + u"</p>"_s;
    html += sideHtml(Tr::tr("Spelling"), e.value(u"alias"_s).toObject());
    html += sideHtml(Tr::tr("Merge into"), e.value(u"canonical"_s).toObject());
    return html;
}

QString modelHtml(const core::cleaning::StoredSuggestion &s)
{
    const QJsonObject &e = s.suggestion.evidence;
    const QJsonObject canonical = e.value(u"canonical"_s).toObject();
    QString html
        = u"<p>"_s
          + Tr::tr("Same model key at %1: the spelling %2 has %3 of its %4 records (share %5).")
                .arg(s.suggestion.scope.toHtmlEscaped(),
                     s.suggestion.canonical.toHtmlEscaped())
                .arg(canonical.value(u"records"_s).toInteger())
                .arg(e.value(u"key_records"_s).toInteger())
                .arg(s.suggestion.score, 0, 'f', 3)
          + u"</p>"_s;
    if (s.status == "pending"_L1)
        html += u"<p>"_s + Tr::tr("Merged automatically until a decision is made.") + u"</p>"_s;
    for (const auto &[title, key] : {std::pair{Tr::tr("Spelling"), u"alias"_s},
                                     std::pair{Tr::tr("Merge into"), u"canonical"_s}}) {
        const QJsonObject side = e.value(key).toObject();
        html += u"<h4>"_s + title + u"</h4><p><b>"_s
                + side.value(u"name"_s).toString().toHtmlEscaped() + u"</b><br>"_s
                + datesHtml(side) + u"</p>"_s;
    }
    return html;
}

} // namespace

AliasReviewWidget::AliasReviewWidget(WorkspaceDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_model(new AliasSuggestionModel(this))
    , m_kinds(new QTabBar(this))
    , m_table(new QTableView(this))
    , m_evidence(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_accept(new QPushButton(Tr::tr("Accept"), this))
    , m_reject(new QPushButton(Tr::tr("Reject"), this))
    , m_edit(new QPushButton(Tr::tr("Edit target…"), this))
{
    m_kinds->addTab(Tr::tr("Manufacturers"));
    m_kinds->addTab(Tr::tr("Models"));
    m_kinds->setDrawBase(false);
    setUpListTable(m_table, m_model);
    auto *undo = new QPushButton(Tr::tr("Undo"), this);
    auto *redo = new QPushButton(Tr::tr("Redo"), this);
    auto *apply = new QPushButton(Tr::tr("Apply decisions"), this);
    apply->setToolTip(Tr::tr("Run the cleaning again so that the decisions take effect"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_kinds);
    for (QPushButton *b : {m_accept, m_reject, m_edit, undo, redo, apply})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_evidence);
    // The suggestions get most of the height; the evidence of the selected one the rest.
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_kinds, &QTabBar::currentChanged, this, &AliasReviewWidget::reload);
    connect(m_accept, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_edit, &QPushButton::clicked, this, &AliasReviewWidget::edit);
    connect(apply, &QPushButton::clicked, this, &AliasReviewWidget::apply);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AliasReviewWidget::showEvidence);
    undo->setEnabled(false);
    redo->setEnabled(false);
    if (m_doc) {
        QUndoStack *stack = m_doc->undoStack();
        connect(undo, &QPushButton::clicked, stack, &QUndoStack::undo);
        connect(redo, &QPushButton::clicked, stack, &QUndoStack::redo);
        connect(stack, &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
        connect(stack, &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
        connect(m_doc, &WorkspaceDocument::workspaceChanged, this, &AliasReviewWidget::reload);
        connect(m_doc, &WorkspaceDocument::reviewChanged, this, &AliasReviewWidget::reload);
        connect(m_doc, &WorkspaceDocument::cleaningStarted, this,
                [this] { m_status->setText(Tr::tr("Cleaning runs…")); });
        connect(m_doc, &WorkspaceDocument::cleaningApplied, this,
                [this](qint64 changed, qint64 masked) {
                    reload();
                    m_status->setText(Tr::tr("Cleaning applied: %1 records changed, %2 masked")
                                          .arg(changed)
                                          .arg(masked));
                });
        connect(m_doc, &WorkspaceDocument::cleaningFailed, this,
                [this](const core::CoreError &error) {
                    m_status->setText(Tr::tr("Cleaning failed: %1").arg(errorMessage(error)));
                });
    }
    reload();
}

void AliasReviewWidget::setKind(Kind kind)
{
    m_kinds->setCurrentIndex(kind == Models ? 1 : 0);
}

AliasReviewWidget::Kind AliasReviewWidget::kind() const
{
    return m_kinds->currentIndex() == 1 ? Models : Manufacturers;
}

void AliasReviewWidget::reload()
{
    const int row = m_table->currentIndex().row();
    core::CoreError error;
    core::Workspace *ws = m_doc ? m_doc->workspace() : nullptr;
    const QString kindKey = kind() == Models ? u"model"_s : u"manufacturer"_s;
    QList<core::cleaning::StoredSuggestion> rows;
    if (ws) {
        for (const auto &s : core::cleaning::loadSuggestions(*ws, &error)) {
            if (s.suggestion.kind == kindKey)
                rows.append(s);
        }
    }
    m_model->setSuggestions(rows);
    m_table->setColumnHidden(AliasSuggestionModel::Scope, kind() != Models);
    m_table->setColumnHidden(AliasSuggestionModel::Blocker, kind() == Models);
    m_table->setColumnHidden(AliasSuggestionModel::ValidFrom, kind() == Models);
    if (row >= 0 && row < m_model->rowCount())
        m_table->selectRow(row);
    qsizetype pending = 0;
    for (const auto &s : std::as_const(rows))
        pending += s.status == "pending"_L1 ? 1 : 0;
    m_status->setText(ws ? Tr::tr("%1 suggestions, %2 pending").arg(rows.size()).arg(pending)
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
    m_evidence->setHtml(s->suggestion.kind == "model"_L1 ? modelHtml(*s) : manufacturerHtml(*s));
}

void AliasReviewWidget::edit()
{
    const auto *s = m_model->at(m_table->currentIndex().row());
    if (!s)
        return;
    bool ok = false;
    const QString label = s->suggestion.kind == "model"_L1 ? Tr::tr("Canonical model spelling:")
                                                           : Tr::tr("Canonical manufacturer name:");
    const QString target = QInputDialog::getText(this, Tr::tr("Merge into"), label,
                                                 QLineEdit::Normal, s->suggestion.canonical, &ok);
    if (ok && !target.trimmed().isEmpty())
        decide(true, target.trimmed());
}

void AliasReviewWidget::decide(bool accept, const QString &target)
{
    const auto *s = m_model->at(m_table->currentIndex().row());
    if (!s || !m_doc || !m_doc->workspace())
        return;
    core::cleaning::AliasDecision d;
    d.kind = s->suggestion.kind;
    d.scope = s->suggestion.scope;
    d.alias = s->suggestion.alias;
    d.canonical = target.isEmpty() ? s->suggestion.canonical : target;
    d.accepted = accept;
    d.validFromDay = s->suggestion.validFromDay;
    d.score = s->suggestion.score;
    d.userName = qEnvironmentVariable("USER");
    const QString text = accept ? Tr::tr("Accept %1 → %2").arg(d.alias, d.canonical)
                                : Tr::tr("Reject %1 → %2").arg(d.alias, d.canonical);
    m_doc->undoStack()->push(new AliasDecisionCommand(m_doc, d, text));
}

void AliasReviewWidget::apply()
{
    if (m_doc)
        m_doc->applyCleaningInBackground();
}

} // namespace metroeval::ui
