//! Repository-wide invariants, checked by `cargo test` (rust-analyzer's tidy idea).

use std::collections::BTreeSet;
use std::path::Path;
use yekuo::rulebook::{Rulebook, RulebookError, EMBEDDED};

fn load_dir(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn rules_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/rules")
}

#[test]
fn the_embedded_rulebook_loads_and_embeds_every_file() {
    let book = Rulebook::embedded();
    // `embedded()` trusts its baked data; this is where it is checked:
    // the same files, read and checked as TOML (with their provenance,
    // which the embedded copy leaves out), and the embedded copy equal to
    // them (`the_baked_data_matches_the_toml_files`).
    Rulebook::from_files(EMBEDDED.iter().map(|(n, t)| (n.to_string(), t.to_string())))
        .expect("the embedded rule files are valid");
    let on_disk: BTreeSet<String> = load_dir(&rules_dir()).into_iter().map(|(n, _)| n).collect();
    let embedded: BTreeSet<String> = EMBEDDED.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        on_disk, embedded,
        "data/rules and rulebook::EMBEDDED list different files"
    );
    assert!(book.entries.len() >= 20);
}

#[test]
fn every_rule_id_in_the_rulebook_is_exercised_by_a_golden_case() {
    let book = Rulebook::embedded();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/cases");
    let mut text = String::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        text.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    let missing: Vec<_> = book
        .rule_ids()
        .into_iter()
        .filter(|id| {
            !text.contains(&format!("\"rule\": \"{id}\"")) && !text.contains(&format!("\"{id}\""))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rule ids no golden case expects: {missing:?}"
    );
    // The ids the book reports are the ones its files give, read here from
    // the TOML text, not through the loader.
    let mut in_files = BTreeSet::new();
    for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/rules")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        for line in std::fs::read_to_string(path).unwrap().lines() {
            if let Some(rest) = line.trim().strip_prefix("rule = \"") {
                in_files.insert(rest.split('"').next().unwrap().to_string());
            }
        }
    }
    let listed = book.rule_ids();
    let reported: BTreeSet<String> = listed.iter().map(|r| r.as_str().to_string()).collect();
    assert_eq!(reported, in_files);
    assert_eq!(listed.len(), reported.len(), "each id once: {listed:?}");
}

#[test]
fn every_instrument_cites_a_source_and_every_provision_a_mark() {
    // The loader enforces this; here we also check the marks are not all [V]
    // by accident of a copy-paste: a rulebook where nothing is uncertain is wrong.
    let book = Rulebook::embedded();
    let marks: BTreeSet<_> = book
        .entries
        .iter()
        .flat_map(|e| e.provisions.iter().map(|p| p.mark))
        .collect();
    assert!(marks.len() >= 3, "{marks:?}");
}

fn load_with(name: &str, text: &str) -> RulebookError {
    let mut files = load_dir(&rules_dir());
    files.push((name.to_string(), text.to_string()));
    Rulebook::from_files(files).unwrap_err()
}

const HEAD: &str = r#"[instrument]
id = "test"
series = "test series"
title = "t"
title_en = "t"
version = "1"
version_en = "1"
layer = "national"
utility = "any"
from = "2000-01-01"
from_mark = "V"
mark = "V"
source = "here"
"#;

#[test]
fn a_bad_rule_file_is_rejected_with_its_location() {
    let e = load_with("x.toml", &format!("{HEAD}[[provision]]\nrule = \"TL-99\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\n"));
    assert_eq!(e.file, "x.toml");
    assert!(
        e.problem.contains("TL-99") && e.problem.contains("TL-05"),
        "{e}"
    );

    // A word outside the vocabulary: refused where it stands, with what is allowed.
    let e = load_with("x.toml", &format!("{HEAD}[[provision]]\nrule = \"TL-05\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\nvalues = [{{ for = \"high-voltage\", amount = 5, unit = \"fortnights\", start = \"accepted\" }}]\n"));
    assert_eq!(e.file, "x.toml");
    assert!(
        e.problem.contains("line 19")
            && e.problem.contains("fortnights")
            && e.problem.contains("working-days"),
        "{e}"
    );
    // A word of the vocabulary the rule does not take: named by rule and key.
    let e = load_with("x.toml", &format!("{HEAD}[[provision]]\nrule = \"TL-05\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\nvalues = [{{ for = \"high-voltage\", amount = 5, unit = \"kv\", start = \"accepted\" }}]\n"));
    assert_eq!(
        (e.rule.as_deref(), e.key.as_str()),
        (Some("TL-05"), "values.unit"),
        "{e}"
    );
    assert!(e.problem.contains("working-days"), "{e}");
    // A named amount the rule requires, left out.
    let e = load_with("x.toml", &format!("{HEAD}[[provision]]\nrule = \"OTH-03\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\nvalues = [{{ what = \"reminder\", amount = 30, unit = \"minutes\" }}]\n"));
    assert_eq!(
        (e.rule.as_deref(), e.key.as_str()),
        (Some("OTH-03"), "values.what"),
        "{e}"
    );
    assert!(e.problem.contains("notice-min"), "{e}");

    let e = load_with("x.toml", &format!("{HEAD}[[provision]]\nrule = \"TL-05\"\nmark = \"V\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\n"));
    assert_eq!(e.key, "article", "a [V] provision without article: {e}");

    let e = load_with("x.toml", &format!("{HEAD}colour = \"red\"\n"));
    assert!(
        e.to_string().contains("x.toml") && e.problem.contains("colour"),
        "{e}"
    );

    let e = load_with(
        "x.toml",
        &HEAD.replace("source = \"here\"", "source = \" \""),
    );
    assert_eq!(e.key, "instrument.source", "{e}");

    let e = load_with("x.toml", &format!("{HEAD}[[provision]]\nrule = \"LIC-02\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\nvalues = [{{ tier = 3, max_kv = 110, start = \"accepted\" }}]\n"));
    assert_eq!(e.key, "values.start", "{e}");
}

#[test]
fn overlapping_versions_of_a_series_are_rejected() {
    let text = HEAD.replace("series = \"test series\"", "series = \"供电监管\"");
    let e = load_with("x.toml", &text);
    assert!(e.problem.contains("overlaps"), "{e}");
    // The message names the later version with its dates (from its file).
    assert!(e.problem.contains("2005-08-01..2009-12-31"), "{e}");
    // An open-ended later version reads "(open)".
    let e = load_with("x.toml", &text.replace("2000-01-01", "2012-01-01"));
    assert!(e.problem.contains("2012-01-01..(open)"), "{e}");
}

/// A later version whose start is only a window (`certain_from`) may
/// overlap the one before it inside that window, and only when the earlier
/// one's end is unsure too (catalog §13 item 5: SGCC's 6/22/32 commitments).
#[test]
fn a_candidate_window_is_the_only_overlap_allowed() {
    // 供电监管 holds gdfwjgbf-2005 (2005-08-01..2009-12-31, end [R]) and
    // gdjgbf-2010 (from 2010-01-01). A version ending inside gdjgbf-2010's
    // time overlaps it, window or not: gdjgbf-2010 has no window.
    let in_window = HEAD
        .replace("series = \"test series\"", "series = \"供电监管\"")
        .replace(
            "from = \"2000-01-01\"\nfrom_mark = \"V\"",
            "from = \"2009-06-01\"\nfrom_mark = \"R\"\ncertain_from = \"2010-06-01\"",
        );
    let e = load_with("x.toml", &in_window);
    assert!(e.problem.contains("overlaps"), "{e}");
    // `certain_from` on a version whose first day is verified is refused.
    let e = load_with(
        "x.toml",
        &HEAD.replace(
            "from_mark = \"V\"",
            "from_mark = \"V\"\ncertain_from = \"2001-01-01\"",
        ),
    );
    assert_eq!(e.key, "instrument.from_mark", "{e}");
    // … and one outside its own dates.
    let e = load_with(
        "x.toml",
        &HEAD.replace(
            "from_mark = \"V\"",
            "from_mark = \"R\"\ncertain_from = \"1999-01-01\"",
        ),
    );
    assert_eq!(e.key, "instrument.certain_from", "{e}");
    // The embedded rulebook's one window loads (the 2011 and 6/22/32
    // commitments), and only because of it: without `certain_from` the two
    // overlap.
    let dir = rules_dir();
    let mut files = load_dir(&dir);
    assert!(Rulebook::from_files(files.clone()).is_ok());
    for (name, text) in &mut files {
        if name == "sgcc-commitments-6-22-32.toml" {
            *text = text.replace("certain_from = \"2023-08-08\"\n", "");
        }
    }
    let e = Rulebook::from_files(files).unwrap_err();
    assert!(e.problem.contains("overlaps"), "{e}");
}

/// An article needs its English words, and a citation reads whole in one
/// language: no Chinese in the English fields of a rule file, no English
/// words in the Chinese ones (the review found "as quoted in S0" and "order
/// number unknown" inside Chinese citations).
#[test]
fn citations_are_whole_in_each_language() {
    let e = load_with(
        "x.toml",
        &format!("{HEAD}[[provision]]\nrule = \"TL-05\"\narticle = \"第一条\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\n"),
    );
    assert_eq!(e.key, "article/article_en", "{e}");
    let han = |s: &str| {
        s.chars().any(|c| {
            ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c)
        })
    };
    // Latin words a Chinese citation may carry: standard and source codes.
    let allowed = ["GB", "SERC", "S0", "S1", "kV", "yekuo"];
    let latin_words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
            .filter(|w| !allowed.contains(w))
            .map(str::to_string)
            .collect()
    };
    for (name, text) in load_dir(&rules_dir()) {
        let v: toml::Value = toml::from_str(&text).unwrap();
        let mut tables = Vec::new();
        if let Some(i) = v.get("instrument") {
            tables.push(i.clone());
        }
        if let Some(ps) = v.get("provision").and_then(toml::Value::as_array) {
            tables.extend(ps.iter().cloned());
        }
        for t in &tables {
            for key in [
                "title_en",
                "version_en",
                "article_en",
                "summary_en",
                "note_en",
                "seen_en",
            ] {
                if let Some(s) = t.get(key).and_then(toml::Value::as_str) {
                    assert!(!han(s), "{name}: `{key}` has Chinese: {s}");
                }
            }
            for key in ["title", "version", "article", "summary_zh", "note", "seen"] {
                if let Some(s) = t.get(key).and_then(toml::Value::as_str) {
                    let w = latin_words(s);
                    assert!(w.is_empty(), "{name}: `{key}` has English words {w:?}: {s}");
                }
            }
        }
    }
}

#[test]
fn values_and_summaries_are_checked_key_by_key() {
    let provision = |rule: &str, values: &str| {
        format!("{HEAD}[[provision]]\nrule = \"{rule}\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\nvalues = [{values}]\n")
    };
    // Both summaries are required, each on its own.
    let e = load_with(
        "x.toml",
        &provision("TL-05", "").replace("summary_en = \"a\"", "summary_en = \" \""),
    );
    assert_eq!(e.key, "summary_zh/summary_en", "{e}");
    let e = load_with(
        "x.toml",
        &provision("TL-05", "").replace("summary_zh = \"a\"", "summary_zh = \"\""),
    );
    assert_eq!(e.key, "summary_zh/summary_en", "{e}");
    // Keys a value of that shape does not take are refused, each one, even
    // with a value that would be valid where the key belongs.
    for (rule, value, key) in [
        ("PLAN-01", "{ for = \"high-voltage\", amount = 1, unit = \"years\", kind = \"limit\" }", "kind"),
        ("PLAN-01", "{ for = \"high-voltage\", amount = 1, unit = \"years\", scope = \"whole\" }", "scope"),
        ("TL-05", "{ for = \"high-voltage\", amount = 5, unit = \"working-days\", start = \"accepted\", max_kv = 10 }", "max_kv"),
        ("TL-05", "{ for = \"high-voltage\", amount = 5, unit = \"working-days\", start = \"accepted\", certain_kv = 10 }", "certain_kv"),
    ] {
        let e = load_with("x.toml", &provision(rule, value));
        assert!(
            e.key.contains(key) && e.problem.contains("does not take"),
            "{rule} with {key}: {e}"
        );
    }
    // A tier's voltage must be a positive number.
    for kv in ["0", "-5"] {
        let e = load_with(
            "x.toml",
            &provision("LIC-02", &format!("{{ tier = 3, max_kv = {kv} }}")),
        );
        assert_eq!(e.key, "values.max_kv", "max_kv = {kv}: {e}");
    }
    // Two sources giving two caps for one tier: neither can be [V] or [S]
    // (the provision's mark is [S] here, so the value needs its own).
    let e = load_with(
        "x.toml",
        &provision("LIC-02", "{ tier = 3, max_kv = 35, alt_max_kv = 110 }"),
    );
    assert_eq!(e.key, "values.alt_max_kv", "{e}");
    // LOAD-02 takes a test, LIC-05 a day; each refuses the other's key.
    for (rule, value, key) in [
        (
            "LOAD-02",
            "{ test = \"bus-section\", until = \"2025-12-31\" }",
            "until",
        ),
        (
            "LIC-05",
            "{ until = \"2025-12-31\", test = \"bus-section\" }",
            "test",
        ),
    ] {
        let e = load_with("x.toml", &provision(rule, value));
        assert!(
            e.key.contains(key) && e.problem.contains("does not take"),
            "{rule} with {key}: {e}"
        );
    }
    let e = load_with("x.toml", &provision("LIC-05", "{ until = \"2025-02-30\" }"));
    assert!(e.problem.contains("2025-02-30"), "{e}");
}

#[test]
fn the_rulebook_fingerprint_tells_rulebooks_apart() {
    use yekuo::rulebook::{embedded_fingerprint, fingerprint, EMBEDDED};
    let fp = fingerprint(EMBEDDED);
    assert_eq!(fp.len(), 8);
    assert_eq!(fp, fingerprint(EMBEDDED), "deterministic");
    let (name, text) = EMBEDDED[1];
    let changed = text.replacen('1', "2", 1);
    let mut files: Vec<(&str, &str)> = EMBEDDED.to_vec();
    files[1] = (name, &changed);
    assert_ne!(
        fingerprint(&files),
        fp,
        "one changed digit changes the fingerprint"
    );
    assert_ne!(
        fingerprint(&EMBEDDED[..EMBEDDED.len() - 1]),
        fp,
        "a missing file changes it"
    );
    let shown = embedded_fingerprint();
    assert!(
        shown.len() == 8 && shown.chars().all(|c| c.is_ascii_hexdigit()),
        "{shown}"
    );
}

/// The defaults are the data build.rs bakes from the TOML files into Rust;
/// both routes must give the same rulebook, the same calendar and the same
/// fingerprint.
#[test]
fn the_baked_data_matches_the_toml_files() {
    use yekuo::calendar::{Calendar, NATIONAL_TOML};
    use yekuo::rulebook::{Rulebook, EMBEDDED};
    let from_toml =
        Rulebook::from_files(EMBEDDED.iter().map(|(n, t)| (n.to_string(), t.to_string()))).unwrap();
    let embedded = Rulebook::embedded();
    // The embedded copy leaves out where facts were read (sources), which
    // nothing that runs on it shows (build.rs); all else is equal.
    let mut from_toml = from_toml;
    for e in &mut from_toml.entries {
        assert!(!e.instrument.source.is_empty());
        e.instrument.source.clear();
    }
    for d in &mut from_toml.documents {
        d.source.clear();
        for f in d.accepted.iter_mut().chain(&mut d.not_accepted) {
            assert!(!f.source.is_empty(), "{}: a form without a source", d.code);
            f.source.clear();
        }
    }
    assert_eq!(
        serde_json::to_value(&embedded.entries).unwrap(),
        serde_json::to_value(&from_toml.entries).unwrap()
    );
    assert_eq!(
        serde_json::to_value(&embedded.documents).unwrap(),
        serde_json::to_value(&from_toml.documents).unwrap()
    );
    let toml_cal = Calendar::from_toml(NATIONAL_TOML).unwrap();
    let cal = Calendar::national();
    assert_eq!(cal.coverage(), toml_cal.coverage());
    assert_eq!(cal.notices(), toml_cal.notices());
    let (first, last) = cal.coverage();
    let mut d = first;
    while d <= last {
        assert_eq!(cal.is_working_day(d), toml_cal.is_working_day(d), "{d}");
        assert_eq!(cal.special_day(d), toml_cal.special_day(d), "{d}");
        d = d.succ_opt().unwrap();
    }
    assert_eq!(
        yekuo::rulebook::embedded_fingerprint(),
        yekuo::rulebook::fingerprint(EMBEDDED),
        "the fingerprint build.rs computed is the one of the TOML files"
    );
}

#[test]
fn a_padded_series_and_amounts_outside_their_range_are_rejected() {
    // Issue 11: `series = "x "` made a series of its own and slipped past
    // the overlap check; amounts of 0 and u32::MAX were accepted.
    let padded = HEAD.replace("series = \"test series\"", "series = \"licence \"");
    let e = load_with("x.toml", &padded);
    assert_eq!(e.key, "instrument.series", "{e}");
    assert!(e.problem.contains("white space"), "{e}");
    for amount in ["0", "4294967295", "3661"] {
        let e = load_with("x.toml", &format!("{HEAD}[[provision]]\nrule = \"TL-05\"\nmark = \"S\"\nsummary_zh = \"a\"\nsummary_en = \"a\"\nvalues = [{{ for = \"high-voltage\", amount = {amount}, unit = \"working-days\", start = \"accepted\" }}]\n"));
        assert_eq!(e.key, "values.amount", "{amount}: {e}");
        assert!(e.problem.contains("1 to 3660"), "{e}");
    }
}

#[test]
fn a_rulebook_without_instruments_or_documents_is_an_error() {
    // Issue 11, D10: an empty `--rules` folder gave a clean report.
    let all = load_dir(&rules_dir());
    let e = Rulebook::from_files(Vec::<(String, String)>::new()).unwrap_err();
    assert!(e.problem.contains("no instrument files"), "{e}");
    let only_docs: Vec<_> = all
        .iter()
        .filter(|(n, _)| n == "documents.toml")
        .cloned()
        .collect();
    let e = Rulebook::from_files(only_docs).unwrap_err();
    assert!(e.problem.contains("no instrument files"), "{e}");
    let no_docs: Vec<_> = all
        .iter()
        .filter(|(n, _)| n != "documents.toml")
        .cloned()
        .collect();
    let e = Rulebook::from_files(no_docs).unwrap_err();
    assert_eq!(e.file, "documents.toml", "{e}");
}

/// Each accepted form of a document says whom it is for and where it was
/// read: a form without a category, with an unknown one, or without a
/// source is refused (a household must never be offered an entity's papers
/// by accident).
#[test]
fn a_document_form_needs_a_category_and_a_source() {
    let all = load_dir(&rules_dir());
    let with_docs = |docs: String| -> RulebookError {
        let files: Vec<(String, String)> = all
            .iter()
            .map(|(n, t)| {
                let t = if n == "documents.toml" {
                    docs.clone()
                } else {
                    t.clone()
                };
                (n.clone(), t)
            })
            .collect();
        Rulebook::from_files(files).unwrap_err()
    };
    let docs = all
        .iter()
        .find(|(n, _)| n == "documents.toml")
        .map(|(_, t)| t.clone())
        .unwrap();
    let form = r#"{ for = ["resident"], zh = "居民身份证", en = "resident identity card", source = "catalog §2.1 D-ID: individuals 居民身份证 (广西桂东 notice [S])" }"#;
    assert!(docs.contains(form), "the first D-ID form moved");

    let e = with_docs(docs.replace(form, &form.replace(r#"["resident"]"#, "[]")));
    assert_eq!(e.file, "documents.toml", "{e}");
    assert!(e.problem.contains("customer category"), "{e}");

    let e = with_docs(docs.replace(form, &form.replace(r#"["resident"]"#, r#"["household"]"#)));
    assert!(e.to_string().contains("household"), "{e}");

    let no_source = form.replace(
        r#", source = "catalog §2.1 D-ID: individuals 居民身份证 (广西桂东 notice [S])""#,
        "",
    );
    let e = with_docs(docs.replace(form, &no_source));
    assert!(e.problem.contains("source"), "{e}");
}
