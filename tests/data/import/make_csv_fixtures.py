#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the CSV fixtures of tests/data/import/ (one quirk per file; see README.md).

Run from this folder: python3 make_csv_fixtures.py. The files are committed; this script documents
exactly what each holds."""

H = "证书编号,器具名称,制造单位,检定日期,检定结论,测量范围,最大允许误差,最大示值误差,不合格项目,送检单位"


def row(cert, date="2023-05-01", conclusion="合格", customer="宜昌某化工有限公司",
        rng="(0~1.6)MPa", mpe="±0.0256MPa", err="+0.0100", items="", maker="宜昌长江仪表有限公司",
        cat="一般压力表"):
    return ",".join([cert, cat, maker, date, conclusion, rng, mpe, err, items, customer])


def write(name, text, encoding="utf-8", newline="\n"):
    data = text.replace("\n", newline).encode(encoding)
    with open(name, "wb") as f:
        f.write(data)


def lines(*rows):
    return "\n".join(rows) + "\n"


# GB18030 without BOM, as older institute systems write (3 good rows).
write("gb18030.csv", lines(H, row("G1"), row("G2", conclusion="不合格", err="-0.0310",
                                             items="示值误差"), row("G3", maker="西安秦川仪表厂")),
      encoding="gb18030")

# UTF-16LE with BOM and TAB delimiter, as Excel's "Unicode text" (3 good rows).
write("utf16le_bom.csv",
      "\ufeff" + lines(*[line.replace(",", "\t") for line in
                         [H, row("U1"), row("U2", date="2023/5/2"), row("U3", date="2023年5月3日")]]),
      encoding="utf-16-le", newline="\r\n")

# Semicolon delimiter, UTF-8 with BOM, CRLF (3 good rows).
write("semicolon.csv", "\ufeff" + lines(*[line.replace(",", ";") for line in
                                          [H, row("S1"), row("S2"), row("S3")]]), newline="\r\n")

# Pipe delimiter (2 good rows).
write("pipe.csv", lines(*[line.replace(",", "|") for line in [H, row("P1"), row("P2")]]))

# RFC 4180 quoting: embedded delimiter, doubled quotes, a line break inside a field, CRLF,
# trailing empty lines. 3 records on 5 physical data lines; the third starts on line 5.
# Records end in CRLF; the breaks inside cells are LF, as Excel writes them.
write("embedded_newline.csv",
      H + "\r\n" + row("E1", customer='"宜昌某化工有限公司, 二分厂"') + "\r\n"
      + row("E2", customer='"宜昌""长江""化工\n仓库"') + "\r\n"
      + row("E3", customer='"第一行\n第二行"') + "\r\n\r\n\r\n")

# Quote faults: line 3 opens a quote that never closes (costs that line only); line 5 carries a
# lone quote inside an unquoted field (the sample generator's defect). 5 data rows: 3 good.
write("unbalanced_quote.csv",
      lines(H, row("Q1"), row("Q2", customer='"宜昌某化工'), row("Q3"),
            row("Q4", customer='宜昌"某化工'), row("Q5")))

# Field-count faults: line 3 lacks the last cell, line 4 has one more. 4 data rows: 2 good.
write("wrong_column_count.csv",
      lines(H, row("W1"), row("W2").rsplit(",", 1)[0], row("W3") + ",多余", row("W4")))

# Excel serial day numbers in the 1900 system (Microsoft KB 214326): 45047 = 2023-05-01,
# 59 = 1900-02-28, 61 = 1900-03-01, 60 = the phantom 1900-02-29 (quarantined), 45047.5 (noon).
write("excel_serial_dates.csv",
      lines(H, row("X1", date="45047"), row("X2", date="59"), row("X3", date="61"),
            row("X4", date="60"), row("X5", date="45047.5")))

# Every date spelling of domain.md §2; line 8 holds an impossible date (quarantined).
write("date_formats.csv",
      lines(H, row("D1", date="2023-05-01"), row("D2", date="2023/5/1"), row("D3", date="2023.05.01"),
            row("D4", date="2023年5月1日"), row("D5", date="20230501"),
            row("D6", date="2023-05-01 08:30:00"), row("D7", date="2022-02-30")))

# Units: kPa, bar, psi, %LEL, g; a bare error takes the range's unit; line 8 has an unknown unit
# (imported, flagged, value kept as text).
write("units.csv",
      lines(H, row("N1", rng="(0~1600)kPa", mpe="±25.6kPa", err="+10.0"),
            row("N2", rng="(0~16)bar", mpe="±0.256bar", err="0.1bar"),
            row("N3", rng="(0~100)psi", mpe="±1.6psi", err="-1psi"),
            row("N4", cat="可燃气体检测报警器", rng="(0~100)%LEL", mpe="±5%LEL", err="+2.5"),
            row("N5", cat="电子台秤", rng="(0~30)kg", mpe="±15g", err="10g"),
            row("N6", rng="(0~1.6)MPa", mpe="±0.0256MPa", err="+0.0100MPa"),
            row("N7", rng="(0~1.6)MPa", mpe="±0.0256MPa", err="0.01 furlong")))

# Conclusion vocabulary and failed-item separators; line 9 has an unknown word (quarantined).
write("conclusions.csv",
      lines(H, row("V1", conclusion="合格"), row("V2", conclusion="准予使用"),
            row("V3", conclusion="符合"), row("V4", conclusion="Pass"),
            row("V5", conclusion="不合格", items="示值误差、回程误差"),
            row("V6", conclusion="不准使用", items="示值误差；轻敲位移"),
            row("V7", conclusion="Fail", items='"零位/外观"'), row("V8", conclusion="待定")))

# English and variant headers in another order (synonyms of field.h).
write("header_variants.csv",
      lines("Certificate No,Manufacturer,Instrument,Verification Date,Result,Customer",
            "H1,宜昌长江仪表有限公司,一般压力表,2023-05-01,Pass,甲",
            "H2,西安秦川仪表厂,一般压力表,2023-05-02,Fail,乙"))

# Missing required values: certificate (line 3), date (line 4), conclusion (line 5).
write("missing_required.csv",
      lines(H, row("M1"), row(""), row("M3", date=""), row("M4", conclusion=""), row("M5")))
