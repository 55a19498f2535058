// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaningtestsupport.h"

#include "cleaning/cleanedcolumns.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
QStringList columnsOf(core::Workspace &ws, const QString &table)
{
    QStringList out;
    QSqlQuery q(u"PRAGMA table_info("_s + table + u")"_s, ws.database());
    while (q.next())
        out.append(q.value(1).toString());
    return out;
}

/// Every row of \a sql as one string, in order.
QStringList dump(core::Workspace &ws, const QString &sql)
{
    QStringList out;
    QSqlQuery q(sql, ws.database());
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < q.record().count(); ++i)
            row.append(q.value(i).toString());
        out.append(row.join(u'|'));
    }
    return out;
}

QString v1Columns()
{
    QString c = u"id, batch_id, source_line, content_hash"_s;
    for (const core::FieldInfo &info : core::allFields())
        c += u", "_s + info.key;
    return c
           + u", verification_day, due_day, manufacture_day, passed, max_error_value, mpe_value"_s;
}
} // namespace

TEST(CleaningSchema, CleanTableListsTheCleanedFields)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_TRUE(ws);
    const QStringList columns = columnsOf(*ws, u"record_clean"_s);
    for (const core::Field f : core::cleaning::kCleanedFields)
        EXPECT_TRUE(columns.contains(QString(core::fieldInfo(f).key)))
            << core::fieldInfo(f).key.data();
    // record_id + 14 cleaned fields + 6 typed columns
    EXPECT_EQ(columns.size(), 1 + qsizetype(core::cleaning::kCleanedFields.size()) + 6);
}

TEST(CleaningSchema, EffectiveViewEqualsRecordBeforeCleaning)
{
    // GIVEN imported records and no cleaning run
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_EQ(loadFixture(*ws, u"consistency_rules.csv"_s), 17);
    // THEN record_effective has the columns of record and the same rows
    const QString cols = v1Columns();
    const QStringList raw = dump(*ws, u"SELECT "_s + cols + u" FROM record ORDER BY id"_s);
    EXPECT_EQ(raw.size(), 17);
    EXPECT_EQ(dump(*ws, u"SELECT "_s + cols + u" FROM record_effective ORDER BY id"_s), raw);
}

TEST(CleaningSchema, CleaningNeverAltersRawValues)
{
    QTemporaryDir dir;
    auto ws = freshWorkspace(dir);
    ASSERT_GT(loadFixture(*ws, u"manufacturer_variants.csv"_s), 0);
    ASSERT_GT(loadFixture(*ws, u"units_kpa.csv"_s), 0);
    const QString cols = v1Columns();
    const QStringList before = dump(*ws, u"SELECT "_s + cols + u" FROM record ORDER BY id"_s);
    core::CoreError error;
    const auto summary = core::cleaning::runCleaning(*ws, fixtureOptions(true), &error);
    ASSERT_TRUE(summary) << error.detail.toStdString();
    EXPECT_GT(summary->changedRecords, 0);
    EXPECT_EQ(dump(*ws, u"SELECT "_s + cols + u" FROM record ORDER BY id"_s), before);
}
