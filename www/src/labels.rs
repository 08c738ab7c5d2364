//! The form's name for a case field, given its JSON path, so a finding or
//! an error that names a field shows what the reader saw on the form, never
//! the path (`crate::render::Reader::label`).

use crate::draft::DATE_FIELDS;
use crate::state::Lang;

/// Fields a finding can name that are not dates, with their form labels.
const LABELS: &[(&str, &str, &str)] = &[
    ("customer.voltage_kv", "供电电压", "Supply voltage"),
    ("customer.category", "客户类别", "Kind of customer"),
    ("customer.business", "业务类型", "What you apply for"),
    ("documents", "已备齐的资料", "Documents you have"),
    ("outage.date", "停电日期", "Outage date"),
    ("outage.notice_date", "通知送达日期", "Notice served on"),
    ("contractors", "施工单位", "Contractor"),
    ("contractors.tier", "许可证等级", "Licence tier"),
    ("contractors.categories", "许可类别", "Licensed categories"),
    (
        "contractors.valid_until",
        "许可证有效期至",
        "Licence valid until",
    ),
    ("contractors.licensed", "是否持有许可证", "Holds a licence"),
    ("supply.load_grade", "负荷等级", "Load grade"),
    ("supply.sources", "电源", "Power sources"),
];

/// The label of the field at `path` (`dates.accepted`, `contractors[2].tier`).
pub fn label(path: &str, lang: Lang) -> Option<String> {
    if let Some(key) = path.strip_prefix("dates.") {
        let f = DATE_FIELDS.iter().find(|f| f.key == key)?;
        return Some(lang.pick(f.zh, f.en).to_string());
    }
    // `contractors[2].tier`: the label of `contractors.tier`, numbered as
    // the form numbers them (from 1).
    if let Some(rest) = path.strip_prefix("contractors[") {
        let (i, field) = rest.split_once("].")?;
        let n = i.parse::<usize>().ok()? + 1;
        let (_, zh, en) = LABELS
            .iter()
            .find(|(k, _, _)| k.strip_prefix("contractors.") == Some(field))?;
        return Some(match lang {
            Lang::Zh => format!("施工单位 {n} 的{zh}"),
            Lang::En => format!("{en} of contractor {n}"),
        });
    }
    let (_, zh, en) = LABELS.iter().find(|(k, _, _)| *k == path)?;
    Some(lang.pick(zh, en).to_string())
}

pub fn label_zh(path: &str) -> Option<String> {
    label(path, Lang::Zh)
}

pub fn label_en(path: &str) -> Option<String> {
    label(path, Lang::En)
}
