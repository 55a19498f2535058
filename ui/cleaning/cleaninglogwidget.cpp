// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/cleaninglogwidget.h"

#include "cleaning/aliasdecisioncommand.h"
#include "cleaning/cleaninglogmodel.h"
#include "cleaning/rules.h"
#include "i18n/labels.h"
#include "listtable.h"
#include "tr.h"
#include "workspacedocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

CleaningLogWidget::CleaningLogWidget(WorkspaceDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_model(new CleaningLogModel(this))
    , m_rules(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_revertEntry(new QPushButton(Tr::tr("Revert entry"), this))
    , m_revertRule(new QPushButton(Tr::tr("Revert rule"), this))
{
    m_revertEntry->setToolTip(Tr::tr("Undo this change now; later runs do not repeat it"));
    m_revertRule->setToolTip(Tr::tr("Undo every change of this rule now; later runs do not "
                                    "repeat them"));
    m_rules->addItem(Tr::tr("All rules"), QString());
    for (const core::cleaning::RuleInfo &r : core::cleaning::allRules())
        m_rules->addItem(cleaningRuleLabel(QString(r.code)), QString(r.code));
    setUpListTable(m_table, m_model);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rules);
    buttons->addWidget(m_revertEntry);
    buttons->addWidget(m_revertRule);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_rules, &QComboBox::currentIndexChanged, this, &CleaningLogWidget::reload);
    connect(m_revertEntry, &QPushButton::clicked, this, &CleaningLogWidget::revertEntry);
    connect(m_revertRule, &QPushButton::clicked, this, &CleaningLogWidget::revertRule);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CleaningLogWidget::updateButtons);
    if (m_doc) {
        connect(m_doc, &WorkspaceDocument::workspaceChanged, this, &CleaningLogWidget::reload);
        connect(m_doc, &WorkspaceDocument::reviewChanged, this, &CleaningLogWidget::reload);
        connect(m_doc, &WorkspaceDocument::cleaningApplied, this, &CleaningLogWidget::reload);
        connect(m_doc, &WorkspaceDocument::cleaningStarted, this,
                [this] { m_status->setText(Tr::tr("Cleaning runs…")); });
    }
    reload();
}

void CleaningLogWidget::setRuleFilter(const QString &rule)
{
    const int index = m_rules->findData(rule);
    m_rules->setCurrentIndex(index >= 0 ? index : 0);
}

void CleaningLogWidget::reload()
{
    core::Workspace *ws = m_doc ? m_doc->workspace() : nullptr;
    core::CoreError error;
    const qint64 run = ws ? core::cleaning::latestRunId(*ws) : 0;
    m_model->setEntries(run > 0 ? core::cleaning::loadLog(*ws, run, m_rules->currentData().toString(),
                                                          &error)
                                : QList<core::cleaning::LogEntry>());
    qsizetype reverted = 0;
    for (int r = 0; r < m_model->rowCount(); ++r)
        reverted += m_model->at(r)->reverted ? 1 : 0;
    m_status->setText(!ws       ? Tr::tr("No workspace open")
                      : run == 0 ? Tr::tr("Not cleaned yet")
                                 : Tr::tr("Run %1: %2 entries, %3 reverted")
                                       .arg(run)
                                       .arg(m_model->rowCount())
                                       .arg(reverted));
    updateButtons();
}

void CleaningLogWidget::updateButtons()
{
    const auto *e = m_model->at(m_table->currentIndex().row());
    m_revertEntry->setEnabled(e && !e->reverted);
    m_revertRule->setEnabled(e != nullptr);
}

void CleaningLogWidget::revertEntry()
{
    const auto *e = m_model->at(m_table->currentIndex().row());
    if (!e || e->reverted || !m_doc || !m_doc->workspace())
        return;
    m_doc->undoStack()->push(new RevertCommand(
        m_doc, e->id, e->rule, Tr::tr("Revert %1: %2 → %3").arg(cleaningRuleLabel(e->rule), e->before, e->after)));
}

void CleaningLogWidget::revertRule()
{
    const auto *e = m_model->at(m_table->currentIndex().row());
    if (!e || !m_doc || !m_doc->workspace())
        return;
    m_doc->undoStack()->push(
        new RevertCommand(m_doc, 0, e->rule, Tr::tr("Revert rule %1").arg(cleaningRuleLabel(e->rule))));
}

} // namespace metroeval::ui
