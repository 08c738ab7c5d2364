//! Words of the customer's answer before applying (issue 14): each step in
//! the customer's own terms, a limit as "≤ 3 个工作日", the basis of a
//! limit in words ("依据《…》第十九条 · 已核对原文"), and a mark as how sure
//! it is. No rule codes, marks or document codes: this is for customers.

use super::Lang;
use crate::eval::StepLimit;
use crate::report::time_limit::{Kind, Milestone, Scope, Unit};
use crate::report::Step;
use crate::Mark;
use chrono::{Datelike, NaiveDate};

/// A step as a customer notices it.
pub fn step(s: Step, lang: Lang) -> &'static str {
    match (s, lang) {
        (Step::PlanAnswer, Lang::Zh) => "供电公司答复怎么给您接电(供电方案)",
        (Step::PlanAnswer, Lang::En) => "The utility tells you how you will be connected",
        (Step::DesignReview, Lang::Zh) => "供电公司审核您的设计图纸",
        (Step::DesignReview, Lang::En) => "The utility reviews your design",
        (Step::MidCheck, Lang::Zh) => "施工中途检查",
        (Step::MidCheck, Lang::En) => "A check during your works",
        (Step::CompletionInspection, Lang::Zh) => "您这边完工后，供电公司验收",
        (Step::CompletionInspection, Lang::En) => "The utility inspects your finished works",
        (Step::PowerOn, Lang::Zh) => "验收合格、办完手续后，装电表、通电",
        (Step::PowerOn, Lang::En) => "After the inspection and formalities: meter fitted, power on",
        (Step::WholeProcess, Lang::Zh) => "从受理到通电，全过程",
        (Step::WholeProcess, Lang::En) => "The whole process, from acceptance to power on",
    }
}

/// "≤ 3 个工作日", "≤ 3 working days", with what kind of limit it is.
pub fn limit(l: &StepLimit, lang: Lang) -> String {
    let n = l.regime.limit;
    let count = |one: &str, many: &str| super::en::count(i64::from(n), one, many);
    let mut s = match (l.regime.unit, lang) {
        (Unit::WorkingDays, Lang::Zh) => format!("≤ {n} 个工作日"),
        (Unit::CalendarDays, Lang::Zh) => format!("≤ {n} 天"),
        (Unit::Months, Lang::Zh) => format!("≤ {n} 个月"),
        (Unit::Years, Lang::Zh) => format!("≤ {n} 年"),
        (Unit::WorkingDays, Lang::En) => {
            format!("at most {}", count("working day", "working days"))
        }
        (Unit::CalendarDays, Lang::En) => format!("at most {}", count("day", "days")),
        (Unit::Months, Lang::En) => format!("at most {}", count("month", "months")),
        (Unit::Years, Lang::En) => format!("at most {}", count("year", "years")),
        (_, Lang::Zh) => format!("≤ {n}"),
        (_, Lang::En) => format!("at most {n}"),
    };
    let kind = match (l.regime.kind, lang) {
        (Kind::Limit, _) => "",
        (Kind::Target, Lang::Zh) => "(政策目标)",
        (Kind::Target, Lang::En) => " (a policy target)",
        (Kind::AverageTarget, Lang::Zh) => "(平均目标)",
        (Kind::AverageTarget, Lang::En) => " (a target for the average)",
    };
    s.push_str(kind);
    match (l.if_external_works, lang) {
        (Some(false), Lang::Zh) => s.push_str("(不需要新拉外部线路时)"),
        (Some(false), Lang::En) => s.push_str(" (if no new grid line is needed)"),
        (Some(true), Lang::Zh) => s.push_str("(需要新拉外部线路时)"),
        (Some(true), Lang::En) => s.push_str(" (if a new grid line is needed)"),
        (None, _) => {}
    }
    // A limit counted from acceptance on a later step (an old power-on
    // rule) says so: the step's name alone would suggest its own start.
    if l.start == Milestone::Accepted && !matches!(l.step, Step::PlanAnswer | Step::WholeProcess) {
        s.push_str(match lang {
            Lang::Zh => "(从受理算起)",
            Lang::En => " (counted from acceptance)",
        });
    }
    if l.regime.scope == Scope::UtilitySide {
        s.push_str(match lang {
            Lang::Zh => "(只算供电公司的时间)",
            Lang::En => " (the utility's time only)",
        });
    }
    s
}

/// How sure a value is, in words.
pub fn sureness(m: Mark, lang: Lang) -> &'static str {
    match (m, lang) {
        (Mark::V, Lang::Zh) => "已核对原文",
        (Mark::V, Lang::En) => "checked against the source text",
        (Mark::S, Lang::Zh) => "来自可靠转述",
        (Mark::S, Lang::En) => "from a reliable secondary source",
        (_, Lang::Zh) => "未核实，仅供参考",
        (_, Lang::En) => "not verified, for guidance only",
    }
}

/// "依据《供电营业规则》第十九条 · 已核对原文".
pub fn basis(l: &StepLimit, lang: Lang) -> String {
    let c = &l.citation;
    match lang {
        Lang::Zh => format!(
            "依据《{}》{} · {}",
            c.title,
            c.article.as_deref().unwrap_or_default(),
            sureness(l.mark, lang)
        ),
        Lang::En => format!(
            "Basis: {}{} · {}",
            c.title_en,
            c.article_en
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            sureness(l.mark, lang)
        ),
    }
}

/// A day as a customer writes it, with its weekday: "2026 年 12 月 7 日(星期一)", "Mon 7 Dec 2026".
pub fn day(d: NaiveDate, lang: Lang) -> String {
    let wd = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Zh => format!(
            "{}(星期{})",
            date(d, lang),
            ["一", "二", "三", "四", "五", "六", "日"][wd]
        ),
        Lang::En => format!(
            "{} {}",
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][wd],
            date(d, lang)
        ),
    }
}

/// A day as a customer writes it: "2026 年 12 月 7 日", "7 Dec 2026".
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 年 {} 月 {} 日", d.year(), d.month(), d.day()),
        // By hand: chrono's `format` brings its strftime parser into the
        // browser bundle (about 20 KB gzip).
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                [d.month0() as usize],
            d.year()
        ),
    }
}

/// Which rule a limit is under, when a step has several: "《供电监管办法》".
pub fn source(l: &StepLimit, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("按《{}》", l.citation.title),
        Lang::En => format!("under the {}", l.citation.title_en),
    }
}
