// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/certificateversions.h"

#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace metroeval::core {

namespace {
std::string_view view(QByteArrayView text)
{
    return {text.data(), std::size_t(text.size())};
}
} // namespace

std::uint64_t CertificateVersions::defaultKey(QByteArrayView text)
{
    return textKey(view(text));
}

std::string_view CertificateVersions::textAt(std::size_t offset) const
{
    quint32 size = 0;
    std::memcpy(&size, m_texts.data() + offset, sizeof size);
    return std::string_view(m_texts).substr(offset + sizeof size, size);
}

CertificateVersions::Entry &CertificateVersions::entryFor(QByteArrayView text, std::uint64_t key)
{
    if (!m_apart.empty()) {
        if (const auto it = m_apart.find(std::string(view(text))); it != m_apart.end())
            return it->second;
    }
    if (std::size_t(text.size()) > std::numeric_limits<quint32>::max())
        return m_apart[std::string(view(text))];
    bool added = false;
    Entry &entry = m_entries.findOrAdd(key, &added);
    if (added) {
        entry.textOffset = m_texts.size();
        const quint32 size = quint32(text.size());
        m_texts.append(reinterpret_cast<const char *>(&size), sizeof size).append(view(text));
    } else if (textAt(entry.textOffset) != view(text)) {
        return m_apart[std::string(view(text))];
    }
    return entry;
}

CertificateVersions::Placement CertificateVersions::advance(Entry &entry)
{
    const Placement placement{false, qint64(entry.version) + 1,
                              entry.version > 0 ? entry.ordinal : -1};
    entry.ordinal = m_next++;
    entry.version = quint32(placement.version);
    return placement;
}

CertificateVersions::Placement CertificateVersions::place(QByteArrayView certificate,
                                                          std::uint64_t key, const Content &content)
{
    const qsizetype separator = certificate.indexOf('\x1f');
    const QByteArrayView head = separator < 0 ? certificate : certificate.first(separator);
    {
        Entry &entry = entryFor(head, separator < 0 ? key : keyOf(head));
        for (quint32 k = entry.firstContent; k != 0; k = m_earlierContent[k - 1]) {
            if (m_contents[k - 1] == content)
                return {true, 0, -1};
        }
        if (m_contents.size() >= std::numeric_limits<quint32>::max())
            throw std::length_error("CertificateVersions: too many records");
        m_contents.push_back(content);
        m_earlierContent.push_back(entry.firstContent);
        entry.firstContent = quint32(m_contents.size());
        if (separator < 0)
            return advance(entry);
    } // the entry of the certificate may move the one of its head
    return advance(entryFor(certificate, key));
}

void CertificateVersions::reserve(std::size_t records)
{
    m_entries.reserve(records);
    m_texts.reserve(records * 20);
    m_contents.reserve(records);
    m_earlierContent.reserve(records);
}

} // namespace metroeval::core
