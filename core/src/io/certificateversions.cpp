// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/certificateversions.h"

#include <string_view>

namespace metroeval::core {

std::uint64_t CertificateVersions::defaultKey(QByteArrayView certificate)
{
    return textKey(std::string_view(certificate.data(), std::size_t(certificate.size())));
}

CertificateVersions::Placement CertificateVersions::advance(Current &current)
{
    const Placement placement{qint64(current.version) + 1,
                              current.version > 0 ? current.ordinal : -1};
    current.ordinal = m_next++;
    current.version = quint32(placement.version);
    return placement;
}

CertificateVersions::Placement CertificateVersions::place(QByteArrayView certificate,
                                                          std::uint64_t key)
{
    const std::string_view text(certificate.data(), std::size_t(certificate.size()));
    if (!m_apart.empty()) {
        if (const auto it = m_apart.find(std::string(text)); it != m_apart.end())
            return advance(it->second);
    }
    bool added = false;
    Current &slot = m_current.findOrAdd(key, &added);
    if (added) {
        slot.textOffset = m_texts.size();
        slot.textSize = quint32(text.size());
        m_texts.append(text);
    } else if (std::string_view(m_texts).substr(slot.textOffset, slot.textSize) != text) {
        return advance(m_apart[std::string(text)]);
    }
    return advance(slot);
}

void CertificateVersions::reserve(std::size_t records)
{
    m_current.reserve(records);
    m_texts.reserve(records * 16);
}

} // namespace metroeval::core
