// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/utf8text.h"

#include "io/utf8vector.h"

#include <QChar>

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#define METROEVAL_WIDEN_AVX512 1
#include <immintrin.h>
#endif

namespace metroeval::core::utf8 {

namespace {

using Byte = unsigned char;

const Byte *bytesOf(QByteArrayView text)
{
    return reinterpret_cast<const Byte *>(text.data());
}

// Skips ASCII bytes a word at a time; returns where the first non-ASCII byte may be (the caller
// finishes byte by byte).
qsizetype skipAsciiWords(const Byte *p, qsizetype i, qsizetype n)
{
#ifdef __SSE2__
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        if (_mm_movemask_epi8(v) != 0)
            break;
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        std::uint64_t word = 0;
        std::memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ULL)
            break;
        i += 8;
    }
    return i;
}

// The code point of the (valid UTF-8 or WTF-8) sequence at p; its length, 0 when cut short.
int decodeAt(const Byte *p, qsizetype n, char32_t *cp)
{
    const Byte c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0 && n >= 2) {
        *cp = char32_t(c & 0x1F) << 6 | (p[1] & 0x3F);
        return 2;
    }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *cp = char32_t(c & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        return 3;
    }
    if ((c & 0xF8) == 0xF0 && n >= 4) {
        *cp = char32_t(c & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 | char32_t(p[2] & 0x3F) << 6
              | (p[3] & 0x3F);
        return 4;
    }
    return 0;
}

// QString::trimmed() tests each UTF-16 unit with QChar::isSpace(); a code point beyond the BMP
// is a surrogate pair there, and surrogates are never space.
bool isSpace(char32_t cp)
{
    return cp <= 0xFFFF && QChar::isSpace(cp);
}

// Whether a sequence with lead byte \a c may be a space: the non-ASCII spaces (U+0085, U+00A0,
// U+1680, U+2000..U+205F, U+3000) start with C2 or E1..E3; Chinese text (E4..E9) never does.
bool mayBeSpace(Byte c)
{
    return c == 0xC2 || (c >= 0xE1 && c <= 0xE3);
}

char *putUtf8(char *o, char32_t cp)
{
    if (cp < 0x80) {
        *o++ = char(cp);
    } else if (cp < 0x800) {
        *o++ = char(0xC0 | cp >> 6);
        *o++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = char(0xE0 | cp >> 12);
        *o++ = char(0x80 | (cp >> 6 & 0x3F));
        *o++ = char(0x80 | (cp & 0x3F));
    } else {
        *o++ = char(0xF0 | cp >> 18);
        *o++ = char(0x80 | (cp >> 12 & 0x3F));
        *o++ = char(0x80 | (cp >> 6 & 0x3F));
        *o++ = char(0x80 | (cp & 0x3F));
    }
    return o;
}

#ifdef METROEVAL_WIDEN_AVX512
// Most cells of an export are short ASCII (numbers, codes, dates). Up to 32 such bytes widen to
// UTF-16 with one masked load and one masked store, which touch only the n bytes and units
// asked for; false, with nothing written, when a byte is not ASCII.
__attribute__((target("avx512bw,avx512vl,bmi2"))) bool widenShortAscii(char16_t *out,
                                                                        const Byte *p, unsigned n)
{
    const __mmask32 mask = _bzhi_u32(~0u, n);
    const __m256i bytes = _mm256_maskz_loadu_epi8(mask, p);
    if (_mm256_movemask_epi8(bytes) != 0)
        return false;
    _mm512_mask_storeu_epi16(out, mask, _mm512_cvtepu8_epi16(bytes));
    return true;
}

bool canWidenShortAscii()
{
    static const bool has = __builtin_cpu_supports("avx512bw")
                            && __builtin_cpu_supports("avx512vl")
                            && __builtin_cpu_supports("bmi2");
    return has;
}
#endif

} // namespace

Scan scan(QByteArrayView bytes)
{
    // All but the last sequence, which the buffer's end may cut, is checked 16 bytes at a time;
    // the byte-wise scan finishes from there, and says where invalid text starts.
    constexpr qsizetype kVectorFrom = 64;
    const qsizetype n = bytes.size();
    if (n < kVectorFrom || !vectorAvailable())
        return scanBytewise(bytes);
    qsizetype last = n - 1;
    while (last > n - 4 && (bytesOf(bytes)[last] & 0xC0) == 0x80)
        --last;
    if (!vectorValid(bytes.first(last)))
        return scanBytewise(bytes);
    const Scan rest = scanBytewise(bytes.sliced(last));
    return {last + rest.valid, rest.pending};
}

Scan scanBytewise(QByteArrayView bytes)
{
    const Byte *p = bytesOf(bytes);
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        i = skipAsciiWords(p, i, n);
        while (i < n && p[i] < 0x80)
            ++i;
        if (i >= n)
            break;
        const Byte c = p[i];
        // The common case of Chinese text: a three-byte sequence whose lead byte allows any
        // continuation bytes (E1..EC, EE, EF).
        if (i + 2 < n && ((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF
            && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        int length = 0;
        Byte low = 0x80; // the second byte's range excludes overlong forms, surrogates, > U+10FFFF
        Byte high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return {i, 0};
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= n)
                return {i, n - i};
            const Byte b = p[i + k];
            if (k == 1 ? (b < low || b > high) : (b & 0xC0) != 0x80)
                return {i, 0};
        }
        i += length;
    }
    return {n, 0};
}

QByteArrayView trimmed(QByteArrayView text)
{
    const Byte *p = bytesOf(text);
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end) {
        const Byte c = p[begin];
        if (c < 0x80) {
            if (c != ' ' && (c < '\t' || c > '\r'))
                break;
            ++begin;
            continue;
        }
        char32_t cp = 0;
        const int length = mayBeSpace(c) ? decodeAt(p + begin, end - begin, &cp) : 0;
        if (length == 0 || !isSpace(cp))
            break;
        begin += length;
    }
    while (end > begin) {
        const Byte c = p[end - 1];
        if (c < 0x80) {
            if (c != ' ' && (c < '\t' || c > '\r'))
                break;
            --end;
            continue;
        }
        qsizetype lead = end - 1;
        while (lead > begin && (p[lead] & 0xC0) == 0x80)
            --lead;
        char32_t cp = 0;
        const int length = mayBeSpace(p[lead]) ? decodeAt(p + lead, end - lead, &cp) : 0;
        if (length != end - lead || !isSpace(cp))
            break;
        end = lead;
    }
    return text.sliced(begin, end - begin);
}

char16_t *toUtf16(char16_t *o, QByteArrayView text)
{
    const Byte *p = bytesOf(text);
    const qsizetype n = text.size();
#ifdef METROEVAL_WIDEN_AVX512
    if (n <= 32 && canWidenShortAscii() && widenShortAscii(o, p, unsigned(n)))
        return o + n;
#endif
    qsizetype i = 0;
    while (i < n) {
        const Byte c = p[i];
        if (c < 0x80) {
#ifdef __SSE2__
            // Sixteen ASCII bytes widen to sixteen units with two unpacks.
            const __m128i zero = _mm_setzero_si128();
            while (i + 16 <= n) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
                if (_mm_movemask_epi8(v) != 0)
                    break;
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o), _mm_unpacklo_epi8(v, zero));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(o + 8), _mm_unpackhi_epi8(v, zero));
                o += 16;
                i += 16;
            }
#endif
            while (i < n && p[i] < 0x80)
                *o++ = p[i++];
            continue;
        }
        // Chinese text is three-byte sequences (U+0800..U+FFFF): decoded in line.
        if ((c & 0xF0) == 0xE0 && i + 3 <= n) {
            *o++ = char16_t((c & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F));
            i += 3;
            continue;
        }
        char32_t cp = 0;
        int length = decodeAt(p + i, n - i, &cp);
        if (length == 0) { // cannot happen on decoded text; keep the byte rather than loop
            cp = 0xFFFD;
            length = 1;
        }
        if (cp >= 0x10000) {
            *o++ = char16_t(0xD800 + ((cp - 0x10000) >> 10));
            *o++ = char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            *o++ = char16_t(cp);
        }
        i += length;
    }
    return o;
}

bool hasSurrogate(QByteArrayView text)
{
    const Byte *p = bytesOf(text);
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (p[i] == 0xED && p[i + 1] >= 0xA0)
            return true;
    }
    return false;
}

QString toQString(QByteArrayView text)
{
    // QString::fromUtf8() would drop a leading U+FEFF, which is text here.
    if (!hasSurrogate(text) && !text.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(text);
    QString out(text.size(), Qt::Uninitialized);
    char16_t *end = toUtf16(reinterpret_cast<char16_t *>(out.data()), text);
    out.truncate(end - reinterpret_cast<const char16_t *>(out.constData()));
    return out;
}

QByteArray fromUtf16(QStringView text, bool *hadSurrogate)
{
    const qsizetype n = text.size();
    bool lone = false;
    for (qsizetype i = 0; i < n && !lone; ++i) {
        const char16_t u = text[i].unicode();
        if (!QChar::isSurrogate(u))
            continue;
        if (QChar::isHighSurrogate(u) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode()))
            ++i;
        else
            lone = true;
    }
    if (!lone)
        return text.toUtf8();
    *hadSurrogate = true;
    QByteArray out(n * 3, Qt::Uninitialized);
    char *o = out.data();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t cp = text[i].unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode()))
            cp = QChar::surrogateToUcs4(char16_t(cp), text[++i].unicode());
        o = putUtf8(o, cp); // a lone surrogate becomes ED A0..BF xx
    }
    out.truncate(o - out.data());
    return out;
}

} // namespace metroeval::core::utf8
