// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/truthfile.h"

#include "sample/civildate.h"

#include <QJsonArray>

namespace metroeval::sample {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QJsonObject tallyJson(const PassTally &t)
{
    QJsonObject o;
    o[QStringLiteral("verified")] = qint64(t.verified);
    o[QStringLiteral("passed")] = qint64(t.passed);
    o[QStringLiteral("passRate")] =
        t.verified > 0 ? QJsonValue(double(t.passed) / double(t.verified)) : QJsonValue();
    return o;
}

QJsonObject categoryJson(const CategorySpec &c)
{
    static const char *const kRule[] = {"percentOfSpan", "absolute", "scaleDivision"};
    QJsonObject o;
    o[QStringLiteral("name")] = q(c.name);
    o[QStringLiteral("regulation")] = q(c.regulation);
    o[QStringLiteral("unit")] = q(c.unit);
    o[QStringLiteral("intervalMonths")] = c.intervalMonths;
    o[QStringLiteral("weight")] = c.weight;
    o[QStringLiteral("mpeRule")] = QString::fromLatin1(kRule[static_cast<int>(c.mpeRule)]);
    o[QStringLiteral("absoluteMpe")] = c.absoluteMpe;
    QJsonArray classes, ranges, items, manufacturers;
    for (const ClassSpec &k : c.classes)
        classes.append(QJsonObject{{QStringLiteral("label"), q(k.label)},
                                   {QStringLiteral("mpePercent"), k.mpePercent},
                                   {QStringLiteral("weight"), k.weight}});
    for (const RangeSpec &r : c.ranges)
        ranges.append(QJsonObject{{QStringLiteral("low"), r.low},
                                  {QStringLiteral("high"), r.high},
                                  {QStringLiteral("division"), r.division},
                                  {QStringLiteral("weight"), r.weight}});
    for (std::size_t i = 0; i < c.failedItems.size(); ++i)
        items.append(QJsonObject{{QStringLiteral("name"), q(c.failedItems[i])},
                                 {QStringLiteral("weight"), c.failedItemWeights[i]}});
    for (const ManufacturerSpec &m : c.manufacturers) {
        QJsonArray variants, models;
        for (const std::string &v : m.variants)
            variants.append(q(v));
        for (const ModelSpec &ms : m.models)
            models.append(QJsonObject{{QStringLiteral("name"), q(ms.name)},
                                      {QStringLiteral("weight"), ms.weight},
                                      {QStringLiteral("weibullShape"), ms.weibullShape},
                                      {QStringLiteral("weibullScaleYears"), ms.weibullScale},
                                      {QStringLiteral("driftMeanMpePerYear"), ms.driftMean},
                                      {QStringLiteral("driftSdMpePerYear"), ms.driftSd},
                                      {QStringLiteral("biasSdMpe"), ms.biasSd},
                                      {QStringLiteral("noiseSdMpe"), ms.noiseSd}});
        manufacturers.append(QJsonObject{{QStringLiteral("name"), q(m.name)},
                                         {QStringLiteral("variants"), variants},
                                         {QStringLiteral("weight"), m.weight},
                                         {QStringLiteral("models"), models}});
    }
    o[QStringLiteral("classes")] = classes;
    o[QStringLiteral("ranges")] = ranges;
    o[QStringLiteral("failedItems")] = items;
    o[QStringLiteral("manufacturers")] = manufacturers;
    return o;
}

} // namespace

int dayOfIso(const std::string &iso)
{
    return daysFromCivil(
        {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))});
}

TruthTallies::TruthTallies(const Catalog &catalog)
    : m_catalog(catalog)
    , m_batchOnset(dayOfIso(catalog.events.batchOnset))
    , m_improvingOnset(dayOfIso(catalog.events.improvingOnset))
{
}

void TruthTallies::add(const TruthRecord &r)
{
    const int year = civilFromDays(r.verificationDay).year;
    byManufacturerYear[{r.category, r.manufacturer, year}].add(r.passed);
    const EventSpec &ev = m_catalog.events;
    if (r.category == ev.batchCategory && r.manufacturer == ev.batchManufacturer
        && r.model == ev.batchModel) {
        const bool cohort = civilFromDays(r.manufactureDay).year == ev.batchYear;
        const bool after = r.verificationDay >= m_batchOnset;
        if (cohort)
            (after ? batchAfter : batchBefore).add(r.passed);
        else if (after)
            batchPeersAfter.add(r.passed);
    }
    if (r.category == ev.improvingCategory && r.manufacturer == ev.improvingManufacturer)
        (r.manufactureDay >= m_improvingOnset ? improvingAfter : improvingBefore).add(r.passed);
}

QJsonObject buildTruthJson(const Catalog &catalog, const SimulationConfig &config,
                           const DefectRates &rates, const TruthTallies &tallies,
                           std::uint64_t instruments)
{
    const EventSpec &ev = catalog.events;
    QJsonObject root;
    root[QStringLiteral("generator")] = QStringLiteral("metroeval-sample");
    root[QStringLiteral("schemaVersion")] = 1;
    root[QStringLiteral("seed")] = QString::number(config.seed);
    root[QStringLiteral("records")] = qint64(config.records);
    root[QStringLiteral("instruments")] = qint64(instruments);
    root[QStringLiteral("periodStart")] = q(isoDate(config.periodStartDay));
    root[QStringLiteral("periodEnd")] = q(isoDate(config.periodEndDay));
    root[QStringLiteral("simulation")] = QJsonObject{
        {QStringLiteral("preServiceYears"), config.preServiceYears},
        {QStringLiteral("jitterSdDays"), config.jitterSdDays},
        {QStringLiteral("lateProbability"), config.lateProbability},
        {QStringLiteral("missedProbability"), config.missedProbability},
        {QStringLiteral("inUseProbability"), config.inUseProbability},
        {QStringLiteral("scrapProbability"), config.scrapProbability},
        {QStringLiteral("errorExcessMeanMpe"), config.errorExcessMean}};
    QJsonArray categories;
    for (const CategorySpec &c : catalog.categories)
        categories.append(categoryJson(c));
    root[QStringLiteral("categories")] = categories;

    const CategorySpec &bc = catalog.categories[ev.batchCategory];
    const ManufacturerSpec &bm = bc.manufacturers[ev.batchManufacturer];
    const CategorySpec &ic = catalog.categories[ev.improvingCategory];
    const CategorySpec &rc = catalog.categories[ev.renamedCategory];
    QJsonObject events;
    events[QStringLiteral("batchDefect")] = QJsonObject{
        {QStringLiteral("category"), q(bc.name)},
        {QStringLiteral("manufacturer"), q(bm.name)},
        {QStringLiteral("model"), q(bm.models[ev.batchModel].name)},
        {QStringLiteral("manufactureYear"), ev.batchYear},
        {QStringLiteral("onset"), q(ev.batchOnset)},
        {QStringLiteral("extraFailureMeanYears"), ev.batchExtraMeanYears},
        {QStringLiteral("observedBeforeOnset"), tallyJson(tallies.batchBefore)},
        {QStringLiteral("observedAfterOnset"), tallyJson(tallies.batchAfter)},
        {QStringLiteral("observedPeersAfterOnset"), tallyJson(tallies.batchPeersAfter)}};
    events[QStringLiteral("improvingManufacturer")] = QJsonObject{
        {QStringLiteral("category"), q(ic.name)},
        {QStringLiteral("manufacturer"), q(ic.manufacturers[ev.improvingManufacturer].name)},
        {QStringLiteral("onset"), q(ev.improvingOnset)},
        {QStringLiteral("appliesTo"), QStringLiteral("units manufactured on or after onset")},
        {QStringLiteral("weibullScaleFactor"), ev.improvingScaleFactor},
        {QStringLiteral("observedMadeBeforeOnset"), tallyJson(tallies.improvingBefore)},
        {QStringLiteral("observedMadeFromOnset"), tallyJson(tallies.improvingAfter)}};
    events[QStringLiteral("renamedCompany")] = QJsonObject{
        {QStringLiteral("category"), q(rc.name)},
        {QStringLiteral("oldName"), q(rc.manufacturers[ev.renamedManufacturer].name)},
        {QStringLiteral("newName"), q(ev.renamedNewName)},
        {QStringLiteral("onset"), q(ev.renamedOnset)}};
    root[QStringLiteral("events")] = events;

    QJsonObject defectRates;
    for (int k = 0; k < static_cast<int>(DefectKind::Count); ++k)
        defectRates[QString::fromLatin1(defectKey(static_cast<DefectKind>(k)))] =
            rates[static_cast<DefectKind>(k)];
    root[QStringLiteral("defectRates")] = defectRates;

    QJsonArray passRates;
    for (const auto &[key, tally] : tallies.byManufacturerYear) {
        const auto &[c, m, year] = key;
        const CategorySpec &cat = catalog.categories[static_cast<std::size_t>(c)];
        QJsonObject o = tallyJson(tally);
        o[QStringLiteral("category")] = q(cat.name);
        o[QStringLiteral("manufacturer")] = q(cat.manufacturers[static_cast<std::size_t>(m)].name);
        o[QStringLiteral("year")] = year;
        passRates.append(o);
    }
    root[QStringLiteral("passRates")] = passRates;
    return root;
}

} // namespace metroeval::sample
