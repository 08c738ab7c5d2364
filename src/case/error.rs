//! Why a case cannot be read: the field, the line and the problem in both
//! languages. Its own module because both reading (`parse`) and the
//! cross-field checks (`check`) raise it.

use serde::Serialize;
use std::fmt;

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

impl CaseError {
    /// An error about `field` with no line; where the line is known, the
    /// caller sets it.
    pub(super) fn new(
        field: impl Into<String>,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) -> CaseError {
        CaseError {
            field: field.into(),
            line: None,
            message_en: en.into(),
            message_zh: zh.into(),
        }
    }
}
