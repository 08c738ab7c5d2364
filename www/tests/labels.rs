//! Every field a finding or an error can name has a form label in both
//! languages (`www/src/labels.rs`), so the app never falls back to showing
//! a JSON path. The fields come from running things, not from a list kept
//! beside the table: the findings of every case the repository holds, the
//! errors of a draft with every field wrong, and the errors the case
//! parser gives for a wrong value at every field the form edits.

use chrono::NaiveDate;
use serde_json::{json, Value as Json};
use std::cell::RefCell;
use std::collections::BTreeSet;
use yekuo::case::parse_case;
use yekuo::eval::evaluate;
use yekuo::render::{self, Audience, Reader};
use yekuo::report::Detail;
use yekuo::rulebook::Rulebook;
use yekuo_www::draft::{Draft, Input, DATE_FIELDS};
use yekuo_www::labels::{control, label};
use yekuo_www::lang::Lang;

mod common;
use common::{all_cases, every_field};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The paths in `paths` without a label in either language.
fn unlabelled<'a>(paths: impl IntoIterator<Item = &'a String>) -> Vec<&'a String> {
    paths
        .into_iter()
        .filter(|p| label(p, Lang::Zh).is_none() || label(p, Lang::En).is_none())
        .collect()
}

#[test]
fn labels_name_rows_as_the_form_numbers_them() {
    // The core's paths and the form's keys name the same field.
    for path in ["contractors[2].tier", "contractors.2.tier"] {
        assert_eq!(label(path, Lang::Zh).unwrap(), "施工单位 3 · 许可证等级");
        assert_eq!(
            label(path, Lang::En).unwrap(),
            "Contractor 3 · Licence tier"
        );
    }
    assert_eq!(label("contractors[0]", Lang::En).unwrap(), "Contractor 1");
    // `contractors[]`: any row.
    assert_eq!(
        label("contractors[].tier", Lang::En).unwrap(),
        "Contractor · Licence tier"
    );
    assert_eq!(
        label("paused[1].to", Lang::Zh).unwrap(),
        "暂停期间 2 · 结束日期"
    );
    // A list the form does not number is named by its own label.
    assert_eq!(label("documents[3]", Lang::Zh).unwrap(), "已备好的资料");
    assert_eq!(
        label("dates.accepted", Lang::En).unwrap(),
        "Application accepted"
    );
    // The form's control shows the label without the row (its legend has it).
    assert_eq!(
        control("contractors.0.tier"),
        Some(("许可证等级", "Licence tier"))
    );
    // Nothing the form lacks gets a made-up name.
    for path in [
        ".",
        "",
        "customer",
        "customer.colour",
        "dates.foo",
        "documents.D-ID",
    ] {
        assert_eq!(label(path, Lang::Zh), None, "{path}");
    }
}

thread_local! {
    /// The paths the render layer asked a label for.
    static ASKED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// The app's Chinese labels, noting each path asked (a `Reader` takes a
/// `'static` function, so the notes go to a thread-local).
fn recording_label(path: &str) -> Option<String> {
    ASKED.with(|a| a.borrow_mut().insert(path.to_string()));
    label(path, Lang::Zh)
}

#[test]
fn every_field_a_finding_names_has_a_label() {
    let book = Rulebook::embedded();
    let cases = all_cases(day("2026-11-22"));
    assert!(cases.len() > 30, "a spread of cases: {}", cases.len());
    // Every path the render layer asks a label for, as it words each
    // finding and caveat for both audiences: `inputs`, `NotGiven`, and the
    // fields its sentences name (a contractor, the pauses …).
    let mut named = BTreeSet::new();
    for (name, case, on) in &cases {
        let report = evaluate(book, case, *on);
        for f in &report.findings {
            named.extend(f.inputs.iter().map(|i| i.to_string()));
            if let Detail::NotGiven { field, .. } = &f.detail {
                named.insert(field.to_string());
            }
            for audience in [Audience::Customer, Audience::Clerk] {
                let r = Reader {
                    lang: render::Lang::Zh,
                    audience,
                    label: &recording_label,
                };
                assert!(!render::message(f, &r).is_empty(), "{name}");
                for c in &f.caveats {
                    let _ = render::caveat(c, f, &r);
                }
            }
        }
    }
    let asked = ASKED.with(|a| a.take());
    assert!(
        named.contains("dates.construction_start") && named.contains("contractors[0].tier"),
        "the cases name fields: {named:?}"
    );
    assert_eq!(
        unlabelled(&named),
        Vec::<&String>::new(),
        "named by findings"
    );
    assert_eq!(
        unlabelled(&asked),
        Vec::<&String>::new(),
        "asked by the words"
    );
}

/// A draft's errors, each field named by its label in the summary, and no
/// path in what the summary says.
fn check_errors(d: &Draft) -> usize {
    let errors = d.check().errors;
    for e in &errors {
        for lang in [Lang::Zh, Lang::En] {
            let l = label(&e.field, lang).unwrap_or_else(|| panic!("no label: {e:?}"));
            let summary = e.summary(lang);
            assert!(summary.starts_with(&format!("{l}: ")), "{summary}");
            assert!(
                !summary.contains(&e.field) && !summary.contains('_') && !summary.contains('`'),
                "a path in {summary}"
            );
        }
    }
    errors.len()
}

#[test]
fn every_field_the_draft_reports_has_a_label() {
    let full = every_field();
    assert!(check_errors(&full) >= 4, "the full draft has bad values");
    // Each text field on its own, with text no field accepts.
    for (key, input) in full.fields() {
        if let Input::Text(_) = input {
            let mut d = full.clone();
            assert!(d.set(&key, Input::Text("9x".into())), "{key}");
            check_errors(&d);
        }
    }
    // Every date after the next one: each ordered pair is wrong.
    let mut d = Draft {
        category: "high-voltage".into(),
        business: "new".into(),
        ..Draft::default()
    };
    for (i, f) in DATE_FIELDS.iter().enumerate() {
        let date = day("2020-12-31") - chrono::Days::new(i as u64);
        d.set(&format!("dates.{}", f.key), Input::Text(date.to_string()));
    }
    // A pause that ends before it starts, an outage without its day, a
    // low-voltage customer at 110 kV.
    d.paused.push(Default::default());
    d.set("paused.0.from", Input::Text("2020-05-02".into()));
    d.set("paused.0.to", Input::Text("2020-05-01".into()));
    d.set("outage.reminder_given", Input::Tri(Some(true)));
    assert!(check_errors(&d) >= 5);
    d.category = "resident".into();
    d.set("customer.voltage_kv", Input::Text("110".into()));
    check_errors(&d);
}

/// The case file path a form key edits: `contractors.1.tier` is
/// `contractors[1].tier`; a ticked value of a list (`documents.D-ID`,
/// `contractors.1.categories.install`) is an element of that list.
fn path_of(key: &str) -> String {
    let mut out = String::new();
    let parts: Vec<&str> = key.split('.').collect();
    for (i, p) in parts.iter().enumerate() {
        let list_value = i == parts.len() - 1
            && matches!(
                parts.get(i.wrapping_sub(1)),
                Some(&("documents" | "categories" | "activities"))
            );
        if p.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{p}]"));
        } else if list_value {
            out.push_str("[0]");
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(p);
        }
    }
    out
}

/// Put `value` at `path` (`a.b[1].c`) in `doc`, making what is missing.
fn put(doc: &mut Json, path: &str, value: Json) {
    let mut at = doc;
    for seg in path.split('.') {
        let (name, index) = match seg.split_once('[') {
            Some((n, i)) => (n, Some(i.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (seg, None),
        };
        at = at
            .as_object_mut()
            .unwrap()
            .entry(name)
            .or_insert(if index.is_some() {
                json!([])
            } else {
                json!({})
            });
        if let Some(i) = index {
            let list = at.as_array_mut().unwrap();
            while list.len() <= i {
                list.push(json!({}));
            }
            at = &mut list[i];
        }
    }
    *at = value;
}

#[test]
fn every_field_the_form_edits_that_an_import_error_names_has_a_label() {
    let full = every_field();
    let case = full.check().case.unwrap();
    let base = serde_json::to_value(&case).unwrap();
    let mut keys = 0;
    for (key, _) in full.fields() {
        let path = path_of(&key);
        let mut doc = base.clone();
        // A list of lists fits no field of a case file.
        put(&mut doc, &path, json!([[1]]));
        let e = parse_case(&doc.to_string()).expect_err(&key);
        // A list field's error names the element (`supply.hazards[0]`).
        assert!(
            e.field == path || e.field.starts_with(&format!("{path}[")),
            "{key}: the error names {}, not {path}",
            e.field
        );
        for lang in [Lang::Zh, Lang::En] {
            assert!(label(&e.field, lang).is_some(), "no label for {}", e.field);
        }
        keys += 1;
    }
    assert!(keys > 60, "{keys} keys");
}

/// The tier and load-grade choices of the form are the limits of the core,
/// each once, after the empty "don't know".
#[test]
fn tier_and_grade_choices_are_the_core_limits() {
    use yekuo_www::labels::{GRADE_OPTIONS, TIER_OPTIONS};
    let codes = |o: &[(&str, &str, &str)]| -> Vec<String> {
        o.iter().map(|(c, _, _)| c.to_string()).collect()
    };
    let range = |r: std::ops::RangeInclusive<u8>| -> Vec<String> {
        std::iter::once(String::new())
            .chain(r.map(|n| n.to_string()))
            .collect()
    };
    assert_eq!(codes(TIER_OPTIONS), range(yekuo::limits::LICENCE_TIERS));
    assert_eq!(codes(GRADE_OPTIONS), range(yekuo::limits::LOAD_GRADES));
}

/// The voltage choices are the draft's voltages, each once, after "don't
/// know", and say the voltage in everyday units (伏 / 千伏, V / kV), never
/// the case file's bare kilovolts.
#[test]
fn voltage_choices_are_the_draft_voltages_in_everyday_units() {
    use yekuo_www::draft::{VOLTAGES_HV, VOLTAGES_LV};
    use yekuo_www::labels::{VOLTAGE_OPTIONS_HV, VOLTAGE_OPTIONS_LV};
    for (options, values) in [
        (VOLTAGE_OPTIONS_LV, VOLTAGES_LV),
        (VOLTAGE_OPTIONS_HV, VOLTAGES_HV),
    ] {
        let codes: Vec<&str> = options.iter().map(|(c, _, _)| *c).collect();
        let want: Vec<&str> = std::iter::once("").chain(values.iter().copied()).collect();
        assert_eq!(codes, want);
        for (code, zh, en) in &options[1..] {
            assert!(
                zh.contains('伏') && (en.contains(" V") || en.contains(" kV")),
                "{code}: {zh} / {en}"
            );
        }
    }
    assert!(VOLTAGE_OPTIONS_LV[1].1.starts_with("220 伏"));
    assert!(VOLTAGE_OPTIONS_LV[2].1.starts_with("380 伏"));
}
