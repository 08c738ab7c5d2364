//! Helpers shared by the golden harness, by other tests of this crate and
//! by the app's tests (`www/tests/common`, which includes this file).
use std::path::PathBuf;

/// The repository's root: this crate's folder, or the one above it when
/// this file is included by `www`'s tests.
#[allow(dead_code)] // each test binary that includes this uses part of it
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if here.join("tests/golden").is_dir() {
        here
    } else {
        here.join("..")
    }
}

#[allow(dead_code)]
pub fn dir() -> PathBuf {
    root().join("tests/golden")
}

/// RFC 7386 merge patch: how a golden variant's `patch` changes its case.
#[allow(dead_code)]
pub fn merge(base: &mut serde_json::Value, patch: &serde_json::Value) {
    use serde_json::Value as Json;
    match (base, patch) {
        (Json::Object(b), Json::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    b.remove(k);
                } else {
                    merge(b.entry(k.clone()).or_insert(Json::Null), v);
                }
            }
        }
        (b, p) => *b = p.clone(),
    }
}

/// `summarize` must tell the same story as the full report: the same
/// number of findings per outcome, and every finding that is not `ok` or
/// `not-applicable`, in order, with its rule, outcome, mark, instrument,
/// article and (for `cannot-determine`) the fields it names. Written here
/// from the report's side, apart from `yekuo::summary`, and returns what
/// differs.
#[allow(dead_code)] // each test binary that includes this uses part of it
pub fn summary_disagreements(
    report: &yekuo::report::Report,
    summary: &yekuo::summary::Summary,
) -> Vec<String> {
    use yekuo::report::Outcome;
    let mut out = Vec::new();
    let count = |o: Outcome| report.findings.iter().filter(|f| f.outcome == o).count() as u32;
    let c = &summary.counts;
    let pairs = [
        (Outcome::Violation, c.violation),
        (Outcome::Overdue, c.overdue),
        (Outcome::Missing, c.missing),
        (Outcome::Warning, c.warning),
        (Outcome::CannotDetermine, c.cannot_determine),
        (Outcome::NotCovered, c.not_covered),
        (Outcome::Ok, c.ok),
        (Outcome::NotApplicable, c.not_applicable),
    ];
    for (o, n) in pairs {
        if count(o) != n {
            out.push(format!(
                "{}: report has {}, summary counts {n}",
                o.code(),
                count(o)
            ));
        }
    }
    if summary.adverse != report.has_adverse() || summary.as_of != report.as_of {
        out.push("adverse or as_of differs".into());
    }
    let expected: Vec<String> = report
        .findings
        .iter()
        .filter(|f| !matches!(f.outcome, Outcome::Ok | Outcome::NotApplicable))
        .map(|f| {
            let c = f.citation.as_ref();
            let fields: Vec<&str> =
                if matches!(f.outcome, Outcome::CannotDetermine | Outcome::NotCovered) {
                    f.inputs.iter().map(|i| &**i).collect()
                } else {
                    Vec::new()
                };
            format!(
                "{} {} {} {:?} {:?} {fields:?}",
                f.rule,
                f.outcome.code(),
                f.mark,
                c.map(|c| &*c.instrument),
                c.and_then(|c| c.article.as_deref())
            )
        })
        .collect();
    let got: Vec<String> = summary
        .findings
        .iter()
        .map(|b| {
            let fields: Vec<&str> = b.fields.iter().map(|i| &**i).collect();
            format!(
                "{} {} {} {:?} {:?} {fields:?}",
                b.rule,
                b.outcome.code(),
                b.mark,
                b.instrument.as_deref(),
                b.article.as_deref()
            )
        })
        .collect();
    if expected != got {
        out.push(format!(
            "findings differ:\n report  {expected:#?}\n summary {got:#?}"
        ));
    }
    out
}

/// Every case of the golden scenarios (`tests/golden/cases/*.json`): each
/// file's base case, then each variant's with its patch merged in, as
/// (name, case JSON, as of). For tests that need many varied cases and not
/// the scenarios' expectations.
#[allow(dead_code)] // each test binary that includes this uses part of it
pub fn scenario_cases() -> Vec<(String, serde_json::Value, chrono::NaiveDate)> {
    use serde_json::Value as Json;
    let read = |p: &std::path::Path| -> Json {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let date = |v: &Json| v.as_str().map(|s| s.parse().unwrap());
    let mut files: Vec<_> = std::fs::read_dir(dir().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let g = read(&path);
        let as_of = date(&g["as_of"]).unwrap_or_else(|| panic!("{file}: as_of"));
        let base = match g.get("case_file").and_then(Json::as_str) {
            Some(f) => read(&root().join(f)),
            None => g["case"].clone(),
        };
        out.push((file.clone(), base.clone(), as_of));
        for v in g["variants"].as_array().into_iter().flatten() {
            let mut c = base.clone();
            if let Some(patch) = v.get("patch") {
                merge(&mut c, patch);
            }
            let name = format!("{file} / {}", v["name"].as_str().unwrap_or("?"));
            out.push((name, c, v.get("as_of").and_then(date).unwrap_or(as_of)));
        }
    }
    out
}

/// What is wrong with words written for `reader`: empty; Chinese in English
/// (apart from `typed`, text the user gave, which may be in any language);
/// for a customer, a rule code (`TL-05`), a mark or a backtick, or a case
/// field path (`dates.accepted`, `contractors[0]`).
#[allow(dead_code)]
pub fn wording_problems(
    words: &str,
    reader: &yekuo::render::Reader,
    typed: &[String],
) -> Vec<&'static str> {
    use yekuo::render::{Audience, Lang};
    const PATHS: [&str; 9] = [
        "dates.",
        "customer.",
        "supply.",
        "contractors[",
        "contractors.",
        "conduct.",
        "outage.",
        "paused[",
        "utility.",
    ];
    // A path is a prefix followed by a field name: "the customer." is not one.
    let has_path = PATHS.iter().any(|p| {
        words.match_indices(p).any(|(i, _)| {
            p.ends_with('[')
                || words[i + p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase())
        })
    });
    let is_rule_code = words
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .any(|t| {
            t.split_once('-').is_some_and(|(a, b)| {
                a.len() >= 2
                    && a.chars().all(|c| c.is_ascii_uppercase())
                    && b.len() == 2
                    && b.chars().all(|c| c.is_ascii_digit())
            })
        });
    let mut longest_first: Vec<&String> = typed.iter().collect();
    longest_first.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let own = longest_first
        .iter()
        .fold(words.to_string(), |w, t| w.replace(t.as_str(), ""));
    let mut bad = Vec::new();
    if words.trim().is_empty() {
        bad.push("empty");
    }
    if reader.lang == Lang::En && own.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        bad.push("Chinese in English");
    }
    if reader.audience == Audience::Customer {
        if is_rule_code {
            bad.push("a rule code");
        }
        if ["[V]", "[S]", "[R]", "[X]", "`"]
            .iter()
            .any(|m| words.contains(m))
        {
            bad.push("a mark or backtick");
        }
        if has_path {
            bad.push("a field path");
        }
    }
    bad
}
