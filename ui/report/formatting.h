// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace metroeval::ui {

/// \brief "97.3 %" or "—" when undefined. One decimal: rates are never shown finer than their data.
QString formatPercent(double fraction);
/// \brief "95.1 % – 98.6 %" or "—".
QString formatInterval(double lower, double upper);

} // namespace metroeval::ui
