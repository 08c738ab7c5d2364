//! What the clerk's worklist keeps in the browser's storage, as text.
//!
//! One key per case (`yekuo.v1.clerk.worklist.<id>`, the autosave's text
//! of the case's form fields, `state::Saved`), so an edit writes one small
//! value, not the whole list, and two tabs adding cases do not overwrite
//! each other's index. One more key holds the list's settings (the "due
//! soon" span and the case open in the form). The keys begin with the
//! clerk's, so a kiosk on the same origin never wipes them (it wipes only
//! `yekuo.v1.kiosk…`), and they are not the clerk form's own key, so
//! saving a case is not taken for another tab editing the form.

use crate::draft::Draft;
use crate::json_lite;
use crate::state::Saved;

/// The settings' key; cases are under `CASE_PREFIX` + id.
pub const SETTINGS_KEY: &str = "yekuo.v1.clerk.worklist";
pub const CASE_PREFIX: &str = "yekuo.v1.clerk.worklist.";

/// The list's settings as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub within: u32,
    pub open: Option<u32>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            within: crate::worklist::DEFAULT_WITHIN,
            open: None,
        }
    }
}

impl Settings {
    pub fn to_text(self) -> String {
        let open = self.open.map_or("null".to_string(), |o| o.to_string());
        format!(
            "{{\"version\":1,\"within\":{},\"open\":{open}}}",
            self.within
        )
    }

    /// Settings that cannot be read are the defaults: they hold no case.
    pub fn parse(text: &str) -> Settings {
        let Ok(json) = json_lite::parse(text) else {
            return Settings::default();
        };
        let within = json
            .get("within")
            .and_then(|w| w.as_u32())
            .filter(|w| *w <= crate::worklist::MAX_WITHIN)
            .unwrap_or(crate::worklist::DEFAULT_WITHIN);
        let open = json.get("open").and_then(|o| o.as_u32());
        Settings { within, open }
    }
}

/// The storage key of case `id`.
pub fn case_key(id: u32) -> String {
    format!("{CASE_PREFIX}{id}")
}

/// The case id a storage key names, if it is a worklist case's key.
pub fn case_id(key: &str) -> Option<u32> {
    let rest = key.strip_prefix(CASE_PREFIX)?;
    // Only the digits `case_key` writes: "007" or "+7" is someone else's.
    if rest.is_empty() || rest.starts_with('0') || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

/// The text stored for a case.
pub fn entry_text(draft: &Draft) -> String {
    Saved::of_draft(draft.clone()).to_text()
}

/// A stored case's form, or why it cannot be read.
pub fn read_entry(text: &str) -> Result<Draft, String> {
    Saved::parse(text).map(|s| s.draft)
}
