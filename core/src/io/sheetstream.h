// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/sheetxml.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace metroeval::core {

class ZipEntryDevice;

/// \brief Inflates and parses one worksheet part on a thread of its own, handing its rows over
/// a batch at a time, so that reading the sheet and typing its rows use two cores: on a 1M-row
/// workbook inflating and parsing the XML is about two fifths of the work (docs/import.md).
///
/// At most a few batches are held ahead of the reader; destroying the stream stops the thread
/// (a preview that reads twenty rows does not parse the whole sheet). The device is used by the
/// thread alone from construction on.
class SheetStream
{
public:
    /// Starts reading \a device, the part named \a part (for messages).
    SheetStream(std::unique_ptr<ZipEntryDevice> device, QString part);
    ~SheetStream();
    SheetStream(const SheetStream &) = delete;
    SheetStream &operator=(const SheetStream &) = delete;

    /// The next batch of rows (replacing \a batch); false once the sheet is over.
    bool next(std::vector<SheetRow> &batch);
    /// Uncompressed bytes of the sheet parsed so far.
    qint64 consumed() const { return m_consumed.load(std::memory_order_relaxed); }
    /// Once next() has returned false: whether the sheet ended early, and why.
    bool failed() const { return m_xmlFailed || m_dataFailed; }
    /// "part:line:column: reason" for broken XML, "part: damaged compressed data", or empty.
    QString failure() const;

private:
    void run();
    /// Hands \a batch over; false when the stream is being destroyed.
    bool push(std::vector<SheetRow> &&batch);

    std::unique_ptr<ZipEntryDevice> m_device;
    QString m_part;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<SheetRow>> m_batches;
    bool m_finished = false; ///< the thread has pushed its last batch
    bool m_stop = false;     ///< the reader is gone
    bool m_xmlFailed = false;
    bool m_dataFailed = false;
    QByteArray m_xmlError;
    std::atomic<qint64> m_consumed{0};
    std::thread m_thread;
};

} // namespace metroeval::core
