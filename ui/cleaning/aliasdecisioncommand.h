// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/cleaningstore.h"

#include <QPointer>
#include <QUndoCommand>

#include <optional>

namespace metroeval::ui {

class WorkspaceDocument;

/// \brief One review decision on a manufacturer alias or a model spelling (accept, reject or
/// edit), undoable on the document's stack (Tiled's change*.h habit). redo() stores the decision,
/// undo() restores what was stored before (or removes it); the document then announces
/// reviewChanged(). "Apply decisions" runs the cleaning with them.
class AliasDecisionCommand : public QUndoCommand
{
public:
    AliasDecisionCommand(WorkspaceDocument *document, core::cleaning::AliasDecision decision,
                         const QString &text);

    void redo() override;
    void undo() override;

private:
    QPointer<WorkspaceDocument> m_document;
    core::cleaning::AliasDecision m_decision;
    std::optional<core::cleaning::AliasDecision> m_previous;
};

/// \brief A revert of one cleaning-log entry or of every entry of a rule, undoable on the
/// document's stack. Either way the cleaning runs again at once, in the background
/// (WorkspaceDocument::applyCleaningInBackground()), so the revert (or its undo) reaches
/// record_clean and record_mask now.
class RevertCommand : public QUndoCommand
{
public:
    /// A single entry (\a logId > 0) or, with \a logId 0, every entry of \a rule.
    RevertCommand(WorkspaceDocument *document, qint64 logId, const QString &rule,
                  const QString &text);

    void redo() override;
    void undo() override;

private:
    QPointer<WorkspaceDocument> m_document;
    qint64 m_logId;
    QString m_rule;
    core::cleaning::RevertRecord m_record;
};

} // namespace metroeval::ui
