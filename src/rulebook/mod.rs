//! The rulebook: instruments (one file each), their provisions and dated
//! values, loaded from TOML and validated (see `data/rules/README.md`).
//!
//! By job: `model.rs` is what a rulebook holds (typed, closed vocabularies),
//! `load.rs` reads files into it (located errors for anything a rule does
//! not take), `validate.rs` checks what spans files (ids, sources, marks,
//! overlapping versions), and this module answers the evaluator's one
//! question: which provisions of a rule are in force on a day.
//!
//! **Invariant:** a loaded [`Rulebook`] is valid: every provision names a
//! catalog rule and cites its instrument, its values have the shape its
//! rule takes (`schema`), and versions of one series never overlap in time.
//! Files loaded at run time are validated as they load; the embedded
//! rulebook is fixed at build time and validated by the tidy test instead,
//! so the browser carries no validator.

mod fingerprint;
mod load;
mod model;
pub mod schema;
mod validate;

pub use fingerprint::fingerprint;
pub use load::EMBEDDED;
pub use model::{
    Document, DocumentForm, DocumentNeed, Entry, Instrument, NamedValue, PeriodValue, Provision,
    TierValue, TimeLimitValue, Values,
};
pub use model::{TestValue, UntilValue};

use crate::case::Operator;
use crate::report::Citation;
use crate::vocab::{Applies, RuleId};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// The fingerprint of the rulebook built into this binary: [`fingerprint`]
/// of [`EMBEDDED`], computed by build.rs when it baked the files (the
/// binary carries no rule file's text).
pub fn embedded_fingerprint() -> String {
    load::embedded_fingerprint().to_string()
}

#[derive(Debug, Clone, Serialize)]
pub struct Rulebook {
    pub entries: Vec<Entry>,
    pub documents: Vec<Document>,
    /// (entry, provision) positions per rule, indexed by [`RuleId::index`]:
    /// evaluation looks rules up some fifty times per case.
    #[serde(skip)]
    by_rule: Vec<Vec<(usize, usize)>>,
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

/// `Err` with where and what when `ok` is false.
pub(crate) fn check(
    ok: bool,
    file: &str,
    rule: Option<RuleId>,
    key: &str,
    problem: impl FnOnce() -> String,
) -> Result<(), RulebookError> {
    if ok {
        Ok(())
    } else {
        Err(RulebookError {
            file: file.into(),
            rule: rule.map(|r| r.as_str().into()),
            key: key.into(),
            problem: problem(),
        })
    }
}

/// A provision in force on some date, with its instrument.
#[derive(Debug, Clone, Copy)]
pub struct InForce<'a> {
    pub instrument: &'a Instrument,
    pub provision: &'a Provision,
    /// What a finding resting on it cites.
    pub citation: &'a Arc<Citation>,
    /// In force on the asked day only perhaps (`Instrument::certain_from`).
    pub candidate: bool,
}

impl Rulebook {
    /// Checks every rule of the invariant at the top of this module.
    ///
    /// # Errors
    /// The first [`RulebookError`] found.
    pub fn validate(&self) -> Result<(), RulebookError> {
        validate::validate(self)
    }

    /// Every provision for `rule` in force on `date` for this utility, oldest instrument first.
    pub fn in_force<'a>(
        &'a self,
        rule: RuleId,
        date: NaiveDate,
        utility: Operator,
    ) -> impl Iterator<Item = InForce<'a>> + 'a {
        self.in_force_during(rule, date, date, utility)
    }

    /// Provisions for `rule` in force on any day of [from, to] (CAL-08, LIC-05).
    pub fn in_force_during<'a>(
        &'a self,
        rule: RuleId,
        from: NaiveDate,
        to: NaiveDate,
        utility: Operator,
    ) -> impl Iterator<Item = InForce<'a>> + 'a {
        let at = self
            .by_rule
            .get(rule.index())
            .map_or(&[][..], Vec::as_slice);
        at.iter()
            .map(|&(ei, pi)| (ei, &self.entries[ei], pi))
            .filter(move |(_, e, _)| {
                let i = &e.instrument;
                i.from <= to && i.until.is_none_or(|u| from <= u) && binds(i.utility, utility)
            })
            .map(move |(ei, e, pi)| InForce {
                instrument: &e.instrument,
                provision: &e.provisions[pi],
                citation: &self.citations[ei][pi],
                candidate: e.instrument.candidate_on(from),
            })
    }

    pub fn document(&self, code: &str) -> Option<&Document> {
        self.documents.iter().find(|d| &*d.code == code)
    }

    /// Every rule that some provision provides, in catalog order.
    pub fn rule_ids(&self) -> Vec<RuleId> {
        RuleId::ALL
            .iter()
            .copied()
            .filter(|r| self.by_rule.get(r.index()).is_some_and(|v| !v.is_empty()))
            .collect()
    }
}

/// Does an instrument with this scope bind the utility a case names?
fn binds(applies: Applies, operator: Operator) -> bool {
    match applies {
        Applies::Any => true,
        Applies::Sgcc => operator == Operator::Sgcc,
    }
}

/// The citation of one provision of an instrument: built once per provision
/// and shared by every finding that rests on it.
fn citation_of(i: &Instrument, p: &Provision) -> Citation {
    Citation {
        instrument: i.id.clone(),
        title: i.title.clone(),
        title_en: i.title_en.clone(),
        version: i.version.clone(),
        version_en: i.version_en.clone(),
        layer: i.layer,
        article: p.article.clone(),
        article_en: p.article_en.clone(),
        mark: p.mark,
        summary_zh: p.summary_zh.clone(),
        summary_en: p.summary_en.clone(),
        seen: crate::report::Words::pair(&p.seen, &p.seen_en),
    }
}
