// SPDX-License-Identifier: GPL-3.0-or-later
#include "coretestsupport.h"

#include <QFile>

namespace metroeval::test {

using namespace Qt::StringLiterals;

QByteArray exportHeader()
{
    return u"证书编号,器具名称,型号规格,出厂编号,制造单位,出厂日期,测量范围,准确度等级,最大允许误差,"
           "送检单位,所属地区,所属行业,检定类别,检定日期,有效期至,检定结论,不合格项目,最大示值误差,"
           "检定员,核验员\n"_s.toUtf8();
}

QByteArray exportLine(const QString &certificate, const QString &manufacturer, const QString &date,
                      const QString &conclusion)
{
    const bool failed = conclusion.contains(u'不');
    return (certificate + u",一般压力表,Y-100,S"_s + certificate + u","_s + manufacturer
            + u",2020-01-01,(0~1.6)MPa,1.6,±0.026MPa,某某化工有限公司,宜昌市,化工,后续检定,"_s
            + date + u",2024-06-30,"_s + conclusion + u","_s + (failed ? u"示值误差"_s : QString())
            + u","_s + (failed ? u"+0.031"_s : u"+0.010"_s) + u",张三,李四\n"_s)
        .toUtf8();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

QString testDataPath(const QString &relative)
{
    return QString::fromUtf8(METROEVAL_TEST_DATA_DIR) + u'/' + relative;
}

} // namespace metroeval::test
