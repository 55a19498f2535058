// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QString>

struct zip;
struct zip_file;

namespace metroeval::core {

/// \brief A read-only ZIP archive (libzip). Entries are opened as sequential devices so that an
/// XML part is inflated while it is parsed, never held whole in memory.
class ZipArchive
{
public:
    ZipArchive() = default;
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    bool open(const QString &path);
    bool isOpen() const { return m_zip != nullptr; }
    bool contains(const QString &name) const;
    /// Uncompressed size of an entry, −1 when absent.
    qint64 entrySize(const QString &name) const;

    zip *handle() const { return m_zip; }

private:
    zip *m_zip = nullptr;
};

/// \brief One archive entry as a sequential QIODevice (inflated on the fly).
class ZipEntryDevice : public QIODevice
{
public:
    ZipEntryDevice(const ZipArchive &archive, const QString &name);
    ~ZipEntryDevice() override;

    bool isSequential() const override { return true; }
    bool atEnd() const override;
    bool ok() const { return m_file != nullptr; }
    /// Uncompressed bytes delivered so far.
    qint64 consumed() const { return m_consumed; }
    /// True when the archive data of this entry turned out to be corrupt.
    bool failed() const { return m_failed; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    zip_file *m_file = nullptr;
    qint64 m_consumed = 0;
    bool m_finished = false;
    bool m_failed = false;
};

} // namespace metroeval::core
