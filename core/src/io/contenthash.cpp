// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/contenthash.h"

#include "io/sha256.h"
#include "io/utf8text.h"

#include <algorithm>

namespace metroeval::core {

char16_t *ContentHashMessage::reserve(qsizetype units)
{
    const std::size_t needed = m_size + std::size_t(units);
    if (needed > m_units.size())
        m_units.resize(std::max(needed, 2 * m_units.size()));
    return m_units.data() + m_size;
}

void ContentHashMessage::addText(QByteArrayView utf8)
{
    char16_t *end = utf8::toUtf16(reserve(utf8.size() + 1), utf8);
    *end++ = u'\x1f';
    m_size = std::size_t(end - m_units.data());
}

void ContentHashMessage::addText(QStringView text)
{
    char16_t *out = reserve(text.size() + 1);
    out = std::copy(text.utf16(), text.utf16() + text.size(), out);
    *out++ = u'\x1f';
    m_size = std::size_t(out - m_units.data());
}

void ContentHashMessage::digestTo(QByteArray &out) const
{
    Sha256 hash;
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(m_units.data()),
                                qsizetype(m_size * sizeof(char16_t))));
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
