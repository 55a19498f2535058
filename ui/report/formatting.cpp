// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/formatting.h"

#include <QLocale>

#include <cmath>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

QString formatPercent(double fraction)
{
    if (!std::isfinite(fraction))
        return u"—"_s;
    return QLocale::c().toString(100.0 * fraction, 'f', 1) + u" %"_s;
}

QString formatInterval(double lower, double upper)
{
    if (!std::isfinite(lower) || !std::isfinite(upper))
        return u"—"_s;
    return formatPercent(lower) + u" – "_s + formatPercent(upper);
}

} // namespace metroeval::ui
