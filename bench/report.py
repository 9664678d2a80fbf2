"""Turn the measurements of bench/measure.py into one table, judge the targets, write the JSON.

    python bench/report.py [--results bench/results]

Reads ``pages-<scale>.json`` (the pages at each scale; the one measured under load,
normally L, is compared with the others, normally S), ``live.json`` (live endpoints, the
500-person scenario, worker memory), ``scaleout.json`` (the scenario across two
app processes) and ``run.json`` (written by bench/run: data generation time,
versions) from the results folder, prints the table and the targets, and writes
everything to ``latest.json`` there. Exits 1 when a target is not met.
Needs only the standard library.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from notify import judge_notify  # bench/notify.py: the notification targets (issue 16)

MAX_QUERIES = 15
RATIO = {"cached": 0.5, "uncached": 0.2, "search": 0.2, "live": None}
UNCHANGED_POLL_RATIO = 0.7
SEARCH_P95_FACTOR = 10
WALL_P95_SECONDS = 1.0  # with push (the stream); the polling walls are measured beside it
POLL_P95_SECONDS = 3.0
WORKER_MB = 200
GENERATE_L_SECONDS = 300
BENCH_SECONDS = 15 * 60
# Signed-in members (bench/members.py): a single request, and under 16 members beside the bare view.
MEMBER_SINGLE_MS = 150
MEMBER_RATIO = 0.3
# The first request after a change of a page's data (the caches bypassed), at the larger scale.
COLD_MS = 300
# The mixed scenario: visitors' throughput while content changes and members write, and their p99.
MIXED_RATIO = 0.8
MIXED_P99_MS = 300


def read(folder, name):
    path = folder / name
    return json.loads(path.read_text()) if path.exists() else None


def machine():
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration):
        memory_kb = 0
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def git_commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


class Judge:
    """Collects the targets: name, met or not, and the numbers behind it."""

    def __init__(self):
        self.targets = []

    def __call__(self, name, met, detail=""):
        self.targets.append({"target": name, "met": bool(met), "detail": detail})
        return met


def baseline(result):
    runs = [r["load"] for r in (result.get("bare"), result.get("bare_after")) if r and "load" in r]
    if not runs:
        return None
    return {
        "rps": sum(r["rps"] for r in runs) / len(runs),
        "p95_ms": sum(r["p95_ms"] for r in runs) / len(runs),
        "median_ms": sum(r["median_ms"] for r in runs) / len(runs),
    }


def build_rows(small, large, live, bare):
    """One row per page (and live endpoint) with the numbers of both scales (``queries_s``: the small one)."""
    by_name_s = {row["name"]: row for row in (small or {}).get("pages", [])}
    rows = []
    for row in (large or {}).get("pages", []) + (live or {}).get("endpoints", []):
        s_row = by_name_s.get(row["name"], {})
        out = {
            "page": row["name"],
            "kind": row["kind"],
            "path": row.get("path"),
            "missing": row.get("missing"),
            "error": row.get("error"),
            "first_seconds": row.get("first_seconds"),
            "cold_ms": row.get("cold_ms"),
            "queries_s": s_row.get("queries"),
            "queries_l": row.get("queries"),
        }
        if "load" in row:
            out.update(
                median_ms=row["load"]["median_ms"],
                p95_ms=row["load"]["p95_ms"],
                rps=row["load"]["rps"],
                errors=row["load"]["errors"],
                ratio=round(row["load"]["rps"] / bare["rps"], 2) if bare else None,
            )
        if "revisit" in row:
            out["revisit_rps"] = row["revisit"]["rps"]
        rows.append(out)
    return rows


def judge_rows(rows, bare, judge, scales):
    for row in rows:
        name = row["page"]
        if row["missing"]:
            judge(f"{name}: exists", False, row["missing"])
            continue
        if row["error"]:
            judge(f"{name}: answers, and fast enough to load", False, row["error"])
        if row["kind"] != "live":
            same = row["queries_s"] == row["queries_l"]
            judge(
                f"{name}: queries same at {scales[0]} and {scales[1]}, at most {MAX_QUERIES}",
                same and row["queries_l"] is not None and row["queries_l"] <= MAX_QUERIES,
                f"{scales[0]} {row['queries_s']}, {scales[1]} {row['queries_l']}",
            )
        else:
            judge(
                f"{name}: at most {MAX_QUERIES} queries", (row["queries_l"] or 0) <= MAX_QUERIES, f"{row['queries_l']}"
            )
        minimum = UNCHANGED_POLL_RATIO if name == "wall poll, unchanged" else RATIO.get(row["kind"])
        if minimum and row.get("ratio") is not None:
            judge(f"{name}: at least {minimum} of the bare view's req/s", row["ratio"] >= minimum, f"{row['ratio']}")
        if row["kind"] == "search" and "p95_ms" in row and bare:
            limit = SEARCH_P95_FACTOR * bare["p95_ms"]
            judge(
                f"{name}: p95 within {SEARCH_P95_FACTOR}× the bare view's",
                row["p95_ms"] <= limit,
                f"{row['p95_ms']} ms ≤ {limit:.1f} ms",
            )
        if row.get("errors") or row.get("rps") == 0:
            judge(f"{name}: answers under load without errors", False, f"{row['errors']} errors, {row['rps']} req/s")


def judge_scenario(label, scenario, judge, *, cross_host=False, within=WALL_P95_SECONDS):
    if not scenario:
        judge(f"live scenario ({label}): ran", False, "no result")
        return
    expected = scenario["expected_posts"]
    judge(f"live ({label}): zero errors", scenario["errors"] == 0, f"{scenario['errors']} errors")
    judge(
        f"live ({label}): every contribution stored exactly once",
        scenario["stored"] == expected and scenario["stored_distinct"] == expected,
        f"{scenario['stored']} stored, {scenario['stored_distinct']} distinct, {expected} posted",
    )
    p95 = scenario["wall_latency_p95_s"]
    judge(
        f"live ({label}): new contribution on every wall within {within:.0f} s at p95",
        p95 is not None and p95 <= within,
        f"p95 {p95 if p95 is None else round(p95, 2)} s (median {scenario['wall_latency_median_s']}), "
        f"{scenario['wall_missing']} never shown, {scenario.get('wall_duplicated', 0)} shown twice",
    )
    judge(
        f"live ({label}): no wall misses or repeats a contribution",
        scenario["wall_missing"] == 0 and scenario.get("wall_duplicated", 0) == 0,
        f"{scenario['wall_missing']} missing, {scenario.get('wall_duplicated', 0)} duplicated",
    )
    if cross_host:
        judge(
            f"live ({label}): walls show posts made on the other process",
            scenario["cross_host_sightings"] > 0 and scenario["wall_missing"] == 0,
            f"{scenario['cross_host_sightings']} sightings across processes",
        )


def member_rows(members):
    """One row per page as a signed-in member, with its ratio to the bare view of the same run."""
    if not members:
        return [], None
    bare = baseline(members)
    rows = []
    for row in members.get("pages", []):
        out = {"page": row["name"], "missing": row.get("missing"), "error": row.get("error"),
               "queries": row.get("queries"), "cold_ms": row.get("cold_ms"), "single_ms": row.get("single_ms")}  # fmt: skip
        if "load" in row:
            out.update(median_ms=row["load"]["median_ms"], p95_ms=row["load"]["p95_ms"], rps=row["load"]["rps"],
                       errors=row["load"]["errors"], ratio=round(row["load"]["rps"] / bare["rps"], 2) if bare else None)  # fmt: skip
        rows.append(out)
    return rows, bare


def judge_members(rows, judge):
    for row in rows:
        name = f"{row['page']} (member)"
        if row["missing"] or row["error"]:
            judge(f"{name}: answers", False, row["missing"] or row["error"])
            continue
        single = row.get("single_ms")
        judge(f"{name}: a single request within {MEMBER_SINGLE_MS} ms (median)",
              single is not None and single <= MEMBER_SINGLE_MS, f"{single} ms")  # fmt: skip
        ratio = row.get("ratio")
        judge(f"{name}: at least {MEMBER_RATIO} of the bare view's req/s under 16 members",
              ratio is not None and ratio >= MEMBER_RATIO, f"{ratio}")  # fmt: skip
        judge(
            f"{name}: cold render within {COLD_MS} ms", (row.get("cold_ms") or 0) <= COLD_MS, f"{row.get('cold_ms')} ms"
        )
        if row.get("errors"):
            judge(f"{name}: answers under load without errors", False, f"{row['errors']} errors")


def judge_cold(rows, judge):
    for row in rows:
        if row["kind"] == "live" or row["missing"] or row.get("cold_ms") is None:
            continue
        judge(f"{row['page']}: cold render within {COLD_MS} ms", row["cold_ms"] <= COLD_MS, f"{row['cold_ms']} ms")


def judge_mixed(mixed, judge):
    if not mixed:
        judge("mixed scenario: ran", False, "no result")
        return
    busy = mixed["busy"]
    judge(f"mixed: visitors keep at least {MIXED_RATIO} of their quiet req/s", (mixed.get("ratio") or 0) >= MIXED_RATIO,
          f"{mixed['quiet']['rps']}/{mixed['quiet_after']['rps']} quiet, {busy['rps']} busy: {mixed.get('ratio')}")  # fmt: skip
    judge(f"mixed: visitors' p99 within {MIXED_P99_MS} ms", busy["p99_ms"] <= MIXED_P99_MS, f"{busy['p99_ms']} ms")
    judge("mixed: no errors", busy["errors"] == 0 and mixed["member_writes"]["failed"] == 0
          and mixed["public_changes"]["failed"] == 0,
          f"{busy['errors']} visitor errors, {mixed['member_writes']} member writes, {mixed['public_changes']} changes")  # fmt: skip


def judge_poster(poster, judge):
    """bench/members.py poster: after the first render a visitor always gets a poster, the new one soon."""
    if not poster:
        judge("poster: ran", False, "no result")
        return
    meanwhile = poster.get("meanwhile") or {}
    judge("poster: served once made, the previous copy while a change is rendered (no 503)",
          "error" not in poster and "503" not in meanwhile,
          f"{poster.get('single_ms')} ms alone, {poster.get('load', {}).get('rps')} req/s; meanwhile {meanwhile}")  # fmt: skip


def print_poster(poster):
    if not poster:
        return
    print(f"Poster {poster['path']} (task worker running): first render {poster.get('first_render_s')} s "
          f"(first answer {poster.get('first_status')}); served {poster.get('single_ms')} ms alone, "
          f"{poster.get('load', {}).get('rps')} req/s; change → new poster served "
          f"{poster.get('change_to_served_s')} s (task render time), meanwhile {poster.get('meanwhile')}.\n")  # fmt: skip


def print_members(report):
    rows = report.get("member_rows") or []
    if not rows:
        return
    headers = ["page (signed-in member)", "queries", "cold ms", "single ms", "median ms", "p95 ms", "req/s", "× bare"]
    lines = [[row["page"], *("" if row.get(k) is None else str(row.get(k))
              for k in ("queries", "cold_ms", "single_ms", "median_ms", "p95_ms", "rps", "ratio"))] for row in rows]  # fmt: skip
    bare = report.get("member_bare")
    if bare:
        lines.append(["bare view (same run)", "", "", "", f"{bare['median_ms']:.2f}", f"{bare['p95_ms']:.2f}",
                      f"{bare['rps']:.1f}", "1.0"])  # fmt: skip
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
    mixed = report.get("mixed")
    if mixed:
        print(
            f"\nMixed scenario (visitors on {', '.join(mixed['paths'])}; {mixed['public_changes']['ok']} public "
            f"changes, {mixed['member_writes']['ok']} member writes): quiet {mixed['quiet']['rps']} and "
            f"{mixed['quiet_after']['rps']} req/s (p99 {mixed['quiet']['p99_ms']} ms), busy {mixed['busy']['rps']} "
            f"req/s (p99 {mixed['busy']['p99_ms']} ms): {mixed['ratio']} of quiet.\n"
        )


LEGEND = """
queries: SQL queries of one request with the caches bypassed, at both scales. cold ms: the time
of such a request at the larger scale (what the first visitor after a change waits). median,
p95, req/s: wrk with 16 connections accepting gzip, as browsers do, after every worker was warmed.
x bare: req/s relative to the bare view served by the same processes in the same run.
304 req/s: revisits with If-None-Match. Live rows: single endpoints; the scenario is below."""


def print_table(report):
    small, large = report["scales"]
    headers = [
        "page",
        "kind",
        f"queries {small}",
        f"queries {large}",
        "cold ms",
        "median ms",
        "p95 ms",
        "req/s",
        "× bare",
        "304 req/s",
    ]
    lines = []
    for row in report["rows"]:
        if row["missing"] or (row["error"] and "rps" not in row):
            problem = f"missing: {row['missing']}" if row["missing"] else row["error"]
            cells = [
                row["page"],
                row["kind"],
                row["queries_s"],
                row["queries_l"],
                row["cold_ms"],
                problem,
                "",
                "",
                "",
                "",
            ]
        else:
            cells = [
                row["page"],
                row["kind"],
                row["queries_s"],
                row["queries_l"],
                row.get("cold_ms"),
                row.get("median_ms"),
                row.get("p95_ms"),
                row.get("rps"),
                row.get("ratio"),
                row.get("revisit_rps"),
            ]
        lines.append(["" if c is None else str(c) for c in cells])
    bare = report.get("bare")
    if bare:
        lines.append(["bare view (baseline)", "", "", "", "", f"{bare['median_ms']:.2f}", f"{bare['p95_ms']:.2f}",
                      f"{bare['rps']:.1f}", "1.0", ""])  # fmt: skip
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    machine = report["machine"]
    out = [
        f"Weten wat werkt: benchmark of {report['date']} on {machine['cpu']} ({machine['cores']} cores, "
        f"{machine['memory_gb']} GB; load average {machine.get('load_before', '?')} before the run)"
    ]
    out.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    out.append(LEGEND)
    out.append("")
    print("\n".join(out))
    print_members(report)
    print_poster(report.get("poster"))
    out = []
    for target in report["targets"]:
        out.append(f"[{'met' if target['met'] else 'NOT MET'}] {target['target']}: {target['detail']}")
    met = sum(t["met"] for t in report["targets"])
    out.append(f"\n{met} of {len(report['targets'])} targets met.")
    print("\n".join(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", default=str(Path(__file__).resolve().parent / "results"))
    args = parser.parse_args()
    folder = Path(args.results)
    measured = [json.loads(path.read_text()) for path in sorted(folder.glob("pages-*.json"))]
    large = next((m for m in measured if m.get("load")), measured[-1] if measured else None)
    small = next((m for m in measured if m is not large), None)
    scales = [(small or {}).get("scale", "-"), (large or {}).get("scale", "-")]
    live, scaleout, run = read(folder, "live.json"), read(folder, "scaleout.json"), read(folder, "run.json") or {}
    bare = baseline(large or {})
    rows = build_rows(small, large, live, bare)
    judge = Judge()
    judge_rows(rows, bare, judge, scales)
    judge_cold(rows, judge)
    members, mixed = read(folder, "members.json"), read(folder, "mixed.json")
    m_rows, m_bare = member_rows(members)
    judge_members(m_rows, judge)
    judge_mixed(mixed, judge)
    poster = read(folder, "poster.json")
    judge_poster(poster, judge)
    judge_scenario("one process", (live or {}).get("scenario"), judge)
    judge_scenario("one process, polling", (live or {}).get("scenario_polling"), judge, within=POLL_P95_SECONDS)
    judge_scenario("2,000 participants", (live or {}).get("scenario_2000"), judge)
    judge_scenario("two processes", (scaleout or {}).get("scenario"), judge, cross_host=True)
    memory = (live or {}).get("worker_memory_mb") or []
    judge(
        f"memory: every gunicorn worker under {WORKER_MB} MB after the load",
        bool(memory) and max(memory) < WORKER_MB,
        f"{memory} MB",
    )
    judge_notify(read(folder, "notify-publish.json"), read(folder, "notify-digest.json"), judge)
    if "generate_l_seconds" in run:
        seconds = run["generate_l_seconds"]
        judge(f"data: scale L generated in under {GENERATE_L_SECONDS} s", seconds < GENERATE_L_SECONDS, f"{seconds} s")
    if "total_seconds" in run:
        seconds = run["total_seconds"]
        judge(f"bench: runs in under {BENCH_SECONDS // 60} minutes", seconds < BENCH_SECONDS, f"{seconds} s")
    if "load_before" in run:
        run.setdefault("machine", {})["load_before"] = run["load_before"]
    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {**machine(), **run.get("machine", {})},
        "commit": git_commit(),
        "scales": scales,
        "settings": run.get("settings", {}),
        "bare": bare,
        "rows": rows,
        "member_rows": m_rows,
        "member_bare": m_bare,
        "mixed": mixed,
        "poster": poster,
        "targets": judge.targets,
        "scenario": (live or {}).get("scenario"),
        "scenario_polling": (live or {}).get("scenario_polling"),
        "scenario_2000": (live or {}).get("scenario_2000"),
        "scaleout": (scaleout or {}).get("scenario"),
        "worker_memory_mb": memory,
        "generate": {k: v for k, v in run.items() if k.startswith("generate")},
    }
    (folder / "latest.json").write_text(json.dumps(report, indent=2))
    print_table(report)
    print(f"Written to {folder / 'latest.json'}")
    return 0 if all(t["met"] for t in judge.targets) else 1


if __name__ == "__main__":
    sys.exit(main())
