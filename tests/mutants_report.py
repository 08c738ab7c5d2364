"""Turns cargo-mutants' outcomes.json into docs/mutants.md: the score per
file and every surviving mutant. Usage: mutants_report.py MUTANTS_OUT_DIR...
(several runs, e.g. one per group of files, are merged)."""
import collections
import datetime as dt
import json
import pathlib
import re
import sys

# Mutants we judged equivalent (no test can tell them from the original),
# keyed by file and description without the line:column, with the reason.
NOTES = json.loads((pathlib.Path(__file__).parent / "mutants_equivalent.json").read_text())

def note_key(name):
    return re.sub(r":\d+:\d+:", ":", name)

# A later run's outcome for the same mutant replaces an earlier one (a
# re-test of the survivors after new tests, with `cargo mutants --re`).
by_name = {}
for d in sys.argv[1:]:
    for o in json.loads((pathlib.Path(d) / "outcomes.json").read_text())["outcomes"]:
        key = "Baseline" if o["scenario"] == "Baseline" else o["scenario"]["Mutant"]["name"]
        by_name[key] = o
outcomes = list(by_name.values())
runs = len(sys.argv) - 1
per_file = collections.defaultdict(collections.Counter)
missed = []
for o in outcomes:
    if o["scenario"] == "Baseline":
        continue
    m = o["scenario"]["Mutant"]
    per_file[m["file"]][o["summary"]] += 1
    if o["summary"] == "MissedMutant":
        missed.append(m["name"])

def score(c):
    tested = c["CaughtMutant"] + c["MissedMutant"] + c["Timeout"]
    return (c["CaughtMutant"] + c["Timeout"]) / tested if tested else 1.0

total = sum(per_file.values(), collections.Counter())
lines = [
    "# Mutation testing",
    "",
    f"cargo-mutants, {dt.date.today().isoformat()}, by `scripts/mutants` (tests: unit, golden, calendar "
    "properties, oracle sweep, tidy, checklist, robustness, bad input, command line). Score = (caught + timed out) / "
    "(caught + missed + timed out); unviable mutants (do not compile) are left out."
    + (f" Merged from {runs} runs: the survivors of the first were re-tested after new tests." if runs > 1 else ""),
    "",
    f"**Score: {score(total):.1%}** — {total['CaughtMutant']} caught, {total['MissedMutant']} missed, "
    f"{total['Timeout']} timed out, {total['Unviable']} unviable.",
    "",
    "| File | Caught | Missed | Timeout | Unviable | Score |",
    "|---|---|---|---|---|---|",
]
for f in sorted(per_file):
    c = per_file[f]
    lines.append(f"| `{f}` | {c['CaughtMutant']} | {c['MissedMutant']} | {c['Timeout']} | {c['Unviable']} | {score(c):.0%} |")
lines += ["", "## Surviving mutants", ""]
unexplained = [m for m in missed if note_key(m) not in NOTES]
if missed:
    lines += [f"{len(missed) - len(unexplained)} of the {len(missed)} are equivalent to the original (the note says why); "
              f"{len(unexplained)} are gaps in the tests.", ""]
lines += [f"- `{m}`" + (f" — equivalent: {NOTES[note_key(m)]}" if note_key(m) in NOTES else " — **not caught**")
          for m in missed] or ["None."]
lines.append("")
print("\n".join(lines))
