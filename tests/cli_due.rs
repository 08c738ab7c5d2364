//! `yekuo due`: today's warning list from JSONL and CSV, in order of
//! urgency, with located errors for bad rows (issue 15).
//!
//! The cases, all looked at on 2010-06-24 with "due soon" = 3 working days,
//! and what the catalog says of them (working days from cases.md C1e's day
//! list and the 2010 calendar: 06-17, 18, 21, 22, 23, 24, 25, 28, 29, 30):
//!
//! * C1 as it happened: every step done (the inspection late), construction
//!   started: nothing open, not listed.
//! * C1 not yet inspected: TL-05 SGCC 5 WD from 06-15 → 06-23, overdue by
//!   1 working day; 监管办法 7 WD → 06-25, due soon.
//! * Completion requested 06-17: SGCC 5 WD → 06-24, due today.
//! * Completion requested 06-23: SGCC 5 WD → 06-30, 4 working days left:
//!   on time with N = 3, due soon with N = 4.
//! * A low-voltage plan issued 2010-03-28 (utility "other"): valid 3 months
//!   to 2010-06-28 (PLAN-01, CAL-05; a Monday), 2 working days left (06-25,
//!   06-28): due soon.

use std::process::Command;

fn yekuo(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yekuo"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("yekuo-due-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// S0 case 1 with its dates replaced by `dates` (a JSON object's members).
fn c1(title: &str, dates: &str) -> String {
    format!(
        r#"{{"format":"yekuo-case/1","title":"{title}","customer":{{"category":"高压","business":"新装","voltage_kv":110}},"utility":{{"operator":"SGCC"}},"dates":{{"accepted":"2009-01-12","plan_issued":"2009-01-26","construction_start":"2010-02-12",{dates}}}}}"#
    )
}

fn jsonl() -> String {
    [
        c1("done", r#""completion_requested":"2010-06-15","inspected":"2010-06-26","inspection_passed":"2010-06-26","power_on":"2010-06-26""#),
        c1("late", r#""completion_requested":"2010-06-15""#),
        "{not json".to_string(),
        r#"{"format":"yekuo-case/1","title":"plan","customer":{"category":"低压非居民","business":"新装"},"utility":{"operator":"other"},"dates":{"accepted":"2010-03-28","plan_issued":"2010-03-28"}}"#.to_string(),
        c1("today", r#""completion_requested":"2010-06-17""#),
        c1("later", r#""completion_requested":"2010-06-23""#),
    ]
    .join("\n")
        + "\n"
}

const CSV: &str = "\
title,category,business,voltage_kv,operator,accepted,plan_issued,construction_start,completion_requested,inspected,power_on,important
done,高压,新装,110,SGCC,2009-01-12,2009-01-26,2010-02-12,2010-06-15,2010-06-26,2010-06-26,
late,high-voltage,new,110,SGCC,2009-01-12,2009-01-26,2010-02-12,2010-06-15,,,
bad date,高压,新装,110,SGCC,2009-01-12,2009-02-30,2010-02-12,2010-06-15,,,
plan,低压非居民,新装,,other,2010-03-28,2010-03-28,,,,,
today,高压,新装,110,SGCC,2009-01-12,2009-01-26,2010-02-12,2010-06-17,,,
\"later, with a comma\",高压,新装,110,SGCC,2009-01-12,2009-01-26,2010-02-12,2010-06-23,,,否
bad bool,高压,新装,110,SGCC,2009-01-12,2009-01-26,2010-02-12,2010-06-23,,,maybe
short,高压
";

fn titles(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| l.rsplit(": ").next().unwrap().to_string())
        .collect()
}

#[test]
fn jsonl_lists_the_cases_at_risk_most_urgent_first() {
    let d = dir("jsonl");
    let file = d.join("cases.jsonl");
    std::fs::write(&file, jsonl()).unwrap();
    let f = file.to_str().unwrap();
    let (code, out, err) = yekuo(&["due", f, "--as-of", "2010-06-24", "--lang", "en"]);
    assert_eq!(titles(&out), ["late", "today", "plan"], "{out}");
    assert!(
        out.lines()
            .next()
            .unwrap()
            .starts_with("2010-06-23  overdue by 1 working day  Completion inspection"),
        "{out}"
    );
    assert!(out.contains("2010-06-24  due today"), "{out}");
    assert!(out.contains("2010-06-28  due in 2 working days"), "{out}");
    assert!(
        out.contains("row 2: late") && out.contains("row 4: plan"),
        "{out}"
    );
    // The bad line is named with its number and skipped; the exit code says so.
    assert!(err.contains(":3:"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(code, 2);

    // N = 4 brings in the case with 4 working days left, after the plan's 2.
    let (_, out, _) = yekuo(&[
        "due",
        f,
        "--as-of",
        "2010-06-24",
        "--within",
        "4",
        "--lang",
        "en",
    ]);
    assert_eq!(titles(&out), ["late", "today", "plan", "later"], "{out}");
    // N = 0: only what is past or due today.
    let (_, out, _) = yekuo(&[
        "due",
        f,
        "--as-of",
        "2010-06-24",
        "--within",
        "0",
        "--lang",
        "en",
    ]);
    assert_eq!(titles(&out), ["late", "today"], "{out}");
    // --all lists every case with an open deadline, the closed one still not.
    let (_, out, _) = yekuo(&["due", f, "--as-of", "2010-06-24", "--all", "--lang", "en"]);
    assert_eq!(titles(&out), ["late", "today", "plan", "later"], "{out}");
    // Chinese is the default.
    let (_, out, _) = yekuo(&["due", f, "--as-of", "2010-06-24"]);
    assert!(
        out.contains("已逾期1个工作日") && out.contains("第 2 行: late"),
        "{out}"
    );
}

#[test]
fn exit_codes_follow_the_cli() {
    let d = dir("codes");
    let file = d.join("cases.jsonl");
    // Nothing overdue, something due soon: 0. Something overdue: 1.
    std::fs::write(
        &file,
        c1("today", r#""completion_requested":"2010-06-17""#) + "\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (code, out, _) = yekuo(&["due", f, "--as-of", "2010-06-24"]);
    assert_eq!((code, out.lines().count()), (0, 1), "{out}");
    let (code, _, _) = yekuo(&["due", f, "--as-of", "2010-06-25"]);
    assert_eq!(code, 1, "06-24 passed: overdue");
    // Usage errors: 2, with the allowed values.
    let (code, _, err) = yekuo(&["due", f, "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("text, json or csv"), "{err}");
    let (code, _, err) = yekuo(&["due", f, "--within", "-1"]);
    assert_eq!(code, 2);
    assert!(err.contains("--within"), "{err}");
    let (code, _, err) = yekuo(&["due"]);
    assert_eq!(code, 2);
    assert!(err.contains("FILE.jsonl"), "{err}");
    let (code, _, err) = yekuo(&["due", d.join("missing.csv").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.csv"), "{err}");
}

#[test]
fn csv_rows_are_read_by_header_and_bad_rows_located() {
    let d = dir("csv");
    let file = d.join("cases.csv");
    std::fs::write(&file, CSV).unwrap();
    let f = file.to_str().unwrap();
    let (code, out, err) = yekuo(&[
        "due",
        f,
        "--as-of",
        "2010-06-24",
        "--within",
        "4",
        "--lang",
        "en",
    ]);
    assert_eq!(
        titles(&out),
        ["late", "today", "plan", "later, with a comma"],
        "{out}"
    );
    // Spreadsheet rows (the header is row 1) and columns (A is the first).
    assert!(
        out.contains("row 3: late") && out.contains("row 7: later"),
        "{out}"
    );
    let errors: Vec<&str> = err.lines().collect();
    assert_eq!(errors.len(), 3, "{err}");
    assert!(
        errors[0].contains("row 4, column G (plan_issued)") && errors[0].contains("2009-02-30"),
        "{err}"
    );
    assert!(
        errors[1].contains("row 8, column L (important)") && errors[1].contains("maybe"),
        "{err}"
    );
    assert!(
        errors[2].contains("row 9:") && errors[2].contains("2 fields"),
        "{err}"
    );
    assert_eq!(code, 2);
}

#[test]
fn a_bad_csv_header_stops_with_its_place() {
    let d = dir("header");
    let file = d.join("h.csv");
    std::fs::write(&file, "title,categroy,business\nx,高压,新装\n").unwrap();
    let (code, out, err) = yekuo(&["due", file.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("row 1, column B (categroy)") && err.contains("category"),
        "{err}"
    );
    std::fs::write(&file, "title,business\nx,新装\n").unwrap();
    let (code, _, err) = yekuo(&["due", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("`category`"), "{err}");
    // A required cell left empty is located too, and the row skipped.
    std::fs::write(&file, "title,category,business\nx,,新装\n").unwrap();
    let (code, _, err) = yekuo(&["due", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("row 2, column B (category)"), "{err}");
}

#[test]
fn json_and_csv_formats_carry_the_same_list() {
    let d = dir("formats");
    let file = d.join("cases.jsonl");
    std::fs::write(&file, jsonl()).unwrap();
    let f = file.to_str().unwrap();
    let (_, out, _) = yekuo(&["due", f, "--as-of", "2010-06-24", "--format", "json"]);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let rows: Vec<u64> = lines.iter().map(|l| l["row"].as_u64().unwrap()).collect();
    assert_eq!(rows, [2, 5, 4]);
    let late = &lines[0];
    assert_eq!(late["next"]["state"], "overdue");
    assert_eq!(late["next"]["item"], "completion-inspection");
    assert_eq!(late["next"]["due"], "2010-06-23");
    assert_eq!(late["next"]["working_days_left"], -1);
    // The other regime is a click away: 监管办法's 7 working days.
    assert_eq!(late["others"][0]["due"], "2010-06-25");
    assert_eq!(late["others"][0]["state"], "due-soon");
    assert_eq!(lines[2]["next"]["item"], "plan-validity");
    assert_eq!(lines[2]["next"]["due"], "2010-06-28");
    assert_eq!(lines[2]["next"]["working_days_left"], 2);

    let (_, out, _) = yekuo(&["due", f, "--as-of", "2010-06-24", "--format", "csv"]);
    let mut rows = out.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let cells: Vec<Vec<&str>> = rows.map(|r| r.split(',').collect()).collect();
    let pick = |name: &str| cells.iter().map(|c| c[col(name)]).collect::<Vec<_>>();
    assert_eq!(pick("row"), ["2", "5", "4"]);
    assert_eq!(pick("state"), ["overdue", "due-today", "due-soon"]);
    assert_eq!(pick("due"), ["2010-06-23", "2010-06-24", "2010-06-28"]);
    assert_eq!(pick("working_days_left"), ["-1", "0", "2"]);
}

/// The example in docs/worklist.md reads without an error: the header and
/// its pause cell are what the documentation says they are.
#[test]
fn the_documented_csv_example_reads() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/worklist.md")).unwrap();
    let example = doc
        .split("```csv\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let d = dir("doc");
    let file = d.join("example.csv");
    std::fs::write(&file, example).unwrap();
    let (code, out, err) = yekuo(&[
        "due",
        file.to_str().unwrap(),
        "--as-of",
        "2025-03-14",
        "--all",
        "--lang",
        "en",
    ]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    // The sewage plant's plan answer waits for the customer (paused
    // 03-10..03-21; tests/golden/due/d02-paused.json works the dates).
    assert!(
        out.lines()
            .next()
            .unwrap()
            .starts_with("2025-04-08  paused"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2, "{out}");
}

/// The single-case report states the next deadline in the same words as
/// the list: C1 not yet inspected on 2010-06-24 (cases.md C1e), and none
/// for C1 as it happened, every step done.
#[test]
fn check_names_the_next_deadline_as_due_does() {
    let d = dir("check");
    let open = d.join("open.json");
    std::fs::write(&open, c1("late", r#""completion_requested":"2010-06-15""#)).unwrap();
    let (_, out, _) = yekuo(&[
        "check",
        open.to_str().unwrap(),
        "--as-of",
        "2010-06-24",
        "--lang",
        "en",
    ]);
    let line = out
        .lines()
        .find(|l| l.starts_with("Next deadline:"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.starts_with(
            "Next deadline: 2010-06-23  overdue by 1 working day  Completion inspection · TL-05"
        ),
        "{line}"
    );
    let (_, zh, _) = yekuo(&["check", open.to_str().unwrap(), "--as-of", "2010-06-24"]);
    assert!(
        zh.contains("下一个截止: 2010-06-23  已逾期1个工作日  竣工检验"),
        "{zh}"
    );
    let (_, done, _) = yekuo(&[
        "check",
        "examples/s0-case1-110kv.json",
        "--as-of",
        "2010-07-01",
        "--lang",
        "en",
    ]);
    assert!(!done.contains("Next deadline"), "{done}");
}

/// A cell that is not UTF-8 (a sheet saved as GBK) is located like any
/// other bad cell, and the other rows are still read.
#[test]
fn a_cell_that_is_not_utf8_is_located() {
    let d = dir("gbk");
    let file = d.join("gbk.csv");
    let mut bytes = b"title,category,business\n".to_vec();
    bytes.extend_from_slice(b"\xb8\xdf\xd1\xb9,high-voltage,new\n"); // 高压 in GBK
    bytes.extend_from_slice(b"ok,high-voltage,new\n");
    std::fs::write(&file, bytes).unwrap();
    let (code, _, err) = yekuo(&["due", file.to_str().unwrap(), "--as-of", "2010-06-24"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("row 2, column A (title)") && err.contains("UTF-8"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// Past 2 MiB of output the sorted lines go to temporary runs and are
/// merged: the list is still in order. With no temporary folder to write
/// to, the run says so and exits 2, after writing what it holds.
#[test]
fn a_long_list_is_sorted_through_temporary_runs() {
    let d = dir("long");
    let file = d.join("many.jsonl");
    // 16,000 cases, completion requested on one of 06-15, 06-17, 06-23
    // (overdue, due today, on time as of 2010-06-24; --all lists them all).
    let days = ["2010-06-15", "2010-06-17", "2010-06-23"];
    let text: String = (0..16_000)
        .map(|i| {
            c1(
                &format!("case {i}"),
                &format!(r#""completion_requested":"{}""#, days[i % 3]),
            ) + "\n"
        })
        .collect();
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    let (code, out, err) = yekuo(&[
        "due",
        f,
        "--as-of",
        "2010-06-24",
        "--all",
        "--format",
        "csv",
    ]);
    assert_eq!((code, err.as_str()), (1, ""));
    assert!(out.len() > 2 << 20, "enough to spill: {} bytes", out.len());
    let rows: Vec<(String, u64)> = out
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[2].to_string(), c[0].parse().unwrap())
        })
        .collect();
    assert_eq!(rows.len(), 16_000);
    let third = |state: &str, first_row: u64| {
        (0..16_000u64)
            .filter(|r| r % 3 == first_row - 1)
            .map(|r| (state.to_string(), r + 1))
            .collect::<Vec<_>>()
    };
    let want: Vec<(String, u64)> = [
        third("overdue", 1),
        third("due-today", 2),
        third("on-time", 3),
    ]
    .concat();
    assert_eq!(rows, want);

    let out = Command::new(env!("CARGO_BIN_EXE_yekuo"))
        .args(["due", f, "--as-of", "2010-06-24", "--all"])
        .env("TMPDIR", d.join("no such folder"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("temporary file"), "{err}");
}
