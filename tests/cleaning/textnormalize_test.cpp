// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/textnormalize.h"

#include <gtest/gtest.h>

using namespace metroeval::core::cleaning;
using namespace Qt::StringLiterals;

TEST(TextNormalize, FoldsFullWidthFormsByNfkc)
{
    // GIVEN the full-width model spelling of docs/sample-data.md ("Ｙ－１００")
    // WHEN normalised
    // THEN NFKC maps U+FF39/U+FF0D/U+FF11.. to ASCII (Unicode UAX #15, compatibility mapping)
    EXPECT_EQ(normalizeText(u"Ｙ－１００"_s), u"Y-100"_s);
    EXPECT_EQ(normalizeText(u"（0～1.6）MPa"_s), u"(0~1.6)MPa"_s);
}

TEST(TextNormalize, RemovesSpacesNextToCjkAndCollapsesOthers)
{
    // GIVEN padded words as exports write them (docs/sample-data.md: "合 格", "武汉 楚天...")
    EXPECT_EQ(normalizeText(u"合 格"_s), u"合格"_s);
    EXPECT_EQ(normalizeText(u"武汉 楚天仪表有限公司"_s), u"武汉楚天仪表有限公司"_s);
    // THEN spaces between Latin words survive as one, ends are trimmed
    EXPECT_EQ(normalizeText(u"  Y-100   Type  A "_s), u"Y-100 Type A"_s);
    // AND the ideographic space U+3000 counts as white space
    EXPECT_EQ(normalizeText(u"宜昌\u3000长江"_s), u"宜昌长江"_s);
}

TEST(TextNormalize, ModelKeyIdentifiesSpellingVariants)
{
    // GIVEN the four model variants the sample generator injects (docs/sample-data.md)
    const QString key = modelKey(u"Y-100"_s);
    // THEN they share one key, and a different model does not
    EXPECT_EQ(key, u"Y100"_s);
    EXPECT_EQ(modelKey(u"Y100"_s), key);
    EXPECT_EQ(modelKey(u"Y-100 "_s), key);
    EXPECT_EQ(modelKey(u"Ｙ－１００"_s), key);
    EXPECT_EQ(modelKey(u"y-100"_s), key);
    EXPECT_NE(modelKey(u"YN-100"_s), key);
}

TEST(TextNormalize, ConclusionVocabularyMapsToTwoWords)
{
    // Vocabulary of docs/sample-data.md, defect conclusionVocabulary.
    for (const QString &pass : {u"准予使用"_s, u"符合"_s, u"Pass"_s, u"合 格"_s, u"合格"_s})
        EXPECT_EQ(canonicalConclusion(pass).value_or(QString()), u"合格"_s) << pass.toStdString();
    for (const QString &fail : {u"不准使用"_s, u"不符合"_s, u"Fail"_s})
        EXPECT_EQ(canonicalConclusion(fail).value_or(QString()), u"不合格"_s);
    EXPECT_FALSE(canonicalConclusion(u"待定"_s).has_value());
}

TEST(TextNormalize, DatesBecomeIsoOnlyWhenUnambiguous)
{
    // GIVEN the date spellings of docs/sample-data.md; 45047 = 2023-05-01 (Excel 1900 system,
    // the generator's own example)
    for (const QString &s : {u"2023/5/1"_s, u"2023.05.01"_s, u"20230501"_s, u"2023年5月1日"_s,
                             u"2023/05/01"_s, u"45047"_s})
        EXPECT_EQ(isoDateText(s).value_or(QString()), u"2023-05-01"_s) << s.toStdString();
    // THEN an impossible date is not repaired (2023-02-30 does not exist)
    EXPECT_FALSE(isoDateText(u"2023-02-30"_s).has_value());
}

TEST(TextNormalize, MemoNormalisesEachDistinctValueOnce)
{
    NormalizeMemo memo;
    for (int i = 0; i < 1000; ++i)
        EXPECT_EQ(memo(i % 2 ? u"合 格"_s : u"Ｙ１００"_s), i % 2 ? u"合格"_s : u"Y100"_s);
    EXPECT_EQ(memo.distinct(), 2);
}
