// SPDX-License-Identifier: GPL-3.0-or-later
// CertificateVersions: the repeats and certificate versions a load into an empty workspace
// decides on its parsing thread, against a plain std::map of certificate -> (ordinal, version)
// and a std::set of every content hash.
#include <gtest/gtest.h>

#include "io/certificateversions.h"

#include <QByteArray>

#include <map>
#include <random>
#include <set>
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

// A content hash for tests: \a n in its first word (contents are compared whole).
CertificateVersions::Content content(std::uint64_t n, std::uint64_t last = 0)
{
    CertificateVersions::Content c;
    c.words = {n, 0, 0, last};
    return c;
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
        const CertificateVersions::Placement placed = versions.place(certificate, content(k + 1));
        ASSERT_FALSE(placed.repeat) << k;
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
        placed.push_back(versions.place(c, content(placed.size() + 1)));
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

TEST(CertificateVersions, ARepeatIsARowWithTheContentOfAnyEarlierRecordOfItsCertificate)
{
    // GIVEN certificate A with contents 1, 2, then 1 again, 2 again, 3; B with content 1
    CertificateVersions versions;
    const std::vector<std::pair<QByteArray, std::uint64_t>> rows{
        {"A", 1}, {"A", 2}, {"A", 1}, {"B", 1}, {"A", 2}, {"A", 3}, {"B", 1}};
    std::vector<CertificateVersions::Placement> placed;
    for (const auto &[certificate, n] : rows)
        placed.push_back(versions.place(certificate, content(n)));
    // THEN the repeats of A's first and second records are repeats, not records; B's content 1
    // is its own record (a real content hash covers the certificate, so this cannot come from
    // an import), and its second row a repeat
    const std::vector<bool> repeat{false, false, true, false, true, false, true};
    for (std::size_t k = 0; k < rows.size(); ++k)
        EXPECT_EQ(placed[k].repeat, repeat[k]) << k;
    // AND the records are numbered without the repeats: A 1, 2 (after 0), B 1, A 3 (after 1)
    EXPECT_EQ(placed[5].version, 3);
    EXPECT_EQ(placed[5].supersedes, 1);
    EXPECT_EQ(placed[3].version, 1);
    EXPECT_EQ(versions.placed(), 4);
}

TEST(CertificateVersions, ARepeatIsFoundAcrossCertificatesThatHold0x1F)
{
    // GIVEN rows whose content hashes are equal while their certificates differ: the message of
    // certificate "P\x1fQ" with category "R" is the one of certificate "P" with category
    // "Q\x1fR" (fields are joined with 0x1F)
    for (const bool separatorFirst : {true, false}) {
        CertificateVersions versions;
        const QByteArray first = separatorFirst ? "P\x1fQ" : "P";
        const QByteArray second = separatorFirst ? "P" : "P\x1fQ";
        // WHEN both are placed, with another record of P between them
        const auto a = versions.place(first, content(7));
        const auto b = versions.place("P", content(8));
        const auto c = versions.place(second, content(7));
        // THEN the second is a repeat, as in a set of every content hash
        EXPECT_FALSE(a.repeat);
        EXPECT_FALSE(b.repeat);
        EXPECT_TRUE(c.repeat) << separatorFirst;
        // AND each certificate still has its own versions
        EXPECT_EQ(b.version, separatorFirst ? 1 : 2);
        EXPECT_EQ(versions.place("P\x1fQ", content(9)).version, separatorFirst ? 2 : 1);
    }
}

TEST(CertificateVersions, FindsTheRepeatsASetOfEveryContentFinds)
{
    // GIVEN random rows: a certificate (some holding 0x1F, some sharing keys) and a content
    // drawn from a few per certificate, so that rows repeat and certificates change
    for (const CertificateVersions::KeyFunction key :
         {&CertificateVersions::defaultKey, &firstByteKey}) {
        CertificateVersions versions(key);
        std::set<std::pair<std::uint64_t, std::uint64_t>> seen; // the content, as the hash would
        std::map<QByteArray, std::pair<qint64, qint64>> reference;
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> pick(0, 400);
        std::uniform_int_distribution<int> variant(0, 3);
        qint64 records = 0;
        for (int k = 0; k < 30000; ++k) {
            const int n = pick(rng);
            QByteArray certificate = QByteArray(n % 7 ? "鄂" : "").append(QByteArray::number(n));
            // Some certificates go on after a 0x1F: the hashed message begins with the
            // certificate and 0x1F, so such a row may have the content of a row of the
            // certificate before the 0x1F. The content of a row here: (the certificate up to its
            // first 0x1F, a value that stands for the rest of the message).
            const std::uint64_t headId = std::uint64_t(n);
            const int v = variant(rng);
            if (n % 5 == 0 && v % 2)
                certificate.append("\x1f").append(QByteArray::number(v));
            const std::uint64_t rest = std::uint64_t(variant(rng));
            const bool repeat = !seen.insert({headId, rest}).second;
            const auto placed = versions.place(certificate, content(headId + 1, rest));
            ASSERT_EQ(placed.repeat, repeat) << k;
            if (repeat)
                continue;
            auto [it, added] = reference.try_emplace(certificate, records, 1);
            ASSERT_EQ(placed.version, added ? 1 : it->second.second + 1) << k;
            ASSERT_EQ(placed.supersedes, added ? -1 : it->second.first) << k;
            it->second = {records++, placed.version};
        }
        EXPECT_EQ(versions.placed(), records);
    }
}
