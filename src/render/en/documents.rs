//! DOC and NOTICE in English.

use crate::render::Reader;
use crate::report::documents::{Caveat, DocRef, Form, Found};
use crate::report::Finding;
use std::fmt::Write;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    let summary = || f.citation.as_ref().map_or("", |c| &*c.summary_en);
    match d {
        Found::List {
            missing,
            later,
            local,
        } => {
            if !missing.is_empty() {
                format!("Missing: {}.{}", names(missing, r), forms(missing))
            } else if !later.is_empty() {
                format!(
                    "One-ID acceptance is possible; to be supplied later: {}.",
                    names(later, r)
                )
            } else if !local.is_empty() {
                format!(
                    "Required documents complete; some places also ask for: {}.",
                    names(local, r)
                )
            } else {
                "Application documents complete.".into()
            }
        }
        // The change kind is the case's own free text (分户, 过户 …): not
        // repeated in English.
        Found::LocalList { .. } => format!(
            "The document list for this business is local: {}",
            summary()
        ),
        Found::CompletionStage => format!("For the completion stage, prepare: {}", summary()),
        Found::DesignReview {
            voltage_kv,
            important,
            special_load,
            ..
        } => {
            let kv = crate::decimal::Decimal(*voltage_kv);
            if d.is_ordinary() {
                format!("Ordinary {kv} kV customer: no design review or mid-term check is required.")
            } else {
                let kind = if *important {
                    " important"
                } else if *special_load {
                    " special-load"
                } else {
                    ""
                };
                let see = if r.is_clerk() { " (TL-03, TL-04)" } else { "" };
                format!("{kv} kV{kind} customer: design review and mid-term check apply{see}.")
            }
        }
        Found::MissingNotice {
            notified_in_writing,
            ..
        } => match notified_in_writing {
            Some(true) => "The missing documents were notified in writing, at once.",
            Some(false) => "Missing documents were not notified in writing, at once.",
            None => "You may ask the utility for one written list of everything missing; the list on this page can be printed.",
        }
        .into(),
        Found::ClockStart { accepted } => match accepted {
            Some(a) => format!("Accepted on {a}: the time limits run even though documents are missing."),
            None => "Not accepted yet: no time limit has started. Complete the documents and ask for acceptance.".into(),
        },
        Found::DefectNotice {
            notified_in_writing,
        } => match notified_in_writing {
            Some(true) => format!(
                "Rectification items were notified in writing, at once; the rectification time is the customer's{}.",
                if r.is_clerk() { " (CAL-10)" } else { "" }
            ),
            Some(false) => "Defects were found but not notified in writing, all at once.".into(),
            None => "Defects found: the utility must list all of them in writing at once and re-inspect after rectification; the rectification time is not the utility's.".into(),
        },
        Found::StalledWithoutNotice => {
            "An accepted application was stalled or dropped without telling the customer.".into()
        }
        Found::NoStallReported => {
            "No accepted application stalled or dropped without notice is reported.".into()
        }
    }
}

pub(super) fn caveat(c: &Caveat, r: &Reader) -> String {
    match c {
        Caveat::AlsoAskedLocally { local } => {
            format!("Some places also ask for: {}.", names(local, r))
        }
    }
}

/// The documents missing, named only: the outcome word before it in the
/// list of problems already says they are missing (`crate::render::headline`).
pub(super) fn missing(docs: &[DocRef], r: &Reader) -> String {
    format!("{}.", names(docs, r))
}

/// For each document that has them, the forms accepted from this customer's
/// category and those known not to be: " Applicant's identity document: any
/// one of …. Not accepted: …."
fn forms(docs: &[DocRef]) -> String {
    let mut out = String::new();
    for d in docs.iter().filter(|d| !d.accepted.is_empty()) {
        let list = |fs: &[Form]| crate::render::forms(fs, crate::render::Lang::En);
        let _ = write!(out, " {}: any one of {}.", d.name_en, list(&d.accepted));
        if !d.not_accepted.is_empty() {
            let _ = write!(out, " Not accepted: {}.", list(&d.not_accepted));
        }
    }
    out
}

/// Documents by name; a clerk also reads each code.
fn names(docs: &[DocRef], r: &Reader) -> String {
    let mut out = String::new();
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&d.name_en);
        if r.is_clerk() {
            let _ = write!(out, " ({})", d.code);
        }
    }
    out
}
