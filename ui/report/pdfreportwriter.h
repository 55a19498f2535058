// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportmodel.h"

#include <QString>

namespace metroeval::ui {

/// \brief Renders \a model to a PDF at \a path: vector text in Noto Sans CJK SC (embedded by Qt's
/// PDF engine), the rate chart drawn by QCustomPlot straight into the PDF painter (vectors), and
/// the rate table. Needs a QApplication (QCustomPlot is a widget); the offscreen platform is enough.
/// Writes to a temporary file and renames it, so a failure leaves no half-written report.
bool writePdfReport(const core::ReportModel &model, const QString &path, QString *errorDetail);

} // namespace metroeval::ui
