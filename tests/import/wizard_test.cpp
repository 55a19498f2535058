// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard and the quarantine view, driven page by page on the offscreen platform.
#include <gtest/gtest.h>

#include "import/filepages.h"
#include "import/importwizard.h"
#include "import/mappingpage.h"
#include "import/quarantinemodel.h"
#include "import/quarantineview.h"
#include "import/runpages.h"
#include "importtestsupport.h"
#include "io/mappingprofiles.h"
#include "storage/recordstore.h"
#include "workspacedocument.h"

#include <QComboBox>
#include <QFile>
#include <QTableWidget>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace metroeval;
using namespace metroeval::test;
using namespace Qt::StringLiterals;

namespace {
struct Fixture
{
    QTemporaryDir dir;
    ui::WorkspaceDocument document;
    Fixture()
    {
        core::CoreError error;
        EXPECT_TRUE(document.open(dir.filePath(u"w.metroeval"_s), &error));
    }
};

void advanceTo(ui::ImportWizard &wizard, int id)
{
    while (wizard.currentId() != id) {
        const int before = wizard.currentId();
        wizard.next();
        ASSERT_NE(wizard.currentId(), before) << "stuck on page " << before;
    }
}
} // namespace

TEST(ImportWizard, WalksFromFileToSummaryWithDetectedFormatAndQuarantine)
{
    // GIVEN a workspace and a semicolon-delimited export with one quarantined row
    Fixture f;
    ui::ImportWizard wizard(&f.document, importFixture(u"unbalanced_quote.csv"_s), nullptr);
    wizard.show();
    // WHEN the pages are walked
    advanceTo(wizard, ui::ImportWizard::PreviewPageId);
    auto *preview = static_cast<ui::PreviewPage *>(wizard.currentPage());
    // THEN the preview names the detected encoding and delimiter and shows the rows
    EXPECT_TRUE(preview->detectedText().contains(u"UTF-8"_s));
    EXPECT_TRUE(preview->detectedText().contains(u"Comma"_s));
    EXPECT_EQ(preview->table()->rowCount(), 5);
    advanceTo(wizard, ui::ImportWizard::MappingPageId);
    auto *mapping = static_cast<ui::MappingPage *>(wizard.currentPage());
    EXPECT_TRUE(mapping->isComplete());
    // AND the live typed preview says which rows would be quarantined
    ASSERT_EQ(mapping->typedPreview()->rowCount(), 5);
    EXPECT_TRUE(mapping->typedPreview()->item(1, 1)->text().startsWith(u"Quarantine"_s));
    EXPECT_EQ(mapping->typedPreview()->item(0, 3)->text(), u"2023-05-01"_s);
    advanceTo(wizard, ui::ImportWizard::RunPageId);
    auto *run = static_cast<ui::RunPage *>(wizard.currentPage());
    ASSERT_TRUE(QTest::qWaitFor([&] { return run->isComplete(); }, 10000))
        << run->statusText().toStdString();
    advanceTo(wizard, ui::ImportWizard::SummaryPageId);
    auto *summary = static_cast<ui::SummaryPage *>(wizard.currentPage());
    // Reference: unbalanced_quote.csv holds 5 data rows, 2 with quote faults.
    EXPECT_TRUE(summary->summaryText().contains(u"5 rows read = 3 imported"_s))
        << summary->summaryText().toStdString();
    EXPECT_EQ(summary->quarantineView()->model()->rowCount(), 2);
    EXPECT_EQ(f.document.recordCount(), 3);
}

TEST(ImportWizard, MappingOverrideAndProfileSaveAreUsedByTheImport)
{
    Fixture f;
    QFile csv(f.dir.filePath(u"odd.csv"_s));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("编号甲,器具名称,检定日期,检定结论\nA,压力表,2023-05-01,合格\n");
    csv.close();
    ui::ImportWizard wizard(&f.document, csv.fileName(), nullptr);
    wizard.show();
    advanceTo(wizard, ui::ImportWizard::MappingPageId);
    auto *mapping = static_cast<ui::MappingPage *>(wizard.currentPage());
    // GIVEN a certificate column no synonym knows: the page cannot go on
    EXPECT_FALSE(mapping->isComplete());
    // WHEN the user maps it and saves the profile
    mapping->setColumn(core::Field::CertificateNo, 0);
    EXPECT_TRUE(mapping->isComplete());
    ASSERT_TRUE(mapping->saveProfile(u"odd"_s));
    EXPECT_EQ(core::listMappingProfiles(f.document.workspace()->database()),
              QStringList{u"odd"_s});
    EXPECT_EQ(mapping->typedPreview()->item(0, 2)->text(), u"A"_s);
    advanceTo(wizard, ui::ImportWizard::RunPageId);
    auto *run = static_cast<ui::RunPage *>(wizard.currentPage());
    ASSERT_TRUE(QTest::qWaitFor([&] { return run->isComplete(); }, 10000));
    // THEN the record is imported under the chosen mapping, with the profile in its provenance
    EXPECT_EQ(f.document.recordCount(), 1);
    EXPECT_EQ(core::listBatches(f.document.workspace()->database()).constLast().profileName,
              u"odd"_s);
}

TEST(ImportWizard, CancelDuringTheRunLeavesTheWorkspaceUnchanged)
{
    Fixture f;
    QByteArray bytes = "证书编号,器具名称,检定日期,检定结论\n";
    for (int i = 0; i < 60000; ++i)
        bytes += "N" + QByteArray::number(i) + ",压力表,2023-05-01,合格\n";
    QFile csv(f.dir.filePath(u"big.csv"_s));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write(bytes);
    csv.close();
    ui::ImportWizard wizard(&f.document, csv.fileName(), nullptr);
    wizard.show();
    advanceTo(wizard, ui::ImportWizard::MappingPageId);
    // WHEN Cancel is pressed as soon as the run reports its first progress
    wizard.next();
    auto *run = static_cast<ui::RunPage *>(wizard.currentPage());
    QTimer::singleShot(0, run->cancelButton(), [run] { run->cancelButton()->click(); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return !run->isRunning() && !run->statusText().isEmpty()
                                             && !run->statusText().startsWith(u"Importing"_s); },
                                20000));
    // THEN the run stops, says so, and the workspace holds nothing
    EXPECT_FALSE(run->isComplete());
    EXPECT_TRUE(run->statusText().startsWith(u"Cancelled"_s)) << run->statusText().toStdString();
    EXPECT_EQ(f.document.recordCount(), 0);
    EXPECT_TRUE(core::listBatches(f.document.workspace()->database()).isEmpty());
}

TEST(QuarantineView, CorrectedCellsAreReimported)
{
    Fixture f;
    core::CoreError error;
    ASSERT_TRUE(f.document.importFile(importFixture(u"date_formats.csv"_s), {}, &error));
    ui::QuarantineView view(&f.document, nullptr);
    // Reference: date_formats.csv line 8 holds the impossible 2022-02-30.
    ASSERT_EQ(view.model()->rowCount(), 1);
    view.selectRow(0);
    ASSERT_EQ(view.editor()->columnCount(), 10);
    EXPECT_EQ(view.editor()->item(0, 3)->text(), u"2022-02-30"_s);
    view.editor()->item(0, 3)->setText(u"2022-02-28"_s);
    EXPECT_TRUE(view.reimportSelected()) << view.statusText().toStdString();
    EXPECT_EQ(view.model()->rowCount(), 0);
    EXPECT_EQ(f.document.recordCount(), 7);
}
