//! A worklist row of a CSV file (a marketing-system export) as a case:
//! the header names the columns (docs/worklist.md), each row becomes a
//! `yekuo-case/1` JSON text and is read by `case::parse_case`, so a CSV
//! case is checked exactly like a case file. An error names the row and
//! column as a spreadsheet shows them (row 1 is the header, column A the
//! first).
//!
//! The CSV itself is read by the `csv` crate; nothing here splits lines
//! or quotes.

use std::fmt::Write as _;

/// What a column holds, and where in the case file it goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A string, as given (enums are checked by the case reader).
    Text,
    /// A number.
    Number,
    /// true/false, 是/否, yes/no, 1/0; blank = not given.
    Bool,
    /// `FROM..TO` intervals separated by `;` (CAL-10 pauses).
    Pauses,
}

/// Every column a worklist CSV may have: its header, the case field it
/// fills (a JSON path) and its kind. Only `category` and `business` are
/// required; a blank cell is a value not given.
const COLUMNS: &[(&str, &str, Kind)] = &[
    ("title", "title", Kind::Text),
    ("category", "customer.category", Kind::Text),
    ("business", "customer.business", Kind::Text),
    ("voltage_kv", "customer.voltage_kv", Kind::Number),
    ("capacity_kva", "customer.capacity_kva", Kind::Number),
    ("capacity_kw", "customer.capacity_kw", Kind::Number),
    ("important", "customer.important", Kind::Bool),
    ("special_load", "customer.special_load", Kind::Bool),
    ("external_works", "customer.external_works", Kind::Bool),
    ("operator", "utility.operator", Kind::Text),
    ("province", "utility.province", Kind::Text),
    ("sources", "supply.sources", Kind::Text),
    ("convention", "convention", Kind::Text),
    ("accepted", "dates.accepted", Kind::Text),
    ("plan_issued", "dates.plan_issued", Kind::Text),
    ("plan_signed", "dates.plan_signed", Kind::Text),
    ("design_submitted", "dates.design_submitted", Kind::Text),
    ("design_reviewed", "dates.design_reviewed", Kind::Text),
    (
        "mid_check_requested",
        "dates.mid_check_requested",
        Kind::Text,
    ),
    ("mid_check_started", "dates.mid_check_started", Kind::Text),
    ("construction_start", "dates.construction_start", Kind::Text),
    (
        "completion_requested",
        "dates.completion_requested",
        Kind::Text,
    ),
    ("inspected", "dates.inspected", Kind::Text),
    ("inspection_passed", "dates.inspection_passed", Kind::Text),
    ("formalities", "dates.formalities", Kind::Text),
    ("formalities_latest", "dates.formalities_latest", Kind::Text),
    ("power_on", "dates.power_on", Kind::Text),
    (
        "extension_requested",
        "dates.extension_requested",
        Kind::Text,
    ),
    (
        "extension_granted_until",
        "dates.extension_granted_until",
        Kind::Text,
    ),
    ("paused", "paused", Kind::Pauses),
];

const REQUIRED: [&str; 2] = ["category", "business"];

/// The header row read: for each column of the file, which case field.
pub struct Header {
    /// Index into [`COLUMNS`] per column of the file.
    columns: Vec<usize>,
}

/// A located error in a CSV file: row (1 = the header) and column.
#[derive(Debug)]
pub struct CellError {
    pub row: u64,
    /// 0-based column index and header name, when the error is in one cell.
    pub column: Option<(usize, String)>,
    pub zh: String,
    pub en: String,
}

impl CellError {
    fn at(row: u64, col: usize, name: &str, zh: String, en: String) -> CellError {
        CellError {
            row,
            column: Some((col, name.to_string())),
            zh,
            en,
        }
    }
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some((i, name)) => write!(
                f,
                "第 {} 行 {} 列({name}) / row {}, column {} ({name}): {} / {}",
                self.row,
                letters(*i),
                self.row,
                letters(*i),
                self.zh,
                self.en
            ),
            None => write!(
                f,
                "第 {} 行 / row {}: {} / {}",
                self.row, self.row, self.zh, self.en
            ),
        }
    }
}

/// A spreadsheet's column name: 0 → A, 25 → Z, 26 → AA.
pub fn letters(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn allowed() -> String {
    COLUMNS.iter().map(|c| c.0).collect::<Vec<_>>().join(", ")
}

impl Header {
    /// Read the header row. Names are matched without surrounding spaces
    /// and case; a byte-order mark before the first is dropped.
    pub fn read(record: &csv::ByteRecord) -> Result<Header, CellError> {
        let mut columns = Vec::with_capacity(record.len());
        for (i, raw) in record.iter().enumerate() {
            let raw = if i == 0 {
                raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw)
            } else {
                raw
            };
            let name = String::from_utf8_lossy(raw).trim().to_ascii_lowercase();
            let Some(k) = COLUMNS.iter().position(|c| c.0 == name) else {
                return Err(CellError::at(
                    1,
                    i,
                    &name,
                    format!("未知的列名 `{name}`，可用: {}", allowed()),
                    format!("unknown column `{name}`; the columns are: {}", allowed()),
                ));
            };
            if columns.contains(&k) {
                return Err(CellError::at(
                    1,
                    i,
                    &name,
                    "列名重复".into(),
                    "this column is named twice".into(),
                ));
            }
            columns.push(k);
        }
        for r in REQUIRED {
            if !columns.iter().any(|&k| COLUMNS[k].0 == r) {
                return Err(CellError {
                    row: 1,
                    column: None,
                    zh: format!("缺少必需的列 `{r}`"),
                    en: format!("the required column `{r}` is missing"),
                });
            }
        }
        Ok(Header { columns })
    }

    /// Row `row` (as a spreadsheet numbers it) as a case's JSON text,
    /// written into `out`. A cell that cannot go into the case at all
    /// (a number that is not one, a yes/no that is neither, bad UTF-8, a
    /// pause without `..`) is an error here; the rest is the case reader's.
    pub fn case_json(
        &self,
        row: u64,
        record: &csv::ByteRecord,
        out: &mut String,
    ) -> Result<(), CellError> {
        if record.len() != self.columns.len() {
            return Err(CellError {
                row,
                column: None,
                zh: format!(
                    "该行有 {} 个字段，表头有 {} 列",
                    record.len(),
                    self.columns.len()
                ),
                en: format!(
                    "the row has {} fields; the header has {} columns",
                    record.len(),
                    self.columns.len()
                ),
            });
        }
        // Cells by case section, so each JSON object is written once.
        let mut sections: [Vec<(usize, &str)>; 5] = Default::default();
        let mut title = None;
        let mut convention = None;
        let mut paused = None;
        for (i, (raw, &k)) in record.iter().zip(&self.columns).enumerate() {
            let (name, path, _) = COLUMNS[k];
            let text = std::str::from_utf8(raw).map_err(|e| {
                CellError::at(
                    row,
                    i,
                    name,
                    format!(
                        "不是有效的 UTF-8 文本(第 {} 字节起)，请以 UTF-8 保存 CSV",
                        e.valid_up_to() + 1
                    ),
                    format!(
                        "not UTF-8 text (from byte {}); save the CSV as UTF-8",
                        e.valid_up_to() + 1
                    ),
                )
            })?;
            let text = text.trim();
            if text.is_empty() {
                if REQUIRED.contains(&name) {
                    return Err(CellError::at(
                        row,
                        i,
                        name,
                        "必填，不能为空".into(),
                        "required; the cell is empty".into(),
                    ));
                }
                continue;
            }
            match path.split_once('.') {
                Some(("customer", _)) => sections[0].push((i, text)),
                Some(("utility", _)) => sections[1].push((i, text)),
                Some(("supply", _)) => sections[2].push((i, text)),
                Some(("dates", _)) => sections[3].push((i, text)),
                _ if path == "title" => title = Some(text),
                _ if path == "convention" => convention = Some(text),
                _ => paused = Some((i, text)),
            }
        }
        out.clear();
        out.push_str("{\"format\":\"yekuo-case/1\"");
        if let Some(t) = title {
            out.push_str(",\"title\":");
            push_str(out, t);
        }
        if let Some(c) = convention {
            out.push_str(",\"convention\":");
            push_str(out, c);
        }
        for (section, cells) in ["customer", "utility", "supply", "dates"]
            .iter()
            .zip(&sections)
        {
            // `customer` is required: written even when empty, so the case
            // reader names its missing fields.
            if cells.is_empty() && *section != "customer" {
                continue;
            }
            let _ = write!(out, ",\"{section}\":{{");
            for (n, &(i, text)) in cells.iter().enumerate() {
                let (name, path, kind) = COLUMNS[self.columns[i]];
                if n > 0 {
                    out.push(',');
                }
                let field = path.split_once('.').map_or(path, |p| p.1);
                let _ = write!(out, "\"{field}\":");
                self.value(row, i, name, kind, text, out)?;
            }
            out.push('}');
        }
        if let Some((i, text)) = paused {
            out.push_str(",\"paused\":[");
            for (n, part) in text.split([';', '；']).map(str::trim).enumerate() {
                let Some((from, to)) = part.split_once("..") else {
                    return Err(CellError::at(
                        row,
                        i,
                        "paused",
                        format!("`{part}` 应写作 起..止，如 2024-03-22..2024-04-19，多段用 ; 分隔"),
                        format!(
                            "`{part}` should read FROM..TO, e.g. 2024-03-22..2024-04-19, several separated by ;"
                        ),
                    ));
                };
                if n > 0 {
                    out.push(',');
                }
                out.push_str("{\"from\":");
                push_str(out, from.trim());
                out.push_str(",\"to\":");
                push_str(out, to.trim());
                out.push('}');
            }
            out.push(']');
        }
        out.push('}');
        Ok(())
    }

    fn value(
        &self,
        row: u64,
        i: usize,
        name: &str,
        kind: Kind,
        text: &str,
        out: &mut String,
    ) -> Result<(), CellError> {
        match kind {
            Kind::Text | Kind::Pauses => push_str(out, text),
            Kind::Number => match text.parse::<f64>() {
                Ok(x) if x.is_finite() => {
                    let _ = write!(out, "{x}");
                }
                _ => {
                    return Err(CellError::at(
                        row,
                        i,
                        name,
                        format!("`{text}` 不是数字"),
                        format!("`{text}` is not a number"),
                    ))
                }
            },
            Kind::Bool => {
                let b = match text.to_ascii_lowercase().as_str() {
                    "true" | "yes" | "y" | "1" | "是" => true,
                    "false" | "no" | "n" | "0" | "否" => false,
                    _ => {
                        return Err(CellError::at(
                            row,
                            i,
                            name,
                            format!("`{text}` 应为 是/否(true/false)，不知道则留空"),
                            format!(
                            "`{text}` should be true or false (是/否); leave it blank if unknown"
                        ),
                        ))
                    }
                };
                out.push_str(if b { "true" } else { "false" });
            }
        }
        Ok(())
    }

    /// The column of a case-file field (`dates.accepted`, `paused[0].from`)
    /// named by the case reader, with its index in this file.
    pub fn column_of(&self, field: &str) -> Option<(usize, &'static str)> {
        let base = field.split('[').next().unwrap_or(field);
        self.columns.iter().enumerate().find_map(|(i, &k)| {
            let (name, path, _) = COLUMNS[k];
            (path == base).then_some((i, name))
        })
    }
}

/// `s` as a JSON string.
fn push_str(out: &mut String, s: &str) {
    // serde_json's escaping, not ours: a cell may hold quotes, backslashes
    // or control characters.
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_column_names() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
