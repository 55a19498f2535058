// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/cleaningstore.h"

#include <QUndoCommand>

#include <functional>
#include <optional>

namespace metroeval::core {
class Workspace;
}

namespace metroeval::ui {

/// \brief One review decision on a manufacturer alias (accept, reject or edit), undoable
/// (Tiled's change*.h habit). redo() stores the decision, undo() restores what was stored
/// before (or removes it). \a changed is called after either.
class AliasDecisionCommand : public QUndoCommand
{
public:
    AliasDecisionCommand(core::Workspace *workspace, core::cleaning::AliasDecision decision,
                         const QString &text, std::function<void()> changed);

    void redo() override;
    void undo() override;

private:
    core::Workspace *m_workspace;
    core::cleaning::AliasDecision m_decision;
    std::optional<core::cleaning::AliasDecision> m_previous;
    std::function<void()> m_changed;
};

} // namespace metroeval::ui
