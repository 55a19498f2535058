// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFont>

namespace metroeval::ui {

/// \brief Repairs the text layer of a PDF written by Qt so that copy, search and pdftotext give the
/// characters that were drawn.
///
/// Qt builds each font's ToUnicode map by asking, for every glyph, the lowest code point that maps
/// to it. Noto Sans CJK maps the Kangxi radicals (U+2F00–U+2FD5) and CJK radical supplements
/// (U+2E80–U+2EF3) to the same glyphs as the unified ideographs, so 一 comes out as ⼀ (U+2F00) and
/// 门 as ⻔ (U+2ED4). This rewrites such destinations to the unified ideograph that shares the glyph
/// in \a font. Qt writes ToUnicode streams uncompressed and each code as four hex digits, so the
/// rewrite keeps every byte offset (and the cross-reference table) valid.
QByteArray fixCjkToUnicode(QByteArray pdf, const QFont &font);

} // namespace metroeval::ui
