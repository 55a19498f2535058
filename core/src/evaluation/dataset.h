// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/coreerror.h"
#include "evaluation/evaluationplan.h"
#include "model/field.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace metroeval::core {

class Workspace;

/// \brief Text columns of the dataset, each dictionary-encoded.
enum class TextColumn : std::uint8_t {
    Category,
    Manufacturer,
    Model,
    SerialNo,
    AccuracyClass,
    MeasuringRange,
    District,
    Industry,
    Customer,
    VerificationType,
    FailedItems,
    Count
};
inline constexpr std::size_t kTextColumnCount = static_cast<std::size_t>(TextColumn::Count);

/// \brief Column of \a field in the dataset, if it is one of the text columns.
std::optional<TextColumn> textColumnOf(Field field);

/// \brief Distinct values of one text column; code i is values[i] (UTF-8).
struct Dictionary
{
    std::vector<std::string> values;
    QString text(std::uint32_t code) const { return QString::fromStdString(values[code]); }
};

/// \brief The scoped records in memory, column by column, in workspace id order.
///
/// Strings are dictionary codes (codes follow first appearance, so the same data gives the same
/// codes); there is no per-row QVariant. Days are Julian day numbers; kMissingDay where absent.
struct ColumnarDataset
{
    static constexpr std::int32_t kMissingDay = std::numeric_limits<std::int32_t>::min();

    std::array<std::vector<std::uint32_t>, kTextColumnCount> codes;
    std::array<Dictionary, kTextColumnCount> dictionaries;
    std::vector<std::int32_t> verificationDay;
    std::vector<std::int32_t> manufactureDay;
    std::vector<std::uint8_t> passed;    ///< 1 passed, 0 failed (rows without one are out)
    std::vector<double> normalizedError; ///< signed max_error / |MPE|; NaN when unknown
    QString fingerprint;                 ///< SHA-256 over the content hashes in id order
    /// The content hashes in id order (then "cleaning_run:<id>" of the latest cleaning run, if
    /// any), with Fingerprint::Deferred
    QByteArray contentHashes;
    QString sourceTable;      ///< "record_effective" or "record"

    std::size_t size() const { return passed.size(); }
    const std::vector<std::uint32_t> &column(TextColumn c) const
    {
        return codes[static_cast<std::size_t>(c)];
    }
    const Dictionary &dictionary(TextColumn c) const
    {
        return dictionaries[static_cast<std::size_t>(c)];
    }
};

/// \brief How loadDataset reads the records.
enum class DatasetLoad : std::uint8_t {
    /// SQLite: table `record` through the C API, only the columns the plan needs, the rows that
    /// cleaning changed taken from record_effective and masked records left out by ordered merges
    /// on id, in id ranges on parallel read-only connections for a file outside any transaction.
    /// Other drivers: as ViewQuery.
    Direct,
    /// One QSqlQuery over record_effective (or `record` when the view is absent): the reference
    /// the direct load must equal (tests).
    ViewQuery,
};

/// \brief When loadDataset computes ColumnarDataset::fingerprint.
enum class Fingerprint : std::uint8_t {
    Computed, ///< before returning
    Deferred, ///< left empty; contentHashes kept for datasetFingerprint (e.g. on another thread)
};

/// \brief SHA-256 (hex) over the concatenated content hashes, followed by "cleaning_run:<id>"
/// when the workspace was cleaned: ColumnarDataset::fingerprint.
QString datasetFingerprint(const QByteArray &contentHashes);

/// \brief Loads the records of \a plan's scope from \a workspace: the effective records (view
/// record_effective: cleaned values, masked records left out) when the view exists, else table
/// record, in id order. \a cancelled is polled now and then, on the calling thread.
/// Fails with DatabaseError, or Cancelled.
std::optional<ColumnarDataset> loadDataset(Workspace &workspace, const EvaluationPlan &plan,
                                           const std::function<bool()> &cancelled, CoreError *error,
                                           DatasetLoad method = DatasetLoad::Direct,
                                           Fingerprint fingerprint = Fingerprint::Computed);

} // namespace metroeval::core
