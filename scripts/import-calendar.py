#!/usr/bin/env python3
"""Regenerate data/calendar/cn-national.toml from the npm package chinese-days.

This is a one-off import tool, not part of the build: the TOML it writes is
committed and then maintained by hand (adding 2027 = adding one [[notice]]).

Usage: scripts/import-calendar.py PATH/TO/chinese-days/package > data/calendar/cn-national.toml

What it does, and why:
* Each State Council notice announces one year's arrangement. Late-December
  days of year Y that belong to the New Year arrangement of Y+1 are published
  in the Y+1 notice (catalog CAL-12), so an entry dated in December whose
  holiday is New Year's Day is filed under the next year's notice.
* The notice links are taken from the comment block of each year in the
  package's src/holidays/generate.ts (the package authors quote the notices).
* Holidays are grouped into runs of consecutive days with the same name.
"""
import datetime as dt
import json
import pathlib
import re
import sys

pkg = pathlib.Path(sys.argv[1])
VERSION = json.loads((pkg / "package.json").read_text())["version"]
NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

# year -> list of notice URLs quoted in generate.ts
links = {}
year = None
for line in (pkg / "src/holidays/generate.ts").read_text().splitlines():
    m = re.match(r"\s*\*\s*(20\d\d)\s*$", line)
    if m:
        year = int(m.group(1))
        links.setdefault(year, [])
        continue
    if line.strip().startswith("*/"):
        year = None
    if year is not None:
        for url in re.findall(r"https?://\S+", line):
            if url not in links[year]:
                links[year].append(url)

entries = {}  # notice year -> {"off": [(date, name)], "work": [(date, name)]}
for f in sorted((pkg / "dist/years").glob("20??.json")):
    data = json.loads(f.read_text())
    for kind, key in (("off", "holidays"), ("work", "workdays")):
        for day, val in data.get(key, {}).items():
            d = dt.date.fromisoformat(day)
            english = val.split(",")[0]
            notice = d.year + 1 if (d.month == 12 and english == "New Year's Day") else d.year
            entries.setdefault(notice, {"off": [], "work": []})[kind].append((d, NAMES[english]))

def runs(days):
    days = sorted(days)
    out = []
    for d, name in days:
        if out and out[-1][2] == name and out[-1][1] + dt.timedelta(days=1) == d:
            out[-1][1] = d
        else:
            out.append([d, d, name])
    return out

print(f"""# National working-day calendar of the People's Republic of China.
#
# One [[notice]] per State Council (国务院办公厅) holiday notice. `off` lists the
# days off (holidays and the weekdays given in lieu, 调休放假); `work` lists the
# weekend days that are working days (调休上班). Every other Mon-Fri is a working
# day and every other Sat/Sun a rest day (catalog CAL-01).
#
# Syntax of an entry: "YYYY-MM-DD name" or "YYYY-MM-DD..YYYY-MM-DD name".
# A notice may list days of the previous December (catalog CAL-12).
#
# Source: imported from the npm package chinese-days {VERSION} (MIT;
# dist/years/YYYY.json; notice links from its src/holidays/generate.ts)
# by scripts/import-calendar.py. The catalog (§10) records that holiday-cn,
# chinesecalendar and chinese-days agree on every day 2007-2026.
# The test oracle is a different package (PyPI chinesecalendar).
#
# To add a year: append a [[notice]] and raise `last_year`. Nothing in the
# code changes.

[coverage]
first_year = {min(entries)}
last_year = {max(entries)}
""")
for y in sorted(entries):
    e = entries[y]
    urls = links.get(y, [])
    print("[[notice]]")
    print(f"year = {y}")
    print(f'title = "国务院办公厅关于{y}年部分节假日安排的通知"')
    print("links = [" + ", ".join(f'"{u}"' for u in urls) + "]")
    print(f'source = "chinese-days {VERSION} dist/years/{y}.json"')
    print("off = [")
    for a, b, name in runs(e["off"]):
        span = a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"
        print(f'  "{span} {name}",')
    print("]")
    print("work = [")
    for a, _, name in [(d, d, n) for d, n in sorted(e["work"])]:
        print(f'  "{a.isoformat()} {name}",')
    print("]")
    print()
