// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/aliasdecisioncommand.h"

namespace metroeval::ui {

AliasDecisionCommand::AliasDecisionCommand(core::Workspace *workspace,
                                           core::cleaning::AliasDecision decision,
                                           const QString &text, std::function<void()> changed)
    : QUndoCommand(text)
    , m_workspace(workspace)
    , m_decision(std::move(decision))
    , m_previous(core::cleaning::findAliasDecision(*workspace, m_decision.kind, m_decision.scope,
                                                   m_decision.alias))
    , m_changed(std::move(changed))
{
}

void AliasDecisionCommand::redo()
{
    core::CoreError error;
    core::cleaning::storeAliasDecision(*m_workspace, m_decision, &error);
    if (m_changed)
        m_changed();
}

void AliasDecisionCommand::undo()
{
    core::CoreError error;
    if (m_previous)
        core::cleaning::storeAliasDecision(*m_workspace, *m_previous, &error);
    else
        core::cleaning::removeAliasDecision(*m_workspace, m_decision.kind, m_decision.scope,
                                            m_decision.alias, &error);
    if (m_changed)
        m_changed();
}

} // namespace metroeval::ui
