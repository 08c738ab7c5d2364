//! LIC in Chinese.

use crate::case::Activity;
use crate::render::Reader;
use crate::report::licence::{Contractor, Found, TierCheck, ValidityCheck};
use crate::report::Finding;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    match d {
        Found::TerminalSubstation { voltage_kv, .. } => format!(
            "{voltage_kv}千伏: {}",
            f.citation.as_ref().map_or("", |c| &*c.summary_zh)
        ),
        Found::Unlicensed { contractor } => {
            format!("{} 没有承装(修、试)电力设施许可证。", who(contractor, r))
        }
        Found::Tier(t) => tier_check(t, f, r),
        Found::Categories {
            contractor,
            categories,
            lacking,
        } => {
            if lacking.is_empty() {
                format!(
                    "{} 的许可证类别({})覆盖所做工作。",
                    who(contractor, r),
                    activities(categories)
                )
            } else {
                format!(
                    "{} 从事{}，但许可证类别只有{}。",
                    who(contractor, r),
                    activities(lacking),
                    activities(categories)
                )
            }
        }
        Found::Validity(v) => validity(v, r),
        Found::DemandedTier {
            tier_demanded,
            tier_required,
        } => format!(
            "供电企业要求{}许可证，而法定只需{}: 属于自行提高资质标准的\"三指定\"迹象。",
            tier(*tier_demanded),
            tier(*tier_required)
        ),
    }
}

/// A licence tier in words.
fn tier(t: u8) -> String {
    match t {
        1 => "一级".into(),
        2 => "二级".into(),
        3 => "三级".into(),
        4 => "四级".into(),
        5 => "五级".into(),
        t => format!("{t}级"),
    }
}

/// A contractor: its name, else its place in the case (as the reader
/// knows the field, else by its number).
fn who(c: &Contractor, r: &Reader) -> String {
    c.name
        .clone()
        .or_else(|| r.field_if_known(&c.path()))
        .unwrap_or_else(|| format!("第{}家施工单位", c.index + 1))
}

fn activities(v: &[Activity]) -> String {
    v.iter()
        .map(|a| match a {
            Activity::Install => "承装",
            Activity::Repair => "承修",
            Activity::Test => "承试",
        })
        .collect::<Vec<_>>()
        .join("、")
}

fn tier_check(t: &TierCheck, f: &Finding, r: &Reader) -> String {
    let kv = t.voltage_kv;
    let who = who(&t.contractor, r);
    let held = tier(t.tier_held);
    let scope = t
        .tier_held_max_kv
        .map_or("不限电压".to_string(), |m| format!("{m}千伏以下"));
    let s = match (t.sufficient, t.tier_required) {
        (true, Some(req)) => format!(
            "{kv}千伏工程: {who} 持{held}许可证({scope})，满足要求(最低{})。",
            tier(req)
        ),
        (true, None) => format!("{kv}千伏工程: {who} 持{held}许可证({scope})，满足要求。"),
        (false, Some(req)) => format!(
            "{kv}千伏工程至少需要{}许可证；{who} 只有{held}({scope})。",
            tier(req)
        ),
        (false, None) => {
            format!("{kv}千伏工程超出所列各级许可证的范围；{who} 持{held}({scope})。")
        }
    };
    // A sufficient tier that rests on an unverified bound is only a warning.
    if t.sufficient && !f.mark.is_reliable() {
        let why = if r.is_clerk() {
            format!("(依据为未核实的数值 {})", f.mark)
        } else {
            "(所依据的数值尚未核实，仅供参考)".into()
        };
        format!("{why} {s}")
    } else {
        s
    }
}

fn validity(v: &ValidityCheck, r: &Reader) -> String {
    let who = who(&v.contractor, r);
    let (u, start, end) = (v.valid_until, v.work_start, v.work_end);
    if v.covers_work() {
        format!("{who} 的许可证有效至 {u}，覆盖施工期({start} 至 {end})。")
    } else {
        format!("{who} 的许可证已于 {u} 到期，施工持续到 {end}。")
    }
}
