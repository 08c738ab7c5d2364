//! The rulebook: instruments (one file each), their provisions and dated
//! values, loaded from TOML and validated (see `data/rules/README.md`).
//!
//! **Invariant:** a loaded [`Rulebook`] is valid: every provision names a
//! known rule id and cites its instrument, every value has the keys its rule
//! reads and no others, and versions of one series never overlap in time.
//! Files loaded at run time are validated as they load; the embedded
//! rulebook is fixed at build time and validated by the tidy test instead,
//! so the browser carries no validator.

pub mod schema;

use crate::report::Citation;
use crate::Mark;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A short fingerprint of rule files (FNV-1a over names and texts), shown by
/// the app and the CLI so a printout or a kiosk says which rulebook it used.
pub fn fingerprint(files: &[(&str, &str)]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, text) in files {
        for b in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", h >> 32)
}

/// The fingerprint of the rulebook built into this binary (over the data
/// build.rs derived from the TOML files, which changes whenever they do).
pub fn embedded_fingerprint() -> String {
    fingerprint(&[("rules.json", EMBEDDED_JSON)])
}

/// The embedded rule files as JSON (build.rs): `{"documents": …,
/// "instruments": [[file name, content], …]}`, read by [`EmbeddedFiles`].
const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

const DOCUMENTS_FILE: &str = "documents.toml";

/// One parsed rule file.
enum Content {
    Documents(DocumentsFile),
    Instrument(Box<InstrumentFile>),
}

/// The rule files embedded in every build (the default rulebook): every
/// file of data/rules, listed by build.rs.
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: Arc<str>,
    pub series: String,
    pub title: Arc<str>,
    pub title_en: Arc<str>,
    pub version: Arc<str>,
    pub layer: Arc<str>,
    pub utility: String,
    #[serde(deserialize_with = "crate::day::de_iso")]
    pub from: NaiveDate,
    pub from_mark: Mark,
    #[serde(
        default,
        deserialize_with = "crate::day::de_iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_mark: Option<Mark>,
    pub mark: Mark,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Instrument {
    /// True when the in-force dates themselves are not verified or secondary.
    pub fn dates_uncertain(&self) -> bool {
        !self.from_mark.is_reliable() || self.until_mark.is_some_and(|m| !m.is_reliable())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentNeed {
    pub doc: String,
    pub need: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub later_with_one_id: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Value {
    #[serde(default, rename = "for", skip_serializing_if = "Option::is_none")]
    pub for_: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_kv: Option<f64>,
    /// LIC-02: when `max_kv` is uncertain, the voltage up to which the tier's
    /// scope is certain; outside (certain_kv, max_kv] the value's own mark
    /// does not matter for the outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certain_kv: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Arc<str>>,
    pub mark: Mark,
    pub summary_zh: Arc<str>,
    pub summary_en: Arc<str>,
    /// A doubt about the provision, shown with every finding resting on it,
    /// in Chinese and English (both or neither).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Arc<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<Arc<str>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub businesses: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentNeed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<Value>,
}

impl Provision {
    /// The mark of one of this provision's values (its own, else the provision's).
    pub fn value_mark(&self, v: &Value) -> Mark {
        v.mark.unwrap_or(self.mark)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub code: Arc<str>,
    pub name_zh: Arc<str>,
    pub name_en: Arc<str>,
    #[serde(default)]
    pub accepted_zh: Vec<String>,
    #[serde(default)]
    pub accepted_en: Vec<String>,
    #[serde(default)]
    pub not_accepted_zh: Vec<String>,
    #[serde(default)]
    pub not_accepted_en: Vec<String>,
    pub mark: Mark,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentFile {
    instrument: Instrument,
    #[serde(default)]
    provision: Vec<Provision>,
}

/// The embedded rulebook as build.rs writes it.
#[derive(Deserialize)]
struct EmbeddedFiles {
    documents: DocumentsFile,
    instruments: Vec<(String, InstrumentFile)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentsFile {
    document: Vec<Document>,
}

/// An instrument with its provisions.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub instrument: Instrument,
    pub provisions: Vec<Provision>,
    /// The file it came from.
    pub file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rulebook {
    pub entries: Vec<Entry>,
    pub documents: Vec<Document>,
    /// (entry, provision) positions per rule id, sorted by [`rule_key`] for
    /// a binary search on integers: `in_force` looks at the handful of
    /// provisions of one rule, and evaluation looks rules up by id some
    /// fifty times (comparing strings there was a tenth of its time).
    by_rule: Vec<(u128, Vec<(usize, usize)>)>,
    /// The citation of each provision (by entry, then provision), built
    /// once: a finding shares it instead of copying its eight strings.
    #[serde(skip)]
    citations: Vec<Vec<Arc<Citation>>>,
}

/// A rule file that does not load, with where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulebookError {
    pub file: String,
    /// Rule id, when the problem is inside a provision.
    pub rule: Option<String>,
    /// The key (or path) that is wrong.
    pub key: String,
    pub problem: String,
}

impl fmt::Display for RulebookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = &self.rule {
            write!(f, ", rule {r}")?;
        }
        write!(f, ", `{}`: {}", self.key, self.problem)
    }
}

impl std::error::Error for RulebookError {}

/// A provision in force on some date, with its instrument.
#[derive(Debug, Clone, Copy)]
pub struct InForce<'a> {
    pub instrument: &'a Instrument,
    pub provision: &'a Provision,
    /// What a finding resting on it cites.
    pub citation: &'a Arc<Citation>,
}

impl Rulebook {
    /// The embedded default rulebook, loaded once. build.rs has turned the
    /// TOML files into JSON, so this needs no TOML parser.
    pub fn embedded() -> &'static Rulebook {
        static CELL: std::sync::OnceLock<Rulebook> = std::sync::OnceLock::new();
        CELL.get_or_init(|| {
            let files: EmbeddedFiles =
                serde_json::from_str(EMBEDDED_JSON).expect("build.rs writes valid rule JSON");
            let parsed = std::iter::once((
                DOCUMENTS_FILE.to_string(),
                Content::Documents(files.documents),
            ))
            .chain(
                files
                    .instruments
                    .into_iter()
                    .map(|(file, f)| (file, Content::Instrument(Box::new(f)))),
            )
            .map(Ok);
            // Not validated here: the embedded data is fixed at build time
            // and the tidy test validates it (`validate`), which keeps the
            // validator and its messages out of the browser bundle.
            Rulebook::index(parsed).expect("build.rs writes every file")
        })
    }

    /// Load a rulebook from `(file name, TOML text)` pairs. `documents.toml`
    /// holds the document table; every other file is one instrument.
    ///
    /// # Errors
    /// The first [`RulebookError`] found, naming file, rule, key and problem.
    #[cfg(feature = "toml-files")]
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Rulebook, RulebookError> {
        Rulebook::assemble(files.into_iter().map(|(file, text)| {
            let content = if file == DOCUMENTS_FILE {
                toml::from_str(&text).map(Content::Documents)
            } else {
                toml::from_str(&text).map(|f| Content::Instrument(Box::new(f)))
            };
            content
                .map_err(|e| toml_error(&file, &e))
                .map(|c| (file, c))
        }))
    }

    /// Index and validate parsed files, whatever format they came in.
    #[cfg(feature = "toml-files")]
    fn assemble(
        files: impl Iterator<Item = Result<(String, Content), RulebookError>>,
    ) -> Result<Rulebook, RulebookError> {
        let book = Rulebook::index(files)?;
        book.validate()?;
        Ok(book)
    }

    /// Checks every rule of the invariant at the top of this module.
    ///
    /// # Errors
    /// The first [`RulebookError`] found.
    pub fn validate(&self) -> Result<(), RulebookError> {
        validate(self)
    }

    /// Sort the instruments and index provisions by rule id.
    fn index(
        files: impl Iterator<Item = Result<(String, Content), RulebookError>>,
    ) -> Result<Rulebook, RulebookError> {
        let mut entries = Vec::new();
        let mut documents = Vec::new();
        for parsed in files {
            match parsed? {
                (_, Content::Documents(d)) => documents = d.document,
                (file, Content::Instrument(f)) => entries.push(Entry {
                    instrument: f.instrument,
                    provisions: f.provision,
                    file,
                }),
            }
        }
        entries.sort_by(|a, b| {
            a.instrument
                .from
                .cmp(&b.instrument.from)
                .then(a.instrument.id.cmp(&b.instrument.id))
        });
        let mut by_rule: Vec<(u128, Vec<(usize, usize)>)> = Vec::new();
        for (ei, e) in entries.iter().enumerate() {
            for (pi, p) in e.provisions.iter().enumerate() {
                // The validator only lets catalog ids through (`schema`), and
                // all of them fit a key; one that did not would be a
                // validation error above, never a silent miss.
                let Some(key) = rule_key(&p.rule) else {
                    continue;
                };
                match by_rule.binary_search_by_key(&key, |(k, _)| *k) {
                    Ok(k) => by_rule[k].1.push((ei, pi)),
                    Err(k) => by_rule.insert(k, (key, vec![(ei, pi)])),
                }
            }
        }
        let citations = entries
            .iter()
            .map(|e| {
                e.provisions
                    .iter()
                    .map(|p| Arc::new(citation_of(&e.instrument, p)))
                    .collect()
            })
            .collect();
        Ok(Rulebook {
            entries,
            documents,
            by_rule,
            citations,
        })
    }

    /// Every provision for `rule` in force on `date` for this utility, oldest instrument first.
    pub fn in_force<'a>(
        &'a self,
        rule: &str,
        date: NaiveDate,
        utility: &'a str,
    ) -> impl Iterator<Item = InForce<'a>> + 'a {
        self.in_force_during(rule, date, date, utility)
    }

    /// Provisions for `rule` in force on any day of [from, to] (CAL-08, LIC-05).
    pub fn in_force_during<'a>(
        &'a self,
        rule: &str,
        from: NaiveDate,
        to: NaiveDate,
        utility: &'a str,
    ) -> impl Iterator<Item = InForce<'a>> + 'a {
        let found = rule_key(rule)
            .and_then(|key| self.by_rule.binary_search_by_key(&key, |(k, _)| *k).ok());
        let at = found.map_or(&[][..], |k| self.by_rule[k].1.as_slice());
        at.iter()
            .map(|&(ei, pi)| (ei, &self.entries[ei], pi))
            .filter(move |(_, e, _)| {
                let i = &e.instrument;
                i.from <= to && i.until.is_none_or(|u| from <= u) && applies_to_utility(i, utility)
            })
            .map(|(ei, e, pi)| InForce {
                instrument: &e.instrument,
                provision: &e.provisions[pi],
                citation: &self.citations[ei][pi],
            })
    }

    pub fn document(&self, code: &str) -> Option<&Document> {
        self.documents.iter().find(|d| &*d.code == code)
    }

    /// Every rule id that some provision provides.
    pub fn rule_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .entries
            .iter()
            .flat_map(|e| e.provisions.iter().map(|p| p.rule.as_str()))
            .collect();
        ids.sort_by_key(|id| schema::RULE_IDS.iter().position(|r| r == id));
        ids.dedup();
        ids
    }
}

/// A rule id as one integer: its bytes, zero-padded, so ids compare as
/// numbers. `None` for an id longer than 16 bytes (no catalog id is; the
/// longest, `NOTICE-04`, has 9).
pub(crate) fn rule_key(id: &str) -> Option<u128> {
    let b = id.as_bytes();
    if b.len() > 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    Some(u128::from_be_bytes(buf))
}

fn applies_to_utility(i: &Instrument, utility: &str) -> bool {
    i.utility == "any" || i.utility == utility
}

#[cfg(feature = "toml-files")]
fn toml_error(file: &str, e: &toml::de::Error) -> RulebookError {
    // toml reports "unknown field `x`, expected one of …" with a line/column
    // snippet; keep its message, which already names the key.
    RulebookError {
        file: file.to_string(),
        rule: None,
        key: "(file)".into(),
        problem: e.to_string().trim().to_string(),
    }
}

fn check(
    ok: bool,
    file: &str,
    rule: Option<&str>,
    key: &str,
    problem: impl FnOnce() -> String,
) -> Result<(), RulebookError> {
    if ok {
        Ok(())
    } else {
        Err(RulebookError {
            file: file.into(),
            rule: rule.map(Into::into),
            key: key.into(),
            problem: problem(),
        })
    }
}

fn one_of(
    v: &str,
    allowed: &[&str],
    file: &str,
    rule: Option<&str>,
    key: &str,
) -> Result<(), RulebookError> {
    check(allowed.contains(&v), file, rule, key, || {
        format!("`{v}` is not allowed; allowed: {}", allowed.join(", "))
    })
}

/// The largest `amount` a value may set. No period in the catalog comes near
/// ten years of days, and no voltage near 3,660 kV; a larger number is a
/// typo (or a `u32` overflowing), never a rule.
use crate::limits::{LICENCE_TIERS, MAX_RULE_AMOUNT as MAX_AMOUNT};

/// An identifier that is compared as written: surrounding white space would
/// make `"a "` and `"a"` two series and defeat the overlap check.
fn is_trimmed(s: &str) -> bool {
    !s.is_empty() && s.trim() == s
}

fn validate(book: &Rulebook) -> Result<(), RulebookError> {
    use schema::*;
    // An empty folder, or one whose files were renamed away from `.toml`,
    // would otherwise give a clean report of nothing wrong.
    check(
        !book.entries.is_empty(),
        "(rules folder)",
        None,
        "*.toml",
        || {
            "no instrument files: a rulebook needs its instruments as `*.toml` files beside documents.toml (see data/rules/README.md)".into()
        },
    )?;
    check(
        !book.documents.is_empty(),
        DOCUMENTS_FILE,
        None,
        "document",
        || "missing or empty: the document catalogue is required".into(),
    )?;
    let mut ids = std::collections::HashSet::new();
    for e in &book.entries {
        let f = e.file.as_str();
        let i = &e.instrument;
        for (key, v) in [("instrument.id", &*i.id), ("instrument.series", &*i.series)] {
            check(is_trimmed(v), f, None, key, || {
                format!("`{v}` is empty or has white space at its start or end")
            })?;
        }
        check(ids.insert(i.id.clone()), f, None, "instrument.id", || {
            format!("`{}` is used by another file", i.id)
        })?;
        one_of(&i.layer, LAYERS, f, None, "instrument.layer")?;
        one_of(&i.utility, UTILITIES, f, None, "instrument.utility")?;
        check(
            !i.source.trim().is_empty(),
            f,
            None,
            "instrument.source",
            || "a source is required".into(),
        )?;
        check(
            i.until.is_some() == i.until_mark.is_some(),
            f,
            None,
            "instrument.until_mark",
            || "`until` and `until_mark` go together".into(),
        )?;
        if let Some(u) = i.until {
            check(u >= i.from, f, None, "instrument.until", || {
                format!("{u} is before `from` {}", i.from)
            })?;
        }
        for p in &e.provisions {
            let r = Some(p.rule.as_str());
            one_of(&p.rule, RULE_IDS, f, None, "provision.rule")?;
            check(
                !p.summary_zh.trim().is_empty() && !p.summary_en.trim().is_empty(),
                f,
                r,
                "summary_zh/summary_en",
                || "both summaries are required".into(),
            )?;
            check(
                p.note.is_some() == p.note_en.is_some(),
                f,
                r,
                "note/note_en",
                || "a note needs both languages: give `note` and `note_en`, or neither".into(),
            )?;
            // A citation is the instrument plus, where known, the article. An
            // unknown article must be declared by a mark that is not [V].
            check(
                p.article.is_some() || p.mark != Mark::V || &*i.layer == "convention",
                f,
                r,
                "article",
                || "a [V] provision must name its article".into(),
            )?;
            if let Some(a) = &p.article {
                check(!a.trim().is_empty(), f, r, "article", || {
                    "empty article".into()
                })?;
            }
            for c in &p.categories {
                one_of(c, CATEGORIES, f, r, "categories")?;
            }
            for b in &p.businesses {
                one_of(b, BUSINESSES, f, r, "businesses")?;
            }
            check(
                p.documents.is_empty() || takes_documents(&p.rule),
                f,
                r,
                "documents",
                || "only DOC rules list documents".into(),
            )?;
            for d in &p.documents {
                check(
                    book.document(&d.doc).is_some(),
                    f,
                    r,
                    "documents.doc",
                    || format!("`{}` is not in documents.toml", d.doc),
                )?;
                one_of(&d.need, NEEDS, f, r, "documents.need")?;
            }
            validate_values(f, p)?;
        }
    }
    // Versions of one series may not overlap in time.
    for (a_i, a) in book.entries.iter().enumerate() {
        for b in &book.entries[a_i + 1..] {
            let (x, y) = (&a.instrument, &b.instrument);
            if x.series != y.series {
                continue;
            }
            let overlap = x.from <= y.until.unwrap_or(NaiveDate::MAX)
                && y.from <= x.until.unwrap_or(NaiveDate::MAX);
            check(!overlap, &b.file, None, "instrument.from/until", || {
                format!(
                    "series `{}`: in force {}..{} overlaps `{}` ({})",
                    y.series,
                    y.from,
                    fmt_until(y.until),
                    x.id,
                    a.file
                )
            })?;
        }
    }
    for d in &book.documents {
        check(
            !d.source.trim().is_empty(),
            "documents.toml",
            None,
            &format!("document {}", d.code),
            || "a source is required".into(),
        )?;
    }
    Ok(())
}

fn fmt_until(u: Option<NaiveDate>) -> String {
    u.map_or_else(|| "(open)".into(), |d| d.to_string())
}

fn validate_values(f: &str, p: &Provision) -> Result<(), RulebookError> {
    use schema::*;
    let r = Some(p.rule.as_str());
    let shape = value_shape(&p.rule);
    check(
        shape != ValueShape::None || p.values.is_empty(),
        f,
        r,
        "values",
        || format!("{} takes no values", p.rule),
    )?;
    let mut seen = std::collections::HashSet::new();
    for v in &p.values {
        let present = |k: &str| match k {
            "for" => v.for_.is_some(),
            "what" => v.what.is_some(),
            "amount" => v.amount.is_some(),
            "unit" => v.unit.is_some(),
            "start" => v.start.is_some(),
            "kind" => v.kind.is_some(),
            "scope" => v.scope.is_some(),
            "tier" => v.tier.is_some(),
            "max_kv" => v.max_kv.is_some(),
            "certain_kv" => v.certain_kv.is_some(),
            _ => false,
        };
        let (required, optional): (&[&str], &[&str]) = match shape {
            ValueShape::TimeLimit => (&["for", "amount", "unit", "start"], &["kind", "scope"]),
            ValueShape::Period => (&["for", "amount", "unit"], &[]),
            ValueShape::Named(_) => (&["what", "amount", "unit"], &[]),
            ValueShape::Tier => (&["tier"], &["max_kv", "certain_kv"]),
            ValueShape::None => (&[], &[]),
        };
        for k in [
            "for",
            "what",
            "amount",
            "unit",
            "start",
            "kind",
            "scope",
            "tier",
            "max_kv",
            "certain_kv",
        ] {
            let allowed = required.contains(&k) || optional.contains(&k);
            check(
                !required.contains(&k) || present(k),
                f,
                r,
                &format!("values.{k}"),
                || "missing".into(),
            )?;
            check(allowed || !present(k), f, r, &format!("values.{k}"), || {
                format!(
                    "{} does not take `{k}`; it takes {}",
                    p.rule,
                    [required, optional].concat().join(", ")
                )
            })?;
        }
        if let Some(s) = &v.for_ {
            one_of(s, SELECTORS, f, r, "values.for")?;
        }
        if let Some(u) = &v.unit {
            one_of(u, UNITS, f, r, "values.unit")?;
            if shape == ValueShape::Period {
                one_of(u, &["months", "years"], f, r, "values.unit")?;
            }
        }
        if let Some(s) = &v.start {
            one_of(s, STARTS, f, r, "values.start")?;
        }
        if let Some(k) = &v.kind {
            one_of(k, KINDS, f, r, "values.kind")?;
        }
        if let Some(s) = &v.scope {
            one_of(s, SCOPES, f, r, "values.scope")?;
        }
        if let (ValueShape::Named(names), Some(w)) = (shape, &v.what) {
            one_of(w, names, f, r, "values.what")?;
        }
        if let Some(a) = v.amount {
            check((1..=MAX_AMOUNT).contains(&a), f, r, "values.amount", || {
                format!("{a} is not allowed; allowed: 1 to {MAX_AMOUNT}")
            })?;
        }
        if let Some(t) = v.tier {
            check(LICENCE_TIERS.contains(&t), f, r, "values.tier", || {
                format!(
                    "{t} is not a tier; allowed: {} to {}",
                    LICENCE_TIERS.start(),
                    LICENCE_TIERS.end()
                )
            })?;
        }
        if let Some(k) = v.max_kv {
            check(k.is_finite() && k > 0.0, f, r, "values.max_kv", || {
                format!("{k} is not a voltage")
            })?;
        }
        let key = format!("{:?}/{:?}/{:?}", v.for_, v.what, v.tier);
        check(seen.insert(key), f, r, "values", || {
            "two values for the same class".into()
        })?;
    }
    Ok(())
}

/// The citation of one provision of an instrument: built once per provision
/// and shared by every finding that rests on it.
fn citation_of(i: &Instrument, p: &Provision) -> Citation {
    Citation {
        instrument: i.id.clone(),
        title: i.title.clone(),
        title_en: i.title_en.clone(),
        version: i.version.clone(),
        layer: i.layer.clone(),
        article: p.article.clone(),
        mark: p.mark,
        summary_zh: p.summary_zh.clone(),
        summary_en: p.summary_en.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every catalog id has a key, no two share one, and the keys sort as
    /// the ids do (so the index is also in id order).
    #[test]
    fn every_rule_id_has_its_own_key() {
        let mut ids: Vec<&str> = schema::RULE_IDS.to_vec();
        ids.sort_unstable();
        let keys: Vec<u128> = ids.iter().map(|id| rule_key(id).unwrap()).collect();
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "keys must be distinct and ordered"
        );
        assert_eq!(rule_key("ABCDEFGHIJKLMNOPQ"), None, "17 bytes do not fit");
        assert!(rule_key("ABCDEFGHIJKLMNOP").is_some(), "16 bytes do");
    }
}
