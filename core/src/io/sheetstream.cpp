// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/sheetstream.h"

#include "io/zipentry.h"

namespace metroeval::core {

namespace {
constexpr qint64 kReadBytes = 256 * 1024; ///< of the sheet at a time: a few hundred rows
constexpr std::size_t kBatchesAhead = 8;
} // namespace

SheetStream::SheetStream(std::unique_ptr<ZipEntryDevice> device, QString part)
    : m_device(std::move(device))
    , m_part(std::move(part))
    , m_thread([this] { run(); })
{}

SheetStream::~SheetStream()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

bool SheetStream::push(std::vector<SheetRow> &&batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stop || m_batches.size() < kBatchesAhead; });
    if (m_stop)
        return false;
    m_batches.push_back(std::move(batch));
    lock.unlock();
    m_changed.notify_all();
    return true;
}

void SheetStream::run()
{
    SheetXmlParser parser;
    QByteArray buffer(kReadBytes, Qt::Uninitialized);
    bool more = !parser.failed();
    while (more) {
        const qint64 n = m_device->read(buffer.data(), kReadBytes);
        const bool last = n <= 0 || m_device->atEnd();
        more = parser.feed(buffer.constData(), std::max<qint64>(n, 0), last) && !last;
        m_consumed.store(m_device->consumed(), std::memory_order_relaxed);
        // The rows completed so far, those before a break in the XML included.
        std::vector<SheetRow> batch(std::make_move_iterator(parser.rows().begin()),
                                    std::make_move_iterator(parser.rows().end()));
        parser.rows().clear();
        if (!batch.empty() && !push(std::move(batch)))
            return; // the reader is gone
    }
    {
        const std::lock_guard lock(m_mutex);
        m_xmlFailed = parser.failed();
        m_xmlError = parser.errorText();
        m_dataFailed = m_device->failed();
        m_finished = true;
    }
    m_changed.notify_all();
}

bool SheetStream::next(std::vector<SheetRow> &batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_batches.empty() || m_finished; });
    if (m_batches.empty())
        return false;
    batch = std::move(m_batches.front());
    m_batches.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return true;
}

QString SheetStream::failure() const
{
    using namespace Qt::StringLiterals;
    if (m_dataFailed)
        return m_part + u": damaged compressed data"_s;
    if (m_xmlFailed)
        return m_part + u':' + QString::fromUtf8(m_xmlError);
    return {};
}

} // namespace metroeval::core
