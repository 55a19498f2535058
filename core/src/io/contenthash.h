// SPDX-License-Identifier: GPL-3.0-or-later
// CRITICAL: record identity (record.content_hash); must give recordContentHash()'s digest
// (tests/import/utf8parser_test.cpp compares the two).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <optional>
#include <vector>

namespace metroeval::core {

/// \brief How a record's field texts enter its content hash. A workspace keeps one definition
/// for good (meta key `content_hash_text`, docs/import.md), since its stored hashes, record
/// identities and the data fingerprints of its results follow it: workspaces that held records
/// before schema 8 hash UTF-16, all others UTF-8, which costs the import half as many bytes to
/// hash and no conversion.
enum class ContentHashText {
    Utf16, ///< each text as UTF-16 code units in native (little-endian) order, then U+001F
    Utf8,  ///< each text as UTF-8 (a lone surrogate in its three-byte WTF-8 form), then 0x1F
};

/// The meta value naming \a text ("utf-16", "utf-8"), and back (nullopt for any other).
QByteArrayView contentHashTextKey(ContentHashText text);
std::optional<ContentHashText> contentHashTextFromKey(QByteArrayView key);

/// \brief Builds the message recordContentHash() digests from UTF-8 field texts, for rows that
/// were never QStrings: per field its text as \a ContentHashText says, then the separator; a
/// typed date is added as its ISO text (QDate::toString(Qt::ISODate)). Fields are added in
/// allFields() order.
class ContentHashMessage
{
public:
    explicit ContentHashMessage(ContentHashText text)
        : m_text(text)
    {
    }
    void clear() { m_size = 0; }
    void addText(QByteArrayView utf8);
    void addText(QStringView text);
    /// The message as it is hashed (UTF-16 code units as their bytes).
    QByteArrayView bytes() const;
    /// SHA-256 of the message.
    QByteArray digest() const;
    /// The same, written into \a out (resized to 32 bytes; its buffer is reused).
    void digestTo(QByteArray &out) const;

private:
    char16_t *reserveUnits(qsizetype units);
    char *reserveBytes(qsizetype bytes);

    ContentHashText m_text;
    // The message is the first m_size units (UTF-16) or bytes (UTF-8); both buffers only grow.
    std::vector<char16_t> m_units;
    std::vector<char> m_bytes;
    std::size_t m_size = 0;
};

} // namespace metroeval::core
