// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/pdftextfix.h"

#include <QHash>
#include <QRawFont>
#include <QString>

namespace metroeval::ui {

namespace {

bool isRadical(uint code)
{
    return code >= 0x2E80 && code <= 0x2FDF;
}

// Radical code point → unified ideograph drawn with the same glyph in the font.
QHash<uint, uint> radicalReplacements(const QFont &font)
{
    QHash<uint, uint> map;
    const QRawFont raw = QRawFont::fromFont(font);
    if (!raw.isValid())
        return map;
    QString unified;
    for (uint c = 0x4E00; c <= 0x9FFF; ++c)
        unified.append(QChar(char16_t(c)));
    const QList<quint32> unifiedGlyphs = raw.glyphIndexesForString(unified);
    QHash<quint32, uint> byGlyph;
    for (qsizetype i = unifiedGlyphs.size() - 1; i >= 0; --i) {
        if (unifiedGlyphs[i] != 0)
            byGlyph.insert(unifiedGlyphs[i], 0x4E00 + uint(i)); // lowest code point wins
    }
    QString radicals;
    for (uint c = 0x2E80; c <= 0x2FDF; ++c)
        radicals.append(QChar(char16_t(c)));
    const QList<quint32> radicalGlyphs = raw.glyphIndexesForString(radicals);
    for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
        const auto it = byGlyph.constFind(radicalGlyphs[i]);
        if (radicalGlyphs[i] != 0 && it != byGlyph.constEnd())
            map.insert(0x2E80 + uint(i), it.value());
    }
    return map;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Rewrites destination tokens <XXXX> of one line. \a firstDestination is the index of the first
// token that is a destination (1 in bfchar lines, 2 in bfrange lines).
void fixLine(char *begin, char *end, int firstDestination, const QHash<uint, uint> &map)
{
    int token = 0;
    for (char *p = begin; p < end; ++p) {
        if (*p != '<')
            continue;
        char *close = p + 1;
        while (close < end && *close != '>')
            ++close;
        if (close >= end)
            return;
        if (token++ >= firstDestination && close - p == 5) {
            uint code = 0;
            bool ok = true;
            for (char *h = p + 1; h < close; ++h) {
                const int v = hexValue(*h);
                ok = ok && v >= 0;
                code = code * 16 + uint(v < 0 ? 0 : v);
            }
            const auto it = map.constFind(code);
            if (ok && isRadical(code) && it != map.constEnd()) {
                const QByteArray hex = QByteArray::number(it.value(), 16).toUpper().rightJustified(4, '0');
                std::copy(hex.cbegin(), hex.cend(), p + 1);
            }
        }
        p = close;
    }
}

} // namespace

QByteArray fixCjkToUnicode(QByteArray pdf, const QFont &font)
{
    const QHash<uint, uint> map = radicalReplacements(font);
    if (map.isEmpty())
        return pdf;
    qsizetype pos = 0;
    while ((pos = pdf.indexOf("begincmap", pos)) >= 0) {
        const qsizetype end = pdf.indexOf("endcmap", pos);
        if (end < 0)
            break;
        char *data = pdf.data();
        int firstDestination = -1;
        qsizetype lineStart = pos;
        while (lineStart < end) {
            qsizetype lineEnd = pdf.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end)
                lineEnd = end;
            const QByteArrayView line(data + lineStart, lineEnd - lineStart);
            if (line.contains("beginbfrange"))
                firstDestination = 2;
            else if (line.contains("beginbfchar"))
                firstDestination = 1;
            else if (line.contains("endbfrange") || line.contains("endbfchar"))
                firstDestination = -1;
            else if (firstDestination > 0)
                fixLine(data + lineStart, data + lineEnd, firstDestination, map);
            lineStart = lineEnd + 1;
        }
        pos = end;
    }
    return pdf;
}

} // namespace metroeval::ui
