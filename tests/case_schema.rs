//! docs/case.schema.json against the serde model of the case
//! (`yekuo::case`), so the published schema cannot drift from what the
//! parser reads. The model is asked, not restated: serde names every field
//! and value it accepts when it refuses a probe (`unknown field `__probe`,
//! expected one of …`), and those lists must equal the schema's. The
//! numeric bounds must equal `yekuo::limits`. (tests/schema_check.py then
//! validates every case file we have against the schema.)

use serde_json::{json, Value as Json};
use yekuo::limits;

const PROBE: &str = "__probe";

fn schema() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/case.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn base() -> Json {
    json!({"format": yekuo::case::FORMAT, "customer": {"category": "resident", "business": "new"}})
}

/// A schema location as steps into a case: an object key, or "the first item".
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Item,
}

/// `case` with `value` placed at `steps` (creating objects and one-item
/// arrays on the way).
fn place(case: &mut Json, steps: &[Step], value: Json) {
    let Some((first, rest)) = steps.split_first() else {
        *case = value;
        return;
    };
    let slot = match first {
        Step::Key(k) => {
            let obj = case.as_object_mut().expect("an object on the way");
            obj.entry(k.clone()).or_insert_with(|| match rest.first() {
                Some(Step::Item) => json!([]),
                _ => json!({}),
            })
        }
        Step::Item => {
            let arr = case.as_array_mut().expect("an array on the way");
            if arr.is_empty() {
                arr.push(json!({}));
            }
            &mut arr[0]
        }
    };
    place(slot, rest, value);
}

/// What serde says it expected when it refused the probe placed at `steps`.
fn serde_expects(steps: &[Step], probe: Json) -> Vec<String> {
    let mut case = base();
    place(&mut case, steps, probe);
    let err = yekuo::case::parse_case(&case.to_string())
        .expect_err("a probe must be refused")
        .message_en;
    let (_, list) = err
        .split_once("expected ")
        .unwrap_or_else(|| panic!("{steps:?}: no list in {err:?}"));
    let list = list.strip_prefix("one of ").unwrap_or(list);
    list.split(", ")
        .flat_map(|s| s.split(" or "))
        .map(|s| s.trim().trim_matches('`').to_string())
        .collect()
}

/// Every object and enum of the schema, with its location.
type Objects = Vec<(Vec<Step>, Vec<String>)>;
type Enums = Vec<(Vec<Step>, Vec<Json>)>;

fn walk(s: &Json, at: Vec<Step>, objects: &mut Objects, enums: &mut Enums) {
    if let Some(props) = s.get("properties").and_then(Json::as_object) {
        objects.push((at.clone(), props.keys().cloned().collect()));
        for (k, v) in props {
            let mut next = at.clone();
            next.push(Step::Key(k.clone()));
            walk(v, next, objects, enums);
        }
    }
    if let Some(items) = s.get("items") {
        let mut next = at.clone();
        next.push(Step::Item);
        walk(items, next, objects, enums);
    }
    if let Some(e) = s.get("enum").and_then(Json::as_array) {
        enums.push((at, e.clone()));
    }
}

fn name(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| match s {
            Step::Key(k) => k.as_str(),
            Step::Item => "[]",
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[test]
fn schema_names_exactly_the_fields_and_values_serde_reads() {
    let mut objects = Vec::new();
    let mut enums = Vec::new();
    walk(&schema(), Vec::new(), &mut objects, &mut enums);
    assert!(objects.len() >= 10 && enums.len() >= 8, "walked too little");
    let mut problems = Vec::new();
    for (at, mut fields) in objects {
        let mut steps = at.clone();
        steps.push(Step::Key(PROBE.into()));
        let mut expected = serde_expects(&steps, json!(1));
        fields.sort();
        expected.sort();
        if fields != expected {
            problems.push(format!(
                "{}: schema {fields:?}, serde {expected:?}",
                name(&at)
            ));
        }
    }
    for (at, values) in enums {
        let strings: Vec<String> = values
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        if strings.is_empty() {
            continue; // numeric: the next test checks those against the limits
        }
        let mut expected = serde_expects(&at, json!(PROBE));
        let mut strings = strings;
        strings.sort();
        expected.sort();
        if strings != expected {
            problems.push(format!(
                "{}: schema {strings:?}, serde {expected:?}",
                name(&at)
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn schema_bounds_are_the_limits() {
    let s = schema();
    let p = |path: &str| s.pointer(path).unwrap_or_else(|| panic!("{path}"));
    let ints = |v: &Json| -> Vec<u64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect()
    };
    let range =
        |r: &std::ops::RangeInclusive<u8>| -> Vec<u64> { r.clone().map(u64::from).collect() };
    assert_eq!(p("/properties/format/const"), &json!(yekuo::case::FORMAT));
    assert_eq!(
        ints(p("/properties/supply/properties/load_grade/enum")),
        range(&limits::LOAD_GRADES)
    );
    assert_eq!(
        ints(p("/properties/contractors/items/properties/tier/enum")),
        range(&limits::LICENCE_TIERS)
    );
    assert_eq!(
        ints(p("/properties/conduct/properties/demanded_tier/enum")),
        range(&limits::LICENCE_TIERS)
    );
    for q in ["voltage_kv", "capacity_kva", "capacity_kw"] {
        let f = p(&format!("/properties/customer/properties/{q}"));
        assert_eq!(f["maximum"].as_f64(), Some(limits::MAX_QUANTITY), "{q}");
        assert_eq!(f["exclusiveMinimum"].as_f64(), Some(0.0), "{q}");
    }
    assert_eq!(
        p("/properties/documents/maxItems").as_u64(),
        Some(limits::MAX_DOCUMENTS as u64)
    );
}
