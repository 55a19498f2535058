// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace metroeval::test {

/// \brief The Chinese header row of shared/design/domain.md §2, as the sample generator writes it.
QByteArray exportHeader();

/// \brief One export line: certificate, manufacturer, verification date, conclusion; the other
/// fields get plausible fixed values.
QByteArray exportLine(const QString &certificate, const QString &manufacturer, const QString &date,
                      const QString &conclusion);

/// \brief Writes \a bytes to \a name inside \a dir and returns the path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes);

QString testDataPath(const QString &relative);

} // namespace metroeval::test
