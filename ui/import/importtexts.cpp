// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importtexts.h"

#include "tr.h"

namespace metroeval::ui {

using namespace Qt::StringLiterals;

QString rowIssueText(const QString &codeKey)
{
    if (codeKey == "unbalanced_quote"_L1)
        return Tr::tr("A quote mark is not closed or stands inside an unquoted cell; check the "
                      "cell and remove or double the quote.");
    if (codeKey == "wrong_column_count"_L1)
        return Tr::tr("The row has a different number of cells than the header; a cell was "
                      "dropped, repeated or split by a delimiter.");
    if (codeKey == "missing_required_field"_L1)
        return Tr::tr("A required value (certificate number, instrument, verification date or "
                      "conclusion) is empty; fill it in.");
    if (codeKey == "unparseable_date"_L1)
        return Tr::tr("The date cannot be read or does not exist (e.g. 30 February); enter it as "
                      "2023-05-01.");
    if (codeKey == "unknown_conclusion"_L1)
        return Tr::tr("The conclusion is not a known word; use 合格 or 不合格.");
    if (codeKey == "unparseable_number"_L1)
        return Tr::tr("The number or its unit cannot be read; the text was kept.");
    return codeKey;
}

QString delimiterName(const QString &delimiter)
{
    if (delimiter == ","_L1)
        return Tr::tr("Comma");
    if (delimiter == ";"_L1)
        return Tr::tr("Semicolon");
    if (delimiter == "\t"_L1)
        return Tr::tr("Tab");
    if (delimiter == "|"_L1)
        return Tr::tr("Vertical bar");
    return delimiter;
}

} // namespace metroeval::ui
