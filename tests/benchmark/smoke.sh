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
        "parse_vs_python_1024", "parse_vs_python_10000", "parse_vs_python_target",
        "sim_describes_per_s_1024", "sim_describes_per_s_1024_milvus", "sim_describes_per_s_1024_cloud_v2",
        "sim_reference_describes_per_s_1024_milvus", "sim_reference_describes_per_s_1024_cloud_v2",
        "sim_describes_per_s_target", "load_average_1m_at_start"]
missing = [k for k in keys if not isinstance(o.get(k), (int, float))]
base = o.get("baseline", {})
missing += ["baseline." + k for k in ("rate_limited", "freshness_p50_s", "freshness_max_s") if not isinstance(base.get(k), (int, float))]
assert not missing, "missing or not numbers: %s" % missing
assert o["jobs_seen"] >= 5, o["jobs_seen"]
assert o["startup_ms"] > 0 and o["parse_mb_s_1024"] > 0 and o["python_json_mb_s"] > 0
# Every phase says who set its pace; the simulator's speed is measured in both dialects, beside the QJson path.
assert o["bottleneck"] in ("none", "simulator", "machine") and isinstance(o["live_figures_valid"], bool), o.get("bottleneck")
for phase in ("live", "baseline"):
    b = o["bottlenecks"][phase]
    assert b["bottleneck"] in ("none", "simulator", "machine") and b["sim_cpu_cores"] >= 0 and b["load_average_1m_before"] >= 0, (phase, b)
assert o["sim_describes_per_s_1024_milvus"] > 0 and o["sim_describes_per_s_1024_cloud_v2"] > 0
assert o["sim_speed"]["milvus"]["answer_kb"] > 100 and o["sim_speed"]["milvus"]["errors"] == 0, o["sim_speed"]["milvus"]
assert o["targets"]["sim_describes_per_s_1024"] == 200 and isinstance(o["sim_target_met"], bool)
print("benchmark smoke: all %d keys present; stall max %.1f ms, freshness p50 %.1f s, %d x 429, simulator %.0f describes/s" %
      (len(keys) + 3, o["gui_stall_max_ms"], o["freshness_p50_s"], o["rate_limited"], o["sim_describes_per_s_1024"]))
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
# --only sim: the simulator's describes/s alone, both dialects, beside the QJsonDocument path of the same run.
out="$("$1" --only sim --jobs 5 --seconds 3 --json 2>/dev/null)"
python3 - "$out" <<'PY'
import json, sys
o = json.loads(sys.argv[1])
for k in ("sim_describes_per_s_1024", "sim_describes_per_s_1024_milvus", "sim_describes_per_s_1024_cloud_v2",
          "sim_reference_describes_per_s_1024_milvus", "sim_reference_describes_per_s_1024_cloud_v2"):
    assert isinstance(o.get(k), (int, float)) and o[k] > 0, (k, o.get(k))
for k in ("milvus", "cloud_v2", "milvus_reference", "cloud_v2_reference"):
    assert o["sim_speed"][k]["bottleneck"] in ("none", "simulator", "machine"), o["sim_speed"][k]
assert "gui_stall_max_ms" not in o and "parse_mb_s_1024" not in o and "baseline" not in o, "--only sim ran other phases"
print("benchmark smoke: --only sim: %.0f / %.0f describes/s (QJson path %.0f / %.0f)" % (
    o["sim_describes_per_s_1024_milvus"], o["sim_describes_per_s_1024_cloud_v2"],
    o["sim_reference_describes_per_s_1024_milvus"], o["sim_reference_describes_per_s_1024_cloud_v2"]))
PY
