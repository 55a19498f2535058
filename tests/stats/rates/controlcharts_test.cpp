// SPDX-License-Identifier: GPL-3.0-or-later
// Attribute and variables control charts. Reference values are hand computations from the
// formulas cited in controlcharts.h (Montgomery 2013; GB/T 17989.2-2020; Laney 2002), written
// out below with their intermediate results.
#include "reltol.h"
#include "stats/rates/controlcharts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace metroeval::stats;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::vector<std::int64_t> kD{2, 5, 3, 0};
const std::vector<std::int64_t> kN{50, 100, 50, 0};
} // namespace

TEST(PChart, VaryingSizesHandComputed)
{
    // GIVEN 2/50, 5/100, 3/50 and an empty subgroup
    const auto c = pChart(kD, kN);
    ASSERT_EQ(c.status, RateStatus::Ok);
    // THEN p̄ = 10/200 = 0.05; n = 50: σ = √(0.05·0.95/50) = 0.0308220700, UCL = 0.1424662100,
    // LCL = 0.05 − 0.0924662 < 0 → 0; n = 100: σ = 0.0217944947, UCL = 0.1153834842, LCL → 0.
    EXPECT_DOUBLE_EQ(c.centre[0], 0.05);
    EXPECT_NEAR(c.sigma[0], 0.030822070014844882, 1e-15);
    EXPECT_NEAR(c.upper[0], 0.14246621004453464, 1e-15);
    EXPECT_NEAR(c.upper[1], 0.1153834841531101, 1e-15);
    EXPECT_DOUBLE_EQ(c.lower[0], 0.0);
    EXPECT_DOUBLE_EQ(c.value[2], 0.06);
    // AND the empty subgroup is undefined, not a 0 % point
    EXPECT_TRUE(std::isnan(c.value[3]));
    EXPECT_TRUE(std::isnan(c.upper[3]));
}

TEST(PChart, StandardGivenAndEdgeCases)
{
    // GIVEN a standard p0 = 0.1 THEN the centre is p0 whatever the data (all pass allowed)
    const std::vector<std::int64_t> zeros{0, 0};
    const std::vector<std::int64_t> sizes{100, 100};
    const auto given = pChart(zeros, sizes, 0.1);
    ASSERT_EQ(given.status, RateStatus::Ok);
    EXPECT_DOUBLE_EQ(given.centre[0], 0.1);
    // hand: 0.1 + 3√(0.09/100) = 0.19
    EXPECT_NEAR(given.upper[1], 0.19, 1e-15);
    // GIVEN all pass without a standard THEN p̄ = 0, σ = 0: Degenerate, no vectors
    const auto allPass = pChart(zeros, sizes);
    EXPECT_EQ(allPass.status, RateStatus::Degenerate);
    EXPECT_TRUE(allPass.value.empty());
    EXPECT_EQ(pChart(sizes, sizes).status, RateStatus::Degenerate); // all fail
    EXPECT_EQ(pChart({}, {}).status, RateStatus::EmptyInput);
    const std::vector<std::int64_t> none{0};
    EXPECT_EQ(pChart(none, none).status, RateStatus::EmptyInput);
    const std::vector<std::int64_t> bad{101, 0};
    EXPECT_EQ(pChart(bad, sizes).status, RateStatus::InvalidInput);
    EXPECT_EQ(pChart(zeros, sizes, kNaN).status, RateStatus::NaNInput);
    EXPECT_EQ(pChart(zeros, sizes, 1.0).status, RateStatus::InvalidInput);
    // GIVEN a single subgroup THEN the chart is defined (limits from its own p̄)
    const std::vector<std::int64_t> oneD{3};
    const std::vector<std::int64_t> oneN{60};
    EXPECT_EQ(pChart(oneD, oneN).status, RateStatus::Ok);
}

TEST(NpChart, VaryingSizesHandComputed)
{
    // GIVEN the p-chart data THEN centre n_i p̄ and limits n_i p̄ ± 3√(n_i p̄(1 − p̄)):
    // n = 50: 2.5 ± 4.6233105 → [0, 7.1233105022]; n = 100: 5 ± 6.5383484 → [0, 11.5383484153].
    const auto c = npChart(kD, kN);
    ASSERT_EQ(c.status, RateStatus::Ok);
    EXPECT_DOUBLE_EQ(c.centre[0], 2.5);
    EXPECT_DOUBLE_EQ(c.value[1], 5.0);
    EXPECT_NEAR(c.upper[0], 7.123310502226732, 1e-13);
    EXPECT_NEAR(c.upper[1], 11.53834841531101, 1e-13);
    EXPECT_DOUBLE_EQ(c.lower[1], 0.0);
    EXPECT_TRUE(std::isnan(c.centre[3]));
}

TEST(LaneyPPrime, HandComputed)
{
    // GIVEN large overdispersed subgroups 30/1000, 45/1200, 20/900, 60/1100, 35/1000
    const std::vector<std::int64_t> d{30, 45, 20, 60, 35};
    const std::vector<std::int64_t> n{1000, 1200, 900, 1100, 1000};
    const auto c = laneyPPrimeChart(d, n);
    ASSERT_EQ(c.status, RateStatus::Ok);
    // THEN (Laney 2002): p̄ = 190/5200 = 0.0365384615; z_i = (p_i − p̄)/√(p̄(1 − p̄)/n_i) =
    // −1.1020042, 0.1775272, −2.2890637, 3.1830629, −0.2592951; moving ranges 1.2795314,
    // 2.4665910, 5.4721266, 3.4423580, mean 3.1651518; σ_z = 3.1651518/1.128 = 2.8059856;
    // n = 1000: UCL = p̄ + 3·√(p̄(1 − p̄)/1000)·σ_z = 0.0864842659, LCL < 0 → 0;
    // n = 1200: UCL = 0.0821325344.
    EXPECT_NEAR(c.sigmaZ, 2.80598559474207, 1e-12);
    EXPECT_NEAR(c.upper[0], 0.08648426589209325, 1e-14);
    EXPECT_NEAR(c.upper[1], 0.08213253436716791, 1e-14);
    EXPECT_DOUBLE_EQ(c.lower[2], 0.0);
    // AND the plain p chart would flag subgroup 4 (z = 3.18 > 3) while p′ does not
    EXPECT_GT(pChart(d, n).value[3], pChart(d, n).upper[3]);
    EXPECT_LT(c.value[3], c.upper[3]);
}

TEST(LaneyPPrime, EdgeCases)
{
    // GIVEN a single subgroup THEN no moving range: InvalidInput
    const std::vector<std::int64_t> oneD{3};
    const std::vector<std::int64_t> oneN{60};
    const auto single = laneyPPrimeChart(oneD, oneN);
    EXPECT_EQ(single.status, RateStatus::InvalidInput);
    EXPECT_TRUE(std::isnan(single.sigmaZ));
    // GIVEN identical subgroups THEN every z is 0, σ_z = 0: Degenerate
    const std::vector<std::int64_t> d{5, 5, 5};
    const std::vector<std::int64_t> n{100, 100, 100};
    EXPECT_EQ(laneyPPrimeChart(d, n).status, RateStatus::Degenerate);
    const std::vector<std::int64_t> zeros{0, 0, 0};
    EXPECT_EQ(laneyPPrimeChart(zeros, n).status, RateStatus::Degenerate); // all pass
    EXPECT_EQ(laneyPPrimeChart({}, {}).status, RateStatus::EmptyInput);
}

TEST(UChart, HandComputed)
{
    // GIVEN 4, 7, 3, 10 nonconformities in 2, 2.5, 1, 3.5 units
    const std::vector<std::int64_t> c{4, 7, 3, 10};
    const std::vector<double> units{2.0, 2.5, 1.0, 3.5};
    const auto u = uChart(c, units);
    ASSERT_EQ(u.status, RateStatus::Ok);
    // THEN ū = 24/9 = 2.6666667; units 2: UCL = ū + 3√(ū/2) = 6.1307682818, LCL < 0 → 0;
    // units 3.5: UCL = 5.2852813495, LCL = 0.0480519838.
    EXPECT_NEAR(u.centre[0], 24.0 / 9.0, 1e-15);
    EXPECT_NEAR(u.upper[0], 6.130768281804421, 1e-13);
    EXPECT_DOUBLE_EQ(u.lower[0], 0.0);
    EXPECT_NEAR(u.upper[3], 5.285281349498575, 1e-13);
    EXPECT_NEAR(u.lower[3], 0.04805198383475817, 1e-13);
    // Edge cases: no units, no defects, NaN size, negative size
    const std::vector<double> noUnits{0.0, 0.0, 0.0, 0.0};
    EXPECT_EQ(uChart(c, noUnits).status, RateStatus::EmptyInput);
    const std::vector<std::int64_t> none{0, 0, 0, 0};
    EXPECT_EQ(uChart(none, units).status, RateStatus::Degenerate);
    const std::vector<double> nanUnits{1.0, kNaN, 1.0, 1.0};
    EXPECT_EQ(uChart(c, nanUnits).status, RateStatus::NaNInput);
    const std::vector<double> negative{1.0, -1.0, 1.0, 1.0};
    EXPECT_EQ(uChart(c, negative).status, RateStatus::InvalidInput);
}

TEST(IndividualsChart, HandComputed)
{
    // GIVEN 10, 12, 11, 15, 13
    const std::vector<double> x{10, 12, 11, 15, 13};
    const auto c = individualsChart(x);
    ASSERT_EQ(c.individuals.status, RateStatus::Ok);
    // THEN X̄ = 12.2, MR = 2, 1, 4, 2, MR̄ = 2.25; σ̂ = 2.25/1.128 = 1.9946809;
    // I limits 12.2 ± 5.9840426 = [6.2159574, 18.1840426]; MR UCL = 3.267·2.25 = 7.35075.
    EXPECT_NEAR(c.individuals.centre[0], 12.2, 1e-14);
    EXPECT_NEAR(c.individuals.upper[0], 12.2 + 3.0 * 2.25 / 1.128, 1e-13);
    EXPECT_NEAR(c.individuals.lower[4], 6.215957446808511, 1e-12);
    EXPECT_TRUE(std::isnan(c.movingRange.value[0]));
    EXPECT_DOUBLE_EQ(c.movingRange.value[3], 4.0);
    EXPECT_NEAR(c.movingRange.upper[1], 7.35075, 1e-13);
    EXPECT_DOUBLE_EQ(c.movingRange.lower[1], 0.0);
}

TEST(IndividualsChart, EdgeCases)
{
    EXPECT_EQ(individualsChart({}).individuals.status, RateStatus::EmptyInput);
    const std::vector<double> one{3.0};
    EXPECT_EQ(individualsChart(one).individuals.status, RateStatus::InvalidInput);
    const std::vector<double> flat{2.0, 2.0, 2.0};
    EXPECT_EQ(individualsChart(flat).movingRange.status, RateStatus::Degenerate);
    // GIVEN a NaN in the middle THEN its point and the two ranges touching it are NaN, the rest
    // is computed from the defined values: X̄ = (1 + 3 + 4)/3, MR̄ = |4 − 3| = 1
    const std::vector<double> gap{1.0, kNaN, 3.0, 4.0};
    const auto g = individualsChart(gap);
    ASSERT_EQ(g.individuals.status, RateStatus::Ok);
    EXPECT_TRUE(std::isnan(g.individuals.value[1]));
    EXPECT_TRUE(std::isnan(g.movingRange.value[2]));
    EXPECT_DOUBLE_EQ(g.movingRange.centre[3], 1.0);
    EXPECT_NEAR(g.individuals.centre[0], 8.0 / 3.0, 1e-15);
}

TEST(EwmaProportion, HandComputedVaryingN)
{
    // GIVEN 2/50, 5/100, 3/50 (p0 = p̄ = 0.05), λ = 0.2, L = 2.962
    const std::vector<std::int64_t> d{2, 5, 3};
    const std::vector<std::int64_t> n{50, 100, 50};
    const auto c = ewmaProportionChart(d, n);
    ASSERT_EQ(c.status, RateStatus::Ok);
    // THEN z1 = 0.2·0.04 + 0.8·0.05 = 0.048, V1 = 0.04·0.0475/50 = 3.8e-5;
    // z2 = 0.2·0.05 + 0.8·0.048 = 0.0484, V2 = 0.64·3.8e-5 + 0.04·0.0475/100 = 4.332e-5;
    // z3 = 0.2·0.06 + 0.8·0.0484 = 0.05072, V3 = 0.64·4.332e-5 + 3.8e-5 = 6.57248e-5.
    EXPECT_NEAR(c.value[0], 0.048, 1e-15);
    EXPECT_NEAR(c.value[1], 0.0484, 1e-15);
    EXPECT_NEAR(c.value[2], 0.05072, 1e-15);
    EXPECT_NEAR(c.sigma[0], std::sqrt(3.8e-5), 1e-15);
    EXPECT_NEAR(c.sigma[2], std::sqrt(6.57248e-5), 1e-15);
    EXPECT_NEAR(c.upper[1], 0.05 + 2.962 * std::sqrt(4.332e-5), 1e-15);
}

TEST(EwmaProportion, ConstantNMatchesMontgomeryClosedForm)
{
    // GIVEN constant n = 100 and p0 = 0.05 THEN Var z_t = λ/(2 − λ)·[1 − (1 − λ)^{2t}]·p0q0/n
    // (Montgomery 2013, eq. 9.24)
    const std::vector<std::int64_t> d{5, 7, 3, 6, 4, 5};
    const std::vector<std::int64_t> n(6, 100);
    const double lambda = 0.1;
    const auto c = ewmaProportionChart(d, n, lambda, 2.814, 0.05);
    for (int t = 1; t <= 6; ++t) {
        const double v = lambda / (2.0 - lambda) * (1.0 - std::pow(1.0 - lambda, 2 * t))
                         * 0.05 * 0.95 / 100.0;
        EXPECT_REL_NEAR(c.sigma[static_cast<std::size_t>(t - 1)], std::sqrt(v), 1e-13);
    }
    // Edge cases
    EXPECT_EQ(ewmaProportionChart(d, n, 0.0).status, RateStatus::InvalidInput);
    EXPECT_EQ(ewmaProportionChart(d, n, 0.2, -1.0).status, RateStatus::InvalidInput);
    EXPECT_EQ(ewmaProportionChart({}, {}).status, RateStatus::EmptyInput);
    const std::vector<std::int64_t> zeros(6, 0);
    EXPECT_EQ(ewmaProportionChart(zeros, n).status, RateStatus::Degenerate);
}

TEST(CusumProportion, HandComputed)
{
    // GIVEN p0 = 0.05, n = 100, d = 5, 9, 10, 4, 12, 12; σ = √(0.0475/100) = 0.0217944947
    const std::vector<std::int64_t> d{5, 9, 10, 4, 12, 12};
    const std::vector<std::int64_t> n(6, 100);
    const auto c = cusumProportionChart(d, n, 0.05);
    ASSERT_EQ(c.status, RateStatus::Ok);
    // THEN z = 0, 1.8353259, 2.2941573, −0.4588315, 3.2118203, 3.2118203 and with k = 0.5
    // C⁺ = 0, 1.3353259, 3.1294832, 2.1706517, 4.8824720, 7.5942923 → first signal (h = 5) at
    // index 5; C⁻ stays 0.
    EXPECT_NEAR(c.upper[2], 3.129483209670112, 1e-12);
    EXPECT_NEAR(c.upper[4], 4.8824720161168536, 1e-12);
    EXPECT_NEAR(c.upper[5], 7.594292290304718, 1e-12);
    EXPECT_EQ(c.upSignals, std::vector<std::size_t>{5});
    EXPECT_TRUE(c.downSignals.empty());
    EXPECT_DOUBLE_EQ(c.lower[3], 0.0);
    // Edge cases: p0 outside (0, 1), NaN p0, h ≤ 0, no trials, an empty subgroup
    EXPECT_EQ(cusumProportionChart(d, n, 0.0).status, RateStatus::InvalidInput);
    EXPECT_EQ(cusumProportionChart(d, n, kNaN).status, RateStatus::NaNInput);
    EXPECT_EQ(cusumProportionChart(d, n, 0.05, 0.5, 0.0).status, RateStatus::InvalidInput);
    EXPECT_EQ(cusumProportionChart({}, {}, 0.05).status, RateStatus::EmptyInput);
    const std::vector<std::int64_t> d2{5, 0, 9};
    const std::vector<std::int64_t> n2{100, 0, 100};
    const auto gap = cusumProportionChart(d2, n2, 0.05);
    EXPECT_TRUE(std::isnan(gap.upper[1]));
    EXPECT_NEAR(gap.upper[2], 1.835325870964494 - 0.5, 1e-12);
}

TEST(StandardizedScores, FromChart)
{
    // GIVEN the p chart of 2/50, 5/100, 3/50, 0/0 THEN z = (p_i − 0.05)/σ_i:
    // (0.04 − 0.05)/0.0308221 = −0.3244428, 0, (0.06 − 0.05)/0.0308221 = 0.3244428, NaN
    const auto z = standardizedScores(pChart(kD, kN));
    EXPECT_NEAR(z[0], -0.01 / 0.030822070014844882, 1e-12);
    EXPECT_NEAR(z[1], 0.0, 1e-15);
    EXPECT_TRUE(std::isnan(z[3]));
}
