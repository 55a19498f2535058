// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace metroeval::ui {

/// \brief A sentence a person can act on for a quarantine or flag code of core (RowIssueCode
/// keys such as "unbalanced_quote").
QString rowIssueText(const QString &codeKey);

/// \brief "Comma", "Tab" ... for a delimiter character.
QString delimiterName(const QString &delimiter);

} // namespace metroeval::ui
