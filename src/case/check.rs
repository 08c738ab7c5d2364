//! The checks serde cannot express: the format, quantities, load grades,
//! licence tiers, how many documents, pauses, the order of the dates and an
//! outage notice both dated and said not served.

use super::{Case, CaseError, Dates, FORMAT};
use crate::decimal::Decimal;
use crate::limits;
use chrono::NaiveDate;

impl Case {
    /// Checks that serde cannot express.
    pub fn check(&self) -> Result<(), CaseError> {
        if self.format != FORMAT {
            return Err(CaseError::new(
                "format",
                format!(
                    "`{}` is not a supported format; this version reads `{FORMAT}`",
                    self.format
                ),
                format!("不支持的格式 `{}`；本版本读取 `{FORMAT}`", self.format),
            ));
        }
        let c = &self.customer;
        for (name, v) in [
            ("customer.voltage_kv", c.voltage_kv),
            ("customer.capacity_kva", c.capacity_kva),
            ("customer.capacity_kw", c.capacity_kw),
        ] {
            if let Some(x) = v {
                if !(x.is_finite() && x > 0.0 && x <= limits::MAX_QUANTITY) {
                    let (x, max) = (Decimal(x), Decimal(limits::MAX_QUANTITY));
                    return Err(CaseError::new(
                        name,
                        format!("{x} is not possible; give a positive number (at most {max})"),
                        format!("{x} 不是有效数值；应为正数(不超过{max})"),
                    ));
                }
            }
        }
        if let Some(g) = self.supply.load_grade {
            if !limits::LOAD_GRADES.contains(&g) {
                let (first, last) = (limits::LOAD_GRADES.start(), limits::LOAD_GRADES.end());
                return Err(CaseError::new(
                    "supply.load_grade",
                    format!("{g} is not a load grade; allowed: {first} to {last}"),
                    format!("负荷等级 {g} 无效；允许 {first} 至 {last}"),
                ));
            }
        }
        let tiers = self
            .contractors
            .iter()
            .enumerate()
            .map(|(i, k)| (format!("contractors[{i}].tier"), k.tier));
        for (field, tier) in tiers.chain([(
            "conduct.demanded_tier".to_string(),
            self.conduct.demanded_tier,
        )]) {
            if let Some(t) = tier.filter(|t| !limits::LICENCE_TIERS.contains(t)) {
                let (first, last) = (limits::LICENCE_TIERS.start(), limits::LICENCE_TIERS.end());
                return Err(CaseError::new(
                    field,
                    format!("{t} is not a licence tier; allowed: {first} to {last}"),
                    format!("许可证等级 {t} 无效；允许 {first} 至 {last}"),
                ));
            }
        }
        if self.documents.len() > limits::MAX_DOCUMENTS {
            let max = limits::MAX_DOCUMENTS;
            return Err(CaseError::new(
                "documents",
                format!("more than {max} documents listed"),
                format!("所列资料超过{max}项"),
            ));
        }
        for (i, p) in self.paused.iter().enumerate() {
            if p.to < p.from {
                return Err(CaseError::new(
                    format!("paused[{i}].to"),
                    format!("{} is before `from` {}", p.to, p.from),
                    format!("{} 早于开始日期 {}", p.to, p.from),
                ));
            }
        }
        if let Some(o) = self.outage.as_ref() {
            if let (Some(day), Some(false)) = (o.notice_date, o.notice_served) {
                return Err(CaseError::new(
                    "outage.notice_date",
                    format!("a notice date ({day}) is given, but `notice_served` is false; give the date, or say no notice was served, not both"),
                    format!("填写了通知送达日期({day})，但又说未送达停电通知(`notice_served` 为 false)；二者只能选一"),
                ));
            }
        }
        if let Some(o) = self.dates.out_of_order() {
            let (a, x, b, y) = (o.earlier, o.earlier_day, o.later, o.later_day);
            return Err(CaseError::new(
                format!("dates.{b}"),
                format!("{b} ({y}) is before {a} ({x}); check both dates"),
                format!("{b}({y})早于{a}({x})；请核对这两个日期"),
            ));
        }
        Ok(())
    }
}

/// Two milestones in an impossible order: the later step is dated before
/// the earlier one. Typed, so that the app can name both by their form
/// labels; the names are the fields of [`Dates`] (`plan_issued`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfOrder {
    pub earlier: &'static str,
    pub earlier_day: NaiveDate,
    pub later: &'static str,
    pub later_day: NaiveDate,
}

impl Dates {
    /// The first pair of milestones in an impossible order, if any.
    pub fn out_of_order(&self) -> Option<OutOfOrder> {
        // Each pair: the later step may not be before the earlier one.
        let d = self;
        let order: [(
            &'static str,
            Option<NaiveDate>,
            &'static str,
            Option<NaiveDate>,
        ); 9] = [
            ("accepted", d.accepted, "plan_issued", d.plan_issued),
            ("plan_issued", d.plan_issued, "plan_signed", d.plan_signed),
            (
                "design_submitted",
                d.design_submitted,
                "design_reviewed",
                d.design_reviewed,
            ),
            (
                "mid_check_requested",
                d.mid_check_requested,
                "mid_check_started",
                d.mid_check_started,
            ),
            (
                "accepted",
                d.accepted,
                "completion_requested",
                d.completion_requested,
            ),
            (
                "completion_requested",
                d.completion_requested,
                "inspected",
                d.inspected,
            ),
            (
                "inspected",
                d.inspected,
                "inspection_passed",
                d.inspection_passed,
            ),
            ("accepted", d.accepted, "power_on", d.power_on),
            ("formalities", d.formalities, "power_on", d.power_on),
        ];
        order
            .into_iter()
            .find_map(|(earlier, x, later, y)| match (x, y) {
                (Some(earlier_day), Some(later_day)) if later_day < earlier_day => {
                    Some(OutOfOrder {
                        earlier,
                        earlier_day,
                        later,
                        later_day,
                    })
                }
                _ => None,
            })
    }
}
