// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/language.h"
#include "report/pdfreportwriter.h"

#include <QFile>
#include <QFontDatabase>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace metroeval;
using namespace Qt::StringLiterals;

TEST(PdfReport, TheChineseFontIsInstalledUnderItsSimplifiedChineseName)
{
    // fonts-noto-cjk must provide the SC family; otherwise Han text falls back to the JP variant.
    EXPECT_TRUE(QFontDatabase::families().contains(ui::cjkFontFamily()));
}

TEST(PdfReport, WritesAPdfAndLeavesNothingBehindOnFailure)
{
    QTemporaryDir dir;
    core::ReportModel model;
    model.title = u"测试报告"_s;
    model.rows.push_back({u"甲厂"_s, 100, 95, 0.95, 0.888, 0.978, false, false});
    QString detail;
    EXPECT_TRUE(ui::writePdfReport(model, dir.filePath(u"a.pdf"_s), &detail));
    EXPECT_GT(QFile(dir.filePath(u"a.pdf"_s)).size(), 1000);
    // A folder that does not exist cannot take the report, and no stray file appears.
    EXPECT_FALSE(ui::writePdfReport(model, dir.filePath(u"missing/b.pdf"_s), &detail));
    EXPECT_FALSE(detail.isEmpty());
    EXPECT_FALSE(QFile::exists(dir.filePath(u"missing/b.pdf"_s)));
}

TEST(PdfReport, TextLayerGivesBackWhatWasDrawn)
{
    // GIVEN a report whose strings hold characters that share glyphs with CJK radicals in Noto CJK
    // (一 with ⼀ U+2F00, 力 with ⼒ U+2F12, 门 with ⻔ U+2ED4) and digits after Latin letters
    QTemporaryDir dir;
    core::ReportModel model;
    model.title = u"一般压力表 监管部门 L1 0.1.0"_s;
    model.softwareVersion = u"9.8.7"_s;
    model.rows.push_back({u"宜昌长江仪表有限公司"_s, 100, 95, 0.95, 0.888, 0.978, false, false});
    const QString pdf = dir.filePath(u"t.pdf"_s);
    QString detail;
    ASSERT_TRUE(ui::writePdfReport(model, pdf, &detail));
    // WHEN poppler extracts its text
    QProcess pdftotext;
    pdftotext.start(u"pdftotext"_s, {pdf, u"-"_s});
    ASSERT_TRUE(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    // THEN the very characters come back
    EXPECT_TRUE(text.contains(u"一般压力表 监管部门 L1 0.1.0"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"MetroEval 9.8.7"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"宜昌长江仪表有限公司"_s));
    EXPECT_FALSE(text.contains(QChar(0x2F00)));
}
