"""Native measurements for docs/performance.md (issue 4), run by scripts/bench
with the test venv's Python. Writes JSON to stdout:

* peer: the PyPI chinesecalendar package answering the same kind of queries
  as the criterion calendar benches (add 1-40 working days to a start in
  2004-2026; count working days in (from, to]), microseconds per query;
* batch: `yekuo check --batch` throughput on typical cases (S0 case 1 with
  shifted dates), writing summaries (the default) and whole reports
  (`--full`), and its peak memory at two input sizes (streaming means the
  peak does not grow with the input);
* due: `yekuo due` (issue 15) on 100,000 and 1,000,000 worklist cases
  (S0 case 1's dates cut at a stage and shifted, so that every state
  occurs on the day looked at), from JSONL and from CSV: cases per second
  and peak memory, which must stay flat (the sorted output is spilled to
  temporary runs past 2 MiB);
* scaling: one case whose lists (contractors, pauses, circuits) are 1x, 10x
  and 100x long, checked whole (`--format json`) and as a batch summary:
  time and output bytes per run, which must grow in proportion (issue 11:
  the duplicate scan once made 16,000 contractors take 7 s).
"""
import datetime as dt
import json
import pathlib
import random
import subprocess
import sys
import tempfile
import time

import chinese_calendar as cc

root = pathlib.Path(__file__).resolve().parents[2]
rng = random.Random(20261122)
first, last = dt.date(2004, 1, 1), dt.date(2026, 10, 1)  # answers stay in 2026
one = dt.timedelta(days=1)
N = 20000
queries = [(first + dt.timedelta(days=rng.randrange((last - first).days)), rng.randint(1, 40)) for _ in range(N)]

t = time.perf_counter()
for start, n in queries:
    cc.find_workday(n - 1, start + one)  # yekuo's CAL-02 sense: start not counted
add_us = (time.perf_counter() - t) / N * 1e6
t = time.perf_counter()
for start, n in queries:
    cc.get_workdays(start + one, start + dt.timedelta(days=n * 2))
count_us = (time.perf_counter() - t) / N * 1e6

case = json.loads((root / "examples" / "s0-case1-110kv.json").read_text())


def write_cases(path, n):
    with open(path, "w") as f:
        for i in range(n):
            c = json.loads(json.dumps(case))
            c["title"] = f"batch {i}"
            shift = dt.timedelta(days=i % 400)
            c["dates"] = {k: (dt.date.fromisoformat(v) + shift).isoformat() for k, v in case["dates"].items()}
            f.write(json.dumps(c, ensure_ascii=False) + "\n")


def run_batch(n, extra=()):
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / "cases.jsonl"
        write_cases(path, n)
        rss = pathlib.Path(d) / "rss"
        t = time.perf_counter()
        # GNU time reports this one run's peak resident set (KiB).
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(rss), str(root / "target" / "release" / "yekuo"),
                            "check", "--batch", str(path), "--as-of", "2012-01-01", *extra],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        secs = time.perf_counter() - t
        if p.returncode not in (0, 1):
            sys.exit(f"batch failed: {p.stderr.decode()[:500]}")
        # The size of a report line, from a short untimed run (writing the
        # timed run's output to a file would time the disk instead).
        head = path.with_name("head.jsonl")
        head.write_text("".join(path.read_text().splitlines(keepends=True)[:200]))
        p = subprocess.run([str(root / "target" / "release" / "yekuo"), "check", "--batch", str(head),
                            "--as-of", "2012-01-01", *extra], capture_output=True)
        return {"cases": n, "seconds": secs, "cases_per_second": n / secs, "peak_rss_kb": int(rss.read_text().split()[-1]),
                "report_bytes_per_case": len(p.stdout) / 200}


def scaled_case(k):
    """S0 with 30k contractors, 30k pauses (one day each, every third
    day) and 30k circuits: about 7 KB at 1x, 700 KB at 100x (the
    case-file cap is 1 MiB)."""
    c = json.loads(json.dumps(case))
    n = 30 * k
    c["contractors"] = [dict(case["contractors"][i % len(case["contractors"])], name=f"c{i}") for i in range(n)]
    start = dt.date(2009, 1, 20)
    c["paused"] = [{"from": (start + dt.timedelta(days=3 * i)).isoformat(),
                    "to": (start + dt.timedelta(days=3 * i)).isoformat()} for i in range(n)]
    c.setdefault("supply", {})["circuits"] = [{"substation": f"S{i % 7}", "bus_section": f"B{i % 3}"} for i in range(n)]
    return c


def run_scaling():
    exe = str(root / "target" / "release" / "yekuo")
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for k in (1, 10, 100):
            path = pathlib.Path(d) / f"case{k}.json"
            path.write_text(json.dumps(scaled_case(k), ensure_ascii=False))
            line = pathlib.Path(d) / f"case{k}.jsonl"
            line.write_text(json.dumps(scaled_case(k), ensure_ascii=False) + "\n")
            row = {"k": k, "contractors": 30 * k, "input_bytes": path.stat().st_size}
            for name, args in (("full", ["check", str(path), "--format", "json", "--as-of", "2010-07-01"]),
                               ("summary", ["check", "--batch", str(line), "--as-of", "2010-07-01"])):
                times, out = [], b""
                for _ in range(5):
                    t = time.perf_counter()
                    p = subprocess.run([exe, *args], capture_output=True)
                    times.append(time.perf_counter() - t)
                    if p.returncode not in (0, 1):
                        sys.exit(f"scaling run failed: {p.stderr.decode()[:500]}")
                    out = p.stdout
                row[name] = {"seconds": sorted(times)[2], "output_bytes": len(out)}
            rows.append(row)
    return rows


STAGES = ["accepted", "plan_issued", "construction_start", "completion_requested", "inspected",
          "inspection_passed", "power_on"]
DUE_COLUMNS = ["title", "category", "business", "voltage_kv", "operator"] + STAGES


def worklist_cases(n):
    """Worklist cases: S0 case 1 with its dates kept up to stage i % 7 and
    shifted by up to 800 days, so that on 2010-06-01 some steps are overdue,
    some due soon, some paused (none: no pauses), some plans unused."""
    for i in range(n):
        shift = dt.timedelta(days=(i * 7) % 800)
        keep = STAGES[: 1 + i % len(STAGES)]
        dates = {k: (dt.date.fromisoformat(case["dates"][k]) + shift).isoformat() for k in keep}
        yield f"case {i}", dates


def write_worklist(path, n, fmt):
    with open(path, "w") as f:
        if fmt == "csv":
            f.write(",".join(DUE_COLUMNS) + "\n")
        for title, dates in worklist_cases(n):
            if fmt == "csv":
                f.write(",".join([title, "高压", "新装", "110", "SGCC"] + [dates.get(k, "") for k in STAGES]) + "\n")
            else:
                c = {"format": "yekuo-case/1", "title": title,
                     "customer": {"category": "高压", "business": "新装", "voltage_kv": 110},
                     "utility": {"operator": "SGCC"}, "dates": dates}
                f.write(json.dumps(c, ensure_ascii=False) + "\n")


def run_due(n, fmt):
    exe = str(root / "target" / "release" / "yekuo")
    with tempfile.TemporaryDirectory() as d:
        path = pathlib.Path(d) / f"cases.{fmt}"
        write_worklist(path, n, fmt)
        rss = pathlib.Path(d) / "rss"
        args = ["due", str(path), "--as-of", "2010-06-01"]
        t = time.perf_counter()
        # Peak resident set (KiB) and the CPU seconds of this one run: on a
        # shared machine the CPU time says what one core does, the wall
        # time what a user waits.
        p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", str(rss), exe, *args],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        secs = time.perf_counter() - t
        if p.returncode not in (0, 1):
            sys.exit(f"due failed: {p.stderr.decode()[:500]}")
        kb, user, system = rss.read_text().split()[-3:]
        cpu = float(user) + float(system)
        at_risk = subprocess.run([exe, *args], capture_output=True).stdout.count(b"\n")
        return {"cases": n, "format": fmt, "input_bytes": path.stat().st_size, "seconds": secs,
                "cases_per_second": n / secs, "cpu_seconds": cpu, "cases_per_cpu_second": n / max(cpu, 1e-3),
                "peak_rss_kb": int(kb), "at_risk": at_risk}


due = [run_due(n, fmt) for fmt in ("jsonl", "csv") for n in (100000, 1000000)]
scaling = run_scaling()
small = run_batch(2000)
large = run_batch(50000)
full = run_batch(20000, ["--full"])
json.dump({
    "chinesecalendar": {"version": "1.11.0", "add_us": add_us, "count_us": count_us, "queries": N},
    "batch_small": small,
    "batch_large": large,
    "batch_full": full,
    "scaling": scaling,
    "due": due,
}, sys.stdout, indent=2)
