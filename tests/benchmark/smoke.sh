#!/usr/bin/env bash
# CTest: bulkwatch-bench with N=5 must run and print every documented key as a number.
set -euo pipefail
out="$("$1" --jobs 5 --files 4 --finished 20 --seconds 3 --json 2>/dev/null)"
python3 - "$out" <<'PY'
import json, sys
o = json.loads(sys.argv[1])
keys = ["gui_stall_max_ms", "gui_stall_p99_ms", "freshness_p50_s", "freshness_max_s", "requests_per_s", "rate_limited",
        "rss_peak_mb", "startup_ms", "parse_mb_s_1024", "parse_mb_s_10000", "python_json_mb_s", "idle_cpu_s_per_min",
        "parse_reference_mb_s_1024", "parse_reference_mb_s_10000", "python_json_mb_s_1024", "python_json_mb_s_10000",
        "parse_vs_python_1024", "parse_vs_python_10000", "parse_vs_python_target"]
missing = [k for k in keys if not isinstance(o.get(k), (int, float))]
base = o.get("baseline", {})
missing += ["baseline." + k for k in ("rate_limited", "freshness_p50_s", "freshness_max_s") if not isinstance(base.get(k), (int, float))]
assert not missing, "missing or not numbers: %s" % missing
assert o["jobs_seen"] >= 5, o["jobs_seen"]
assert o["startup_ms"] > 0 and o["parse_mb_s_1024"] > 0 and o["python_json_mb_s"] > 0
print("benchmark smoke: all %d keys present; stall max %.1f ms, freshness p50 %.1f s, %d x 429" %
      (len(keys) + 3, o["gui_stall_max_ms"], o["freshness_p50_s"], o["rate_limited"]))
PY
# --only parse: the parse figures alone (both sizes, beside Python), and nothing of the live phases.
out="$("$1" --only parse --seconds 3 --json 2>/dev/null)"
python3 - "$out" <<'PY'
import json, sys
o = json.loads(sys.argv[1])
for k in ("parse_mb_s_1024", "parse_mb_s_10000", "python_json_mb_s_1024", "python_json_mb_s_10000", "parse_vs_python_1024", "parse_vs_python_10000"):
    assert isinstance(o.get(k), (int, float)) and o[k] > 0, (k, o.get(k))
assert o["parse_vs_python_target"] == 2 and isinstance(o["parse_target_met"], bool)
assert "gui_stall_max_ms" not in o and "baseline" not in o, "--only parse ran other phases"
print("benchmark smoke: --only parse: %.1f× / %.1f× Python" % (o["parse_vs_python_1024"], o["parse_vs_python_10000"]))
PY
