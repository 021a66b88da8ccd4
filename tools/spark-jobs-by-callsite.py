#!/usr/bin/env python3
"""Where a Spark application's jobs and query time go, by the project's call site.

Reads an uncompressed Spark event log (a file, or a directory of them) and prints, per first
io.opencdp frame of each SQL query's call site: queries, their wall time, and the Spark jobs they
ran (Delta's file listings and AQE's stage jobs included). Job counts do not depend on the load of
a shared machine; times do. For a test class:

  mvn -q -B test -pl resolve -Dtest=ProfileIdStabilityTest \\
    "-Dspark.test-conf=-Dspark.sql.codegen.wholeStage=false -Dspark.sql.codegen.factoryMode=NO_CODEGEN \\
     -Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false -Dspark.eventLog.dir=file:///tmp/evlog"
  tools/spark-jobs-by-callsite.py /tmp/evlog [top]
"""
import collections
import glob
import json
import os
import re
import sys


def events(path):
    files = [path] if os.path.isfile(path) else sorted(
        f for f in glob.glob(os.path.join(path, "**", "*"), recursive=True) if os.path.isfile(f))
    for f in files:
        with open(f) as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def main(path, top):
    queries, job_query, job_start = {}, {}, {}
    jobs, job_ms = collections.Counter(), collections.Counter()
    for e in events(path):
        kind = e["Event"]
        if kind.endswith("SQLExecutionStart"):
            frames = [l.strip() for l in e.get("details", "").split("\n") if "io.opencdp" in l]
            queries[e["executionId"]] = dict(
                root=e.get("rootExecutionId", e["executionId"]), start=e["time"],
                site=re.sub(r"^io\.opencdp\.", "", frames[0]) if frames else e["description"][:60])
        elif kind.endswith("SQLExecutionEnd") and e["executionId"] in queries:
            queries[e["executionId"]]["end"] = e["time"]
        elif kind == "SparkListenerJobStart":
            q = e.get("Properties", {}).get("spark.sql.execution.id")
            q = int(q) if q is not None else None
            site = "(no query)"
            if q in queries:
                root = queries[q]["root"]
                site = queries[root]["site"] if root in queries else queries[q]["site"]
            job_query[e["Job ID"]] = site
            job_start[e["Job ID"]] = e["Submission Time"]
            jobs[site] += 1
        elif kind == "SparkListenerJobEnd" and e["Job ID"] in job_start:
            job_ms[job_query[e["Job ID"]]] += e["Completion Time"] - job_start[e["Job ID"]]
    count, wall = collections.Counter(), collections.Counter()
    for x, q in queries.items():
        if q["root"] == x and "end" in q:
            count[q["site"]] += 1
            wall[q["site"]] += q["end"] - q["start"]
    print(f"{sum(jobs.values())} jobs, {sum(count.values())} queries, {sum(wall.values())} ms in queries")
    print(f"{'queries':>7} {'ms':>7} {'jobs':>5} {'job ms':>7}  call site")
    for site in sorted(set(wall) | set(jobs), key=lambda s: (-wall[s], -jobs[s]))[:top]:
        print(f"{count[site]:7d} {wall[site]:7d} {jobs[site]:5d} {job_ms[site]:7d}  {site}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40)
