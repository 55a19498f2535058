// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/tablesource.h"

#include "io/xlsxreader.h"

#include <QFile>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {

class CsvSource final : public TableSource
{
public:
    CsvSource(const QString &path, const SourceOptions &options)
        : m_file(path)
        , m_reader(&m_file, {options.encoding, options.delimiter})
    {}
    bool start() { return m_file.open(QIODevice::ReadOnly) && m_reader.start(); }

    SourceKind kind() const override { return SourceKind::Csv; }
    bool next(CsvRow &row, std::optional<RowIssue> &issue) override
    {
        return m_reader.next(row, issue);
    }
    qint64 done() const override { return m_reader.bytesRead(); }
    qint64 total() const override { return m_file.size(); }
    void setExpectedFields(int count) override { m_reader.setExpectedFields(count); }
    CsvReader *csvReader() override { return &m_reader; }
    QString encoding() const override { return QString::fromLatin1(m_reader.encodingName()); }
    QString delimiter() const override { return QString(m_reader.delimiter()); }

private:
    QFile m_file;
    CsvReader m_reader;
};

class XlsxSource final : public TableSource
{
public:
    bool start(const QString &path, const QString &sheet)
    {
        return m_reader.open(path) && (sheet.isEmpty() || m_reader.selectSheet(sheet));
    }
    SourceKind kind() const override { return SourceKind::Xlsx; }
    bool next(CsvRow &row, std::optional<RowIssue> &issue) override
    {
        issue.reset();
        if (!m_reader.next(row))
            return false;
        if (m_width < 0) {
            while (!row.fields.isEmpty() && row.fields.constLast().isEmpty())
                row.fields.removeLast();
            m_width = static_cast<int>(row.fields.size());
        }
        while (row.fields.size() < m_width)
            row.fields.append(QString());
        return true;
    }
    qint64 done() const override { return m_reader.bytesRead(); }
    qint64 total() const override { return m_reader.totalBytes(); }
    bool failed() const override { return m_reader.hadError(); }
    QString failure() const override { return m_reader.errorDetail(); }
    QStringList sheets() const override { return m_reader.sheetNames(); }
    QString sheet() const override { return m_reader.sheetNames().value(m_reader.currentSheet()); }
    DateSystem dateSystem() const override { return m_reader.dateSystem(); }

private:
    XlsxReader m_reader;
    int m_width = -1;
};

} // namespace

std::unique_ptr<TableSource> TableSource::open(const QString &path, const SourceOptions &options,
                                               CoreError *error)
{
    auto fail = [error](ErrorCode code, const QString &detail) {
        if (error)
            *error = {code, detail};
        return std::unique_ptr<TableSource>();
    };
    QFile probe(path);
    if (!probe.exists())
        return fail(ErrorCode::FileNotFound, path);
    if (!probe.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, path);
    const bool zip = probe.read(4) == QByteArrayView("PK\x03\x04", 4);
    probe.close();
    if (zip) {
        auto source = std::make_unique<XlsxSource>();
        if (!source->start(path, options.sheet))
            return fail(ErrorCode::FileUnreadable, path);
        return source;
    }
    auto source = std::make_unique<CsvSource>(path, options);
    if (!source->start())
        return fail(ErrorCode::UnknownEncoding, QString::fromLatin1(options.encoding));
    return source;
}

std::optional<FilePreview> previewFile(const QString &path, const SourceOptions &options,
                                       int maxRows, CoreError *error)
{
    auto source = TableSource::open(path, options, error);
    if (!source)
        return std::nullopt;
    FilePreview preview;
    preview.kind = source->kind();
    preview.encoding = source->encoding();
    preview.delimiter = source->delimiter();
    preview.sheets = source->sheets();
    preview.sheet = source->sheet();
    preview.dateSystem = source->dateSystem();
    CsvRow row;
    std::optional<RowIssue> issue;
    if (!source->next(row, issue) || issue) {
        if (error)
            *error = {ErrorCode::EmptyFile, path};
        return std::nullopt;
    }
    preview.header = row.fields;
    while (preview.rows.size() < maxRows && source->next(row, issue)) {
        preview.rows.append(row.fields);
        preview.lines.append(row.line);
    }
    return preview;
}

} // namespace metroeval::core
