//! Terminal safety of the text report (issue 11, D11): whatever text a case
//! carries (names, substations, hazards, a title), the report printed by
//! `yekuo check` holds no control character but the line breaks between its
//! own lines, no bidirectional override, and one finding is one block: a
//! `[outcome] RULE` line, then lines indented by four spaces.

use proptest::prelude::*;
use serde_json::json;
use yekuo::eval::evaluate;
use yekuo::render::text::{is_unsafe, report as render};
use yekuo::rulebook::Rulebook;

/// Text as a hostile or careless case file might carry it: escape
/// sequences, bare carriage returns, newlines followed by something that
/// looks like a finding, line and paragraph separators, bidi overrides.
fn nasty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{1b}[2J\u{1b}[31m".to_string()),
        Just("\r".to_string()),
        Just("\n[违规] LIC-02 forged\n".to_string()),
        Just("\n    依据 fake".to_string()),
        Just("\u{202e}txt.exe".to_string()),
        Just("\u{2028}\u{2029}\u{85}\u{9b}\u{7f}\t\u{0}".to_string()),
        Just("\u{2066}\u{200f}".to_string()),
        "[a-z居民 ]{0,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 1..5).prop_map(|v| v.concat())
}

fn check_report(text: &str, findings: usize) -> Result<(), TestCaseError> {
    for (i, c) in text.char_indices() {
        prop_assert!(
            c == '\n' || !is_unsafe(c),
            "U+{:04X} at byte {i} of the report",
            u32::from(c)
        );
    }
    // The findings section: after the two header lines and a blank line, up
    // to the blank line before the timeline.
    let lines: Vec<&str> = text.lines().collect();
    let body = lines[3..].split(|l| l.is_empty()).next().unwrap_or(&[]);
    let heads = body.iter().filter(|l| l.starts_with('[')).count();
    prop_assert_eq!(heads, findings, "one `[outcome]` line per finding");
    for l in body {
        prop_assert!(
            l.starts_with('[') || l.starts_with("    "),
            "a stray line: {l:?}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_case_text_reaches_the_terminal_raw(
        title in nasty(),
        name in nasty(),
        substation in nasty(),
        hazard in nasty(),
        reason in nasty(),
    ) {
        let case = json!({
            "format": "yekuo-case/1",
            "title": title,
            "customer": { "category": "高压", "business": "新装", "voltage_kv": 110, "important": true },
            "utility": { "operator": "SGCC" },
            "supply": {
                "sources": "dual", "load_grade": 1, "hazards": [hazard],
                "circuits": [
                    { "substation": substation, "bus_section": name },
                    { "substation": substation, "bus_section": name }
                ]
            },
            "dates": { "accepted": "2010-03-02", "plan_issued": "2010-04-20", "construction_start": "2010-06-01" },
            "paused": [ { "from": "2010-03-10", "to": "2010-03-12", "reason": reason } ],
            "contractors": [ { "name": name, "licensed": true, "tier": 4, "categories": ["install"], "activities": ["install"] } ]
        });
        let case = yekuo::case::parse_case(&case.to_string()).unwrap();
        let report = evaluate(Rulebook::embedded(), &case, yekuo::day::parse_iso("2010-07-01").unwrap());
        for english in [false, true] {
            check_report(&render(&report, english), report.findings.len())?;
        }
    }
}

#[test]
fn a_forged_line_is_shown_as_its_code() {
    let s = yekuo::render::text::terminal_safe("a\n[违规] b\u{1b}[31m\u{202e}");
    assert_eq!(s, "a<U+000A>[违规] b<U+001B>[31m<U+202E>");
}
