// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationplan.h"
#include "evaluation/evaluationresult.h"

#include <functional>
#include <optional>

namespace metroeval::core {

class Workspace;

/// \brief How to run an evaluation.
struct EvaluateOptions
{
    /// Called with the percentage done (0–100) now and then; returning false cancels the run
    /// (evaluate then fails with Cancelled). Called on the evaluating thread.
    std::function<bool(int percent)> progress;
};

/// \brief Runs \a plan on the records of \a workspace: loads the scope once into a columnar
/// dataset, then groups × periods, the plan's indicators, models, criteria, validation and early
/// warning (docs/result-format.md). Fails with NoData when the scope holds no record, Cancelled
/// when the progress callback says so, DatabaseError on a query failure. Safe to run off the UI
/// thread as long as \a workspace is used by that thread only meanwhile.
std::optional<EvaluationResult> evaluate(Workspace &workspace, const EvaluationPlan &plan,
                                         const EvaluateOptions &options, CoreError *error);

/// \brief evaluate() without progress reporting.
std::optional<EvaluationResult> evaluate(Workspace &workspace, const EvaluationPlan &plan,
                                         CoreError *error);

/// \brief Stores \a result in the workspace (table evaluation_result); returns its id or 0.
qint64 saveResult(Workspace &workspace, const EvaluationResult &result, CoreError *error);

} // namespace metroeval::core
