// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/evaluation/scoring_test.cpp).
#pragma once

#include <cmath>
#include <cstdint>

namespace metroeval::core::engine {

/// \brief Small deterministic generator for the bootstrap: the same seed gives the same stream on
/// every platform (no std::*_distribution, whose algorithms differ between libraries).
///
/// Method: SplitMix64 (Steele, Lea & Flood, OOPSLA 2014; constants of Vigna's reference code);
/// uniforms from the top 53 bits.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    /// \brief Uniform on [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    /// \brief Standard normal by the Marsaglia polar method (Marsaglia & Bray 1964).
    double normal()
    {
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * std::sqrt(-2.0 * std::log(s) / s);
    }

    /// \brief Binomial(n, p) draw: CDF inversion on the rarer outcome while its mean is below 30
    /// (exact; Devroye 1986, §X.4), else the normal approximation with continuity correction,
    /// clamped to [0, n].
    std::int64_t binomial(std::int64_t n, double p)
    {
        if (n <= 0 || !(p > 0.0))
            return 0;
        if (p >= 1.0)
            return n;
        const bool flip = p > 0.5;
        const double q = flip ? 1.0 - p : p;
        const double mean = double(n) * q;
        std::int64_t k;
        if (mean < 30.0) {
            const double ratio = q / (1.0 - q);
            double prob = std::pow(1.0 - q, double(n));
            double cdf = prob;
            const double u = uniform();
            k = 0;
            while (u > cdf && k < n) {
                prob *= ratio * double(n - k) / double(k + 1);
                cdf += prob;
                ++k;
            }
        } else {
            const double draw = mean + std::sqrt(mean * (1.0 - q)) * normal();
            k = std::int64_t(std::floor(draw + 0.5));
            k = k < 0 ? 0 : (k > n ? n : k);
        }
        return flip ? n - k : k;
    }

private:
    std::uint64_t m_state;
};

} // namespace metroeval::core::engine
