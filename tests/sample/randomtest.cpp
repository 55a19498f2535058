// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample/civildate.h"
#include "sample/random.h"
#include "sampletestsupport.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace metroeval::sample;

TEST(SampleRng, SameSeedSameStreamOtherSeedOtherStream)
{
    // GIVEN two generators with one seed and one with another
    Rng a(42), b(42), c(43);
    // WHEN drawing; THEN the first two agree and the third differs somewhere
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t x = a.next();
        EXPECT_EQ(x, b.next());
        differs = differs || x != c.next();
    }
    EXPECT_TRUE(differs);
}

TEST(SampleRng, NormalHasUnitMomentsAndUniformIsCentred)
{
    // GIVEN 400,000 draws
    Rng rng(7);
    const int n = 400000;
    double sum = 0, sum2 = 0, usum = 0;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal();
        sum += z;
        sum2 += z * z;
        usum += rng.uniform();
    }
    // THEN mean 0 ± 5 SE (SE = 1/√n), variance 1 ± 5 SE (SE of s² = √(2/n)),
    // uniform mean 0.5 ± 5 SE (SE = 1/√(12n)) — textbook sampling distributions.
    EXPECT_NEAR(sum / n, 0.0, 5.0 / std::sqrt(n));
    EXPECT_NEAR(sum2 / n, 1.0, 5.0 * std::sqrt(2.0 / n));
    EXPECT_NEAR(usum / n, 0.5, 5.0 / std::sqrt(12.0 * n));
}

TEST(SampleRng, WeibullDrawsFitBackToTheirParameters)
{
    // GIVEN 100,000 Weibull(k = 1.6, λ = 5) draws (the Y-100 parameters of the catalogue)
    Rng rng(11);
    std::vector<double> x(100000);
    for (double &v : x)
        v = rng.weibull(1.6, 5.0);
    // WHEN fitting by complete-data ML (Lawless 2003 §5.2.2)
    const auto fit = testsupport::fitWeibull(x);
    // THEN both parameters lie within 5 asymptotic SE: SE(k) ≈ 0.78 k/√n,
    // SE(λ) ≈ 1.053 λ/(k√n) (Cohen 1965, inverse Fisher information of the complete sample).
    const double n = 100000.0;
    EXPECT_NEAR(fit.shape, 1.6, 5 * 0.78 * 1.6 / std::sqrt(n));
    EXPECT_NEAR(fit.scale, 5.0, 5 * 1.053 * 5.0 / (1.6 * std::sqrt(n)));
}

TEST(SampleRng, ExponentialMeanMatches)
{
    // GIVEN 200,000 exponential draws with mean 0.35; THEN the sample mean is 0.35 ± 5 SE
    // (SE = mean/√n for the exponential distribution).
    Rng rng(5);
    double sum = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i)
        sum += rng.exponential(0.35);
    EXPECT_NEAR(sum / n, 0.35, 5 * 0.35 / std::sqrt(n));
}

TEST(SampleCivilDate, RoundTripsAndKnownDays)
{
    // Known values: 2000-03-01 is day 11017 after 1970-01-01 (Hinnant's date algorithms paper);
    // Excel serial of 2023-05-01 is 45047 (Excel DATE(2023,5,1)).
    EXPECT_EQ(daysFromCivil({2000, 3, 1}), 11017);
    EXPECT_EQ(excelSerial(daysFromCivil({2023, 5, 1})), 45047);
    EXPECT_EQ(isoDate(addMonths(daysFromCivil({2023, 8, 31}), 6)), "2024-02-29");
    for (int d = -1000; d < 30000; d += 37) {
        const CivilDate c = civilFromDays(d);
        EXPECT_EQ(daysFromCivil(c), d);
    }
}
