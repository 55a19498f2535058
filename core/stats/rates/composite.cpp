// SPDX-License-Identifier: GPL-3.0-or-later
// NUMERICALLY CRITICAL: a change here needs its reference test (tests/stats/rates/composite_test.cpp).
#include "stats/rates/composite.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace metroeval::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

CompositeResult failed(RateStatus status, Eigen::Index size)
{
    return {status, Eigen::VectorXd::Constant(std::max<Eigen::Index>(size, 0), kNaN)};
}

// Common validation of a decision matrix; Ok means usable.
RateStatus checkMatrix(const Eigen::Ref<const Eigen::MatrixXd> &data,
                       std::span<const CriterionDirection> directions, Eigen::Index minRows)
{
    if (data.rows() == 0 || data.cols() == 0)
        return RateStatus::EmptyInput;
    if (!data.allFinite())
        return RateStatus::NaNInput;
    if (data.rows() < minRows
        || (!directions.empty() && directions.size() != static_cast<std::size_t>(data.cols())))
        return RateStatus::InvalidInput;
    return RateStatus::Ok;
}

bool isCost(std::span<const CriterionDirection> directions, Eigen::Index j)
{
    return !directions.empty()
           && directions[static_cast<std::size_t>(j)] == CriterionDirection::Cost;
}

// Weights must be non-negative with a positive sum; returns them rescaled to sum 1, or empty.
std::optional<Eigen::VectorXd> normalisedWeights(std::span<const double> weights, Eigen::Index cols)
{
    if (weights.size() != static_cast<std::size_t>(cols))
        return std::nullopt;
    Eigen::VectorXd w(cols);
    double sum = 0.0;
    for (Eigen::Index j = 0; j < cols; ++j) {
        const double v = weights[static_cast<std::size_t>(j)];
        if (!(v >= 0.0) || !std::isfinite(v))
            return std::nullopt;
        w(j) = v;
        sum += v;
    }
    if (!(sum > 0.0))
        return std::nullopt;
    return w / sum;
}
} // namespace

Eigen::MatrixXd normalizeMinMax(const Eigen::Ref<const Eigen::MatrixXd> &data,
                                std::span<const CriterionDirection> directions)
{
    Eigen::MatrixXd out(data.rows(), data.cols());
    for (Eigen::Index j = 0; j < data.cols(); ++j) {
        const double lo = data.col(j).minCoeff();
        const double hi = data.col(j).maxCoeff();
        const double range = hi - lo;
        for (Eigen::Index i = 0; i < data.rows(); ++i) {
            if (!(range > 0.0))
                out(i, j) = kNaN;
            else
                out(i, j) = isCost(directions, j) ? (hi - data(i, j)) / range
                                                  : (data(i, j) - lo) / range;
        }
    }
    return out;
}

CompositeResult entropyWeights(const Eigen::Ref<const Eigen::MatrixXd> &data,
                               std::span<const CriterionDirection> directions)
{
    const RateStatus check = checkMatrix(data, directions, 2);
    if (check != RateStatus::Ok)
        return failed(check, data.cols());
    const Eigen::MatrixXd x = normalizeMinMax(data, directions);
    const double logM = std::log(static_cast<double>(data.rows()));
    Eigen::VectorXd divergence(data.cols());
    for (Eigen::Index j = 0; j < data.cols(); ++j) {
        const double columnSum = x.col(j).sum();
        if (std::isnan(columnSum)) {
            divergence(j) = 0.0; // constant column: e_j = 1
            continue;
        }
        double entropy = 0.0;
        for (Eigen::Index i = 0; i < data.rows(); ++i) {
            const double p = x(i, j) / columnSum;
            if (p > 0.0)
                entropy -= p * std::log(p);
        }
        divergence(j) = 1.0 - entropy / logM;
    }
    const double total = divergence.sum();
    if (!(total > 0.0))
        return failed(RateStatus::Degenerate, data.cols());
    return {RateStatus::Ok, divergence / total};
}

CompositeResult criticWeights(const Eigen::Ref<const Eigen::MatrixXd> &data,
                              std::span<const CriterionDirection> directions)
{
    const RateStatus check = checkMatrix(data, directions, 2);
    if (check != RateStatus::Ok)
        return failed(check, data.cols());
    const Eigen::MatrixXd x = normalizeMinMax(data, directions);
    const Eigen::Index k = data.cols();
    const double m = static_cast<double>(data.rows());
    Eigen::MatrixXd centred(x.rows(), k);
    Eigen::VectorXd sd(k);
    std::vector<bool> informative(static_cast<std::size_t>(k));
    for (Eigen::Index j = 0; j < k; ++j) {
        informative[static_cast<std::size_t>(j)] = !std::isnan(x(0, j));
        if (!informative[static_cast<std::size_t>(j)]) {
            sd(j) = 0.0;
            centred.col(j).setZero();
            continue;
        }
        centred.col(j) = x.col(j).array() - x.col(j).mean();
        sd(j) = std::sqrt(centred.col(j).squaredNorm() / (m - 1.0));
    }
    Eigen::VectorXd information = Eigen::VectorXd::Zero(k);
    for (Eigen::Index j = 0; j < k; ++j) {
        if (!informative[static_cast<std::size_t>(j)])
            continue;
        double conflict = 0.0;
        for (Eigen::Index l = 0; l < k; ++l) {
            if (!informative[static_cast<std::size_t>(l)])
                continue;
            const double r = centred.col(j).dot(centred.col(l))
                             / (centred.col(j).norm() * centred.col(l).norm());
            conflict += 1.0 - r;
        }
        information(j) = sd(j) * conflict;
    }
    const double total = information.sum();
    if (!(total > 0.0))
        return failed(RateStatus::Degenerate, k);
    return {RateStatus::Ok, information / total};
}

AhpResult ahpWeights(const Eigen::Ref<const Eigen::MatrixXd> &pairwise)
{
    static constexpr double kRandomIndex[] = {0.0,  0.0,  0.58, 0.90, 1.12,
                                              1.24, 1.32, 1.41, 1.45, 1.49};
    AhpResult r;
    auto fail = [&](RateStatus s) {
        r.status = s;
        r.weights = Eigen::VectorXd::Constant(pairwise.rows(), kNaN);
        r.lambdaMax = r.consistencyIndex = r.consistencyRatio = kNaN;
        return r;
    };
    if (pairwise.size() == 0)
        return fail(RateStatus::EmptyInput);
    if (pairwise.rows() != pairwise.cols())
        return fail(RateStatus::InvalidInput);
    if (!pairwise.allFinite())
        return fail(RateStatus::NaNInput);
    const Eigen::Index n = pairwise.rows();
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < n; ++j) {
            if (!(pairwise(i, j) > 0.0) || std::fabs(pairwise(i, j) * pairwise(j, i) - 1.0) > 1e-6)
                return fail(RateStatus::InvalidInput);
        }
    }
    // Power iteration: a positive matrix has a simple dominant eigenvalue with a positive
    // eigenvector (Perron), so it converges from the uniform start.
    Eigen::VectorXd w = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
    for (int iteration = 0; iteration < 10000; ++iteration) {
        Eigen::VectorXd next = pairwise * w;
        next /= next.sum();
        const double change = (next - w).cwiseAbs().maxCoeff();
        w = next;
        if (change < 1e-14)
            break;
    }
    r.weights = w;
    r.lambdaMax = (pairwise * w).cwiseQuotient(w).mean();
    const double nd = static_cast<double>(n);
    if (n <= 2) {
        r.consistencyIndex = 0.0;
        r.consistencyRatio = 0.0;
    } else {
        r.consistencyIndex = (r.lambdaMax - nd) / (nd - 1.0);
        r.consistencyRatio = n <= 10 ? r.consistencyIndex / kRandomIndex[n - 1] : kNaN;
    }
    r.acceptable = r.consistencyRatio < 0.10;
    return r;
}

CompositeResult topsisCloseness(const Eigen::Ref<const Eigen::MatrixXd> &data,
                                std::span<const double> weights,
                                std::span<const CriterionDirection> directions)
{
    const RateStatus check = checkMatrix(data, directions, 1);
    if (check != RateStatus::Ok)
        return failed(check, data.rows());
    const auto w = normalisedWeights(weights, data.cols());
    if (!w)
        return failed(RateStatus::InvalidInput, data.rows());
    Eigen::MatrixXd v(data.rows(), data.cols());
    for (Eigen::Index j = 0; j < data.cols(); ++j) {
        const double norm = data.col(j).norm();
        v.col(j) = norm > 0.0 ? Eigen::VectorXd(data.col(j) / norm * (*w)(j))
                              : Eigen::VectorXd::Zero(data.rows());
    }
    Eigen::RowVectorXd best(data.cols());
    Eigen::RowVectorXd worst(data.cols());
    for (Eigen::Index j = 0; j < data.cols(); ++j) {
        const bool cost = isCost(directions, j);
        best(j) = cost ? v.col(j).minCoeff() : v.col(j).maxCoeff();
        worst(j) = cost ? v.col(j).maxCoeff() : v.col(j).minCoeff();
    }
    Eigen::VectorXd closeness(data.rows());
    for (Eigen::Index i = 0; i < data.rows(); ++i) {
        const double dPlus = (v.row(i) - best).norm();
        const double dMinus = (v.row(i) - worst).norm();
        if (!(dPlus + dMinus > 0.0))
            return failed(RateStatus::Degenerate, data.rows());
        closeness(i) = dMinus / (dPlus + dMinus);
    }
    return {RateStatus::Ok, closeness};
}

CompositeResult weightedSum(const Eigen::Ref<const Eigen::MatrixXd> &data,
                            std::span<const double> weights)
{
    if (data.rows() == 0 || data.cols() == 0)
        return failed(RateStatus::EmptyInput, data.rows());
    const auto w = normalisedWeights(weights, data.cols());
    if (!w)
        return failed(RateStatus::InvalidInput, data.rows());
    // NaN propagates through the product, so a missing indicator gives a NaN score.
    return {RateStatus::Ok, data * (*w)};
}

std::optional<std::size_t> gradeFromThresholds(double score, std::span<const double> thresholds)
{
    if (std::isnan(score))
        return std::nullopt;
    for (std::size_t i = 0; i < thresholds.size(); ++i) {
        if (std::isnan(thresholds[i]) || (i > 0 && !(thresholds[i] < thresholds[i - 1])))
            return std::nullopt;
    }
    for (std::size_t i = 0; i < thresholds.size(); ++i) {
        if (score >= thresholds[i])
            return i;
    }
    return thresholds.size();
}

} // namespace metroeval::stats
