// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/utf8vector.h"

#include <cstring>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define METROEVAL_UTF8_VECTOR 1
#include <immintrin.h>
#endif

namespace metroeval::core::utf8 {

#ifdef METROEVAL_UTF8_VECTOR

namespace {

// What a byte pair can be wrong in, one bit each. Every pair (previous byte, byte) is looked up
// by the previous byte's high and low nibble and the byte's high nibble; a bit set in all three
// is an error, except kTwoConts, which is an error exactly when the byte is not the third or
// fourth of a sequence.
constexpr int kTooShort = 1 << 0;     // a lead byte not followed by a continuation
constexpr int kTooLong = 1 << 1;      // a continuation after ASCII
constexpr int kOverlong3 = 1 << 2;    // E0 80..9F
constexpr int kTooLarge = 1 << 3;     // F4 90..BF, F5..FF
constexpr int kSurrogate = 1 << 4;    // ED A0..BF
constexpr int kOverlong2 = 1 << 5;    // C0, C1
constexpr int kTooLarge1000 = 1 << 6; // F5..FF 80..8F
constexpr int kOverlong4 = 1 << 6;    // F0 80..8F
constexpr int kTwoConts = 1 << 7;     // a continuation after a continuation
constexpr int kCarry = kTooShort | kTooLong | kTwoConts;

constexpr char b(int v)
{
    return static_cast<char>(v);
}

struct State
{
    __m128i error;
    __m128i previous;
    __m128i previousIncomplete;
};

__attribute__((target("ssse3"))) inline void checkBlock(State &s, __m128i input)
{
    if (_mm_movemask_epi8(input) == 0) {
        // ASCII: fine unless the block before ended inside a sequence.
        s.error = _mm_or_si128(s.error, s.previousIncomplete);
        s.previous = input;
        return;
    }
    const __m128i low = _mm_set1_epi8(0x0F);
    const __m128i byte1High = _mm_setr_epi8(
        // 0xxx: ASCII, which no continuation may follow
        b(kTooLong), b(kTooLong), b(kTooLong), b(kTooLong), b(kTooLong), b(kTooLong),
        b(kTooLong), b(kTooLong),
        // 10xx: a continuation
        b(kTwoConts), b(kTwoConts), b(kTwoConts), b(kTwoConts),
        // 1100, 1101: a two-byte lead
        b(kTooShort | kOverlong2), b(kTooShort),
        // 1110: a three-byte lead
        b(kTooShort | kOverlong3 | kSurrogate),
        // 1111: a four-byte lead
        b(kTooShort | kTooLarge | kTooLarge1000 | kOverlong4));
    const __m128i byte1Low = _mm_setr_epi8(
        b(kCarry | kOverlong3 | kOverlong2 | kOverlong4), b(kCarry | kOverlong2), b(kCarry),
        b(kCarry), b(kCarry | kTooLarge), b(kCarry | kTooLarge | kTooLarge1000),
        b(kCarry | kTooLarge | kTooLarge1000), b(kCarry | kTooLarge | kTooLarge1000),
        b(kCarry | kTooLarge | kTooLarge1000), b(kCarry | kTooLarge | kTooLarge1000),
        b(kCarry | kTooLarge | kTooLarge1000), b(kCarry | kTooLarge | kTooLarge1000),
        b(kCarry | kTooLarge | kTooLarge1000),
        b(kCarry | kTooLarge | kTooLarge1000 | kSurrogate),
        b(kCarry | kTooLarge | kTooLarge1000), b(kCarry | kTooLarge | kTooLarge1000));
    const __m128i byte2High = _mm_setr_epi8(
        // 0xxx after a lead byte
        b(kTooShort), b(kTooShort), b(kTooShort), b(kTooShort), b(kTooShort), b(kTooShort),
        b(kTooShort), b(kTooShort),
        // 1000, 1001, 101x: a continuation, by its range
        b(kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4),
        b(kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge),
        b(kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge),
        b(kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge),
        // 11xx after a lead byte
        b(kTooShort), b(kTooShort), b(kTooShort), b(kTooShort));

    const __m128i prev1 = _mm_alignr_epi8(input, s.previous, 15);
    const __m128i special = _mm_and_si128(
        _mm_and_si128(_mm_shuffle_epi8(byte1High, _mm_and_si128(_mm_srli_epi16(prev1, 4), low)),
                      _mm_shuffle_epi8(byte1Low, _mm_and_si128(prev1, low))),
        _mm_shuffle_epi8(byte2High, _mm_and_si128(_mm_srli_epi16(input, 4), low)));
    // Bytes two and three places after a three- or four-byte lead must be continuations.
    const __m128i prev2 = _mm_alignr_epi8(input, s.previous, 14);
    const __m128i prev3 = _mm_alignr_epi8(input, s.previous, 13);
    const __m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8(b(0xE0 - 0x80)));
    const __m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8(b(0xF0 - 0x80)));
    const __m128i must23 = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(b(0x80)));
    s.error = _mm_or_si128(s.error, _mm_xor_si128(must23, special));
    // A lead byte among the last three that needs more bytes than the block has left.
    const __m128i incompleteAbove =
        _mm_setr_epi8(b(0xFF), b(0xFF), b(0xFF), b(0xFF), b(0xFF), b(0xFF), b(0xFF), b(0xFF),
                      b(0xFF), b(0xFF), b(0xFF), b(0xFF), b(0xFF), b(0xF0 - 1), b(0xE0 - 1),
                      b(0xC0 - 1));
    s.previousIncomplete = _mm_subs_epu8(input, incompleteAbove);
    s.previous = input;
}

__attribute__((target("ssse3"))) bool validSsse3(const char *p, qsizetype n)
{
    State s{_mm_setzero_si128(), _mm_setzero_si128(), _mm_setzero_si128()};
    qsizetype i = 0;
    for (; i + 16 <= n; i += 16)
        checkBlock(s, _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i)));
    // The rest (perhaps nothing) padded with ASCII zeros: a sequence cut by the end of the text
    // meets a zero and fails.
    alignas(16) char tail[16] = {};
    if (n > i)
        std::memcpy(tail, p + i, std::size_t(n - i));
    checkBlock(s, _mm_load_si128(reinterpret_cast<const __m128i *>(tail)));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(s.error, _mm_setzero_si128())) == 0xFFFF;
}

} // namespace

bool vectorAvailable()
{
    static const bool has = __builtin_cpu_supports("ssse3");
    return has;
}

bool vectorValid(QByteArrayView bytes)
{
    return validSsse3(bytes.data(), bytes.size());
}

#else

bool vectorAvailable()
{
    return false;
}

bool vectorValid(QByteArrayView)
{
    return false;
}

#endif

} // namespace metroeval::core::utf8
