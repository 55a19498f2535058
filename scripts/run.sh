#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The main job: set up, build, then run MetroEval.
#  - with a display: the workbench window, on a demo workspace made from the bundled sample data;
#  - without one: the headless demo evaluation (sample → import → clean → evaluate → PDF report), ending
#    with the report's path.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh dev --target metroeval-cli metroeval > /dev/null
cli=build/dev/app/cli/metroeval-cli
demo=${METROEVAL_DEMO_DIR:-build/demo}

make_demo_workspace() {
    rm -rf "$demo"
    mkdir -p "$demo"
    "$cli" sample --out "$demo/sample" --records 20000 --seed 1 > "$demo/sample.json"
    "$cli" import --workspace "$demo/demo.metroeval" "$demo/sample/export.csv" > "$demo/import.json"
    "$cli" clean --workspace "$demo/demo.metroeval" --accept-aliases auto > "$demo/clean.json"
}

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    [ -f "$demo/demo.metroeval" ] || make_demo_workspace
    exec build/dev/app/gui/metroeval "$demo/demo.metroeval"
fi

make_demo_workspace
"$cli" evaluate --workspace "$demo/demo.metroeval" --plan resources/plans/demo-plan.json \
    --out "$demo/result.json" > "$demo/evaluate.json"
"$cli" report --workspace "$demo/demo.metroeval" --result "$demo/result.json" \
    --audience regulator --pdf "$demo/report.pdf" > "$demo/report.json"
python3 - "$demo" <<'PY'
import json, sys
d = sys.argv[1]
i = json.load(open(f"{d}/import.json")); e = json.load(open(f"{d}/evaluate.json"))
print(f"imported {i['imported']} of {i['rows_read']} rows ({i['duplicates']} duplicates, "
      f"{i['quarantined']} quarantined); evaluated {e['records_in_scope']} records in {e['groups']} groups")
PY
echo "PDF report: $(realpath "$demo/report.pdf")"
