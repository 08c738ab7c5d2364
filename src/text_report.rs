//! The readable report of `yekuo check --format text`.

use yekuo::report::{Finding, Report, StepStatus};

pub fn render(r: &Report, english: bool) -> String {
    let mut s = String::new();
    let t = |zh: &str, en: &str| {
        if english {
            en.to_string()
        } else {
            zh.to_string()
        }
    };
    s.push_str(&t(
        &format!("yekuo {} 预检报告 (截至 {})\n", r.yekuo_version, r.as_of),
        &format!("yekuo {} report (as of {})\n", r.yekuo_version, r.as_of),
    ));
    s.push_str(&t(
        &format!(
            "节假日数据覆盖 {} 至 {}\n\n",
            r.calendar_coverage.0, r.calendar_coverage.1
        ),
        &format!(
            "Holiday data covers {} to {}\n\n",
            r.calendar_coverage.0, r.calendar_coverage.1
        ),
    ));
    let mut findings: Vec<&Finding> = r.findings.iter().collect();
    findings.sort_by_key(|f| f.outcome);
    for f in findings {
        let outcome = if english {
            f.outcome.code().to_string()
        } else {
            f.outcome.zh().to_string()
        };
        s.push_str(&format!(
            "[{outcome}] {} {}\n",
            f.rule,
            if english {
                &f.message.en
            } else {
                &f.message.zh
            }
        ));
        if let Some(c) = &f.citation {
            let art = c
                .article
                .as_deref()
                .map_or_else(|| t("条文号未知", "article unknown"), str::to_string);
            s.push_str(&format!(
                "    {} 《{}》{} {} {}\n",
                t("依据", "basis"),
                c.title,
                c.version,
                art,
                c.mark
            ));
        }
        for cv in &f.caveats {
            s.push_str(&format!(
                "    ! {}\n",
                if english { &cv.en } else { &cv.zh }
            ));
        }
        if !f.evidence.crossed.is_empty() {
            let days: Vec<String> = f
                .evidence
                .crossed
                .iter()
                .map(|d| {
                    format!(
                        "{} {}{}",
                        d.date,
                        d.name,
                        if d.kind == yekuo::calendar::DayKind::MakeUpWorkday {
                            t("(调休上班)", " (make-up workday)")
                        } else {
                            String::new()
                        }
                    )
                })
                .collect();
            s.push_str(&format!(
                "    {}: {}\n",
                t("经过的节假日/调休", "holidays crossed"),
                days.join(", ")
            ));
        }
    }
    if !r.timeline.is_empty() {
        s.push_str(&t("\n时间表\n", "\nTimeline\n"));
        for step in &r.timeline {
            s.push_str(&format!(
                "  {}\n",
                if english {
                    &step.name_en
                } else {
                    &step.name_zh
                }
            ));
            for d in &step.due {
                let st = match d.status {
                    StepStatus::DoneOnTime => t("按时完成", "done on time"),
                    StepStatus::DoneLate {
                        days_late,
                        working_days_late,
                    } => t(
                        &format!("逾期完成(晚{days_late}天，{working_days_late}个工作日)"),
                        &format!("done {days_late} days ({working_days_late} working days) late"),
                    ),
                    StepStatus::DueIn { working_days } => t(
                        &format!("还剩{working_days}个工作日"),
                        &format!("due in {working_days} working days"),
                    ),
                    StepStatus::OverdueBy { working_days } => t(
                        &format!("已逾期{working_days}个工作日"),
                        &format!("overdue by {working_days} working days"),
                    ),
                };
                s.push_str(&format!(
                    "    {} {}: {} {} — {st}\n",
                    d.title,
                    d.version,
                    t("期限", "due"),
                    d.due
                ));
            }
        }
    }
    s
}
