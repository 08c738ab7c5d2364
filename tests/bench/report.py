"""Writes docs/performance.md from the measurements of scripts/bench:
target/criterion (criterion estimates), target/bench/native.json,
target/bench/web.json and the budgets in tests/bench/budgets.json."""
import datetime as dt
import json
import os
import pathlib
import platform
import subprocess

root = pathlib.Path(__file__).resolve().parents[2]
budgets = json.loads((root / "tests/bench/budgets.json").read_text())
native = json.loads((root / "target/bench/native.json").read_text())
web = json.loads((root / "target/bench/web.json").read_text())
before = json.loads((root / "tests/bench/size-before.json").read_text())


def crit(group, name):
    est = json.loads((root / "target/criterion" / group / name / "new/estimates.json").read_text())
    return est["median"]["point_estimate"]  # ns per iteration


QUERIES_PER_ITER = 1024  # benches/core.rs runs 1024 queries per iteration
add_ns = crit("calendar", "add_working_days") / QUERIES_PER_ITER
count_ns = crit("calendar", "working_days_between") / QUERIES_PER_ITER
isw_ns = crit("calendar", "is_working_day") / QUERIES_PER_ITER
eval_us = crit("case", "evaluate_s0") / 1000
parse_us = crit("case", "parse_s0") / 1000
json_us = crit("case", "report_json_s0") / 1000
summarize_us = crit("case", "summarize_s0") / 1000
summary_json_us = crit("case", "summary_json_s0") / 1000
due_us = crit("case", "next_deadlines_s0") / 1000
load_us = crit("load", "rulebook_from_files") / 1000

cal = web["calendar"]
speed_add = cal["peerAddMs"] / cal["oursAddMs"]
speed_count = cal["peerCountMs"] / cal["oursCountMs"]
b = web["bundle"]
first_load = sum(b[f]["gzip"] for f in budgets["first_load_gzip_bytes"]["files"])
first_load_br = sum(b[f]["brotli"] for f in budgets["first_load_gzip_bytes"]["files"])
full_load = sum(b[f]["gzip"] for f in budgets["full_load_gzip_bytes"]["files"])
full_load_br = sum(b[f]["brotli"] for f in budgets["full_load_gzip_bytes"]["files"])
clerk = web.get("load_clerk")
# The first load when issue 16 was filed, when the single file carried the
# same one bundle (tests/bench/size-before.json).
filed_first_load = before["first_load_gzip_when_filed"]
first_shrink = 1 - first_load / filed_first_load
kiosk_filed = budgets["single_file_kiosk_bytes"]["before"]
kiosk_shrink_gzip = 1 - b["single_file"]["gzip"] / kiosk_filed["gzip"]
kiosk_shrink_raw = 1 - b["single_file"]["raw"] / kiosk_filed["raw"]


def yes(ok):
    return "met" if ok else "**not met**"


rows = [
    ("First-load transfer, gzip (html+js+css+wasm incl. rules and calendar): a customer's first visit, the start bundle",
     "≤ 200 KB (stretch 150 KB)",
     f"{first_load / 1000:.0f} KB (brotli {first_load_br / 1000:.0f} KB); the full app's load (clerk, kiosk, "
     f"a saved form or link) {full_load / 1000:.0f} KB (brotli {full_load_br / 1000:.0f} KB)",
     yes(first_load <= budgets["first_load_gzip_bytes"]["target"])),
    ("Single-file kiosk copy shrinks at least as much as the first load did (issue 16; from the sizes when it was filed)",
     f"≥ {first_shrink:.0%} (the first load's: {filed_first_load:,} -> {first_load:,} bytes gzip)",
     f"{kiosk_shrink_gzip:.0%} gzip, {kiosk_shrink_raw:.0%} raw ({kiosk_filed['gzip']:,} -> {b['single_file']['gzip']:,} gzip, "
     f"{kiosk_filed['raw']:,} -> {b['single_file']['raw']:,} raw)",
     yes(min(kiosk_shrink_gzip, kiosk_shrink_raw) >= first_shrink)),
    ("Page usable, first visit, 4x CPU + Slow 4G: a customer's start page", "≤ 2.5 s", f"{web['load']['first_visit_ms'] / 1000:.2f} s",
     yes(web["load"]["first_visit_ms"] <= budgets["first_visit_ms"]["target"])),
    ("Page usable, repeat visit (service worker), same throttling", "≤ 0.6 s", f"{web['load']['repeat_visit_ms'] / 1000:.2f} s",
     yes(web["load"]["repeat_visit_ms"] <= budgets["repeat_visit_ms"]["target"])),
    *([("Form usable, first and repeat visit in clerk mode (the full app), same throttling", "≤ 2.5 s and ≤ 0.6 s",
        f"{clerk['first_visit_ms'] / 1000:.2f} s and {clerk['repeat_visit_ms'] / 1000:.2f} s",
        yes(clerk["first_visit_ms"] <= budgets["first_visit_ms"]["target"]
            and clerk["repeat_visit_ms"] <= budgets["repeat_visit_ms"]["target"]))] if clerk else []),
    ("Evaluation of S0 case 1 in Chromium, median", "≤ 50 µs",
     f"{web['evaluate_us']['unthrottled']:.0f} µs ({web['evaluate_us']['cpu4x']:.0f} µs at 4x CPU)",
     yes(web["evaluate_us"]["unthrottled"] <= budgets["evaluate_browser_median_us"]["target"])),
    ("Input event to results updated, p95", "≤ 16 ms", f"{web['keystroke_p95_ms']:.1f} ms (median {web['keystroke_median_ms']:.1f} ms)",
     yes(web["keystroke_p95_ms"] <= budgets["keystroke_p95_ms"]["target"])),
    (f"Clerk's worklist of {web['worklist']['cases']:,} cases: as-of date changed to the list updated, in Chromium",
     "≤ 100 ms",
     f"median {web['worklist']['recompute_median_ms']:.0f} ms, slowest {web['worklist']['recompute_max_ms']:.0f} ms "
     f"(import of the JSONL file {web['worklist']['import_ms'] / 1000:.1f} s; {web['worklist']['stored_cases']:,} cases stored, "
     f"{web['worklist']['stored_chars'] / 1e6:.1f} M characters of localStorage)",
     yes(web["worklist"]["recompute_max_ms"] <= budgets["worklist_recompute_ms"]["target"]
         and web["worklist"]["stored_cases"] == web["worklist"]["cases"])),
    (f"Calendar, {cal['n']:,} add + count queries vs npm chinese-days, same page", "≥ 10x faster, same answers",
     f"add {speed_add:.0f}x, count {speed_count:.0f}x; answers differ on {cal['addDiff']} add and {cal['countDiff']} count queries, "
     f"{cal['unexplained']} of them not explained by 2005-12-31 (see below)",
     yes(min(speed_add, speed_count) >= 10 and cal["unexplained"] == 0)),
    ("`yekuo check --batch`, typical cases, one core", "≥ 100,000 cases/s",
     f"{native['batch_large']['cases_per_second']:,.0f} cases/s writing summaries "
     f"({native['batch_large']['report_bytes_per_case'] / 1000:.1f} KB per line); "
     f"{native['batch_full']['cases_per_second']:,.0f} cases/s with `--full` "
     f"({native['batch_full']['report_bytes_per_case'] / 1000:.0f} KB per report)",
     yes(native["batch_large"]["cases_per_second"] >= 100000)),
    ("Batch memory as input grows", "flat",
     f"{native['batch_small']['peak_rss_kb'] / 1024:.1f} MiB at {native['batch_small']['cases']:,} cases, "
     f"{native['batch_large']['peak_rss_kb'] / 1024:.1f} MiB at {native['batch_large']['cases']:,}",
     yes(native["batch_large"]["peak_rss_kb"] <= native["batch_small"]["peak_rss_kb"] * 1.2)),
    ("`yekuo due`, 1,000,000 worklist cases, one core", "≥ 100,000 cases/s, flat memory",
     "; ".join(f"{r['format'].upper()} {r['cases']:,}: {r['cases_per_second']:,.0f} cases/s "
               f"({r['cases_per_cpu_second']:,.0f} per CPU second), "
               f"{r['peak_rss_kb'] / 1024:.1f} MiB ({r['at_risk']:,} at risk)" for r in native["due"]),
     yes(min(r["cases_per_second"] for r in native["due"]) >= budgets["due_cases_per_second"]["target"]
         and all(big["peak_rss_kb"] <= small["peak_rss_kb"] * 1.2
                 for small in native["due"] for big in native["due"]
                 if small["format"] == big["format"] and big["cases"] > small["cases"]))),
    ("wasm memory after load", "≤ 8 MB", f"{web['wasm_memory_bytes'] / 2**20:.1f} MiB",
     yes(web["wasm_memory_bytes"] <= budgets["wasm_memory_bytes"]["target"])),
]

def wasm_sections(path):
    """(section name, raw bytes, gzip bytes) for each section of a wasm file."""
    import gzip
    data = path.read_bytes()
    names = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
             7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count"}
    i, out = 8, []
    while i < len(data):
        sid = data[i]
        i += 1
        size = shift = 0
        while True:
            byte = data[i]
            i += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        body = data[i:i + size]
        out.append((names.get(sid, str(sid)), size, len(gzip.compress(body, 9, mtime=0))))
        i += size
    return out


# The start bundle (the first load) and the full app (issue 16).
sections = wasm_sections(root / "dist/pkg/yekuo_start_bg.wasm")
full_sections = wasm_sections(root / "dist/pkg/yekuo_www_bg.wasm")


def by_crate(twiggy_csv):
    """Code bytes by crate from twiggy's CSV; {} when twiggy did not run."""
    crates = {}
    if not twiggy_csv.exists():
        return crates
    import csv
    import re
    for r in csv.DictReader(twiggy_csv.open()):
        name = r["Name"]
        if name.startswith(("data segment", '"function names"', "custom section")) or "Σ" in name or "..." in name:
            continue
        if "serde" in name:
            key = "serde, serde_json (instantiated for our types)"
        else:
            m = re.findall(r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
            key = m[0] if m else "other"
        crates[key] = crates.get(key, 0) + int(r["ShallowSize"])
    return crates


crates = by_crate(root / "target/bench/twiggy-start.csv")
full_crates = by_crate(root / "target/bench/twiggy.csv")

cpu = "unknown"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()

out = [
    "# Performance",
    "",
    f"Measured {dt.date.today().isoformat()} by `scripts/bench` on {cpu}, {os.cpu_count()} cores, "
    f"{platform.system()} {platform.release()}; {rustc}; Chromium {web['chromium']} headless. "
    "Regenerate with `scripts/bench`; do not edit by hand.",
    "",
    "## Budgets (issue 4)",
    "",
    "| Budget | Goal | Measured | |",
    "|---|---|---|---|",
]
out += [f"| {a} | {g} | {m} | {s} |" for a, g, m, s in rows]
out += [
    "",
    "## Core, native (criterion, median)",
    "",
    "| Operation | Time |",
    "|---|---|",
    f"| `add_working_days` (1–40 days from a start in 2004–2026) | {add_ns:.1f} ns |",
    f"| `working_days_between` | {count_ns:.1f} ns |",
    f"| `is_working_day` | {isw_ns:.1f} ns |",
    f"| `parse_case` (S0 case 1) | {parse_us:.1f} µs |",
    f"| `evaluate` (S0 case 1) | {eval_us:.1f} µs |",
    f"| report to JSON (S0 case 1) | {json_us:.1f} µs |",
    f"| `summarize` (S0 case 1: outcomes without explanations, what `--batch` writes) | {summarize_us:.1f} µs |",
    f"| `eval::due::next_deadlines` (S0 case 1: what `yekuo due` computes per case) | {due_us:.1f} µs |",
    f"| summary to JSON (S0 case 1) | {summary_json_us:.1f} µs |",
    f"| load and validate the rulebook from TOML | {load_us:.0f} µs |",
    "",
    "Peer, natively: PyPI `chinesecalendar` "
    f"{native['chinesecalendar']['version']} on {native['chinesecalendar']['queries']:,} queries of the same kind: "
    f"{native['chinesecalendar']['add_us']:.0f} µs per add (`find_workday`), {native['chinesecalendar']['count_us']:.0f} µs per count "
    f"(`get_workdays`), that is {native['chinesecalendar']['add_us'] * 1000 / add_ns:,.0f}x and "
    f"{native['chinesecalendar']['count_us'] * 1000 / count_ns:,.0f}x slower than yekuo.",
    "",
    "## Scaling with list length (issue 11)",
    "",
    "One case (S0 case 1) with its contractors, pauses and circuits at 1x, 10x and 100x: "
    "`yekuo check CASE --format json` (whole report) and `yekuo check --batch` (summary), "
    "median of 5 runs of the release binary, process start included. Growth must be linear: "
    "100x the rows may cost about 100x the time and bytes, not 10,000x.",
    "",
    "| Rows per list | Input | Whole report: time | Whole report: output | Summary: time | Summary: output |",
    "|---|---|---|---|---|---|",
    *[f"| {r['contractors']:,} ({r['k']}x) | {r['input_bytes'] / 1000:,.0f} KB | {r['full']['seconds'] * 1000:.0f} ms "
      f"| {r['full']['output_bytes'] / 1e6:.2f} MB | {r['summary']['seconds'] * 1000:.0f} ms "
      f"| {r['summary']['output_bytes'] / 1000:,.0f} KB |" for r in native["scaling"]],
    "",
    "## Calendar in the browser, against chinese-days",
    "",
    f"{cal['n']:,} random queries (start 2004-01-01..2026-10-31, add 1–40 working days; count over 0–59 days), "
    "run in one page: yekuo's wasm (`probe_add_working_days`, `probe_count_working_days`) and npm "
    "`chinese-days` 1.5.7 (`findWorkday`, `getWorkdaysInRange(...).length`).",
    "",
    "| | yekuo (wasm) | chinese-days | speed-up |",
    "|---|---|---|---|",
    f"| add | {cal['oursAddMs']:.0f} ms | {cal['peerAddMs']:.0f} ms | {speed_add:.0f}x |",
    f"| count | {cal['oursCountMs']:.0f} ms | {cal['peerCountMs']:.0f} ms | {speed_count:.0f}x |",
    "",
    "Differing answers come from one day: chinese-days 1.5.7 has Saturday 2005-12-31 as a rest day, while the "
    "State Council's 2006 notice made it a working day (yekuo follows the notice; see the oracle test). "
    f"Examples: {json.dumps(cal['examples'], ensure_ascii=False)}",
    "",
    "## Bundle",
    "",
    "| File | Raw | gzip | brotli |",
    "|---|---|---|---|",
]
out += [f"| {name} | {v['raw']:,} | {v['gzip']:,} | {v['brotli']:,} |" for name, v in b.items()]
full_gzip = dict((n, (raw, gz)) for n, raw, gz in full_sections)
out += [
    "",
    "The wasm by section (after wasm-opt; each section compressed alone), the start bundle and the full app:",
    "",
    "| Section | Start: raw | Start: gzip | Full app: raw | Full app: gzip |",
    "|---|---|---|---|---|",
]
out += [f"| {n} | {raw:,} | {gz:,} | {full_gzip.get(n, (0, 0))[0]:,} | {full_gzip.get(n, (0, 0))[1]:,} |"
        for n, raw, gz in sections if raw > 1000 or full_gzip.get(n, (0, 0))[0] > 1000]
for title, table in (("the start bundle", crates), ("the full app", full_crates)):
    if not table:
        continue
    total = sum(table.values())
    out += [
        "",
        f"Code before wasm-opt by crate, {title} (twiggy, shallow sizes; generic code counts where it is "
        "instantiated, so `core` and `alloc` hold much that our types and yew instantiate):",
        "",
        "| Crate | Bytes | Share |",
        "|---|---|---|",
    ]
    out += [f"| {k} | {v:,} | {100 * v / total:.0f}% |" for k, v in sorted(table.items(), key=lambda kv: -kv[1])[:10]]
after_sections = {n: gz for n, _, gz in sections if n in before["sections_gzip"]}
out += [
    "",
    f"## First load before and after issue 16 (before: commit {before['commit']})",
    "",
    "| File, gzip | Before | After |",
    "|---|---|---|",
]


def n(v):
    return "—" if v is None else f"{v:,}"


first_files = budgets["first_load_gzip_bytes"]["files"]
out += [f"| {f} | {n(before['files_gzip'].get(f))} | {n(b[f]['gzip'] if f in first_files else None)} |"
        for f in [*before["files_gzip"], *(f for f in first_files if f not in before["files_gzip"])]]
out += [f"| **first load** | **{before['first_load_gzip']:,}** | **{first_load:,}** |"]
kiosk_before = budgets["single_file_kiosk_bytes"]["before"]
out += [f"| **single-file kiosk copy** (dist-single/yekuo-kiosk.html; its own module since issue 16), raw / gzip | "
        f"**{kiosk_before['raw']:,} / {kiosk_before['gzip']:,}** | **{b['single_file']['raw']:,} / {b['single_file']['gzip']:,}** |"]
out += [f"| {k} (the full app: the second path, clerk, kiosk, a saved form or link; not in the first load) | — | {b[k]['gzip']:,} |"
        for k in budgets["full_load_gzip_bytes"]["files"] if k not in first_files]
lazy = {k: v for k, v in b.items() if k.startswith("pkg/yekuo_import")}
if lazy:
    out += [f"| {k} (loaded when a case file or link is opened, not in the first load) | — | {v['gzip']:,} |"
            for k, v in lazy.items()]
out += [
    "",
    "| wasm section, gzip | Before | After (the start bundle) |",
    "|---|---|---|",
]
out += [f"| {n} | {v:,} | {after_sections.get(n, 0):,} |" for n, v in before["sections_gzip"].items()]
if crates:
    out += [
        "",
        "| Code by crate (twiggy, bytes before wasm-opt) | Before | After (the start bundle) |",
        "|---|---|---|",
    ]
    names = list(before["crates_code_bytes"]) + [k for k in sorted(crates, key=lambda k: -crates[k])[:10]
                                                 if k not in before["crates_code_bytes"]]
    out += [f"| {k} | {before['crates_code_bytes'].get(k, 0):,} | {crates.get(k, 0):,} |" for k in names]
if before.get("steps"):
    out += [
        "",
        "What took the first load under 200 KB (the session of 2026-12-01), each step measured against the "
        "one before it (gzip bytes saved):",
        "",
        "| Step | Start bundle | Full app | Commit |",
        "|---|---|---|---|",
    ]
    out += [f"| {s['what']} | {s['start_gzip']:,} | {s['full_gzip']:,} | {s['commit']} |" for s in before["steps"]]
out += [
    "",
    "What else would shrink the first load, each measured by a trial build that left the part out "
    "(gzip bytes of the app's wasm; not done, see the issue's notes):",
    "",
    "| Option | Saves | Measured on |",
    "|---|---|---|",
]
out += [f"| {o['what']} | {o['saves_gzip']:,} | {o['measured_on']} |" for o in before["options"]]
out += [
    "",
    "Load times are the median of the runs in `target/bench/web.json`: first visit "
    f"{', '.join(f'{x / 1000:.2f}' for x in web['load']['first'])} s; repeat "
    f"{', '.join(f'{x / 1000:.2f}' for x in web['load']['repeat'])} s. The server sends gzip (scripts/serve.py), as a "
    "production server would.",
    "",
]
(root / "docs" / "performance.md").write_text("\n".join(out))
print("\n".join(out))
