// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/flathash.h"

#include <QByteArrayView>

#include <string>
#include <unordered_map>

namespace metroeval::core {

/// \brief The certificate versions of a load into an empty workspace, decided on the import's
/// parsing thread in the order the records will be written (RecordRow::version, supersedes):
/// a certificate's first record is version 1, each later one the next version, superseding the
/// one before. Same versions as RecordWriter's own placement, which the writer then leaves out.
///
/// Certificates are found by a 64-bit hash of their text; a hit is confirmed against the text
/// kept for it, and a certificate whose hash another one already holds is kept apart, so two
/// certificates are never confused.
class CertificateVersions
{
public:
    struct Placement
    {
        qint64 version = 1;
        qint64 supersedes = -1; ///< ordinal of the record this one supersedes, -1 for none
    };
    using KeyFunction = std::uint64_t (*)(QByteArrayView certificate);

    /// \a key hashes a certificate's text (tests pass a poor one to make certificates collide).
    explicit CertificateVersions(KeyFunction key = defaultKey)
        : m_key(key)
    {
    }

    /// std::hash of the text.
    static std::uint64_t defaultKey(QByteArrayView certificate);

    /// The key of \a certificate, for place() and prefetch().
    std::uint64_t keyOf(QByteArrayView certificate) const { return m_key(certificate); }
    /// The next record of the load (ordinal 0, 1, 2, ...) has \a certificate, whose keyOf() is
    /// \a key.
    Placement place(QByteArrayView certificate, std::uint64_t key);
    Placement place(QByteArrayView certificate) { return place(certificate, keyOf(certificate)); }
    /// Fetches the slot of the certificate with keyOf() \a key (a hint, for a place() made soon).
    void prefetch(std::uint64_t key) const { m_current.prefetch(key); }
    /// Room for about \a records certificates.
    void reserve(std::size_t records);

    /// Records placed so far.
    qint64 placed() const { return m_next; }

private:
    struct Current // with its key, half a cache line
    {
        qint64 ordinal = 0;
        quint32 version = 0;
        quint32 textSize = 0;
        std::size_t textOffset = 0; ///< the certificate's text in m_texts
    };
    Placement advance(Current &current);

    KeyFunction m_key;
    HashKeyMap<Current> m_current;
    std::string m_texts; ///< every certificate in m_current, one after the other
    /// Certificates whose key another certificate holds in m_current (rare).
    std::unordered_map<std::string, Current> m_apart;
    qint64 m_next = 0;
};

} // namespace metroeval::core
