// SPDX-License-Identifier: GPL-3.0-or-later
// CertificateVersions: the certificate versions a load into an empty workspace decides on its
// parsing thread, against a plain std::map of certificate -> (ordinal, version).
#include <gtest/gtest.h>

#include "io/certificateversions.h"

#include <QByteArray>

#include <map>
#include <random>
#include <string>
#include <vector>

using namespace metroeval::core;

namespace {

// Certificates sharing their first byte share a key: every look-up is a confirmed collision or
// a certificate kept apart.
std::uint64_t firstByteKey(QByteArrayView certificate)
{
    return certificate.isEmpty() ? 0 : std::uint64_t(std::uint8_t(certificate.front()));
}

// Places \a certificates one after the other and compares each placement with a std::map.
void expectReferencePlacements(CertificateVersions &versions,
                               const std::vector<QByteArray> &certificates)
{
    std::map<QByteArray, std::pair<qint64, qint64>> reference; // certificate -> ordinal, version
    for (std::size_t k = 0; k < certificates.size(); ++k) {
        const QByteArray &certificate = certificates[k];
        auto [it, added] = reference.try_emplace(certificate, qint64(k), 1);
        const qint64 version = added ? 1 : it->second.second + 1;
        const qint64 supersedes = added ? -1 : it->second.first;
        it->second = {qint64(k), version};
        const CertificateVersions::Placement placed = versions.place(certificate);
        ASSERT_EQ(placed.version, version) << k << " " << certificate.constData();
        ASSERT_EQ(placed.supersedes, supersedes) << k << " " << certificate.constData();
    }
    EXPECT_EQ(versions.placed(), qint64(certificates.size()));
}

std::vector<QByteArray> randomCertificates(std::size_t count, int distinct, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pick(0, distinct - 1);
    std::vector<QByteArray> out;
    for (std::size_t k = 0; k < count; ++k) {
        const int n = pick(rng);
        // Chinese, ASCII, empty and prefix-sharing texts
        QByteArray certificate; // empty for 0
        if (n > 0)
            certificate.append(n % 3 ? "YC2023-" : "鄂计检字").append(QByteArray::number(n));
        out.push_back(certificate);
    }
    return out;
}

} // namespace

TEST(CertificateVersions, ChainsEachCertificatesRecordsInTheOrderPlaced)
{
    // GIVEN certificates A, B, A, A, C, B
    CertificateVersions versions;
    const std::vector<QByteArray> order{"A", "B", "A", "A", "C", "B"};
    std::vector<CertificateVersions::Placement> placed;
    for (const QByteArray &c : order)
        placed.push_back(versions.place(c));
    // THEN A is 1, 2 (after ordinal 0), 3 (after 2); B 1, 2 (after 1); C 1
    const std::vector<std::pair<qint64, qint64>> expected{{1, -1}, {1, -1}, {2, 0},
                                                          {3, 2},  {1, -1}, {2, 1}};
    for (std::size_t k = 0; k < order.size(); ++k) {
        EXPECT_EQ(placed[k].version, expected[k].first) << k;
        EXPECT_EQ(placed[k].supersedes, expected[k].second) << k;
    }
}

TEST(CertificateVersions, AgreesWithAMapOnManyRandomCertificates)
{
    CertificateVersions versions;
    versions.reserve(1000);
    expectReferencePlacements(versions, randomCertificates(50000, 5000, 3));
}

TEST(CertificateVersions, NeverConfusesCertificatesWhoseKeysCollide)
{
    // GIVEN a key under which all certificates starting with the same byte collide
    CertificateVersions versions(firstByteKey);
    // WHEN many certificates are placed THEN each still chains only its own records
    expectReferencePlacements(versions, randomCertificates(20000, 700, 5));
}
