//! PLAN and CAL-09 in Chinese.

use super::aside;
use crate::render::Reader;
use crate::report::plan::{Extension, ExtensionStatus, Found, Validity, ValidityStatus};
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, r: &Reader) -> String {
    match d {
        Found::CountedFromIssue => format!(
            "有效期按方案发出日计算；部分省公司自客户签收之日起算，请填写方案签收日期{}。",
            aside(r, "dates.plan_signed")
        ),
        Found::PeriodsUnverified => {
            "2024年《供电营业规则》的有效期条文未核实；以下按1996年的期限作提示。".into()
        }
        Found::Validity(v) => validity(v, r),
        Found::Extension(e) => extension(e),
        Found::RequestDayIsRestDay { nominal, advised } => {
            format!("延期申请的名义最后一日 {nominal} 是休息日；建议最晚在 {advised} 提出。")
        }
        Found::WorkingDaysReading {
            request_by,
            lead_working_days,
        } => format!(
            "另有\"到期前{lead_working_days}个工作日\"的说法: 按此应在 {request_by} 前申请延期。"
        ),
        Found::PlanChanged => "方案相关情况已变化: 客户需求变化须重新申请；电网侧变化须由供电企业书面重新答复并由客户签收。".into(),
    }
}

fn validity(v: &Validity, r: &Reader) -> String {
    let until = v.valid_until;
    match v.status {
        ValidityStatus::StartedInTime { construction_start: c } => {
            format!("供电方案有效至 {until}，{c} 开工时仍有效。")
        }
        ValidityStatus::StartedInRollover { construction_start: c } => format!(
            "有效期最后一日 {until} 是休息日；{c} 开工落在可能顺延的期间内，法律适用不明确。"
        ),
        ValidityStatus::StartedLate {
            construction_start: c,
            days_expired,
        } => format!(
            "供电方案已于 {until} 到期(逾期注销)，{c} 开工时已过期 {days_expired} 天；应重新申请或事先申请延期。"
        ),
        ValidityStatus::DaysLeft { days_left } => {
            format!("供电方案有效至 {until}，还剩 {days_left} 天；须在此前开工。")
        }
        ValidityStatus::ExpiredStartUnknown => format!(
            "供电方案已于 {until} 到期；未填写开工日期{}，无法判断是否在有效期内开工。",
            aside(r, "dates.construction_start")
        ),
    }
}

fn extension(e: &Extension) -> String {
    let (by, lead) = (e.request_by, e.lead_days);
    match e.status {
        ExtensionStatus::GrantedTooLong {
            extension_granted_until: g,
            longest_until: max,
        } => format!("延期至 {g} 超过了原有效期长度(最多到 {max})。"),
        ExtensionStatus::RequestedInTime {
            extension_requested: q,
        } => format!("{q} 申请延期，不晚于 {by}。"),
        ExtensionStatus::RequestedLate {
            extension_requested: q,
        } => format!("{q} 申请延期，晚于到期前{lead}天的 {by}。"),
        ExtensionStatus::NotRequestedStartedAfterExpiry => {
            format!("未在 {by} 前申请延期，方案到期后才开工。")
        }
        ExtensionStatus::StillTime => format!("如需延期，最迟于 {by} 提出申请。"),
        ExtensionStatus::TimePassed => format!("延期申请的最后一日 {by} 已过。"),
    }
}
