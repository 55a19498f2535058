// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/flathash.h"

#include <QByteArrayView>

#include <string>
#include <unordered_map>
#include <vector>

namespace metroeval::core {

/// \brief What a load into an empty workspace decides on the import's parsing thread, in the
/// order the rows will be written: which good rows repeat an earlier one (same content hash),
/// and the certificate version of each other one (RecordRow::version, supersedes). A
/// certificate's first record is version 1, each later one the next version, superseding the
/// one before: the writer's own placement, which it then leaves out.
///
/// One look-up per row serves both questions. The content hash begins with the certificate's
/// text and its 0x1F separator (contenthash.h), so two rows with the same content also share
/// their certificate's text up to its first 0x1F: the contents are kept under that text (the
/// whole certificate, but for a certificate that itself holds 0x1F), and a repeat is looked for
/// only among them. Same answers as one set of every content hash, without that set.
///
/// Texts are found by a 64-bit hash; a hit is confirmed against the text kept for it, and a text
/// whose hash another one already holds is kept apart, so two texts are never confused.
class CertificateVersions
{
public:
    struct Placement
    {
        bool repeat = false;    ///< same content as a row placed before: not a record
        qint64 version = 0;     ///< of the record, from 1; 0 for a repeat
        qint64 supersedes = -1; ///< ordinal of the record this one supersedes, -1 for none
    };
    using Content = DigestSet::Digest;
    using KeyFunction = std::uint64_t (*)(QByteArrayView text);

    /// \a key hashes a text (tests pass a poor one to make texts collide).
    explicit CertificateVersions(KeyFunction key = defaultKey)
        : m_key(key)
    {
    }

    /// std::hash of the text.
    static std::uint64_t defaultKey(QByteArrayView text);

    /// The key of \a certificate, for place() and prefetch().
    std::uint64_t keyOf(QByteArrayView certificate) const { return m_key(certificate); }
    /// The next good row of the load has \a certificate, whose keyOf() is \a key, and the content
    /// hash \a content: a repeat, or the next record (ordinal 0, 1, 2, ...) and its version.
    Placement place(QByteArrayView certificate, std::uint64_t key, const Content &content);
    Placement place(QByteArrayView certificate, const Content &content)
    {
        return place(certificate, keyOf(certificate), content);
    }
    /// Fetches the slot of the certificate with keyOf() \a key (a hint, for a place() made soon).
    void prefetch(std::uint64_t key) const { m_entries.prefetch(key); }
    /// Room for about \a records records.
    void reserve(std::size_t records);

    /// Records placed so far (repeats not counted).
    qint64 placed() const { return m_next; }

private:
    struct Entry // with its key, half a cache line
    {
        qint64 ordinal = 0;         ///< the latest record with this certificate
        quint32 version = 0;        ///< of that record; 0 before the first
        quint32 firstContent = 0;   ///< 1 + the latest content kept under this text; 0 for none
        std::size_t textOffset = 0; ///< the text in m_texts: its size (4 bytes), then its bytes
    };
    Entry &entryFor(QByteArrayView text, std::uint64_t key);
    std::string_view textAt(std::size_t offset) const;
    Placement advance(Entry &entry);

    KeyFunction m_key;
    HashKeyMap<Entry> m_entries;
    std::string m_texts; ///< the text of every entry in m_entries, one after the other
    /// Texts whose key another text holds in m_entries (rare).
    std::unordered_map<std::string, Entry> m_apart;
    std::vector<Content> m_contents;       ///< content hashes of the records, in order
    std::vector<quint32> m_earlierContent; ///< for each: 1 + the one before it under its text
    qint64 m_next = 0;
};

} // namespace metroeval::core
