// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>
#include <vector>

namespace metroeval::sample::testsupport {

/// \brief Weibull maximum-likelihood estimate on complete (uncensored) data.
struct WeibullFit
{
    double shape = 0.0;
    double scale = 0.0;
};

/// \brief Complete-data Weibull MLE: Newton iteration on the profile equation
///        1/k + mean(ln x) − Σ xᵏ ln x / Σ xᵏ = 0, then λ = (Σ xᵏ / n)^(1/k)
///        (Lawless, "Statistical Models and Methods for Lifetime Data", 2nd ed., §5.2.2;
///        Cohen 1965, Technometrics 7(4)).
WeibullFit fitWeibull(const std::vector<double> &x);

/// \brief Lines of a text file without BOM and line ends (the generator writes no field with
///        an embedded line break).
std::vector<std::string> readLines(const QString &path);

/// \brief Splits a line at every comma. Valid only because no generated field contains a comma.
std::vector<std::string> splitCommas(const std::string &line);

} // namespace metroeval::sample::testsupport
