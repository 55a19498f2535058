// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace metroeval::ui {

/// \brief The one translation context of the user interface (Qt Creator's `Tr` habit).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MetroEval)
};

} // namespace metroeval::ui
