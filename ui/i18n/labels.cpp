// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/labels.h"

#include "tr.h"

namespace metroeval::ui {

using namespace Qt::StringLiterals;
using core::ErrorCode;
using core::Field;

QString fieldLabel(Field field)
{
    switch (field) {
    case Field::CertificateNo: return Tr::tr("Certificate no.");
    case Field::Category: return Tr::tr("Instrument");
    case Field::Model: return Tr::tr("Model");
    case Field::SerialNo: return Tr::tr("Serial no.");
    case Field::Manufacturer: return Tr::tr("Manufacturer");
    case Field::ManufactureDate: return Tr::tr("Manufacture date");
    case Field::MeasuringRange: return Tr::tr("Measuring range");
    case Field::AccuracyClass: return Tr::tr("Accuracy class");
    case Field::Mpe: return Tr::tr("MPE");
    case Field::Customer: return Tr::tr("Customer");
    case Field::District: return Tr::tr("District");
    case Field::Industry: return Tr::tr("Industry");
    case Field::VerificationType: return Tr::tr("Verification type");
    case Field::VerificationDate: return Tr::tr("Verification date");
    case Field::DueDate: return Tr::tr("Due date");
    case Field::Conclusion: return Tr::tr("Conclusion");
    case Field::FailedItems: return Tr::tr("Failed items");
    case Field::MaxError: return Tr::tr("Max. error");
    case Field::Verifier: return Tr::tr("Verifier");
    case Field::Checker: return Tr::tr("Checker");
    }
    return {};
}

QString securityLevelLabel(core::SecurityLevel level)
{
    switch (level) {
    case core::SecurityLevel::L1Public: return Tr::tr("L1 Public");
    case core::SecurityLevel::L2Internal: return Tr::tr("L2 Internal");
    case core::SecurityLevel::L3Sensitive: return Tr::tr("L3 Sensitive");
    case core::SecurityLevel::L4Important: return Tr::tr("L4 Important");
    }
    return {};
}

QString audienceLabel(core::Audience audience)
{
    switch (audience) {
    case core::Audience::Regulator: return Tr::tr("Regulator");
    case core::Audience::Manufacturer: return Tr::tr("Manufacturer");
    case core::Audience::User: return Tr::tr("Instrument user");
    case core::Audience::Internal: return Tr::tr("Internal");
    }
    return {};
}

QString intervalMethodLabel(const QString &methodKey)
{
    return methodKey == "clopper_pearson"_L1 ? Tr::tr("Clopper–Pearson") : Tr::tr("Wilson");
}

QString errorMessage(const core::CoreError &error)
{
    const QString &d = error.detail;
    switch (error.code) {
    case ErrorCode::None: return {};
    case ErrorCode::FileNotFound: return Tr::tr("File not found: %1").arg(d);
    case ErrorCode::FileUnreadable: return Tr::tr("Cannot read the file %1").arg(d);
    case ErrorCode::FileUnwritable: return Tr::tr("Cannot write to %1").arg(d);
    case ErrorCode::UnknownEncoding: return Tr::tr("Unknown text encoding %1").arg(d);
    case ErrorCode::EmptyFile: return Tr::tr("The file has no header row: %1").arg(d);
    case ErrorCode::MissingRequiredColumns:
        return Tr::tr("Required columns are missing: %1").arg(d);
    case ErrorCode::InvalidMapping: return Tr::tr("The column mapping is invalid at %1").arg(d);
    case ErrorCode::DatabaseError: return Tr::tr("Workspace database error: %1").arg(d);
    case ErrorCode::SchemaTooNew:
        return Tr::tr("The workspace was written by a newer MetroEval (schema %1)").arg(d);
    case ErrorCode::Cancelled: return Tr::tr("Cancelled; the workspace is unchanged");
    case ErrorCode::InvalidPlan: return Tr::tr("The evaluation plan is invalid at %1").arg(d);
    case ErrorCode::InvalidResult: return Tr::tr("The result file is invalid at %1").arg(d);
    case ErrorCode::NoData: return Tr::tr("No records fall in the scope of the plan");
    }
    return d;
}

QString qualityDimensionLabel(const QString &key)
{
    if (key == "completeness"_L1) return Tr::tr("Completeness");
    if (key == "validity"_L1) return Tr::tr("Validity");
    if (key == "consistency"_L1) return Tr::tr("Consistency");
    if (key == "uniqueness"_L1) return Tr::tr("Uniqueness");
    if (key == "timeliness"_L1) return Tr::tr("Timeliness");
    if (key == "accuracy"_L1) return Tr::tr("Accuracy");
    return key;
}

QString cleaningRuleLabel(const QString &code)
{
    if (code == "text_nfkc"_L1) return Tr::tr("Full-width and spacing");
    if (code == "conclusion_vocabulary"_L1) return Tr::tr("Conclusion wording");
    if (code == "date_iso"_L1) return Tr::tr("Date format");
    if (code == "unit_canonical"_L1) return Tr::tr("Canonical unit");
    if (code == "manufacturer_alias"_L1) return Tr::tr("Manufacturer alias");
    if (code == "model_canonical"_L1) return Tr::tr("Model spelling");
    if (code == "duplicate_certificate"_L1) return Tr::tr("Duplicate certificate");
    if (code == "conclusion_vs_error"_L1) return Tr::tr("Conclusion vs. error");
    if (code == "mpe_vs_class"_L1) return Tr::tr("MPE vs. accuracy class");
    if (code == "due_before_verification"_L1) return Tr::tr("Due before verification");
    if (code == "due_beyond_interval"_L1) return Tr::tr("Due beyond interval");
    if (code == "verified_before_manufacture"_L1) return Tr::tr("Verified before manufacture");
    if (code == "future_date"_L1) return Tr::tr("Date in the future");
    if (code == "same_day_twice"_L1) return Tr::tr("Verified twice in one day");
    if (code == "missing_critical"_L1) return Tr::tr("Missing critical field");
    if (code == "unparseable_date"_L1) return Tr::tr("Unreadable date");
    if (code == "unknown_unit"_L1) return Tr::tr("Unknown unit");
    if (code == "alias_before_rename"_L1) return Tr::tr("Before company rename");
    return code;
}

} // namespace metroeval::ui
