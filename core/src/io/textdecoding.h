// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace metroeval::core {

/// \brief The result of sniffing the start of a text file.
struct DetectedEncoding
{
    QByteArray name;   ///< a name QStringDecoder understands: "UTF-8", "UTF-16LE", "GB18030" ...
    int bomLength = 0; ///< bytes of byte-order mark to skip
};

/// \brief Picks the encoding of a file from its first bytes: a BOM (UTF-8, UTF-16 LE/BE) wins;
/// otherwise UTF-8 when the sample is valid UTF-8 (a sequence cut at the end of the sample is
/// tolerated), else GB18030, the superset of GBK used by older institute systems.
DetectedEncoding detectEncoding(QByteArrayView head);

/// \brief Maps a user-facing choice ("auto", "utf-8", "gb18030", "gbk", "utf-16le" ...) to a
/// decoder name; empty for "auto" or an unknown name.
QByteArray canonicalEncodingName(const QString &choice);

} // namespace metroeval::core
