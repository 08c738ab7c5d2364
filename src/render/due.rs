//! Words for a next deadline ([`crate::eval::due`]): what falls due and
//! where it stands, in Chinese or English, for a clerk or station manager
//! (rule codes and marks are theirs to see). `yekuo due` writes its text
//! lines with these.

use super::Lang;
use crate::eval::due::{Deadline, Item, State};

/// What falls due: the step's name, or the supply plan's validity.
pub fn item(i: Item, lang: Lang) -> &'static str {
    match (i, lang) {
        (Item::Step(s), _) => super::step(s, lang),
        (Item::PlanValidity, Lang::Zh) => "供电方案有效期(须在此前开工)",
        (Item::PlanValidity, Lang::En) => "supply plan validity (construction must start by then)",
    }
}

/// Where the deadline stands, with its count of working days.
pub fn state(d: &Deadline, lang: Lang) -> String {
    let n = d.working_days_left;
    let past = n.saturating_neg();
    match (d.state, lang) {
        (State::Overdue, Lang::Zh) => format!("已逾期{past}个工作日"),
        (State::Overdue, Lang::En) => format!("overdue by {}", working_days(past)),
        (State::PastDueWarning, Lang::Zh) => {
            format!("已过截止日{past}个工作日(警告：依据不足以判定逾期)")
        }
        (State::PastDueWarning, Lang::En) => format!(
            "past the due day by {} (a warning: not enough to call it overdue)",
            working_days(past)
        ),
        (State::DueToday, Lang::Zh) => "今天到期".into(),
        (State::DueToday, Lang::En) => "due today".into(),
        (State::DueSoon | State::OnTime, Lang::Zh) => format!("还剩{n}个工作日"),
        (State::DueSoon | State::OnTime, Lang::En) => format!("due in {}", working_days(n)),
        (State::Paused, Lang::Zh) => format!("客户原因暂停中(还剩{n}个工作日)"),
        (State::Paused, Lang::En) => format!(
            "paused, waiting for the customer ({} left)",
            working_days(n)
        ),
    }
}

/// A deadline in one line: due day, state, what falls due, the rule, the
/// instrument and the mark of its value, and the CAL-11 note when the
/// count used days without holiday data.
pub fn headline(d: &Deadline, lang: Lang) -> String {
    let title = match lang {
        Lang::Zh => &d.title,
        Lang::En => &d.title_en,
    };
    let mut s = format!(
        "{}  {}  {} · {} {} {}",
        d.due,
        state(d, lang),
        item(d.item, lang),
        d.rule.as_str(),
        title,
        d.mark
    );
    if let Some(gap) = calendar_gap(d, lang) {
        s.push_str("  (");
        s.push_str(&gap);
        s.push(')');
    }
    s
}

/// CAL-11, when the count used days without holiday data.
pub fn calendar_gap(d: &Deadline, lang: Lang) -> Option<String> {
    let g = d.calendar_gap?;
    Some(match lang {
        Lang::Zh => format!(
            "CAL-11: {} 至 {} 没有节假日数据，只按周末计算，截止日可能变动",
            g.from, g.to
        ),
        Lang::En => format!(
            "CAL-11: no holiday data for {} to {}; counted with weekends only, the due day may move",
            g.from, g.to
        ),
    })
}

fn working_days(n: i64) -> String {
    format!("{n} working day{}", if n == 1 { "" } else { "s" })
}
