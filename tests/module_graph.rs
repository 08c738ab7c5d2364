//! No two modules of the library import each other. A pair that does is
//! one idea split in two files, or two ideas tangled: either way a change
//! to one drags the other along (issue 12 found `report` and `rulebook`
//! importing each other through `Citation`). Checked at both levels that
//! have meaning here: between the crate's top-level modules, and between
//! the submodules of one directory module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file below `src/`: `src/eval/plan.rs` → [eval, plan].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

/// The module paths a file names through `crate::a::b` (items re-exported
/// at the root name the module they come from).
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let root_items = [("Mark", "mark"), ("closed_enum", "vocab"), ("VERSION", "")];
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let path: Vec<String> = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if let Some(first) = path.first() {
                if let Some((_, m)) = root_items.iter().find(|(item, _)| item == first) {
                    if !m.is_empty() {
                        out.push(vec![m.to_string()]);
                    }
                } else {
                    out.push(path);
                }
            }
        }
        // `use crate::{a, b::c}`
        if let Some(i) = code.find("use crate::{") {
            let inner = &code[i + "use crate::{".len()..];
            for part in inner.split([',', '}']) {
                let first = part.trim().split("::").next().unwrap_or("").trim();
                if first.chars().next().is_some_and(char::is_lowercase) {
                    out.push(vec![first.to_string()]);
                }
            }
        }
    }
    out
}

#[test]
fn no_two_modules_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // (level prefix, from, to): edges between siblings under one parent.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    for f in &files {
        let from = module_of(&src, f);
        if from.first().is_some_and(|m| m == "main" || m == "lib") {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        for to in crate_paths(&text) {
            // The first level where the two paths part is where the edge is.
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < to.len() {
                edges
                    .entry(from[..common].to_vec())
                    .or_default()
                    .insert((from[common].clone(), to[common].clone()));
            }
        }
    }
    let top = edges.get(&Vec::new()).map_or(0, BTreeSet::len);
    assert!(
        top >= 10,
        "found only {top} edges between top-level modules"
    );
    let mut cycles = Vec::new();
    for (parent, set) in &edges {
        for (a, b) in set {
            if a < b && set.contains(&(b.clone(), a.clone())) {
                cycles.push(format!("crate::{}: {a} <-> {b}", parent.join("::")));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules importing each other: {cycles:#?}"
    );
}
