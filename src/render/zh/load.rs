//! LOAD in Chinese.

use super::aside;
use crate::case::EmergencyKind;
use crate::render::Reader;
use crate::report::load::{EmergencyCover, Found, Independence};
use crate::report::Finding;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    match d {
        Found::EspeciallyImportantUnknown { hazards } => format!(
            "停电后果({})可能涉及人身伤亡或中毒: 请确认是否有\"一级负荷中特别重要的负荷\"{}。",
            hazards.join("、"),
            aside(r, "supply.especially_important")
        ),
        Found::TwoSources {
            circuits,
            independence,
        } => match independence {
            Independence::OneSource if *circuits == 0 => {
                "一级负荷须由双重电源供电，但没有填写任何电源线路。".into()
            }
            Independence::OneSource => "一级负荷须由双重电源供电，但只有一路电源。".into(),
            Independence::SameBusSection => format!(
                "各回线路都来自同一变电站的同一母线段(单电源双回路)，不构成双重电源。{}",
                practice(f, r)
            ),
            Independence::SameSubstation => format!(
                "各回线路都来自同一变电站(不同母线段): 只有在母线段相互独立时才可视为双重电源，请核实。{}",
                practice(f, r)
            ),
            Independence::DifferentSubstations => format!(
                "电源来自不同变电站，满足双重电源要求。{}",
                practice(f, r)
            ),
        },
        Found::EmergencySource { kinds, cover } => match cover {
            EmergencyCover::Missing => "特别重要负荷须另设应急电源，但没有任何应急电源。".into(),
            EmergencyCover::NeededIfEspeciallyImportant => {
                "若有特别重要负荷，须另设应急电源(发电机组、专用馈线、蓄电池等)。".into()
            }
            EmergencyCover::ShortOnly => format!(
                "只有{}: 只适合毫秒级切换的负荷；请核实容量、持续时间和切换时间是否覆盖全部保安负荷。",
                names(kinds)
            ),
            EmergencyCover::Given => format!(
                "已有应急电源({})；请核实容量和切换时间是否满足全部保安负荷。",
                names(kinds)
            ),
        },
        Found::GradeTwoSupply(s) => {
            if s.suffices() {
                "二级负荷: 两回线路或一回专用线路，符合。".into()
            } else {
                "二级负荷宜由两回线路供电；只有一回非专用线路时请与供电企业确认。".into()
            }
        }
        Found::NoSelfEmergencyInPlan => "供电方案没有提及自备应急电源/保安电源: 重要负荷的保安电源须明确由谁提供，必要时须用户自备。".into(),
        Found::SeparateDistribution { separate: true } => {
            "重要负荷与非重要负荷已分开配电。".into()
        }
        Found::SeparateDistribution { separate: false } => {
            "重要负荷与非重要负荷、生产与生活用电应分开配电。".into()
        }
        Found::ImportantUser => format!(
            "重要电力用户: {}",
            f.citation.as_ref().map_or("", |c| &*c.summary_zh)
        ),
    }
}

/// Where the bus-section test comes from (LOAD-02): practice notes, not
/// the article, which gives only the principle.
fn practice(f: &Finding, r: &Reader) -> String {
    if r.is_clerk() {
        let art = f
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref())
            .map_or(String::new(), |a| format!(" {a}"));
        format!(
            "(按变电站、母线段判断的方法来自实践资料 {}，不是条文{art}本身；条文只要求\"当一电源发生故障时，另一电源不应同时受到损坏\"。)",
            f.mark
        )
    } else {
        "(按变电站和母线段判断是行业实践的做法；标准条文本身只要求一路电源出故障时另一路不会同时受损。)".into()
    }
}

fn names(kinds: &[EmergencyKind]) -> String {
    kinds
        .iter()
        .map(|k| match k {
            EmergencyKind::Generator => "发电机组",
            EmergencyKind::Ups => "UPS",
            EmergencyKind::Eps => "EPS",
            EmergencyKind::Battery => "蓄电池",
            EmergencyKind::DedicatedFeeder => "专用馈线",
        })
        .collect::<Vec<_>>()
        .join("、")
}
