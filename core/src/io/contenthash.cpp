// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/contenthash.h"

#include "io/sha256.h"
#include "io/utf8text.h"

#include <algorithm>
#include <cstring>

namespace metroeval::core {

QByteArrayView contentHashTextKey(ContentHashText text)
{
    return text == ContentHashText::Utf8 ? QByteArrayView("utf-8") : QByteArrayView("utf-16");
}

std::optional<ContentHashText> contentHashTextFromKey(QByteArrayView key)
{
    for (const ContentHashText text : {ContentHashText::Utf16, ContentHashText::Utf8}) {
        if (key == contentHashTextKey(text))
            return text;
    }
    return std::nullopt;
}

char16_t *ContentHashMessage::reserveUnits(qsizetype units)
{
    const std::size_t needed = m_size + std::size_t(units);
    if (needed > m_units.size())
        m_units.resize(std::max(needed, 2 * m_units.size()));
    return m_units.data() + m_size;
}

char *ContentHashMessage::reserveBytes(qsizetype bytes)
{
    const std::size_t needed = m_size + std::size_t(bytes);
    if (needed > m_bytes.size())
        m_bytes.resize(std::max(needed, 2 * m_bytes.size()));
    return m_bytes.data() + m_size;
}

void ContentHashMessage::addText(QByteArrayView utf8)
{
    if (m_text == ContentHashText::Utf8) {
        char *out = reserveBytes(utf8.size() + 1);
        if (!utf8.isEmpty())
            out = static_cast<char *>(std::memcpy(out, utf8.data(), std::size_t(utf8.size())))
                  + utf8.size();
        *out++ = '\x1f';
        m_size = std::size_t(out - m_bytes.data());
        return;
    }
    char16_t *end = utf8::toUtf16(reserveUnits(utf8.size() + 1), utf8);
    *end++ = u'\x1f';
    m_size = std::size_t(end - m_units.data());
}

void ContentHashMessage::addText(QStringView text)
{
    if (m_text == ContentHashText::Utf8) {
        const bool ascii
            = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
        if (!ascii) {
            bool surrogate = false;
            addText(QByteArrayView(utf8::fromUtf16(text, &surrogate)));
            return;
        }
        char *out = reserveBytes(text.size() + 1);
        for (const QChar c : text)
            *out++ = char(c.unicode());
        *out++ = '\x1f';
        m_size = std::size_t(out - m_bytes.data());
        return;
    }
    char16_t *out = reserveUnits(text.size() + 1);
    out = std::copy(text.utf16(), text.utf16() + text.size(), out);
    *out++ = u'\x1f';
    m_size = std::size_t(out - m_units.data());
}

QByteArrayView ContentHashMessage::bytes() const
{
    if (m_text == ContentHashText::Utf8)
        return QByteArrayView(m_bytes.data(), qsizetype(m_size));
    return QByteArrayView(reinterpret_cast<const char *>(m_units.data()),
                          qsizetype(m_size * sizeof(char16_t)));
}

void ContentHashMessage::digestTo(QByteArray &out) const
{
    Sha256 hash;
    hash.addData(bytes());
    out.resize(32);
    hash.resultTo(out.data());
}

QByteArray ContentHashMessage::digest() const
{
    QByteArray out;
    digestTo(out);
    return out;
}

} // namespace metroeval::core
