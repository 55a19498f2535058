// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/textdecoding.h"

#include <QStringDecoder>

namespace metroeval::core {

using namespace Qt::StringLiterals;

namespace {
// Length of the valid UTF-8 prefix, or −1 when an invalid sequence occurs before the end.
bool isValidUtf8AllowingTruncatedTail(QByteArrayView bytes)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (i + extra >= n)
            return true; // cut by the sample boundary
        for (int k = 1; k <= extra; ++k) {
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += extra + 1;
    }
    return true;
}
} // namespace

DetectedEncoding detectEncoding(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        return {"UTF-8", 3};
    if (head.startsWith("\xFF\xFE"))
        return {"UTF-16LE", 2};
    if (head.startsWith("\xFE\xFF"))
        return {"UTF-16BE", 2};
    if (isValidUtf8AllowingTruncatedTail(head))
        return {"UTF-8", 0};
    return {"GB18030", 0};
}

QByteArray canonicalEncodingName(const QString &choice)
{
    const QString c = choice.trimmed().toLower();
    if (c == "utf-8"_L1 || c == "utf8"_L1)
        return "UTF-8";
    if (c == "gb18030"_L1 || c == "gbk"_L1 || c == "gb2312"_L1)
        return "GB18030";
    if (c == "utf-16le"_L1 || c == "utf-16"_L1)
        return "UTF-16LE";
    if (c == "utf-16be"_L1)
        return "UTF-16BE";
    return {};
}

} // namespace metroeval::core
