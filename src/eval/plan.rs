//! PLAN: supply-plan validity and extension (catalog §5), with CAL-05/06/09.

use super::Evidence;
use super::{text, Ctx};
use crate::case::Category;
use crate::period;
use crate::report::{Outcome, Question};
use chrono::NaiveDate;

pub(crate) fn check(ctx: &mut Ctx) {
    let d = &ctx.case.dates;
    // (start, its case field, its evidence name)
    let (start, start_field, start_key) = match (d.plan_signed, d.plan_issued) {
        (Some(s), _) => (s, "dates.plan_signed", "start:plan_signed"),
        (None, Some(i)) => (i, "dates.plan_issued", "start:plan_issued"),
        (None, None) => {
            if d.construction_start.is_some() {
                ctx.cannot_determine("PLAN-01", "dates.plan_issued", Question::PlanValid);
            }
            return;
        }
    };
    let class = if ctx.case.customer.category == Category::HighVoltage {
        "high-voltage"
    } else {
        "low-voltage"
    };
    for src in ctx.in_force("PLAN-03", start) {
        if start_field == "dates.plan_issued" {
            ctx.push_prose("PLAN-03", Outcome::Warning, Some(src), src.provision.mark, || text(
                "有效期按方案发出日计算；部分省公司自客户签收之日起算，请填写签收日期(plan_signed)。",
                "Validity counted from the issue date; some provinces count from the customer's signature: give `plan_signed`.",
            ), Evidence { inputs: vec!["dates.plan_signed".into()], ..Evidence::default() });
        }
    }
    for src in ctx.in_force("PLAN-05", start) {
        ctx.push_prose("PLAN-05", Outcome::Warning, Some(src), src.provision.mark, || text(
            "2024年《供电营业规则》的有效期条文未核实；以下按1996年的期限作提示。",
            "The 2024 rules' validity article is unverified; the 1996 periods are used below as warnings only.",
        ), Evidence::default());
    }
    for src in ctx.in_force("PLAN-01", start) {
        let Some(v) = src
            .provision
            .values
            .iter()
            .find(|v| v.for_.as_deref() == Some(class))
        else {
            continue;
        };
        let mark = src.provision.value_mark(v);
        let months = match v.unit.as_deref() {
            Some("years") => v.amount.unwrap_or(0) * 12,
            _ => v.amount.unwrap_or(0),
        };
        let Some(expiry) = period::end_of_months(start, months) else {
            continue;
        };
        let granted = d.extension_granted_until;
        let valid_until = granted.map_or(expiry, |g| g.max(expiry));
        let mut ev = Evidence {
            inputs: vec![start_field.into(), "dates.construction_start".into()],
            ..Evidence::default()
        };
        ev.dates.insert(start_key.into(), start);
        ev.dates.insert("expiry".into(), expiry);
        if let Some(g) = granted {
            ev.dates.insert("extension_granted_until".into(), g);
        }
        let roll = period::rollover(ctx.cal, valid_until);
        if let Some(r) = &roll {
            ev.dates.insert("rolled_expiry".into(), r.rolled);
        }
        /// What PLAN-01 found; the message is written from it only when wanted.
        enum Found {
            StartedInTime(NaiveDate),
            StartedInRollover(NaiveDate),
            StartedLate(NaiveDate, i64),
            DaysLeft(i64),
            ExpiredStartUnknown,
        }
        let found = match d.construction_start {
            Some(c) if c <= valid_until => Found::StartedInTime(c),
            Some(c) if roll.as_ref().is_some_and(|r| c <= r.rolled) => Found::StartedInRollover(c),
            Some(c) => {
                let late = (c - valid_until).num_days();
                ev.numbers.insert("days_expired".into(), late as f64);
                Found::StartedLate(c, late)
            }
            None if ctx.as_of <= valid_until => {
                let left = (valid_until - ctx.as_of).num_days();
                ev.numbers.insert("days_left".into(), left as f64);
                Found::DaysLeft(left)
            }
            None => Found::ExpiredStartUnknown,
        };
        let outcome = match found {
            Found::StartedInTime(_) | Found::DaysLeft(_) => Outcome::Ok,
            Found::StartedInRollover(_) => Outcome::Warning,
            Found::StartedLate(..) => Outcome::Violation,
            Found::ExpiredStartUnknown => Outcome::CannotDetermine,
        };
        let message = || {
            match found {
            Found::StartedInTime(c) => text(format!("供电方案有效至 {valid_until}，{c} 开工时仍有效。"), format!("The plan was valid until {valid_until}; construction started {c}, within it.")),
            Found::StartedInRollover(c) => text(format!("有效期最后一日 {valid_until} 是休息日；{c} 开工落在可能顺延的期间内，法律适用不明确。"), format!("The last valid day {valid_until} is a rest day; construction on {c} falls in the possible rollover window, where the law is unclear.")),
            Found::StartedLate(c, late) => text(format!("供电方案已于 {valid_until} 到期(逾期注销)，{c} 开工时已过期 {late} 天；应重新申请或事先申请延期。"), format!("The plan expired on {valid_until} (void); construction started {c}, {late} days later. Re-apply, or request an extension in time.")),
            Found::DaysLeft(left) => text(format!("供电方案有效至 {valid_until}，还剩 {left} 天；须在此前开工。"), format!("The plan is valid until {valid_until}: {left} days left to start construction.")),
            Found::ExpiredStartUnknown => text(format!("供电方案已于 {valid_until} 到期；未填写开工日期(construction_start)，无法判断是否在有效期内开工。"), format!("The plan expired on {valid_until}; `dates.construction_start` is not given, so it cannot be told whether work started in time.")),
        }
        };
        let f = ctx.push_prose("PLAN-01", outcome, Some(src), mark, message, ev);
        f.basis.extend(["CAL-05", "PLAN-06"]);
        if roll.is_some() {
            f.basis.push("CAL-06");
        }
        extension(ctx, start, expiry, months);
    }
}

/// PLAN-02 / PLAN-04 / CAL-09 for a plan expiring on `expiry`.
fn extension(ctx: &mut Ctx, start: NaiveDate, expiry: NaiveDate, months: u32) {
    let d = &ctx.case.dates;
    let expired_in_use = d.construction_start.is_some_and(|c| c > expiry);
    for src in ctx.in_force("PLAN-02", start) {
        let Some(v) = src.provision.values.first() else {
            continue;
        };
        let lead = v.amount.unwrap_or(10);
        let mark = src.provision.value_mark(v);
        let Some(b) = period::backward(ctx.cal, expiry, lead) else {
            continue;
        };
        let mut ev = Evidence {
            inputs: vec![
                "dates.extension_requested".into(),
                "dates.extension_granted_until".into(),
            ],
            ..Evidence::default()
        };
        ev.dates.insert("expiry".into(), expiry);
        ev.dates.insert("request_by".into(), b.nominal);
        let max_granted = period::end_of_months(expiry, months);
        /// What PLAN-02 found; the message is written from it only when wanted.
        enum Found {
            GrantedTooLong(NaiveDate, NaiveDate),
            RequestedInTime(NaiveDate),
            RequestedLate(NaiveDate),
            NotRequestedStartedAfterExpiry,
            StillTime,
            TimePassed,
        }
        let by = b.nominal;
        let found = match (d.extension_requested, d.extension_granted_until) {
            (_, Some(g)) if max_granted.is_some_and(|m| g > m) => {
                Found::GrantedTooLong(g, max_granted.unwrap_or(g))
            }
            (Some(r), _) if r <= by => Found::RequestedInTime(r),
            (Some(r), _) => Found::RequestedLate(r),
            (None, _) if expired_in_use => Found::NotRequestedStartedAfterExpiry,
            (None, _) if ctx.as_of <= by => Found::StillTime,
            (None, _) => Found::TimePassed,
        };
        let outcome = match found {
            Found::GrantedTooLong(..) | Found::RequestedLate(_) => Outcome::Violation,
            Found::RequestedInTime(_) | Found::StillTime => Outcome::Ok,
            Found::NotRequestedStartedAfterExpiry | Found::TimePassed => Outcome::Warning,
        };
        let message = || match found {
            Found::GrantedTooLong(g, max) => text(
                format!("延期至 {g} 超过了原有效期长度(最多到 {max})。"),
                format!("The extension to {g} is longer than the original period (at most {max})."),
            ),
            Found::RequestedInTime(r) => text(
                format!("{r} 申请延期，不晚于 {by}。"),
                format!("Extension requested {r}, by the deadline {by}."),
            ),
            Found::RequestedLate(r) => text(
                format!("{r} 申请延期，晚于到期前{lead}天的 {by}。"),
                format!(
                    "Extension requested {r}, after the deadline {by} ({lead} days before expiry)."
                ),
            ),
            Found::NotRequestedStartedAfterExpiry => text(
                format!("未在 {by} 前申请延期，方案到期后才开工。"),
                format!("No extension was requested by {by}; construction started after expiry."),
            ),
            Found::StillTime => text(
                format!("如需延期，最迟于 {by} 提出申请。"),
                format!("If an extension is needed, request it by {by}."),
            ),
            Found::TimePassed => text(
                format!("延期申请的最后一日 {by} 已过。"),
                format!("The last day to request an extension, {by}, has passed."),
            ),
        };
        let f = ctx.push_prose("PLAN-02", outcome, Some(src), mark, message, ev);
        f.basis.push("CAL-09");
        if b.advised != b.nominal {
            let src9 = ctx.in_force("CAL-09", start).next();
            let mut ev = Evidence::default();
            ev.dates.insert("nominal".into(), b.nominal);
            ev.dates.insert("advised".into(), b.advised);
            ctx.push_prose("CAL-09", Outcome::Warning, src9, crate::Mark::R, || text(
                format!("延期申请的名义最后一日 {} 是休息日；建议最晚在 {} 提出。", b.nominal, b.advised),
                format!("The nominal last day for the extension request, {}, is a rest day; file it by {} to be safe.", b.nominal, b.advised),
            ), ev);
        }
    }
    for src in ctx.in_force("PLAN-04", start) {
        let Some(v) = src.provision.values.first() else {
            continue;
        };
        let Some(alt) = ctx
            .cal
            .add_working_days(expiry, -i64::from(v.amount.unwrap_or(7)))
        else {
            continue;
        };
        let mut ev = Evidence::default();
        ev.dates.insert("request_by".into(), alt);
        ctx.push_prose(
            "PLAN-04",
            Outcome::Warning,
            Some(src),
            src.provision.mark,
            || {
                text(
                    format!("另有\"到期前7个工作日\"的说法: 按此应在 {alt} 前申请延期。"),
                    format!("Another reading says 7 working days before expiry: request by {alt}."),
                )
            },
            ev,
        );
    }
    if ctx.case.conduct.plan_changed == Some(true) {
        for src in ctx.in_force("PLAN-07", start) {
            ctx.push_prose("PLAN-07", Outcome::Warning, Some(src), src.provision.mark, || text(
                "方案相关情况已变化: 客户需求变化须重新申请；电网侧变化须由供电企业书面重新答复并由客户签收。",
                "Something changed after the plan: re-apply if your needs changed; if the grid side changed the utility must re-answer in writing.",
            ), Evidence { inputs: vec!["conduct.plan_changed".into()], ..Evidence::default() });
        }
    }
}
