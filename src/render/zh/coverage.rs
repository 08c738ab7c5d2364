//! The coverage pass (`not-covered`) in Chinese.

use super::aside;
use crate::case::Operator;
use crate::render::Reader;
use crate::report::coverage::{Found, Why};
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, r: &Reader) -> String {
    match d {
        Found::DatesOutside { dates, earliest } => {
            let list: Vec<String> = dates
                .iter()
                .map(|d| format!("{}{}", d.date, aside(r, &d.field)))
                .collect();
            let list = list.join("、");
            let before = earliest
                .as_ref()
                .is_some_and(|e| dates.iter().all(|d| d.date < e.from));
            let mut s = if before {
                format!("{list}早于本工具收录的全部规定")
            } else {
                format!("{list}不在本工具收录的任何规定的施行期间内")
            };
            s.push_str("，当时发生的事项没有检查；没有发现问题并不表示没有问题。");
            if let Some(e) = earliest {
                s.push_str(&format!(
                    "本工具收录的最早一项规定是《{}》({})，自 {} 起施行。",
                    e.title, e.version, e.from
                ));
            }
            s
        }
        Found::FactNotCovered {
            field,
            date,
            rules,
            why,
        } => {
            let mut s = format!("{}没有检查: ", r.field(field));
            match why {
                Why::NoRuleOnDate => s.push_str(&format!(
                    "本工具收录的规定中，没有在 {date} 施行、涉及这一项的。"
                )),
                Why::NotThisUtility { operator } => s.push_str(&format!(
                    "本工具收录的、在 {date} 涉及这一项的规定只约束国家电网，不约束{0}；{0}自己的规定未收录。",
                    utility(*operator)
                )),
            }
            if r.is_clerk() {
                let ids: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
                s.push_str(&format!("(相关规则: {})", ids.join("、")));
            }
            s
        }
    }
}

/// The case's utility, where a sentence names it.
fn utility(o: Operator) -> &'static str {
    match o {
        Operator::Sgcc => "国家电网",
        Operator::Csg => "南方电网",
        Operator::Other => "本案的供电企业",
    }
}
