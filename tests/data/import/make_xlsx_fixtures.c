/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes the XLSX fixtures of tests/data/import/ with libxlsxwriter (see README.md):
 *   cc make_xlsx_fixtures.c -lxlsxwriter -o /tmp/mkx && /tmp/mkx && python3 patch_1904.py */
#include <xlsxwriter.h>

static const char *header[] = {"证书编号", "器具名称", "检定日期", "检定结论", "最大示值误差",
                               "合格标志"};

static void writeHeader(lxw_worksheet *ws)
{
    for (int c = 0; c < 6; ++c)
        worksheet_write_string(ws, 0, (lxw_col_t)c, header[c], NULL);
}

/* Sheet 检定记录: row 2 date cell (format yyyy-mm-dd) 45047 = 2023-05-01, number, boolean;
 * row 3 empty (skipped); row 4 a plain number 45048 (a serial without date format) and 不合格;
 * row 5 器具名称 missing (quarantined); row 6 a text date and no trailing cells (padded);
 * row 7 a date-formatted 60, Excel's phantom 1900-02-29 (quarantined).
 * Sheet 汇总: another table, for choosing a sheet. */
static void excelDates(void)
{
    lxw_workbook *wb = workbook_new("excel_dates.xlsx");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "检定记录");
    lxw_worksheet *other = workbook_add_worksheet(wb, "汇总");
    writeHeader(ws);
    worksheet_write_string(ws, 1, 0, "X1", NULL);
    worksheet_write_string(ws, 1, 1, "一般压力表", NULL);
    worksheet_write_number(ws, 1, 2, 45047, date);
    worksheet_write_string(ws, 1, 3, "合格", NULL);
    worksheet_write_number(ws, 1, 4, 0.0125, NULL);
    worksheet_write_boolean(ws, 1, 5, 1, NULL);
    worksheet_write_string(ws, 3, 0, "X2", NULL);
    worksheet_write_string(ws, 3, 1, "一般压力表", NULL);
    worksheet_write_number(ws, 3, 2, 45048, NULL);
    worksheet_write_string(ws, 3, 3, "不合格", NULL);
    worksheet_write_number(ws, 3, 4, -0.031, NULL);
    worksheet_write_boolean(ws, 3, 5, 0, NULL);
    worksheet_write_string(ws, 4, 0, "X3", NULL);
    worksheet_write_number(ws, 4, 2, 45049, date);
    worksheet_write_string(ws, 4, 3, "合格", NULL);
    worksheet_write_string(ws, 5, 0, "X4", NULL);
    worksheet_write_string(ws, 5, 1, "精密压力表", NULL);
    worksheet_write_string(ws, 5, 2, "2023年5月4日", NULL);
    worksheet_write_string(ws, 5, 3, "准予使用", NULL);
    worksheet_write_string(ws, 6, 0, "X5", NULL);
    worksheet_write_string(ws, 6, 1, "一般压力表", NULL);
    worksheet_write_number(ws, 6, 2, 60, date);
    worksheet_write_string(ws, 6, 3, "合格", NULL);
    worksheet_write_string(other, 0, 0, "证书号", NULL);
    worksheet_write_string(other, 0, 1, "仪器名称", NULL);
    worksheet_write_string(other, 0, 2, "校准日期", NULL);
    worksheet_write_string(other, 0, 3, "结论", NULL);
    worksheet_write_string(other, 1, 0, "Y1", NULL);
    worksheet_write_string(other, 1, 1, "电子台秤", NULL);
    worksheet_write_number(other, 1, 2, 45100, date);
    worksheet_write_string(other, 1, 3, "符合", NULL);
    workbook_close(wb);
}

/* constant_memory mode writes inline strings (t="inlineStr") instead of shared strings. */
static void inlineStrings(void)
{
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt("inline_strings.xlsx", &options);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    writeHeader(ws);
    for (int r = 1; r <= 3; ++r) {
        char cert[8] = {'I', (char)('0' + r), 0};
        worksheet_write_string(ws, (lxw_row_t)r, 0, cert, NULL);
        worksheet_write_string(ws, (lxw_row_t)r, 1, "一般压力表", NULL);
        worksheet_write_string(ws, (lxw_row_t)r, 2, "2023-05-01", NULL);
        worksheet_write_string(ws, (lxw_row_t)r, 3, r == 2 ? "不合格" : "合格", NULL);
    }
    workbook_close(wb);
}

/* Serials for the 1904 system (patch_1904.py sets workbookPr date1904="1"): 43585 = 2023-05-01
 * (45047 − 1462, Microsoft "Differences between the 1900 and the 1904 date system"), date
 * formatted; 43586 plain = 2023-05-02. */
static void dates1904(void)
{
    lxw_workbook *wb = workbook_new("1904_dates_src.xlsx");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy/m/d");
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    writeHeader(ws);
    worksheet_write_string(ws, 1, 0, "Z1", NULL);
    worksheet_write_string(ws, 1, 1, "一般压力表", NULL);
    worksheet_write_number(ws, 1, 2, 43585, date);
    worksheet_write_string(ws, 1, 3, "合格", NULL);
    worksheet_write_string(ws, 2, 0, "Z2", NULL);
    worksheet_write_string(ws, 2, 1, "一般压力表", NULL);
    worksheet_write_number(ws, 2, 2, 43586, NULL);
    worksheet_write_string(ws, 2, 3, "合格", NULL);
    workbook_close(wb);
}

/* First sheet empty, second sheet with one record. */
static void emptySheet(void)
{
    lxw_workbook *wb = workbook_new("empty_sheet.xlsx");
    workbook_add_worksheet(wb, "空");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "数据");
    writeHeader(ws);
    worksheet_write_string(ws, 1, 0, "E1", NULL);
    worksheet_write_string(ws, 1, 1, "一般压力表", NULL);
    worksheet_write_string(ws, 1, 2, "2023-05-01", NULL);
    worksheet_write_string(ws, 1, 3, "合格", NULL);
    workbook_close(wb);
}

int main(void)
{
    excelDates();
    inlineStrings();
    dates1904();
    emptySheet();
    return 0;
}
