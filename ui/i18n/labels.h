// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "model/field.h"
#include "report/reportmodel.h"

#include <QString>

namespace metroeval::ui {

/// \brief Translated, person-facing names of core's data (fields, levels, audiences, errors).
QString fieldLabel(core::Field field);
QString securityLevelLabel(core::SecurityLevel level);
QString audienceLabel(core::Audience audience);
QString intervalMethodLabel(const QString &methodKey);
QString errorMessage(const core::CoreError &error);
/// \brief A GB/T 36344 dimension by its key (completeness, validity ...).
QString qualityDimensionLabel(const QString &key);
/// \brief A cleaning rule by its code (text_nfkc, conclusion_vs_error ...); unknown codes as is.
QString cleaningRuleLabel(const QString &code);

} // namespace metroeval::ui
