//! IND/CON: "三不指定" and staff conduct (catalog §8); OTH-03 outage notice (§9).

use super::Ctx;
use crate::case::NoticeGiven;
use crate::report::conduct::{Conduct, Found, NoticeVerdict, OutageNotice, OutageReminder, Served};
use crate::report::{Detail, Name, Outcome, Question};
use crate::rulebook::InForce;
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

/// OTH-03: the two duties before a planned outage, each decided on its
/// own: the notice some days ahead (every provision), and the reminder
/// shortly before (the provisions that ask for one). Either may be decided
/// while the other cannot.
fn outage(ctx: &mut Ctx) {
    let Some(o) = ctx.case.outage.clone() else {
        return;
    };
    for src in ctx.in_force(RuleId::Oth03, o.date) {
        let get = |w: Named| src.provision.values.named(w).map(|v| v.amount);
        // The loader's value shapes make the least notice present in every
        // OTH-03 provision; one without it says nothing about the notice.
        if let Some(notice_min) = get(Named::NoticeMin) {
            let n = |notice| OutageNotice {
                outage: o.date,
                notice,
                notice_min,
                notice_max: get(Named::NoticeMax),
            };
            match o.notice() {
                NoticeGiven::On(day) => {
                    let days_notice = (o.date - day).num_days();
                    let mut inputs: Vec<Name> =
                        vec!["outage.date".into(), "outage.notice_date".into()];
                    if o.notice_served.is_some() {
                        inputs.push("outage.notice_served".into());
                    }
                    notice_finding(
                        ctx,
                        src,
                        n(Served::On {
                            date: day,
                            days_notice,
                        }),
                        inputs,
                    );
                }
                NoticeGiven::None => {
                    let inputs = vec!["outage.notice_served".into()];
                    notice_finding(ctx, src, n(Served::None), inputs);
                }
                NoticeGiven::Unknown => ctx.cannot_determine(
                    RuleId::Oth03,
                    "outage.notice_date",
                    Question::OutageNoticeInTime,
                ),
            }
        }
        let Some(reminder_minutes) = get(Named::Reminder) else {
            continue;
        };
        let Some(given) = o.reminder_given else {
            ctx.cannot_determine(
                RuleId::Oth03,
                "outage.reminder_given",
                Question::OutageReminderGiven,
            );
            continue;
        };
        ctx.push(
            RuleId::Oth03,
            if given {
                Outcome::Ok
            } else {
                Outcome::Violation
            },
            Some(src),
            src.provision.mark,
            Detail::Conduct(Found::OutageReminder(OutageReminder {
                outage: o.date,
                reminder_minutes,
                given,
            })),
            vec!["outage.date".into(), "outage.reminder_given".into()],
        );
    }
}

/// OTH-03, the notice duty: a notice too short, or none, breaks it; one
/// earlier than a window is a warning.
fn notice_finding(ctx: &mut Ctx, src: InForce<'_>, n: OutageNotice, inputs: Vec<Name>) {
    let outcome = match n.verdict() {
        NoticeVerdict::NotServed | NoticeVerdict::TooShort => Outcome::Violation,
        NoticeVerdict::TooEarly => Outcome::Warning,
        NoticeVerdict::InTime => Outcome::Ok,
    };
    ctx.push(
        RuleId::Oth03,
        outcome,
        Some(src),
        src.provision.mark,
        Detail::Conduct(Found::OutageNotice(n)),
        inputs,
    );
}
