// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/language.h"

#include <QCoreApplication>
#include <QFont>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

QString cjkFontFamily()
{
    return u"Noto Sans CJK SC"_s;
}

QFont uiFont(double pointSize)
{
    QFont font(cjkFontFamily());
    font.setPointSizeF(pointSize);
    return font;
}

QString preferredLanguage()
{
    const QString saved = QSettings().value(u"ui/language"_s).toString();
    if (saved == "zh_CN"_L1 || saved == "en"_L1)
        return saved;
    // Chinese is the primary language: taken unless the system asks for another one (a "C" or
    // POSIX locale asks for none).
    const QLocale::Language system = QLocale::system().language();
    return system == QLocale::Chinese || system == QLocale::C ? u"zh_CN"_s : u"en"_s;
}

void saveLanguage(const QString &language)
{
    QSettings().setValue(u"ui/language"_s, language);
}

bool installLanguage(const QString &language)
{
    static std::unique_ptr<QTranslator> app;
    static std::unique_ptr<QTranslator> qt;
    for (auto *t : {app.get(), qt.get()}) {
        if (t)
            QCoreApplication::removeTranslator(t);
    }
    app = std::make_unique<QTranslator>();
    qt = std::make_unique<QTranslator>();
    // English is the source language; its catalogue exists so that plural forms read well.
    const bool loaded = app->load(u":/i18n/metroeval_"_s + language + u".qm"_s);
    if (loaded)
        QCoreApplication::installTranslator(app.get());
    if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    return loaded;
}

} // namespace metroeval::ui
