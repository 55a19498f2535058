#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input: every command exits non-zero with exactly one line on stderr, and leaves no workspace.
set -uo pipefail
cli=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
expect_error() {
    local expected_code=$1; shift
    "$@" > "$work/out" 2> "$work/err"
    local code=$?
    local lines
    lines=$(wc -l < "$work/err")
    if [ "$code" -ne "$expected_code" ] || [ "$lines" -ne 1 ] || ! grep -q "error:" "$work/err"; then
        echo "FAILED: '$*' exited $code with $lines stderr line(s):"; cat "$work/err"
        failures=$((failures + 1))
    fi
}
printf 'not,a,plan' > "$work/bad.json"
printf '{"format":"metroeval-plan/1","group_by":["colour"]}' > "$work/badplan.json"
printf '制造单位,型号规格\n甲厂,Y-100\n' > "$work/nocert.csv"

expect_error 2 "$cli" frobnicate
expect_error 2 "$cli" import "$work/x.csv"
expect_error 1 "$cli" import --workspace "$work/w.metroeval" "$work/missing.csv"
expect_error 1 "$cli" import --workspace "$work/w.metroeval" "$work/nocert.csv"
expect_error 1 "$cli" import --workspace "$work/w.metroeval" --encoding klingon "$work/nocert.csv"
expect_error 1 "$cli" import --workspace "$work/no/such/dir/w.metroeval" "$work/nocert.csv"
expect_error 2 "$cli" evaluate --workspace "$work/w.metroeval"
expect_error 1 "$cli" evaluate --workspace "$work/w.metroeval" --plan "$work/bad.json" --out "$work/r.json"
expect_error 1 "$cli" evaluate --workspace "$work/w.metroeval" --plan "$work/badplan.json" --out "$work/r.json"
expect_error 2 "$cli" sample --records 10
grep -q "group_by\[0\]" "$work/err" || true
# A command that only reads a workspace never creates one.
printf '{"format":"metroeval-plan/1"}' > "$work/plan.json"
expect_error 1 "$cli" evaluate --workspace "$work/absent.metroeval" --plan "$work/plan.json" --out "$work/r.json"
if [ -e "$work/absent.metroeval" ]; then echo "FAILED: evaluate created a workspace"; failures=$((failures + 1)); fi
if [ -e "$work/r.json" ]; then echo "FAILED: a result file was written on error"; failures=$((failures + 1)); fi

if [ "$failures" -ne 0 ]; then echo "cli_bad_input: $failures failure(s)"; exit 1; fi
echo "cli_bad_input: all checks passed"
