#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs metroeval-cli sample → import → clean → evaluate → report and checks every step's JSON and the PDF.
set -euo pipefail
cli=$1
plan=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() { if ! eval "$1"; then echo "FAILED: $1"; exit 1; fi; }
json() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$2)" "$3"; }

"$cli" --version | grep -Eq '^metroeval-cli [0-9]+\.[0-9]+\.[0-9]+$'

"$cli" sample --out "$work/sample" --records 3000 --seed 11 --no-xlsx > "$work/sample.json"
check '[ -s "$work/sample/export.csv" ]'

"$cli" import --workspace "$work/w.metroeval" "$work/sample/export.csv" > "$work/import.json"
rows=$(json "" "['rows_read']" "$work/import.json")
imp=$(json "" "['imported']" "$work/import.json")
dup=$(json "" "['duplicates']" "$work/import.json")
qua=$(json "" "['quarantined']" "$work/import.json")
check '[ "$rows" -gt 2900 ]'
check '[ "$rows" -eq $((imp + dup + qua)) ]'
check '[ "$(json "" "[\"batch_id\"]" "$work/import.json")" -ge 1 ]'

"$cli" clean --workspace "$work/w.metroeval" --accept-aliases auto > "$work/clean.json"
check '[ "$(json "" "[\"accept_aliases\"]" "$work/clean.json")" = "auto" ]'

"$cli" evaluate --workspace "$work/w.metroeval" --plan "$plan" --out "$work/result.json" > "$work/evaluate.json"
check '[ "$(json "" "[\"groups\"]" "$work/evaluate.json")" -ge 3 ]'
check '[ "$(json "" "[\"format\"]" "$work/result.json")" = "metroeval-result/1" ]'

"$cli" report --workspace "$work/w.metroeval" --result "$work/result.json" --audience regulator \
    --pdf "$work/report.pdf" > "$work/report.json"
check '[ -s "$work/report.pdf" ]'
pdftotext -layout "$work/report.pdf" "$work/report.txt"
# The Chinese text is real text in the PDF, not pictures of it.
check 'grep -q "一般压力表合格率评价" "$work/report.txt"'
check 'grep -q "合格率" "$work/report.txt"'
check 'grep -q "数据级别" "$work/report.txt"'
check 'grep -q "监管部门" "$work/report.txt"'
# The data section carries the data-quality summary (GB/T 36344 dimensions).
check 'grep -q "数据质量" "$work/report.txt"'
check 'grep -q "完整性" "$work/report.txt"'
# The font is Noto Sans CJK SC and it is embedded.
pdffonts "$work/report.pdf" > "$work/fonts.txt"
check 'grep -E "NotoSansCJKsc" "$work/fonts.txt" | grep -q " yes "'
check '! grep -E "NotoSansCJKjp" "$work/fonts.txt"'
check '[ "$(pdfinfo "$work/report.pdf" | awk "/^Pages:/ {print \$2}")" -eq 1 ]'
# The English report is English.
"$cli" report --workspace "$work/w.metroeval" --result "$work/result.json" --audience internal \
    --language en --pdf "$work/report-en.pdf" > /dev/null
check 'pdftotext "$work/report-en.pdf" - | grep -q "Pass rate by Manufacturer"'
echo "cli_end_to_end: all checks passed"
