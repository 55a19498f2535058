// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded default catalogue. Manufacturers and customers are fictitious; the verification
// rules follow JJG 52-2013, JJG 693-2011 and JJG 539-2016 as summarised in
// shared/design/domain.md §2. Ground-truth parameters are invented but plausible: gauges with a
// six-month interval mostly survive several years, gas detectors and scales drift more slowly.
#include "sample/catalog.h"

namespace metroeval::sample {

namespace {

ModelSpec model(const char *name, double weight, double shape, double scale, double driftMean,
                double driftSd = 0.05, double biasSd = 0.2, double noiseSd = 0.08)
{
    return ModelSpec{name, weight, shape, scale, driftMean, driftSd, biasSd, noiseSd};
}

CategorySpec pressureGauges()
{
    CategorySpec c;
    c.name = "一般压力表";
    c.regulation = "JJG 52-2013";
    c.unit = "MPa";
    c.certificateCode = "P";
    c.intervalMonths = 6;
    c.weight = 0.6;
    c.mpeRule = MpeRule::PercentOfSpan;
    c.errorDecimals = 4;
    c.classes = {{"1.6", 1.6, 0.55}, {"2.5", 2.5, 0.37}, {"1.0", 1.0, 0.05}, {"4.0", 4.0, 0.03}};
    c.ranges = {{0, 1.6, 0.30, 0}, {0, 2.5, 0.20, 0}, {0, 0.6, 0.15, 0}, {0, 1.0, 0.15, 0},
                {0, 4.0, 0.10, 0}, {0, 0.25, 0.05, 0}, {0, 6.0, 0.05, 0}};
    c.failedItems = {"示值误差", "回程误差", "轻敲位移", "零位", "指针偏转平稳性", "外观"};
    c.failedItemWeights = {0.55, 0.12, 0.10, 0.12, 0.06, 0.05};
    c.manufacturers = {
        {"宜昌长江仪表有限公司",
         {"宜昌长江仪表", "长江仪表有限公司", "宜昌长江仪表有限责任公司"},
         0.30,
         {model("Y-100", 0.5, 1.6, 5.0, 0.12), model("Y-60", 0.3, 1.4, 4.0, 0.15),
          model("YN-100", 0.2, 1.8, 6.5, 0.10)}},
        {"武汉楚天仪表有限公司",
         {"武汉楚天仪表厂", "楚天仪表", "武汉 楚天仪表有限公司"},
         0.25,
         {model("Y-100", 0.6, 1.5, 4.5, 0.13), model("Y-150", 0.4, 1.7, 5.5, 0.11)}},
        {"荆州江汉仪表厂",
         {"江汉仪表厂", "荆州市江汉仪表厂", "荆州江汉仪表"},
         0.20,
         {model("Y-60", 0.5, 1.2, 3.0, 0.18, 0.07), model("Y-100", 0.5, 1.3, 3.5, 0.16, 0.07)}},
        {"襄阳汉水仪器仪表有限公司",
         {"襄阳汉水仪表", "汉水仪器仪表有限公司", "襄阳市汉水仪器仪表有限公司"},
         0.15,
         {model("Y-100", 0.7, 1.6, 4.8, 0.12), model("YTN-100", 0.3, 2.0, 7.0, 0.08)}},
        {"西安秦川仪表厂",
         {"秦川仪表厂", "西安秦川仪表"},
         0.10,
         {model("Y-100", 1.0, 1.5, 4.2, 0.14)}},
    };
    return c;
}

CategorySpec gasDetectors()
{
    CategorySpec c;
    c.name = "可燃气体检测报警器";
    c.regulation = "JJG 693-2011";
    c.unit = "%LEL";
    c.certificateCode = "Q";
    c.intervalMonths = 12;
    c.weight = 0.2;
    c.mpeRule = MpeRule::Absolute;
    c.absoluteMpe = 5.0;
    c.errorDecimals = 1;
    c.classes = {{"/", 0.0, 1.0}};
    c.ranges = {{0, 100, 1.0, 0}};
    c.failedItems = {"示值误差", "响应时间", "报警功能", "重复性", "外观"};
    c.failedItemWeights = {0.60, 0.15, 0.12, 0.08, 0.05};
    c.manufacturers = {
        {"深圳安瑞检测设备有限公司",
         {"深圳安瑞", "安瑞检测设备有限公司", "深圳市安瑞检测设备有限公司"},
         0.40,
         {model("AR-8800", 0.6, 1.8, 4.0, 0.15, 0.06, 0.25, 0.10),
          model("GT-2000A", 0.4, 1.6, 3.2, 0.18, 0.08, 0.25, 0.10)}},
        {"成都华盾电子有限公司",
         {"成都华盾", "华盾电子有限公司", "成都华盾电子"},
         0.35,
         {model("HD-100B", 1.0, 1.7, 3.6, 0.16, 0.06, 0.25, 0.10)}},
        {"郑州天恒电子科技有限公司",
         {"郑州天恒", "天恒电子科技有限公司", "郑州天恒电子科技公司"},
         0.25,
         {model("TH-K200", 1.0, 2.0, 4.5, 0.12, 0.05, 0.25, 0.10)}},
    };
    return c;
}

CategorySpec platformScales()
{
    CategorySpec c;
    c.name = "电子台秤";
    c.regulation = "JJG 539-2016";
    c.unit = "kg";
    c.certificateCode = "H";
    c.intervalMonths = 12;
    c.weight = 0.2;
    c.mpeRule = MpeRule::ScaleDivision;
    c.errorDecimals = 3;
    c.classes = {{"III", 0.0, 1.0}};
    c.ranges = {{0, 30, 0.35, 0.01}, {0, 60, 0.25, 0.02}, {0, 150, 0.25, 0.05},
                {0, 300, 0.15, 0.1}};
    c.failedItems = {"示值误差", "重复性", "偏载", "鉴别力", "外观"};
    c.failedItemWeights = {0.60, 0.15, 0.15, 0.05, 0.05};
    c.manufacturers = {
        {"上海衡丰衡器有限公司",
         {"上海衡丰", "衡丰衡器有限公司", "上海衡丰衡器"},
         0.40,
         {model("TCS-150", 0.6, 1.5, 6.0, 0.08, 0.04), model("ACS-30", 0.4, 1.4, 5.0, 0.10)}},
        {"永康金秤衡器有限公司",
         {"永康金秤", "金秤衡器有限公司", "永康市金秤衡器有限公司"},
         0.35,
         {model("TCS-300", 0.5, 1.3, 4.5, 0.11), model("ACS-30", 0.5, 1.2, 4.0, 0.12)}},
        {"宁波甬衡电子衡器有限公司",
         {"宁波甬衡", "甬衡电子衡器有限公司", "宁波甬衡衡器"},
         0.25,
         {model("ACS-60", 1.0, 1.6, 5.5, 0.09)}},
    };
    return c;
}

Catalog buildDefault()
{
    Catalog catalog;
    catalog.categories = {pressureGauges(), gasDetectors(), platformScales()};
    catalog.districts = {"西陵区", "伍家岗区", "点军区", "猇亭区", "夷陵区", "宜都市", "当阳市",
                         "枝江市", "远安县", "兴山县", "秭归县", "长阳土家族自治县",
                         "五峰土家族自治县"};
    catalog.industries = {"化工", "燃气", "电力", "冶金", "食品加工", "医药", "建材", "供水",
                          "商贸", "餐饮", "物流", "医疗卫生"};
    catalog.verifiers = {"张伟", "王芳", "李强", "刘洋", "陈静", "杨帆",
                         "赵磊", "黄敏", "周杰", "吴霞", "徐军", "孙丽"};
    EventSpec &e = catalog.events;
    e.batchCategory = 0;
    e.batchManufacturer = 1; // 武汉楚天仪表有限公司
    e.batchModel = 0;        // Y-100
    e.batchYear = 2019;
    e.batchOnset = "2022-03-01";
    e.improvingCategory = 0;
    e.improvingManufacturer = 2; // 荆州江汉仪表厂
    e.improvingOnset = "2020-01-01";
    e.renamedCategory = 0;
    e.renamedManufacturer = 4; // 西安秦川仪表厂
    e.renamedNewName = "西安秦川智能仪表有限公司";
    e.renamedOnset = "2021-07-01";
    return catalog;
}

} // namespace

const Catalog &defaultCatalog()
{
    static const Catalog catalog = buildDefault();
    return catalog;
}

} // namespace metroeval::sample
