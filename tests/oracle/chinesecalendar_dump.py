#!/usr/bin/env python3
"""Write the answers of an independent calendar (PyPI chinesecalendar) for the
oracle sweep in tests/oracle_sweep.rs. Used only by the tests.

Output directory: argv[1]. Files:
  days.tsv     DATE <TAB> 1|0          every day 2004-01-01..2026-12-31
  add.tsv      START <TAB> N <TAB> DATE  the N-th working day after START
                                         (N < 0: before), yekuo's CAL-02 sense
  count.tsv    FROM <TAB> TO <TAB> K     working days in (FROM, TO]
"""
import datetime as dt
import pathlib
import random
import sys

import chinese_calendar as cc

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
first, last = dt.date(2004, 1, 1), dt.date(2026, 12, 31)
one = dt.timedelta(days=1)

with open(out / "days.tsv", "w") as f:
    d = first
    while d <= last:
        f.write(f"{d.isoformat()}\t{int(cc.is_workday(d))}\n")
        d += one

rng = random.Random(20261122)
span = (last - first).days
with open(out / "add.tsv", "w") as f:
    for _ in range(20000):
        n = rng.choice([1, 2, 3, 5, 7, 10, 15, 20, 22, 30, 32, 45, 60, -1, -3, -10])
        # keep the walk inside the oracle's data
        start = first + dt.timedelta(days=rng.randrange(90, span - 120))
        if n > 0:
            # find_workday(k, d) starts from the first working day on or after d
            # (counted as step 0); starting from the day after START makes it
            # the N-th working day after START, as in CAL-02.
            ans = cc.find_workday(n - 1, start + one)
        else:
            ans = cc.find_workday(n, start)
        f.write(f"{start.isoformat()}\t{n}\t{ans.isoformat()}\n")

with open(out / "count.tsv", "w") as f:
    for _ in range(5000):
        a = first + dt.timedelta(days=rng.randrange(0, span - 1))
        b = a + dt.timedelta(days=rng.randrange(0, 400))
        if b > last:
            b = last
        k = len(cc.get_workdays(a + one, b)) if b > a else 0
        f.write(f"{a.isoformat()}\t{b.isoformat()}\t{k}\n")
