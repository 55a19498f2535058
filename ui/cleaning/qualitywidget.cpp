// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/qualitywidget.h"

#include "i18n/labels.h"

#include "tr.h"
#include "workspacedocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace metroeval::ui {

using namespace Qt::StringLiterals;
using core::cleaning::Dimension;
using core::cleaning::QualityCount;

namespace {

QString percent(double v)
{
    return std::isnan(v) ? Tr::tr("n/a") : QString::number(100.0 * v, 'f', 2) + u" %"_s;
}

QStringList countColumns(const QString &label, const QualityCount &c)
{
    return {label,
            QString::number(c.checked),
            QString::number(c.issuesRaw),
            QString::number(c.issuesRemaining),
            percent(c.scoreRaw()),
            percent(c.score())};
}

QString exampleText(const QJsonObject &e)
{
    QString text;
    if (e.contains(u"certificate_no"_s))
        text = e.value(u"certificate_no"_s).toString() + u": "_s;
    text += e.value(u"value"_s).toString();
    if (e.contains(u"cleaned"_s))
        text += u" → "_s + e.value(u"cleaned"_s).toString()
                + Tr::tr(" (%1 records)").arg(e.value(u"records"_s).toInteger());
    if (e.contains(u"rule"_s))
        text += u" ["_s + e.value(u"rule"_s).toString() + u']';
    return text;
}

} // namespace

QString dimensionText(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Completeness:
        return Tr::tr("Completeness");
    case Dimension::Validity:
        return Tr::tr("Validity");
    case Dimension::Consistency:
        return Tr::tr("Consistency");
    case Dimension::Uniqueness:
        return Tr::tr("Uniqueness");
    case Dimension::Timeliness:
        return Tr::tr("Timeliness");
    case Dimension::Accuracy:
        return Tr::tr("Accuracy");
    }
    return {};
}

QualityWidget::QualityWidget(WorkspaceDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_scope(new QComboBox(this))
    , m_tree(new QTreeWidget(this))
    , m_summary(new QLabel(this))
{
    m_tree->setHeaderLabels({Tr::tr("Dimension / field"), Tr::tr("Checked"),
                             Tr::tr("Issues as imported"), Tr::tr("Issues left"),
                             Tr::tr("Score as imported"), Tr::tr("Score")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *refresh = new QPushButton(Tr::tr("Refresh"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(Tr::tr("Scope:"), this));
    top->addWidget(m_scope, 1);
    top->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    connect(refresh, &QPushButton::clicked, this, &QualityWidget::reload);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &QualityWidget::fill);
    if (m_doc)
        connect(m_doc, &WorkspaceDocument::workspaceChanged, this, &QualityWidget::reload);
    reload();
}

void QualityWidget::reload()
{
    core::Workspace *ws = m_doc ? m_doc->workspace() : nullptr;
    m_report.reset();
    if (ws) {
        core::CoreError error;
        m_report = core::cleaning::computeQualityReport(*ws, &error);
    }
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    m_scope->addItem(Tr::tr("All batches"), qint64(0));
    if (m_report) {
        for (const auto &b : m_report->batches)
            m_scope->addItem(Tr::tr("Batch %1: %2").arg(b.batchId).arg(b.fileName), b.batchId);
    }
    fill();
}

void QualityWidget::fill()
{
    m_tree->clear();
    if (!m_report) {
        m_summary->setText(Tr::tr("No workspace open"));
        return;
    }
    const qint64 batchId = m_scope->currentData().toLongLong();
    m_summary->setText(Tr::tr("GB/T 36344-2018 · %1 records, %2 used by evaluations, %3 masked"
                              " · cleaning run %4")
                           .arg(m_report->records)
                           .arg(m_report->effectiveRecords)
                           .arg(m_report->maskedRecords)
                           .arg(m_report->runId));
    const core::cleaning::DimensionCounts *counts = &m_report->dimensions;
    for (const auto &b : m_report->batches) {
        if (b.batchId == batchId)
            counts = &b.dimensions;
    }
    for (int d = 0; d < core::cleaning::kDimensionCount; ++d) {
        const auto dim = Dimension(d);
        auto *item = new QTreeWidgetItem(
            m_tree, countColumns(dimensionText(dim), (*counts)[std::size_t(d)]));
        // Fields are shown for the whole workspace (per-batch counts are per dimension only).
        if (batchId != 0)
            continue;
        for (auto it = m_report->fields.cbegin(); it != m_report->fields.cend(); ++it) {
            const QualityCount &c = it.value()[std::size_t(d)];
            if (c.issuesRaw == 0 && c.issuesRemaining == 0)
                continue;
            const auto key = core::fieldFromKey(it.key());
            auto *field = new QTreeWidgetItem(
                item, countColumns(key ? fieldLabel(*key) : it.key(), c));
            for (const QJsonValue &e : c.examples)
                new QTreeWidgetItem(field, {exampleText(e.toObject())});
        }
    }
    m_tree->expandToDepth(0);
}

} // namespace metroeval::ui
