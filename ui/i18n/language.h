// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QFont;

namespace metroeval::ui {

/// \brief The family every window and report uses for Chinese text. Named explicitly: without it
/// fontconfig picks the Japanese variant of Noto CJK for Han characters.
QString cjkFontFamily();
QFont uiFont(double pointSize = 10.0);

/// \brief "zh_CN" or "en": the saved choice, else Chinese on a Chinese system locale, else English.
QString preferredLanguage();
void saveLanguage(const QString &language);

/// \brief Installs the Qt and MetroEval translators for \a language ("zh_CN" or "en"), replacing the
/// previous ones; widgets receive QEvent::LanguageChange. Returns false if no catalogue was found.
bool installLanguage(const QString &language);

} // namespace metroeval::ui
