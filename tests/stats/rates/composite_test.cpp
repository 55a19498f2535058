// SPDX-License-Identifier: GPL-3.0-or-later
// Entropy and CRITIC weights, AHP, TOPSIS, weighted sum, grades.
#include "csvfixture.h"
#include "reltol.h"
#include "stats/rates/composite.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace metroeval::stats;
using metroeval::test::readRatesFixture;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::vector<CriterionDirection> kDirections{CriterionDirection::Benefit,
                                                  CriterionDirection::Cost,
                                                  CriterionDirection::Cost,
                                                  CriterionDirection::Cost};

Eigen::MatrixXd square(const std::vector<double> &v, Eigen::Index rows, Eigen::Index cols)
{
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < rows; ++i)
        for (Eigen::Index j = 0; j < cols; ++j)
            m(i, j) = v[static_cast<std::size_t>(i * cols + j)];
    return m;
}
} // namespace

// Reference: entropy weights, CRITIC weights (sd, cor) and TOPSIS closeness written in base R
// 4.2.2 on a 6 manufacturer × 4 indicator matrix (pass rate benefit; error, drift, near-limit
// share cost), produced by tests/data/stats/rates/make_fixtures.R.
TEST(CompositeWeights, MatchRFixture)
{
    const auto rows = readRatesFixture("composite.csv");
    ASSERT_EQ(rows.size(), 1u);
    const auto &r = rows[0];
    const Eigen::MatrixXd data = square(r.numbers("matrix"), 6, 4);
    // WHEN the weights and closeness are computed THEN they equal R's
    const auto entropy = entropyWeights(data, kDirections);
    const auto critic = criticWeights(data, kDirections);
    ASSERT_EQ(entropy.status, RateStatus::Ok);
    ASSERT_EQ(critic.status, RateStatus::Ok);
    const auto we = r.numbers("w_entropy");
    const auto wc = r.numbers("w_critic");
    for (Eigen::Index j = 0; j < 4; ++j) {
        EXPECT_NEAR(entropy.values(j), we[static_cast<std::size_t>(j)], 1e-13);
        EXPECT_NEAR(critic.values(j), wc[static_cast<std::size_t>(j)], 1e-13);
    }
    const std::vector<double> w(entropy.values.data(), entropy.values.data() + 4);
    const auto topsis = topsisCloseness(data, w, kDirections);
    ASSERT_EQ(topsis.status, RateStatus::Ok);
    const auto closeness = r.numbers("topsis_entropy");
    for (Eigen::Index i = 0; i < 6; ++i)
        EXPECT_NEAR(topsis.values(i), closeness[static_cast<std::size_t>(i)], 1e-13);
}

TEST(EntropyWeights, HandComputed)
{
    // GIVEN columns (1, 2, 3) and (1, 3, 3) (benefit) and a constant column (5, 5, 5)
    Eigen::MatrixXd d(3, 3);
    d << 1, 1, 5, 2, 3, 5, 3, 3, 5;
    const auto w = entropyWeights(d);
    ASSERT_EQ(w.status, RateStatus::Ok);
    // THEN p = (0, 1/3, 2/3): e1 = −(⅓ln⅓ + ⅔ln⅔)/ln 3 = 0.5793802; p = (0, ½, ½):
    // e2 = ln 2/ln 3 = 0.6309298; w1 = 0.4206198/0.7896900 = 0.5326391, w2 = 0.4673609,
    // and the constant column gets weight exactly 0 (e = 1: no information)
    EXPECT_NEAR(w.values(0), 0.5326391266975781, 1e-14);
    EXPECT_NEAR(w.values(1), 0.46736087330242193, 1e-14);
    EXPECT_EQ(w.values(2), 0.0);
}

TEST(EntropyAndCritic, EdgeCases)
{
    // GIVEN no data / one alternative / all-constant columns / NaN / wrong directions size
    EXPECT_EQ(entropyWeights(Eigen::MatrixXd(0, 0)).status, RateStatus::EmptyInput);
    EXPECT_EQ(criticWeights(Eigen::MatrixXd(0, 3)).status, RateStatus::EmptyInput);
    const Eigen::MatrixXd one = Eigen::MatrixXd::Ones(1, 3);
    EXPECT_EQ(entropyWeights(one).status, RateStatus::InvalidInput);
    EXPECT_EQ(criticWeights(one).status, RateStatus::InvalidInput);
    const Eigen::MatrixXd flat = Eigen::MatrixXd::Constant(4, 3, 0.95); // all groups equal
    const auto ef = entropyWeights(flat);
    EXPECT_EQ(ef.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(ef.values(0)));
    EXPECT_EQ(criticWeights(flat).status, RateStatus::Degenerate);
    Eigen::MatrixXd withNaN = Eigen::MatrixXd::Ones(3, 2);
    withNaN(1, 1) = kNaN;
    EXPECT_EQ(entropyWeights(withNaN).status, RateStatus::NaNInput);
    EXPECT_EQ(criticWeights(withNaN).status, RateStatus::NaNInput);
    EXPECT_EQ(entropyWeights(Eigen::MatrixXd::Identity(3, 2), kDirections).status,
              RateStatus::InvalidInput);
    // GIVEN a constant column beside informative ones THEN CRITIC gives it exactly 0
    Eigen::MatrixXd d(3, 3);
    d << 1, 3, 5, 2, 1, 5, 3, 2, 5;
    const auto c = criticWeights(d);
    ASSERT_EQ(c.status, RateStatus::Ok);
    EXPECT_EQ(c.values(2), 0.0);
    EXPECT_NEAR(c.values.sum(), 1.0, 1e-15);
    EXPECT_TRUE(std::isnan(normalizeMinMax(d)(0, 2)));
}

// Reference: R 4.2.2 eigen() principal eigenvector, λmax, CI and CR with Saaty's RI, produced
// by tests/data/stats/rates/make_fixtures.R; matrix 3 is deliberately inconsistent (CR = 1.87).
TEST(Ahp, MatchesREigen)
{
    const auto rows = readRatesFixture("ahp.csv");
    ASSERT_EQ(rows.size(), 3u);
    for (const auto &r : rows) {
        const auto n = r.integer("n");
        const auto a = ahpWeights(square(r.numbers("matrix"), n, n));
        ASSERT_EQ(a.status, RateStatus::Ok);
        const auto w = r.numbers("weights");
        for (Eigen::Index i = 0; i < n; ++i)
            EXPECT_NEAR(a.weights(i), w[static_cast<std::size_t>(i)], 1e-12);
        EXPECT_NEAR(a.lambdaMax, r.number("lambda_max"), 1e-12);
        EXPECT_NEAR(a.consistencyIndex, r.number("CI"), 1e-12);
        EXPECT_NEAR(a.consistencyRatio, r.number("CR"), 1e-12);
        EXPECT_EQ(a.acceptable, r.number("CR") < 0.1);
    }
}

TEST(Ahp, ConsistentMatrixAndEdgeCases)
{
    // GIVEN a_ij = w_i/w_j from w = (0.5, 0.3, 0.2) THEN (hand) A·w = 3w: weights = w, λmax = 3,
    // CI = CR = 0
    const double w[] = {0.5, 0.3, 0.2};
    Eigen::MatrixXd a(3, 3);
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            a(i, j) = w[i] / w[j];
    const auto r = ahpWeights(a);
    EXPECT_NEAR(r.weights(0), 0.5, 1e-14);
    EXPECT_NEAR(r.weights(2), 0.2, 1e-14);
    EXPECT_NEAR(r.lambdaMax, 3.0, 1e-13);
    EXPECT_NEAR(r.consistencyRatio, 0.0, 1e-13);
    EXPECT_TRUE(r.acceptable);
    // GIVEN a single criterion THEN weight 1 and CR 0 (a 1×1 matrix is consistent)
    const auto single = ahpWeights(Eigen::MatrixXd::Ones(1, 1));
    EXPECT_DOUBLE_EQ(single.weights(0), 1.0);
    EXPECT_EQ(single.consistencyRatio, 0.0);
    // GIVEN empty, non-square, non-reciprocal, non-positive or NaN input THEN typed statuses
    EXPECT_EQ(ahpWeights(Eigen::MatrixXd(0, 0)).status, RateStatus::EmptyInput);
    EXPECT_EQ(ahpWeights(Eigen::MatrixXd::Ones(2, 3)).status, RateStatus::InvalidInput);
    Eigen::MatrixXd notReciprocal = a;
    notReciprocal(0, 1) = 4.0;
    EXPECT_EQ(ahpWeights(notReciprocal).status, RateStatus::InvalidInput);
    Eigen::MatrixXd zero = a;
    zero(0, 1) = 0.0;
    EXPECT_EQ(ahpWeights(zero).status, RateStatus::InvalidInput);
    Eigen::MatrixXd nan = a;
    nan(1, 2) = kNaN;
    const auto bad = ahpWeights(nan);
    EXPECT_EQ(bad.status, RateStatus::NaNInput);
    EXPECT_TRUE(std::isnan(bad.weights(0)));
}

TEST(Topsis, HandComputedAndEdgeCases)
{
    // GIVEN two alternatives (3, 4) and (4, 3), equal weights, both benefit
    Eigen::MatrixXd d(2, 2);
    d << 3, 4, 4, 3;
    const std::vector<double> w{1.0, 1.0};
    const auto t = topsisCloseness(d, w);
    // THEN (hand) each column normalises to (0.6, 0.8)/(0.8, 0.6); the alternatives are mirror
    // images, D⁺ = D⁻ for both, C = 0.5
    ASSERT_EQ(t.status, RateStatus::Ok);
    EXPECT_NEAR(t.values(0), 0.5, 1e-15);
    EXPECT_NEAR(t.values(1), 0.5, 1e-15);
    // GIVEN a single alternative or identical alternatives THEN D⁺ + D⁻ = 0: Degenerate
    const Eigen::MatrixXd one = Eigen::MatrixXd::Ones(1, 2);
    EXPECT_EQ(topsisCloseness(one, w).status, RateStatus::Degenerate);
    const Eigen::MatrixXd same = Eigen::MatrixXd::Ones(3, 2);
    EXPECT_EQ(topsisCloseness(same, w).status, RateStatus::Degenerate);
    // GIVEN bad weights or NaN THEN InvalidInput / NaNInput
    const std::vector<double> negative{1.0, -1.0};
    EXPECT_EQ(topsisCloseness(d, negative).status, RateStatus::InvalidInput);
    const std::vector<double> zeros{0.0, 0.0};
    EXPECT_EQ(topsisCloseness(d, zeros).status, RateStatus::InvalidInput);
    Eigen::MatrixXd nan = d;
    nan(0, 0) = kNaN;
    EXPECT_EQ(topsisCloseness(nan, w).status, RateStatus::NaNInput);
    EXPECT_EQ(topsisCloseness(Eigen::MatrixXd(0, 2), w).status, RateStatus::EmptyInput);
}

TEST(WeightedSum, HandComputedAndNaN)
{
    // GIVEN scores (90, 80), (70, 100) and weights 3:1 THEN 0.75·90 + 0.25·80 = 87.5 and
    // 0.75·70 + 0.25·100 = 77.5
    Eigen::MatrixXd d(3, 2);
    d << 90, 80, 70, 100, kNaN, 50;
    const std::vector<double> w{3.0, 1.0};
    const auto s = weightedSum(d, w);
    ASSERT_EQ(s.status, RateStatus::Ok);
    EXPECT_DOUBLE_EQ(s.values(0), 87.5);
    EXPECT_DOUBLE_EQ(s.values(1), 77.5);
    // AND a missing indicator gives a NaN score, not a partial sum
    EXPECT_TRUE(std::isnan(s.values(2)));
    EXPECT_EQ(weightedSum(Eigen::MatrixXd(0, 0), w).status, RateStatus::EmptyInput);
    const std::vector<double> wrongSize{1.0};
    EXPECT_EQ(weightedSum(d, wrongSize).status, RateStatus::InvalidInput);
}

TEST(Grades, FromThresholds)
{
    // GIVEN 优 ≥ 90, 良 ≥ 80, 中 ≥ 70, else 差
    const std::vector<double> t{90, 80, 70};
    EXPECT_EQ(gradeFromThresholds(95.0, t), 0u);
    EXPECT_EQ(gradeFromThresholds(90.0, t), 0u); // the boundary belongs to the higher grade
    EXPECT_EQ(gradeFromThresholds(89.99, t), 1u);
    EXPECT_EQ(gradeFromThresholds(70.0, t), 2u);
    EXPECT_EQ(gradeFromThresholds(10.0, t), 3u);
    // GIVEN a NaN score or unordered thresholds THEN no grade (not the lowest grade)
    EXPECT_FALSE(gradeFromThresholds(kNaN, t).has_value());
    const std::vector<double> unordered{80, 90};
    EXPECT_FALSE(gradeFromThresholds(85.0, unordered).has_value());
    // GIVEN no thresholds THEN a single grade 0
    EXPECT_EQ(gradeFromThresholds(1.0, {}), 0u);
}
