// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationplan.h"
#include "evaluation/evaluationresult.h"

#include <optional>

namespace metroeval::core {

class Workspace;

/// \brief Runs \a plan on the records of \a workspace: scope filter, grouping, pass rate with the
/// plan's interval per group. Fails with NoData when the scope holds no record.
std::optional<EvaluationResult> evaluate(Workspace &workspace, const EvaluationPlan &plan,
                                         CoreError *error);

/// \brief Stores \a result in the workspace (table evaluation_result); returns its id or 0.
qint64 saveResult(Workspace &workspace, const EvaluationResult &result, CoreError *error);

} // namespace metroeval::core
