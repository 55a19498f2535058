// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/dataset.h"

#include "evaluation/datasetparts.h"
#include "io/sha256.h"
#include "storage/recordstore.h"

#include "storage/workspace.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <string_view>
#include <unordered_map>

namespace metroeval::core {

using namespace Qt::StringLiterals;

using namespace detail;

namespace {

constexpr int kFirstNumber = int(kTextColumnCount);

QString selectStatement(const QString &table, const QString &where, const EvaluationPlan &plan)
{
    const auto needed = neededColumns(plan);
    QString columns;
    for (std::size_t c = 0; c < kTextColumnCount; ++c) {
        columns += needed[c] ? QString::fromLatin1(kTextColumnNames[c])
                             : u"'' AS "_s + QString::fromLatin1(kTextColumnNames[c]);
        columns += u", "_s;
    }
    return u"SELECT "_s + columns
           + u"verification_day, manufacture_day, passed, max_error_value, mpe_value, content_hash"
             " FROM "_s
           + table + u" WHERE "_s + where + u" ORDER BY id"_s;
}

// The reference load: one query over the view (or table), every value through QVariant. Used
// for other drivers and by the tests that check the direct loader against it.
bool loadWithQtSql(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                   ColumnarDataset &data, QByteArray &hashes,
                   const std::function<bool()> &cancelled, CoreError *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = {ErrorCode::DatabaseError, q.lastError().text()};
        return false;
    }
    DatasetBuilder builder(data);
    std::size_t rows = 0;
    auto day = [&q](int col) {
        return q.isNull(col) ? ColumnarDataset::kMissingDay
                             : std::int32_t(q.value(col).toLongLong());
    };
    auto real = [&q](int col) {
        return q.isNull(col) ? std::nan("") : q.value(col).toDouble();
    };
    while (q.next()) {
        for (std::size_t c = 0; c < kTextColumnCount; ++c)
            builder.addText(c, q.value(int(c)).toString().toStdString());
        builder.addNumbers(day(kFirstNumber), day(kFirstNumber + 1),
                           q.value(kFirstNumber + 2).toInt() == 1, real(kFirstNumber + 3),
                           real(kFirstNumber + 4));
        hashes.append(q.value(kFirstNumber + 5).toByteArray());
        if (++rows % 65536 == 0 && cancelled && cancelled()) {
            *error = {ErrorCode::Cancelled, {}};
            return false;
        }
    }
    return true;
}

} // namespace

namespace detail {

QString scopeClause(const EvaluationPlan &plan, QVariantList &values)
{
    QStringList terms{u"passed IS NOT NULL"_s, u"verification_day IS NOT NULL"_s};
    auto inList = [&](const char *column, const QStringList &items) {
        if (items.isEmpty())
            return;
        QStringList marks;
        for (const QString &item : items) {
            marks.append(u"?"_s);
            values.append(item);
        }
        terms.append(QString::fromLatin1(column) + u" IN ("_s + marks.join(u", "_s) + u")"_s);
    };
    inList("category", plan.categories);
    inList("district", plan.districts);
    inList("industry", plan.industries);
    inList("manufacturer", plan.manufacturers);
    inList("model", plan.models);
    inList("verification_type", plan.verificationTypes);
    if (plan.from.isValid()) {
        terms.append(u"verification_day >= ?"_s);
        values.append(plan.from.toJulianDay());
    }
    if (plan.to.isValid()) {
        terms.append(u"verification_day <= ?"_s);
        values.append(plan.to.toJulianDay());
    }
    return terms.join(u" AND "_s);
}

std::array<bool, kTextColumnCount> neededColumns(const EvaluationPlan &plan)
{
    std::array<bool, kTextColumnCount> needed{};
    for (Field f : plan.groupByFields)
        needed[static_cast<std::size_t>(*textColumnOf(f))] = true;
    const bool histories = plan.has(Indicator::Drift) || plan.has(Indicator::Reliability)
                           || plan.has(Indicator::Interval);
    for (TextColumn c : {TextColumn::Manufacturer, TextColumn::Model, TextColumn::SerialNo,
                         TextColumn::VerificationType}) {
        if (histories)
            needed[static_cast<std::size_t>(c)] = true;
    }
    if (plan.has(Indicator::FailedItems))
        needed[static_cast<std::size_t>(TextColumn::FailedItems)] = true;
    return needed;
}

void appendPart(ColumnarDataset &into, const ColumnarDataset &part)
{
    for (std::size_t c = 0; c < kTextColumnCount; ++c) {
        std::unordered_map<std::string_view, std::uint32_t> index;
        auto &values = into.dictionaries[c].values;
        values.reserve(values.size() + part.dictionaries[c].values.size());
        for (std::size_t i = 0; i < values.size(); ++i)
            index.emplace(values[i], std::uint32_t(i));
        std::vector<std::uint32_t> remap;
        for (const std::string &v : part.dictionaries[c].values) {
            const auto it = index.find(v);
            if (it != index.end()) {
                remap.push_back(it->second);
            } else {
                remap.push_back(std::uint32_t(values.size()));
                values.push_back(v);
                index.emplace(values.back(), remap.back());
            }
        }
        into.codes[c].reserve(into.codes[c].size() + part.codes[c].size());
        for (std::uint32_t code : part.codes[c])
            into.codes[c].push_back(remap[code]);
    }
    auto append = [](auto &a, const auto &b) {
        a.reserve(a.size() + b.size());
        a.insert(a.end(), b.begin(), b.end());
    };
    append(into.verificationDay, part.verificationDay);
    append(into.manufactureDay, part.manufactureDay);
    append(into.passed, part.passed);
    append(into.normalizedError, part.normalizedError);
}

} // namespace detail

std::optional<TextColumn> textColumnOf(Field field)
{
    switch (field) {
    case Field::Category:
        return TextColumn::Category;
    case Field::Manufacturer:
        return TextColumn::Manufacturer;
    case Field::Model:
        return TextColumn::Model;
    case Field::SerialNo:
        return TextColumn::SerialNo;
    case Field::AccuracyClass:
        return TextColumn::AccuracyClass;
    case Field::MeasuringRange:
        return TextColumn::MeasuringRange;
    case Field::District:
        return TextColumn::District;
    case Field::Industry:
        return TextColumn::Industry;
    case Field::Customer:
        return TextColumn::Customer;
    case Field::VerificationType:
        return TextColumn::VerificationType;
    case Field::FailedItems:
        return TextColumn::FailedItems;
    default:
        return std::nullopt;
    }
}

QString datasetFingerprint(const QByteArray &contentHashes)
{
    // SHA-256 over the content hashes in id order (a stream: the split does not change it).
    Sha256 hash;
    hash.addData(contentHashes);
    return QString::fromLatin1(hash.result().toHex());
}

std::optional<ColumnarDataset> loadDataset(Workspace &workspace, const EvaluationPlan &plan,
                                           const std::function<bool()> &cancelled, CoreError *error,
                                           DatasetLoad method, Fingerprint fingerprint)
{
    CoreError local;
    CoreError *err = error ? error : &local;
    QSqlDatabase &db = workspace.database();
    ColumnarDataset data;
    {
        // The cleaning engine's view holds cleaned values and leaves out masked records.
        QSqlQuery probe(db);
        const bool hasView = probe.exec(u"SELECT 1 FROM sqlite_master WHERE name ="
                                        " 'record_effective'"_s)
                             && probe.next();
        data.sourceTable = hasView ? u"record_effective"_s : u"record"_s;
    }
    QByteArray hashes;
    sqlite3 *handle = sqliteHandle(db);
    bool ok;
    if (handle && method == DatasetLoad::Direct) {
        ok = loadDirect(handle, data.sourceTable == "record_effective"_L1, plan, data, hashes,
                        cancelled, err);
    } else {
        QVariantList values;
        const QString where = scopeClause(plan, values);
        ok = loadWithQtSql(db, selectStatement(data.sourceTable, where, plan), values, data, hashes,
                           cancelled, err);
    }
    if (!ok)
        return std::nullopt;
    // The content hashes are of the raw records; cleaned values and masks come from cleaning runs
    // (every change of record_clean and record_mask is written by one), so the latest run joins
    // the fingerprint: the same raw data cleaned differently fingerprints differently.
    if (data.sourceTable == "record_effective"_L1) {
        QSqlQuery run(db);
        if (!run.exec(u"SELECT COALESCE(MAX(id), 0) FROM cleaning_run"_s) || !run.next()) {
            *err = {ErrorCode::DatabaseError, run.lastError().text()};
            return std::nullopt;
        }
        if (const qint64 id = run.value(0).toLongLong(); id > 0)
            hashes.append("cleaning_run:" + QByteArray::number(id));
    }
    if (fingerprint == Fingerprint::Deferred)
        data.contentHashes = std::move(hashes);
    else
        data.fingerprint = datasetFingerprint(hashes);
    return data;
}

} // namespace metroeval::core
