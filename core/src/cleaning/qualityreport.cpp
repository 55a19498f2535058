// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/qualityreport.h"

#include "cleaning/cleanedcolumns.h"
#include "cleaning/cleaningstore.h"
#include "cleaning/rules.h"
#include "model/field.h"
#include "storage/workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <limits>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kExamples = 3;

std::optional<Dimension> dimensionFromKey(QLatin1StringView key)
{
    for (int d = 0; d < kDimensionCount; ++d) {
        if (key == dimensionKey(Dimension(d)))
            return Dimension(d);
    }
    return std::nullopt;
}

/// The dimension a cleaned (changed) value of \a field counts against.
Dimension fixDimension(Field field)
{
    return field == Field::Manufacturer || field == Field::Model ? Dimension::Consistency
                                                                 : Dimension::Validity;
}

QualityCount &at(DimensionCounts &counts, Dimension d)
{
    return counts[std::size_t(d)];
}

void addExample(QualityCount &c, const QJsonObject &example)
{
    if (c.examples.size() < kExamples)
        c.examples.append(example);
}

bool check(QSqlQuery &q, const QString &sql, CoreError *error)
{
    q.setForwardOnly(true);
    if (q.exec(sql))
        return true;
    if (error)
        *error = {ErrorCode::DatabaseError, q.lastError().text()};
    return false;
}

} // namespace

QLatin1StringView dimensionKey(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Completeness:
        return "completeness"_L1;
    case Dimension::Validity:
        return "validity"_L1;
    case Dimension::Consistency:
        return "consistency"_L1;
    case Dimension::Uniqueness:
        return "uniqueness"_L1;
    case Dimension::Timeliness:
        return "timeliness"_L1;
    case Dimension::Accuracy:
        return "accuracy"_L1;
    }
    return {};
}

double QualityCount::scoreRaw() const
{
    return checked > 0 ? 1.0 - double(issuesRaw) / double(checked)
                       : std::numeric_limits<double>::quiet_NaN();
}

double QualityCount::score() const
{
    return checked > 0 ? 1.0 - double(issuesRemaining) / double(checked)
                       : std::numeric_limits<double>::quiet_NaN();
}

void QualityCount::add(const QualityCount &other)
{
    checked += other.checked;
    issuesRaw += other.issuesRaw;
    issuesRemaining += other.issuesRemaining;
    for (const QJsonValue &e : other.examples)
        addExample(*this, e.toObject());
}

QJsonObject QualityCount::toJson() const
{
    // JSON has no NaN: an undefined score is null.
    auto score = [](double v) {
        return std::isnan(v) ? QJsonValue() : QJsonValue(v);
    };
    QJsonObject o{{u"checked"_s, checked},
                  {u"issues_raw"_s, issuesRaw},
                  {u"issues_remaining"_s, issuesRemaining},
                  {u"score_raw"_s, score(scoreRaw())},
                  {u"score"_s, score(this->score())}};
    if (!examples.isEmpty())
        o.insert(u"examples"_s, examples);
    return o;
}

QJsonObject QualityReport::toJson() const
{
    auto dims = [](const DimensionCounts &counts) {
        QJsonObject o;
        for (int d = 0; d < kDimensionCount; ++d)
            o.insert(dimensionKey(Dimension(d)), counts[std::size_t(d)].toJson());
        return o;
    };
    QJsonObject fieldsJson;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        fieldsJson.insert(it.key(), dims(it.value()));
    QJsonArray batchJson;
    for (const BatchQuality &b : batches)
        batchJson.append(QJsonObject{{u"batch_id"_s, b.batchId},
                                     {u"file_name"_s, b.fileName},
                                     {u"records"_s, b.records},
                                     {u"dimensions"_s, dims(b.dimensions)}});
    QJsonObject rules;
    for (auto it = findingsByRule.cbegin(); it != findingsByRule.cend(); ++it) {
        const auto info = ruleInfo(it.key());
        rules.insert(it.key(),
                     QJsonObject{{u"count"_s, it.value()},
                                 {u"severity"_s, info ? severityKey(info->severity) : ""_L1},
                                 {u"dimension"_s, info ? info->dimension : ""_L1}});
    }
    return {{u"standard"_s, u"GB/T 36344-2018"_s},
            {u"cleaning_run_id"_s, runId},
            {u"records"_s, records},
            {u"effective_records"_s, effectiveRecords},
            {u"masked_records"_s, maskedRecords},
            {u"dimensions"_s, dims(dimensions)},
            {u"fields"_s, fieldsJson},
            {u"batches"_s, batchJson},
            {u"findings_by_rule"_s, rules}};
}

std::optional<QualityReport> computeQualityReport(Workspace &workspace, CoreError *error)
{
    QSqlDatabase &db = workspace.database();
    QualityReport report;
    report.runId = latestRunId(workspace);
    QHash<qint64, qsizetype> batchIndex;
    QSqlQuery q(db);

    // Completeness: one aggregate over the raw records, per batch and field.
    // A field is missing when it is empty where it applies: failed items apply only to records
    // that failed (a passing gauge has none to list).
    auto missing = [](const FieldInfo &info) {
        const QString empty = QString(info.key) + u" = ''"_s;
        return info.field == Field::FailedItems ? u"("_s + empty + u" AND passed = 0)"_s : empty;
    };
    QString sums;
    for (const FieldInfo &info : allFields())
        sums += u", SUM("_s + missing(info) + u")"_s;
    if (!check(q,
               u"SELECT r.batch_id, b.file_name, COUNT(*)"_s + sums
                   + u" FROM record r LEFT JOIN import_batch b ON b.id = r.batch_id"
                     " GROUP BY r.batch_id ORDER BY r.batch_id"_s,
               error))
        return std::nullopt;
    while (q.next()) {
        BatchQuality b;
        b.batchId = q.value(0).toLongLong();
        b.fileName = q.value(1).toString();
        b.records = q.value(2).toLongLong();
        report.records += b.records;
        int column = 3;
        for (const FieldInfo &info : allFields()) {
            DimensionCounts &f = report.fields[QString(info.key)];
            const qint64 empty = q.value(column++).toLongLong();
            for (int d = 0; d < kDimensionCount; ++d) {
                f[std::size_t(d)].checked += b.records;
                b.dimensions[std::size_t(d)].checked += b.records;
            }
            at(f, Dimension::Completeness).issuesRaw += empty;
            at(f, Dimension::Completeness).issuesRemaining += empty;
            at(b.dimensions, Dimension::Completeness).issuesRaw += empty;
            at(b.dimensions, Dimension::Completeness).issuesRemaining += empty;
        }
        batchIndex.insert(b.batchId, report.batches.size());
        report.batches.append(b);
    }
    for (const FieldInfo &info : allFields()) {
        QualityCount &c = at(report.fields[QString(info.key)], Dimension::Completeness);
        if (c.issuesRaw == 0)
            continue;
        if (!check(q,
                   u"SELECT id, certificate_no FROM record WHERE "_s + missing(info)
                       + u" ORDER BY id LIMIT 3"_s,
                   error))
            return std::nullopt;
        while (q.next())
            addExample(c, {{u"record_id"_s, q.value(0).toLongLong()},
                           {u"certificate_no"_s, q.value(1).toString()},
                           {u"value"_s, u""_s}});
    }

    // Values the cleaning changed: raw problems of validity (format, unit, vocabulary) or
    // consistency (manufacturer and model spellings), fixed.
    QString changed;
    for (const Field f : kCleanedFields) {
        const QString key(fieldInfo(f).key);
        changed += u", SUM(c."_s + key + u" <> r."_s + key + u")"_s;
    }
    if (!check(q,
               u"SELECT r.batch_id"_s + changed
                   + u" FROM record_clean c JOIN record r ON r.id = c.record_id"
                     " GROUP BY r.batch_id"_s,
               error))
        return std::nullopt;
    while (q.next()) {
        const qsizetype b = batchIndex.value(q.value(0).toLongLong(), -1);
        int column = 1;
        for (const Field f : kCleanedFields) {
            const qint64 n = q.value(column++).toLongLong();
            at(report.fields[QString(fieldInfo(f).key)], fixDimension(f)).issuesRaw += n;
            if (b >= 0)
                at(report.batches[b].dimensions, fixDimension(f)).issuesRaw += n;
        }
    }
    if (!check(q,
               u"SELECT field, before_value, after_value, records FROM cleaning_log"
               " WHERE run_id = (SELECT MAX(id) FROM cleaning_run) AND record_id IS NULL"
               " AND reverted_at IS NULL ORDER BY records DESC"_s,
               error))
        return std::nullopt;
    while (q.next()) {
        const auto field = fieldFromKey(q.value(0).toString());
        if (!field)
            continue;
        addExample(at(report.fields[q.value(0).toString()], fixDimension(*field)),
                   {{u"value"_s, q.value(1).toString()},
                    {u"cleaned"_s, q.value(2).toString()},
                    {u"records"_s, q.value(3).toLongLong()}});
    }

    // Masked duplicates: uniqueness problems of the certificate number, resolved.
    if (!check(q,
               u"SELECT r.batch_id, COUNT(*) FROM record_mask m JOIN record r"
               " ON r.id = m.record_id GROUP BY r.batch_id"_s,
               error))
        return std::nullopt;
    while (q.next()) {
        const qint64 n = q.value(1).toLongLong();
        report.maskedRecords += n;
        at(report.fields[u"certificate_no"_s], Dimension::Uniqueness).issuesRaw += n;
        const qsizetype b = batchIndex.value(q.value(0).toLongLong(), -1);
        if (b >= 0)
            at(report.batches[b].dimensions, Dimension::Uniqueness).issuesRaw += n;
    }
    report.effectiveRecords = report.records - report.maskedRecords;

    // Findings awaiting review: raw and remaining problems of their rule's dimension.
    if (!check(q,
               u"SELECT batch_id, field, rule, COUNT(*) FROM cleaning_finding"
               " GROUP BY batch_id, field, rule"_s,
               error))
        return std::nullopt;
    while (q.next()) {
        const auto info = ruleInfo(q.value(2).toString());
        const auto dim = info ? dimensionFromKey(info->dimension) : std::nullopt;
        if (!dim)
            continue;
        const qint64 n = q.value(3).toLongLong();
        report.findingsByRule[q.value(2).toString()] += n;
        // Empty values are counted from the raw records above; their findings are the same.
        if (*dim == Dimension::Completeness)
            continue;
        QualityCount &f = at(report.fields[q.value(1).toString()], *dim);
        f.issuesRaw += n;
        f.issuesRemaining += n;
        const qsizetype b = batchIndex.value(q.value(0).toLongLong(), -1);
        if (b >= 0) {
            at(report.batches[b].dimensions, *dim).issuesRaw += n;
            at(report.batches[b].dimensions, *dim).issuesRemaining += n;
        }
    }
    if (!check(q,
               u"SELECT rule, field, record_id, value, certificate_no FROM ("
               " SELECT f.rule, f.field, f.record_id, f.value, r.certificate_no,"
               " ROW_NUMBER() OVER (PARTITION BY f.rule, f.field ORDER BY f.id) AS n"
               " FROM cleaning_finding f JOIN record r ON r.id = f.record_id) WHERE n <= 3"_s,
               error))
        return std::nullopt;
    while (q.next()) {
        const auto info = ruleInfo(q.value(0).toString());
        const auto dim = info ? dimensionFromKey(info->dimension) : std::nullopt;
        if (dim)
            addExample(at(report.fields[q.value(1).toString()], *dim),
                       {{u"rule"_s, q.value(0).toString()},
                        {u"record_id"_s, q.value(2).toLongLong()},
                        {u"certificate_no"_s, q.value(4).toString()},
                        {u"value"_s, q.value(3).toString()}});
    }
    for (auto it = report.fields.cbegin(); it != report.fields.cend(); ++it) {
        for (int d = 0; d < kDimensionCount; ++d)
            report.dimensions[std::size_t(d)].add(it.value()[std::size_t(d)]);
    }
    return report;
}

} // namespace metroeval::core::cleaning
