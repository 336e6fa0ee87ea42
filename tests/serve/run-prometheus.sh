#!/usr/bin/env bash
# CTest: a real Prometheus scrapes `bulkwatch serve`, which watches bulkwatch-sim; asserts through Prometheus'
# query API that a failed job's state series is 1 and a running job's progress rises; runs every dashboard and
# rule query there; `promtool check metrics` on a scraped page, `promtool check rules` / `test rules` on the rules.
# Everything on 127.0.0.1, in a temp dir. Usage: run-prometheus.sh BULKWATCH BULKWATCH_SIM
set -euo pipefail
bulkwatch="$1"; sim="$2"
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
rules="$root/packaging/prometheus/bulkwatch.rules.yml"
dashboard="$root/packaging/prometheus/bulkwatch-grafana-dashboard.json"

if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
  # Under CI, scripts/deps.sh installs prometheus: a skip there would hide a missing dependency.
  if [ -n "${CI:-}" ]; then echo "prometheus/promtool missing, and CI is set: scripts/deps.sh should have installed them"; exit 1; fi
  echo "BULKWATCH-SKIPPED: prometheus and promtool are not installed (apt-get install prometheus)"; exit 0
fi

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; for f in sim.out serve.err prometheus.log; do echo "--- $f"; tail -n 30 "$tmp/$f" 2>/dev/null || true; done; exit 1; }
# Waits up to $1 seconds for the command after it to succeed.
wait_for() { local n=$(( $1 * 4 )); shift; for _ in $(seq "$n"); do if "$@"; then return 0; fi; sleep 0.25; done; return 1; }

echo "== promtool: rules and their unit tests"
promtool check rules "$rules" || fail "promtool check rules"
promtool test rules "$here/bulkwatch.rules.test.yml" || fail "promtool test rules"
python3 "$here/check-dashboard.py" "$dashboard" || fail "dashboard structure"

echo "== bulkwatch-sim, bulkwatch serve (no DISPLAY)"
"$sim" --port 0 --speed 4 --scenario demo >"$tmp/sim.out" 2>&1 & pids+=($!)
wait_for 20 grep -q '^listening on' "$tmp/sim.out" || fail "the simulator did not start"
sim_url="$(sed -n 's/^listening on \(http[^ ]*\).*/\1/p' "$tmp/sim.out")"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
  "$bulkwatch" serve --endpoint "$sim_url" --listen 127.0.0.1:0 --history "$tmp/serve.sqlite" 2>"$tmp/serve.err" & pids+=($!)
wait_for 20 grep -q 'listening on http' "$tmp/serve.err" || fail "bulkwatch serve did not start"
metrics_url="$(sed -n 's/.*listening on \(http[^ ,]*\).*/\1/p' "$tmp/serve.err" | head -n 1)"
target="${metrics_url#http://}"; target="${target%/metrics}"

echo "== promtool check metrics on a scraped page"
wait_for 20 sh -c "curl -sf '$metrics_url' | grep -q 'bulkwatch_import_state{'" || fail "no job on $metrics_url"
curl -sf "$metrics_url" >"$tmp/page.txt"
set +e; promtool check metrics <"$tmp/page.txt" >"$tmp/lint.txt" 2>&1; lint_rc=$?; set -e
# The one finding promtool has: issue 18 names the gauge bulkwatch_import_rows_total (dashboards rely on it).
others="$(grep -v '^bulkwatch_import_rows_total non-counter metrics should not have "_total" suffix$' "$tmp/lint.txt" || true)"
if [ "$lint_rc" -ne 0 ] && [ "$lint_rc" -ne 3 ]; then cat "$tmp/lint.txt"; fail "promtool could not parse the page (exit $lint_rc)"; fi
[ -z "$others" ] || { echo "$others"; fail "promtool check metrics found problems"; }

echo "== prometheus on loopback"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
cat >"$tmp/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: ["$rules"]
scrape_configs:
  - job_name: bulkwatch
    static_configs:
      - targets: ["$target"]
YML
prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/tsdb" --web.listen-address="127.0.0.1:$port" \
  >"$tmp/prometheus.log" 2>&1 & pids+=($!)
api="http://127.0.0.1:$port/api/v1"
wait_for 60 curl -sf "$api/status/buildinfo" -o /dev/null || fail "prometheus did not answer on 127.0.0.1:$port"

# query EXPR -> the result vector as JSON lines "labels<TAB>value"; fails the test if the query is refused.
query() {
  curl -sf --get "$api/query" --data-urlencode "query=$1" | python3 -c '
import json, sys
r = json.load(sys.stdin)
if r.get("status") != "success":
    sys.exit("query refused: " + json.dumps(r))
for s in r["data"]["result"]:
    if "value" in s:
        print(json.dumps(s["metric"], sort_keys=True) + "\t" + s["value"][1])
'
}
nonempty() { [ -n "$(query "$1")" ]; }

echo "== a failed job's state series is 1"
wait_for 60 nonempty 'bulkwatch_import_state{job="bulkwatch",state="failed"} == 1' || fail "no failed job with state 1 in Prometheus"
query 'bulkwatch_import_state{state="failed"} == 1' | head -n 3
echo "== a running job's progress rises"
rising='(bulkwatch_import_progress_ratio - bulkwatch_import_progress_ratio offset 5s > 0) and on (connection, job_id, collection, database) (bulkwatch_import_state{state="running"} == 1)'
wait_for 90 nonempty "$rising" || fail "no running job's progress rose within 90 s"
query "$rising" | head -n 3
echo "== the connection is up, and the scrape is healthy"
[ "$(query 'bulkwatch_connection_up' | cut -f2)" = "1" ] || fail "bulkwatch_connection_up is not 1"
[ "$(query 'up{job="bulkwatch"}' | cut -f2)" = "1" ] || fail "the scrape target is not up"

echo "== the dashboard names only metrics the scraped page declares"
python3 "$here/check-dashboard.py" "$dashboard" --page "$tmp/page.txt" || fail "the dashboard names a metric the page does not have"
echo "== every dashboard query returns data in Prometheus, and every rule runs"
# The demo scenario has failed, running and completed jobs: a query with a wrong label value or name comes back
# empty, and fails here.
while IFS= read -r expr; do
  query "$expr" >/dev/null || fail "dashboard query refused: $expr"
  wait_for 60 nonempty "$expr" || fail "dashboard query returns no data: $expr"
done < <(python3 "$here/check-dashboard.py" "$dashboard" --exprs)
curl -sf "$api/rules" | python3 -c '
import json, sys
groups = json.load(sys.stdin)["data"]["groups"]
rules = [r for g in groups for r in g["rules"]]
bad = [r["name"] for r in rules if r.get("health") != "ok"]
assert len(rules) == 4 and not bad, (len(rules), bad)
print("rules loaded and healthy:", ", ".join(r["name"] for r in rules))
' || fail "the alert rules are not loaded and healthy in Prometheus"
wait_for 30 sh -c "curl -sf '$api/alerts' | grep -q BulkwatchImportFailed" || fail "BulkwatchImportFailed did not fire"

echo "== SIGTERM stops serve with its history written"
serve_pid="${pids[1]}"
kill -TERM "$serve_pid"
wait "$serve_pid" || fail "bulkwatch serve did not exit 0 on SIGTERM"
grep -q 'stopped, history written' "$tmp/serve.err" || fail "no 'stopped' line"
# The history holds the jobs, all in the file (the write-ahead log was checkpointed and removed at close).
[ ! -e "$tmp/serve.sqlite-wal" ] || fail "serve.sqlite-wal left behind after SIGTERM"
jobs="$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from jobs").fetchone()[0])' "$tmp/serve.sqlite")"
[ "$jobs" -gt 0 ] || fail "the history has no jobs after SIGTERM"
echo "history after SIGTERM: $jobs jobs"
echo "prometheus test: every check holds"
