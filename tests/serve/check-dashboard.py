#!/usr/bin/env python3
"""Structural check of the Grafana dashboard shipped in packaging/prometheus: valid JSON that Grafana imports
(the fields it requires), the panels the issue names, unique ids, panels inside the 24-column grid, and queries
that name only metrics `bulkwatch serve` writes (with --page FILE: those a scraped page declares, not the list
below). With --exprs it prints every query, one a line (for the real-Prometheus test, which runs each one)."""
import json
import re
import sys

METRICS = {
    "bulkwatch_import_progress_ratio", "bulkwatch_import_rows_imported", "bulkwatch_import_rows_total",
    "bulkwatch_import_rows_per_second", "bulkwatch_import_state", "bulkwatch_import_last_change_timestamp_seconds",
    "bulkwatch_import_created_timestamp_seconds", "bulkwatch_import_completed_timestamp_seconds",
    "bulkwatch_connection_up", "bulkwatch_requests_total", "bulkwatch_rate_limited_total",
    "bulkwatch_last_answer_timestamp_seconds",
}
REQUIRED_TITLES = {"Jobs by state", "Progress per job", "Rows per second", "Failures"}
PANEL_TYPES = {"stat", "bargauge", "timeseries", "table", "gauge", "text", "row"}


def fail(msg):
    print("dashboard: " + msg)
    sys.exit(1)


def metrics_on_page(page_path):
    """The families a scraped /metrics page declares (its # TYPE lines): what serve really writes."""
    with open(page_path, encoding="utf-8") as f:
        return {l.split()[2] for l in f if l.startswith("# TYPE ")}


def main():
    path = sys.argv[1]
    metrics = METRICS
    if "--page" in sys.argv:
        metrics = metrics_on_page(sys.argv[sys.argv.index("--page") + 1])
        if not metrics:
            fail("the scraped page declares no metric")
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    for key, kind in (("title", str), ("uid", str), ("schemaVersion", int), ("panels", list), ("time", dict)):
        if not isinstance(d.get(key), kind):
            fail(f"'{key}' missing or not a {kind.__name__}")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", d["uid"]):
        fail("uid must be 1-40 letters, digits, - or _")
    ids, titles, exprs = set(), set(), []
    for p in d["panels"]:
        for key in ("id", "type", "title", "gridPos"):
            if key not in p:
                fail(f"panel {p.get('title')!r} has no '{key}'")
        if p["id"] in ids:
            fail(f"panel id {p['id']} twice")
        ids.add(p["id"])
        titles.add(p["title"])
        if p["type"] not in PANEL_TYPES:
            fail(f"panel {p['title']!r}: unknown type {p['type']!r}")
        g = p["gridPos"]
        if not (g["x"] >= 0 and g["w"] > 0 and g["x"] + g["w"] <= 24 and g["h"] > 0 and g["y"] >= 0):
            fail(f"panel {p['title']!r} is outside the 24-column grid: {g}")
        if p["type"] == "row":
            continue
        if not p.get("targets"):
            fail(f"panel {p['title']!r} has no query")
        refs = [t["refId"] for t in p["targets"]]
        if len(set(refs)) != len(refs):
            fail(f"panel {p['title']!r}: refId twice")
        for t in p["targets"]:
            expr = t.get("expr", "")
            names = set(re.findall(r"\bbulkwatch_[a-z_]+", expr))
            if not names:
                fail(f"panel {p['title']!r}: a query without a bulkwatch metric: {expr!r}")
            unknown = names - metrics
            if unknown:
                fail(f"panel {p['title']!r}: no such metric {sorted(unknown)}")
            if t.get("datasource", {}).get("uid") != "${DS_PROMETHEUS}":
                fail(f"panel {p['title']!r}: the data source must be the ${{DS_PROMETHEUS}} input")
            exprs.append(expr)
    missing = REQUIRED_TITLES - titles
    if missing:
        fail(f"panels missing: {sorted(missing)}")
    if [i["name"] for i in d.get("__inputs", [])] != ["DS_PROMETHEUS"]:
        fail("the dashboard must ask for its Prometheus data source on import (__inputs DS_PROMETHEUS)")
    if "--exprs" in sys.argv:
        for e in exprs:
            print(" ".join(e.split()))
    else:
        print(f"dashboard: {len(d['panels'])} panels, {len(exprs)} queries, every check holds")


if __name__ == "__main__":
    main()
