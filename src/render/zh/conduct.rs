//! IND, CON and OTH-03 in Chinese.

use crate::render::Reader;
use crate::report::conduct::{Conduct, Found, NoticeVerdict, OutageNotice, OutageReminder};
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
        Found::OutageReminder(m) => reminder(m),
    }
}

/// OTH-03, the notice duty. Each duty has its own finding, so these words
/// stand alone whatever the reminder finding says.
fn outage(n: &OutageNotice) -> String {
    let min = n.notice_min;
    let window = |max: u32| format!("规定的 {min} 至 {max} 天");
    let Some(days) = n.days_notice() else {
        return match n.notice_max {
            Some(max) => format!("停电前没有送达停电通知；应在停电前 {min} 至 {max} 天通知。"),
            None => format!("停电前没有送达停电通知；应至少提前 {min} 天通知。"),
        };
    };
    match (n.verdict(), n.notice_max) {
        (NoticeVerdict::TooShort, _) if days < 0 => format!(
            "停电通知在停电 {} 天之后才送达，而应至少提前 {min} 天通知。",
            -days
        ),
        (NoticeVerdict::TooShort, _) if days == 0 => {
            format!("停电通知在停电当天才送达，而应至少提前 {min} 天通知。")
        }
        (NoticeVerdict::TooShort, _) => {
            format!("停电前只提前 {days} 天通知，少于规定的 {min} 天。")
        }
        (NoticeVerdict::TooEarly, Some(max)) => {
            format!("停电前 {days} 天通知，早于{}。", window(max))
        }
        (_, Some(max)) => format!("停电前 {days} 天通知，在{}之内。", window(max)),
        (_, None) => format!("停电前 {days} 天通知，不少于规定的 {min} 天。"),
    }
}

/// OTH-03, the reminder duty: its own finding, whatever is known of the notice.
fn reminder(m: &OutageReminder) -> String {
    let min = m.reminder_minutes;
    if m.given {
        format!("停电前 {min} 分钟再次通知了客户，符合规定。")
    } else {
        format!("停电前 {min} 分钟没有再次通知客户。这是提前送达停电通知之外的另一项义务。")
    }
}
