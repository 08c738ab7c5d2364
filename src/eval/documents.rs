//! DOC (application documents) and NOTICE (one-time written notice, clock start).

use super::Evidence;
use super::{text, Ctx};
use crate::case::{Business, Case, Category};
use crate::report::{Outcome, Question};
use crate::rulebook::{Document, InForce, Rulebook};
use crate::Mark;
use chrono::NaiveDate;
use serde::Serialize;

/// The DOC rules that list application documents.
const LIST_RULES: [&str; 7] = [
    "DOC-01", "DOC-02", "DOC-03", "DOC-04", "DOC-05", "DOC-08", "DOC-09",
];

/// The document-list provisions in force on `date` for this case's category
/// and business. One place decides this so that the checklist the app shows
/// and the findings can never disagree.
fn list_provisions<'a>(book: &'a Rulebook, case: &'a Case, date: NaiveDate) -> Vec<InForce<'a>> {
    let cat = case.customer.category.as_str();
    let bus = case.customer.business.as_str();
    LIST_RULES
        .iter()
        .flat_map(|rule| book.in_force(rule, date, &case.utility.operator))
        .filter(|src| {
            let p = src.provision;
            (p.categories.is_empty() || p.categories.iter().any(|c| c == cat))
                && (p.businesses.is_empty() || p.businesses.iter().any(|b| b == bus))
        })
        .collect()
}

/// Does a `need` condition of documents.toml apply to this case?
fn need_applies(need: &str, case: &Case) -> bool {
    match need {
        "required" | "local" => true,
        "if-agent" => case.customer.agent,
        "if-government-project" => case.customer.government_project,
        "if-important" => case.customer.important,
        "if-ownership-unclear" => case.customer.ownership_unclear,
        _ => false,
    }
}

/// A document's names in Chinese and English; its code when the rulebook
/// does not know it.
fn doc_names<'b>(book: &'b Rulebook, code: &'b str) -> (&'b str, &'b str) {
    book.document(code)
        .map_or((code, code), |d| (d.name_zh.as_str(), d.name_en.as_str()))
}

/// One line of the document checklist a customer ticks off.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistItem {
    /// Document code (D-ID …).
    pub doc: String,
    pub name_zh: String,
    pub name_en: String,
    pub accepted_zh: Vec<String>,
    pub accepted_en: Vec<String>,
    pub not_accepted_zh: Vec<String>,
    pub not_accepted_en: Vec<String>,
    /// `required`, `local`, `if-agent` …, as in the rule file.
    pub need: String,
    /// May follow after acceptance where the utility offers 一证受理.
    pub later_with_one_id: bool,
    pub rule: String,
    pub mark: Mark,
    pub held: bool,
}

/// The documents this case needs (on the application date, else `as_of`):
/// every document whose condition applies, once, under the first rule that
/// asks for it. Rules without a list (DOC-08/09) contribute nothing.
pub fn checklist(book: &Rulebook, case: &Case, as_of: NaiveDate) -> Vec<ChecklistItem> {
    let date = case.dates.accepted.unwrap_or(as_of);
    let mut items: Vec<ChecklistItem> = Vec::new();
    for src in list_provisions(book, case, date) {
        let p = src.provision;
        for need in &p.documents {
            if !need_applies(&need.need, case) || items.iter().any(|i| i.doc == need.doc) {
                continue;
            }
            let d = book.document(&need.doc);
            let get = |f: fn(&Document) -> Vec<String>| d.map(f).unwrap_or_default();
            items.push(ChecklistItem {
                doc: need.doc.clone(),
                name_zh: d.map_or_else(|| need.doc.clone(), |d| d.name_zh.clone()),
                name_en: d.map_or_else(|| need.doc.clone(), |d| d.name_en.clone()),
                accepted_zh: get(|d| d.accepted_zh.clone()),
                accepted_en: get(|d| d.accepted_en.clone()),
                not_accepted_zh: get(|d| d.not_accepted_zh.clone()),
                not_accepted_en: get(|d| d.not_accepted_en.clone()),
                need: need.need.clone(),
                later_with_one_id: need.later_with_one_id,
                rule: p.rule.clone(),
                mark: p.mark,
                held: case.documents.iter().any(|h| h == &need.doc),
            });
        }
    }
    items
}

pub(crate) fn check(ctx: &mut Ctx) {
    let date = ctx.application_date();
    let case = ctx.case;
    let mut all_missing: Vec<&str> = Vec::new();
    for src in list_provisions(ctx.book, case, date) {
        // DOC rule ids come from the rule files, so each finding owns its copy.
        let rule = src.provision.rule.as_str();

        let p = src.provision;
        if p.documents.is_empty() {
            // DOC-08 / DOC-09: out of core scope, a reminder only.
            ctx.push_prose(
                rule.to_string(),
                Outcome::Warning,
                Some(src),
                p.mark,
                || {
                    let kind = case.customer.change_kind.as_deref().unwrap_or_default();
                    text(
                        format!(
                            "{kind}此类业务的资料清单以当地供电企业告知为准: {}",
                            p.summary_zh
                        ),
                        format!(
                            "The document list for this business is local: {}",
                            p.summary_en
                        ),
                    )
                },
                Evidence {
                    inputs: vec!["customer.business".into()],
                    ..Evidence::default()
                },
            );
            continue;
        }
        let mut missing = Vec::new();
        let mut later = Vec::new();
        let mut local = Vec::new();
        let mut ev = Evidence {
            inputs: vec![
                "documents".into(),
                "customer.category".into(),
                "customer.business".into(),
            ],
            ..Evidence::default()
        };
        for need in &p.documents {
            if !need_applies(&need.need, case) || case.documents.iter().any(|d| d == &need.doc) {
                continue;
            }
            if need.need == "local" {
                local.push(need.doc.as_str());
            } else if need.later_with_one_id
                && case.utility.one_id_acceptance
                && case.documents.iter().any(|d| d == "D-ID")
            {
                later.push(need.doc.as_str());
            } else {
                missing.push(need.doc.as_str());
            }
        }
        let book = ctx.book;
        let list = |v: &[&str]| {
            let (zh, en): (Vec<String>, Vec<String>) = v
                .iter()
                .map(|c| {
                    let (z, e) = doc_names(book, c);
                    (format!("{z}({c})"), format!("{e} ({c})"))
                })
                .unzip();
            (zh.join("、"), en.join(", "))
        };
        for c in &missing {
            ev.numbers.insert(format!("missing:{c}").into(), 1.0);
        }
        for c in &later {
            ev.numbers.insert(format!("later:{c}").into(), 1.0);
        }
        for c in &local {
            ev.numbers.insert(format!("local:{c}").into(), 1.0);
        }
        let outcome = if !missing.is_empty() {
            Outcome::Missing
        } else if !later.is_empty() || !local.is_empty() {
            Outcome::Warning
        } else {
            Outcome::Ok
        };
        let message = || {
            if !missing.is_empty() {
                let (z, e) = list(&missing);
                text(format!("缺少: {z}。"), format!("Missing: {e}."))
            } else if !later.is_empty() {
                let (z, e) = list(&later);
                text(
                    format!("可凭身份证\"一证受理\"，以下资料须后补: {z}。"),
                    format!("One-ID acceptance is possible; to be supplied later: {e}."),
                )
            } else if !local.is_empty() {
                let (z, e) = list(&local);
                text(
                    format!("必备资料齐全；部分地方另要求: {z}。"),
                    format!("Required documents complete; some places also ask for: {e}."),
                )
            } else {
                text("申请资料齐全。", "Application documents complete.")
            }
        };
        if outcome == Outcome::Missing && p.mark.is_reliable() {
            all_missing.extend(missing.iter().copied());
        }
        let prose = ctx.prose;
        let f = ctx.push_prose(rule.to_string(), outcome, Some(src), p.mark, message, ev);
        if prose && outcome == Outcome::Missing && !local.is_empty() {
            let (z, e) = list(&local);
            f.caveats.push(crate::report::Caveat::Prose(text(
                format!("部分地方另要求: {z}。"),
                format!("Some places also ask for: {e}."),
            )));
        }
    }
    all_missing.sort();
    all_missing.dedup();
    later_stage(ctx);
    ordinary_hv(ctx);
    notices(ctx, &all_missing);
}

/// DOC-06: later-stage checklists for HV customers who have reached completion.
fn later_stage(ctx: &mut Ctx) {
    if ctx.case.customer.category != Category::HighVoltage
        || ctx.case.dates.completion_requested.is_none()
    {
        return;
    }
    for src in ctx.in_force("DOC-06", ctx.application_date()) {
        ctx.push_prose(
            "DOC-06",
            Outcome::Warning,
            Some(src),
            src.provision.mark,
            || {
                text(
                    format!("竣工阶段请备齐: {}", src.provision.summary_zh),
                    format!(
                        "For the completion stage, prepare: {}",
                        src.provision.summary_en
                    ),
                )
            },
            Evidence {
                inputs: vec!["dates.completion_requested".into()],
                ..Evidence::default()
            },
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
    for src in ctx.in_force("DOC-07", ctx.application_date()) {
        let Some(kv) = c.voltage_kv else {
            ctx.cannot_determine(
                "DOC-07",
                "customer.voltage_kv",
                Question::DesignReviewApplies,
            );
            continue;
        };
        let v = src.provision.values.first();
        let max = v.and_then(|v| v.amount).unwrap_or(20);
        let mark = v
            .map(|v| src.provision.value_mark(v))
            .unwrap_or(src.provision.mark);
        let ordinary = kv <= f64::from(max) && !c.important && !c.special_load;
        let mut ev = Evidence {
            inputs: vec![
                "customer.voltage_kv".into(),
                "customer.important".into(),
                "customer.special_load".into(),
            ],
            ..Evidence::default()
        };
        ev.numbers.insert("voltage_kv".into(), kv);
        let (o, zh, en) = if ordinary {
            (
                Outcome::Ok,
                format!(
                    "{kv}千伏普通客户: 不需要设计文件审查和中间检查，请勿被要求提交设计审查资料。"
                ),
                format!(
                    "Ordinary {kv} kV customer: no design review or mid-term check is required."
                ),
            )
        } else {
            (
                Outcome::Warning,
                format!(
                    "{kv}千伏{}客户: 须进行设计文件审核和中间检查(见 TL-03、TL-04)。",
                    if c.important { "重要" } else { "" }
                ),
                format!(
                    "{kv} kV{} customer: design review and mid-term check apply (TL-03, TL-04).",
                    if c.important { " important" } else { "" }
                ),
            )
        };
        ctx.push_prose("DOC-07", o, Some(src), mark, || text(zh, en), ev);
    }
}

/// NOTICE-01/02/03/04.
fn notices(ctx: &mut Ctx, missing: &[&str]) {
    let date = ctx.application_date();
    let conduct = ctx.case.conduct.clone();
    let accepted = ctx.case.dates.accepted;
    if !missing.is_empty() {
        for src in ctx.in_force("NOTICE-01", date) {
            let mut ev = Evidence {
                inputs: vec!["conduct.written_notice_of_missing_documents".into()],
                ..Evidence::default()
            };
            ev.numbers
                .insert("missing_documents".into(), missing.len() as f64);
            let (o, zh, en) = match conduct.written_notice_of_missing_documents {
                Some(true) => (Outcome::Ok, "已书面一次性告知缺件。", "The missing documents were notified in writing, at once."),
                Some(false) => (Outcome::Violation, "缺件未以书面形式一次性告知。", "Missing documents were not notified in writing, at once."),
                None => (Outcome::Warning, "您有权要求供电企业一次性书面告知全部缺件；本页的缺件清单可打印带去。", "You may ask the utility for one written list of everything missing; the list on this page can be printed."),
            };
            ctx.push_prose(
                "NOTICE-01",
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                ev,
            );
        }
        for src in ctx.in_force("NOTICE-04", date) {
            let (o, zh, en) = match accepted {
                Some(a) => (Outcome::Ok, format!("申请已于 {a} 受理: 即使缺件，时限也已开始计算。"), format!("Accepted on {a}: the time limits run even though documents are missing.")),
                None => (Outcome::Warning, "尚未受理: 时限尚未开始计算。请补齐缺件后申请受理。".to_string(), "Not accepted yet: no time limit has started. Complete the documents and ask for acceptance.".to_string()),
            };
            ctx.push_prose(
                "NOTICE-04",
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                Evidence {
                    inputs: vec!["dates.accepted".into()],
                    ..Evidence::default()
                },
            );
        }
    }
    if conduct.defects_found == Some(true) {
        for src in ctx.in_force("NOTICE-02", ctx.case.dates.inspected.unwrap_or(date)) {
            let (o, zh, en) = match conduct.defects_notified_in_writing {
                Some(true) => (Outcome::Ok, "整改意见已书面一次性告知；整改期间的时间由客户承担(CAL-10)。", "Rectification items were notified in writing, at once; the rectification time is the customer's (CAL-10)."),
                Some(false) => (Outcome::Violation, "发现缺陷但未书面一次性告知整改意见。", "Defects were found but not notified in writing, all at once."),
                None => (Outcome::Warning, "发现缺陷: 供电企业应书面一次性告知全部整改意见，整改后复验；整改时间不计入供电企业时限。", "Defects found: the utility must list all of them in writing at once and re-inspect after rectification; the rectification time is not the utility's."),
            };
            let f = ctx.push_prose(
                "NOTICE-02",
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                Evidence {
                    inputs: vec![
                        "conduct.defects_found".into(),
                        "conduct.defects_notified_in_writing".into(),
                    ],
                    ..Evidence::default()
                },
            );
            f.basis.push("CAL-10");
        }
    }
    if conduct.stalled_without_notice == Some(true) {
        for src in ctx.in_force("NOTICE-03", date) {
            ctx.push_prose(
                "NOTICE-03",
                Outcome::Violation,
                Some(src),
                src.provision.mark,
                || {
                    text(
                    "已受理的申请被无故搁置或终止且未告知客户。",
                    "An accepted application was stalled or dropped without telling the customer.",
                )
                },
                Evidence {
                    inputs: vec!["conduct.stalled_without_notice".into()],
                    ..Evidence::default()
                },
            );
        }
    }
}
