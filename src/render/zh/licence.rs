//! LIC in Chinese.

use crate::case::Activity;
use crate::render::Reader;
use crate::report::licence::{Contractor, Found, TierCheck, ValidityCheck};
use crate::report::licence::{Conversion, TierDoubt, TierNotInVersion, VersionFacts};
use crate::report::Finding;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    match d {
        Found::TerminalSubstation { voltage_kv, .. } => format!(
            // A quantity as people write it, without float formatting.
            "{}千伏: {}",
            crate::decimal::Decimal(*voltage_kv),
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
        Found::TierNotInVersion(t) => not_in_version(t, f, r),
        Found::Conversion(c) => conversion(c, f, r),
    }
}

/// A count in Chinese numerals (tiers: 1 to 5).
fn count(n: u8) -> String {
    match n {
        1 => "一".into(),
        2 => "两".into(),
        3 => "三".into(),
        4 => "四".into(),
        5 => "五".into(),
        n => n.to_string(),
    }
}

/// A version of the measures: since when (if sure), and for a clerk its
/// order number.
fn version(v: &VersionFacts, f: &Finding, r: &Reader) -> String {
    let revised = if v.tiers_before.is_some() {
        "修订版"
    } else {
        ""
    };
    let from = v
        .in_force_from
        .map_or("该版".to_string(), |d| format!("{d}起施行的{revised}"));
    let order = match (&f.citation, r.is_clerk()) {
        (Some(c), true) => format!("({})", c.version),
        _ => String::new(),
    };
    format!("{from}许可证办法{order}")
}

/// What is in doubt about a tier check's cap, as sentences after it.
fn doubt(d: &TierDoubt, t: &TierCheck, f: &Finding, r: &Reader) -> String {
    let mut s = String::new();
    if d.no_cap_seen {
        s.push_str(&format!(
            "{}分{}个等级，各级的电压上限尚未见到正式文本。",
            version(&d.version, f, r),
            count(d.version.tiers)
        ));
    }
    if let Some(o) = &d.other_reading {
        let verdict = match (o.sufficient, o.tier_required) {
            (true, _) => "满足要求".to_string(),
            (false, Some(req)) => format!("仍不满足(至少需要{})", tier(req)),
            (false, None) => "仍不满足".to_string(),
        };
        let first = t.tier_held_max_kv.map_or("不限电压".to_string(), |m| {
            format!("{}千伏以下", crate::decimal::Decimal(m))
        });
        s.push_str(&format!(
            "资料对{}的上限说法不一: 一处为{first}，另一处为{}千伏以下；按后者{verdict}。",
            tier(t.tier_held),
            crate::decimal::Decimal(o.tier_held_max_kv),
        ));
    }
    s.push_str("请向许可证的发证机关或正式文本核实。");
    s
}

fn not_in_version(t: &TierNotInVersion, f: &Finding, r: &Reader) -> String {
    let who = who(&t.contractor, r);
    let held = tier(t.tier_held);
    let v = version(&t.version, f, r);
    let earlier = t
        .version
        .tiers_before
        .map_or("此前等级制度".to_string(), |n| {
            format!("原{}级制", count(n))
        });
    let mut s = format!(
        "{}千伏工程: {who} 持{held}许可证，而{v}只设{}个等级，没有{held}: 这是{earlier}下的证书，能承揽的电压等级取决于换证后的等级。",
        crate::decimal::Decimal(t.voltage_kv),
        count(t.version.tiers)
    );
    if let Some(req) = t.tier_required {
        s.push_str(&format!(
            "按记录的(未核实的)数值，该工程至少需要{}",
            tier(req)
        ));
        if let Some(o) = t.other_tier_required {
            s.push_str(&format!("(另有资料的数值为{})", tier(o)));
        }
        s.push('。');
    }
    s
}

fn conversion(c: &Conversion, f: &Finding, r: &Reader) -> String {
    let who = who(&c.contractor, r);
    let held = tier(c.tier_held);
    let v = version(&c.version, f, r);
    let now = count(c.version.tiers);
    let earlier = c
        .version
        .tiers_before
        .map_or("此前等级制度".to_string(), |n| {
            format!("原{}级制", count(n))
        });
    let by = c.convert_by;
    let mut s = if c.certain {
        format!(
            "{who} 持{held}许可证，属于{earlier}的证书。{v}改为{now}个等级，原证书须换发新证，据报道换证期限为{by}。"
        )
    } else {
        let before = c
            .version
            .in_force_from
            .map_or(String::new(), |d| format!("在{d}前"));
        format!(
            "{who} 的{held}许可证若是{before}按{earlier}取得的，须按{v}换发新证(改为{now}个等级)，据报道换证期限为{by}；这里不知道发证日期，无法判断。"
        )
    };
    if c.past_deadline() {
        s.push_str(&format!(
            "施工持续到{}，已过换证期限: 请核实该单位是否已换证及换证后的等级。",
            c.work_end
        ));
    } else {
        s.push_str("施工在过渡期内: 请核实该单位的换证安排。");
    }
    s
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
    let kv = crate::decimal::Decimal(t.voltage_kv);
    let who = who(&t.contractor, r);
    let held = tier(t.tier_held);
    let scope = t.tier_held_max_kv.map_or("不限电压".to_string(), |m| {
        format!("{}千伏以下", crate::decimal::Decimal(m))
    });
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
    let s = match &t.doubt {
        Some(d) => format!("{s}{}", doubt(d, t, f, r)),
        None => s,
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
