//! The golden harness: every data file under `tests/golden/` is run here.
//!
//! * `calendar.toml`: calendar and period edge cases (cases.md C9, catalog §11).
//! * `cases/*.json`: one scenario each, a case plus its expected findings
//!   (partial match: rule id, outcome, regime and key dates).

mod golden_support;

use chrono::NaiveDate;
use serde::Deserialize;
use yekuo::calendar::period;
use yekuo::calendar::Calendar;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarTable {
    #[serde(default)]
    add: Vec<AddRow>,
    #[serde(default)]
    count: Vec<CountRow>,
    #[serde(default)]
    months: Vec<MonthsRow>,
    #[serde(default)]
    rollover: Vec<RolloverRow>,
    #[serde(default)]
    backward: Vec<BackwardRow>,
    #[serde(default)]
    workday: Vec<WorkdayRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddRow {
    id: String,
    start: NaiveDate,
    n: i64,
    expect: NaiveDate,
    #[allow(dead_code)]
    why: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountRow {
    id: String,
    from: NaiveDate,
    to: NaiveDate,
    expect: i64,
    #[allow(dead_code)]
    why: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthsRow {
    id: String,
    start: NaiveDate,
    n: u32,
    expect: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RolloverRow {
    id: String,
    nominal: NaiveDate,
    expect: NaiveDate,
    holiday: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BackwardRow {
    id: String,
    expiry: NaiveDate,
    days: u32,
    nominal: NaiveDate,
    advised: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkdayRow {
    date: NaiveDate,
    expect: bool,
    #[allow(dead_code)]
    why: Option<String>,
}

#[test]
fn calendar_table() {
    let text = std::fs::read_to_string(golden_support::dir().join("calendar.toml")).unwrap();
    let t: CalendarTable = toml::from_str(&text).unwrap();
    let cal = Calendar::national();
    let mut failures = Vec::new();
    for r in &t.add {
        let got = cal.add_working_days(r.start, r.n);
        if got != Some(r.expect) {
            failures.push(format!(
                "{}: {} {:+} WD = {:?}, expected {}",
                r.id, r.start, r.n, got, r.expect
            ));
        }
        // Round trip: the answer is a working day exactly n working days away.
        if r.n > 0 {
            assert_eq!(
                cal.working_days_between(r.start, r.expect),
                r.n,
                "{} round trip",
                r.id
            );
        }
    }
    for r in &t.count {
        let got = cal.working_days_between(r.from, r.to);
        if got != r.expect {
            failures.push(format!(
                "{}: WD in ({}, {}] = {got}, expected {}",
                r.id, r.from, r.to, r.expect
            ));
        }
    }
    for r in &t.months {
        let got = period::end_of_months(r.start, r.n);
        if got != Some(r.expect) {
            failures.push(format!(
                "{}: {} + {} months = {:?}, expected {}",
                r.id, r.start, r.n, got, r.expect
            ));
        }
    }
    for r in &t.rollover {
        let got = period::rollover(cal, r.nominal);
        let want = period::Rollover {
            nominal: r.nominal,
            rolled: r.expect,
            holiday: r.holiday,
        };
        if got.as_ref() != Some(&want) {
            failures.push(format!(
                "{}: rollover of {} = {:?}, expected {:?}",
                r.id, r.nominal, got, want
            ));
        }
    }
    for r in &t.backward {
        let got = period::backward(cal, r.expiry, r.days);
        let want = period::BackwardDeadline {
            nominal: r.nominal,
            advised: r.advised,
        };
        if got.as_ref() != Some(&want) {
            failures.push(format!(
                "{}: {} - {} days = {:?}, expected {:?}",
                r.id, r.expiry, r.days, got, want
            ));
        }
    }
    for r in &t.workday {
        if cal.is_working_day(r.date) != r.expect {
            failures.push(format!("{}: working day should be {}", r.date, r.expect));
        }
    }
    assert!(
        failures.is_empty(),
        "calendar golden failures:\n{}",
        failures.join("\n")
    );
    assert!(
        t.add.len() >= 12 && !t.count.is_empty() && t.months.len() >= 4,
        "the table lost rows"
    );
}

// ---------------------------------------------------------------------------
// Case scenarios.
//
// Each `tests/golden/cases/*.json` is
//   { "scenario": text, "source": where the expected values come from,
//     "as_of": "YYYY-MM-DD",
//     "case": {…case file…}  or  "case_file": "examples/…json",
//     "expect": [ pattern … ],          findings that must be present
//     "absent": [ pattern … ],          findings that must not be present
//     "variants": [ { "name", "patch": {…merged into the case…}, "expect", "absent" } ] }
// A pattern is { "rule", "outcome"?, "instrument"?, "dates"?: {name: date},
// "numbers"?: {name: n}, "docs"?: {list: [code …]}, "basis"?: [rule …],
// "inputs"?: [case field …], "gap"?: {"from"?, "to"?}, "dates_caveat"?: bool,
// "says"?: text, "article"?: text, "mark"?: "V"|"S"|"R"|"X", "cite"?:
// {"zh"?, "en"?}, "dates_in_doubt"?: {"from"?, "until"?}, "candidate"?:
// bool, "count"?: n }; every field given must match ("docs": each
// document code is among the finding's list of that name, `missing`,
// `later` or `local` of a DOC list, e.g. {"missing": ["D-PROP"]};
// "dates_caveat": whether the finding warns that its instrument's in-force
// dates are unverified; "says": words in the English message or a caveat,
// for findings whose outcome is the same but whose reason differs;
// "cite": words in the citation as a reader of that language sees it;
// "dates_in_doubt": which in-force day of the instrument is unverified;
// "candidate": whether the version is only perhaps in force on the day)
// ("inputs": each field is among those the finding names; "article": the
// cited article exactly; "mark": the finding's mark, the weakest of what
// decided it, `V`, `S`, `R` or `X`; "count": exactly n findings match the
// rest).

use serde_json::{json, Value as Json};
use yekuo::render::{self, Audience, Lang, Reader};
use yekuo::report::{Caveat, Finding};

/// The typed fact named `key` in a finding's detail (as serialized): the
/// first field of that name, searched depth first. The "dates" and
/// "numbers" of a pattern name facts this way, so a pattern says what was
/// computed without depending on where in the detail it sits.
fn fact<'a>(v: &'a Json, key: &str) -> Option<&'a Json> {
    match v {
        Json::Object(m) => m.get(key).or_else(|| m.values().find_map(|x| fact(x, key))),
        Json::Array(a) => a.iter().find_map(|x| fact(x, key)),
        _ => None,
    }
}

fn matches(f: &Finding, pat: &Json) -> bool {
    let s = |k: &str| pat.get(k).and_then(Json::as_str);
    if s("rule") != Some(f.rule.as_str()) {
        return false;
    }
    if s("outcome").is_some_and(|o| o != f.outcome.code()) {
        return false;
    }
    if let Some(i) = s("instrument") {
        if f.citation.as_ref().map(|c| &*c.instrument) != Some(i) {
            return false;
        }
    }
    if let Some(cite) = pat.get("cite").and_then(Json::as_object) {
        let Some(c) = &f.citation else {
            return false;
        };
        for (lang, words) in [("zh", Lang::Zh), ("en", Lang::En)] {
            if let Some(w) = cite.get(lang).and_then(Json::as_str) {
                if !render::citation(c, &Reader::clerk(words)).contains(w) {
                    return false;
                }
            }
        }
    }
    if let Some(a) = s("article") {
        if f.citation.as_ref().and_then(|c| c.article.as_deref()) != Some(a) {
            return false;
        }
    }
    if let Some(m) = s("mark") {
        if serde_json::to_value(f.mark).unwrap().as_str() != Some(m) {
            return false;
        }
    }
    let detail = serde_json::to_value(&f.detail).unwrap();
    if let Some(ds) = pat.get("dates").and_then(Json::as_object) {
        for (k, v) in ds {
            if fact(&detail, k).and_then(Json::as_str) != v.as_str() {
                return false;
            }
        }
    }
    if let Some(ns) = pat.get("numbers").and_then(Json::as_object) {
        for (k, v) in ns {
            if fact(&detail, k).and_then(Json::as_f64) != v.as_f64() {
                return false;
            }
        }
    }
    if let Some(lists) = pat.get("docs").and_then(Json::as_object) {
        for (k, codes) in lists {
            // A list of documents: each a code, or an object with its code.
            let held: Vec<&str> = fact(&detail, k)
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(|d| d.get("code").unwrap_or(d).as_str())
                .collect();
            let want = codes.as_array().map(Vec::as_slice).unwrap_or_default();
            if !want
                .iter()
                .all(|c| c.as_str().is_some_and(|c| held.contains(&c)))
            {
                return false;
            }
        }
    }
    if let Some(words) = s("says") {
        let en = Reader::clerk(Lang::En);
        if !render::message(f, &en).contains(words)
            && !f
                .caveats
                .iter()
                .any(|c| render::caveat(c, f, &en).is_some_and(|w| w.contains(words)))
        {
            return false;
        }
    }
    if let Some(want) = pat.get("dates_caveat").and_then(Json::as_bool) {
        let has = f
            .caveats
            .iter()
            .any(|c| matches!(c, Caveat::DatesUncertain { .. }));
        if has != want {
            return false;
        }
    }
    // Which in-force date is in doubt: `{"from": "YYYY-MM-DD"}`,
    // `{"until": …}` or both; a key given as null must be absent.
    if let Some(want) = pat.get("dates_in_doubt").and_then(Json::as_object) {
        let Some((from, until)) = f.caveats.iter().find_map(|c| match c {
            Caveat::DatesUncertain { from, until, .. } => Some((*from, *until)),
            _ => None,
        }) else {
            return false;
        };
        for (k, day) in [("from", from), ("until", until)] {
            if let Some(v) = want.get(k) {
                if v.as_str().map(str::to_string) != day.map(|d| d.to_string()) {
                    return false;
                }
            }
        }
    }
    // A version only perhaps in force on the day (`Caveat::CandidateVersion`).
    if let Some(want) = pat.get("candidate").and_then(Json::as_bool) {
        let has = f
            .caveats
            .iter()
            .any(|c| matches!(c, Caveat::CandidateVersion { .. }));
        if has != want {
            return false;
        }
    }
    if let Some(g) = pat.get("gap").and_then(Json::as_object) {
        let Some(gap) = f.coverage_gap else {
            return false;
        };
        for (k, day) in [("from", gap.from), ("to", gap.to)] {
            if g.get(k)
                .is_some_and(|v| v.as_str() != Some(&day.to_string()))
            {
                return false;
            }
        }
    }
    if let Some(is) = pat.get("inputs").and_then(Json::as_array) {
        if !is
            .iter()
            .all(|i| f.inputs.iter().any(|x| Some(&**x) == i.as_str()))
        {
            return false;
        }
    }
    if let Some(bs) = pat.get("basis").and_then(Json::as_array) {
        if !bs
            .iter()
            .all(|b| f.basis.iter().any(|x| Some(x.as_str()) == b.as_str()))
        {
            return false;
        }
    }
    true
}

/// Every finding of every scenario, worded for each reader: a customer's
/// words carry no rule codes, marks, backticks or case-file paths, English
/// words carry no Chinese, and no reader gets an empty sentence.
fn audience_failures(name: &str, case: &Json, report: &yekuo::report::Report) -> Vec<String> {
    // Text the user typed (a contractor's name, a hazard) is theirs to
    // write in any language; it is taken out before the English is checked.
    fn strings(v: &Json, out: &mut Vec<String>) {
        match v {
            Json::String(s) => out.push(s.clone()),
            Json::Array(a) => a.iter().for_each(|x| strings(x, out)),
            Json::Object(m) => m.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let mut typed = Vec::new();
    strings(case, &mut typed);
    let mut out = Vec::new();
    for f in &report.findings {
        for lang in [Lang::Zh, Lang::En] {
            for audience in [Audience::Customer, Audience::Clerk] {
                let reader = Reader {
                    audience,
                    ..Reader::clerk(lang)
                };
                let words = std::iter::once(render::message(f, &reader)).chain(
                    f.caveats
                        .iter()
                        .filter_map(|c| render::caveat(c, f, &reader)),
                );
                for w in words {
                    let bad = golden_support::wording_problems(&w, &reader, &typed);
                    if !bad.is_empty() {
                        out.push(format!(
                            "{name}: {} {:?} {audience:?}: {bad:?} in {w:?}",
                            f.rule, lang
                        ));
                    }
                }
            }
        }
    }
    out
}

fn run_scenario(
    name: &str,
    case: &Json,
    as_of: NaiveDate,
    expect: &[Json],
    absent: &[Json],
) -> Vec<String> {
    let text = serde_json::to_string(case).unwrap();
    let case = match yekuo::case::parse_case(&text) {
        Ok(c) => c,
        Err(e) => return vec![format!("{name}: case does not parse: {e}")],
    };
    let book = yekuo::rulebook::Rulebook::embedded();
    let report = yekuo::eval::evaluate(book, &case, as_of);
    let summary = yekuo::eval::summarize(book, &case, as_of);
    let mut failures: Vec<String> = golden_support::summary_disagreements(&report, &summary)
        .into_iter()
        .map(|d| format!("{name}: summary: {d}"))
        .collect();
    for pat in expect {
        let found = report.findings.iter().filter(|f| matches(f, pat)).count();
        if let Some(n) = pat.get("count").and_then(Json::as_u64) {
            if found as u64 != n {
                failures.push(format!("{name}: {found} findings match {pat}"));
            }
        }
        if found == 0 {
            let same_rule: Vec<String> = report
                .findings
                .iter()
                .filter(|f| Some(f.rule.as_str()) == pat.get("rule").and_then(Json::as_str))
                .map(|f| {
                    format!(
                        "{} {:?} {:?}",
                        f.outcome.code(),
                        f.citation.as_ref().map(|c| &c.instrument),
                        serde_json::to_string(&f.detail).unwrap()
                    )
                })
                .collect();
            failures.push(format!(
                "{name}: expected {pat}; findings of that rule: {same_rule:#?}"
            ));
        }
    }
    failures.extend(audience_failures(
        name,
        &serde_json::to_value(&case).unwrap(),
        &report,
    ));
    for pat in absent {
        if let Some(f) = report.findings.iter().find(|f| matches(f, pat)) {
            failures.push(format!(
                "{name}: unexpected {pat}: {}",
                render::message(f, &Reader::clerk(Lang::En))
            ));
        }
    }
    failures
}

#[test]
fn case_scenarios() {
    let dir = golden_support::dir().join("cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "golden cases went missing");
    let mut failures = Vec::new();
    let mut scenarios = 0;
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let g: Json = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let as_of: NaiveDate = g["as_of"]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: as_of"))
            .parse()
            .unwrap();
        let base = match (g.get("case"), g.get("case_file").and_then(Json::as_str)) {
            (Some(c), _) => c.clone(),
            (None, Some(f)) => {
                let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
                serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
            }
            _ => panic!("{file}: needs case or case_file"),
        };
        let list = |v: &Json, k: &str| {
            v.get(k)
                .and_then(Json::as_array)
                .cloned()
                .unwrap_or_default()
        };
        failures.extend(run_scenario(
            &file,
            &base,
            as_of,
            &list(&g, "expect"),
            &list(&g, "absent"),
        ));
        scenarios += 1;
        for v in list(&g, "variants") {
            let mut c = base.clone();
            golden_support::merge(&mut c, v.get("patch").unwrap_or(&json!({})));
            let name = format!("{file} / {}", v["name"].as_str().unwrap_or("?"));
            let as_of = v
                .get("as_of")
                .and_then(Json::as_str)
                .map_or(as_of, |s| s.parse().unwrap());
            failures.extend(run_scenario(
                &name,
                &c,
                as_of,
                &list(&v, "expect"),
                &list(&v, "absent"),
            ));
            scenarios += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {scenarios} scenarios failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Next deadlines (issue 15).
//
// Each `tests/golden/due/*.json` is
//   { "scenario", "source", "as_of", "within": N,
//     "case": {…} or "case_file": "examples/…json",
//     "at_risk"?: bool,                 whether the case is on the warning list
//     "next"?: pattern | null,          the most urgent open deadline
//     "open"?: [ pattern … ],           deadlines that must be open
//     "closed"?: [ pattern … ],         deadlines that must not be open
//     "open_count"?: n,                 exactly n open deadlines
//     "variants": [ { "name", "patch"?, "as_of"?, "within"?, and the same keys } ] }
// A pattern names fields of a deadline as `yekuo due --format json` writes
// them (`item`, `rule`, `instrument`, `start`, `due`, `working_days_left`,
// `state`, `outcome`, `extension_request_by`); each given must be equal,
// except `calendar_gap`, a bool: whether the count used days without
// holiday data (CAL-11).

fn due_matches(d: &Json, pat: &Json) -> bool {
    pat.as_object()
        .unwrap()
        .iter()
        .all(|(k, v)| match k.as_str() {
            "calendar_gap" => d.get(k).is_some() == v.as_bool().unwrap(),
            _ => d.get(k) == Some(v),
        })
}

fn run_due(name: &str, case: &Json, as_of: NaiveDate, within: u32, g: &Json) -> Vec<String> {
    let case = match yekuo::case::parse_case(&serde_json::to_string(case).unwrap()) {
        Ok(c) => c,
        Err(e) => return vec![format!("{name}: case does not parse: {e}")],
    };
    let book = yekuo::rulebook::Rulebook::embedded();
    let due = yekuo::eval::due::next_deadlines(book, &case, as_of, within);
    let mut failures = Vec::new();
    // One definition: reading a full report gives the same answer.
    let report = yekuo::eval::evaluate(book, &case, as_of);
    if yekuo::eval::due::of_report(&report, &case, within) != due {
        failures.push(format!("{name}: of_report differs from next_deadlines"));
    }
    let open = serde_json::to_value(&due.open).unwrap();
    let open = open.as_array().unwrap();
    let shown = || serde_json::to_string_pretty(open).unwrap();
    if let Some(want) = g.get("at_risk").and_then(Json::as_bool) {
        if due.at_risk() != want {
            failures.push(format!("{name}: at_risk should be {want}: {}", shown()));
        }
    }
    if let Some(n) = g.get("open_count").and_then(Json::as_u64) {
        if open.len() as u64 != n {
            failures.push(format!(
                "{name}: {} open, expected {n}: {}",
                open.len(),
                shown()
            ));
        }
    }
    if let Some(pat) = g.get("next") {
        let ok = match (open.first(), pat.is_null()) {
            (None, true) => true,
            (Some(d), false) => due_matches(d, pat),
            _ => false,
        };
        if !ok {
            failures.push(format!("{name}: next should match {pat}: {}", shown()));
        }
    }
    for pat in g.get("open").and_then(Json::as_array).into_iter().flatten() {
        if !open.iter().any(|d| due_matches(d, pat)) {
            failures.push(format!("{name}: expected open {pat}: {}", shown()));
        }
    }
    for pat in g
        .get("closed")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        if open.iter().any(|d| due_matches(d, pat)) {
            failures.push(format!("{name}: unexpected open {pat}: {}", shown()));
        }
    }
    failures
}

#[test]
fn due_scenarios() {
    let dir = golden_support::dir().join("due");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 4, "due scenarios went missing");
    let (mut failures, mut scenarios) = (Vec::new(), 0);
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let g: Json = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let day = |v: &Json, or: Option<NaiveDate>| {
            v.get("as_of")
                .and_then(Json::as_str)
                .map(|s| s.parse().unwrap())
                .or(or)
                .unwrap_or_else(|| panic!("{file}: as_of"))
        };
        let within = |v: &Json, or: u32| {
            v.get("within")
                .and_then(Json::as_u64)
                .map_or(or, |n| n as u32)
        };
        let base = match (g.get("case"), g.get("case_file").and_then(Json::as_str)) {
            (Some(c), _) => c.clone(),
            (None, Some(f)) => {
                let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f);
                serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
            }
            _ => panic!("{file}: needs case or case_file"),
        };
        let (as_of, n) = (day(&g, None), within(&g, 3));
        failures.extend(run_due(&file, &base, as_of, n, &g));
        scenarios += 1;
        for v in g
            .get("variants")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            let mut c = base.clone();
            golden_support::merge(&mut c, v.get("patch").unwrap_or(&json!({})));
            let name = format!("{file} / {}", v["name"].as_str().unwrap_or("?"));
            failures.extend(run_due(&name, &c, day(v, Some(as_of)), within(v, n), v));
            scenarios += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {scenarios} due scenarios failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
