#!/usr/bin/env python3
"""The baseline: what the pymilvus example does -- one describe request per job every 5 s, no backoff.

Usage: naive_poller.py BASE_URL SECONDS JOB_ID... ; prints one JSON line per answer
({"t": epoch ms, "jobId", "state", "progress"}) and a last line {"rate_limited": N, "requests": N}.
Standard library only.
"""
import json
import sys
import time
import urllib.error
import urllib.request


def main():
    base, seconds, jobs = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    end = time.time() + seconds
    rate_limited = requests = 0
    while time.time() < end:
        cycle = time.time()
        for job in jobs:
            if time.time() >= end:
                break
            req = urllib.request.Request(base + "/v2/vectordb/jobs/import/describe",
                                         data=json.dumps({"jobId": job}).encode(),
                                         headers={"Content-Type": "application/json"})
            requests += 1
            try:
                with urllib.request.urlopen(req, timeout=20) as resp:
                    body = json.loads(resp.read())
            except urllib.error.HTTPError as e:
                if e.code == 429:
                    rate_limited += 1
                continue
            except (urllib.error.URLError, OSError, ValueError):
                continue
            if body.get("code") in (8, 4, 1807, 429):
                rate_limited += 1
                continue
            data = body.get("data") or {}
            progress = data.get("progress")
            if progress is None and data.get("readyPercentage") is not None:
                progress = data["readyPercentage"] * 100
            print(json.dumps({"t": time.time() * 1000, "jobId": job, "state": data.get("state"),
                              "progress": progress}), flush=True)
        time.sleep(max(0.0, 5.0 - (time.time() - cycle)))
    print(json.dumps({"rate_limited": rate_limited, "requests": requests}), flush=True)


if __name__ == "__main__":
    main()
