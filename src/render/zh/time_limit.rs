//! TL and CAL (time limits of each step) in Chinese.

use super::Zh;
use crate::case::Convention;
use crate::render::{Language, Reader};
use crate::report::time_limit::{Caveat, ConventionMatters, Found, Limit, Unit};
use crate::report::{Finding, Outcome, StepStatus};
use std::fmt::Write;

pub(super) fn found(d: &Found, f: &Finding, _r: &Reader) -> String {
    match d {
        Found::SourcesAssumedSingle => "未说明单电源还是双电源: 按单电源(时限更短)评估。".into(),
        Found::Limit(l) => limit(l, f),
        Found::ConventionMatters(c) => convention_matters(c),
        Found::NationalCalendarOnly => {
            "只使用了全国节假日安排；当地的民族节日或临时假期未计入。".into()
        }
    }
}

fn unit(u: Unit) -> &'static str {
    match u {
        Unit::WorkingDays => "个工作日",
        Unit::CalendarDays => "天",
        Unit::Months => "个月",
        Unit::Years => "年",
        Unit::Minutes => "分钟",
        Unit::Kv => "千伏",
    }
}

fn limit(l: &Limit, f: &Finding) -> String {
    let mut s = String::with_capacity(192);
    let step = Zh.step(l.step);
    let (n, u) = (l.regime.limit, unit(l.regime.unit));
    match &f.citation {
        Some(c) => {
            let article = c.article.as_deref().unwrap_or("");
            let _ = write!(s, "{step}: 《{}》{article}规定 {n}{u}", c.title);
        }
        None => {
            let _ = write!(s, "{step}: 时限 {n}{u}");
        }
    }
    for (start, due) in l.counts() {
        let _ = write!(s, "；自 {start} 起算，期限 {due}");
    }
    if let Some(rolled) = l.rolled_due {
        let _ = write!(s, "(休息日，可能顺延至 {rolled})");
    }
    match (l.done, l.not_done_as_of) {
        (Some(d), _) => {
            let _ = write!(s, "；实际 {d}");
        }
        (None, Some(a)) => {
            let _ = write!(s, "；截至 {a} 尚未完成");
        }
        (None, None) => s.push_str("；尚未完成"),
    }
    // The verdict is the computed one: an [R] value's warning says in its
    // prefix what it would have been.
    let verdict = match (f.unverified_would_be.unwrap_or(f.outcome), l.done.is_some()) {
        _ if l.status == StepStatus::InRolloverWindow => "在可能顺延的期间内",
        (Outcome::Ok, true) => "按时",
        (Outcome::Ok, false) => "尚在期限内",
        (Outcome::Overdue, _) => "逾期",
        _ => "需注意",
    };
    let _ = write!(s, "。结论: {verdict}。");
    s
}

fn convention_words(c: Convention) -> &'static str {
    match c {
        Convention::ExcludeStart => "起算当日不计入",
        Convention::DeemedNextWorkday => "视为下一个工作日收到",
    }
}

fn convention_matters(c: &ConventionMatters) -> String {
    format!(
        "{}(《{}》): 起算日 {} 是休息日。按另一种算法({})期限为 {}(而非 {})，结论会不同。",
        Zh.step(c.step),
        c.limit_citation.title,
        c.start,
        convention_words(c.alternative()),
        c.due_alternative,
        c.due
    )
}

pub(super) fn caveat(c: &Caveat, r: &Reader) -> String {
    match c {
        Caveat::PolicyTarget => "这是政策目标，不是单个案例的法定时限。".into(),
        Caveat::AverageTarget => "这是平均值目标，单个案例超过不等于逾期。".into(),
        Caveat::UtilitySideWithoutPauses if r.is_clerk() => format!(
            "该时限只计供电企业一侧的时间；未填写客户原因的暂停时段({})，无法扣除客户自己的设计、施工时间。",
            r.field("paused")
        ),
        Caveat::UtilitySideWithoutPauses => "该时限只计供电企业一侧的时间；未填写因您自身原因暂停的时段，无法扣除您自己的设计、施工时间。".into(),
        Caveat::MarginWithinGap {
            uncertain_margin, ..
        } => format!("日历数据缺失且超出不足{uncertain_margin}天，不判逾期。"),
        Caveat::FormalitiesDateUnknown { earliest, latest } => {
            let counted = match (earliest, latest) {
                (Some(e), Some(l)) => format!("按检验合格日 {e}(最早可能的起算日)计算，并给出按最晚可能日期 {l} 计算的结果"),
                (Some(e), None) => format!("按检验合格日 {e}(最早可能的起算日)计算；未填写最晚可能日期"),
                (None, Some(l)) => format!("只按最晚可能日期 {l} 计算"),
                (None, None) => "起算日不确定".into(),
            };
            format!("手续办结日期未知: {counted}。")
        }
        Caveat::RolloverWindow {
            due,
            rolled,
            holiday,
            rule,
        } => {
            let (day, doubt) = if *holiday {
                ("法定节假日", "该规则是否适用于本时限不明确")
            } else {
                ("周末", "普通周末是否属于法定休假日、该规则是否适用于本时限，均不明确")
            };
            let law = match rule {
                Some(c) if r.is_clerk() => format!("({} {})", Zh.cite(c), c.mark),
                _ => String::new(),
            };
            format!(
                "期限最后一日 {due} 是{day}，期间可能顺延至其后第一个工作日 {rolled}。在此可能顺延的期间内不判逾期: 期间的最后一日是法定休假日的，以休假日结束的次日为最后一日{law}；但{doubt}。"
            )
        }
    }
}
