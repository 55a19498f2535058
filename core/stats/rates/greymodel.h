// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/greymodel_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <cstddef>
#include <span>
#include <vector>

namespace metroeval::stats {

/// \brief Accuracy grade of a GM(1,1) fit from C and P (the worse of the two decides).
///
/// Good (好): P > 0.95 and C < 0.35; Qualified (合格): P > 0.80, C < 0.50;
/// Barely qualified (勉强合格): P > 0.70, C < 0.65; otherwise Unqualified (不合格).
enum class GreyGrade { Good, Qualified, BarelyQualified, Unqualified };

/// \brief A fitted GM(1,1) model with its admissibility and posterior-error checks.
struct GreyModel
{
    RateStatus status = RateStatus::Ok;
    double a = 0.0;              ///< development coefficient; NaN unless Ok
    double b = 0.0;              ///< grey input
    double first = 0.0;          ///< x⁰(1), the initial condition
    std::vector<double> fitted;  ///< x̂⁰(k), k = 1..n (x̂⁰(1) = x⁰(1))
    std::vector<double> classRatio; ///< σ(k) = x⁰(k−1)/x⁰(k), k = 2..n (also when NotApplicable)
    double ratioLower = 0.0;     ///< e^{−2/(n+1)}
    double ratioUpper = 0.0;     ///< e^{2/(n+2)}
    double posteriorVarianceRatio = 0.0; ///< C = S2/S1
    double smallErrorProbability = 0.0;  ///< P = share of |ε(k) − ε̄| < 0.6745·S1
    double meanRelativeError = 0.0;      ///< mean |ε(k)|/x⁰(k), k = 2..n
    GreyGrade grade = GreyGrade::Unqualified;
};

/// \brief Fits GM(1,1) to a short positive series x⁰(1..n).
///
/// Method: Deng Julong's GM(1,1) as in Liu & Lin, Grey Systems: Theory and Applications
/// (Springer 2010) ch. 7: x¹ = AGO(x⁰), z¹(k) = ½(x¹(k) + x¹(k−1)), (a, b) by least squares on
/// x⁰(k) + a·z¹(k) = b, x̂¹(k+1) = (x⁰(1) − b/a)e^{−ak} + b/a, x̂⁰ = IAGO(x̂¹).
/// Admissibility: every class ratio σ(k) in (e^{−2/(n+1)}, e^{2/(n+2)}) (邓聚龙《灰理论基础》
/// 2002, the form used by most Chinese metrology papers), else NotApplicable; |a| ≥ 2 is also
/// NotApplicable (the model has no meaning there, Liu & Lin §7.2). Posterior check with
/// residuals ε(k) = x⁰(k) − x̂⁰(k) over k = 1..n and population (1/n) standard deviations:
/// C = S2/S1, P = #{|ε(k) − ε̄| < 0.6745·S1}/n. Status: EmptyInput for n = 0; InvalidInput for
/// n < 4 or a value ≤ 0; NaNInput for NaN/inf; Degenerate when a = 0 (a constant series: b/a is
/// undefined) or S1 = 0.
GreyModel fitGm11(std::span<const double> x0);

/// \brief x̂⁰(n + 1 .. n + steps) from a fitted model; empty unless model.status is Ok.
std::vector<double> forecastGm11(const GreyModel &model, std::size_t steps);

/// \brief Grade from C and P per the table of GreyGrade.
GreyGrade greyGrade(double posteriorVarianceRatio, double smallErrorProbability);

} // namespace metroeval::stats
