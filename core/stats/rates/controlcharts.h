// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/controlcharts_test.cpp).
#pragma once

#include "stats/rates/ratestatus.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace metroeval::stats {

/// \brief A Shewhart-type chart: one plotted value and its own limits per subgroup.
///
/// All vectors have one entry per input subgroup. A subgroup with no trials (n = 0) or a NaN
/// input gets NaN in every vector (the point is undefined, not 0) and does not enter the centre.
/// When status is not Ok the vectors are empty.
struct ControlChart
{
    RateStatus status = RateStatus::Ok;
    std::vector<double> value;  ///< plotted statistic
    std::vector<double> centre; ///< centre line at this point
    std::vector<double> sigma;  ///< standard deviation of the plotted statistic at this point
    std::vector<double> lower;  ///< lower control limit (clamped at the statistic's floor)
    std::vector<double> upper;  ///< upper control limit (clamped at the ceiling where one exists)
    double sigmaZ = 1.0;        ///< Laney's σ_z (1 for the other charts)
};

/// \brief p chart of the fraction nonconforming with varying subgroup sizes.
///
/// Method: GB/T 17989.2-2020 (ISO 7870-2:2013) p chart; Montgomery, Introduction to Statistical
/// Quality Control, 7th ed., §7.2.2: p̄ = Σd/Σn (or the given standard p0), limits
/// p̄ ± k·√(p̄(1 − p̄)/n_i), clamped to [0, 1]. Default k = 3. Status: EmptyInput when no subgroup
/// has trials; InvalidInput for negative counts, d > n, mismatched lengths, p0 ∉ (0, 1);
/// Degenerate when p̄ is 0 or 1 (all conform / all fail: every σ_i is 0).
ControlChart pChart(std::span<const std::int64_t> nonconforming,
                    std::span<const std::int64_t> sizes,
                    std::optional<double> standardP = std::nullopt, double k = 3.0);

/// \brief np chart (count nonconforming); with varying n the centre is n_i·p̄.
///
/// Method: Montgomery (2013) §7.2.3: n_i p̄ ± k·√(n_i p̄(1 − p̄)), clamped to [0, n_i].
/// Status as pChart.
ControlChart npChart(std::span<const std::int64_t> nonconforming,
                     std::span<const std::int64_t> sizes,
                     std::optional<double> standardP = std::nullopt, double k = 3.0);

/// \brief Laney p′ chart for overdispersed proportions (large subgroups).
///
/// Method: Laney, "Improved control charts for attributes", Quality Engineering 14(4) (2002)
/// 531–537: z_i = (p_i − p̄)/σ_pi, σ_z = mean |z_i − z_{i−1}| / 1.128 over consecutive defined
/// points, limits p̄ ± k·σ_pi·σ_z clamped to [0, 1]. Needs ≥ 2 defined subgroups (else
/// InvalidInput); σ_z = 0 (identical z) gives Degenerate.
ControlChart laneyPPrimeChart(std::span<const std::int64_t> nonconforming,
                              std::span<const std::int64_t> sizes, double k = 3.0);

/// \brief u chart of nonconformities per unit with varying inspection sizes.
///
/// Method: Montgomery (2013) §7.3.1: ū = Σc/Σn, limits ū ± k·√(ū/n_i), lower clamped at 0.
/// sizes may be fractional (units of inspection) and must be ≥ 0; ū = 0 gives Degenerate.
ControlChart uChart(std::span<const std::int64_t> counts, std::span<const double> sizes,
                    double k = 3.0);

/// \brief Individuals and moving-range chart pair.
struct IndividualsChart
{
    ControlChart individuals; ///< X̄ ± 3·MR̄/d2, d2 = 1.128
    ControlChart movingRange; ///< first point NaN; CL MR̄, UCL D4·MR̄ (D4 = 3.267), LCL 0
};

/// \brief I-MR chart with moving ranges of span 2.
///
/// Method: Montgomery (2013) §6.4, constants d2 = 1.128, D4 = 3.267 (Appendix Table VI, n = 2);
/// GB/T 17989.2-2020 Table 2. NaN observations break the moving range (the ranges touching them
/// are NaN). Needs ≥ 2 defined observations with a defined moving range (else InvalidInput /
/// EmptyInput); MR̄ = 0 gives Degenerate.
IndividualsChart individualsChart(std::span<const double> x);

/// \brief EWMA chart of subgroup proportions.
///
/// Method: Roberts (1959); Montgomery (2013) §9.2 with the exact time-varying variance, extended
/// to varying n: z_t = λp_t + (1 − λ)z_{t−1}, z_0 = p0, Var z_t = (1 − λ)²Var z_{t−1} +
/// λ²p0(1 − p0)/n_t (reduces to (λ/(2 − λ))[1 − (1 − λ)^{2t}]σ²/n for constant n); limits
/// p0 ± L√Var z_t. Defaults λ = 0.2, L = 2.962: in-control ARL ≈ 500 for the normal-theory chart
/// (Lucas & Saccucci, Technometrics 32 (1990) 1–12; Montgomery Table 9.11); other ARL-500 pairs:
/// (0.05, 2.615), (0.10, 2.814), (0.25, 2.998), (0.40, 3.054). p0 defaults to p̄ of the data
/// (phase I). Subgroups with n = 0 carry z forward and get NaN entries. Status as pChart;
/// λ ∉ (0, 1] or L ≤ 0 gives InvalidInput.
ControlChart ewmaProportionChart(std::span<const std::int64_t> nonconforming,
                                 std::span<const std::int64_t> sizes, double lambda = 0.2,
                                 double L = 2.962, std::optional<double> targetP = std::nullopt);

/// \brief Two-sided tabular CUSUM of standardised proportions.
struct CusumChart
{
    RateStatus status = RateStatus::Ok;
    std::vector<double> upper;          ///< C⁺_i
    std::vector<double> lower;          ///< C⁻_i (reported ≥ 0)
    std::vector<std::size_t> upSignals; ///< indices where C⁺ > h
    std::vector<std::size_t> downSignals;
};

/// \brief Standardised tabular CUSUM for proportions with varying n.
///
/// Method: Montgomery (2013) §9.1.2 and §9.1.5 (standardised CUSUM):
/// z_i = (p_i − p0)/√(p0(1 − p0)/n_i),
/// C⁺_i = max(0, z_i − k + C⁺_{i−1}), C⁻_i = max(0, −z_i − k + C⁻_{i−1}), signal when > h.
/// Defaults k = 0.5, h = 5: in-control ARL 465 and ARL 10.4 for a 1σ shift (normal theory,
/// Montgomery Table 9.3; h = 4 gives 168 and 8.38). The CUSUM does not restart after a signal.
/// Subgroups with n = 0 keep the sums and get NaN. Status: InvalidInput for p0 ∉ (0, 1), k < 0,
/// h ≤ 0 or bad counts; EmptyInput when no subgroup has trials.
CusumChart cusumProportionChart(std::span<const std::int64_t> nonconforming,
                                std::span<const std::int64_t> sizes, double targetP,
                                double k = 0.5, double h = 5.0);

/// \brief (value − centre)/sigma per point: the input of runRuleViolations. NaN where undefined.
std::vector<double> standardizedScores(const ControlChart &chart);

} // namespace metroeval::stats
