// SPDX-License-Identifier: GPL-3.0-or-later
// CRITICAL: record identity (record.content_hash); must give recordContentHash()'s digest
// (tests/import/utf8parser_test.cpp compares the two).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <vector>

namespace metroeval::core {

/// \brief Builds the message recordContentHash() digests from UTF-8 field texts, for rows that
/// were never QStrings: per field its UTF-16 code units (native order, as QString::utf16())
/// followed by U+001F; a typed date is added as its ISO text (QDate::toString(Qt::ISODate)).
/// Fields are added in allFields() order.
class ContentHashMessage
{
public:
    void clear() { m_size = 0; }
    void addText(QByteArrayView utf8);
    void addText(QStringView text);
    /// SHA-256 of the message.
    QByteArray digest() const;
    /// The same, written into \a out (resized to 32 bytes; its buffer is reused).
    void digestTo(QByteArray &out) const;

private:
    char16_t *reserve(qsizetype units);

    std::vector<char16_t> m_units; ///< grows only; the message is the first m_size units
    std::size_t m_size = 0;
};

} // namespace metroeval::core
