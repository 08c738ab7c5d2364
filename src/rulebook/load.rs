//! Reading rule files into a [`Rulebook`]: TOML at run time, or the JSON
//! build.rs made of the embedded files. Each provision's values are read
//! into the shape its rule takes (`schema::value_shape`), so a value a rule
//! does not take, a missing one, a unit or class not in the vocabulary, or
//! an amount out of range is an error naming the file, the rule and the key.

use super::schema::{self, ValueShape};
use super::{check, citation_of, Rulebook, RulebookError};
use super::{Document, DocumentNeed, Entry, Instrument, Provision, Values};
use super::{NamedValue, PeriodValue, TierValue, TimeLimitValue};
use super::{TestValue, UntilValue};
use crate::case::{Business, Category};
use crate::limits::{LICENCE_TIERS, MAX_RULE_AMOUNT};
use crate::prose::Prose;
use crate::vocab::Test;
use crate::vocab::{Kind, Named, RuleId, Scope, Selector, Start, Unit};
use crate::Mark;
use serde::Deserialize;
use std::sync::Arc;

#[path = "baked.rs"]
mod baked;

/// The rule files embedded in every build (the default rulebook): every
/// file of data/rules, listed by build.rs.
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

pub(super) const DOCUMENTS_FILE: &str = "documents.toml";

/// One parsed rule file.
enum Content {
    Documents(DocumentsFile),
    Instrument(Box<InstrumentFile>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentFile {
    instrument: Instrument,
    #[serde(default)]
    provision: Vec<FileProvision>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentsFile {
    document: Vec<Document>,
}

/// The fingerprint of the embedded rule files, computed when they were baked.
pub(super) fn embedded_fingerprint() -> &'static str {
    baked::fingerprint()
}

/// A provision as a file writes it: its values as keys to be read into the
/// shape of its rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileProvision {
    rule: RuleId,
    #[serde(default)]
    article: Option<Arc<str>>,
    #[serde(default)]
    article_en: Option<Arc<str>>,
    mark: Mark,
    summary_zh: Prose,
    summary_en: Prose,
    #[serde(default)]
    note: Option<Prose>,
    #[serde(default)]
    note_en: Option<Prose>,
    #[serde(default)]
    seen: Option<Prose>,
    #[serde(default)]
    seen_en: Option<Prose>,
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    businesses: Vec<Business>,
    #[serde(default)]
    documents: Vec<DocumentNeed>,
    #[serde(default)]
    values: Vec<FileValue>,
}

/// One value as a file writes it: every key any shape takes. Words of a
/// closed vocabulary are read by serde, so a misspelt one is a load error
/// at its line and column; which keys a rule takes, and which of the words
/// it allows, are checked when the value is read into its rule's shape.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileValue {
    #[serde(default, rename = "for")]
    for_: Option<Selector>,
    #[serde(default)]
    what: Option<Named>,
    #[serde(default)]
    amount: Option<u32>,
    #[serde(default)]
    unit: Option<Unit>,
    #[serde(default)]
    start: Option<Start>,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    scope: Option<Scope>,
    #[serde(default)]
    tier: Option<u8>,
    #[serde(default)]
    max_kv: Option<f64>,
    #[serde(default)]
    certain_kv: Option<f64>,
    #[serde(default)]
    mark: Option<Mark>,
    #[serde(default)]
    alt_max_kv: Option<f64>,
    #[serde(default)]
    test: Option<Test>,
    #[serde(default, deserialize_with = "crate::day::de_iso_opt")]
    until: Option<chrono::NaiveDate>,
}

impl Rulebook {
    /// The embedded default rulebook, indexed once from the data build.rs
    /// baked into the binary (no parser, no deserialiser).
    pub fn embedded() -> &'static Rulebook {
        static CELL: std::sync::OnceLock<Rulebook> = std::sync::OnceLock::new();
        CELL.get_or_init(|| {
            let parsed = baked::files().map(Ok);
            // Not validated here: the embedded data is fixed at build time
            // and the tidy test validates it (`validate`), which keeps the
            // validator and its messages out of the browser bundle.
            // Said by Display: `expect` would bring the error's Debug, and
            // with it Rust's string escaping, into every bundle.
            Rulebook::index::<false>(parsed)
                .unwrap_or_else(|e| panic!("the tidy test loads every embedded file: {e}"))
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
        let book = Rulebook::index::<true>(files.into_iter().map(|(file, text)| {
            let content = if file == DOCUMENTS_FILE {
                toml::from_str(&text).map(Content::Documents)
            } else {
                toml::from_str(&text).map(|f| Content::Instrument(Box::new(f)))
            };
            content
                .map_err(|e| toml_error(&file, &e))
                .map(|c| (file, c))
        }))?;
        book.validate()?;
        Ok(book)
    }

    /// Read each provision's values into its rule's shape, sort the
    /// instruments and index provisions by rule. `CHECK`: check each value
    /// against its rule and say what is wrong (files read at run time). The
    /// embedded files are checked by the tidy test; reading them without
    /// checks keeps the checks and their messages out of the browser
    /// bundle (about 3 KB gzip).
    fn index<const CHECK: bool>(
        files: impl Iterator<Item = Result<(String, Content), RulebookError>>,
    ) -> Result<Rulebook, RulebookError> {
        let mut entries = Vec::new();
        let mut documents = Vec::new();
        for parsed in files {
            match parsed? {
                (_, Content::Documents(d)) => documents = d.document,
                (file, Content::Instrument(f)) => {
                    let provisions = f
                        .provision
                        .into_iter()
                        .map(|p| provision::<CHECK>(&file, p))
                        .collect::<Result<_, _>>()?;
                    // In `order`: each entry goes in after those that sort
                    // before it or equal to it, so entries of equal order
                    // stay in the order read, as with a stable sort. A
                    // score of files needs no sort, and inserting keeps a
                    // sort's code for `Entry` out of the browser bundle:
                    // 1,035 bytes gzip of the first load (313,981 ->
                    // 312,946, issue 12).
                    let at = entries
                        .partition_point(|e: &Entry| order(&e.instrument) <= order(&f.instrument));
                    entries.insert(
                        at,
                        Entry {
                            instrument: f.instrument,
                            provisions,
                            file,
                        },
                    );
                }
            }
        }
        let mut by_rule = vec![Vec::new(); RuleId::ALL.len()];
        for (ei, e) in entries.iter().enumerate() {
            for (pi, p) in e.provisions.iter().enumerate() {
                by_rule[p.rule.index()].push((ei, pi));
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
}

/// The order of instruments in a rulebook: by coming into force, then by id.
fn order(i: &Instrument) -> (chrono::NaiveDate, &str) {
    (i.from, &i.id)
}

fn provision<const CHECK: bool>(file: &str, p: FileProvision) -> Result<Provision, RulebookError> {
    let values = values::<CHECK>(file, &p)?;
    Ok(Provision {
        rule: p.rule,
        article: p.article,
        article_en: p.article_en,
        mark: p.mark,
        summary_zh: p.summary_zh,
        summary_en: p.summary_en,
        note: p.note,
        note_en: p.note_en,
        seen: p.seen,
        seen_en: p.seen_en,
        categories: p.categories,
        businesses: p.businesses,
        documents: p.documents,
        values,
    })
}

/// The keys of a value that are set.
fn present(v: &FileValue) -> impl Iterator<Item = &'static str> + '_ {
    [
        ("for", v.for_.is_some()),
        ("what", v.what.is_some()),
        ("amount", v.amount.is_some()),
        ("unit", v.unit.is_some()),
        ("start", v.start.is_some()),
        ("kind", v.kind.is_some()),
        ("scope", v.scope.is_some()),
        ("tier", v.tier.is_some()),
        ("max_kv", v.max_kv.is_some()),
        ("certain_kv", v.certain_kv.is_some()),
        ("alt_max_kv", v.alt_max_kv.is_some()),
        ("test", v.test.is_some()),
        ("until", v.until.is_some()),
    ]
    .into_iter()
    .filter_map(|(k, set)| set.then_some(k))
}

/// Reads one provision's values; with `CHECK`, checks them, naming file,
/// rule and key and saying what is wrong.
struct Reader<'a, const CHECK: bool> {
    file: &'a str,
    rule: RuleId,
}

impl<const CHECK: bool> Reader<'_, CHECK> {
    fn fail(&self, key: &str, problem: impl FnOnce() -> String) -> RulebookError {
        let problem = || if CHECK { problem() } else { String::new() };
        check(false, self.file, Some(self.rule), key, problem).unwrap_err()
    }

    /// The value has every `required` key and no key outside `required`
    /// and `optional` (`mark` is always allowed). A check like the others:
    /// the embedded files skip it (a missing key still fails in `given`),
    /// which keeps its key names and messages out of the browser bundle
    /// (688 bytes gzip of the first load, 314,810 -> 314,122).
    fn keys(
        &self,
        v: &FileValue,
        required: &[&str],
        optional: &[&str],
    ) -> Result<(), RulebookError> {
        if !CHECK {
            return Ok(());
        }
        for k in required {
            if !present(v).any(|p| p == *k) {
                return Err(self.fail(&format!("values.{k}"), || "missing".into()));
            }
        }
        if let Some(k) = present(v).find(|k| !required.contains(k) && !optional.contains(k)) {
            return Err(self.fail(&format!("values.{k}"), || {
                format!(
                    "{} does not take `{k}`; it takes {}",
                    self.rule,
                    [required, optional].concat().join(", ")
                )
            }));
        }
        Ok(())
    }

    /// A key `keys` has made sure of.
    fn given<T>(&self, key: &str, v: Option<T>) -> Result<T, RulebookError> {
        v.ok_or_else(|| self.fail(key, || "missing".into()))
    }

    /// A unit this shape allows.
    fn unit(&self, unit: Option<Unit>, allowed: &[Unit]) -> Result<Unit, RulebookError> {
        let u = self.given("values.unit", unit)?;
        if !CHECK || allowed.contains(&u) {
            return Ok(u);
        }
        Err(self.fail("values.unit", || {
            let names: Vec<&str> = allowed.iter().map(|a| a.as_str()).collect();
            format!("`{u}` is not allowed; allowed: {}", names.join(", "))
        }))
    }

    fn amount(&self, v: &FileValue) -> Result<u32, RulebookError> {
        let a = self.given("values.amount", v.amount)?;
        if !CHECK || (1..=MAX_RULE_AMOUNT).contains(&a) {
            Ok(a)
        } else {
            Err(self.fail("values.amount", || {
                format!("{a} is not allowed; allowed: 1 to {MAX_RULE_AMOUNT}")
            }))
        }
    }

    /// No two values for one class, name or tier.
    fn unique<K: PartialEq>(&self, keys: &[K]) -> Result<(), RulebookError> {
        let dup = CHECK && keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k));
        if dup {
            return Err(self.fail("values", || "two values for the same class".into()));
        }
        Ok(())
    }
}

fn values<const CHECK: bool>(file: &str, p: &FileProvision) -> Result<Values, RulebookError> {
    let r = Reader::<CHECK> { file, rule: p.rule };
    let mark = |v: &FileValue| v.mark.unwrap_or(p.mark);
    let shape = schema::value_shape(p.rule);
    if shape == ValueShape::None {
        if p.values.is_empty() {
            return Ok(Values::None);
        }
        return Err(r.fail("values", || format!("{} takes no values", p.rule)));
    }
    Ok(match shape {
        ValueShape::None => Values::None,
        ValueShape::TimeLimit => {
            let mut out = Vec::new();
            for v in &p.values {
                r.keys(v, &["for", "amount", "unit", "start"], &["kind", "scope"])?;
                out.push(TimeLimitValue {
                    for_: r.given("values.for", v.for_)?,
                    amount: r.amount(v)?,
                    unit: r.unit(v.unit, schema::TIME_LIMIT_UNITS)?,
                    start: r.given("values.start", v.start)?,
                    kind: v.kind.unwrap_or_default(),
                    scope: v.scope.unwrap_or_default(),
                    mark: mark(v),
                });
            }
            r.unique(&out.iter().map(|v| v.for_).collect::<Vec<_>>())?;
            Values::TimeLimits(out)
        }
        ValueShape::Period => {
            let mut out = Vec::new();
            for v in &p.values {
                r.keys(v, &["for", "amount", "unit"], &[])?;
                out.push(PeriodValue {
                    for_: r.given("values.for", v.for_)?,
                    amount: r.amount(v)?,
                    unit: r.unit(v.unit, schema::PERIOD_UNITS)?,
                    mark: mark(v),
                });
            }
            r.unique(&out.iter().map(|v| v.for_).collect::<Vec<_>>())?;
            Values::Periods(out)
        }
        ValueShape::Named(slots) => {
            let mut out = Vec::new();
            for v in &p.values {
                r.keys(v, &["what", "amount", "unit"], &[])?;
                let what = r.given("values.what", v.what)?;
                let Some(slot) = slots.iter().find(|s| s.what == what) else {
                    return Err(r.fail("values.what", || {
                        let names: Vec<&str> = slots.iter().map(|s| s.what.as_str()).collect();
                        format!("`{what}` is not allowed; allowed: {}", names.join(", "))
                    }));
                };
                out.push(NamedValue {
                    what,
                    amount: r.amount(v)?,
                    unit: r.unit(v.unit, &[slot.unit])?,
                    mark: mark(v),
                });
            }
            r.unique(&out.iter().map(|v| v.what).collect::<Vec<_>>())?;
            if let Some(s) = slots
                .iter()
                .find(|s| CHECK && s.required && !out.iter().any(|v| v.what == s.what))
            {
                return Err(r.fail("values.what", || format!("`{}` is required", s.what)));
            }
            Values::Named(out)
        }
        ValueShape::Tier => {
            let mut out = Vec::new();
            for v in &p.values {
                r.keys(v, &["tier"], &["max_kv", "certain_kv", "alt_max_kv"])?;
                let tier = v.tier.unwrap_or_default();
                if CHECK && !LICENCE_TIERS.contains(&tier) {
                    return Err(r.fail("values.tier", || {
                        format!(
                            "{tier} is not a tier; allowed: {} to {}",
                            LICENCE_TIERS.start(),
                            LICENCE_TIERS.end()
                        )
                    }));
                }
                for (key, kv) in [
                    ("values.max_kv", v.max_kv),
                    ("values.certain_kv", v.certain_kv),
                    ("values.alt_max_kv", v.alt_max_kv),
                ] {
                    if let Some(k) = kv.filter(|k| CHECK && !(k.is_finite() && *k > 0.0)) {
                        return Err(r.fail(key, || format!("{k} is not a voltage")));
                    }
                }
                // Two sources giving two caps: neither is verified.
                if CHECK && v.alt_max_kv.is_some() && mark(v).is_reliable() {
                    return Err(r.fail("values.alt_max_kv", || {
                        "sources that disagree on a cap make it unverified: mark it R or X".into()
                    }));
                }
                out.push(TierValue {
                    tier,
                    max_kv: v.max_kv,
                    certain_kv: v.certain_kv,
                    alt_max_kv: v.alt_max_kv,
                    mark: mark(v),
                });
            }
            r.unique(&out.iter().map(|v| v.tier).collect::<Vec<_>>())?;
            Values::Tiers(out)
        }
        ValueShape::Test => {
            let mut out = Vec::new();
            for v in &p.values {
                r.keys(v, &["test"], &[])?;
                out.push(TestValue {
                    test: r.given("values.test", v.test)?,
                    mark: mark(v),
                });
            }
            r.unique(&out.iter().map(|v| v.test).collect::<Vec<_>>())?;
            Values::Tests(out)
        }
        ValueShape::Until => {
            let mut out = Vec::new();
            for v in &p.values {
                r.keys(v, &["until"], &[])?;
                out.push(UntilValue {
                    until: r.given("values.until", v.until)?,
                    mark: mark(v),
                });
            }
            // One day: two would leave the evaluator to pick one.
            r.unique(&out.iter().map(|_| ()).collect::<Vec<_>>())?;
            Values::Until(out)
        }
    })
}

#[cfg(feature = "toml-files")]
fn toml_error(file: &str, e: &toml::de::Error) -> RulebookError {
    // toml reports "unknown field `x`, expected one of …" (and an unknown
    // rule id, layer or category the same way) with a line/column snippet;
    // keep its message, which already names the key and shows where.
    RulebookError {
        file: file.to_string(),
        rule: None,
        key: "(file)".into(),
        problem: e.to_string().trim().to_string(),
    }
}
