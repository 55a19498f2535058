#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Plans kept in the workspace: plan save → list → export → evaluate --plan-name → delete, and the
# errors (invalid plan, unknown name, --plan with --plan-name) with their exit codes.
set -uo pipefail
cli=$1
plan=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { if ! eval "$1"; then echo "FAILED: $1"; failures=$((failures + 1)); fi; }
json() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$2)" "$3"; }
expect_error() {
    local expected_code=$1; shift
    "$@" > "$work/out" 2> "$work/err"
    local code=$?
    if [ "$code" -ne "$expected_code" ] || [ "$(wc -l < "$work/err")" -ne 1 ] \
        || ! grep -q "error:" "$work/err"; then
        echo "FAILED: '$*' exited $code:"; cat "$work/err"
        failures=$((failures + 1))
    fi
}

"$cli" sample --out "$work/sample" --records 2000 --seed 5 --no-xlsx > /dev/null || exit 1
"$cli" import --workspace "$work/w.metroeval" "$work/sample/truth_records.csv" > /dev/null || exit 1
w="$work/w.metroeval"

"$cli" plan save --workspace "$w" --name "季度评价" --user tester "$plan" > "$work/save.json"
check '[ $? -eq 0 ]'
check '[ "$(json "" "[\"name\"]" "$work/save.json")" = "季度评价" ]'
"$cli" plan list --workspace "$w" > "$work/list.json"
check '[ "$(json "" "[\"count\"]" "$work/list.json")" -eq 1 ]'
check '[ "$(json "" "[\"plans\"][0][\"user\"]" "$work/list.json")" = "tester" ]'

# Export gives the plan back in its normalised form: it parses and saves again unchanged.
"$cli" plan export --workspace "$w" --name "季度评价" --out "$work/exported.json" > "$work/export.json"
check '[ -s "$work/exported.json" ]'
check '[ "$(json "" "[\"format\"]" "$work/exported.json")" = "metroeval-plan/1" ]'
check '[ "$(json "" "[\"title\"]" "$work/exported.json")" = "$(json "" "[\"title\"]" "$plan")" ]'
"$cli" plan save --workspace "$w" --name "季度评价" "$work/exported.json" > /dev/null
"$cli" plan export --workspace "$w" --name "季度评价" --out "$work/again.json" > /dev/null
check 'cmp -s "$work/exported.json" "$work/again.json"'
check '[ "$(json "" "[\"count\"]" <("$cli" plan list --workspace "$w"))" -eq 1 ]'

# Evaluating the stored plan gives the same result as the file it came from.
"$cli" evaluate --workspace "$w" --plan-name "季度评价" --out "$work/by-name.json" > "$work/e1.json"
check '[ $? -eq 0 ]'
"$cli" evaluate --workspace "$w" --plan "$work/exported.json" --out "$work/by-file.json" > "$work/e2.json"
check '[ "$(json "" "[\"data_fingerprint\"]" "$work/e1.json")" = "$(json "" "[\"data_fingerprint\"]" "$work/e2.json")" ]'
check '[ "$(json "" "[\"indicators\"][\"pass_rate\"]" "$work/by-name.json")" = "$(json "" "[\"indicators\"][\"pass_rate\"]" "$work/by-file.json")" ]'

printf '{"format":"metroeval-plan/1","group_by":["colour"]}' > "$work/badplan.json"
expect_error 1 "$cli" plan save --workspace "$w" --name bad "$work/badplan.json"
grep -q "group_by" "$work/err" || { echo "FAILED: no JSON path in the error"; failures=$((failures + 1)); }
expect_error 2 "$cli" plan save --workspace "$w" "$plan"
expect_error 2 "$cli" plan frobnicate --workspace "$w"
expect_error 1 "$cli" plan export --workspace "$w" --name nosuch --out "$work/x.json"
expect_error 1 "$cli" evaluate --workspace "$w" --plan-name nosuch --out "$work/x.json"
expect_error 2 "$cli" evaluate --workspace "$w" --plan "$plan" --plan-name "季度评价" --out "$work/x.json"
expect_error 1 "$cli" plan list --workspace "$work/absent.metroeval"
check '[ ! -e "$work/x.json" ] && [ ! -e "$work/absent.metroeval" ]'

"$cli" plan delete --workspace "$w" --name "季度评价" > "$work/delete.json"
check '[ "$(json "" "[\"deleted\"]" "$work/delete.json")" = "True" ]'
check '[ "$(json "" "[\"count\"]" <("$cli" plan list --workspace "$w"))" -eq 0 ]'
expect_error 1 "$cli" plan delete --workspace "$w" --name "季度评价"

if [ "$failures" -ne 0 ]; then echo "cli_plans: $failures failure(s)"; exit 1; fi
echo "cli_plans: all checks passed"
