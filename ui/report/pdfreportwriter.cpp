// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/pdfreportwriter.h"

#include "charts/ratechart.h"
#include "i18n/labels.h"
#include "i18n/language.h"
#include "report/formatting.h"
#include "report/pdftextfix.h"
#include "tr.h"

#include "charts/qcustomplot.h"

#include <QBuffer>
#include <QFile>
#include <QLocale>
#include <QPdfWriter>
#include <QSaveFile>

#include <array>
#include <span>
#include <cmath>

namespace metroeval::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr double kRowHeight = 17; // table rows, in painter units
constexpr int kDpi = 96; // painter units are 1/96 inch; fonts are in points, so they stay true

// Report text is drawn with the font's own character-to-glyph map (no shaping): Han and Latin need
// none, and shaped glyph variants (digits after Latin letters in Noto CJK) would have no entry in
// the PDF's ToUnicode map, so they could not be searched or copied.
QFont reportFont(double pointSize, bool bold = false)
{
    QFont font = uiFont(pointSize);
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

class ReportPainter
{
public:
    ReportPainter(QCPPainter &painter, QPdfWriter &writer, const core::ReportModel &model)
        : m_p(painter), m_writer(writer), m_model(model), m_width(writer.width())
        , m_height(writer.height())
    {}

    void drawAll();

private:
    void text(const QString &s, double pointSize, bool bold = false, QColor colour = Qt::black,
              Qt::Alignment align = Qt::AlignLeft);
    void header();
    void summary();
    void chart();
    void table();
    void quality();
    void footer();
    bool fits(double height) const;
    /// Starts a new page (with the footer on the old one) when \a height does not fit.
    void ensureSpace(double height);
    /// One table row: \a widths are fractions of the page width; columns whose bit is set in
    /// \a leftColumns are left-aligned, the others (numbers) right-aligned.
    void tableRow(const QStringList &cells, std::span<const double> widths, unsigned leftColumns,
                  bool bold, bool shaded = false);
    void tableRule();

    QCPPainter &m_p;
    QPdfWriter &m_writer;
    const core::ReportModel &m_model;
    int m_width;
    int m_height;
    double m_y = 0.0;
    int m_page = 1;
};

void ReportPainter::text(const QString &s, double pointSize, bool bold, QColor colour,
                         Qt::Alignment align)
{
    m_p.setFont(reportFont(pointSize, bold));
    m_p.setPen(colour);
    const QRectF box(0, m_y, m_width, 1000);
    const QRectF used = m_p.boundingRect(box, int(align | Qt::TextWordWrap), s);
    m_p.drawText(box, int(align | Qt::TextWordWrap), s);
    m_y += used.height() + 4;
}

void ReportPainter::header()
{
    const QString level = Tr::tr("Data level: %1").arg(securityLevelLabel(m_model.highestLevel));
    const double top = m_y;
    text(level, 9, true, QColor(0xb0, 0x30, 0x30), Qt::AlignRight);
    m_y = top;
    text(m_model.title.isEmpty() ? Tr::tr("Instrument performance evaluation") : m_model.title, 18,
         true);
    text(Tr::tr("Report for: %1 · Evaluated %2 · MetroEval %3")
             .arg(audienceLabel(m_model.audience),
                  QLocale::c().toString(m_model.evaluatedAt.toLocalTime(), u"yyyy-MM-dd HH:mm"_s),
                  m_model.softwareVersion),
         9, false, QColor(0x55, 0x55, 0x55));
    m_p.setPen(QPen(QColor(0x2b, 0x6c, 0xb0), 1.5));
    m_p.drawLine(QPointF(0, m_y + 2), QPointF(m_width, m_y + 2));
    m_y += 10;
}

void ReportPainter::summary()
{
    text(Tr::tr("Pass rate by %1").arg(fieldLabel(m_model.groupBy)), 12, true);
    text(Tr::tr("%n record(s) in scope from %1 import batch(es). Intervals: %2 at %3 %; groups "
                "with fewer than %4 records are marked as small samples.",
                nullptr, int(m_model.recordsInScope))
             .arg(m_model.batches)
             .arg(intervalMethodLabel(m_model.intervalMethod))
             .arg(std::lround(m_model.level * 100.0))
             .arg(m_model.minGroupSize),
         9.5);
}

void ReportPainter::chart()
{
    std::vector<RateBar> bars;
    for (const core::ReportRow &r : m_model.rows) {
        if (!r.suppressed)
            bars.push_back({r.group, r.rate, r.lower, r.upper, r.belowMinimum});
    }
    QCustomPlot plot;
    const int height = 250;
    plot.resize(m_width, height);
    plotRates(&plot, bars, Tr::tr("Pass rate (%)"), reportFont(8.5));
    m_p.save();
    m_p.translate(0, m_y);
    plot.toPainter(&m_p, m_width, height);
    m_p.restore();
    m_y += height + 12;
}

void ReportPainter::tableRow(const QStringList &cells, std::span<const double> widths,
                             unsigned leftColumns, bool bold, bool shaded)
{
    if (shaded)
        m_p.fillRect(QRectF(0, m_y, m_width, kRowHeight), QColor(0xef, 0xf3, 0xf8));
    m_p.setFont(reportFont(9, bold));
    m_p.setPen(Qt::black);
    double x = 0;
    for (qsizetype c = 0; c < cells.size() && std::size_t(c) < widths.size(); ++c) {
        const double w = widths[std::size_t(c)] * m_width;
        const auto align = (leftColumns >> c) & 1U ? Qt::AlignLeft : Qt::AlignRight;
        m_p.drawText(QRectF(x + 4, m_y, w - 8, kRowHeight), int(align | Qt::AlignVCenter),
                     cells[c]);
        x += w;
    }
    m_y += kRowHeight;
}

void ReportPainter::tableRule()
{
    m_p.setPen(QPen(Qt::black, 0.8));
    m_p.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
}

void ReportPainter::table()
{
    constexpr std::array<double, 6> widths{0.30, 0.09, 0.09, 0.11, 0.21, 0.20};
    constexpr unsigned left = 1U << 0 | 1U << 5; // group and note
    const QStringList headers{fieldLabel(m_model.groupBy), Tr::tr("Verified"), Tr::tr("Passed"),
                              Tr::tr("Pass rate"),
                              Tr::tr("%1 % interval").arg(std::lround(m_model.level * 100.0)),
                              Tr::tr("Note")};
    ensureSpace(kRowHeight * 2);
    tableRow(headers, widths, left, true, true);
    tableRule();
    bool shade = false;
    for (const core::ReportRow &r : m_model.rows) {
        if (!fits(kRowHeight)) {
            ensureSpace(kRowHeight * 2);
            tableRow(headers, widths, left, true, true); // the header again on the new page
        }
        const QString note = r.suppressed ? Tr::tr("withheld (small sample)")
                             : r.belowMinimum ? Tr::tr("small sample")
                                              : QString();
        tableRow({r.group.isEmpty() ? Tr::tr("(blank)") : r.group, QString::number(r.verified),
                  r.suppressed ? u"—"_s : QString::number(r.passed),
                  r.suppressed ? u"—"_s : formatPercent(r.rate),
                  r.suppressed ? u"—"_s : formatInterval(r.lower, r.upper), note},
                 widths, left, false, shade);
        shade = !shade;
    }
    tableRule();
    m_y += 8;
}

void ReportPainter::footer()
{
    m_y = m_height - 18;
    text(Tr::tr("Data fingerprint %1 · Highest data level in this report: %2 · Page %3")
             .arg(m_model.dataFingerprint.left(16), securityLevelLabel(m_model.highestLevel))
             .arg(m_page),
         7.5, false, QColor(0x66, 0x66, 0x66));
}

bool ReportPainter::fits(double height) const
{
    constexpr double kFooterReserve = 30;
    return m_y + height <= m_height - kFooterReserve;
}

void ReportPainter::ensureSpace(double height)
{
    if (fits(height))
        return;
    footer();
    m_writer.newPage();
    ++m_page;
    m_y = 0;
}

void ReportPainter::quality()
{
    if (!m_model.quality)
        return;
    const core::QualitySection &q = *m_model.quality;
    ensureSpace(60 + kRowHeight * double(q.dimensions.size() + 1));
    text(Tr::tr("Data quality (GB/T 36344)"), 12, true);
    text(q.cleaned ? Tr::tr("%1 records imported; %2 evaluated after cleaning, %3 masked.")
                         .arg(q.records)
                         .arg(q.effectiveRecords)
                         .arg(q.maskedRecords)
                   : Tr::tr("%1 records imported; the data have not been cleaned.").arg(q.records),
         9.5);
    constexpr std::array<double, 5> widths{0.30, 0.17, 0.17, 0.18, 0.18};
    constexpr unsigned left = 1U << 0; // dimension
    tableRow({Tr::tr("Dimension"), Tr::tr("Values checked"), Tr::tr("Problems as imported"),
              Tr::tr("Problems left"), Tr::tr("Score")},
             widths, left, true);
    tableRule();
    for (const core::QualityRow &d : q.dimensions) {
        tableRow({qualityDimensionLabel(d.dimension), QString::number(d.checked),
                  QString::number(d.issuesRaw), QString::number(d.issuesRemaining),
                  formatPercent(d.score)},
                 widths, left, false);
    }
    m_y += 8;
}

void ReportPainter::drawAll()
{
    header();
    summary();
    chart();
    table();
    quality();
    footer();
}

} // namespace

bool writePdfReport(const core::ReportModel &model, const QString &path, QString *errorDetail)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kDpi);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter);
        writer.setTitle(model.title);
        writer.setCreator(u"MetroEval "_s + model.softwareVersion);
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            if (errorDetail)
                *errorDetail = Tr::tr("cannot start the PDF painter");
            return false;
        }
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setRenderHint(QPainter::Antialiasing);
        ReportPainter report(painter, writer, model);
        report.drawAll();
        painter.end();
    }
    buffer.close();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        if (errorDetail)
            *errorDetail = out.errorString();
        return false;
    }
    out.write(fixCjkToUnicode(std::move(bytes), reportFont(10)));
    if (!out.commit()) {
        if (errorDetail)
            *errorDetail = out.errorString();
        return false;
    }
    return true;
}

} // namespace metroeval::ui
