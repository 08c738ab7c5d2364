//! DOC (application documents) and NOTICE (one-time written notice, clock start).

use super::Ctx;
use crate::case::{Business, Case, Category};
pub use crate::report::documents::ChecklistItem;
use crate::report::documents::{Caveat, DocRef, Form, Found};
use crate::report::{Detail, Name, Outcome, Question};
use crate::rulebook::{DocumentForm, InForce, Rulebook};
use crate::vocab::RuleId;
use crate::vocab::{Named, Need};
use chrono::NaiveDate;
use std::sync::Arc;

/// The DOC rules that list application documents.
const LIST_RULES: [RuleId; 7] = [
    RuleId::Doc01,
    RuleId::Doc02,
    RuleId::Doc03,
    RuleId::Doc04,
    RuleId::Doc05,
    RuleId::Doc08,
    RuleId::Doc09,
];

/// The document-list provisions in force on `date` for this case's category
/// and business. One place decides this so that the checklist the app shows
/// and the findings can never disagree.
fn list_provisions<'a>(book: &'a Rulebook, case: &'a Case, date: NaiveDate) -> Vec<InForce<'a>> {
    let cat = case.customer.category;
    let bus = case.customer.business;
    LIST_RULES
        .iter()
        .flat_map(|&rule| book.in_force(rule, date, case.utility.operator))
        .filter(|src| {
            let p = src.provision;
            (p.categories.is_empty() || p.categories.contains(&cat))
                && (p.businesses.is_empty() || p.businesses.contains(&bus))
        })
        .collect()
}

/// Does a `need` condition of documents.toml apply to this case?
fn need_applies(need: Need, case: &Case) -> bool {
    match need {
        Need::Required | Need::Local => true,
        Need::IfAgent => case.customer.agent,
        Need::IfGovernmentProject => case.customer.government_project,
        Need::IfImportant => case.customer.important,
        Need::IfOwnershipUnclear => case.customer.ownership_unclear,
    }
}

/// A document by its code, with its names from the rulebook and the forms
/// of it accepted (and refused) from a customer of `category`: the one
/// place that picks them, so a finding and the checklist name the same. The
/// loader makes every code a list names a document of documents.toml; were
/// one not, it would go by its code.
fn doc_ref(book: &Rulebook, code: &str, category: Category) -> DocRef {
    match book.document(code) {
        Some(d) => {
            let forms = |fs: &mut dyn Iterator<Item = &DocumentForm>| -> Vec<Form> {
                fs.map(|f| Form {
                    zh: Arc::clone(&f.zh),
                    en: Arc::clone(&f.en),
                })
                .collect()
            };
            DocRef {
                code: Arc::clone(&d.code),
                name_zh: Arc::clone(&d.name_zh),
                name_en: Arc::clone(&d.name_en),
                accepted: forms(&mut d.accepted_for(category)),
                not_accepted: forms(&mut d.not_accepted_for(category)),
            }
        }
        None => {
            let code: Arc<str> = code.into();
            DocRef {
                name_zh: Arc::clone(&code),
                name_en: Arc::clone(&code),
                code,
                accepted: Vec::new(),
                not_accepted: Vec::new(),
            }
        }
    }
}

/// The documents this case needs (on the application date, else `as_of`):
/// every document whose condition applies, once, under the first rule that
/// asks for it, with the forms accepted from the case's category. Rules
/// without a list (DOC-08/09) contribute nothing.
pub fn checklist(book: &Rulebook, case: &Case, as_of: NaiveDate) -> Vec<ChecklistItem> {
    let date = case.dates.accepted.unwrap_or(as_of);
    let category = case.customer.category;
    let mut items: Vec<ChecklistItem> = Vec::new();
    for src in list_provisions(book, case, date) {
        let p = src.provision;
        for need in &p.documents {
            if !need_applies(need.need, case) || items.iter().any(|i| i.document.code == need.doc) {
                continue;
            }
            items.push(ChecklistItem {
                document: doc_ref(book, &need.doc, category),
                need: need.need,
                later_with_one_id: need.later_with_one_id,
                rule: p.rule,
                mark: p.mark,
                held: case.documents.iter().any(|h| **h == *need.doc),
            });
        }
    }
    items
}

pub(crate) fn check(ctx: &mut Ctx) {
    let date = ctx.application_date();
    let case = ctx.case;
    let book = ctx.book;
    let mut all_missing: Vec<&str> = Vec::new();
    for src in list_provisions(book, case, date) {
        let p = src.provision;
        let rule = p.rule;
        if p.documents.is_empty() {
            // DOC-08 / DOC-09: out of core scope, a reminder only.
            ctx.push(
                rule,
                Outcome::Warning,
                Some(src),
                p.mark,
                Detail::Documents(Found::LocalList {
                    change_kind: case.customer.change_kind.clone(),
                }),
                vec!["customer.business".into()],
            );
            continue;
        }
        let mut missing = Vec::new();
        let mut later = Vec::new();
        let mut local = Vec::new();
        for need in &p.documents {
            if !need_applies(need.need, case) || case.documents.iter().any(|d| **d == *need.doc) {
                continue;
            }
            if need.need == Need::Local {
                local.push(&*need.doc);
            } else if need.later_with_one_id
                && case.utility.one_id_acceptance
                && case.documents.iter().any(|d| d == "D-ID")
            {
                later.push(&*need.doc);
            } else {
                missing.push(&*need.doc);
            }
        }
        let outcome = if !missing.is_empty() {
            Outcome::Missing
        } else if !later.is_empty() || !local.is_empty() {
            Outcome::Warning
        } else {
            Outcome::Ok
        };
        if outcome == Outcome::Missing && p.mark.is_reliable() {
            all_missing.extend(missing.iter().copied());
        }
        let category = case.customer.category;
        let refs =
            |v: &[&str]| -> Vec<DocRef> { v.iter().map(|c| doc_ref(book, c, category)).collect() };
        let local = refs(&local);
        // The message names the local extras only when nothing else is
        // outstanding; otherwise a caveat names them beside it.
        let also_local =
            (ctx.explain && !local.is_empty() && (!missing.is_empty() || !later.is_empty()))
                .then(|| local.clone());
        let inputs: Vec<Name> = vec![
            "documents".into(),
            "customer.category".into(),
            "customer.business".into(),
        ];
        let found = Found::List {
            missing: refs(&missing),
            later: refs(&later),
            local,
        };
        let f = ctx.push(
            rule,
            outcome,
            Some(src),
            p.mark,
            Detail::Documents(found),
            inputs,
        );
        if let Some(local) = also_local {
            f.caveats
                .push(crate::report::Caveat::Documents(Caveat::AlsoAskedLocally {
                    local,
                }));
        }
    }
    all_missing.sort_unstable();
    all_missing.dedup();
    later_stage(ctx);
    ordinary_hv(ctx);
    notices(ctx, all_missing.len());
}

/// DOC-06: later-stage checklists for HV customers who have reached completion.
fn later_stage(ctx: &mut Ctx) {
    if ctx.case.customer.category != Category::HighVoltage
        || ctx.case.dates.completion_requested.is_none()
    {
        return;
    }
    for src in ctx.in_force(RuleId::Doc06, ctx.application_date()) {
        ctx.push(
            RuleId::Doc06,
            Outcome::Warning,
            Some(src),
            src.provision.mark,
            Detail::Documents(Found::CompletionStage),
            vec!["dates.completion_requested".into()],
        );
    }
}

/// DOC-07: ordinary 10/20 kV customers have no design review or mid-term check.
fn ordinary_hv(ctx: &mut Ctx) {
    let c = &ctx.case.customer;
    if c.category != Category::HighVoltage
        || !matches!(c.business, Business::New | Business::Increase)
    {
        return;
    }
    for src in ctx.in_force(RuleId::Doc07, ctx.application_date()) {
        let Some(kv) = c.voltage_kv else {
            ctx.cannot_determine(
                RuleId::Doc07,
                "customer.voltage_kv",
                Question::DesignReviewApplies,
            );
            continue;
        };
        // A provision without its ordinary-customer voltage says nothing to
        // check here (the loader's value shapes make it present).
        let Some(v) = src.provision.values.named(Named::OrdinaryMaxKv) else {
            continue;
        };
        let (max, mark) = (v.amount, v.mark);
        let found = Found::DesignReview {
            voltage_kv: kv,
            ordinary_max_kv: max,
            important: c.important,
            special_load: c.special_load,
        };
        let o = if found.is_ordinary() {
            Outcome::Ok
        } else {
            Outcome::Warning
        };
        ctx.push(
            RuleId::Doc07,
            o,
            Some(src),
            mark,
            Detail::Documents(found),
            vec![
                "customer.voltage_kv".into(),
                "customer.important".into(),
                "customer.special_load".into(),
            ],
        );
    }
}

/// NOTICE-01/02/03/04. `missing_documents`: how many different documents
/// the reliable lists found missing.
fn notices(ctx: &mut Ctx, missing_documents: usize) {
    let date = ctx.application_date();
    let conduct = &ctx.case.conduct;
    let accepted = ctx.case.dates.accepted;
    if missing_documents > 0 {
        let notified = conduct.written_notice_of_missing_documents;
        for src in ctx.in_force(RuleId::Notice01, date) {
            let o = match notified {
                Some(true) => Outcome::Ok,
                Some(false) => Outcome::Violation,
                None => Outcome::Warning,
            };
            ctx.push(
                RuleId::Notice01,
                o,
                Some(src),
                src.provision.mark,
                Detail::Documents(Found::MissingNotice {
                    missing_documents,
                    notified_in_writing: notified,
                }),
                vec!["conduct.written_notice_of_missing_documents".into()],
            );
        }
        for src in ctx.in_force(RuleId::Notice04, date) {
            let o = if accepted.is_some() {
                Outcome::Ok
            } else {
                Outcome::Warning
            };
            ctx.push(
                RuleId::Notice04,
                o,
                Some(src),
                src.provision.mark,
                Detail::Documents(Found::ClockStart { accepted }),
                vec!["dates.accepted".into()],
            );
        }
    }
    let conduct = &ctx.case.conduct;
    if conduct.defects_found == Some(true) {
        let notified = conduct.defects_notified_in_writing;
        for src in ctx.in_force(RuleId::Notice02, ctx.case.dates.inspected.unwrap_or(date)) {
            let o = match notified {
                Some(true) => Outcome::Ok,
                Some(false) => Outcome::Violation,
                None => Outcome::Warning,
            };
            let f = ctx.push(
                RuleId::Notice02,
                o,
                Some(src),
                src.provision.mark,
                Detail::Documents(Found::DefectNotice {
                    notified_in_writing: notified,
                }),
                vec![
                    "conduct.defects_found".into(),
                    "conduct.defects_notified_in_writing".into(),
                ],
            );
            f.basis.push(RuleId::Cal10);
        }
    }
    // NOTICE-03 under the version in force when the application was
    // accepted (CAL-08): the duty not to drop or stall it silently arises
    // with the acceptance, and the case gives no date for the stall itself
    // (without an acceptance date, "today", as for every application rule).
    // Either answer is a finding, so the customer's answer always shows;
    // where no version binds this utility on that day, none is made here.
    if let Some(stalled) = ctx.case.conduct.stalled_without_notice {
        let (o, found) = if stalled {
            (Outcome::Violation, Found::StalledWithoutNotice)
        } else {
            (Outcome::Ok, Found::NoStallReported)
        };
        for src in ctx.in_force(RuleId::Notice03, date) {
            ctx.push(
                RuleId::Notice03,
                o,
                Some(src),
                src.provision.mark,
                Detail::Documents(found.clone()),
                vec!["conduct.stalled_without_notice".into()],
            );
        }
    }
}
