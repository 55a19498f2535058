// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/reportmodel.h"

#include "cleaning/qualityreport.h"

#include <algorithm>

namespace metroeval::core {

using namespace Qt::StringLiterals;

std::optional<Audience> audienceFromKey(QStringView key)
{
    for (Audience a : {Audience::Regulator, Audience::Manufacturer, Audience::User,
                       Audience::Internal}) {
        if (key == audienceKey(a))
            return a;
    }
    return std::nullopt;
}

QLatin1StringView audienceKey(Audience audience)
{
    switch (audience) {
    case Audience::Regulator: return "regulator"_L1;
    case Audience::Manufacturer: return "manufacturer"_L1;
    case Audience::User: return "user"_L1;
    case Audience::Internal: return "internal"_L1;
    }
    return "internal"_L1;
}

SecurityLevel entitledLevel(Audience audience)
{
    return audience == Audience::Internal ? SecurityLevel::L3Sensitive : SecurityLevel::L1Public;
}

ReportModel buildReportModel(const EvaluationResult &result, Audience audience)
{
    ReportModel model;
    model.audience = audience;
    model.title = result.plan.title;
    model.groupBy = result.plan.groupBy;
    model.intervalMethod = result.plan.interval == IntervalMethod::Wilson ? u"wilson"_s
                                                                          : u"clopper_pearson"_s;
    model.level = result.plan.level;
    model.recordsInScope = result.recordsInScope;
    model.batches = result.batches;
    model.minGroupSize = result.plan.minGroupSize;
    model.dataFingerprint = result.dataFingerprint;
    model.softwareVersion = result.softwareVersion;
    model.evaluatedAt = result.createdAt;

    // Aggregates over enough records are public (L1); small cells are internal (L2); a grouping
    // by a sensitive field (customer) makes the table as sensitive as that field.
    const SecurityLevel fieldLevel = fieldInfo(result.plan.groupBy).level;
    const SecurityLevel entitled = entitledLevel(audience);
    SecurityLevel highest = SecurityLevel::L1Public;
    for (const GroupRate &g : result.groups) {
        ReportRow row{g.key, g.verified, g.passed, g.rate, g.lower, g.upper, false, g.belowMinimum};
        SecurityLevel rowLevel = std::max(fieldLevel, g.belowMinimum ? SecurityLevel::L2Internal
                                                                     : SecurityLevel::L1Public);
        if (rowLevel > entitled) {
            row.suppressed = true;
            rowLevel = std::max(fieldLevel, SecurityLevel::L1Public);
        }
        if (row.suppressed && fieldLevel > entitled)
            row.group = u"***"_s;
        highest = std::max(highest, rowLevel > entitled ? entitled : rowLevel);
        model.rows.push_back(row);
    }
    model.highestLevel = highest;
    return model;
}

bool attachQualitySection(ReportModel &model, Workspace &workspace, CoreError *error)
{
    const auto report = cleaning::computeQualityReport(workspace, error);
    if (!report)
        return false;
    QualitySection section;
    section.records = report->records;
    section.effectiveRecords = report->effectiveRecords;
    section.maskedRecords = report->maskedRecords;
    section.cleaned = report->runId > 0;
    for (int d = 0; d < cleaning::kDimensionCount; ++d) {
        const cleaning::QualityCount &c = report->dimensions[std::size_t(d)];
        section.dimensions.push_back({QString(cleaning::dimensionKey(cleaning::Dimension(d))),
                                      c.checked, c.issuesRaw, c.issuesRemaining, c.score()});
    }
    model.quality = std::move(section);
    return true;
}

} // namespace metroeval::core
