//! TL: time limits per process step (catalog §4), with CAL-02/03/04/10/11.

use super::Evidence;
use super::{text, Ctx};
use crate::calendar::SpecialDay;
use crate::case::{Category, Convention, Sources};
use crate::period;
use crate::report::{Caveat, Due, Outcome, Question, Step, StepStatus, TimelineStep};
use crate::rulebook::{InForce, Value};
use chrono::NaiveDate;

/// One step: its rule, the case field that starts it (decides the regime,
/// CAL-08), and the field that ends it.
struct StepDef {
    rule: &'static str,
    start_field: &'static str,
    end_field: &'static str,
}

/// The evidence names of a date field, spelt out once as literals so that
/// no finding formats them.
struct FieldNames {
    /// The case path, `dates.accepted`.
    input: &'static str,
    /// `start:accepted`, `due:accepted`, `working_days_elapsed:accepted`:
    /// used when a step is counted from more than one possible start.
    start: &'static str,
    due: &'static str,
    elapsed: &'static str,
}

macro_rules! field_names {
    ($($f:literal),* $(,)?) => {
        fn names_of(field: &str) -> FieldNames {
            match field {
                $($f => FieldNames {
                    input: concat!("dates.", $f),
                    start: concat!("start:", $f),
                    due: concat!("due:", $f),
                    elapsed: concat!("working_days_elapsed:", $f),
                },)*
                // Every field STEPS and `starts_for` name is listed above
                // (a unit test walks them); a stranger still gets a name.
                _ => FieldNames { input: "dates", start: "start", due: "due", elapsed: "working_days_elapsed" },
            }
        }
    };
}

field_names!(
    "accepted",
    "plan_issued",
    "design_submitted",
    "design_reviewed",
    "mid_check_requested",
    "mid_check_started",
    "completion_requested",
    "inspected",
    "inspection_passed",
    "formalities",
    "formalities_latest",
    "power_on",
);

const STEPS: &[StepDef] = &[
    StepDef {
        rule: "TL-01",
        start_field: "accepted",
        end_field: "plan_issued",
    },
    StepDef {
        rule: "TL-03",
        start_field: "design_submitted",
        end_field: "design_reviewed",
    },
    StepDef {
        rule: "TL-04",
        start_field: "mid_check_requested",
        end_field: "mid_check_started",
    },
    StepDef {
        rule: "TL-05",
        start_field: "completion_requested",
        end_field: "inspected",
    },
    StepDef {
        rule: "TL-06",
        start_field: "formalities",
        end_field: "power_on",
    },
    StepDef {
        rule: "TL-07",
        start_field: "accepted",
        end_field: "power_on",
    },
];

fn date_of(ctx: &Ctx, field: &str) -> Option<NaiveDate> {
    let d = &ctx.case.dates;
    match field {
        "accepted" => d.accepted,
        "plan_issued" => d.plan_issued,
        "design_submitted" => d.design_submitted,
        "design_reviewed" => d.design_reviewed,
        "mid_check_requested" => d.mid_check_requested,
        "mid_check_started" => d.mid_check_started,
        "completion_requested" => d.completion_requested,
        "inspected" => d.inspected,
        "formalities" => d.formalities,
        "power_on" => d.power_on,
        _ => None,
    }
}

/// The start dates to count from: one, or for TL-06 without a formalities
/// date two (see [`starts_for`]). Held inline: a step is evaluated for every
/// regime of every case, and this needs no allocation.
#[derive(Clone, Copy, Default)]
struct Starts {
    items: [(&'static str, NaiveDate); 2],
    len: usize,
}

impl Starts {
    fn push(&mut self, field: &'static str, day: Option<NaiveDate>) {
        if let (Some(d), Some(slot)) = (day, self.items.get_mut(self.len)) {
            *slot = (field, d);
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(&'static str, NaiveDate)] {
        &self.items[..self.len]
    }
}

/// The start dates to count from for a value's `start` key. For
/// `formalities` with no date (TL-06): the inspection pass (earliest possible
/// start) and, if known, the latest possible formalities date.
fn starts_for(ctx: &Ctx, start: &str) -> Starts {
    let d = &ctx.case.dates;
    let mut s = Starts::default();
    match start {
        "accepted" => s.push("accepted", d.accepted),
        "design-submitted" => s.push("design_submitted", d.design_submitted),
        "mid-check-requested" => s.push("mid_check_requested", d.mid_check_requested),
        "completion-requested" => s.push("completion_requested", d.completion_requested),
        "formalities" if d.formalities.is_some() => s.push("formalities", d.formalities),
        "formalities" => {
            s.push("inspection_passed", d.inspection_passed.or(d.inspected));
            s.push("formalities_latest", d.formalities_latest);
        }
        _ => {}
    }
    s
}

pub(crate) fn pick_value<'v>(values: &'v [Value], sel: &[&str]) -> Option<&'v Value> {
    sel.iter()
        .find_map(|s| values.iter().find(|v| v.for_.as_deref() == Some(*s)))
}

/// A computed deadline.
struct Deadline {
    due: NaiveDate,
    /// Working days excluded because of pauses (CAL-10).
    paused_wd: i64,
}

fn deadline(
    ctx: &Ctx,
    start: NaiveDate,
    amount: u32,
    unit: &str,
    convention: Convention,
) -> Option<Deadline> {
    let cal = ctx.cal;
    match unit {
        "working-days" => {
            let start = match convention {
                Convention::DeemedNextWorkday if !cal.is_working_day(start) => {
                    cal.add_working_days(start, 1)?
                }
                _ => start,
            };
            let pauses = ctx.case.paused.iter().map(|p| (p.from, p.to));
            let d = crate::pauses::deadline(cal, start, i64::from(amount), pauses)?;
            Some(Deadline {
                due: d.due,
                paused_wd: d.paused_working_days,
            })
        }
        "calendar-days" => Some(Deadline {
            due: period::end_of_days(start, amount)?,
            paused_wd: 0,
        }),
        "months" => Some(Deadline {
            due: period::end_of_months(start, amount)?,
            paused_wd: 0,
        }),
        "years" => Some(Deadline {
            due: period::end_of_months(start, amount.checked_mul(12)?)?,
            paused_wd: 0,
        }),
        _ => None,
    }
}

/// "10 working days" after the number, in Chinese and English; English
/// says "1 month", not "1 months".
fn unit_words(unit: &str, amount: u32) -> (&str, &str) {
    let one = amount == 1;
    match unit {
        "working-days" if one => ("个工作日", " working day"),
        "working-days" => ("个工作日", " working days"),
        "calendar-days" if one => ("天", " calendar day"),
        "calendar-days" => ("天", " calendar days"),
        "months" if one => ("个月", " month"),
        "months" => ("个月", " months"),
        "years" if one => ("年", " year"),
        "years" => ("年", " years"),
        // The schema admits no other unit; a stranger is shown as it is.
        other => (other, other),
    }
}

pub(crate) fn check(ctx: &mut Ctx) {
    let hv = ctx.case.customer.category == Category::HighVoltage;
    if hv && ctx.case.supply.sources == Sources::Unknown {
        let src = ctx.in_force("TL-02", ctx.application_date()).next();
        ctx.push_prose(
            "TL-02",
            Outcome::Warning,
            src,
            crate::Mark::R,
            || text("未说明单电源还是双电源: 按单电源(时限更短)评估。", "Single or dual source not stated: evaluated as single source (the shorter limits)."),
            Evidence { inputs: vec!["supply.sources".into()], ..Evidence::default() },
        );
    }
    for step in STEPS {
        check_step(ctx, step);
    }
    if ctx.case.utility.province.is_some() {
        let src = ctx.in_force("CAL-13", ctx.application_date()).next();
        ctx.push_prose(
            "CAL-13",
            Outcome::Warning,
            src,
            crate::Mark::R,
            || {
                text(
                    "只使用了全国节假日安排；当地的民族节日或临时假期未计入。",
                    "Only the national holiday calendar was used; local holidays are not included.",
                )
            },
            Evidence {
                inputs: vec!["utility.province".into()],
                ..Evidence::default()
            },
        );
    }
}

fn check_step(ctx: &mut Ctx, step: &StepDef) {
    let arising = if step.rule == "TL-06" {
        starts_for(ctx, "formalities")
            .as_slice()
            .first()
            .map(|s| s.1)
    } else {
        date_of(ctx, step.start_field)
    };
    let done = date_of(ctx, step.end_field);
    let Some(arising) = arising else {
        // Not reached yet, unless a later milestone shows it happened.
        if done.is_some() || (step.rule == "TL-01" && !ctx.case.dates.given().is_empty()) {
            let field = if step.rule == "TL-06" {
                "dates.formalities"
            } else {
                step.start_field
            };
            let field = if field.starts_with("dates.") {
                field
            } else {
                names_of(field).input
            };
            if let Some(s) = Step::for_rule(step.rule) {
                ctx.cannot_determine(step.rule, field, Question::StepOnTime(s));
            }
        }
        return;
    };
    let sel = ctx.selectors;
    let provisions = ctx.in_force(step.rule, arising);
    let first_new = ctx.findings.len();
    let mut dues = Vec::new();
    for src in provisions {
        let Some(v) = pick_value(&src.provision.values, sel) else {
            continue;
        };
        let start_key = v.start.as_deref().unwrap_or("accepted");
        let starts = starts_for(ctx, start_key);
        let starts = starts.as_slice();
        if starts.is_empty() {
            let field = match start_key {
                "formalities" => "dates.formalities",
                "accepted" => "dates.accepted",
                other => other,
            };
            if let Some(s) = Step::for_rule(step.rule) {
                ctx.cannot_determine(step.rule, field, Question::StepStart(s));
            }
            continue;
        }
        evaluate_value(ctx, step, src, v, starts, done, &mut dues);
    }
    // TL-09: several regimes side by side.
    let regimes = ctx.findings[first_new..]
        .iter()
        .filter(|f| f.citation.is_some())
        .count();
    if regimes > 1 {
        for f in &mut ctx.findings[first_new..] {
            f.basis.push("TL-09");
        }
    }
    if let Some(s) = Step::for_rule(step.rule) {
        if !dues.is_empty() {
            let (zh, en) = s.names();
            ctx.timeline.push(TimelineStep {
                step: s,
                name_zh: zh.into(),
                name_en: en.into(),
                due: dues,
            });
        }
    }
}

fn status(ctx: &Ctx, due: NaiveDate, done: Option<NaiveDate>) -> StepStatus {
    let cal = ctx.cal;
    match done {
        Some(d) if d <= due => StepStatus::DoneOnTime,
        Some(d) => StepStatus::DoneLate {
            days_late: (d - due).num_days(),
            working_days_late: cal.working_days_between(due, d),
        },
        None if ctx.as_of <= due => StepStatus::DueIn {
            working_days: cal.working_days_between(ctx.as_of, due),
        },
        None => StepStatus::OverdueBy {
            working_days: cal.working_days_between(due, ctx.as_of).max(1),
        },
    }
}

fn evaluate_value(
    ctx: &mut Ctx,
    step: &StepDef,
    src: InForce<'_>,
    v: &Value,
    starts: &[(&'static str, NaiveDate)],
    done: Option<NaiveDate>,
    dues: &mut Vec<Due>,
) {
    let amount = v.amount.unwrap_or(0);
    let unit = v.unit.as_deref().unwrap_or("working-days");
    let kind = v.kind.as_deref().unwrap_or("limit");
    let utility_side = v.scope.as_deref() == Some("utility-side");
    let mark = src.provision.value_mark(v);
    let convention = ctx.case.convention;
    let (step_zh, step_en) = Step::for_rule(step.rule)
        .map(|s| s.names())
        .unwrap_or(("", ""));

    // The dates, counts and holidays behind a deadline explain it to a
    // reader; a summary drops them, so they are only gathered with the prose.
    // (The fields read and the coverage gap are kept: they decide outcomes.)
    let explain = ctx.prose;
    let mut evidence = Evidence {
        inputs: Vec::with_capacity(starts.len() + 1),
        ..Evidence::default()
    };
    let mut results = Vec::with_capacity(starts.len());
    for (field, start) in starts {
        let Some(dl) = deadline(ctx, *start, amount, unit, convention) else {
            continue;
        };
        let names = names_of(field);
        evidence.inputs.push(names.input.into());
        let end = done.unwrap_or(ctx.as_of);
        let hi = end.max(dl.due);
        if explain {
            let several = starts.len() > 1;
            evidence.dates.insert(names.start.into(), *start);
            let key = if several { names.due } else { "due" };
            evidence.dates.insert(key.into(), dl.due);
            if dl.paused_wd > 0 {
                evidence
                    .numbers
                    .insert("paused_working_days".into(), dl.paused_wd as f64);
            }
            if unit == "working-days" {
                let label = if several {
                    names.elapsed
                } else {
                    "working_days_elapsed"
                };
                let elapsed = ctx.cal.working_days_between(*start, end);
                evidence.numbers.insert(label.into(), elapsed as f64);
            }
            for s in ctx.cal.special_days_between(*start, hi) {
                if !evidence.crossed.contains(s) {
                    evidence.crossed.push(SpecialDay::clone(s));
                }
            }
        }
        if let Some(g) = ctx.cal.gap(*start, hi) {
            evidence.coverage_gap = Some(g);
        }
        results.push((*field, *start, dl));
    }
    let Some(&(_, first_start, ref first_dl)) = results.first() else {
        return;
    };
    if let Some(d) = done {
        if explain {
            evidence.dates.insert("done".into(), d);
        }
        evidence.inputs.push(names_of(step.end_field).input.into());
    }
    if explain {
        evidence.numbers.insert("limit".into(), f64::from(amount));
    }

    // Outcome from each start; all must agree to be definite.
    let late = |(_, _, dl): &(&str, NaiveDate, Deadline)| done.unwrap_or(ctx.as_of) > dl.due;
    let any_late = results.iter().any(late);
    let all_late = results.iter().all(late);
    let completed = done.is_some();
    let mut outcome = if !any_late {
        Outcome::Ok
    } else if all_late {
        Outcome::Overdue
    } else {
        Outcome::Warning
    };
    // At most CAL-02, CAL-11, TL-08, CAL-04 and CAL-10.
    let mut basis = Vec::with_capacity(5);
    basis.push("CAL-02");
    let mut extra_caveats = Vec::new();
    if kind != "limit" && outcome == Outcome::Overdue {
        outcome = Outcome::Warning;
        extra_caveats.push(text(
            if kind == "average-target" {
                "这是平均值目标，单个案例超过不等于逾期。"
            } else {
                "这是政策目标，不是单个案例的法定时限。"
            },
            if kind == "average-target" {
                "This is an average target; one case above it is not overdue."
            } else {
                "This is a policy target, not a legal limit for one case."
            },
        ));
    }
    if utility_side && ctx.case.paused.is_empty() && outcome == Outcome::Overdue {
        outcome = Outcome::Warning;
        extra_caveats.push(text(
            "该时限只计供电企业一侧的时间；未填写客户原因的暂停时段(paused)，无法扣除客户自己的设计、施工时间。",
            "This limit counts only the utility's time; no customer-side pauses (`paused`) were given, so the customer's own design and construction time cannot be subtracted.",
        ));
    }
    // CAL-11: a deadline computed without holiday data, missed by less than a holiday span.
    if let Some(g) = evidence.coverage_gap {
        ctx.note_gap(g);
        let margin = (done.unwrap_or(ctx.as_of) - first_dl.due).num_days().abs();
        if outcome == Outcome::Overdue && margin < 8 {
            outcome = Outcome::Warning;
            extra_caveats.push(text(
                "日历数据缺失且超出不足8天，不判逾期。",
                "Calendar data missing and the margin is under 8 days: not called overdue.",
            ));
        }
        basis.push("CAL-11");
    }
    if let Some(d) = done {
        if !ctx.cal.is_working_day(d) {
            basis.push("TL-08");
            if d > first_dl.due {
                basis.push("CAL-04");
            }
        }
    }
    if results.iter().any(|(_, _, dl)| dl.paused_wd > 0) {
        basis.push("CAL-10");
    }
    if starts.len() > 1 || (step.rule == "TL-06" && ctx.case.dates.formalities.is_none()) {
        extra_caveats.push(text(
            "手续办结日期未知: 按检验合格日(最早可能的起算日)计算，并给出按最晚可能日期计算的结果。",
            "Formalities date unknown: counted from the inspection pass (the earliest possible start), with the latest possible date shown too.",
        ));
    }
    let as_of = ctx.as_of;
    let verdict = match (outcome, completed) {
        (Outcome::Ok, true) => ("按时", "on time"),
        (Outcome::Ok, false) => ("尚在期限内", "still within the limit"),
        (Outcome::Overdue, _) => ("逾期", "overdue"),
        _ => ("需注意", "check"),
    };
    // Written straight into two strings: this is the most frequent message.
    let message = || {
        use crate::day::push_iso;
        use std::fmt::Write;
        let (unit_zh, unit_en) = unit_words(unit, amount);
        let (i, p) = (src.instrument, src.provision);
        let mut zh = String::with_capacity(192);
        let mut en = String::with_capacity(192);
        let article = p.article.as_deref().unwrap_or("");
        let _ = write!(
            zh,
            "{step_zh}: 《{}》{article}规定 {amount}{unit_zh}",
            i.title
        );
        let _ = write!(
            en,
            "{step_en}: {} ({}) allows {amount}{unit_en}",
            i.title_en, i.version
        );
        for (_, s, dl) in &results {
            zh.push_str("；自 ");
            push_iso(&mut zh, *s);
            zh.push_str(" 起算，期限 ");
            push_iso(&mut zh, dl.due);
            en.push_str("; from ");
            push_iso(&mut en, *s);
            en.push_str(", due ");
            push_iso(&mut en, dl.due);
        }
        match done {
            Some(d) => {
                zh.push_str("；实际 ");
                push_iso(&mut zh, d);
                en.push_str("; done ");
                push_iso(&mut en, d);
            }
            None => {
                zh.push_str("；截至 ");
                push_iso(&mut zh, as_of);
                zh.push_str(" 尚未完成");
                en.push_str("; not done as of ");
                push_iso(&mut en, as_of);
            }
        }
        let _ = write!(zh, "。结论: {}。", verdict.0);
        let _ = write!(en, ". Result: {}.", verdict.1);
        text(zh, en)
    };
    let f = ctx.push_prose(step.rule, outcome, Some(src), mark, message, evidence);
    // `push` gives a finding no basis yet (caveats it may: an instrument
    // whose in-force dates are unverified). These caveats are fixed
    // sentences, borrowed, so a summary (which drops them) loses nothing
    // by building them.
    f.basis = basis;
    f.caveats
        .extend(extra_caveats.into_iter().map(Caveat::Prose));

    // CAL-03: would the alternative convention change the result?
    if unit == "working-days" && !ctx.cal.is_working_day(first_start) {
        let other = match convention {
            Convention::ExcludeStart => Convention::DeemedNextWorkday,
            Convention::DeemedNextWorkday => Convention::ExcludeStart,
        };
        if let Some(alt) = deadline(ctx, first_start, amount, unit, other) {
            let end = done.unwrap_or(ctx.as_of);
            if (end > alt.due) != (end > first_dl.due) {
                let src3 = ctx.in_force("CAL-03", first_start).next();
                let mut ev = Evidence::default();
                ev.dates.insert("start".into(), first_start);
                ev.dates.insert("due".into(), first_dl.due);
                ev.dates.insert("due:alternative".into(), alt.due);
                ctx.push_prose(
                    "CAL-03",
                    Outcome::Warning,
                    src3,
                    crate::Mark::R,
                    || text(
                        format!("{step_zh}(《{}》): 起算日 {first_start} 是休息日。按另一种算法(视为下一个工作日收到)期限为 {}，结论会不同。", src.instrument.title, alt.due),
                        format!("{step_en} ({}): the start {first_start} is a rest day. Under the other convention (deemed received the next working day) the deadline is {}, and the result differs.", src.instrument.title_en, alt.due),
                    ),
                    ev,
                );
            }
        }
    }
    // The timeline is for reading too; a summary has none.
    if !explain {
        return;
    }
    dues.push(Due {
        instrument: src.instrument.id.clone(),
        title: src.instrument.title.clone(),
        version: src.instrument.version.clone(),
        start: first_start,
        due: first_dl.due,
        done,
        status: status(ctx, first_dl.due, done),
        mark,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every date field a step starts or ends on, and every start
    /// `starts_for` can return, has its own evidence names (the fallback arm
    /// of `names_of` is for none of them).
    #[test]
    fn every_step_field_has_its_evidence_names() {
        let starts = ["inspection_passed", "formalities_latest"];
        let fields = STEPS
            .iter()
            .flat_map(|s| [s.start_field, s.end_field])
            .chain(starts);
        for f in fields {
            let n = names_of(f);
            assert_eq!(n.input, format!("dates.{f}"));
            assert_eq!(n.start, format!("start:{f}"));
            assert_eq!(n.due, format!("due:{f}"));
            assert_eq!(n.elapsed, format!("working_days_elapsed:{f}"));
        }
    }
}
