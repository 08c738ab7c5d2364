#!/usr/bin/env python3
"""Cases for the worklist journey (issue 15) and their expected rows,
computed from the catalog's rules with an independent calendar (PyPI
chinesecalendar), never from yekuo's output. Used only by the tests.

Every case is S0 case 1 (examples/s0-case1-110kv.json, cases.md C1) with
the completion inspection requested on a day of June 2010 and not yet
done; half are made low-voltage non-resident customers. In 2010 two
regimes set the inspection's start (catalog §4.2, TL-05, TL-09):
  SGCC 业扩报装工作规范(试行) 第37条: LV 3 / HV 5 working days [S]
  供电监管办法 (in force 2010-01-01): LV 5 / HV 7 working days [S]
both counted from the request, the request day not counted (CAL-02), so
the SGCC day is always the earlier: the row's "strictest" deadline. Every
earlier step is done (plan answered, construction started), so nothing
else is open. As of AS_OF, with "due soon" = within N working days:
  past the due day            -> overdue, minus the working days since
  the due day                 -> due today, 0
  1..N working days left      -> due soon
  more                        -> on time
(cases.md C1e works one of them: requested 2010-06-15 during 端午, due
2010-06-23; on 2010-06-24 one working day overdue.)

argv[1]: output directory; writes cases.jsonl and expected.json.
"""
import datetime as dt
import json
import pathlib
import sys

import chinese_calendar as cc

AS_OF = dt.date(2010, 6, 24)
WITHIN = 3
COUNT = 500
ONE = dt.timedelta(days=1)


def nth_working_day_after(start, n):
    d = start
    while n > 0:
        d += ONE
        if cc.is_workday(d):
            n -= 1
    return d


def working_days_in(lo, hi):
    """Working days d with lo < d <= hi."""
    k, d = 0, lo
    while d < hi:
        d += ONE
        k += cc.is_workday(d)
    return k


root = pathlib.Path(__file__).resolve().parents[2]
base = json.loads((root / "examples/s0-case1-110kv.json").read_text())
for k in ("inspected", "inspection_passed", "power_on"):
    del base["dates"][k]

# Request days: every day (working or not) from 2010-06-07 to AS_OF.
first = dt.date(2010, 6, 7)
days = [first + i * ONE for i in range((AS_OF - first).days + 1)]

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
rank = {"overdue": 0, "due-today": 1, "due-soon": 2, "on-time": 3}
expected = []
with open(out / "cases.jsonl", "w", encoding="utf-8") as f:
    for i in range(COUNT):
        case = json.loads(json.dumps(base))
        title = f"案例 {i + 1:03d}"
        case["title"] = title
        requested = days[(i * 7) % len(days)]
        case["dates"]["completion_requested"] = requested.isoformat()
        low = i % 2 == 1
        if low:
            case["customer"].update(category="低压非居民", voltage_kv=0.4, capacity_kva=100)
        sgcc, national = (3, 5) if low else (5, 7)
        due = nth_working_day_after(requested, sgcc)
        other = nth_working_day_after(requested, national)
        if AS_OF > due:
            state, left = "overdue", -max(1, working_days_in(due, AS_OF))
        else:
            left = working_days_in(AS_OF, due)
            state = "due-today" if due == AS_OF else ("due-soon" if left <= WITHIN else "on-time")
        f.write(json.dumps(case, ensure_ascii=False) + "\n")
        expected.append({
            "title": title,
            "due": due.isoformat(),
            "left": left,
            "state": state,
            "rank": rank[state],
            "other_due": other.isoformat(),
        })

(out / "expected.json").write_text(json.dumps({
    "as_of": AS_OF.isoformat(),
    "within": WITHIN,
    "rows": expected,
}, ensure_ascii=False, indent=1))
