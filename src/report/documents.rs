//! Typed findings of DOC and NOTICE: application documents and the one-time notice.

use crate::vocab::{Need, RuleId};
use crate::Mark;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "kebab-case")]
pub enum Found {
    /// DOC-01..05: the case's documents held against the provision's list.
    /// Each document the case needs and does not hold is in exactly one of
    /// the three lists; all three empty means the list is complete.
    List {
        /// Needed now and not held (outcome `missing`).
        missing: Vec<DocRef>,
        /// Not held, but may follow after acceptance because the utility
        /// offers one-ID acceptance (一证受理) and the ID is held.
        later: Vec<DocRef>,
        /// Not held, and asked for only in some places (`need = "local"`).
        local: Vec<DocRef>,
    },
    /// DOC-08 / DOC-09: the provision sets no list; the utility's local list
    /// applies (the provision's summary says what it covers).
    LocalList {
        /// The kind of change of use (分户, 过户 …) as the case gives it, free text.
        #[serde(skip_serializing_if = "Option::is_none")]
        change_kind: Option<String>,
    },
    /// DOC-06: an HV customer who asked for completion inspection should have
    /// the later-stage documents ready (the provision's summary lists them).
    CompletionStage,
    /// DOC-07: whether design review and the mid-term check apply to this
    /// HV customer. They do not for an ordinary customer: at most
    /// `ordinary_max_kv`, not important, no special load.
    DesignReview {
        /// The customer's supply voltage, kV.
        voltage_kv: f64,
        /// The highest voltage, kV, of an ordinary customer in the provision.
        ordinary_max_kv: u32,
        /// An important customer (重要客户).
        important: bool,
        /// A customer with special load (冲击/非线性 …).
        special_load: bool,
    },
    /// NOTICE-01: reliable document lists are incomplete; whether the
    /// utility listed everything missing in writing, at once.
    MissingNotice {
        /// How many different documents are missing (over all lists).
        missing_documents: usize,
        /// What the case says about the written notice; `None` if it says nothing.
        #[serde(skip_serializing_if = "Option::is_none")]
        notified_in_writing: Option<bool>,
    },
    /// NOTICE-04: documents are missing; whether the application has been
    /// accepted, which starts the time limits even so.
    ClockStart {
        /// The day the application was accepted, if it was.
        #[serde(skip_serializing_if = "Option::is_none")]
        accepted: Option<NaiveDate>,
    },
    /// NOTICE-02: defects were found at inspection; whether all of them were
    /// notified in writing, at once (the rectification time is then the
    /// customer's, CAL-10).
    DefectNotice {
        /// What the case says about the written notice; `None` if it says nothing.
        #[serde(skip_serializing_if = "Option::is_none")]
        notified_in_writing: Option<bool>,
    },
    /// NOTICE-03: an accepted application was stalled or dropped without
    /// telling the customer.
    StalledWithoutNotice,
    /// NOTICE-03: the case says the application was not stalled or dropped
    /// without notice.
    NoStallReported,
}

impl Found {
    /// DOC-07: is this an ordinary customer (no design review, no mid-term check)?
    pub fn is_ordinary(&self) -> bool {
        match self {
            Found::DesignReview {
                voltage_kv,
                ordinary_max_kv,
                important,
                special_load,
            } => *voltage_kv <= f64::from(*ordinary_max_kv) && !important && !special_load,
            _ => false,
        }
    }
}

/// A document, by its code in `documents.toml` (`D-ID`, `D-PROP` …), with
/// the names the rulebook gives it. A customer reads the name; a clerk the
/// name and the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocRef {
    pub code: Arc<str>,
    pub name_zh: Arc<str>,
    pub name_en: Arc<str>,
    /// The forms of it accepted from this customer's category (any one
    /// suffices), as the rulebook lists them; none when it lists none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<Form>,
    /// Forms known not to be accepted from this customer's category.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_accepted: Vec<Form>,
}

/// One form of a document (居民身份证, 营业执照 …), named in both
/// languages by the rulebook (`documents.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Form {
    pub zh: Arc<str>,
    pub en: Arc<str>,
}

/// One line of the document checklist (the one-time list): a document this
/// case needs, whether it is held, and what is accepted for it. The app
/// shows it as the form's checklist and the printable list of what is
/// missing; the CLI prints it after the findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistItem {
    /// The document, its names and the forms accepted from this customer's
    /// category: the same as a finding names it.
    pub document: DocRef,
    /// When it is needed, as the rule file says.
    pub need: Need,
    /// May follow after acceptance where the utility offers 一证受理.
    pub later_with_one_id: bool,
    /// The rule that asks for it (the first, when several do).
    pub rule: RuleId,
    /// The mark of that rule's provision.
    pub mark: Mark,
    /// The case lists it among the documents in hand.
    pub held: bool,
}

/// A caveat particular to this family.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "caveat", rename_all = "kebab-case")]
pub enum Caveat {
    /// Some places also ask for these documents (`need = "local"`), beside
    /// those the finding names.
    AlsoAskedLocally { local: Vec<DocRef> },
}
