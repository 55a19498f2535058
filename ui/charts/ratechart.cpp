// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/ratechart.h"


#include "charts/qcustomplot.h"

#include <algorithm>
#include <cmath>

namespace metroeval::ui {

namespace {
QString shortLabel(const QString &label)
{
    constexpr qsizetype kMax = 10;
    return label.size() <= kMax ? label : label.left(kMax - 1) + QChar(0x2026);
}
} // namespace

void plotRates(QCustomPlot *plot, const std::vector<RateBar> &bars, const QString &valueAxisLabel,
               const QFont &font)
{
    plot->clearPlottables();
    plot->setFont(font);
    QFont tickFont = font;
    tickFont.setPointSizeF(font.pointSizeF() * 0.9);
    plot->xAxis->setTickLabelFont(tickFont);
    plot->yAxis->setTickLabelFont(tickFont);
    plot->yAxis->setLabelFont(font);

    // Bars resting on enough records are solid; small groups are pale. Each set has its whiskers.
    struct Series
    {
        QCPBars *bars;
        QCPErrorBars *whiskers;
        QVector<double> keys, values, minus, plus;
    };
    auto makeSeries = [plot](const QColor &colour) {
        Series s{new QCPBars(plot->xAxis, plot->yAxis), nullptr, {}, {}, {}, {}};
        s.bars->setBrush(colour);
        s.bars->setPen(Qt::NoPen);
        s.bars->setWidth(0.6);
        s.whiskers = new QCPErrorBars(plot->xAxis, plot->yAxis);
        s.whiskers->setPen(QPen(QColor(0x22, 0x22, 0x22), 1.2));
        s.whiskers->setDataPlottable(s.bars);
        return s;
    };
    Series solid = makeSeries(QColor(0x2b, 0x6c, 0xb0));
    Series pale = makeSeries(QColor(0xa9, 0xc4, 0xe0));

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double lowest = 100.0;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const RateBar &b = bars[i];
        const double key = double(i + 1);
        ticker->addTick(key, b.label.isEmpty() ? QStringLiteral("—") : shortLabel(b.label));
        if (!std::isfinite(b.rate))
            continue;
        Series &s = b.flagged ? pale : solid;
        s.keys.append(key);
        s.values.append(100.0 * b.rate);
        s.minus.append(100.0 * (b.rate - b.lower));
        s.plus.append(100.0 * (b.upper - b.rate));
        lowest = std::min(lowest, 100.0 * b.lower);
    }
    for (Series *s : {&solid, &pale}) {
        s->bars->setData(s->keys, s->values, true);
        s->whiskers->setData(s->minus, s->plus);
    }

    plot->xAxis->setTicker(ticker);
    // Chinese company names are long: tilt the labels once they would collide.
    qsizetype longest = 0;
    for (const RateBar &b : bars)
        longest = std::max(longest, shortLabel(b.label).size());
    plot->xAxis->setTickLabelRotation(bars.size() * std::size_t(longest) > 40 ? 35 : 0);
    plot->xAxis->setSubTicks(false);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setRange(0.3, double(bars.size()) + 0.7);
    plot->yAxis->setLabel(valueAxisLabel);
    const double floor = std::max(0.0, std::floor((lowest - 5.0) / 5.0) * 5.0);
    plot->yAxis->setRange(bars.empty() ? 0.0 : floor, 100.0);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace metroeval::ui
