//! Each process step's due date under every regime in force: a Gantt-like
//! chart (SVG, drawn with attributes only, so the CSP needs no inline
//! styles) and the same facts as a list, which is what screen readers and
//! printouts use.

use super::results::special_day;
use super::widgets::Ui;
use crate::state::Lang;
use chrono::NaiveDate;
use yekuo::report::{Due, Report, StepStatus, TimelineStep};
use yew::prelude::*;

fn status_text(lang: Lang, s: &StepStatus) -> (String, &'static str) {
    match (*s, lang) {
        (StepStatus::DoneOnTime, _) => (lang.pick("按时完成", "done on time").into(), "ok"),
        (
            StepStatus::DoneLate {
                working_days_late, ..
            },
            Lang::Zh,
        ) => (format!("逾期 {working_days_late} 个工作日完成"), "late"),
        (
            StepStatus::DoneLate {
                working_days_late, ..
            },
            Lang::En,
        ) => (
            format!("done {working_days_late} working days late"),
            "late",
        ),
        (StepStatus::DueIn { working_days }, Lang::Zh) => {
            (format!("还剩 {working_days} 个工作日"), "open")
        }
        (StepStatus::DueIn { working_days }, Lang::En) => {
            (format!("{working_days} working days left"), "open")
        }
        (StepStatus::OverdueBy { working_days }, Lang::Zh) => {
            (format!("已逾期 {working_days} 个工作日"), "late")
        }
        (StepStatus::OverdueBy { working_days }, Lang::En) => {
            (format!("overdue by {working_days} working days"), "late")
        }
    }
}

/// The TL finding for this step and regime carries the special days crossed.
fn crossed<'a>(
    report: &'a Report,
    step: &TimelineStep,
    due: &Due,
) -> Vec<&'a yekuo::calendar::SpecialDay> {
    let rule = match step.step {
        yekuo::report::Step::PlanAnswer => "TL-01",
        yekuo::report::Step::DesignReview => "TL-03",
        yekuo::report::Step::MidCheck => "TL-04",
        yekuo::report::Step::CompletionInspection => "TL-05",
        yekuo::report::Step::PowerOn => "TL-06",
        yekuo::report::Step::WholeProcess => "TL-07",
    };
    report
        .findings
        .iter()
        .filter(|f| {
            f.rule == rule
                && f.citation
                    .as_ref()
                    .is_some_and(|c| c.instrument == due.instrument)
        })
        .flat_map(|f| f.evidence.crossed.iter())
        .collect()
}

pub fn timeline(ui: &Ui, report: &Report) -> Html {
    if report.timeline.iter().all(|s| s.due.is_empty()) {
        return html! { <p class="hint">{ui.t("填写受理日期等进度后，这里显示各环节的截止日期。", "Enter the acceptance date and other progress to see each step's deadline.")}</p> };
    }
    html! { <>
        { chart(ui, report) }
        <ol class="timeline-list">
            { for report.timeline.iter().filter(|s| !s.due.is_empty()).map(|step| html! {
                <li>
                    <strong>{ui.t(&step.name_zh, &step.name_en).to_string()}</strong>
                    <ul>
                        { for step.due.iter().map(|due| {
                            let (status, class) = status_text(ui.lang, &due.status);
                            let days = crossed(report, step, due);
                            html! {
                                <li class={classes!("due", format!("s-{class}"))}>
                                    {format!("{} ({}, {}): {} {} · ", due.title, due.version, due.mark, ui.t("截止", "due"), due.due)}
                                    if let Some(done) = due.done { {format!("{} {done} · ", ui.t("完成于", "done"))} }
                                    <span class="status">{status}</span>
                                    if !days.is_empty() {
                                        <details>
                                            <summary>{format!("{} ({})", ui.t("期间的节假日与调休", "Holidays and make-up days in between"), days.len())}</summary>
                                            <ul>{ for days.iter().map(|d| html! { <li>{special_day(ui.lang, d)}</li> }) }</ul>
                                        </details>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </li>
            }) }
        </ol>
    </> }
}

const W: f64 = 1000.0;
const LABEL: f64 = 260.0;
const ROW: f64 = 30.0;

fn chart(ui: &Ui, report: &Report) -> Html {
    let rows: Vec<(&TimelineStep, &Due)> = report
        .timeline
        .iter()
        .flat_map(|s| s.due.iter().map(move |d| (s, d)))
        .collect();
    let mut lo = report.as_of;
    let mut hi = report.as_of;
    for (_, d) in &rows {
        lo = lo.min(d.start);
        hi = hi.max(d.due).max(d.done.unwrap_or(d.due));
    }
    let span = ((hi - lo).num_days().max(1)) as f64;
    let x = |d: NaiveDate| LABEL + (W - LABEL - 10.0) * ((d - lo).num_days() as f64 / span);
    let height = ROW * rows.len() as f64 + 40.0;
    let today = x(report.as_of);
    let label = ui.t(
        "各环节时限图(详细内容见下方列表)",
        "Chart of step deadlines (details in the list below)",
    );
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} {height}")} role="img" aria-label={label.to_string()} preserveAspectRatio="xMinYMin meet">
                <line x1={today.to_string()} x2={today.to_string()} y1="0" y2={(height - 20.0).to_string()} class="today" />
                <text x={today.to_string()} y={(height - 6.0).to_string()} text-anchor="middle" class="axis">{format!("{} {}", ui.t("今天", "today"), report.as_of)}</text>
                <text x={LABEL.to_string()} y={(height - 6.0).to_string()} class="axis">{lo.to_string()}</text>
                { for rows.iter().enumerate().map(|(i, (step, due))| {
                    let y = ROW * i as f64 + 6.0;
                    let (x0, x1) = (x(due.start), x(due.due));
                    let (status, class) = status_text(ui.lang, &due.status);
                    let short = due.title.chars().take(8).collect::<String>();
                    html! {
                        <g class={format!("bar s-{class}")}>
                            <title>{format!("{} · {} · {} {} · {status}", ui.t(&step.name_zh, &step.name_en), due.title, ui.t("截止", "due"), due.due)}</title>
                            <text x="0" y={(y + 15.0).to_string()} class="label">{format!("{} · {short}", ui.t(&step.name_zh, &step.name_en))}</text>
                            <rect x={x0.to_string()} y={(y + 3.0).to_string()} width={(x1 - x0).max(3.0).to_string()} height="16" rx="3" />
                            if let Some(done) = due.done {
                                <path class="done" d={format!("M{} {} l7 9 l-7 9 l-7 -9 z", x(done), y + 2.0)} />
                            }
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="legend">
                <span class="key s-ok">{ui.t("■ 按时", "■ on time")}</span>
                <span class="key s-open">{ui.t("■ 进行中", "■ open")}</span>
                <span class="key s-late">{ui.t("■ 逾期", "■ late")}</span>
                <span class="key">{ui.t("◆ 实际完成日", "◆ actual date")}</span>
                <span class="key">{ui.t("│ 今天", "│ today")}</span>
            </figcaption>
        </figure>
    }
}
