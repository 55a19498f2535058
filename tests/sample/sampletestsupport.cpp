// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampletestsupport.h"

#include <QFile>

#include <cmath>

namespace metroeval::sample::testsupport {

WeibullFit fitWeibull(const std::vector<double> &x)
{
    const double n = static_cast<double>(x.size());
    double meanLog = 0.0;
    for (double v : x)
        meanLog += std::log(v);
    meanLog /= n;
    double k = 1.0;
    for (int iteration = 0; iteration < 100; ++iteration) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0;
        for (double v : x) {
            const double l = std::log(v);
            const double p = std::pow(v, k);
            s0 += p;
            s1 += p * l;
            s2 += p * l * l;
        }
        const double g = 1.0 / k + meanLog - s1 / s0;
        const double dg = -1.0 / (k * k) - (s2 * s0 - s1 * s1) / (s0 * s0);
        const double step = g / dg;
        k -= step;
        if (std::fabs(step) < 1e-12 * k)
            break;
    }
    double s0 = 0.0;
    for (double v : x)
        s0 += std::pow(v, k);
    return {k, std::pow(s0 / n, 1.0 / k)};
}

std::vector<std::string> readLines(const QString &path)
{
    QFile file(path);
    std::vector<std::string> lines;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    QByteArray all = file.readAll();
    if (all.startsWith("\xEF\xBB\xBF"))
        all.remove(0, 3);
    std::string text = all.toStdString();
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string::npos)
            end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

std::vector<std::string> splitCommas(const std::string &line)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        if (comma == std::string::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, comma - start));
        start = comma + 1;
    }
}

} // namespace metroeval::sample::testsupport
