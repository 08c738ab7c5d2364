//! `docs/report-format.md` against the JSON yekuo writes: every golden case
//! (and each variant) is evaluated and worded as `check --format json`
//! words it, and run through `check --batch` with and without `--full`;
//! every field name, every tag (`found`, `state`, `what`, `caveat`) and
//! every enumerated value that appears must be named in the document, in
//! backticks, and the document's format strings must be the code's. A new
//! field or tag in the code fails here until the document says what it is.

mod golden_support;

use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::process::Command;

/// Keys whose string values are a closed vocabulary the document lists.
/// Free text (titles, names, hazards), dates, rule ids, case-file paths and
/// the case file's own spellings (`categories`, `kinds`: docs/case-format.md)
/// are not.
const VOCABULARY: [&str; 20] = [
    "found",
    "state",
    "what",
    "caveat",
    "outcome",
    "unverified_would_be",
    "mark",
    "step",
    "unit",
    "kind",
    "scope",
    "started_by",
    "counted_from",
    "independence",
    "cover",
    "conduct",
    "convention",
    "need",
    "why",
    "operator",
];

fn doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/report-format.md");
    std::fs::read_to_string(path).expect("docs/report-format.md")
}

/// Every name in `v` a reader of the document needs: object keys, the
/// values of the [`VOCABULARY`] keys, and the bare strings of a `caveats`
/// list (a caveat without fields is serialized as its tag).
fn names(v: &Json, out: &mut BTreeSet<String>) {
    match v {
        Json::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                match x {
                    Json::String(s) if VOCABULARY.contains(&k.as_str()) => {
                        out.insert(s.clone());
                    }
                    Json::Array(a) if k == "caveats" => {
                        out.extend(a.iter().filter_map(Json::as_str).map(String::from));
                    }
                    _ => {}
                }
                names(x, out);
            }
        }
        Json::Array(a) => a.iter().for_each(|x| names(x, out)),
        _ => {}
    }
}

/// The names of `names` that `doc` does not mention in backticks.
fn unmentioned<'a>(doc: &str, names: &'a BTreeSet<String>) -> Vec<&'a str> {
    names
        .iter()
        .filter(|n| !doc.contains(&format!("`{n}`")))
        .map(String::as_str)
        .collect()
}

/// The names in every report, summary and full batch line of the golden cases.
fn names_in_output() -> BTreeSet<String> {
    let book = yekuo::rulebook::Rulebook::embedded();
    let cases = golden_support::scenario_cases();
    assert!(cases.len() > 50, "golden cases went missing");
    let mut out = BTreeSet::new();
    let mut lines = String::new();
    for (name, json, as_of) in &cases {
        let text = serde_json::to_string(json).unwrap();
        let case = yekuo::case::parse_case(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = yekuo::eval::evaluate(book, &case, *as_of);
        names(
            &serde_json::to_value(yekuo::render::json::worded(&report)).unwrap(),
            &mut out,
        );
        lines.push_str(&text);
        lines.push('\n');
    }
    // The batch's own lines (`"line"` first) come from the CLI itself.
    let file =
        std::env::temp_dir().join(format!("yekuo-report-format-{}.jsonl", std::process::id()));
    std::fs::write(&file, lines).unwrap();
    for full in [false, true] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_yekuo"));
        cmd.args(["check", "--batch"])
            .arg(&file)
            .args(["--as-of", "2024-06-28"]);
        if full {
            cmd.arg("--full");
        }
        let run = cmd.output().unwrap();
        assert!(
            run.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let stdout = String::from_utf8(run.stdout).unwrap();
        assert_eq!(stdout.lines().count(), cases.len());
        for l in stdout.lines() {
            names(&serde_json::from_str(l).unwrap(), &mut out);
        }
    }
    std::fs::remove_file(&file).unwrap();
    out
}

#[test]
fn the_document_names_every_field_and_tag_the_output_has() {
    let names = names_in_output();
    // A sample of what the golden cases must produce, so the check is not
    // passing over an output that lost its details.
    for n in [
        "found",
        "tier_held",
        "working_days_elapsed",
        "done-late",
        "line",
        "counts",
    ] {
        assert!(
            names.contains(n),
            "the golden cases no longer produce `{n}`"
        );
    }
    let missing = unmentioned(&doc(), &names);
    assert!(
        missing.is_empty(),
        "docs/report-format.md does not name (in backticks): {missing:?}"
    );
}

#[test]
fn a_name_left_out_of_the_document_is_caught() {
    let names: BTreeSet<String> = ["tier_held".to_string()].into();
    let doc = doc();
    assert!(unmentioned(&doc, &names).is_empty());
    assert_eq!(
        unmentioned(&doc.replace("`tier_held`", "tier_held"), &names),
        ["tier_held"]
    );
}

#[test]
fn the_document_gives_the_formats_the_code_writes() {
    let doc = doc();
    let title = doc.lines().next().unwrap_or_default();
    let in_title = title.split('`').nth(1);
    assert_eq!(in_title, Some(yekuo::report::FORMAT), "title: {title}");
    assert!(doc.contains(&format!("`\"{}\"`", yekuo::report::FORMAT)));
    assert!(doc.contains(&format!("`\"{}\"`", yekuo::summary::FORMAT)));
}
