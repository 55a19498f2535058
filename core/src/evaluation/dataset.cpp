// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/dataset.h"

#include "storage/workspace.h"

#include <QCryptographicHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>
#include <cmath>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {

// Database columns of the text columns, in TextColumn order.
constexpr std::array<const char *, kTextColumnCount> kTextColumnNames{
    "category",       "manufacturer",      "model",       "serial_no",
    "accuracy_class", "measuring_range",   "district",    "industry",
    "customer",       "verification_type", "failed_items"};

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// Appends rows to the columns; encodes strings, remembering the previous value of each column
/// because consecutive records of one instrument repeat most of them.
class DatasetBuilder
{
public:
    explicit DatasetBuilder(ColumnarDataset &data)
        : m_data(data)
    {
    }

    void addText(std::size_t column, std::string_view text)
    {
        Column &c = m_columns[column];
        std::uint32_t code;
        if (c.hasLast && text == c.last) {
            code = c.lastCode;
        } else {
            const auto it = c.index.find(text);
            if (it != c.index.end()) {
                code = it->second;
            } else {
                code = std::uint32_t(m_data.dictionaries[column].values.size());
                m_data.dictionaries[column].values.emplace_back(text);
                c.index.emplace(std::string(text), code);
            }
            c.last.assign(text);
            c.lastCode = code;
            c.hasLast = true;
        }
        m_data.codes[column].push_back(code);
    }

    void addNumbers(std::int32_t verificationDay, std::int32_t manufactureDay, bool passed,
                    double maxError, double mpe)
    {
        m_data.verificationDay.push_back(verificationDay);
        m_data.manufactureDay.push_back(manufactureDay);
        m_data.passed.push_back(passed ? 1 : 0);
        const double e = std::isfinite(maxError) && std::isfinite(mpe) && mpe != 0.0
                             ? maxError / std::fabs(mpe)
                             : std::nan("");
        m_data.normalizedError.push_back(e);
    }

private:
    struct Column
    {
        std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> index;
        std::string last;
        std::uint32_t lastCode = 0;
        bool hasLast = false;
    };
    ColumnarDataset &m_data;
    std::array<Column, kTextColumnCount> m_columns;
};

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

// Text columns the plan needs; the others are selected as '' so that they cost nothing.
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

sqlite3 *sqliteHandle(QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

constexpr int kFirstNumber = int(kTextColumnCount);

bool loadWithSqlite(sqlite3 *db, const QString &sql, const QVariantList &values,
                    ColumnarDataset &data, QByteArray &hashes,
                    const std::function<bool()> &cancelled, CoreError *error)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK) {
        *error = {ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(db))};
        return false;
    }
    std::vector<QByteArray> keep; // bound text must outlive the statement (SQLITE_STATIC)
    for (int i = 0; i < int(values.size()); ++i) {
        const QVariant &v = values.at(i);
        if (v.typeId() == QMetaType::QString) {
            keep.push_back(v.toString().toUtf8());
            sqlite3_bind_text(stmt, i + 1, keep.back().constData(), int(keep.back().size()),
                              SQLITE_STATIC);
        } else {
            sqlite3_bind_int64(stmt, i + 1, v.toLongLong());
        }
    }
    DatasetBuilder builder(data);
    auto text = [stmt](int col) {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt, col));
        return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(stmt, col)))
                 : std::string_view();
    };
    auto day = [stmt](int col) {
        return sqlite3_column_type(stmt, col) == SQLITE_NULL
                   ? ColumnarDataset::kMissingDay
                   : std::int32_t(sqlite3_column_int64(stmt, col));
    };
    auto real = [stmt](int col) {
        return sqlite3_column_type(stmt, col) == SQLITE_NULL ? std::nan("")
                                                             : sqlite3_column_double(stmt, col);
    };
    int rc;
    std::size_t rows = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (std::size_t c = 0; c < kTextColumnCount; ++c)
            builder.addText(c, text(int(c)));
        builder.addNumbers(day(kFirstNumber), day(kFirstNumber + 1),
                           sqlite3_column_int(stmt, kFirstNumber + 2) == 1, real(kFirstNumber + 3),
                           real(kFirstNumber + 4));
        hashes.append(static_cast<const char *>(sqlite3_column_blob(stmt, kFirstNumber + 5)),
                      sqlite3_column_bytes(stmt, kFirstNumber + 5));
        if (++rows % 65536 == 0 && cancelled && cancelled()) {
            sqlite3_finalize(stmt);
            *error = {ErrorCode::Cancelled, {}};
            return false;
        }
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        *error = {ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(db))};
        return false;
    }
    return true;
}

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

// Appends \a part to \a into, re-coding its strings so that codes keep following the first
// appearance in id order: the result equals a sequential load.
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
        for (std::uint32_t code : part.codes[c])
            into.codes[c].push_back(remap[code]);
    }
    auto append = [](auto &a, const auto &b) {
        a.insert(a.end(), b.begin(), b.end());
    };
    append(into.verificationDay, part.verificationDay);
    append(into.manufactureDay, part.manufactureDay);
    append(into.passed, part.passed);
    append(into.normalizedError, part.normalizedError);
}

// Two readers over halves of the id range, the second on its own read-only connection: reading
// through SQLite is the largest cost of an evaluation. Only for a file database outside any
// transaction (a second connection sees committed data only).
bool loadInParallel(sqlite3 *db, const QString &table, const QString &where,
                    const EvaluationPlan &plan, const QVariantList &values, ColumnarDataset &data,
                    QByteArray &hashes, const std::function<bool()> &cancelled, CoreError *error)
{
    const char *file = sqlite3_db_filename(db, "main");
    if (!file || !*file || !sqlite3_get_autocommit(db))
        return loadWithSqlite(db, selectStatement(table, where, plan), values, data, hashes,
                              cancelled, error);
    qint64 lo = 0, hi = 0;
    {
        sqlite3_stmt *range = nullptr;
        // The id range of the base table (the view's ids are record ids): a rowid look-up.
        const QByteArray sql = "SELECT min(id), max(id) FROM record";
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &range, nullptr) == SQLITE_OK
            && sqlite3_step(range) == SQLITE_ROW) {
            lo = sqlite3_column_int64(range, 0);
            hi = sqlite3_column_int64(range, 1);
        }
        sqlite3_finalize(range);
    }
    if (hi - lo < 200000)
        return loadWithSqlite(db, selectStatement(table, where, plan), values, data, hashes,
                              cancelled, error);
    const qint64 mid = lo + (hi - lo) / 2;
    const QString chunkSql = selectStatement(table, where + u" AND id >= ? AND id < ?"_s, plan);
    QVariantList first = values, second = values;
    first << lo << mid;
    second << mid << hi + 1;
    ColumnarDataset secondData;
    QByteArray secondHashes;
    CoreError secondError;
    std::atomic<bool> stop{false};
    bool secondOk = false;
    const std::string path(file);
    std::thread worker([&] {
        sqlite3 *conn = nullptr;
        if (sqlite3_open_v2(path.c_str(), &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            nullptr)
            != SQLITE_OK) {
            secondError = {ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(conn))};
        } else {
            sqlite3_busy_timeout(conn, 10000);
            secondOk = loadWithSqlite(
                conn, chunkSql, second, secondData, secondHashes, [&stop] { return stop.load(); },
                &secondError);
        }
        sqlite3_close(conn);
    });
    const bool firstOk = loadWithSqlite(
        db, chunkSql, first, data, hashes,
        [&] {
            const bool c = cancelled && cancelled();
            if (c)
                stop = true;
            return c;
        },
        error);
    if (!firstOk)
        stop = true;
    worker.join();
    if (!firstOk)
        return false;
    if (!secondOk) {
        *error = secondError;
        return false;
    }
    appendPart(data, secondData);
    hashes.append(secondHashes);
    return true;
}

} // namespace

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

std::optional<ColumnarDataset> loadDataset(Workspace &workspace, const EvaluationPlan &plan,
                                           const std::function<bool()> &cancelled, CoreError *error)
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
    QVariantList values;
    const QString where = scopeClause(plan, values);
    QByteArray hashes;
    sqlite3 *handle = sqliteHandle(db);
    const bool ok = handle ? loadInParallel(handle, data.sourceTable, where, plan, values, data,
                                            hashes, cancelled, err)
                           : loadWithQtSql(db, selectStatement(data.sourceTable, where, plan),
                                           values, data, hashes, cancelled, err);
    if (!ok)
        return std::nullopt;
    // SHA-256 over the content hashes in id order (a stream: the split does not change it).
    data.fingerprint
        = QString::fromLatin1(QCryptographicHash::hash(hashes, QCryptographicHash::Sha256).toHex());
    return data;
}

} // namespace metroeval::core
