//! IND/CON: "三不指定" and staff conduct (catalog §8); OTH-03 outage notice (§9).

use super::Ctx;
use crate::report::conduct::{Conduct, Found, OutageNotice};
use crate::report::{Detail, Name, Outcome, Question};
use crate::vocab::{Named, RuleId};

pub(crate) fn check(ctx: &mut Ctx) {
    let c = ctx.case.conduct.clone();
    let date = ctx
        .case
        .dates
        .construction_start
        .unwrap_or(ctx.application_date());
    let input = |f: &'static str| -> Vec<Name> { vec![f.into()] };
    if let Some(rec) = c.utility_recommended_contractor {
        for src in ctx.in_force(RuleId::Ind01, date) {
            let (o, found) = if rec {
                (Outcome::Violation, Found::DesignationReported)
            } else {
                (Outcome::Ok, Found::NoDesignation)
            };
            ctx.push(
                RuleId::Ind01,
                o,
                Some(src),
                src.provision.mark,
                Detail::Conduct(found),
                input("conduct.utility_recommended_contractor"),
            );
        }
    }
    if ctx.case.contractors.iter().any(|k| k.affiliate_of_utility) {
        for src in ctx.in_force(RuleId::Ind01, date) {
            ctx.push(
                RuleId::Ind01,
                Outcome::Warning,
                Some(src),
                src.provision.mark,
                Detail::Conduct(Found::AffiliateContractor),
                input("contractors[].affiliate_of_utility"),
            );
        }
    }
    for (rule, answer, field, conduct) in [
        (
            RuleId::Con01,
            c.gifts_or_banquets,
            "conduct.gifts_or_banquets",
            Conduct::GiftsOrBanquets,
        ),
        (
            RuleId::Con02,
            c.unauthorised_fees,
            "conduct.unauthorised_fees",
            Conduct::UnauthorisedFees,
        ),
    ] {
        let Some(happened) = answer else { continue };
        for src in ctx.in_force(rule, date) {
            let o = if happened {
                Outcome::Violation
            } else {
                Outcome::Ok
            };
            ctx.push(
                rule,
                o,
                Some(src),
                src.provision.mark,
                Detail::Conduct(Found::Conduct { conduct, happened }),
                input(field),
            );
        }
    }
    outage(ctx);
}

/// OTH-03: notice before a planned outage.
fn outage(ctx: &mut Ctx) {
    let Some(o) = ctx.case.outage.clone() else {
        return;
    };
    for src in ctx.in_force(RuleId::Oth03, o.date) {
        let get = |w: Named| src.provision.values.named(w).map(|v| v.amount);
        let Some(notice) = o.notice_date else {
            ctx.cannot_determine(
                RuleId::Oth03,
                "outage.notice_date",
                Question::OutageNoticeInTime,
            );
            continue;
        };
        // A provision without its least notice says nothing to check here
        // (the loader's value shapes make it present in every rule file).
        let Some(notice_min) = get(Named::NoticeMin) else {
            continue;
        };
        let n = OutageNotice {
            outage: o.date,
            notice,
            days_notice: (o.date - notice).num_days(),
            notice_min,
            notice_max: get(Named::NoticeMax),
            reminder_missed_minutes: get(Named::Reminder)
                .filter(|_| o.reminder_given == Some(false)),
        };
        let outcome = if n.too_short() || n.reminder_missed_minutes.is_some() {
            Outcome::Violation
        } else if n.too_early() {
            Outcome::Warning
        } else {
            Outcome::Ok
        };
        ctx.push(
            RuleId::Oth03,
            outcome,
            Some(src),
            src.provision.mark,
            Detail::Conduct(Found::OutageNotice(n)),
            vec!["outage.date".into(), "outage.notice_date".into()],
        );
    }
}
