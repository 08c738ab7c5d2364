//! LIC: the contractor's 承装(修、试) licence (catalog §6), versions by work dates (LIC-05).

use super::Evidence;
use super::{text, Ctx};
use crate::case::Activity;
use crate::report::{Outcome, Question};
use crate::rulebook::InForce;
use crate::Mark;

const TIER_ZH: [&str; 6] = ["", "一级", "二级", "三级", "四级", "五级"];

pub(crate) fn check(ctx: &mut Ctx) {
    let d = &ctx.case.dates;
    let kv = ctx.case.customer.voltage_kv;
    if let Some(kv) = kv {
        for src in ctx.in_force("LIC-07", ctx.application_date()) {
            let threshold = src
                .provision
                .values
                .first()
                .and_then(|v| v.amount)
                .unwrap_or(110);
            if kv >= f64::from(threshold) {
                ctx.push_prose(
                    "LIC-07",
                    Outcome::Warning,
                    Some(src),
                    src.provision.mark,
                    || {
                        text(
                            format!("{kv}千伏: {}", src.provision.summary_zh),
                            format!("{kv} kV: {}", src.provision.summary_en),
                        )
                    },
                    Evidence {
                        inputs: vec!["customer.voltage_kv".into()],
                        ..Evidence::default()
                    },
                );
            }
        }
    }
    let Some(work_start) = d.construction_start else {
        if !ctx.case.contractors.is_empty() {
            ctx.cannot_determine(
                "LIC-02",
                "dates.construction_start",
                Question::LicenceRulesVersion,
            );
        }
        return;
    };
    let work_end = [d.completion_requested, d.inspected, d.power_on]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(work_start)
        .max(work_start);
    if ctx.case.contractors.is_empty() {
        ctx.cannot_determine("LIC-01", "contractors", Question::ContractorLicensed);
        return;
    }
    let versions = ctx
        .book
        .in_force_during("LIC-02", work_start, work_end, ctx.utility())
        .collect::<Vec<_>>();
    let several = versions.len() > 1;
    let case = ctx.case;
    for (i, k) in case.contractors.iter().enumerate() {
        let who: std::borrow::Cow<str> = match &k.name {
            Some(n) => n.as_str().into(),
            None => format!("contractors[{i}]").into(),
        };
        for lic02 in &versions {
            let inst = lic02.instrument;
            let same = |rule: &str| -> Option<InForce<'_>> {
                ctx.book
                    .in_force_during(rule, work_start, work_end, ctx.utility())
                    .find(|s| std::ptr::eq(s.instrument, inst))
            };
            let (lic01, lic03, lic04) = (same("LIC-01"), same("LIC-03"), same("LIC-04"));
            let first = ctx.findings.len();
            // LIC-01: a licence at all.
            if k.licensed == Some(false) {
                if let Some(s) = lic01 {
                    ctx.push_prose(
                        "LIC-01",
                        Outcome::Violation,
                        Some(s),
                        s.provision.mark,
                        || {
                            text(
                                format!("{who} 没有承装(修、试)电力设施许可证。"),
                                format!("{who} holds no licence for power-facility works."),
                            )
                        },
                        Evidence {
                            inputs: vec![format!("contractors[{i}].licensed").into()],
                            ..Evidence::default()
                        },
                    );
                }
                continue;
            }
            // LIC-02: tier against voltage.
            match (k.tier, kv) {
                (None, _) => ctx.cannot_determine(
                    "LIC-02",
                    &format!("contractors[{i}].tier"),
                    Question::TierSuffices,
                ),
                (_, None) => {
                    ctx.cannot_determine("LIC-02", "customer.voltage_kv", Question::TierRequired)
                }
                (Some(t), Some(v)) => tier(ctx, *lic02, &who, i, t, v),
            }
            // LIC-03: category against activities.
            if let Some(s) = lic03 {
                let acts = if k.activities.is_empty() {
                    vec![Activity::Install]
                } else {
                    k.activities.clone()
                };
                if k.categories.is_empty() {
                    ctx.cannot_determine(
                        "LIC-03",
                        &format!("contractors[{i}].categories"),
                        Question::CategoryMatches,
                    );
                } else {
                    let lacking: Vec<Activity> = acts
                        .iter()
                        .copied()
                        .filter(|a| !k.categories.contains(a))
                        .collect();
                    let ev = Evidence {
                        inputs: vec![
                            format!("contractors[{i}].categories").into(),
                            format!("contractors[{i}].activities").into(),
                        ],
                        ..Evidence::default()
                    };
                    let names =
                        |v: &[Activity]| v.iter().map(|a| a.zh()).collect::<Vec<_>>().join("、");
                    if lacking.is_empty() {
                        ctx.push_prose(
                            "LIC-03",
                            Outcome::Ok,
                            Some(s),
                            s.provision.mark,
                            || {
                                text(
                                    format!(
                                        "{who} 的许可证类别({})覆盖所做工作。",
                                        names(&k.categories)
                                    ),
                                    format!("{who}'s licence categories cover the work."),
                                )
                            },
                            ev,
                        );
                    } else {
                        ctx.push_prose(
                            "LIC-03",
                            Outcome::Violation,
                            Some(s),
                            s.provision.mark,
                            || {
                                text(
                                    format!(
                                        "{who} 从事{}，但许可证类别只有{}。",
                                        names(&lacking),
                                        names(&k.categories)
                                    ),
                                    format!(
                                        "{who} does {} work without that licence category.",
                                        lacking
                                            .iter()
                                            .map(|a| a.en())
                                            .collect::<Vec<_>>()
                                            .join(", ")
                                    ),
                                )
                            },
                            ev,
                        );
                    }
                }
            }
            // LIC-04: validity on the work dates.
            if let Some(s) = lic04 {
                match k.valid_until {
                    None => ctx.cannot_determine(
                        "LIC-04",
                        &format!("contractors[{i}].valid_until"),
                        Question::LicenceValid,
                    ),
                    Some(u) => {
                        let mut ev = Evidence {
                            inputs: vec![format!("contractors[{i}].valid_until").into()],
                            ..Evidence::default()
                        };
                        ev.dates.insert("valid_until".into(), u);
                        ev.dates.insert("work_end".into(), work_end);
                        let valid = u >= work_end;
                        let o = if valid {
                            Outcome::Ok
                        } else {
                            Outcome::Violation
                        };
                        let message = || {
                            if valid {
                                text(format!("{who} 的许可证有效至 {u}，覆盖施工期({work_start} 至 {work_end})。"), format!("{who}'s licence is valid until {u}, covering the work ({work_start} to {work_end})."))
                            } else {
                                text(format!("{who} 的许可证已于 {u} 到期，施工持续到 {work_end}。"), format!("{who}'s licence expired on {u}; the work went on until {work_end}."))
                            }
                        };
                        ctx.push_prose("LIC-04", o, Some(s), s.provision.mark, message, ev);
                    }
                }
            }
            if several {
                for f in &mut ctx.findings[first..] {
                    f.basis.extend(["LIC-05", "CAL-08"]);
                }
            }
        }
        // LIC-06: the utility demanded a higher tier than the law.
        if let (Some(dt), Some(v)) = (ctx.case.conduct.demanded_tier, kv) {
            let required = versions
                .last()
                .and_then(|s| required_tier(s, v))
                .map(|(t, _)| t);
            for s in ctx.in_force("LIC-06", work_start) {
                if let Some(r) = required {
                    if dt < r {
                        ctx.push_prose("LIC-06", Outcome::Warning, Some(s), s.provision.mark, || text(
                            format!("供电企业要求{}许可证，而法定只需{}: 属于自行提高资质标准的\"三指定\"迹象。", TIER_ZH[dt as usize], TIER_ZH[r as usize]),
                            format!("The utility demanded a tier {dt} licence where tier {r} suffices: a sign of designation."),
                        ), Evidence { inputs: vec!["conduct.demanded_tier".into()], ..Evidence::default() });
                    }
                }
            }
        }
    }
}

/// The lowest tier (highest number) whose scope includes `kv`, with the mark of its bound.
fn required_tier(src: &InForce<'_>, kv: f64) -> Option<(u8, Mark)> {
    let p = src.provision;
    p.values
        .iter()
        .filter(|v| v.max_kv.is_none_or(|m| kv <= m))
        .filter_map(|v| v.tier.map(|t| (t, p.value_mark(v))))
        .max_by_key(|(t, _)| *t)
}

fn tier(ctx: &mut Ctx, src: InForce<'_>, who: &str, i: usize, held: u8, kv: f64) {
    let p = src.provision;
    // The held tier's own bound decides: does its scope include kv? (CAL-07: 以下 includes the number.)
    let Some(held_value) = p.values.iter().find(|v| v.tier == Some(held)) else {
        return;
    };
    let ok = held_value.max_kv.is_none_or(|m| kv <= m);
    // An uncertain bound only matters for voltages inside its uncertain band.
    let outside_band = held_value
        .certain_kv
        .is_some_and(|c| kv <= c || held_value.max_kv.is_some_and(|m| kv > m));
    let mark = if outside_band {
        p.mark
    } else {
        p.value_mark(held_value)
    };
    let required = required_tier(&src, kv);
    let mut ev = Evidence {
        inputs: vec![
            format!("contractors[{i}].tier").into(),
            "customer.voltage_kv".into(),
        ],
        ..Evidence::default()
    };
    ev.numbers.insert("voltage_kv".into(), kv);
    ev.numbers.insert("tier_held".into(), f64::from(held));
    if let Some((r, _)) = required {
        ev.numbers.insert("tier_required".into(), f64::from(r));
    }
    // An "ok" that rests on an unverified bound is only a warning (the
    // adverse direction is handled by `Ctx::push`).
    let unsure_ok = ok && !mark.is_reliable();
    let o = match (ok, unsure_ok) {
        (false, _) => Outcome::Violation,
        (true, true) => Outcome::Warning,
        (true, false) => Outcome::Ok,
    };
    let message = || {
        let req_zh = required.map_or("一级", |(r, _)| TIER_ZH[r as usize]);
        let req_en = required.map_or(1, |(r, _)| r);
        let scope = held_value
            .max_kv
            .map_or("不限电压".to_string(), |m| format!("{m}千伏以下"));
        let held_zh = TIER_ZH[held as usize];
        let (zh, en) = if ok {
            (
                format!("{kv}千伏工程: {who} 持{held_zh}许可证({scope})，满足要求(最低{req_zh})。"),
                format!("{kv} kV works: {who} holds tier {held}, enough (minimum tier {req_en})."),
            )
        } else {
            (
                format!("{kv}千伏工程至少需要{req_zh}许可证；{who} 只有{held_zh}({scope})。"),
                format!(
                    "{kv} kV works need at least a tier {req_en} licence; {who} holds tier {held}."
                ),
            )
        };
        if unsure_ok {
            text(
                format!("(依据为未核实的数值 {mark}) {zh}"),
                format!("(rests on an unverified value {mark}) {en}"),
            )
        } else {
            text(zh, en)
        }
    };
    let f = ctx.push_prose("LIC-02", o, Some(src), mark, message, ev);
    f.basis.push("CAL-07");
}
