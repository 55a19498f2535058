// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/aliassuggester.h"
#include "cleaning/companyname.h"

#include <QDate>

#include <gtest/gtest.h>

using namespace metroeval::core::cleaning;
using namespace Qt::StringLiterals;

namespace {
NameEvidence evidence(const QString &name, qint64 records, const QString &model, QDate first)
{
    NameEvidence e;
    e.name = CompanyNameAnalyzer::key(name);
    for (qint64 i = 0; i < records; ++i)
        e.add(model, u"一般压力表"_s, int(first.toJulianDay()) + int(i));
    return e;
}
} // namespace

TEST(CompanyName, StripsPlaceLegalFormAndTradeWords)
{
    const CompanyNameAnalyzer a(RuleSet::defaults());
    // Spellings of one company from the sample catalogue (core/sample/catalog.cpp).
    const CompanyName full = a.analyze(u"宜昌长江仪表有限公司"_s);
    EXPECT_EQ(full.place, u"宜昌"_s);
    EXPECT_EQ(full.legalForm, u"有限公司"_s);
    EXPECT_EQ(full.core, u"长江"_s);
    for (const QString &variant : {u"宜昌长江仪表"_s, u"长江仪表有限公司"_s,
                                   u"宜昌长江仪表有限责任公司"_s, u"宜昌 长江仪表有限公司"_s})
        EXPECT_EQ(a.analyze(variant).core, u"长江"_s) << variant.toStdString();
    EXPECT_EQ(a.analyze(u"荆州市江汉仪表厂"_s).place, u"荆州市"_s);
    EXPECT_EQ(a.analyze(u"郑州天恒电子科技公司"_s).core, u"天恒"_s);
    // A renamed company keeps its distinctive name (docs/sample-data.md, renamedCompany).
    EXPECT_EQ(a.analyze(u"西安秦川智能仪表有限公司"_s).core, a.analyze(u"西安秦川仪表厂"_s).core);
}

TEST(CompanyName, NearNamePlantsAreBlocked)
{
    // GIVEN two different plants whose names differ in one character (issue 5)
    const CompanyNameAnalyzer a(RuleSet::defaults());
    const CompanyName three = a.analyze(u"上海自动化仪表三厂"_s);
    const CompanyName four = a.analyze(u"上海自动化仪表四厂"_s);
    // THEN the names are similar (Dice of bigrams: 4 shared of 5 + 5 = 0.8) but never mergeable
    EXPECT_DOUBLE_EQ(nameSimilarity(three, four), 0.8);
    EXPECT_EQ(mergeBlocker(three, four), u"distinct_number"_s);
    EXPECT_EQ(three.numbers, QStringList{u"三"_s});
    // AND different places block too
    EXPECT_EQ(mergeBlocker(a.analyze(u"宜昌长江仪表厂"_s), a.analyze(u"重庆长江仪表厂"_s)),
              u"distinct_place"_s);
    // AND a place on one side only does not
    EXPECT_TRUE(mergeBlocker(a.analyze(u"长江仪表有限公司"_s), a.analyze(u"宜昌长江仪表有限公司"_s))
                    .isEmpty());
}

TEST(AliasSuggester, MergesVariantsAutomaticallyButNeverNearNamePlants)
{
    // GIVEN a company with two variants and two plants with near names, all making Y-100
    const QDate start(2020, 1, 1);
    const QList<NameEvidence> names{
        evidence(u"宜昌长江仪表有限公司"_s, 50, u"Y100"_s, start),
        evidence(u"长江仪表有限公司"_s, 4, u"Y100"_s, start),
        evidence(u"宜昌长江仪表有限责任公司"_s, 3, u"Y100"_s, start),
        evidence(u"上海自动化仪表三厂"_s, 30, u"Y100"_s, start),
        evidence(u"上海自动化仪表四厂"_s, 20, u"Y100"_s, start),
    };
    const RuleSet rules = RuleSet::defaults();
    // WHEN suggestions are made
    const QList<AliasSuggestion> s = suggestAliases(names, rules, {});
    // THEN both variants map to the most frequent spelling with score 1 (equal cores, same model)
    int variants = 0;
    for (const AliasSuggestion &x : s) {
        if (x.canonical == u"宜昌长江仪表有限公司"_s) {
            ++variants;
            EXPECT_DOUBLE_EQ(x.score, 1.0);
            EXPECT_TRUE(x.autoAcceptable(rules));
            EXPECT_EQ(x.evidence[u"alias"_s].toObject()[u"records"_s].toInteger(),
                      x.alias == u"长江仪表有限公司"_s ? 4 : 3);
        }
    }
    EXPECT_EQ(variants, 2);
    // AND the plants are proposed for review only: 0.75 × 0.8 + 0.25 × 1 = 0.85, blocked
    bool plants = false;
    for (const AliasSuggestion &x : s) {
        if (x.alias == u"上海自动化仪表四厂"_s || x.canonical == u"上海自动化仪表四厂"_s) {
            plants = true;
            EXPECT_NEAR(x.score, 0.85, 1e-12);
            EXPECT_EQ(x.blocked, u"distinct_number"_s);
            EXPECT_FALSE(x.autoAcceptable(rules));
        }
    }
    EXPECT_TRUE(plants);
}

TEST(AliasSuggester, LaterSpellingOfTheSameCompanyIsADatedRename)
{
    // GIVEN the old name from 2016 and the new name only from 2021-07-01 (docs/sample-data.md)
    const QList<NameEvidence> names{
        evidence(u"西安秦川仪表厂"_s, 40, u"Y100"_s, QDate(2016, 1, 5)),
        evidence(u"西安秦川智能仪表有限公司"_s, 45, u"Y100"_s, QDate(2021, 7, 1)),
    };
    const QList<AliasSuggestion> s = suggestAliases(names, RuleSet::defaults(), {});
    // THEN the old name stays canonical although the new one has more records, and the alias
    // carries the date of its first appearance
    ASSERT_EQ(s.size(), 1);
    EXPECT_EQ(s[0].canonical, u"西安秦川仪表厂"_s);
    EXPECT_EQ(s[0].alias, u"西安秦川智能仪表有限公司"_s);
    EXPECT_EQ(s[0].validFromDay, QDate(2021, 7, 1).toJulianDay());
}

TEST(AliasSuggester, RejectedPairIsNotProposedForMerging)
{
    const QDate start(2020, 1, 1);
    const QList<NameEvidence> names{evidence(u"宜昌长江仪表有限公司"_s, 50, u"Y100"_s, start),
                                    evidence(u"长江仪表有限公司"_s, 4, u"Y100"_s, start)};
    const QSet<QString> rejected{u"长江仪表有限公司宜昌长江仪表有限公司"_s};
    const QList<AliasSuggestion> s = suggestAliases(names, RuleSet::defaults(), rejected);
    ASSERT_EQ(s.size(), 1);
    EXPECT_EQ(s[0].blocked, u"rejected"_s);
    EXPECT_FALSE(s[0].autoAcceptable(RuleSet::defaults()));
}
