//! LOAD: load grade and power sources (catalog §7, GB 50052-2009).

use super::Evidence;
use super::{text, Ctx};
use crate::case::EmergencyKind;
use crate::report::Outcome;

pub(crate) fn check(ctx: &mut Ctx) {
    let s = ctx.case.supply.clone();
    let important = ctx.case.customer.important;
    let date = ctx.case.dates.plan_issued.unwrap_or(ctx.application_date());
    let grade = s.load_grade;
    if grade.is_none() && !important {
        return;
    }
    let ev = |inputs: &[&'static str]| Evidence {
        inputs: inputs.iter().map(|&s| s.into()).collect(),
        ..Evidence::default()
    };
    if grade == Some(1) {
        // LOAD-01: are some loads especially important? Ask when hazards suggest so.
        for src in ctx.in_force("LOAD-01", date) {
            if s.especially_important.is_none() && !s.hazards.is_empty() {
                ctx.push_prose("LOAD-01", Outcome::CannotDetermine, Some(src), src.provision.mark, || text(
                    format!("停电后果({})可能涉及人身伤亡或中毒: 请确认是否有\"一级负荷中特别重要的负荷\"(supply.especially_important)。", s.hazards.join("、")),
                    format!("The consequences ({}) may include injury or poisoning: confirm whether part of the load is especially important (`supply.especially_important`).", s.hazards.join(", ")),
                ), ev(&["supply.hazards", "supply.especially_important"]));
            }
        }
        // LOAD-02: two sources that cannot fail together.
        for src in ctx.in_force("LOAD-02", date) {
            let c = &s.circuits;
            let (o, zh, en) = if c.len() < 2 {
                (
                    Outcome::Violation,
                    "一级负荷须由双重电源供电，但只有一路电源。".to_string(),
                    "Grade 1 load needs two independent sources; only one is given.".to_string(),
                )
            } else {
                // The question is whether the circuits *give* two sources
                // that cannot fail together, so the best pair decides: one
                // circuit from another substation is enough, whatever
                // duplicates sit beside it. Comparing with the first circuit
                // finds the best pair in one pass.
                let first = &c[0];
                let best = if c.iter().any(|x| x.substation != first.substation) {
                    Outcome::Ok
                } else if c.iter().any(|x| x.bus_section != first.bus_section) {
                    Outcome::Warning
                } else {
                    Outcome::Violation
                };
                match best {
                    Outcome::Violation => (best, "各回线路都来自同一变电站的同一母线段(单电源双回路)，不构成双重电源。".into(), "Every circuit comes from the same bus section of one substation: not two independent sources.".into()),
                    Outcome::Warning => (best, "各回线路都来自同一变电站(不同母线段): 只有在母线段相互独立时才可视为双重电源，请核实。".into(), "All circuits come from one substation (different bus sections): two sources only if the sections are independent; verify.".into()),
                    _ => (Outcome::Ok, "电源来自不同变电站，满足双重电源要求。".into(), "The sources come from different substations: two independent sources.".into()),
                }
            };
            ctx.push_prose(
                "LOAD-02",
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                ev(&["supply.circuits", "supply.load_grade"]),
            );
        }
        // LOAD-03: emergency source for especially important loads.
        if s.especially_important != Some(false) {
            for src in ctx.in_force("LOAD-03", date) {
                let (kinds_zh, kinds_en): (Vec<&str>, Vec<&str>) =
                    s.emergency_sources.iter().map(|e| e.kind.names()).unzip();
                let (o, zh, en) = if s.emergency_sources.is_empty()
                    && s.especially_important == Some(true)
                {
                    (
                        Outcome::Violation,
                        "特别重要负荷须另设应急电源，但没有任何应急电源。".to_string(),
                        "Especially important loads need an emergency source; none is given."
                            .to_string(),
                    )
                } else if s.emergency_sources.is_empty() {
                    (
                        Outcome::Warning,
                        "若有特别重要负荷，须另设应急电源(发电机组、专用馈线、蓄电池等)。"
                            .to_string(),
                        "If any load is especially important, an emergency source is required."
                            .to_string(),
                    )
                } else if s.emergency_sources.iter().all(|e| {
                    matches!(
                        e.kind,
                        EmergencyKind::Ups | EmergencyKind::Eps | EmergencyKind::Battery
                    )
                }) {
                    (Outcome::Warning, format!("只有{}: 只适合毫秒级切换的负荷；请核实容量、持续时间和切换时间是否覆盖全部保安负荷。", kinds_zh.join("、")), format!("Only {}: suits millisecond switch-over loads only; verify capacity, autonomy and switch-over time for every security load.", kinds_en.join(", ")))
                } else {
                    (Outcome::Warning, format!("已有应急电源({})；请核实容量和切换时间是否满足全部保安负荷。", kinds_zh.join("、")), format!("Emergency sources given ({}); verify their sizing and switch-over time for every security load.", kinds_en.join(", ")))
                };
                ctx.push_prose(
                    "LOAD-03",
                    o,
                    Some(src),
                    src.provision.mark,
                    || text(zh, en),
                    ev(&["supply.emergency_sources", "supply.especially_important"]),
                );
            }
        }
    }
    if grade == Some(2) {
        for src in ctx.in_force("LOAD-04", date) {
            let (o, zh, en) = if s.circuits.len() >= 2 || s.dedicated_line == Some(true) {
                (
                    Outcome::Ok,
                    "二级负荷: 两回线路或一回专用线路，符合。",
                    "Grade 2: two circuits or one dedicated line, as recommended.",
                )
            } else {
                (Outcome::Warning, "二级负荷宜由两回线路供电；只有一回非专用线路时请与供电企业确认。", "Grade 2 load should have two circuits; with one non-dedicated circuit, check with the utility.")
            };
            ctx.push_prose(
                "LOAD-04",
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                ev(&["supply.circuits", "supply.dedicated_line"]),
            );
        }
    }
    if grade == Some(1) || important {
        if s.plan_mentions_self_emergency == Some(false) {
            for src in ctx.in_force("LOAD-05", date) {
                ctx.push_prose("LOAD-05", Outcome::Warning, Some(src), src.provision.mark, || text(
                    "供电方案没有提及自备应急电源/保安电源: 重要负荷的保安电源须明确由谁提供，必要时须用户自备。",
                    "The supply plan says nothing about a self-provided emergency or security supply: who provides it must be settled, and in some cases the customer must.",
                ), ev(&["supply.plan_mentions_self_emergency"]));
            }
        }
        for src in ctx.in_force("LOAD-06", date) {
            let (o, zh, en) = if s.separate_distribution == Some(true) {
                (
                    Outcome::Ok,
                    "重要负荷与非重要负荷已分开配电。",
                    "Important and other loads are distributed separately.",
                )
            } else {
                (Outcome::Warning, "重要负荷与非重要负荷、生产与生活用电应分开配电。", "Distribute important and other loads, and production and living loads, separately.")
            };
            ctx.push_prose(
                "LOAD-06",
                o,
                Some(src),
                src.provision.mark,
                || text(zh, en),
                ev(&["supply.separate_distribution"]),
            );
        }
    }
    if important {
        for src in ctx.in_force("LOAD-07", date) {
            ctx.push_prose(
                "LOAD-07",
                Outcome::Warning,
                Some(src),
                src.provision.mark,
                || {
                    text(
                        format!("重要电力用户: {}", src.provision.summary_zh),
                        format!("Important power user: {}", src.provision.summary_en),
                    )
                },
                ev(&["customer.important"]),
            );
        }
    }
}
