//! The form's name for every case field: one table, read by the form's
//! controls (the label of the control that edits the field) and by whatever
//! names a field to the reader — a finding (`yekuo::render::Reader::label`),
//! a field error in the summary, an import error in the banner. So the
//! reader always sees the words they saw on the form, never a JSON path.
//!
//! A key is the case file's JSON path without list indices:
//! `contractors.tier` names `contractors[2].tier` (the core's path) and
//! `contractors.2.tier` (the form's key) alike.

use crate::lang::Lang;

/// `(key, Chinese, English)`, grouped as the form asks. One line a field,
/// so the table reads as a table (rustfmt would spread each over five).
#[rustfmt::skip]
const LABELS: &[(&str, &str, &str)] = &[
    // 1. Applicant and business.
    ("customer.category", "您是哪类客户？", "Which kind of customer are you?"),
    ("customer.business", "您要办理什么业务？", "What do you apply for?"),
    ("customer.change_kind", "变更类型", "Kind of change"),
    ("customer.agent", "由他人代为办理(委托代理)", "Someone applies on my behalf (agent)"),
    ("customer.ownership_unclear", "房屋产权不清楚或已变更", "Ownership of the premises is unclear or changed"),
    ("customer.government_project", "政府投资或须审批的项目", "Government-funded or approval-bound project"),
    ("customer.important", "重要电力用户(医院、化工、矿山等)", "Important power user (hospital, chemicals, mining …)"),
    ("customer.special_load", "有冲击、非线性等特殊负荷", "Has impulse or non-linear loads"),
    ("utility.operator", "供电企业", "Utility"),
    ("utility.one_id_acceptance", "当地供电企业提供\"一证受理\"", "The utility offers one-ID acceptance"),
    ("utility.province", "省份", "Province"),
    ("title", "案例名称", "Case title"),
    // 2. The project.
    ("customer.voltage_kv", "供电电压", "Supply voltage"),
    ("customer.capacity_kva", "申请容量(千伏安)", "Requested capacity (kVA)"),
    ("customer.capacity_kw", "申请容量(千瓦)", "Requested capacity (kW)"),
    ("customer.external_works", "是否需要在用电地址外新建线路等外部工程？", "Are works outside your premises needed (new lines …)?"),
    ("supply.load_grade", "负荷等级", "Load grade"),
    ("supply.sources", "电源", "Power sources"),
    ("supply.especially_important", "一级负荷中是否有特别重要的负荷？", "Is part of the grade-1 load especially important?"),
    ("supply.dedicated_line", "是否为 6 千伏及以上专用架空线路？", "Is it a dedicated overhead line of 6 kV or more?"),
    ("supply.circuits", "电源回路(来自哪座变电站、哪段母线)", "Supply circuits (substation and bus section)"),
    ("supply.circuits.substation", "变电站", "Substation"),
    ("supply.circuits.bus_section", "母线段", "Bus section"),
    ("supply.emergency_sources", "自备应急电源", "Own emergency sources"),
    ("supply.emergency_sources.type", "类型", "Type"),
    ("supply.emergency_sources.kw", "功率(千瓦)", "Power (kW)"),
    // Not asked by the form, but an imported case may carry them.
    ("supply.emergency_sources.kva", "容量(千伏安)", "Capacity (kVA)"),
    ("supply.emergency_sources.loads", "所带负荷", "Loads it serves"),
    ("supply.plan_mentions_self_emergency", "供电方案是否写明须自备应急电源？", "Does the supply plan require your own emergency source?"),
    ("supply.hazards", "停电后果(每行一项)", "Consequences of an outage (one per line)"),
    ("supply.separate_distribution", "应急电源是否有独立配电(防止并网倒送)？", "Does the emergency source have separate distribution?"),
    // 3. Documents (each document is named by the rulebook).
    ("documents", "已备好的资料", "Documents you already have"),
    // 4. Progress, in process order.
    ("dates.accepted", "申请受理日期", "Application accepted"),
    ("dates.plan_issued", "供电方案答复日期", "Supply plan answered"),
    ("dates.plan_signed", "签收供电方案日期", "Supply plan signed for"),
    ("dates.design_submitted", "提交设计文件日期", "Design submitted"),
    ("dates.design_reviewed", "设计审核答复日期", "Design review answered"),
    ("dates.mid_check_requested", "申请中间检查日期", "Mid-term check requested"),
    ("dates.mid_check_started", "中间检查日期", "Mid-term check done"),
    ("dates.construction_start", "工程开工日期", "Construction started"),
    ("dates.completion_requested", "报竣工(申请验收)日期", "Completion reported"),
    ("dates.inspected", "竣工检验日期", "Completion inspected"),
    ("dates.inspection_passed", "检验合格日期", "Inspection passed"),
    ("dates.formalities", "合同签订、费用结清日期", "Contract signed and fees paid"),
    ("dates.formalities_latest", "手续最晚办结日期", "Formalities completed at the latest"),
    ("dates.power_on", "装表接电日期", "Meter installed, power on"),
    ("dates.extension_requested", "申请方案延期日期", "Plan extension requested"),
    ("dates.extension_granted_until", "方案延期至", "Plan extended until"),
    ("paused", "客户原因暂停的期间(不计入供电企业时限)", "Customer-caused pauses (not counted against the utility)"),
    ("paused.from", "开始日期", "Start"),
    ("paused.to", "结束日期", "End"),
    ("paused.reason", "原因", "Reason"),
    ("convention", "计日规则", "Day-counting convention"),
    // 5. Contractor.
    ("contractors", "施工单位", "Contractor"),
    ("contractors.name", "单位名称", "Name"),
    ("contractors.licensed", "是否持有承装(修、试)电力设施许可证？", "Does it hold an installation licence?"),
    ("contractors.tier", "许可证等级", "Licence tier"),
    ("contractors.categories", "许可类别", "Licensed categories"),
    ("contractors.activities", "本工程中承担", "Does on this project"),
    ("contractors.valid_until", "许可证有效期至", "Licence valid until"),
    ("contractors.affiliate_of_utility", "是供电企业下属或关联企业", "It belongs to or is linked with the utility"),
    // 6. Conduct (clerk).
    ("conduct.utility_recommended_contractor", "供电企业人员是否指定或推荐了设计、施工、设备单位？", "Did utility staff name or recommend a designer, contractor or supplier?"),
    ("conduct.written_notice_of_missing_documents", "缺件时是否一次性书面告知？", "Were missing documents notified in writing, at once?"),
    ("conduct.defects_found", "竣工检验是否发现缺陷？", "Were defects found at inspection?"),
    ("conduct.defects_notified_in_writing", "缺陷是否一次性书面告知？", "Were the defects notified in writing, at once?"),
    ("conduct.stalled_without_notice", "申请是否被无故搁置且未告知？", "Was the application stalled without notice?"),
    ("conduct.gifts_or_banquets", "是否有吃请、收礼等情况？", "Were there gifts or banquets?"),
    ("conduct.unauthorised_fees", "是否收取了未经批准的费用？", "Were unapproved fees charged?"),
    ("conduct.plan_changed", "方案答复后客户需求或电网条件是否变化？", "Did needs or grid conditions change after the plan?"),
    ("conduct.demanded_tier", "供电企业要求的许可证等级", "Licence tier the utility demanded"),
    // 7. Planned outage notice.
    ("outage.date", "停电日期", "Outage date"),
    ("outage.notice_served", "停电前是否收到过停电通知？", "Was a notice of the outage received beforehand?"),
    ("outage.notice_date", "通知送达日期", "Notice served on"),
    ("outage.reminder_given", "停电前30分钟是否再次通知？", "Was a reminder given 30 minutes before?"),
    // The written one-time notice (clerk).
    ("applicant.name", "客户名称", "Customer name"),
    ("applicant.address", "用电地址", "Address of supply"),
    ("applicant.account", "户号 / 申请编号", "Account or application number"),
    ("applicant.counter", "受理单位(营业厅)", "Office that received it"),
    ("applicant.documents_due", "请于此日期前补齐", "Bring the missing documents by"),
];

/// Lists whose items the form shows as numbered rows: one item's name. A
/// field of a row is named with its row (`施工单位 2 · 许可证等级`), since
/// the label alone ("Licence tier") does not say which contractor.
const ROWS: &[(&str, &str, &str)] = &[
    ("contractors", "施工单位", "Contractor"),
    ("supply.circuits", "回路", "Circuit"),
    ("supply.emergency_sources", "应急电源", "Emergency source"),
    ("paused", "暂停期间", "Pause"),
];

/// A path's table key (its names, indices left out) and its first list
/// index: where in the key the list's name ends, and the row (`None` for
/// `[]`, every row). `contractors[2].tier` and the form's
/// `contractors.2.tier` both give `contractors.tier` and row 2 of
/// `contractors`.
fn key_of(path: &str) -> (String, Option<(usize, Option<usize>)>) {
    let mut key = String::with_capacity(path.len());
    let mut index = None;
    for seg in path.split(['.', '[']) {
        let number = seg.strip_suffix(']').unwrap_or(seg);
        let is_index =
            seg.ends_with(']') || (!seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()));
        if is_index {
            index = index.or(Some((key.len(), number.parse().ok())));
        } else {
            if !key.is_empty() {
                key.push('.');
            }
            key.push_str(seg);
        }
    }
    (key, index)
}

fn find(table: &'static [(&str, &str, &str)], key: &str) -> Option<(&'static str, &'static str)> {
    table
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, zh, en)| (zh, en))
}

/// The label of a form control, in both languages: the form passes the key
/// it edits (`contractors.2.tier`), row numbers are left out (the row's
/// legend carries them). `None` for a key without a label, which
/// `tests/labels.rs` rules out for every key the form edits.
pub fn control(key: &str) -> Option<(&'static str, &'static str)> {
    find(LABELS, &key_of(key).0)
}

/// The label of the field at `path` (`dates.accepted`,
/// `contractors[2].tier`, the form's `contractors.2.tier`), for the
/// reader: a field of a numbered row comes with its row, numbered from 1
/// as the form numbers them; a row itself is its name and number.
pub fn label(path: &str, lang: Lang) -> Option<String> {
    let (key, index) = key_of(path);
    let (zh, en) = find(LABELS, &key)?;
    let text = lang.pick(zh, en);
    // A list without numbered rows (`documents[3]`) is named by its label.
    let row = index.and_then(|(end, i)| Some((find(ROWS, &key[..end])?, end, i)));
    let Some(((row_zh, row_en), end, i)) = row else {
        return Some(text.to_string());
    };
    let item = lang.pick(row_zh, row_en);
    let item = match i {
        Some(i) => format!("{item} {}", i + 1),
        None => item.to_string(),
    };
    Some(if end == key.len() {
        item
    } else {
        format!("{item} · {text}")
    })
}

pub fn label_zh(path: &str) -> Option<String> {
    label(path, Lang::Zh)
}

pub fn label_en(path: &str) -> Option<String> {
    label(path, Lang::En)
}

/// The form's choices of licence tier: "don't know", then every tier of
/// `yekuo::limits::LICENCE_TIERS` (`www/tests/labels.rs` checks they agree).
pub const TIER_OPTIONS: &[(&str, &str, &str)] = &[
    ("", "不清楚", "Don't know"),
    ("1", "一级", "Tier 1"),
    ("2", "二级", "Tier 2"),
    ("3", "三级", "Tier 3"),
    ("4", "四级", "Tier 4"),
    ("5", "五级", "Tier 5"),
];

/// The form's choices of a low-voltage supply: the case file's kilovolts
/// (`crate::draft::VOLTAGES_LV`) in everyday words, so a household picks
/// "220 伏" rather than 0.22 kV (issue 14).
pub const VOLTAGE_OPTIONS_LV: &[(&str, &str, &str)] = &[
    ("", "不清楚", "Don't know"),
    (
        "0.22",
        "220 伏(单相，一般家庭)",
        "220 V (single-phase, most homes)",
    ),
    (
        "0.38",
        "380 伏(三相，如店铺、小厂)",
        "380 V (three-phase, e.g. shops, workshops)",
    ),
];

/// The form's choices of a high-voltage supply (`crate::draft::VOLTAGES_HV`).
pub const VOLTAGE_OPTIONS_HV: &[(&str, &str, &str)] = &[
    ("", "不清楚", "Don't know"),
    ("10", "10 千伏", "10 kV"),
    ("20", "20 千伏", "20 kV"),
    ("35", "35 千伏", "35 kV"),
    ("66", "66 千伏", "66 kV"),
    ("110", "110 千伏", "110 kV"),
    ("220", "220 千伏", "220 kV"),
    ("330", "330 千伏", "330 kV"),
    ("500", "500 千伏", "500 kV"),
    ("750", "750 千伏", "750 kV"),
    ("1000", "1000 千伏", "1000 kV"),
];

/// The form's choices of load grade, as [`TIER_OPTIONS`] for
/// `yekuo::limits::LOAD_GRADES`.
pub const GRADE_OPTIONS: &[(&str, &str, &str)] = &[
    ("", "不清楚", "Don't know"),
    ("1", "一级负荷", "Grade 1"),
    ("2", "二级负荷", "Grade 2"),
    ("3", "三级负荷", "Grade 3"),
];
