//! Typed findings of the coverage pass (outcome `not-covered`): what the
//! case gives that this rulebook holds no rule for, on its date or for its
//! utility. They keep a supplied fact from vanishing from the report, and
//! an event before every instrument from reading as "nothing wrong".

use super::Name;
use crate::case::Operator;
use crate::vocab::RuleId;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// What the coverage pass found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "kebab-case")]
pub enum Found {
    /// Dates of the case on which no instrument of this rulebook that sets
    /// duties (conventions and the counting rules of civil law aside) was in
    /// force for the case's utility: what happened then is not checked.
    DatesOutside {
        /// The case's dates outside, in process order.
        dates: Vec<DatedField>,
        /// The instrument that starts this rulebook's coverage for the
        /// utility (the earliest in force); `None` if none binds it at all.
        #[serde(skip_serializing_if = "Option::is_none")]
        earliest: Option<Instrument>,
    },
    /// A fact the case gives that no finding used, because no rule of this
    /// rulebook that reads it is in force on its date for this utility.
    FactNotCovered {
        /// The case field, as its JSON path.
        field: Name,
        /// The day the rules were looked up for (the event's date).
        date: NaiveDate,
        /// The catalog rules that would read it.
        rules: Vec<RuleId>,
        why: Why,
    },
}

/// A case date and the field it was given in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedField {
    pub field: Name,
    pub date: NaiveDate,
}

/// An instrument named by a coverage finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Instrument {
    pub instrument: Arc<str>,
    pub title: Arc<str>,
    pub title_en: Arc<str>,
    pub version: Arc<str>,
    pub version_en: Arc<str>,
    /// In force from.
    pub from: NaiveDate,
}

/// Why a fact is not covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum Why {
    /// No provision of those rules is in force on that day, for any utility.
    NoRuleOnDate,
    /// Provisions are in force on that day, but each binds another utility
    /// (State Grid's own commitments) and not the case's.
    NotThisUtility { operator: Operator },
}
