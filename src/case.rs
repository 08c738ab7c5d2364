//! The case file (`yekuo-case/1`, documented in docs/case-format.md): what
//! the customer, clerk or auditor knows about one application.
//!
//! Parsing rejects unknown fields, wrong types, impossible dates and
//! inconsistent dates with a [`CaseError`] that names the field. Everything
//! that may simply be unknown is an `Option`: a missing input becomes a
//! `cannot-determine` finding, never an error.

use crate::json_path::Anchor;
use crate::limits;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

pub const FORMAT: &str = "yekuo-case/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub customer: Customer,
    #[serde(default)]
    pub utility: Utility,
    #[serde(default)]
    pub supply: Supply,
    /// Document codes in hand (D-ID, D-PROP …; see data/rules/documents.toml).
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub dates: Dates,
    /// Customer-caused intervals excluded from utility time limits (CAL-10).
    #[serde(default)]
    pub paused: Vec<Pause>,
    #[serde(default)]
    pub contractors: Vec<Contractor>,
    #[serde(default)]
    pub conduct: Conduct,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outage: Option<Outage>,
    /// Counting convention (CAL-02 default, CAL-03 alternative).
    #[serde(default)]
    pub convention: Convention,
}

crate::closed_enum! {
    /// How working days are counted from a start day.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum Convention {
        /// CAL-02: the start day is not counted.
        #[default]
        ExcludeStart = "exclude-start",
        /// CAL-03 (b): received on a rest day = received on the next working day.
        DeemedNextWorkday = "deemed-next-workday",
    }
}

crate::closed_enum! {
    /// The customer category (DOC, TL and PLAN rules differ by it).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Category {
        #[serde(alias = "居民")]
        Resident = "resident",
        #[serde(alias = "低压非居民")]
        LvNonresident = "lv-nonresident",
        #[serde(alias = "高压")]
        HighVoltage = "high-voltage",
    }
}

crate::closed_enum! {
    /// What the customer applies for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Business {
        #[serde(alias = "新装")]
        New = "new",
        #[serde(alias = "增容")]
        Increase = "increase",
        #[serde(alias = "临时用电")]
        Temporary = "temporary",
        #[serde(alias = "变更用电")]
        Change = "change",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub category: Category,
    pub business: Business,
    /// For `change`: which change (分户, 过户 …), free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voltage_kv: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_kva: Option<f64>,
    /// An agent applies on the customer's behalf.
    #[serde(default)]
    pub agent: bool,
    /// The project is subject to government approval (立项).
    #[serde(default)]
    pub government_project: bool,
    /// 重要电力用户.
    #[serde(default)]
    pub important: bool,
    /// Special load (冲击/非线性 …), which keeps design review (DOC-07).
    #[serde(default)]
    pub special_load: bool,
    #[serde(default)]
    pub ownership_unclear: bool,
    /// Low voltage: does the connection need grid extension works (外线工程)?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_works: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Utility {
    /// "SGCC" (国家电网), "CSG" (南方电网) or "other".
    #[serde(default = "default_operator")]
    pub operator: String,
    /// The utility offers 一证受理 (DOC-02).
    #[serde(default)]
    pub one_id_acceptance: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
}

fn default_operator() -> String {
    "SGCC".into()
}

impl Default for Utility {
    fn default() -> Self {
        Utility {
            operator: default_operator(),
            one_id_acceptance: false,
            province: None,
        }
    }
}

crate::closed_enum! {
    /// How many independent power sources supply the customer.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum Sources {
        #[default]
        Unknown = "unknown",
        Single = "single",
        Dual = "dual",
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supply {
    #[serde(default)]
    pub sources: Sources,
    /// 1, 2 or 3 (GB 50052 grades).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_grade: Option<u8>,
    /// Part of the grade-1 load is 特别重要 (LOAD-01); unknown = not asked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub especially_important: Option<bool>,
    /// What an interruption would cause (free text, e.g. "flooding").
    #[serde(default)]
    pub hazards: Vec<String>,
    #[serde(default)]
    pub circuits: Vec<Circuit>,
    /// Grade 2 with one circuit: is it a dedicated line of 6 kV or more?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dedicated_line: Option<bool>,
    #[serde(default)]
    pub emergency_sources: Vec<EmergencySource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_mentions_self_emergency: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separate_distribution: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Circuit {
    pub substation: String,
    pub bus_section: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencySource {
    /// generator | ups | eps | battery | dedicated-feeder
    #[serde(rename = "type")]
    pub kind: EmergencyKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kw: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kva: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loads: Option<String>,
}

crate::closed_enum! {
    /// A kind of emergency power source (LOAD-03..05).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum EmergencyKind {
        Generator = "generator",
        Ups = "ups",
        Eps = "eps",
        Battery = "battery",
        DedicatedFeeder = "dedicated-feeder",
    }
}

macro_rules! dates {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// The milestones. Every one is optional.
        #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Dates {
            $($(#[$doc])*
            #[serde(default, deserialize_with = "de_date", skip_serializing_if = "Option::is_none")]
            pub $name: Option<NaiveDate>,)*
        }
        impl Dates {
            /// `(field name, value)` for every date given, in process order.
            pub fn given(&self) -> Vec<(&'static str, NaiveDate)> {
                let mut v = Vec::new();
                $(if let Some(d) = self.$name { v.push((stringify!($name), d)); })*
                v
            }
        }
    };
}

dates! {
    /// 受理: the application was accepted (the clock starts, NOTICE-04).
    accepted,
    /// 供电方案 answered (written plan delivered).
    plan_issued,
    /// The customer signed for the plan (PLAN-03).
    plan_signed,
    design_submitted,
    design_reviewed,
    mid_check_requested,
    mid_check_started,
    construction_start,
    /// Completion report and inspection request received.
    completion_requested,
    /// Completion inspection started.
    inspected,
    /// Inspection passed (defaults to `inspected` when absent).
    inspection_passed,
    /// 相关手续办结 (contract signed, fees paid).
    formalities,
    /// When `formalities` is unknown: the latest day it can have been.
    formalities_latest,
    power_on,
    extension_requested,
    extension_granted_until,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    #[serde(deserialize_with = "de_date_req")]
    pub from: NaiveDate,
    #[serde(deserialize_with = "de_date_req")]
    pub to: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contractor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Holds a 承装(修、试) licence at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensed: Option<bool>,
    /// 1 (一级) … 5 (五级).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<u8>,
    /// install (承装), repair (承修), test (承试).
    #[serde(default)]
    pub categories: Vec<Activity>,
    /// What this contractor does on this project; default: install.
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(
        default,
        deserialize_with = "de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_until: Option<NaiveDate>,
    #[serde(default)]
    pub affiliate_of_utility: bool,
}

crate::closed_enum! {
    /// What a licence covers and what a contractor does (LIC-03).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Activity {
        #[serde(alias = "承装")]
        Install = "install",
        #[serde(alias = "承修")]
        Repair = "repair",
        #[serde(alias = "承试")]
        Test = "test",
    }
}

/// Conduct questions. `None` = not asked (self-check mode); they only give
/// findings when answered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conduct {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utility_recommended_contractor: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_notice_of_missing_documents: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defects_found: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defects_notified_in_writing: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stalled_without_notice: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gifts_or_banquets: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unauthorised_fees: Option<bool>,
    /// The licence tier the utility demanded (LIC-06).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demanded_tier: Option<u8>,
    /// The customer's needs or the grid side changed after the plan (PLAN-07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_changed: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outage {
    #[serde(deserialize_with = "de_date_req")]
    pub date: NaiveDate,
    #[serde(
        default,
        deserialize_with = "de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub notice_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_given: Option<bool>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    crate::day::read_case_day(s).map_err(|e| match e {
        crate::day::DayError::NotADate => {
            format!("`{s}` is not a real date; write YYYY-MM-DD, e.g. 2010-06-15")
        }
        crate::day::DayError::OutOfRange(_) => format!("`{s}` is {}", out_of_range()),
    })
}

/// The English tail of the out-of-range message; `zh_for` keys on it.
fn out_of_range() -> String {
    let (first, last) = limits::case_years();
    format!("outside the years a case may use; give a date from {first} to {last}")
}

fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => parse_day(&s).map(Some).map_err(serde::de::Error::custom),
    }
}

fn de_date_req<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse_day(&s).map_err(serde::de::Error::custom)
}

/// A case that cannot be read, with the field and the problem in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseError {
    /// JSON path of the bad field, e.g. `dates.accepted`; `.` for the whole file.
    pub field: String,
    pub line: Option<usize>,
    pub message_en: String,
    pub message_zh: String,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.field)?;
        if let Some(l) = self.line {
            write!(f, " (line {l})")?;
        }
        write!(f, ": {} / {}", self.message_zh, self.message_en)
    }
}

impl std::error::Error for CaseError {}

/// Largest case file accepted, so a pasted or imported file cannot exhaust memory.
pub const MAX_CASE_BYTES: usize = 1 << 20;

/// serde_json's syntax errors (its `ErrorCode`s), in Chinese.
const JSON_SYNTAX_ZH: &[(&str, &str)] = &[
    ("expected `:`", "此处应为冒号 `:`"),
    ("expected `,` or `]`", "此处应为逗号 `,` 或 `]`"),
    ("expected `,` or `}`", "此处应为逗号 `,` 或 `}`"),
    ("expected `\"`", "此处应为双引号 `\"`"),
    ("expected ident", "无法识别的词(应为 true、false 或 null)"),
    (
        "expected value",
        "此处应为一个值(文本、数字、true/false、列表或对象)",
    ),
    ("invalid escape", "文本中的转义符 `\\` 用法错误"),
    ("invalid number", "数字格式错误"),
    ("number out of range", "数字超出范围"),
    ("invalid unicode code point", "无效的 Unicode 字符编码"),
    ("lone leading surrogate", "无效的 Unicode 代理对转义"),
    ("unexpected end of hex escape", "\\u 转义不完整"),
    (
        "control character",
        "文本中含有控制字符(如换行、制表符)；请写成 \\n、\\t",
    ),
    ("key must be a string", "对象的键必须是带双引号的文本"),
    ("trailing comma", "最后一项后面多了逗号"),
    ("trailing characters", "JSON 对象结束后还有多余内容"),
    ("recursion limit exceeded", "嵌套层数过多"),
];

/// The Chinese for serde's English messages: the fixed phrases are
/// translated, the names and values they quote are kept.
fn zh_for(en: &str) -> String {
    let expected = |rest: &str| -> String {
        rest.replace(", expected one of ", "；允许: ")
            .replace(", expected f64", "，应为数字")
            .replace(", expected u8", "，应为整数")
            .replace(", expected a boolean", "，应为 true 或 false")
            .replace(", expected a string", "，应为文本")
            .replace(", expected a sequence", "，应为列表 [...]")
            .replace(", expected ", "，应为 ")
    };
    if let Some(rest) = en.strip_prefix("unknown field ") {
        format!("未知字段 {}", expected(rest))
    } else if let Some(rest) = en.strip_prefix("missing field ") {
        format!("缺少必填字段 {rest}")
    } else if let Some(rest) = en.strip_prefix("invalid type: ") {
        format!("类型错误: {}", expected(rest))
    } else if let Some(rest) = en.strip_prefix("unknown variant ") {
        format!("不允许的取值 {}", expected(rest))
    } else if let Some(value) =
        en.strip_suffix(" is not a real date; write YYYY-MM-DD, e.g. 2010-06-15")
    {
        format!("{value} 不是有效日期；请按 YYYY-MM-DD 填写，例如 2010-06-15")
    } else if let Some(value) = en
        .strip_suffix(&out_of_range())
        .and_then(|v| v.strip_suffix(" is "))
    {
        let (first, last) = limits::case_years();
        format!("{value} 超出案例可用的年份；请填写 {first} 至 {last} 年之间的日期")
    } else if en.starts_with("EOF while parsing") {
        "文件不完整: JSON 在此处意外结束".to_string()
    } else if let Some(rest) = en.strip_prefix("duplicate field ") {
        format!("字段 {rest} 出现了两次；每个字段只能写一次")
    } else if let Some(rest) = en.strip_prefix("invalid value: ") {
        format!("取值无效: {}", expected(rest))
    } else if let Some(rest) = en.strip_prefix("invalid length ") {
        format!("长度不对: {}", expected(rest))
    } else if let Some((_, zh)) = JSON_SYNTAX_ZH.iter().find(|(e, _)| en.starts_with(e)) {
        format!("JSON 格式错误: {zh}")
    } else {
        format!("JSON 格式错误: {en}")
    }
}

impl CaseError {
    fn new(field: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> CaseError {
        CaseError {
            field: field.into(),
            line: None,
            message_en: en.into(),
            message_zh: zh.into(),
        }
    }
}

/// Read and check a case file given as bytes (a file, an upload, a batch
/// line): its size is checked before anything else, then its encoding
/// (UTF-8, a leading byte-order mark dropped; GBK and UTF-16 are named),
/// then [`parse_case`].
///
/// # Errors
/// As [`parse_case`]; a text that is not UTF-8 is refused at the line,
/// column and byte where it stops being UTF-8 (field `.`).
pub fn parse_case_bytes(bytes: &[u8]) -> Result<Case, CaseError> {
    if bytes.len() > MAX_CASE_BYTES {
        return Err(too_big(bytes.len()));
    }
    let text = crate::text_bytes::utf8_text(bytes).map_err(|e| {
        let (zh, en) = e.messages();
        CaseError {
            line: Some(e.line),
            ..CaseError::new(".", en, zh)
        }
    })?;
    parse_case(text)
}

/// The file is larger than [`MAX_CASE_BYTES`].
pub fn too_big(len: usize) -> CaseError {
    CaseError::new(
        ".",
        format!("the file is {len} bytes; at most {MAX_CASE_BYTES} are accepted"),
        format!("文件过大({len} 字节)，上限 {MAX_CASE_BYTES} 字节"),
    )
}

/// Read and check a case file.
///
/// # Errors
/// A [`CaseError`] naming the field: malformed JSON, unknown fields, wrong
/// types, impossible dates, a wrong `format`, negative or absurd numbers,
/// dates in an impossible order.
pub fn parse_case(json: &str) -> Result<Case, CaseError> {
    // A byte-order mark from a Windows editor is not part of the JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.len() > MAX_CASE_BYTES {
        return Err(too_big(json.len()));
    }
    // serde reads a struct from an array too, which would give a baffling
    // message about element [0]; a case file is an object.
    if !json.trim_start().starts_with('{') {
        return Err(CaseError::new(
            ".",
            "a case file is one JSON object: { \"format\": \"yekuo-case/1\", … }",
            "案例文件应为一个 JSON 对象: { \"format\": \"yekuo-case/1\", … }",
        ));
    }
    let case: Case = serde_json::from_str(json).map_err(|e: serde_json::Error| {
        let mut msg = e.to_string();
        // serde_json appends " at line L column C"; the line is kept separately.
        if let Some(i) = msg.rfind(" at line ") {
            msg.truncate(i);
        }
        // Where serde_json stamped the position depends on who raised the
        // error (see `Anchor`); our own date checks start with a backtick.
        let anchor = if msg.starts_with("missing field") {
            Anchor::Object
        } else if msg.starts_with("duplicate field") || msg.starts_with('`') {
            Anchor::AfterValue
        } else {
            Anchor::AtValue
        };
        let field = crate::json_path::path_at(json, e.line(), e.column(), anchor);
        let line = Some(e.line());
        CaseError {
            field,
            line,
            message_zh: zh_for(&msg),
            message_en: msg,
        }
    })?;
    case.check()?;
    Ok(case)
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
        ] {
            if let Some(x) = v {
                if !(x.is_finite() && x > 0.0 && x <= limits::MAX_QUANTITY) {
                    let max = limits::MAX_QUANTITY;
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
