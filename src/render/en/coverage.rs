//! The coverage pass (`not-covered`) in English.

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
            let before = earliest
                .as_ref()
                .is_some_and(|e| dates.iter().all(|d| d.date < e.from));
            let list = and_list(&list);
            let mut s = if before {
                format!(
                    "{list} {} before every rule in this rulebook",
                    be(dates.len())
                )
            } else {
                format!("No rule in this rulebook was in force on {list}")
            };
            s.push_str(": what happened then was not checked, and finding nothing wrong does not mean nothing was wrong.");
            if let Some(e) = earliest {
                s.push_str(&format!(
                    " The earliest instrument it holds, {} ({}), took effect on {}.",
                    e.title_en, e.version_en, e.from
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
            let mut s = format!("{} was not checked: ", r.field(field));
            match why {
                Why::NoRuleOnDate => s.push_str(&format!(
                    "no rule in this rulebook in force on {date} covers it."
                )),
                Why::NotThisUtility { operator } => s.push_str(&format!(
                    "the rules in this rulebook that cover it on {date} bind only State Grid, not {}, whose own rules are not in this rulebook.",
                    utility(*operator)
                )),
            }
            if r.is_clerk() {
                let ids: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
                s.push_str(&format!(" (Rules: {}.)", ids.join(", ")));
            }
            s
        }
    }
}

fn be(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The case's utility, where a sentence names it.
fn utility(o: Operator) -> &'static str {
    match o {
        Operator::Sgcc => "State Grid",
        Operator::Csg => "China Southern Grid",
        Operator::Other => "this utility",
    }
}
