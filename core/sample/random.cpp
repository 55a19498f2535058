// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/sample/randomtest.cpp).
#include "sample/random.h"

#include <cmath>

namespace metroeval::sample {

namespace {

std::uint64_t splitMix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

Rng::Rng(std::uint64_t seed)
{
    std::uint64_t state = seed;
    for (std::uint64_t &s : m_s)
        s = splitMix64(state);
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t Rng::below(std::uint64_t n)
{
    if (n == 0)
        return 0;
    // 53-bit uniform × n: exact enough for the small n used here (tables, days, row counts).
    const auto r = static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
    return r < n ? r : n - 1;
}

double Rng::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u = 0.0;
    double v = 0.0;
    double s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spare = v * factor;
    m_hasSpare = true;
    return u * factor;
}

double Rng::exponential(double mean)
{
    return -mean * std::log1p(-uniform());
}

double Rng::weibull(double shape, double scale)
{
    return scale * std::pow(-std::log1p(-uniform()), 1.0 / shape);
}

std::size_t Rng::pick(std::span<const double> weights)
{
    double total = 0.0;
    for (double w : weights)
        total += w;
    double target = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (target < weights[i])
            return i;
        target -= weights[i];
    }
    return weights.empty() ? 0 : weights.size() - 1;
}

Rng Rng::split(std::uint64_t salt)
{
    std::uint64_t state = next() ^ (salt * 0xd1342543de82ef95ULL);
    return Rng(splitMix64(state));
}

} // namespace metroeval::sample
