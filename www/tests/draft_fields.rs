//! Autosave keeps a draft as its list of form fields (src/draft_fields.rs).
//! Nothing typed may be lost on a reload: every field of a draft, set to a
//! value that differs from the default, must come back.

use std::path::Path;
use yekuo_www::draft::{CircuitDraft, ContractorDraft, Draft, EmergencyDraft, Input, PauseDraft};
use yekuo_www::draft_fields::{decode, encode};

mod common;
use common::every_field;

fn s(v: &str) -> String {
    v.to_string()
}

#[test]
fn every_field_survives_the_list() {
    let d = every_field();
    let (back, unplaced) = Draft::from_fields(d.fields());
    assert_eq!(unplaced, Vec::<String>::new());
    assert_eq!(back, d);
    // And through the stored strings.
    let stored: Vec<(String, String)> = d
        .fields()
        .iter()
        .map(|(k, v)| (k.clone(), encode(v)))
        .collect();
    let (back, _) = Draft::from_fields(stored.into_iter().map(|(k, v)| (k, decode(&v).unwrap())));
    assert_eq!(back, d);
}

#[test]
fn an_empty_draft_is_an_empty_list() {
    assert!(Draft::default().fields().is_empty());
    assert_eq!(
        Draft::from_fields(Vec::new()),
        (Draft::default(), Vec::new())
    );
}

/// Every case file we have, as the form holds it after an import.
#[test]
fn every_case_file_draft_survives_the_list() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut texts =
        vec![std::fs::read_to_string(root.join("examples/s0-case1-110kv.json")).unwrap()];
    for e in std::fs::read_dir(root.join("tests/golden/cases")).unwrap() {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap();
        if let Some(c) = v.get("case") {
            texts.push(c.to_string());
        }
    }
    for t in &texts {
        let d = Draft::from_case(&yekuo::case::parse_case(t).unwrap());
        assert_eq!(Draft::from_fields(d.fields()), (d, Vec::new()));
    }
}

#[test]
fn values_encode_and_decode() {
    for v in [
        Input::Text(s("")),
        Input::Text(s("T")),
        Input::Text(s("F1")),
        Input::Text(s("?")),
        Input::Flag(true),
        Input::Flag(false),
        Input::Tri(Some(true)),
        Input::Tri(Some(false)),
        Input::Tri(None),
    ] {
        assert_eq!(decode(&encode(&v)), Some(v));
    }
    assert_eq!(decode("X"), None);
    assert_eq!(decode(""), None);
}

#[test]
fn keys_from_elsewhere_are_reported_not_dropped() {
    let (d, unplaced) = Draft::from_fields(vec![
        (s("customer.category"), Input::Text(s("resident"))),
        (s("customer.colour"), Input::Text(s("red"))),
        (s("contractors.500.name"), Input::Text(s("x"))),
    ]);
    assert_eq!(d.category, "resident");
    assert_eq!(
        unplaced,
        vec![s("customer.colour"), s("contractors.500.name")]
    );
}

/// Issue 11 D4: a list of more than 100 rows was set aside as corrupt on
/// reload. Import, links and "+ add" have no fixed limit, so every list
/// length must come back, through the stored text as autosave writes it.
#[test]
fn lists_of_101_and_1000_rows_survive_a_reload() {
    use yekuo_www::state::{Mode, Saved, State};
    for n in [101, 1000] {
        let d = Draft {
            title: s("长清单"),
            contractors: (0..n)
                .map(|i| ContractorDraft {
                    name: format!("施工单位 {i}"),
                    ..ContractorDraft::default()
                })
                .collect(),
            paused: (0..n).map(|_| PauseDraft::default()).collect(),
            circuits: (0..n).map(|_| CircuitDraft::default()).collect(),
            emergency: (0..n).map(|_| EmergencyDraft::default()).collect(),
            ..Draft::default()
        };
        let mut state = State::new(Mode::Customer, chrono::NaiveDate::MIN);
        state.draft = d.clone();
        let back =
            Saved::parse(&Saved::of(&state).to_text()).unwrap_or_else(|e| panic!("{n} rows: {e}"));
        assert_eq!(back.draft, d, "{n} rows");
    }
}

/// The row bound is the saved list's own length: a forged index makes no rows.
#[test]
fn an_index_past_the_saved_list_makes_no_rows() {
    let (d, unplaced) =
        Draft::from_fields(vec![(s("contractors.999999999.name"), Input::Text(s("x")))]);
    assert!(d.contractors.is_empty());
    assert_eq!(unplaced, vec![s("contractors.999999999.name")]);
}
