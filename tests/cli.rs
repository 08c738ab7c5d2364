//! The `yekuo` binary: outputs, exit codes and located errors.

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

#[test]
fn calendar_commands() {
    assert_eq!(
        yekuo(&["calendar", "add", "2010-06-15", "5"]).1.trim(),
        "2010-06-23"
    );
    assert_eq!(
        yekuo(&["calendar", "count", "2009-01-12", "2009-01-26"])
            .1
            .trim(),
        "10"
    );
    assert_eq!(
        yekuo(&["calendar", "is-workday", "2010-06-12"]).1.trim(),
        "true"
    );
    let (code, out, err) = yekuo(&["calendar", "add", "2026-12-30", "3"]);
    assert_eq!((code, out.trim()), (0, "2027-01-04"));
    assert!(
        err.contains("CAL-11") && err.contains("2027-01-01"),
        "{err}"
    );
    let (code, _, err) = yekuo(&["calendar", "add", "2023-02-30", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("2023-02-30"), "{err}");
}

#[test]
fn check_the_s0_case_as_json() {
    let (code, out, _) = yekuo(&[
        "check",
        "examples/s0-case1-110kv.json",
        "--as-of",
        "2010-07-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "violations give exit code 1");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    let has = |rule: &str, outcome: &str| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == rule && f["outcome"] == outcome)
    };
    assert!(
        has("LIC-02", "violation") && has("PLAN-01", "violation") && has("IND-01", "violation")
    );
    assert!(has("TL-05", "overdue") && has("TL-01", "ok"));
}

#[test]
fn text_report_in_both_languages() {
    let (_, zh, _) = yekuo(&[
        "check",
        "examples/s0-case1-110kv.json",
        "--as-of",
        "2010-07-01",
    ]);
    assert!(
        zh.contains("[违规] LIC-02") && zh.contains("第七条"),
        "{zh}"
    );
    let (_, en, _) = yekuo(&[
        "check",
        "examples/s0-case1-110kv.json",
        "--as-of",
        "2010-07-01",
        "--lang",
        "en",
    ]);
    assert!(en.contains("[violation] LIC-02"), "{en}");
}

#[test]
fn bad_input_exit_2_with_the_field() {
    let dir = std::env::temp_dir().join(format!("yekuo-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"format":"yekuo-case/1","customer":{"category":"高压","business":"新装"},"dates":{"accepted":"2023-02-30"}}"#).unwrap();
    let (code, _, err) = yekuo(&["check", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("dates.accepted")
            && err.contains("2023-02-30")
            && err.contains("不是有效日期"),
        "{err}"
    );
    assert_eq!(yekuo(&["check"]).0, 2);
    assert_eq!(yekuo(&["frobnicate"]).0, 2);
    assert_eq!(
        yekuo(&["check", "examples/s0-case1-110kv.json", "--format", "xml"]).0,
        2
    );
}

#[test]
fn batch_skips_bad_lines_and_reports_them() {
    let dir = std::env::temp_dir().join(format!("yekuo-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap();
    let one_line: serde_json::Value = serde_json::from_str(&good).unwrap();
    let line = serde_json::to_string(&one_line).unwrap();
    let file = dir.join("cases.jsonl");
    std::fs::write(
        &file,
        format!("{line}\n{{\"format\":\"yekuo-case/1\",\"colour\":1}}\n{line}\n"),
    )
    .unwrap();
    let batch = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "--batch",
            file.to_str().unwrap(),
            "--as-of",
            "2010-07-01",
        ];
        args.extend(extra);
        yekuo(&args)
    };
    let (code, out, err) = batch(&[]);
    assert_eq!(out.lines().count(), 2, "two good lines give two summaries");
    assert!(err.contains(":2:") && err.contains("colour"), "{err}");
    assert_eq!(code, 2);
    // Each summary names the input line it answers; the bad line 2 has none.
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[1]["line"], 3);
    // S0 as of 2010-07-01 (cases.md C1): the LIC-02 tier violation under the
    // 2010 licence rules, the PLAN-01 expired plan and the TL-05 overdue
    // inspection, each with its instrument and mark, no prose.
    let s = &lines[0];
    assert_eq!(s["format"], "yekuo-summary/1");
    assert_eq!(s["adverse"], true);
    let has =
        |rule: &str, outcome: &str, instrument: &str| {
            s["findings"].as_array().unwrap().iter().any(|f| {
                f["rule"] == rule && f["outcome"] == outcome && f["instrument"] == instrument
            })
        };
    assert!(has("LIC-02", "violation", "licence-2010"), "{s}");
    assert!(has("PLAN-01", "violation", "gdyygz-1996"), "{s}");
    assert!(has("TL-05", "overdue", "gdjgbf-2010"), "{s}");
    assert!(s["findings"][0]["mark"].is_string() && s["findings"][0].get("message").is_none());

    // --full writes the whole report instead, still with the line number.
    let (_, full, _) = batch(&["--full"]);
    let first: serde_json::Value = serde_json::from_str(full.lines().next().unwrap()).unwrap();
    assert_eq!(first["format"], "yekuo-report/2");
    assert_eq!(first["line"], 1);
    assert!(first["findings"][0]["message"]["zh"].is_string());
    // The summary's counts agree with the full report, and an outcome with
    // no findings is left out rather than written as 0.
    let outcomes = [
        "violation",
        "overdue",
        "missing",
        "warning",
        "cannot-determine",
        "ok",
        "not-applicable",
    ];
    for o in outcomes {
        let n = first["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["outcome"] == o)
            .count();
        let counted = s["counts"].get(o).and_then(serde_json::Value::as_u64);
        assert_eq!(counted, (n > 0).then_some(n as u64), "{o}: {}", s["counts"]);
    }
    assert!(
        s["counts"].as_object().unwrap().len() < outcomes.len(),
        "S0 has outcomes with no findings, so some count is left out: {}",
        s["counts"]
    );

    // --full means nothing without --batch: said, not ignored.
    let (code, _, err) = yekuo(&["check", "examples/s0-case1-110kv.json", "--full"]);
    assert_eq!(code, 2);
    assert!(err.contains("--full") && err.contains("--batch"), "{err}");
}

#[test]
fn rules_lists_every_rule_with_citation_and_mark() {
    let (code, out, _) = yekuo(&["rules"]);
    assert_eq!(code, 0);
    assert!(out.contains("LIC-02") && out.contains("[V]") && out.contains("第七条"));
}

#[test]
fn another_rulebook_can_be_loaded_and_a_bad_one_is_located() {
    let dir = std::env::temp_dir().join(format!("yekuo-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/data/rules");
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    assert_eq!(yekuo(&["rules", "--rules", dir.to_str().unwrap()]).0, 0);
    let f = dir.join("gdjgbf-2010.toml");
    let t = std::fs::read_to_string(&f).unwrap().replacen(
        "unit = \"working-days\"",
        "unit = \"weeks\"",
        1,
    );
    std::fs::write(&f, t).unwrap();
    let (code, _, err) = yekuo(&["rules", "--rules", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    // A unit outside the vocabulary is refused where it stands: file, line, word.
    assert!(
        err.contains("gdjgbf-2010.toml") && err.contains("line ") && err.contains("weeks"),
        "{err}"
    );
}

/// Rules are data (issue 12): the minutes of OTH-03's reminder come from
/// the rule file, so a copy of data/rules with another number, loaded with
/// `--rules`, changes the words of the finding. 30 minutes is the 1996
/// rules' figure (catalog OTH-03); 45 is the edited copy's.
#[test]
fn the_reminder_minutes_in_the_words_come_from_the_rule_file() {
    let case = std::env::temp_dir().join(format!("yekuo-outage-{}.json", std::process::id()));
    std::fs::write(
        &case,
        r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装"},
            "outage":{"date":"2005-03-10","notice_date":"2005-03-05","reminder_given":false}}"#,
    )
    .unwrap();
    let case = case.to_str().unwrap();
    let oth03 = |out: &str| -> String {
        out.lines()
            .find(|l| l.contains("OTH-03") && l.contains("reminder"))
            .unwrap_or_else(|| panic!("no OTH-03 reminder finding in {out}"))
            .to_string()
    };
    let args = ["check", case, "--as-of", "2005-04-01", "--lang", "en"];
    let (_, out, err) = yekuo(&args);
    assert!(oth03(&out).contains("30 minutes"), "{out}{err}");

    let dir = std::env::temp_dir().join(format!("yekuo-rules-reminder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/data/rules");
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let f = dir.join("gdyygz-1996.toml");
    let text = std::fs::read_to_string(&f).unwrap();
    let edited = text.replace(
        r#"{ what = "reminder", amount = 30, unit = "minutes" }"#,
        r#"{ what = "reminder", amount = 45, unit = "minutes" }"#,
    );
    assert_ne!(text, edited, "the 1996 file gives the reminder");
    std::fs::write(&f, edited).unwrap();
    let mut with_rules = args.to_vec();
    with_rules.extend(["--rules", dir.to_str().unwrap()]);
    let (_, out, err) = yekuo(&with_rules);
    let line = oth03(&out);
    assert!(
        line.contains("45 minutes") && !line.contains("30"),
        "{line}{err}"
    );
}

/// The one-time document checklist the app shows, in the text report and
/// in the JSON (catalog §2.1 D-ID, DOC-02): a household that brings only its
/// proof of rights lacks the identity document, whose accepted forms are an
/// individual's (居民身份证, 户口簿 …), never a business licence; a
/// low-voltage non-resident is offered the business licence.
#[test]
fn check_prints_the_one_time_checklist() {
    let dir = std::env::temp_dir().join(format!("yekuo-cli-checklist-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case = |category: &str| {
        let path = dir.join(format!("{category}.json"));
        std::fs::write(
            &path,
            format!(
                r#"{{"format":"yekuo-case/1","customer":{{"category":"{category}","business":"新装"}},
                    "utility":{{"operator":"SGCC"}},"documents":["D-PROP"],"dates":{{"accepted":"2024-03-01"}}}}"#
            ),
        )
        .unwrap();
        path.to_string_lossy().into_owned()
    };
    let household = case("resident");
    let shop = case("lv-nonresident");
    let check = |path: &str, more: &[&str]| {
        let mut args = vec!["check", path, "--as-of", "2024-03-05"];
        args.extend_from_slice(more);
        let (code, out, err) = yekuo(&args);
        assert_eq!(code, 1, "a document is missing: {err}");
        out
    };

    let zh = check(&household, &[]);
    let list = zh
        .split_once("申请资料清单(一次性告知)")
        .unwrap_or_else(|| panic!("no checklist in {zh}"))
        .1;
    assert!(
        list.contains("[缺] 用电人有效身份证明 (D-ID)")
            && list.contains("[有] 用电地址物业权属证明 (D-PROP)"),
        "{list}"
    );
    assert!(list.contains("户口簿") && list.contains("护照"), "{list}");
    assert!(!zh.contains("营业执照"), "{zh}");

    let en = check(&household, &["--lang", "en"]);
    let list = en
        .split_once("Document checklist (one-time list)")
        .unwrap_or_else(|| panic!("no checklist in {en}"))
        .1;
    assert!(
        list.contains("[missing] Applicant's identity document (D-ID)")
            && list.contains("household register"),
        "{list}"
    );
    assert!(!en.contains("business licence"), "{en}");

    let json: serde_json::Value =
        serde_json::from_str(&check(&household, &["--format", "json"])).unwrap();
    let items = json["checklist"]
        .as_array()
        .expect("a checklist in the JSON");
    let item = |code: &str| {
        items
            .iter()
            .find(|i| i["document"]["code"] == code)
            .unwrap_or_else(|| panic!("{code} not in {items:?}"))
    };
    assert_eq!(item("D-ID")["held"], false);
    assert_eq!(item("D-PROP")["held"], true);
    let forms: Vec<&str> = item("D-ID")["document"]["accepted"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["zh"].as_str())
        .collect();
    assert!(forms.contains(&"户口簿"), "{forms:?}");
    assert!(forms.iter().all(|f| !f.contains("营业执照")), "{forms:?}");

    let zh = check(&shop, &[]);
    let list = zh.split_once("申请资料清单(一次性告知)").unwrap().1;
    assert!(
        list.contains("营业执照") && !list.contains("户口簿"),
        "{list}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// No silent gaps (issue 13): a high-voltage case accepted in 1990, before
/// every instrument of the rulebook (the earliest with duties, 供电营业规则
/// 1996, is in force from 1996-10-08: catalog §4.2), gave an empty report
/// and exit 0, "nothing wrong". Now it says which dates are outside and
/// exits 3; anything adverse still exits 1, and bad input 2.
#[test]
fn a_case_outside_the_rulebook_exits_3_not_0() {
    let dir = std::env::temp_dir().join(format!("yekuo-cover-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = r#"{"format":"yekuo-case/1","customer":{"category":"高压","business":"新装","voltage_kv":10},"supply":{"sources":"single"},"dates":{"accepted":"1990-03-01","plan_issued":"1990-05-01"}}"#;
    let case = dir.join("hv-1990.json");
    std::fs::write(&case, old).unwrap();
    let case = case.to_str().unwrap();
    let (code, zh, _) = yekuo(&["check", case, "--as-of", "1991-01-01"]);
    assert_eq!(code, 3, "{zh}");
    assert!(
        zh.contains("[超出范围] CAL-08") && zh.contains("1990-03-01") && zh.contains("1990-05-01"),
        "{zh}"
    );
    let (code, json, _) = yekuo(&["check", case, "--as-of", "1991-01-01", "--format", "json"]);
    assert_eq!(code, 3);
    let r: serde_json::Value = serde_json::from_str(&json).unwrap();
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["outcome"] == "not-covered")
        .unwrap_or_else(|| panic!("no not-covered finding in {json}"));
    assert_eq!(f["rule"], "CAL-08");
    assert_eq!(
        f["inputs"],
        serde_json::json!(["dates.accepted", "dates.plan_issued"])
    );
    let d = &f["detail"]["coverage"];
    assert_eq!(d["dates"][0]["date"], "1990-03-01");
    // The earliest instrument is named, and starts after both dates.
    let from = d["earliest"]["from"].as_str().unwrap_or_default();
    assert!(from > "1990-05-01", "{d}");

    // A batch: the summary counts it; alone it exits 3, beside an adverse
    // case 1, beside a bad line 2.
    let s0 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap();
    let s0 =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&s0).unwrap()).unwrap();
    let batch = |name: &str, lines: &[&str]| {
        let file = dir.join(name);
        std::fs::write(&file, lines.join("\n") + "\n").unwrap();
        yekuo(&[
            "check",
            "--batch",
            file.to_str().unwrap(),
            "--as-of",
            "2010-07-01",
        ])
    };
    let (code, out, _) = batch("old.jsonl", &[old]);
    assert_eq!(code, 3, "{out}");
    let s: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(s["counts"]["not-covered"], 1, "{s}");
    assert_eq!(s["adverse"], false);
    assert_eq!(batch("mixed.jsonl", &[old, &s0]).0, 1);
    assert_eq!(batch("bad.jsonl", &[old, "{}"]).0, 2);
}

/// China Southern Grid with a fact only State Grid's commitments cover: the
/// report names the field and says why, and the exit code is 3.
#[test]
fn a_fact_for_another_utility_is_named_not_dropped() {
    let case = std::env::temp_dir().join(format!("yekuo-csg-{}.json", std::process::id()));
    std::fs::write(
        &case,
        r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装"},
            "utility":{"operator":"南方电网"},"dates":{"accepted":"2023-03-01","plan_issued":"2023-03-03"},
            "documents":["D-ID","D-PROP"],"conduct":{"stalled_without_notice":true}}"#,
    )
    .unwrap();
    let (code, en, _) = yekuo(&[
        "check",
        case.to_str().unwrap(),
        "--as-of",
        "2023-06-01",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 3, "{en}");
    let line = en
        .lines()
        .find(|l| l.starts_with("[not-covered] NOTICE-03"))
        .unwrap_or_else(|| panic!("no NOTICE-03 gap in {en}"));
    assert!(
        line.contains("conduct.stalled_without_notice")
            && line.contains("2023-03-01")
            && line.contains("China Southern Grid"),
        "{line}"
    );
}

/// `docs/coverage.md` is exactly what `yekuo coverage` prints, so the table
/// of instruments, dates and utilities is made from the rule files and
/// cannot go stale (`YEKUO_BLESS=1 cargo test --test cli` rewrites it after
/// a rule-file change; review the diff).
#[test]
fn docs_coverage_md_is_what_yekuo_coverage_prints() {
    let (code, out, err) = yekuo(&["coverage"]);
    assert_eq!(code, 0, "{err}");
    // What the issue asks the page to say, by name.
    for words in [
        "| 1996-10-08 [V] | 2024-05-31 [V] | `gdyygz-1996`",
        "State Grid only",
        "China Southern Grid's own commitments",
        "Provincial and local rules",
        "Events before the earliest instrument",
        "Years without holiday data",
    ] {
        assert!(out.contains(words), "`{words}` not in:\n{out}");
    }
    // NOTICE-03 rests on State Grid's commitments alone: for China Southern
    // Grid it is not covered on any day.
    assert!(
        out.lines()
            .any(|l| l.starts_with("| NOTICE-03 |") && l.ends_with("| not covered |")),
        "{out}"
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/coverage.md");
    if std::env::var_os("YEKUO_BLESS").is_some() {
        std::fs::write(path, &out).unwrap();
    }
    let doc = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        doc == out,
        "docs/coverage.md is not what `yekuo coverage` prints; rerun with YEKUO_BLESS=1 and review the diff"
    );
}

/// Issue 14 item 5: the English text report names the holidays in English
/// (from the calendar data's `names`), and the JSON carries both names.
/// Expected by hand from data/calendar/cn-national.toml: 2009 Spring Festival
/// 01-25..01-31 off with 01-24 and 02-01 worked; 2010-06-16 Dragon Boat
/// Festival; 2015-09-03..04 off and 09-06 worked for the 70th anniversary.
#[test]
fn english_report_names_the_holidays_in_english() {
    let holidays = |out: &str| -> Vec<String> {
        out.lines()
            .filter_map(|l| l.trim().strip_prefix("holidays crossed: "))
            .map(str::to_string)
            .collect()
    };
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));

    let (_, en, _) = yekuo(&[
        "check",
        "examples/s0-case1-110kv.json",
        "--as-of",
        "2010-07-01",
        "--lang",
        "en",
    ]);
    let lines = holidays(&en);
    assert!(!lines.is_empty(), "no holidays crossed in {en}");
    assert!(lines.iter().all(|l| !cjk(l)), "{lines:#?}");
    let all = lines.join("\n");
    assert!(
        all.contains("2009-01-25 Spring Festival")
            && all.contains("2009-02-01 Spring Festival (make-up workday)")
            && all.contains("2010-06-16 Dragon Boat Festival"),
        "{all}"
    );

    let dir = std::env::temp_dir().join(format!("yekuo-cli-holiday-en-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("case.json");
    std::fs::write(
        &path,
        r#"{"format":"yekuo-case/1","customer":{"category":"resident","business":"新装"},
            "utility":{"operator":"SGCC"},"documents":["D-ID","D-PROP"],"dates":{"accepted":"2015-09-02"}}"#,
    )
    .unwrap();
    let path = path.to_string_lossy().into_owned();
    let args = ["check", &path, "--as-of", "2015-09-20", "--lang", "en"];
    let (_, en, err) = yekuo(&args);
    let all = holidays(&en).join("\n");
    assert!(
        all.contains("2015-09-03 70th anniversary of victory in the War of Resistance")
            && all.contains("(make-up workday)")
            && !cjk(&all),
        "{all}\n{en}\n{err}"
    );
    let (_, zh, _) = yekuo(&args[..4]);
    assert!(zh.contains("2015-09-03 抗战胜利70周年纪念日"), "{zh}");
    let (_, json, _) = yekuo(&["check", &path, "--as-of", "2015-09-20", "--format", "json"]);
    assert!(
        json.contains(r#""name": "抗战胜利70周年纪念日""#)
            && json
                .contains(r#""name_en": "70th anniversary of victory in the War of Resistance""#),
        "{json}"
    );
}
