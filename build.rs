//! Converts the embedded rule and calendar data (data/**/*.toml) to JSON in
//! OUT_DIR, so the library can load its defaults with serde_json alone and
//! the browser bundle carries no TOML parser. The TOML files stay the source
//! of truth; nothing generated is committed.

use std::fs;
use std::path::Path;

fn to_json(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_value(value).expect("TOML values map to JSON")
}

/// Where a fact was read (`source`: URLs and catalog sections) is for
/// whoever checks the rulebook: the TOML files keep it, the tidy test
/// checks it, and nothing that runs on the embedded copy shows it, so the
/// browser bundle does not carry it. The notes (`note`/`note_en`, `seen`/
/// `seen_en`), which clerks read beside findings, stay.
fn without_provenance(v: &mut serde_json::Value) {
    if let Some(o) = v.as_object_mut() {
        o.remove("source");
    }
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=data");
    let mut names: Vec<String> = fs::read_dir("data/rules")
        .expect("data/rules")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    // {"documents": …, "instruments": [[file name, content], …]}: a shape
    // the library reads straight into its types, with no generic JSON value
    // in between (that would add a second copy of every deserializer to the
    // browser bundle).
    let (docs, instruments): (Vec<&String>, Vec<&String>) =
        names.iter().partition(|n| n.as_str() == "documents.toml");
    let documents = match docs.as_slice() {
        [one] => to_json(&Path::new("data/rules").join(one)),
        _ => panic!("data/rules must hold exactly one documents.toml"),
    };
    let instruments: Vec<serde_json::Value> = instruments
        .iter()
        .map(|n| {
            let mut v = to_json(&Path::new("data/rules").join(n));
            without_provenance(&mut v["instrument"]);
            serde_json::json!([n, v])
        })
        .collect();
    let mut documents = documents;
    if let Some(docs) = documents["document"].as_array_mut() {
        for d in docs {
            without_provenance(d);
            // Each accepted (or refused) form of a document has its own source.
            for list in ["accepted", "not_accepted"] {
                if let Some(forms) = d.get_mut(list).and_then(|v| v.as_array_mut()) {
                    forms.iter_mut().for_each(without_provenance);
                }
            }
        }
    }
    // The list of embedded rule files (`rulebook::EMBEDDED`): every file in
    // data/rules, by name and text, so no one keeps the list by hand.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let list: String = names
        .iter()
        .map(|n| {
            format!(
                "    ({n:?}, include_str!({:?})),\n",
                Path::new(&root).join("data/rules").join(n)
            )
        })
        .collect();
    fs::write(
        Path::new(&out).join("embedded_rules.rs"),
        format!("&[\n{list}]\n"),
    )
    .unwrap();
    let rules = serde_json::json!({ "documents": documents, "instruments": instruments });
    fs::write(
        Path::new(&out).join("rules.json"),
        serde_json::to_string(&rules).unwrap(),
    )
    .unwrap();
    let cal = to_json(Path::new("data/calendar/cn-national.toml"));
    fs::write(
        Path::new(&out).join("calendar.json"),
        serde_json::to_string(&cal).unwrap(),
    )
    .unwrap();
}
