//! The readable report of `yekuo check --format text`.
//!
//! It goes to a terminal, and a case file is written by whoever hands it
//! over: a contractor's name could carry escape sequences that recolour or
//! clear the screen, a bare carriage return that overwrites the line, a
//! newline that forges a finding, or a right-to-left override that shows
//! text backwards. So every line is written through [`terminal_safe`]: the
//! report's own line breaks are the only control characters in it, and one
//! finding is one block (a `[outcome]` line, then lines indented by four).

use crate::render::{self, Lang, Reader};
use crate::report::documents::{ChecklistItem, Form};
use crate::report::{Finding, Report, StepStatus};
use crate::vocab::Need;
use std::borrow::Cow;
use std::fmt::Write;

/// Characters a terminal or a text viewer would act on rather than show:
/// C0 and C1 controls (line breaks included), DEL, the Unicode line and
/// paragraph separators, and the bidirectional formatting characters.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
                | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with each unsafe character shown as its code, `<U+001B>`, so a
/// reader sees that it was there and nothing acts on it.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Append one line: `content` made terminal-safe, then the line break.
fn line(s: &mut String, content: &str) {
    s.push_str(&terminal_safe(content));
    s.push('\n');
}

/// "1 day", "2 working days": a count with its English unit.
fn count_en(n: i64, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// The one-time document checklist (the list the app shows and prints):
/// each document the case needs, held or not, with when it is needed and
/// the rule that asks for it; for one not held, the forms accepted from
/// this customer's category (any one suffices) and those refused.
fn checklist(s: &mut String, items: &[ChecklistItem], english: bool) {
    if items.is_empty() {
        return;
    }
    let t = |zh: &'static str, en: &'static str| if english { en } else { zh };
    line(s, "");
    line(
        s,
        t(
            "申请资料清单(一次性告知)",
            "Document checklist (one-time list)",
        ),
    );
    for i in items {
        let state = match (i.held, i.need) {
            (true, _) => t("有", "held"),
            // Asked for in some places only: lacking, not "missing".
            (false, Need::Local) => t("未备", "not held"),
            (false, _) => t("缺", "missing"),
        };
        let need = match i.need {
            Need::Required => t("必备", "required"),
            Need::Local => t("部分地方要求", "asked in some places"),
            Need::IfAgent => t("委托办理时", "when an agent applies"),
            Need::IfGovernmentProject => t(
                "须政府审批的项目",
                "for a project needing government approval",
            ),
            Need::IfImportant => t("重要电力用户", "for an important user"),
            Need::IfOwnershipUnclear => t("产权不清时", "when ownership is unclear"),
        };
        let later = if i.later_with_one_id {
            t(
                "；一证受理时可后补",
                "; may follow later with one-ID acceptance",
            )
        } else {
            ""
        };
        let d = &i.document;
        let name = if english { &d.name_en } else { &d.name_zh };
        line(
            s,
            &format!(
                "  [{state}] {name} ({}) — {need}{later} · {} {}",
                d.code, i.rule, i.mark
            ),
        );
        if i.held {
            continue;
        }
        let lang = if english {
            render::Lang::En
        } else {
            render::Lang::Zh
        };
        let forms = |fs: &[Form]| render::forms(fs, lang);
        if !d.accepted.is_empty() {
            line(
                s,
                &format!(
                    "      {} {}",
                    t("可用其中任一:", "any one of:"),
                    forms(&d.accepted)
                ),
            );
        }
        if !d.not_accepted.is_empty() {
            line(
                s,
                &format!(
                    "      {} {}",
                    t("不接受:", "not accepted:"),
                    forms(&d.not_accepted)
                ),
            );
        }
    }
    if items.iter().any(|i| !i.held && i.need != Need::Local) {
        line(
            s,
            t(
                "  供电企业应一次性书面告知全部缺件(NOTICE-01)；缺件不影响受理后时限的计算(NOTICE-04)。",
                "  The utility must list every missing document in writing, at once (NOTICE-01); time limits run from acceptance even with documents missing (NOTICE-04).",
            ),
        );
    }
}

/// The report as text, in Chinese or English.
pub fn report(r: &Report, english: bool) -> String {
    let mut s = String::new();
    let t = |zh: &str, en: &str| {
        if english {
            en.to_string()
        } else {
            zh.to_string()
        }
    };
    line(
        &mut s,
        &t(
            &format!("yekuo {} 预检报告 (截至 {})", r.yekuo_version, r.as_of),
            &format!("yekuo {} report (as of {})", r.yekuo_version, r.as_of),
        ),
    );
    line(
        &mut s,
        &t(
            &format!(
                "节假日数据覆盖 {} 至 {}",
                r.calendar_coverage.0, r.calendar_coverage.1
            ),
            &format!(
                "Holiday data covers {} to {}",
                r.calendar_coverage.0, r.calendar_coverage.1
            ),
        ),
    );
    line(&mut s, "");
    let reader = Reader::clerk(if english { Lang::En } else { Lang::Zh });
    let mut findings: Vec<&Finding> = r.findings.iter().collect();
    findings.sort_by_key(|f| f.outcome);
    for f in findings {
        let outcome = if english {
            f.outcome.code()
        } else {
            render::outcome(f.outcome, Lang::Zh)
        };
        line(
            &mut s,
            &format!("[{outcome}] {} {}", f.rule, render::message(f, &reader)),
        );
        if let Some(c) = &f.citation {
            line(
                &mut s,
                &format!(
                    "    {} {} {}",
                    t("依据", "basis"),
                    render::citation(c, &reader),
                    c.mark
                ),
            );
            if let Some(seen) = &c.seen {
                line(
                    &mut s,
                    &format!("    {}: {}", t("来源说明", "where seen"), reader.pick(seen)),
                );
            }
        }
        for cv in &f.caveats {
            if let Some(c) = render::caveat(cv, f, &reader) {
                line(&mut s, &format!("    ! {c}"));
            }
        }
        if !f.crossed.is_empty() {
            let days: Vec<String> = f
                .crossed
                .iter()
                .map(|d| {
                    format!(
                        "{} {}{}",
                        d.date,
                        if english { &d.name_en } else { &d.name },
                        if d.kind == crate::calendar::DayKind::MakeUpWorkday {
                            t("(调休上班)", " (make-up workday)")
                        } else {
                            String::new()
                        }
                    )
                })
                .collect();
            line(
                &mut s,
                &format!(
                    "    {}: {}",
                    t("经过的节假日/调休", "holidays crossed"),
                    days.join(", ")
                ),
            );
        }
    }
    checklist(&mut s, &r.checklist, english);
    if !r.timeline.is_empty() {
        line(&mut s, "");
        line(&mut s, &t("时间表", "Timeline"));
        let lang = reader.lang;
        for step in &r.timeline {
            line(&mut s, &format!("  {}", render::step(step.step, lang)));
            for d in &step.due {
                let st = match d.status {
                    StepStatus::DoneOnTime => t("按时完成", "done on time"),
                    StepStatus::DoneLate {
                        days_late,
                        working_days_late,
                    } => t(
                        &format!("逾期完成(晚{days_late}天，{working_days_late}个工作日)"),
                        &format!(
                            "done {} ({}) late",
                            count_en(days_late, "day"),
                            count_en(working_days_late, "working day")
                        ),
                    ),
                    StepStatus::DueIn { working_days } => t(
                        &format!("还剩{working_days}个工作日"),
                        &format!("due in {}", count_en(working_days, "working day")),
                    ),
                    StepStatus::OverdueBy { working_days } => t(
                        &format!("已逾期{working_days}个工作日"),
                        &format!("overdue by {}", count_en(working_days, "working day")),
                    ),
                    StepStatus::InRolloverWindow => {
                        t("在可能顺延的期间内", "in the possible rollover window")
                    }
                };
                let (title, version) = if english {
                    (&d.title_en, &d.version_en)
                } else {
                    (&d.title, &d.version)
                };
                // A calendar-unit deadline on a rest day: the nominal day,
                // then the day it may roll over to (CAL-06).
                let rolled = d.rolled.map_or_else(String::new, |r| {
                    t(
                        &format!("(可能顺延至 {r})"),
                        &format!(" (may roll over to {r})"),
                    )
                });
                line(
                    &mut s,
                    &format!(
                        "    {title} ({version}): {} {}{rolled} — {st}",
                        t("期限", "due"),
                        d.due
                    ),
                );
            }
        }
    }
    s
}
