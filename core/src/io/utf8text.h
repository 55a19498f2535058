// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>


namespace metroeval::core::utf8 {

/// \brief Where the valid part of a UTF-8 buffer ends.
struct Scan
{
    qsizetype valid = 0;    ///< complete, valid sequences (RFC 3629: no overlong forms,
                            ///< surrogates or code points above U+10FFFF) from the start
    qsizetype pending = 0;  ///< after them, the bytes of a sequence cut by the end of the buffer
    bool ok(qsizetype size) const { return valid + pending == size; }
};

/// \brief Validates \a bytes. The set of sequences it accepts is the one QStringDecoder decodes
/// without a replacement character, so valid text can skip the decoder and give the same code
/// points; \a pending bytes are what the decoder would keep for its next call.
Scan scan(QByteArrayView bytes);

/// \brief scan() a byte at a time; scan() checks long buffers 16 bytes at a time first
/// (utf8vector.h) and comes here for the last sequence and for invalid text.
Scan scanBytewise(QByteArrayView bytes);

/// \brief \a text without the leading and trailing characters QChar::isSpace() names: the bytes
/// of QString::trimmed() of the same text. \a text is UTF-8, or WTF-8 (see fromUtf16()).
QByteArrayView trimmed(QByteArrayView text);

/// \brief Writes the UTF-16 code units of \a text (UTF-8 or WTF-8) to \a out, which has room
/// for text.size() units (never more are needed); returns the end of what was written.
char16_t *toUtf16(char16_t *out, QByteArrayView text);

/// \brief True when \a text holds a WTF-8 surrogate (ED A0..BF xx), i.e. came from a lone
/// surrogate of UTF-16 input.
bool hasSurrogate(QByteArrayView text);

/// \brief The QString of \a text (UTF-8, or WTF-8 with lone surrogates kept as such). Unlike
/// QString::fromUtf8(), a leading U+FEFF is kept: a cell's text is never a file start.
QString toQString(QByteArrayView text);

/// \brief UTF-8 of \a text, except that a lone surrogate (only a broken UTF-16 file has one)
/// becomes its three-byte WTF-8 form instead of a replacement character, so that toQString()
/// gives the decoded text back unchanged. Sets \a hadSurrogate when that happened.
QByteArray fromUtf16(QStringView text, bool *hadSurrogate);

} // namespace metroeval::core::utf8
