//! The draft read as a case: every field that cannot be read is left out
//! and reported, so results stay live while the user fixes one field.

use super::{Checked, Draft, FieldError, DATE_FIELDS};
use crate::lang::Lang;
use chrono::NaiveDate;
use yekuo::case::{
    Activity, Applicant, Case, Category, Circuit, Conduct, Contractor, Convention, Customer, Dates,
    EmergencyKind, EmergencySource, Operator, Outage, Pause, Supply, Utility, FORMAT,
};
use yekuo::limits;

impl Draft {
    /// Read the draft as a case. Fields that cannot be read are left out of
    /// the case and listed in `errors`; the rest is evaluated as usual.
    pub fn check(&self) -> Checked {
        let mut r = Reader::default();
        let (Some(category), Some(business)) = (self.category(), self.business()) else {
            return Checked {
                case: None,
                errors: Vec::new(),
            };
        };
        let voltage_kv = r.number("customer.voltage_kv", &self.voltage_kv);
        let voltage_kv = voltage_kv.filter(|&kv| {
            let lv = category != Category::HighVoltage;
            let ok = if lv { kv < 1.0 } else { kv >= 1.0 };
            if !ok {
                let kv = yekuo::decimal::Decimal(kv);
                r.error(
                    "customer.voltage_kv",
                    if lv {
                        format!("低压客户的电压应为 0.22 或 0.38 千伏，而不是 {kv} 千伏；如为高压请改选\"高压客户\"")
                    } else {
                        format!("高压客户的电压应在 1 千伏以上(如 10 千伏)，而不是 {kv} 千伏")
                    },
                    if lv {
                        format!("A low-voltage customer is supplied at 0.22 or 0.38 kV, not {kv} kV; choose high voltage if that is the case")
                    } else {
                        format!("A high-voltage customer is supplied at 1 kV or more (e.g. 10 kV), not {kv} kV")
                    },
                );
            }
            ok
        });
        let capacity_kva = r.number("customer.capacity_kva", &self.capacity_kva);
        let capacity_kw = r.number("customer.capacity_kw", &self.capacity_kw);
        let load_grade = r.small("supply.load_grade", &self.load_grade, limits::LOAD_GRADES);
        let contractors = self
            .contractors
            .iter()
            .enumerate()
            .map(|(i, c)| Contractor {
                name: non_empty(&c.name),
                licensed: c.licensed,
                tier: r.small(
                    &format!("contractors.{i}.tier"),
                    &c.tier,
                    limits::LICENCE_TIERS,
                ),
                categories: activities(&c.categories),
                activities: activities(&c.activities),
                valid_until: r.date(&format!("contractors.{i}.valid_until"), &c.valid_until),
                affiliate_of_utility: c.affiliate_of_utility,
            })
            .collect();
        let mut dates = Dates::default();
        for (f, text) in DATE_FIELDS.iter().zip(&self.dates) {
            if !text.is_empty() {
                let d = r.date(&format!("dates.{}", f.key), text);
                set_date(&mut dates, f.key, d);
            }
        }
        // Dates in an impossible order (the core's pairs): the later one is
        // left out and reported, both named by their form labels.
        while let Some(o) = dates.out_of_order() {
            set_date(&mut dates, o.later, None);
            let (zh, en) = both(&format!("dates.{}", o.earlier));
            let (x, y) = (o.earlier_day, o.later_day);
            r.error(
                &format!("dates.{}", o.later),
                format!("{y} 早于{zh}({x})；请核对这两个日期"),
                format!("{y} is before {en} ({x}); check both dates"),
            );
        }
        let paused = self
            .paused
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let from = r.date(&format!("paused.{i}.from"), &p.from);
                let to = r.date(&format!("paused.{i}.to"), &p.to);
                if let (Some(from), Some(to)) = (from, to) {
                    if to < from {
                        let (zh, en) = both(&format!("paused.{i}.from"));
                        r.error(
                            &format!("paused.{i}.to"),
                            format!("{to} 早于{zh}({from})"),
                            format!("{to} is before {en} ({from})"),
                        );
                        return None;
                    }
                }
                Some(Pause {
                    from: from?,
                    to: to?,
                    reason: non_empty(&p.reason),
                })
            })
            .collect();
        let emergency_sources = self
            .emergency
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let kind = EmergencyKind::parse(&e.kind)?;
                Some(EmergencySource {
                    kind,
                    kw: r.number(&format!("supply.emergency_sources.{i}.kw"), &e.kw),
                    kva: r.number(&format!("supply.emergency_sources.{i}.kva"), &e.kva),
                    loads: non_empty(&e.loads),
                })
            })
            .collect();
        let demanded_tier = r.small(
            "conduct.demanded_tier",
            &self.conduct.demanded_tier,
            limits::LICENCE_TIERS,
        );
        let o = &self.outage;
        let outage_date = r.date("outage.date", &o.date);
        let mut notice_date = r.date("outage.notice_date", &o.notice_date);
        // "No notice" beside a notice date: the date is left out (the case
        // format refuses both) and located, so the user settles which holds.
        if o.notice_served == Some(false) && notice_date.is_some() {
            notice_date = None;
            r.error(
                "outage.notice_date",
                "上面选了未收到停电通知，这里却填了送达日期；请删去日期，或把上一问改为“是”。",
                "Above, no notice was received, yet a date is given here; clear the date, or answer \"Yes\" above.",
            );
        }
        if outage_date.is_none() && o.date.trim().is_empty() && !o.is_empty() {
            r.error(
                "outage.date",
                "未填写；没有停电日期，无法核对停电通知是否及时。",
                "Not given; without it the outage notice cannot be checked.",
            );
        }
        let outage = outage_date.map(|date| Outage {
            date,
            notice_date,
            notice_served: o.notice_served,
            reminder_given: o.reminder_given,
        });
        let c = &self.conduct;
        // The form offers the operators by code; an old save or an import
        // may carry another spelling, which is named rather than guessed.
        let operator = match self.operator.trim() {
            "" => Operator::default(),
            t => Operator::from_spelling(t).unwrap_or_else(|| {
                r.error(
                    "utility.operator",
                    format!("\"{t}\" 不是可选的供电企业"),
                    format!("\"{t}\" is not one of the utilities offered"),
                );
                Operator::default()
            }),
        };
        let mut case = Case {
            format: FORMAT.to_string(),
            title: non_empty(&self.title),
            customer: Customer {
                category,
                business,
                change_kind: non_empty(&self.change_kind),
                voltage_kv,
                capacity_kva,
                capacity_kw,
                agent: self.agent,
                government_project: self.government_project,
                important: self.important,
                special_load: self.special_load,
                ownership_unclear: self.ownership_unclear,
                external_works: self.external_works,
            },
            utility: Utility {
                operator,
                one_id_acceptance: self.one_id_acceptance,
                province: non_empty(&self.province),
            },
            supply: Supply {
                sources: self.sources(),
                load_grade,
                especially_important: self.especially_important,
                hazards: self.hazards.lines().filter_map(non_empty).collect(),
                circuits: self
                    .circuits
                    .iter()
                    .filter(|c| !c.substation.trim().is_empty() || !c.bus_section.trim().is_empty())
                    .map(|c| Circuit {
                        substation: c.substation.trim().to_string(),
                        bus_section: c.bus_section.trim().to_string(),
                    })
                    .collect(),
                dedicated_line: self.dedicated_line,
                emergency_sources,
                plan_mentions_self_emergency: self.plan_mentions_self_emergency,
                separate_distribution: self.separate_distribution,
            },
            documents: self.documents.clone(),
            dates,
            paused,
            contractors,
            conduct: Conduct {
                utility_recommended_contractor: c.utility_recommended_contractor,
                written_notice_of_missing_documents: c.written_notice_of_missing_documents,
                defects_found: c.defects_found,
                defects_notified_in_writing: c.defects_notified_in_writing,
                stalled_without_notice: c.stalled_without_notice,
                gifts_or_banquets: c.gifts_or_banquets,
                unauthorised_fees: c.unauthorised_fees,
                demanded_tier,
                plan_changed: c.plan_changed,
            },
            outage,
            convention: Convention::parse(&self.convention).unwrap_or_default(),
            applicant: {
                let a = &self.applicant;
                let due = r.date("applicant.documents_due", &a.documents_due);
                let applicant = Applicant {
                    name: non_empty(&a.name),
                    address: non_empty(&a.address),
                    account: non_empty(&a.account),
                    counter: non_empty(&a.counter),
                    documents_due: due,
                };
                (applicant != Applicant::default()).then_some(applicant)
            },
        };
        // Cross-field checks belong to the core. Each failure blanks the field
        // it names (so the rest still evaluates) and is reported; the loop
        // ends because every round removes one value.
        for _ in 0..64 {
            let Err(e) = case.check() else { break };
            if !blank(&mut case, &e.field) {
                r.error(&e.field, e.message_zh, e.message_en);
                break;
            }
            r.error(&e.field, e.message_zh, e.message_en);
        }
        Checked {
            case: Some(case),
            errors: r.errors,
        }
    }
}

/// Full-width forms read as ASCII (the core's, which case dates use too).
pub use yekuo::halfwidth::ascii;

/// Steps that have happened once a date is given: a day after the as-of
/// day cannot be theirs. Left out: `formalities_latest` and
/// `extension_granted_until`, which are bounds and may lie ahead.
fn has_happened(key: &str) -> bool {
    !matches!(key, "formalities_latest" | "extension_granted_until")
}

impl Draft {
    /// [`Draft::check`], plus what needs the day and the controls: a date
    /// control holding text that is no date (`bad_input`, the browser then
    /// reports an empty value) and a step dated after `as_of` are located
    /// errors too. `today`: whether `as_of` is today, to word it so.
    pub fn check_at(&self, as_of: NaiveDate, today: bool, bad_input: &[String]) -> Checked {
        let mut checked = self.check();
        let mut r = Reader {
            errors: std::mem::take(&mut checked.errors),
        };
        for (f, text) in DATE_FIELDS.iter().zip(&self.dates) {
            let key = format!("dates.{}", f.key);
            if !has_happened(f.key) || r.errors.iter().any(|e| e.field == key) {
                continue;
            }
            let Ok(d) = yekuo::day::read_case_day(ascii(text).trim()) else {
                continue;
            };
            if d > as_of {
                // Left out like a date out of order, so nothing is counted
                // from a day that has not come.
                if let Some(case) = checked.case.as_mut() {
                    set_date(&mut case.dates, f.key, None);
                }
                let (zh, en) = if today {
                    (format!("今天({as_of})"), format!("today ({as_of})"))
                } else {
                    (
                        format!("评估日期({as_of})"),
                        format!("the as-of date ({as_of})"),
                    )
                };
                r.error(
                    &key,
                    format!("{d} 晚于{zh}；已办理的步骤不会在将来，请核对；还没到的步骤请留空"),
                    format!("{d} is after {en}; a step that has happened cannot be in the future. Check it, or leave it empty if it has not happened yet"),
                );
            }
        }
        for key in bad_input {
            // The message replaces any about the value the draft still keeps.
            r.errors.retain(|e| e.field != *key);
            r.error(
                key,
                "请输入有效日期: 这一天不存在，或年、月、日没有填完整",
                "Enter a valid date: this day does not exist, or the year, month or day is incomplete",
            );
        }
        checked.errors = r.errors;
        checked
    }
}

/// Remove from `report` the findings that read a field with an error; the
/// fields they read (with an error) are returned, each once, to be named.
pub fn hold_back(report: &mut yekuo::report::Report, errors: &[FieldError]) -> Vec<String> {
    let mut fields: Vec<String> = Vec::new();
    report.findings.retain(|f| {
        let bad: Vec<String> = f
            .inputs
            .iter()
            // The core names list items `contractors[0].x`, the form `contractors.0.x`.
            .map(|i| i.replace('[', ".").replace(']', ""))
            .filter(|i| errors.iter().any(|e| e.field == *i))
            .collect();
        for b in &bad {
            if !fields.contains(b) {
                fields.push(b.clone());
            }
        }
        bad.is_empty()
    });
    fields
}

/// A field's form label in both languages, quoted, for a message that names
/// another field than its own.
fn both(key: &str) -> (String, String) {
    let quoted = |lang: Lang, open: &str, close: &str| {
        let l = crate::labels::label(key, lang).unwrap_or_else(|| key.to_string());
        format!("{open}{l}{close}")
    };
    (quoted(Lang::Zh, "“", "”"), quoted(Lang::En, "\"", "\""))
}

fn activities(v: &[String]) -> Vec<Activity> {
    v.iter().filter_map(|a| Activity::parse(a)).collect()
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn set_date(dates: &mut Dates, key: &str, d: Option<NaiveDate>) {
    let slot = match key {
        "accepted" => &mut dates.accepted,
        "plan_issued" => &mut dates.plan_issued,
        "plan_signed" => &mut dates.plan_signed,
        "design_submitted" => &mut dates.design_submitted,
        "design_reviewed" => &mut dates.design_reviewed,
        "mid_check_requested" => &mut dates.mid_check_requested,
        "mid_check_started" => &mut dates.mid_check_started,
        "construction_start" => &mut dates.construction_start,
        "completion_requested" => &mut dates.completion_requested,
        "inspected" => &mut dates.inspected,
        "inspection_passed" => &mut dates.inspection_passed,
        "formalities" => &mut dates.formalities,
        "formalities_latest" => &mut dates.formalities_latest,
        "power_on" => &mut dates.power_on,
        "extension_requested" => &mut dates.extension_requested,
        "extension_granted_until" => &mut dates.extension_granted_until,
        _ => return,
    };
    *slot = d;
}

/// Remove the value a core error names, so the rest of the case still evaluates.
fn blank(case: &mut Case, field: &str) -> bool {
    if let Some(key) = field.strip_prefix("dates.") {
        set_date(&mut case.dates, key, None);
        return true;
    }
    if let Some(rest) = field.strip_prefix("paused[") {
        if let Some(i) = rest.split(']').next().and_then(|i| i.parse::<usize>().ok()) {
            if i < case.paused.len() {
                case.paused.remove(i);
                return true;
            }
        }
    }
    false
}

/// Collects field errors while reading text values.
#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    fn error(&mut self, field: &str, zh: impl Into<String>, en: impl Into<String>) {
        // The core names list items `paused[0].to`; the form uses `paused.0.to`.
        let field = field.replace('[', ".").replace(']', "");
        self.errors.push(FieldError {
            field,
            zh: zh.into(),
            en: en.into(),
        });
    }

    fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let t = &ascii(text);
        let t = t.trim();
        if t.is_empty() {
            return None;
        }
        match yekuo::day::read_case_day(t) {
            Ok(d) => Some(d),
            Err(yekuo::day::DayError::OutOfRange(d)) => {
                let (first, last) = limits::case_years();
                self.error(
                    field,
                    format!("{d} 超出可计算范围；请填写 {first} 至 {last} 年之间的日期"),
                    format!("{d} is out of range; give a date between {first} and {last}"),
                );
                None
            }
            Err(yekuo::day::DayError::NotADate) => {
                self.error(
                    field,
                    format!("\"{t}\" 不是有效日期；请按 年-月-日 填写，例如 2010-06-15"),
                    format!("\"{t}\" is not a real date; write YYYY-MM-DD, e.g. 2010-06-15"),
                );
                None
            }
        }
    }

    fn number(&mut self, field: &str, text: &str) -> Option<f64> {
        let t = &ascii(text);
        let t = t.trim();
        if t.is_empty() {
            return None;
        }
        match yekuo::decimal::parse(t) {
            Some(x) if x > 0.0 && x <= limits::MAX_QUANTITY => Some(x),
            _ => {
                let max = yekuo::decimal::Decimal(limits::MAX_QUANTITY);
                self.error(
                    field,
                    format!("\"{t}\" 无效；请填写大于 0、不超过 {max} 的数字"),
                    format!("\"{t}\" is not valid; give a number above 0 and at most {max}"),
                );
                None
            }
        }
    }

    fn small(
        &mut self,
        field: &str,
        text: &str,
        allowed: std::ops::RangeInclusive<u8>,
    ) -> Option<u8> {
        let t = &ascii(text);
        let t = t.trim();
        if t.is_empty() {
            return None;
        }
        match t.parse::<u8>() {
            Ok(x) if allowed.contains(&x) => Some(x),
            _ => {
                let (lo, hi) = (allowed.start(), allowed.end());
                self.error(
                    field,
                    format!("\"{t}\" 无效；允许 {lo} 至 {hi}"),
                    format!("\"{t}\" is not valid; allowed: {lo} to {hi}"),
                );
                None
            }
        }
    }
}
