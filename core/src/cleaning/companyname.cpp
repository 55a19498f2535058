// SPDX-License-Identifier: GPL-3.0-or-later
#include "cleaning/companyname.h"

#include "cleaning/textnormalize.h"

#include <QRegularExpression>

#include <algorithm>

namespace metroeval::core::cleaning {

using namespace Qt::StringLiterals;

namespace {

QStringList longestFirst(QStringList list)
{
    list.removeDuplicates();
    list.removeAll(QString());
    std::stable_sort(list.begin(), list.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return list;
}

QStringList builtInPlaces()
{
    // Provinces and provincial-level cities, then prefecture-level and larger county-level
    // cities that often prefix company names. Extend per institute with the rules file ("places").
    return QStringLiteral(
               "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 "
               "湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 "
               "香港 澳门 石家庄 太原 沈阳 大连 长春 哈尔滨 南京 苏州 无锡 常州 杭州 宁波 温州 "
               "嘉兴 金华 永康 义乌 合肥 福州 厦门 南昌 济南 青岛 烟台 潍坊 郑州 洛阳 武汉 宜昌 "
               "荆州 襄阳 十堰 黄石 孝感 荆门 鄂州 黄冈 咸宁 随州 恩施 仙桃 长沙 株洲 湘潭 广州 "
               "深圳 珠海 佛山 东莞 中山 南宁 桂林 海口 成都 绵阳 德阳 贵阳 昆明 西安 宝鸡 兰州 "
               "西宁 银川 乌鲁木齐 呼和浩特 拉萨 徐州 南通 扬州 镇江 泰州 绍兴 台州 芜湖 蚌埠 "
               "唐山 保定 邯郸 大庆 吉林市 丹东 鞍山 抚顺 淄博 威海 临沂 开封 新乡 南阳")
        .split(u' ', Qt::SkipEmptyParts);
}

QStringList builtInLegalForms()
{
    return {u"股份有限公司"_s, u"有限责任公司"_s, u"集团有限公司"_s, u"有限公司"_s, u"集团公司"_s,
            u"股份公司"_s,     u"总公司"_s,       u"分公司"_s,       u"公司"_s,     u"集团"_s,
            u"总厂"_s,         u"分厂"_s,         u"厂"_s,           u"CO.,LTD."_s, u"CO.,LTD"_s,
            u"LTD."_s,         u"LTD"_s};
}

QStringList builtInTradeWords()
{
    return {u"仪器仪表"_s, u"自动化仪表"_s, u"仪表"_s,   u"仪器"_s, u"电子科技"_s, u"科技"_s,
            u"电子"_s,     u"检测设备"_s,   u"设备"_s,   u"衡器"_s, u"智能"_s,     u"计量"_s,
            u"电气"_s,     u"测控"_s,       u"传感器"_s, u"技术"_s, u"实业"_s,     u"制造"_s};
}

bool stripPrefix(QString &s, const QStringList &candidates, QString &taken)
{
    for (const QString &c : candidates) {
        if (s.size() > c.size() + 1 && s.startsWith(c)) {
            taken += c;
            s.remove(0, c.size());
            return true;
        }
    }
    return false;
}

bool stripSuffix(QString &s, const QStringList &candidates, QString *taken)
{
    for (const QString &c : candidates) {
        if (s.size() > c.size() + 1 && s.endsWith(c, Qt::CaseInsensitive)) {
            if (taken)
                taken->prepend(s.right(c.size()));
            s.chop(c.size());
            return true;
        }
    }
    return false;
}

} // namespace

CompanyNameAnalyzer::CompanyNameAnalyzer(const RuleSet &rules)
    : m_places(longestFirst(builtInPlaces() + rules.extraPlaces))
    , m_legalForms(longestFirst(builtInLegalForms() + rules.extraLegalForms))
    , m_tradeWords(longestFirst(builtInTradeWords() + rules.extraTradeWords))
{
}

QString CompanyNameAnalyzer::key(QStringView raw)
{
    QString s = normalizeText(raw);
    s.removeIf([](QChar c) { return c.isSpace(); });
    return s;
}

CompanyName CompanyNameAnalyzer::analyze(QStringView raw) const
{
    CompanyName n;
    n.normalized = key(raw);
    QString s = n.normalized;
    // Place: known names, each optionally followed by an administrative suffix (宜昌市, 湖北省).
    static const QStringList admin{u"省"_s, u"市"_s, u"自治区"_s, u"县"_s, u"区"_s};
    while (stripPrefix(s, m_places, n.place))
        stripPrefix(s, admin, n.place);
    // Plant numbers are read before the legal form goes: "三厂" → "三".
    static const QRegularExpression numbered(
        u"([0-9]+|[一二三四五六七八九十〇零]+)(?=(?:分厂|厂|分公司|车间|研究所|所|号))"_s);
    for (auto it = numbered.globalMatch(s); it.hasNext();)
        n.numbers.append(it.next().captured(1));
    static const QRegularExpression digits(u"[0-9]+"_s);
    for (auto it = digits.globalMatch(s); it.hasNext();) {
        const QString d = it.next().captured(0);
        if (!n.numbers.contains(d))
            n.numbers.append(d);
    }
    while (stripSuffix(s, m_legalForms, &n.legalForm)) {
    }
    QString core = s;
    while (stripSuffix(core, m_tradeWords, nullptr)) {
    }
    n.core = core.size() >= 2 ? core : s;
    return n;
}

double nameSimilarity(const CompanyName &a, const CompanyName &b)
{
    if (a.core == b.core)
        return 1.0;
    const QString &shorter = a.core.size() <= b.core.size() ? a.core : b.core;
    const QString &longer = a.core.size() <= b.core.size() ? b.core : a.core;
    if (shorter.size() >= 2 && longer.contains(shorter))
        return 0.85;
    auto grams = [](const QString &s) {
        QList<QStringView> out;
        for (qsizetype i = 0; i + 1 < s.size(); ++i)
            out.append(QStringView(s).mid(i, 2));
        if (s.size() == 1)
            out.append(QStringView(s));
        return out;
    };
    const QList<QStringView> ga = grams(a.core);
    QList<QStringView> gb = grams(b.core);
    if (ga.isEmpty() || gb.isEmpty())
        return 0.0;
    qsizetype common = 0;
    const qsizetype total = ga.size() + gb.size();
    for (const QStringView g : ga) {
        const qsizetype at = gb.indexOf(g);
        if (at >= 0) {
            ++common;
            gb.removeAt(at);
        }
    }
    return 2.0 * double(common) / double(total);
}

QString mergeBlocker(const CompanyName &a, const CompanyName &b)
{
    if (a.numbers != b.numbers)
        return u"distinct_number"_s;
    if (!a.place.isEmpty() && !b.place.isEmpty() && !a.place.startsWith(b.place)
        && !b.place.startsWith(a.place))
        return u"distinct_place"_s;
    return {};
}

} // namespace metroeval::core::cleaning
