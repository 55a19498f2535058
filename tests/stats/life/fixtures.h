// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Readers for the R fixtures in tests/data/stats/life/ (written by make_fixtures.R).

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace metroeval::test {

inline std::string lifeFixturePath(const std::string &file)
{
    return std::string(METROEVAL_TEST_DATA_DIR) + "/stats/life/" + file;
}

/// \brief A CSV table with a header row; "NaN"/"NA"/"Inf" become the matching doubles.
struct CsvTable
{
    std::vector<std::string> header;
    std::vector<std::vector<double>> rows;

    std::vector<double> column(const std::string &name) const
    {
        std::vector<double> out;
        for (std::size_t j = 0; j < header.size(); ++j)
            if (header[j] == name)
                for (const auto &r : rows)
                    out.push_back(r[j]);
        return out;
    }
};

inline double parseCell(const std::string &cell)
{
    if (cell == "NaN" || cell == "NA")
        return std::numeric_limits<double>::quiet_NaN();
    if (cell == "Inf")
        return std::numeric_limits<double>::infinity();
    if (cell == "-Inf")
        return -std::numeric_limits<double>::infinity();
    return std::stod(cell);
}

inline std::vector<std::string> splitCsv(const std::string &line)
{
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ','))
        cells.push_back(cell);
    return cells;
}

inline CsvTable readCsv(const std::string &file)
{
    CsvTable t;
    std::ifstream in(lifeFixturePath(file));
    std::string line;
    if (!std::getline(in, line))
        return t;
    t.header = splitCsv(line);
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        std::vector<double> row;
        for (const auto &c : splitCsv(line))
            row.push_back(parseCell(c));
        t.rows.push_back(row);
    }
    return t;
}

/// \brief "name,value" CSV as a map; missing keys read as NaN.
struct KeyValues
{
    std::map<std::string, double> values;
    double operator[](const std::string &key) const
    {
        const auto it = values.find(key);
        return it == values.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
    }
};

inline KeyValues readKeyValues(const std::string &file)
{
    KeyValues kv;
    std::ifstream in(lifeFixturePath(file));
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        const auto cells = splitCsv(line);
        if (cells.size() == 2)
            kv.values[cells[0]] = parseCell(cells[1]);
    }
    return kv;
}

} // namespace metroeval::test
