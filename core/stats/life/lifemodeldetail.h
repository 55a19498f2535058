// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/life/lifemodel_test.cpp).
#pragma once

// Standard (μ = 0, σ = 1) smallest-extreme-value and normal pieces of the censored likelihood.
// Internal to metroeval_stats_life.

namespace metroeval::stats::detail {

enum class Standard { ExtremeValue, Normal };

/// \brief log f(z), g1 = (log f)'(z), g2 = (log f)''(z) for an exact observation.
struct ExactTerms
{
    double logDensity;
    double g1;
    double g2;
};
ExactTerms exactTerms(Standard dist, double z);

/// \brief log P with P = F(zr) − F(zl), and f(zX)/P, f'(zX)/P at both ends (0 at an infinite end).
struct CensoredTerms
{
    double logProbability;
    double wl, wr, dl, dr;
};
CensoredTerms censoredTerms(Standard dist, double zl, double zr);

/// \brief Standard quantile w_p: log(−log(1 − p)) or Φ⁻¹(p).
double standardQuantile(Standard dist, double p);

/// \brief 1 − Φ(z), accurate in the upper tail.
double normalUpper(double z);

} // namespace metroeval::stats::detail
