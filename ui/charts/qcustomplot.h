// SPDX-License-Identifier: GPL-3.0-or-later
// The one place the project includes QCustomPlot. Its header uses the Qt keywords `signals` and
// `foreach`, which every MetroEval target disables (QT_NO_KEYWORDS, QT_NO_FOREACH); they are
// mapped to their macro forms for this include only.
#pragma once

#include <QtGlobal>

#if defined(signals) || defined(foreach)
#include <qcustomplot.h>
#else
#define signals Q_SIGNALS
#define foreach(variable, container) for (variable : container)
#include <qcustomplot.h>
#undef signals
#undef foreach
#endif
