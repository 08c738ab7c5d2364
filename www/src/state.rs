//! The app's state and its one pure reducer.
//!
//! Every change the user or a timer makes is an [`Action`]; [`State::apply`]
//! returns the next state and does nothing else (no storage, no clock, no
//! DOM). Effects in the view layer save, restore and schedule; this module
//! is tested natively.

use crate::draft::{Draft, Input};
use chrono::NaiveDate;
use yekuo::case::CaseError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The default: plain questions, autosaved.
    Customer,
    /// `?mode=clerk`: every field, dense, autosaved.
    Clerk,
    /// `?mode=kiosk`: touch, nothing persisted, wiped when idle or finished.
    Kiosk,
}

impl Mode {
    /// From the page's query string (`?mode=clerk`); without one (or with
    /// an unknown one), the page's default: the customer mode on the web,
    /// the kiosk mode in the single-file build.
    pub fn from_query(query: &str, default: Mode) -> Mode {
        let q = query.trim_start_matches('?');
        let mode = q.split('&').find_map(|kv| kv.strip_prefix("mode="));
        mode.and_then(Mode::parse).unwrap_or(default)
    }

    /// The name used in `?mode=` and in the page's `data-default-mode`.
    pub fn parse(name: &str) -> Option<Mode> {
        match name {
            "customer" => Some(Mode::Customer),
            "clerk" => Some(Mode::Clerk),
            "kiosk" => Some(Mode::Kiosk),
            _ => None,
        }
    }

    /// Whether this mode keeps the form across reloads.
    pub fn persists(self) -> bool {
        self != Mode::Kiosk
    }

    pub fn storage_key(self) -> &'static str {
        match self {
            Mode::Customer => "yekuo.v1.customer",
            Mode::Clerk => "yekuo.v1.clerk",
            Mode::Kiosk => "yekuo.v1.kiosk",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Pick the string of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Seconds without input before the kiosk warns, and before it wipes.
pub const KIOSK_WARN_AFTER_S: u32 = 120;
pub const KIOSK_WIPE_AFTER_S: u32 = 180;

/// A message in the banner at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub zh: String,
    pub en: String,
    /// The case field a located error is about.
    pub field: Option<String>,
    pub line: Option<usize>,
}

impl Notice {
    pub fn info(zh: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            error: false,
            zh: zh.into(),
            en: en.into(),
            field: None,
            line: None,
        }
    }

    pub fn error(zh: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            error: true,
            zh: zh.into(),
            en: en.into(),
            field: None,
            line: None,
        }
    }

    /// A case file or link that could not be read: where, and what was wrong.
    pub fn bad_case(source_zh: &str, source_en: &str, e: &CaseError) -> Notice {
        let at_zh = e.line.map(|l| format!("第 {l} 行，")).unwrap_or_default();
        let at_en = e.line.map(|l| format!("line {l}, ")).unwrap_or_default();
        Notice {
            error: true,
            zh: format!(
                "{source_zh}无法读取({at_zh}字段 {}): {}。当前填写的内容未改动。",
                e.field, e.message_zh
            ),
            en: format!(
                "The {source_en} could not be read ({at_en}field {}): {}. Your current entries are unchanged.",
                e.field, e.message_en
            ),
            field: Some(e.field.clone()),
            line: e.line,
        }
    }
}

/// Lists the form can add rows to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Contractors,
    Paused,
    Circuits,
    Emergency,
}

/// Where an imported case came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    File,
    Link,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Edit(String, Input),
    AddRow(List),
    RemoveRow(List, usize),
    /// A case file or link was read (or failed to be).
    Import(Source, Result<Box<Draft>, CaseError>),
    /// Bring back the draft an import or clear replaced.
    Undo,
    Clear,
    /// Kiosk 结束 / Finish: forget everything at once.
    Finish,
    SetLang(Lang),
    /// Clerk: evaluate as of this day instead of today (empty = today).
    SetAsOf(String),
    /// Seconds since the last input (kiosk idle timer).
    Idle(u32),
    Notify(Notice),
    DismissNotice,
    /// Another tab saved this mode's form: stop autosaving here, so neither
    /// tab silently overwrites the other.
    OtherTabSaved,
    /// The user chose to keep this tab's entries: autosave again.
    KeepThisTab,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub mode: Mode,
    pub lang: Lang,
    pub draft: Draft,
    /// Today, as the shell read it from the clock.
    pub today: NaiveDate,
    /// The clerk's evaluation date as typed.
    pub as_of_text: String,
    pub notice: Option<Notice>,
    /// What the last import or clear replaced, for 撤销 / Undo.
    pub previous: Option<Draft>,
    /// The kiosk's "are you still there?" warning is showing.
    pub idle_warning: bool,
    /// Autosave is paused because another tab edits the same form.
    pub autosave_paused: bool,
}

impl State {
    pub fn new(mode: Mode, today: NaiveDate) -> State {
        State {
            mode,
            lang: Lang::Zh,
            draft: Draft::default(),
            today,
            as_of_text: String::new(),
            notice: None,
            previous: None,
            idle_warning: false,
            autosave_paused: false,
        }
    }

    /// The day results are computed for: the clerk's date if valid, else today.
    pub fn as_of(&self) -> NaiveDate {
        yekuo::day::parse_iso(self.as_of_text.trim()).unwrap_or(self.today)
    }

    /// The reducer.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        match action {
            Action::Edit(key, input) => {
                s.draft.set(&key, input);
            }
            Action::AddRow(list) => {
                let d = &mut s.draft;
                match list {
                    List::Contractors => d.contractors.push(Default::default()),
                    List::Paused => d.paused.push(Default::default()),
                    List::Circuits => d.circuits.push(Default::default()),
                    List::Emergency => d.emergency.push(Default::default()),
                }
            }
            Action::RemoveRow(list, i) => {
                let d = &mut s.draft;
                match list {
                    List::Contractors if i < d.contractors.len() => drop(d.contractors.remove(i)),
                    List::Paused if i < d.paused.len() => drop(d.paused.remove(i)),
                    List::Circuits if i < d.circuits.len() => drop(d.circuits.remove(i)),
                    List::Emergency if i < d.emergency.len() => drop(d.emergency.remove(i)),
                    _ => {}
                }
            }
            Action::Import(source, Ok(draft)) => {
                let draft = *draft;
                if !s.draft.is_empty() && s.draft != draft {
                    s.previous = Some(std::mem::take(&mut s.draft));
                }
                s.draft = draft;
                let (zh, en) = match source {
                    Source::File => ("已导入案例文件。", "Case file imported."),
                    Source::Link => ("已从链接载入案例。", "Case loaded from the link."),
                };
                let undo = if s.previous.is_some() {
                    (
                        "原来填写的内容可用\"撤销\"恢复。",
                        " Your previous entries can be restored with Undo.",
                    )
                } else {
                    ("", "")
                };
                s.notice = Some(Notice::info(
                    format!("{zh}{}", undo.0),
                    format!("{en}{}", undo.1),
                ));
            }
            Action::Import(source, Err(e)) => {
                let (zh, en) = match source {
                    Source::File => ("案例文件", "case file"),
                    Source::Link => ("链接中的案例", "case in the link"),
                };
                s.notice = Some(Notice::bad_case(zh, en, &e));
            }
            Action::Undo => {
                if let Some(prev) = s.previous.take() {
                    s.draft = prev;
                    s.notice = Some(Notice::info(
                        "已恢复原来填写的内容。",
                        "Your previous entries are back.",
                    ));
                }
            }
            Action::Clear => {
                if !s.draft.is_empty() {
                    s.previous = Some(std::mem::take(&mut s.draft));
                    s.notice = Some(Notice::info(
                        "已清空表单。如是误操作，请点\"撤销\"。",
                        "The form is cleared. Press Undo if that was a mistake.",
                    ));
                }
            }
            Action::Finish => return State::new(s.mode, s.today),
            Action::SetLang(lang) => s.lang = lang,
            Action::SetAsOf(text) => s.as_of_text = text,
            Action::Idle(seconds) => {
                if s.mode != Mode::Kiosk {
                    return s;
                }
                if seconds >= KIOSK_WIPE_AFTER_S {
                    return State::new(s.mode, s.today);
                }
                s.idle_warning = seconds >= KIOSK_WARN_AFTER_S;
            }
            Action::Notify(n) => s.notice = Some(n),
            Action::DismissNotice => s.notice = None,
            Action::OtherTabSaved => {
                if s.mode.persists() && !s.autosave_paused {
                    s.autosave_paused = true;
                    s.notice = Some(Notice::error(
                        "此表单正在另一个标签页中修改。为免互相覆盖，本页已暂停自动保存；本页内容仍在。刷新本页可载入另一页的内容，或点\"保留本页内容\"以本页为准。",
                        "This form is being edited in another tab. To keep the tabs from overwriting each other, this tab has stopped autosaving; its entries are still here. Reload to take the other tab's entries, or choose \"Keep this tab\".",
                    ));
                }
            }
            Action::KeepThisTab => {
                s.autosave_paused = false;
                s.notice = None;
            }
        }
        s
    }
}

/// What autosave keeps: the draft and the language, nothing else.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    pub draft: Draft,
    pub as_of: String,
}

/// The stored form of [`Saved`]: the draft as its list of form fields
/// (`crate::draft_fields`), each value encoded as a string.
#[derive(serde::Serialize, serde::Deserialize)]
struct SavedText {
    version: u32,
    lang: Lang,
    #[serde(default)]
    as_of: String,
    fields: Vec<(String, String)>,
}

/// Version 2 stores the field list; version 1 (a serde copy of the draft)
/// is set aside and reported like any save this page cannot read.
pub const SAVED_VERSION: u32 = 2;

impl Saved {
    pub fn of(state: &State) -> Saved {
        Saved {
            version: SAVED_VERSION,
            lang: state.lang,
            draft: state.draft.clone(),
            as_of: state.as_of_text.clone(),
        }
    }

    /// The text autosave writes.
    pub fn to_text(&self) -> String {
        let file = SavedText {
            version: self.version,
            lang: self.lang,
            as_of: self.as_of.clone(),
            fields: self
                .draft
                .fields()
                .into_iter()
                .map(|(k, v)| (k, crate::draft_fields::encode(&v)))
                .collect(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Read a saved state. A corrupt or foreign value, or a field this page
    /// cannot place, is an error (the caller sets the save aside and tells
    /// the user), never silently an emptier form.
    pub fn parse(text: &str) -> Result<Saved, String> {
        let file: SavedText = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if file.version != SAVED_VERSION {
            return Err(format!(
                "saved by format version {}, this page reads {SAVED_VERSION}",
                file.version
            ));
        }
        let mut fields = Vec::with_capacity(file.fields.len());
        for (k, v) in file.fields {
            let input = crate::draft_fields::decode(&v)
                .ok_or_else(|| format!("field {k}: unreadable value"))?;
            fields.push((k, input));
        }
        let (draft, unplaced) = Draft::from_fields(fields);
        if !unplaced.is_empty() {
            return Err(format!(
                "fields this page does not know: {}",
                unplaced.join(", ")
            ));
        }
        Ok(Saved {
            version: file.version,
            lang: file.lang,
            draft,
            as_of: file.as_of,
        })
    }

    pub fn restore(self, mode: Mode, today: NaiveDate) -> State {
        State {
            lang: self.lang,
            draft: self.draft,
            as_of_text: self.as_of,
            ..State::new(mode, today)
        }
    }
}
