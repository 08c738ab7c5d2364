//! PLAN: supply-plan validity and extension (catalog §5), with CAL-05/06/09.

use super::Ctx;
use crate::calendar::period::{self, Against};
use crate::case::Category;
use crate::report::plan::{Extension, ExtensionStatus, Found, PlanStart, Validity, ValidityStatus};
use crate::report::{Detail, Name, Outcome, Question};
use crate::vocab::{Named, RuleId, Selector};
use chrono::NaiveDate;

pub(crate) fn check(ctx: &mut Ctx) {
    let d = &ctx.case.dates;
    let (start, counted_from) = match (d.plan_signed, d.plan_issued) {
        (Some(s), _) => (s, PlanStart::PlanSigned),
        (None, Some(i)) => (i, PlanStart::PlanIssued),
        (None, None) => {
            if d.construction_start.is_some() {
                ctx.cannot_determine(RuleId::Plan01, "dates.plan_issued", Question::PlanValid);
            }
            return;
        }
    };
    let class = if ctx.case.customer.category == Category::HighVoltage {
        Selector::HighVoltage
    } else {
        Selector::LowVoltage
    };
    if counted_from == PlanStart::PlanIssued {
        for src in ctx.in_force(RuleId::Plan03, start) {
            ctx.push(
                RuleId::Plan03,
                Outcome::Warning,
                Some(src),
                src.provision.mark,
                Detail::Plan(Found::CountedFromIssue),
                vec!["dates.plan_signed".into()],
            );
        }
    }
    for src in ctx.in_force(RuleId::Plan05, start) {
        ctx.push(
            RuleId::Plan05,
            Outcome::Warning,
            Some(src),
            src.provision.mark,
            Detail::Plan(Found::PeriodsUnverified),
            Vec::new(),
        );
    }
    for src in ctx.in_force(RuleId::Plan01, start) {
        let Some(v) = src
            .provision
            .values
            .periods()
            .iter()
            .find(|v| v.for_ == class)
        else {
            continue;
        };
        let (mark, months) = (v.mark, v.months());
        let Some(expiry) = period::end_of_months(start, months) else {
            continue;
        };
        let granted = d.extension_granted_until;
        let valid_until = granted.map_or(expiry, |g| g.max(expiry));
        let roll = period::rollover(ctx.cal, valid_until);
        let rolled_expiry = roll.as_ref().map(|r| r.rolled);
        let status = match d.construction_start {
            Some(c) => match period::against(valid_until, roll.as_ref(), c) {
                Against::Within => ValidityStatus::StartedInTime {
                    construction_start: c,
                },
                Against::InWindow => ValidityStatus::StartedInRollover {
                    construction_start: c,
                },
                Against::After => ValidityStatus::StartedLate {
                    construction_start: c,
                    days_expired: (c - valid_until).num_days(),
                },
            },
            None if ctx.as_of <= valid_until => ValidityStatus::DaysLeft {
                days_left: (valid_until - ctx.as_of).num_days(),
            },
            None => ValidityStatus::ExpiredStartUnknown,
        };
        let outcome = match status {
            ValidityStatus::StartedInTime { .. } | ValidityStatus::DaysLeft { .. } => Outcome::Ok,
            ValidityStatus::StartedInRollover { .. } => Outcome::Warning,
            ValidityStatus::StartedLate { .. } => Outcome::Violation,
            ValidityStatus::ExpiredStartUnknown => Outcome::CannotDetermine,
        };
        let validity = Validity {
            counted_from,
            start,
            months,
            expiry,
            extension_granted_until: granted,
            valid_until,
            rolled_expiry,
            status,
        };
        let inputs: Vec<Name> = vec![
            counted_from.field().into(),
            "dates.construction_start".into(),
        ];
        let f = ctx.push(
            RuleId::Plan01,
            outcome,
            Some(src),
            mark,
            Detail::Plan(Found::Validity(validity)),
            inputs,
        );
        f.basis.extend([RuleId::Cal05, RuleId::Plan06]);
        if roll.is_some() {
            f.basis.push(RuleId::Cal06);
        }
        extension(ctx, start, expiry, months);
    }
}

/// PLAN-02 / PLAN-04 / CAL-09 for a plan expiring on `expiry`.
fn extension(ctx: &mut Ctx, start: NaiveDate, expiry: NaiveDate, months: u32) {
    let d = &ctx.case.dates;
    let expired_in_use = d.construction_start.is_some_and(|c| c > expiry);
    for src in ctx.in_force(RuleId::Plan02, start) {
        // The loader makes the lead present in every PLAN-02 provision, in
        // calendar days (`schema::value_shape`).
        let Some(v) = src.provision.values.named(Named::ExtensionLead) else {
            continue;
        };
        let (lead_days, mark) = (v.amount, v.mark);
        let Some(b) = period::backward(ctx.cal, expiry, lead_days) else {
            continue;
        };
        let by = b.nominal;
        let longest = period::end_of_months(expiry, months);
        let status = match (d.extension_requested, d.extension_granted_until) {
            (_, Some(g)) if longest.is_some_and(|m| g > m) => ExtensionStatus::GrantedTooLong {
                extension_granted_until: g,
                longest_until: longest.unwrap_or(g),
            },
            (Some(r), _) if r <= by => ExtensionStatus::RequestedInTime {
                extension_requested: r,
            },
            (Some(r), _) => ExtensionStatus::RequestedLate {
                extension_requested: r,
            },
            (None, _) if expired_in_use => ExtensionStatus::NotRequestedStartedAfterExpiry,
            (None, _) if ctx.as_of <= by => ExtensionStatus::StillTime,
            (None, _) => ExtensionStatus::TimePassed,
        };
        let outcome = match status {
            ExtensionStatus::GrantedTooLong { .. } | ExtensionStatus::RequestedLate { .. } => {
                Outcome::Violation
            }
            ExtensionStatus::RequestedInTime { .. } | ExtensionStatus::StillTime => Outcome::Ok,
            ExtensionStatus::NotRequestedStartedAfterExpiry | ExtensionStatus::TimePassed => {
                Outcome::Warning
            }
        };
        let f = ctx.push(
            RuleId::Plan02,
            outcome,
            Some(src),
            mark,
            Detail::Plan(Found::Extension(Extension {
                expiry,
                lead_days,
                request_by: by,
                status,
            })),
            vec![
                "dates.extension_requested".into(),
                "dates.extension_granted_until".into(),
            ],
        );
        f.basis.push(RuleId::Cal09);
        if b.advised != b.nominal {
            let src9 = ctx.in_force(RuleId::Cal09, start).next();
            ctx.push(
                RuleId::Cal09,
                Outcome::Warning,
                src9,
                crate::Mark::R,
                Detail::Plan(Found::RequestDayIsRestDay {
                    nominal: b.nominal,
                    advised: b.advised,
                }),
                Vec::new(),
            );
        }
    }
    for src in ctx.in_force(RuleId::Plan04, start) {
        // As for PLAN-02: the loader makes the lead present, in working days.
        let Some(lead_working_days) = src
            .provision
            .values
            .named(Named::ExtensionLead)
            .map(|v| v.amount)
        else {
            continue;
        };
        let Some(request_by) = ctx
            .cal
            .add_working_days(expiry, -i64::from(lead_working_days))
        else {
            continue;
        };
        ctx.push(
            RuleId::Plan04,
            Outcome::Warning,
            Some(src),
            src.provision.mark,
            Detail::Plan(Found::WorkingDaysReading {
                request_by,
                lead_working_days,
            }),
            Vec::new(),
        );
    }
    if ctx.case.conduct.plan_changed == Some(true) {
        for src in ctx.in_force(RuleId::Plan07, start) {
            ctx.push(
                RuleId::Plan07,
                Outcome::Warning,
                Some(src),
                src.provision.mark,
                Detail::Plan(Found::PlanChanged),
                vec!["conduct.plan_changed".into()],
            );
        }
    }
}
