// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace metroeval::test {

/// \brief One row of a comma-separated fixture, addressed by header name.
class CsvRow
{
public:
    explicit CsvRow(std::map<std::string, std::string> cells) : m_cells(std::move(cells)) {}

    const std::string &text(const std::string &column) const { return m_cells.at(column); }

    /// "NA" → NaN, "Inf"/"-Inf" → ±infinity, otherwise strtod.
    double number(const std::string &column) const { return parse(text(column)); }

    std::int64_t integer(const std::string &column) const
    {
        return static_cast<std::int64_t>(std::llround(number(column)));
    }

    /// A cell holding several space-separated numbers.
    std::vector<double> numbers(const std::string &column) const
    {
        std::vector<double> out;
        std::istringstream in(text(column));
        std::string token;
        while (in >> token)
            out.push_back(parse(token));
        return out;
    }

    std::vector<std::int64_t> integers(const std::string &column) const
    {
        std::vector<std::int64_t> out;
        for (double v : numbers(column))
            out.push_back(static_cast<std::int64_t>(std::llround(v)));
        return out;
    }

private:
    static double parse(const std::string &s)
    {
        if (s == "NA")
            return std::numeric_limits<double>::quiet_NaN();
        if (s == "Inf")
            return std::numeric_limits<double>::infinity();
        if (s == "-Inf")
            return -std::numeric_limits<double>::infinity();
        return std::stod(s);
    }

    std::map<std::string, std::string> m_cells;
};

/// \brief Reads METROEVAL_TEST_DATA_DIR/stats/rates/<name>; an empty result means the file is
/// missing, which the tests assert against so that a lost fixture cannot pass silently.
inline std::vector<CsvRow> readRatesFixture(const std::string &name)
{
    std::ifstream file(std::string(METROEVAL_TEST_DATA_DIR) + "/stats/rates/" + name);
    std::vector<CsvRow> rows;
    std::string line;
    std::vector<std::string> header;
    auto split = [](const std::string &l) {
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream in(l);
        while (std::getline(in, cell, ','))
            cells.push_back(cell);
        return cells;
    };
    if (!std::getline(file, line))
        return rows;
    header = split(line);
    while (std::getline(file, line)) {
        if (line.empty())
            continue;
        const std::vector<std::string> cells = split(line);
        std::map<std::string, std::string> m;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
            m[header[i]] = cells[i];
        rows.emplace_back(std::move(m));
    }
    return rows;
}

} // namespace metroeval::test
