// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationplan.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace metroeval::core {

class Workspace;

/// \brief One named plan kept in a workspace (table evaluation_plan, schema version 5).
struct StoredPlanInfo
{
    QString name;
    QString title;
    QDateTime createdAt; ///< UTC
    QDateTime updatedAt; ///< UTC
    QString userName;
};

/// \brief Whether \a name can name a stored plan: 1–100 characters, not only blanks, no control
/// characters.
bool isValidPlanName(const QString &name);

/// \brief Validates \a json with the plan parser and stores its normalised form (toJson) under
/// \a name, replacing a plan of that name (its created_at is kept). Errors: InvalidPlan (detail:
/// the JSON path, or "name" for a bad name), DatabaseError.
bool savePlanJson(Workspace &workspace, const QString &name, const QJsonObject &json,
                  const QString &userName, CoreError *error);
/// \brief Stores \a plan under \a name (as savePlanJson with plan.toJson()).
bool savePlan(Workspace &workspace, const QString &name, const EvaluationPlan &plan,
              const QString &userName, CoreError *error);

/// \brief The stored plans by name. Errors: DatabaseError.
std::optional<std::vector<StoredPlanInfo>> listPlans(Workspace &workspace, CoreError *error);

/// \brief The stored plan \a name, parsed again. std::nullopt with no error set when there is
/// no plan of that name; InvalidPlan (JSON path) when the stored JSON no longer parses;
/// DatabaseError.
std::optional<EvaluationPlan> loadStoredPlan(Workspace &workspace, const QString &name,
                                             CoreError *error);

/// \brief Removes the stored plan \a name; false with no error set when there was none.
bool deletePlan(Workspace &workspace, const QString &name, CoreError *error);

} // namespace metroeval::core
