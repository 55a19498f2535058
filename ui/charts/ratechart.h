// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QString>

#include <vector>

class QCustomPlot;

namespace metroeval::ui {

/// \brief One bar: a group's pass rate (0–1) with its interval; NaN rate draws no bar.
struct RateBar
{
    QString label;
    double rate = 0.0;
    double lower = 0.0;
    double upper = 0.0;
    bool flagged = false; ///< fewer records than the plan's minimum: drawn in a paler colour
};

/// \brief Draws pass rates in percent as bars with interval whiskers on \a plot (replacing what was
/// there). The same function feeds the window and the PDF, so both show the same chart.
void plotRates(QCustomPlot *plot, const std::vector<RateBar> &bars, const QString &valueAxisLabel,
               const QFont &font);

} // namespace metroeval::ui
