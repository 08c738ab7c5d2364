//! IND, CON and OTH-03 in Chinese.

use crate::render::Reader;
use crate::report::conduct::{Conduct, Found, OutageNotice};
use crate::report::Finding;

pub(super) fn found(d: &Found, _f: &Finding, _r: &Reader) -> String {
    match d {
        Found::DesignationReported => "供电企业人员指定或推荐了设计、施工或供货单位: 这是被禁止的\"三指定\"。您有权自主选择有资质的单位。".into(),
        Found::NoDesignation => "未发现指定设计、施工、供货单位的情况。".into(),
        Found::AffiliateContractor => "施工单位是供电企业的关联企业: 若是您自主选择则允许，但不得由供电企业指定。".into(),
        Found::Conduct { happened: false, .. } => "未发现此类情况。".into(),
        Found::Conduct { conduct: Conduct::GiftsOrBanquets, happened: true } => "工作人员接受了客户的礼品、宴请或娱乐。".into(),
        Found::Conduct { conduct: Conduct::UnauthorisedFees, happened: true } => "存在自立收费、转嫁费用或提高审查验收标准的情况。".into(),
        Found::OutageNotice(n) => outage(n),
    }
}

fn outage(n: &OutageNotice) -> String {
    let (days, min) = (n.days_notice, n.notice_min);
    let mut s = match n.notice_max {
        _ if n.too_short() => format!("停电前只提前 {days} 天通知，少于 {min} 天。"),
        Some(max) if n.too_early() => {
            format!("停电前 {days} 天通知，早于规定的 {min} 至 {max} 天。")
        }
        _ => format!("停电前 {days} 天通知，不少于 {min} 天。"),
    };
    // "但" only after a notice in time; after a late one the missing
    // reminder is a second fault.
    match (n.reminder_missed_minutes, n.too_short()) {
        (Some(m), false) => s.push_str(&format!("但停电前{m}分钟未再次通知。")),
        (Some(m), true) => s.push_str(&format!("另外，停电前{m}分钟也未再次通知。")),
        (None, _) => {}
    }
    s
}
