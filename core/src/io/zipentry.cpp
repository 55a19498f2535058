// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/zipentry.h"

#include <QFile>

#include <zip.h>

namespace metroeval::core {

ZipArchive::~ZipArchive()
{
    if (m_zip)
        zip_discard(m_zip); // read-only: nothing to write back
}

bool ZipArchive::open(const QString &path)
{
    int errorCode = 0;
    m_zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &errorCode);
    return m_zip != nullptr;
}

bool ZipArchive::contains(const QString &name) const
{
    return m_zip && zip_name_locate(m_zip, name.toUtf8().constData(), 0) >= 0;
}

qint64 ZipArchive::entrySize(const QString &name) const
{
    if (!m_zip)
        return -1;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(m_zip, name.toUtf8().constData(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        return -1;
    return static_cast<qint64>(st.size);
}

ZipEntryDevice::ZipEntryDevice(const ZipArchive &archive, const QString &name)
{
    if (archive.handle())
        m_file = zip_fopen(archive.handle(), name.toUtf8().constData(), 0);
    if (m_file)
        QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

ZipEntryDevice::~ZipEntryDevice()
{
    if (m_file)
        zip_fclose(m_file);
}

bool ZipEntryDevice::atEnd() const
{
    return m_finished && QIODevice::atEnd();
}

qint64 ZipEntryDevice::readData(char *data, qint64 maxSize)
{
    if (!m_file || m_finished)
        return -1;
    // Fill the request: a short read would look like "no data yet" to QXmlStreamReader, which
    // then stops with PrematureEndOfDocumentError on a sequential device.
    qint64 total = 0;
    while (total < maxSize) {
        const zip_int64_t n =
            zip_fread(m_file, data + total, static_cast<zip_uint64_t>(maxSize - total));
        if (n < 0) {
            m_failed = true;
            m_finished = true;
            break;
        }
        if (n == 0) {
            m_finished = true;
            break;
        }
        total += n;
    }
    m_consumed += total;
    return total > 0 ? total : -1;
}

} // namespace metroeval::core
