#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""libxlsxwriter 1.1 cannot write the 1904 date system: copy 1904_dates_src.xlsx to
1904_dates.xlsx with date1904="1" set on workbookPr (ECMA-376 Part 1 §18.2.28)."""
import os
import zipfile

with zipfile.ZipFile("1904_dates_src.xlsx") as src, \
        zipfile.ZipFile("1904_dates.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename == "xl/workbook.xml":
            data = data.replace(b"<workbookPr", b'<workbookPr date1904="1"', 1)
        dst.writestr(item, data)
os.remove("1904_dates_src.xlsx")
