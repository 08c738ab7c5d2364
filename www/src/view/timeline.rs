//! Each process step's due date under every regime in force: a Gantt-like
//! chart (SVG, drawn with attributes only, so the CSP needs no inline
//! styles) and the same facts as a list, which is what screen readers and
//! printouts use.

use super::results::special_day;
use super::widgets::Ui;
use crate::state::Lang;
use chrono::NaiveDate;
use yekuo::report::time_limit::Found;
use yekuo::report::{Detail, Due, Report, StepStatus, TimelineStep};
use yew::prelude::*;

/// "1 day", "2 working days": a count with its English unit.
fn count_en(n: i64, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

fn status_text(lang: Lang, s: &StepStatus) -> (String, &'static str) {
    let zh = lang == Lang::Zh;
    match *s {
        StepStatus::DoneOnTime => (lang.pick("按时完成", "done on time").into(), "ok"),
        // Done on a rest day just after the deadline is late by calendar
        // days but by no working day (C1e): say both, never "0 days late".
        StepStatus::DoneLate {
            days_late,
            working_days_late,
        } => {
            let text = match (zh, working_days_late) {
                (true, 0) => format!("逾期 {days_late} 天完成(在休息日)"),
                (true, w) => format!("逾期 {days_late} 天完成(超出 {w} 个工作日)"),
                (false, 0) => format!("done {} late (on a rest day)", count_en(days_late, "day")),
                (false, w) => format!(
                    "done {} late ({})",
                    count_en(days_late, "day"),
                    count_en(w, "working day")
                ),
            };
            (text, "late")
        }
        StepStatus::DueIn { working_days } if zh => {
            (format!("还剩 {working_days} 个工作日"), "open")
        }
        StepStatus::DueIn { working_days } => (
            format!("{} left", count_en(working_days, "working day")),
            "open",
        ),
        StepStatus::OverdueBy { working_days } if zh => {
            (format!("已逾期 {working_days} 个工作日"), "late")
        }
        StepStatus::OverdueBy { working_days } => (
            format!("overdue by {}", count_en(working_days, "working day")),
            "late",
        ),
        // CAL-06: after a nominal last day on a rest day, before the day it
        // may roll over to: neither on time nor late.
        StepStatus::InRolloverWindow => (
            lang.pick("在可能顺延的期间内", "in the possible rollover window")
                .into(),
            "open",
        ),
    }
}

/// The time-limit finding of this step and regime carries the special days
/// crossed.
fn crossed<'a>(
    report: &'a Report,
    step: &TimelineStep,
    due: &Due,
) -> Vec<&'a yekuo::calendar::SpecialDay> {
    report
        .findings
        .iter()
        .filter(|f| {
            matches!(&f.detail, Detail::TimeLimit(Found::Limit(l)) if l.step == step.step)
                && f.citation
                    .as_ref()
                    .is_some_and(|c| c.instrument == due.instrument)
        })
        .flat_map(|f| f.crossed.iter())
        .collect()
}

/// The step's name in the reader's language.
fn step_name(ui: &Ui, step: &TimelineStep) -> &'static str {
    yekuo::render::step(step.step, ui.reader().lang)
}

/// " (may roll over to …)" when the due day is a rest day of a limit in
/// calendar days or months (CAL-06); empty otherwise.
fn rolled(ui: &Ui, due: &Due) -> String {
    due.rolled.map_or_else(String::new, |r| {
        format!(" ({} {r})", ui.t("可能顺延至", "may roll over to"))
    })
}

/// The instrument's title in the reader's language.
fn title<'a>(ui: &Ui, due: &'a Due) -> &'a str {
    ui.t(&due.title, &due.title_en)
}

/// "Due soon" for the next-deadline line: the worklist's default (issue 15).
const DUE_SOON_WORKING_DAYS: u32 = 3;

/// The case's next deadline in one line, from `eval::due`, the definition
/// `yekuo due` and the CLI's report use too: the step (or the plan's
/// validity), its due day under the most urgent regime and where it
/// stands. A clerk also reads the rule, the instrument and its mark, and
/// the CAL-11 note; a customer reads none of them.
fn next_deadline(ui: &Ui, report: &Report, case: Option<&yekuo::case::Case>) -> Html {
    let Some(case) = case else {
        return Html::default();
    };
    let due = yekuo::eval::due::of_report(report, case, DUE_SOON_WORKING_DAYS);
    let Some(d) = due.next() else {
        return Html::default();
    };
    let line = if ui.is_clerk() {
        yekuo::render::due::headline(d, ui.lang.core())
    } else {
        format!(
            "{} · {} {} · {}",
            yekuo::render::due::item(d.item, ui.lang.core()),
            ui.t("截止", "due"),
            d.due,
            yekuo::render::due::state(d, ui.lang.core())
        )
    };
    let class = if d.state.at_risk() {
        "next-due at-risk"
    } else {
        "next-due"
    };
    html! {
        <p class={class}><strong>{ui.t("下一个截止: ", "Next deadline: ")}</strong>{line}</p>
    }
}

pub fn timeline(ui: &Ui, report: &Report, case: Option<&yekuo::case::Case>) -> Html {
    if report.timeline.iter().all(|s| s.due.is_empty()) {
        return html! { <p class="hint">{ui.t("填写受理日期等进度后，这里显示各环节的截止日期。", "Enter the acceptance date and other progress to see each step's deadline.")}</p> };
    }
    html! { <>
        { next_deadline(ui, report, case) }
        { chart(ui, report) }
        <ol class="timeline-list">
            { for report.timeline.iter().filter(|s| !s.due.is_empty()).map(|step| {
                // The regimes of a step mostly cross the same holidays: each
                // day is listed once for the step, not once per regime.
                // Kept in date order by inserting each day at its place
                // (a sort would bring its own code into the bundle).
                let mut days: Vec<&yekuo::calendar::SpecialDay> = Vec::new();
                for d in step.due.iter().flat_map(|due| crossed(report, step, due)) {
                    let at = days.partition_point(|x| x.date < d.date);
                    if days.get(at).is_none_or(|x| x.date != d.date) {
                        days.insert(at, d);
                    }
                }
                html! {
                <li>
                    <strong>{step_name(ui, step)}</strong>
                    <ul>
                        { for step.due.iter().map(|due| {
                            let (status, class) = status_text(ui.lang, &due.status);
                            html! {
                                <li class={classes!("due", format!("s-{class}"))}>
                                    {title(ui, due).to_string()}
                                    // Time limits come from legal instruments (never a convention).
                                    { super::results::zh_title(ui, &due.title, yekuo::vocab::Layer::National) }
                                    {format!(" ({}, {}): {} {}{} · ", ui.t(&due.version, &due.version_en), due.mark, ui.t("截止", "due"), due.due, rolled(ui, due))}
                                    if let Some(done) = due.done { {format!("{} {done} · ", ui.t("完成于", "done"))} }
                                    <span class="status">{status}</span>
                                </li>
                            }
                        }) }
                    </ul>
                    if !days.is_empty() {
                        <details>
                            <summary>{format!("{} ({})", ui.t("期间的节假日与调休", "Holidays and make-up days in between"), days.len())}</summary>
                            <ul>{ for days.iter().map(|d| html! { <li>{special_day(ui.lang, d)}</li> }) }</ul>
                        </details>
                    }
                </li>
            }}) }
        </ol>
    </> }
}

/// Width of a bar strip in SVG units; the strip stretches to the column
/// (`preserveAspectRatio="none"`), so only vertical lines and rectangles are
/// drawn in it, and lines keep their width (`non-scaling-stroke`). Whole
/// units: a thousandth of the strip is finer than a pixel, and integers
/// keep float formatting out of the bundle (`yekuo::decimal`).
const W: i64 = 1000;

/// The days one step's panel spans: the earliest start to the latest due or
/// done day, stretched to today only while the step is still open (a step
/// finished in 2010 is not drawn against a 2026 axis, which would crush it
/// to a dot). Returns the span and whether today falls inside it.
fn span(dues: &[Due], today: NaiveDate) -> (NaiveDate, NaiveDate, bool) {
    let lo = dues.iter().map(|d| d.start).min().unwrap_or(today);
    let mut hi = dues
        .iter()
        .map(|d| d.rolled.unwrap_or(d.due).max(d.done.unwrap_or(d.due)))
        .max()
        .unwrap_or(today);
    if dues.iter().any(|d| d.done.is_none()) {
        hi = hi.max(today);
    }
    (lo, hi, (lo..=hi).contains(&today))
}

/// One panel per step: for each regime a text line (what the list says, in
/// short) and a bar from the start to the due day, with the day the step was
/// done and today as vertical lines. Colour repeats the status text; it is
/// never the only signal.
fn chart(ui: &Ui, report: &Report) -> Html {
    let today = report.as_of;
    html! {
        <div class="chart" aria-hidden="true">
            { for report.timeline.iter().filter(|s| !s.due.is_empty()).map(|step| {
                let (lo, hi, today_inside) = span(&step.due, today);
                let days = (hi - lo).num_days().max(1);
                let x = |d: NaiveDate| (W * (d - lo).num_days() / days).clamp(0, W);
                html! {
                    <figure class="gantt">
                        <figcaption>{step_name(ui, step)}</figcaption>
                        { for step.due.iter().map(|due| {
                            let (status, class) = status_text(ui.lang, &due.status);
                            let (x0, x1) = (x(due.start), x(due.due));
                            html! {
                                <div class={classes!("gantt-row", format!("s-{class}"))}>
                                    <div class="gantt-label">
                                        {format!("{} · {} {}{} · ", title(ui, due), ui.t("截止", "due"), due.due, rolled(ui, due))}
                                        <span class="status">{status}</span>
                                    </div>
                                    <svg viewBox={format!("0 0 {W} 24")} preserveAspectRatio="none" class="gantt-bar">
                                        <rect x={x0.to_string()} y="6" width={(x1 - x0).max(4).to_string()} height="12" />
                                        // The possible rollover past rest days (CAL-06), paler.
                                        if let Some(r) = due.rolled {
                                            <rect class="rollover" x={x1.to_string()} y="6" width={(x(r) - x1).max(2).to_string()} height="12" />
                                        }
                                        if let Some(done) = due.done {
                                            <line class="done" x1={x(done).to_string()} x2={x(done).to_string()} y1="0" y2="24" vector-effect="non-scaling-stroke" />
                                        }
                                        if today_inside {
                                            <line class="today" x1={x(today).to_string()} x2={x(today).to_string()} y1="0" y2="24" vector-effect="non-scaling-stroke" />
                                        }
                                    </svg>
                                </div>
                            }
                        }) }
                        <div class="gantt-axis"><span>{lo.to_string()}</span><span>{hi.to_string()}</span></div>
                    </figure>
                }
            }) }
            <p class="legend">
                <span class="key s-ok">{ui.t("■ 按时", "■ on time")}</span>
                <span class="key s-open">{ui.t("■ 进行中", "■ open")}</span>
                <span class="key s-late">{ui.t("■ 逾期", "■ late")}</span>
                <span class="key">{ui.t("┃ 实际完成日", "┃ day done")}</span>
                <span class="key">{ui.t("┆ 今天", "┆ today")}</span>
            </p>
        </div>
    }
}
