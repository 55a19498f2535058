// SPDX-License-Identifier: GPL-3.0-or-later
// Funnel-plot limits and empirical-Bayes beta-binomial shrinkage.
#include "csvfixture.h"
#include "reltol.h"
#include "stats/rates/funnel.h"
#include "stats/rates/shrinkage.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace metroeval::stats;
using metroeval::test::readRatesFixture;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

// Reference: Spiegelhalter (2005) Appendix A.1.1 evaluated with R 4.2.2 qbinom/pbinom, produced
// by tests/data/stats/rates/make_fixtures.R (θ = 0.02…0.93, n = 1…5000).
TEST(FunnelLimits, MatchesRFixture)
{
    const auto rows = readRatesFixture("funnel_limits.csv");
    ASSERT_EQ(rows.size(), 20u);
    for (const auto &r : rows) {
        // GIVEN a target and a volume, WHEN the limits are computed, THEN they equal R's
        const auto f = funnelLimits(r.number("theta"), r.integer("n"));
        ASSERT_EQ(f.status, RateStatus::Ok);
        EXPECT_NEAR(f.lower95, r.number("lo95"), 1e-12) << r.text("theta") << " " << r.text("n");
        EXPECT_NEAR(f.upper95, r.number("hi95"), 1e-12) << r.text("theta") << " " << r.text("n");
        EXPECT_NEAR(f.lower998, r.number("lo998"), 1e-12) << r.text("theta") << " " << r.text("n");
        EXPECT_NEAR(f.upper998, r.number("hi998"), 1e-12) << r.text("theta") << " " << r.text("n");
    }
}

TEST(FunnelLimits, EdgeCases)
{
    // GIVEN a volume of 0 THEN EmptyInput and NaN limits
    const auto empty = funnelLimits(0.1, 0);
    EXPECT_EQ(empty.status, RateStatus::EmptyInput);
    EXPECT_TRUE(std::isnan(empty.upper95));
    EXPECT_EQ(funnelLimits(kNaN, 10).status, RateStatus::NaNInput);
    EXPECT_EQ(funnelLimits(1.2, 10).status, RateStatus::InvalidInput);
    EXPECT_EQ(funnelLimits(0.1, -3).status, RateStatus::InvalidInput);
    // GIVEN a target of 1 (everything passes) THEN the funnel collapses onto 1
    const auto allPass = funnelLimits(1.0, 50);
    EXPECT_DOUBLE_EQ(allPass.lower998, 1.0);
    EXPECT_DOUBLE_EQ(allPass.upper95, 1.0);
    // GIVEN growing volume THEN the 99.8 % funnel narrows (a property of the construction)
    EXPECT_GT(funnelLimits(0.1, 100).upper998, funnelLimits(0.1, 1000).upper998);
    EXPECT_TRUE(std::isnan(funnelLimit(0.1, 10, 1.0)));
}

// Reference: R 4.2.2, moment estimator written out in make_fixtures.R (Kleinman 1973) and the
// marginal MLE by optim (BFGS / Nelder–Mead, reltol 1e-15) with qbeta posterior quantiles,
// produced by tests/data/stats/rates/make_fixtures.R. Two optimisers reach the same flat
// maximum to ~1e-6 in (α, β), so the MLE is compared at 1e-4 relative and the log-likelihood
// at 1e-9.
TEST(BetaBinomial, MatchesRFixture)
{
    const auto rows = readRatesFixture("beta_binomial.csv");
    ASSERT_EQ(rows.size(), 2u);
    for (const auto &r : rows) {
        const auto x = r.integers("x");
        const auto n = r.integers("n");
        // GIVEN group counts, WHEN the prior is fitted by moments
        const auto mom = fitBetaBinomial(x, n, BetaBinomialMethod::MethodOfMoments);
        ASSERT_EQ(mom.status, RateStatus::Ok);
        // THEN α, β equal R's closed form
        EXPECT_REL_NEAR(mom.alpha, r.number("mom_alpha"), 1e-12);
        EXPECT_REL_NEAR(mom.beta, r.number("mom_beta"), 1e-12);
        // WHEN shrunk with the marginal MLE
        const auto s = shrinkRates(x, n, BetaBinomialMethod::MarginalMle);
        ASSERT_EQ(s.status, RateStatus::Ok);
        // THEN the prior, rates and intervals equal R's
        EXPECT_REL_NEAR(s.prior.alpha, r.number("mle_alpha"), 1e-4);
        EXPECT_REL_NEAR(s.prior.beta, r.number("mle_beta"), 1e-4);
        const auto rate = r.numbers("mle_rate");
        const auto lower = r.numbers("mle_lower");
        const auto upper = r.numbers("mle_upper");
        for (std::size_t i = 0; i < rate.size(); ++i) {
            EXPECT_NEAR(s.rate[i], rate[i], 1e-6);
            EXPECT_NEAR(s.lower[i], lower[i], 1e-6);
            EXPECT_NEAR(s.upper[i], upper[i], 1e-6);
        }
        // AND our optimum is at least as good as R's (negative log-likelihood, same constant)
        double nll = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double a = s.prior.alpha;
            const double b = s.prior.beta;
            const double xi = static_cast<double>(x[i]);
            const double ni = static_cast<double>(n[i]);
            nll -= std::lgamma(xi + a) + std::lgamma(ni - xi + b) - std::lgamma(ni + a + b)
                   - (std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b));
        }
        EXPECT_LE(nll, r.number("mle_negll") + 1e-9);
    }
}

TEST(BetaBinomial, ShrinkageProperties)
{
    // GIVEN a tiny group 0/2 among groups near 10 % THEN its shrunken rate moves up towards μ̂
    // and lies between its raw rate and the prior mean (posterior mean is a weighted average)
    const std::vector<std::int64_t> x{10, 12, 8, 0, 11, 30};
    const std::vector<std::int64_t> n{100, 110, 90, 2, 95, 150};
    const auto s = shrinkRates(x, n, BetaBinomialMethod::MethodOfMoments);
    ASSERT_EQ(s.status, RateStatus::Ok);
    EXPECT_GT(s.rate[3], 0.0);
    EXPECT_LT(s.rate[3], s.prior.mean);
    EXPECT_LT(s.lower[3], s.rate[3]);
}

TEST(BetaBinomial, EdgeCases)
{
    const std::vector<std::int64_t> n{20, 20, 20};
    // GIVEN all pass THEN Degenerate, NaN rates, but the pooled rate is reported (1)
    const auto allPass = shrinkRates(n, n);
    EXPECT_EQ(allPass.status, RateStatus::Degenerate);
    EXPECT_TRUE(std::isnan(allPass.rate[0]));
    EXPECT_DOUBLE_EQ(allPass.prior.pooledRate, 1.0);
    const std::vector<std::int64_t> zeros{0, 0, 0};
    EXPECT_EQ(shrinkRates(zeros, n).status, RateStatus::Degenerate); // all fail
    EXPECT_EQ(shrinkRates(zeros, zeros).status, RateStatus::EmptyInput);
    // GIVEN a single group THEN InvalidInput (a prior cannot be estimated from one group)
    const std::vector<std::int64_t> oneX{3};
    const std::vector<std::int64_t> oneN{10};
    EXPECT_EQ(fitBetaBinomial(oneX, oneN).status, RateStatus::InvalidInput);
    // GIVEN identical rates (no extra-binomial variance) THEN both methods report Degenerate
    const std::vector<std::int64_t> same{5, 5, 5};
    EXPECT_EQ(fitBetaBinomial(same, n, BetaBinomialMethod::MethodOfMoments).status,
              RateStatus::Degenerate);
    EXPECT_EQ(fitBetaBinomial(same, n, BetaBinomialMethod::MarginalMle).status,
              RateStatus::Degenerate);
    EXPECT_EQ(shrinkRates(same, n, BetaBinomialMethod::MarginalMle, 1.0).status,
              RateStatus::InvalidInput);
    const std::vector<std::int64_t> bad{25, 1, 1};
    EXPECT_EQ(fitBetaBinomial(bad, n).status, RateStatus::InvalidInput);
}
