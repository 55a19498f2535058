// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/columnmapping.h"
#include "io/contenthash.h"
#include "io/recordparser.h"
#include "io/rowpipeline.h"

#include <QByteArrayView>

#include <memory>
#include <vector>

namespace metroeval::core {

/// \brief parseRecord() for CSV rows read as UTF-8 (CsvReader::nextBytes()), for the import's
/// parsing thread: the same typing rules (valueparser), without a QString per cell.
///
/// Cells are trimmed as bytes and copied into the row's EncodedRecord. Each typed field (dates,
/// conclusion, measuring range, error values, failed items) keeps a cache from its cell's text to
/// what valueparser made of it, so that a text repeated a million times is typed once; a field
/// with too many distinct texts stops caching. The content hash is computed from the bytes
/// (ContentHashMessage) and equals recordContentHash() of the record parseRecord() would make.
class Utf8RecordParser
{
public:
    /// Content hashes follow \a hashText (the workspace's definition).
    Utf8RecordParser(int headerColumns, const ColumnMapping &mapping, const ParseContext &context,
                     ContentHashText hashText);
    ~Utf8RecordParser();
    Utf8RecordParser(const Utf8RecordParser &) = delete;
    Utf8RecordParser &operator=(const Utf8RecordParser &) = delete;

    /// Types a good row into \a out: record's typed values and source line, extras' value unit
    /// and flags, text and contentHash (see ParsedRow). Returns false, with \a out unspecified,
    /// for a row parseRecord() would quarantine or one holding a lone surrogate (\a surrogates:
    /// the reader may have kept some); the caller takes the QString path for it.
    bool parse(const std::vector<QByteArrayView> &fields, qint64 line, bool surrogates,
               ParsedRow &out);

    /// From now on parse() takes content hashes two at a time (Sha256::digestPair): a row's
    /// contentHash is written by the next successful parse() or by flushDigests(), so the row
    /// must stay where it is until then.
    void setDigestsInPairs(bool pairs) { m_pairs = pairs; }
    /// Writes the content hash still waiting for a partner, if any.
    void flushDigests();

    /// Distinct texts typed so far (for tests): the caches at work.
    std::size_t typedTexts() const;

private:
    struct Caches;
    int m_headerColumns;
    ColumnMapping m_mapping;
    ParseContext m_context;
    std::unique_ptr<Caches> m_caches;
    ContentHashMessage m_message;
    bool m_pairs = false;
    ContentHashMessage m_waitingMessage; ///< with m_waitingHash: the message of that row
    QByteArray *m_waitingHash = nullptr; ///< a row's contentHash waiting for a partner
};

} // namespace metroeval::core
