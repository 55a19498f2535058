// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation/evaluationplan.h"
#include "evaluation/evaluator.h"
#include "storage/workspace.h"

#include <QJsonObject>
#include <QString>

#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace metroeval::test {

/// \brief A workspace holding the clean truth records of a generated sample, and its truth.json.
struct SampleWorkspace
{
    std::unique_ptr<core::Workspace> workspace;
    QJsonObject truth;
    QString directory;
};

/// \brief Generates (once per process and argument set) a sample of \a records truth records with
/// \a seed, imports truth_records.csv into a fresh workspace and returns it. With \a events false
/// the batch defect and the improving manufacturer are switched off through the catalogue.
SampleWorkspace &sampleWorkspace(quint64 records, quint64 seed, bool events);

/// \brief One hand-made verification record (the other fields get fixed plausible values; the
/// MPE is ±0.025 MPa so that max_error / MPE is exact in tests).
struct HandRecord
{
    QString certificate;
    QString manufacturer;
    QString model;
    QString serial;
    QString type; ///< 首次检定 / 后续检定
    QString date; ///< ISO
    bool passed = true;
    QString failedItems;
    QString maxError; ///< e.g. "+0.010"; empty: unknown
};

/// \brief A workspace in \a dir with \a records imported from an export CSV.
std::unique_ptr<core::Workspace> handWorkspace(const QTemporaryDir &dir,
                                               const std::vector<HandRecord> &records);

/// \brief Parses a plan from JSON text; fails the test on an error.
core::EvaluationPlan planFrom(const char *json);

/// \brief The object of \a array whose "key" (or "group") equals \a key; empty if none.
QJsonObject findByKey(const QJsonArray &array, const QString &key);

} // namespace metroeval::test
