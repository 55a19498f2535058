// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/aliasdecisioncommand.h"

#include "workspacedocument.h"

namespace metroeval::ui {

AliasDecisionCommand::AliasDecisionCommand(WorkspaceDocument *document,
                                           core::cleaning::AliasDecision decision,
                                           const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_decision(std::move(decision))
    , m_previous(core::cleaning::findAliasDecision(*document->workspace(), m_decision.kind,
                                                   m_decision.scope, m_decision.alias))
{
}

void AliasDecisionCommand::redo()
{
    if (!m_document || !m_document->workspace())
        return;
    core::CoreError error;
    core::cleaning::storeAliasDecision(*m_document->workspace(), m_decision, &error);
    Q_EMIT m_document->reviewChanged();
}

void AliasDecisionCommand::undo()
{
    if (!m_document || !m_document->workspace())
        return;
    core::CoreError error;
    if (m_previous)
        core::cleaning::storeAliasDecision(*m_document->workspace(), *m_previous, &error);
    else
        core::cleaning::removeAliasDecision(*m_document->workspace(), m_decision.kind,
                                            m_decision.scope, m_decision.alias, &error);
    Q_EMIT m_document->reviewChanged();
}

RevertCommand::RevertCommand(WorkspaceDocument *document, qint64 logId, const QString &rule,
                             const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_logId(logId)
    , m_rule(rule)
{
}

void RevertCommand::redo()
{
    if (!m_document || !m_document->workspace())
        return;
    core::CoreError error;
    const QString user = qEnvironmentVariable("USER");
    const bool ok = m_logId > 0 ? core::cleaning::revertLogEntry(*m_document->workspace(), m_logId,
                                                                 user, &error, &m_record)
                                : core::cleaning::revertRule(*m_document->workspace(), m_rule,
                                                             user, &error, &m_record);
    if (!ok)
        m_record = {};
    Q_EMIT m_document->reviewChanged();
    m_document->applyCleaningInBackground();
}

void RevertCommand::undo()
{
    if (!m_document || !m_document->workspace() || m_record.suppressionId == 0)
        return;
    core::CoreError error;
    core::cleaning::undoRevert(*m_document->workspace(), m_record, &error);
    m_record = {};
    Q_EMIT m_document->reviewChanged();
    m_document->applyCleaningInBackground();
}

} // namespace metroeval::ui
