// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "io/csvreader.h"
#include "io/valueparser.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace metroeval::core {

/// \brief CSV or XLSX: how a file is read.
enum class SourceKind { Csv, Xlsx };

/// \brief Reading options a user may override.
struct SourceOptions
{
    QByteArray encoding;            ///< CSV: decoder name, empty = detect
    std::optional<QChar> delimiter; ///< CSV: empty = detect
    QString sheet;                  ///< XLSX: sheet name, empty = the first sheet
};

/// \brief A stream of table rows from a CSV or XLSX file, whatever its format.
///
/// The first row returned is the header. XLSX rows are padded with empty cells to the header's
/// width (a spreadsheet omits trailing empty cells); CSV rows are returned as they are, so a
/// wrong field count stays visible.
class TableSource
{
public:
    /// Opens \a path: XLSX when it starts with a ZIP signature, CSV otherwise.
    static std::unique_ptr<TableSource> open(const QString &path, const SourceOptions &options,
                                             CoreError *error);
    virtual ~TableSource() = default;

    virtual SourceKind kind() const = 0;
    virtual bool next(CsvRow &row, std::optional<RowIssue> &issue) = 0;
    /// Progress: bytes (CSV: file bytes, XLSX: uncompressed sheet bytes) done and total.
    virtual qint64 done() const = 0;
    virtual qint64 total() const = 0;
    /// Set when the file broke off in a way that makes the rest unreadable (corrupt XLSX).
    virtual bool failed() const { return false; }
    /// After failed(): where and what, for the error message; may be empty.
    virtual QString failure() const { return {}; }
    /// The header's field count, once known (CSV: see CsvReader::setExpectedFields).
    virtual void setExpectedFields(int) {}
    /// The CSV reader behind a CSV source (for reading rows as UTF-8), else nullptr.
    virtual CsvReader *csvReader() { return nullptr; }

    virtual QString encoding() const { return {}; }
    virtual QString delimiter() const { return {}; }
    virtual QStringList sheets() const { return {}; }
    virtual QString sheet() const { return {}; }
    virtual DateSystem dateSystem() const { return DateSystem::Excel1900; }
};

/// \brief The first rows of a file, for the import wizard's preview.
struct FilePreview
{
    SourceKind kind = SourceKind::Csv;
    QString encoding;
    QString delimiter;
    QStringList sheets;
    QString sheet;
    DateSystem dateSystem = DateSystem::Excel1900;
    QStringList header;
    QList<QStringList> rows;
    QList<qint64> lines;
};

std::optional<FilePreview> previewFile(const QString &path, const SourceOptions &options,
                                       int maxRows, CoreError *error);

} // namespace metroeval::core
