//! Reading a case from bytes or text: the size cap, the encoding, serde's
//! errors turned into a [`CaseError`] at the field's JSON path with a
//! Chinese translation, and the date fields' deserializers.

use super::{Case, CaseError};
use crate::json_path::Anchor;
use crate::limits;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

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

pub(super) fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => parse_day(&s).map(Some).map_err(serde::de::Error::custom),
    }
}

pub(super) fn de_date_req<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse_day(&s).map_err(serde::de::Error::custom)
}

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
