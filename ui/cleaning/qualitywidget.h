// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cleaning/qualityreport.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace metroeval::ui {

class WorkspaceDocument;

/// \brief The data-quality report (GB/T 36344 dimensions): per dimension the values checked,
/// problems as imported, problems left after cleaning and the score; below each dimension the
/// fields with problems and up to three example records. Scope: the whole workspace or one
/// import batch.
class QualityWidget : public QWidget
{
    Q_OBJECT

public:
    QualityWidget(WorkspaceDocument *doc, QWidget *parent);

public Q_SLOTS:
    void reload();

private:
    void fill();

    WorkspaceDocument *m_doc;
    QComboBox *m_scope;
    QTreeWidget *m_tree;
    QLabel *m_summary;
    std::optional<core::cleaning::QualityReport> m_report;
};

/// \brief Translated name of a GB/T 36344 dimension.
QString dimensionText(core::cleaning::Dimension dimension);

} // namespace metroeval::ui
