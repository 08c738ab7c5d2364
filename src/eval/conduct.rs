//! IND/CON: "三不指定" and staff conduct (catalog §8); OTH-03 outage notice (§9).

use super::{text, Ctx};
use crate::report::{Evidence, Outcome};

pub(crate) fn check(ctx: &mut Ctx) {
    let c = ctx.case.conduct.clone();
    let date = ctx
        .case
        .dates
        .construction_start
        .unwrap_or(ctx.application_date());
    let ev = |f: &'static str| Evidence {
        inputs: vec![f.into()],
        ..Evidence::default()
    };
    if let Some(rec) = c.utility_recommended_contractor {
        for src in ctx.in_force("IND-01", date) {
            let (o, zh, en) = if rec {
                (Outcome::Violation, "供电企业人员指定或推荐了设计、施工或供货单位: 这是被禁止的\"三指定\"。您有权自主选择有资质的单位。", "Utility staff named or recommended a designer, contractor or supplier: this designation is prohibited. You may choose any qualified firm.")
            } else {
                (
                    Outcome::Ok,
                    "未发现指定设计、施工、供货单位的情况。",
                    "No designation of designer, contractor or supplier reported.",
                )
            };
            ctx.push(
                "IND-01",
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                ev("conduct.utility_recommended_contractor"),
            );
        }
    }
    if ctx.case.contractors.iter().any(|k| k.affiliate_of_utility) {
        for src in ctx.in_force("IND-01", date) {
            ctx.push("IND-01", Outcome::Warning, Some(src), src.provision.mark, || text(
                "施工单位是供电企业的关联企业: 若是您自主选择则允许，但不得由供电企业指定。",
                "The contractor is an affiliate of the utility: allowed if you chose it freely, never if the utility designated it.",
            ), ev("contractors[].affiliate_of_utility"));
        }
    }
    for (rule, answer, field, bad_zh, bad_en) in [
        (
            "CON-01",
            c.gifts_or_banquets,
            "conduct.gifts_or_banquets",
            "工作人员接受了客户的礼品、宴请或娱乐。",
            "Staff accepted gifts, meals or entertainment from the customer.",
        ),
        (
            "CON-02",
            c.unauthorised_fees,
            "conduct.unauthorised_fees",
            "存在自立收费、转嫁费用或提高审查验收标准的情况。",
            "Unauthorised fees, shifted costs or raised review standards were reported.",
        ),
    ] {
        let Some(a) = answer else { continue };
        for src in ctx.in_force(rule, date) {
            let (o, zh, en) = if a {
                (Outcome::Violation, bad_zh, bad_en)
            } else {
                (Outcome::Ok, "未发现此类情况。", "None reported.")
            };
            ctx.push(
                rule,
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                ev(field),
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
    for src in ctx.in_force("OTH-03", o.date) {
        let get = |w: &str| {
            src.provision
                .values
                .iter()
                .find(|v| v.what.as_deref() == Some(w))
                .and_then(|v| v.amount)
        };
        let mut ev = Evidence {
            inputs: vec!["outage.date".into(), "outage.notice_date".into()],
            ..Evidence::default()
        };
        ev.dates.insert("outage".into(), o.date);
        let Some(notice) = o.notice_date else {
            ctx.cannot_determine(
                "OTH-03",
                "outage.notice_date",
                "停电通知是否及时",
                "whether the outage notice was in time",
            );
            continue;
        };
        ev.dates.insert("notice".into(), notice);
        let days = (o.date - notice).num_days();
        ev.numbers.insert("days_notice".into(), days as f64);
        let min = get("notice-min").unwrap_or(0);
        let (mut outcome, mut zh, mut en) = if days >= i64::from(min) {
            (
                Outcome::Ok,
                format!("停电前 {days} 天通知，不少于 {min} 天。"),
                format!("Notice {days} days before the outage, at least {min}."),
            )
        } else {
            (
                Outcome::Violation,
                format!("停电前只提前 {days} 天通知，少于 {min} 天。"),
                format!("Notice only {days} days before the outage, less than {min}."),
            )
        };
        if let Some(max) = get("notice-max") {
            if outcome == Outcome::Ok && days > i64::from(max) {
                outcome = Outcome::Warning;
                zh = format!("停电前 {days} 天通知，早于规定的 {min} 至 {max} 天。");
                en = format!("Notice {days} days ahead, earlier than the {min} to {max} days set.");
            }
        }
        if get("reminder").is_some()
            && o.reminder_given == Some(false)
            && outcome != Outcome::Violation
        {
            outcome = Outcome::Violation;
            zh = format!("{zh} 但停电前30分钟未再次通知。");
            en = format!("{en} But no reminder was given 30 minutes before.");
        }
        ctx.push(
            "OTH-03",
            outcome,
            Some(src),
            src.provision.mark,
            || text(zh, en),
            ev,
        );
    }
}
