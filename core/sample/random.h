// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/sample/randomtest.cpp).
#pragma once

#include <cstdint>
#include <span>

namespace metroeval::sample {

/// \brief Portable seeded generator: xoshiro256** seeded through SplitMix64, with its own
///        distribution code so that one seed gives the same stream on every standard library.
///
/// Method: Blackman & Vigna, "Scrambled linear pseudorandom number generators" (2021), xoshiro256**
/// and SplitMix64 as published at prng.di.unimi.it. std::*_distribution is deliberately not used:
/// its output is implementation-defined.
class Rng
{
public:
    explicit Rng(std::uint64_t seed);

    /// \brief Next raw 64-bit output of xoshiro256**.
    std::uint64_t next();
    /// \brief Uniform on [0, 1) with 53 random bits (upper bits of next() × 2^-53).
    double uniform();
    /// \brief Uniform on [a, b).
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    /// \brief Uniform integer on [0, n) as ⌊U·n⌋ (bias negligible for n ≪ 2^53).
    std::uint64_t below(std::uint64_t n);
    /// \brief True with probability p.
    bool chance(double p) { return uniform() < p; }
    /// \brief Standard normal by the Marsaglia polar method (Marsaglia & Bray 1964).
    double normal();
    /// \brief Normal with mean and standard deviation.
    double normal(double mean, double sd) { return mean + sd * normal(); }
    /// \brief Exponential with the given mean, by inversion: −mean·ln(1 − U).
    double exponential(double mean);
    /// \brief Weibull(shape k, scale λ) by inversion: λ·(−ln(1 − U))^(1/k).
    double weibull(double shape, double scale);
    /// \brief Index drawn with probability proportional to weights (linear scan; tables are small).
    std::size_t pick(std::span<const double> weights);
    /// \brief Derives an independent generator for a sub-stream (SplitMix64 of a draw and a salt).
    Rng split(std::uint64_t salt);

private:
    std::uint64_t m_s[4];
    bool m_hasSpare = false;
    double m_spare = 0.0;
};

} // namespace metroeval::sample
