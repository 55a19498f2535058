// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/field.h"

namespace metroeval::core {

using namespace Qt::StringLiterals;

const std::array<FieldInfo, kFieldCount> &allFields()
{
    using L = SecurityLevel;
    static const std::array<FieldInfo, kFieldCount> fields{{
        {Field::CertificateNo, "certificate_no"_L1, "证书编号", L::L2Internal, true},
        {Field::Category, "category"_L1, "器具名称", L::L1Public, true},
        {Field::Model, "model"_L1, "型号规格", L::L1Public, false},
        {Field::SerialNo, "serial_no"_L1, "出厂编号", L::L3Sensitive, false},
        {Field::Manufacturer, "manufacturer"_L1, "制造单位", L::L1Public, false},
        {Field::ManufactureDate, "manufacture_date"_L1, "出厂日期", L::L2Internal, false},
        {Field::MeasuringRange, "measuring_range"_L1, "测量范围", L::L1Public, false},
        {Field::AccuracyClass, "accuracy_class"_L1, "准确度等级", L::L1Public, false},
        {Field::Mpe, "mpe"_L1, "最大允许误差", L::L1Public, false},
        {Field::Customer, "customer"_L1, "送检单位", L::L3Sensitive, false},
        {Field::District, "district"_L1, "所属地区", L::L2Internal, false},
        {Field::Industry, "industry"_L1, "所属行业", L::L2Internal, false},
        {Field::VerificationType, "verification_type"_L1, "检定类别", L::L1Public, false},
        {Field::VerificationDate, "verification_date"_L1, "检定日期", L::L2Internal, true},
        {Field::DueDate, "due_date"_L1, "有效期至", L::L2Internal, false},
        {Field::Conclusion, "conclusion"_L1, "检定结论", L::L2Internal, true},
        {Field::FailedItems, "failed_items"_L1, "不合格项目", L::L2Internal, false},
        {Field::MaxError, "max_error"_L1, "最大示值误差", L::L2Internal, false},
        {Field::Verifier, "verifier"_L1, "检定员", L::L3Sensitive, false},
        {Field::Checker, "checker"_L1, "核验员", L::L3Sensitive, false},
    }};
    return fields;
}

const FieldInfo &fieldInfo(Field field)
{
    return allFields()[static_cast<std::size_t>(field)];
}

std::optional<Field> fieldFromKey(QStringView key)
{
    for (const FieldInfo &info : allFields()) {
        if (key == info.key)
            return info.field;
    }
    return std::nullopt;
}

QString normalizeHeader(QStringView header)
{
    // NFKC folds full-width letters and punctuation (ＭＰＥ, （）) to their ASCII forms.
    const QString folded = header.toString().normalized(QString::NormalizationForm_KC).toLower();
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded) {
        if (c.isSpace() || c == u'*' || c == u':' || c == u'：' || c == u'_' || c == u'-')
            continue;
        out.append(c);
    }
    return out;
}

QStringList headerSynonyms(Field field)
{
    QStringList names;
    switch (field) {
    case Field::CertificateNo:
        names = {u"证书编号"_s, u"证书号"_s, u"证书编码"_s, u"certificate no"_s, u"certificate"_s};
        break;
    case Field::Category:
        names = {u"器具名称"_s, u"计量器具名称"_s, u"仪器名称"_s, u"instrument"_s, u"category"_s};
        break;
    case Field::Model:
        names = {u"型号规格"_s, u"规格型号"_s, u"型号"_s, u"model"_s};
        break;
    case Field::SerialNo:
        names = {u"出厂编号"_s, u"器具编号"_s, u"serial no"_s, u"serial number"_s};
        break;
    case Field::Manufacturer:
        names = {u"制造单位"_s, u"生产厂家"_s, u"制造厂"_s, u"制造厂商"_s, u"生产单位"_s,
                 u"manufacturer"_s};
        break;
    case Field::ManufactureDate:
        names = {u"出厂日期"_s, u"生产日期"_s, u"manufacture date"_s};
        break;
    case Field::MeasuringRange:
        names = {u"测量范围"_s, u"量程"_s, u"measuring range"_s, u"range"_s};
        break;
    case Field::AccuracyClass:
        names = {u"准确度等级"_s, u"精度等级"_s, u"准确度"_s, u"accuracy class"_s, u"class"_s};
        break;
    case Field::Mpe:
        names = {u"最大允许误差"_s, u"允许误差"_s, u"mpe"_s};
        break;
    case Field::Customer:
        names = {u"送检单位"_s, u"使用单位"_s, u"委托单位"_s, u"customer"_s};
        break;
    case Field::District:
        names = {u"所属地区"_s, u"地区"_s, u"区域"_s, u"district"_s};
        break;
    case Field::Industry:
        names = {u"所属行业"_s, u"行业"_s, u"industry"_s};
        break;
    case Field::VerificationType:
        names = {u"检定类别"_s, u"检定性质"_s, u"检定类型"_s, u"verification type"_s};
        break;
    case Field::VerificationDate:
        names = {u"检定日期"_s, u"校准日期"_s, u"verification date"_s, u"date"_s};
        break;
    case Field::DueDate:
        names = {u"有效期至"_s, u"有效日期"_s, u"下次检定日期"_s, u"due date"_s};
        break;
    case Field::Conclusion:
        names = {u"检定结论"_s, u"结论"_s, u"检定结果"_s, u"conclusion"_s, u"result"_s};
        break;
    case Field::FailedItems:
        names = {u"不合格项目"_s, u"不合格项"_s, u"failed items"_s};
        break;
    case Field::MaxError:
        names = {u"最大示值误差"_s, u"示值误差"_s, u"max error"_s};
        break;
    case Field::Verifier:
        names = {u"检定员"_s, u"检定人员"_s, u"verifier"_s};
        break;
    case Field::Checker:
        names = {u"核验员"_s, u"核验人员"_s, u"checker"_s};
        break;
    }
    for (QString &name : names)
        name = normalizeHeader(name);
    return names;
}

} // namespace metroeval::core
