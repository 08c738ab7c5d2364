//! The app's state and its one pure reducer.
//!
//! Every change the user or a timer makes is an [`Action`]; [`State::apply`]
//! returns the next state and does nothing else (no storage, no clock, no
//! DOM). Effects in the view layer save, restore and schedule; this module
//! is tested natively.

use crate::draft::{Draft, Input};
use crate::worklist::{ListAction, Worklist};
use chrono::NaiveDate;
use yekuo::case::CaseError;

pub use crate::lang::Lang;

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
    /// an unknown one), `default`.
    pub fn from_query(query: &str, default: Mode) -> Mode {
        let q = query.trim_start_matches('?');
        let mode = q.split('&').find_map(|kv| kv.strip_prefix("mode="));
        mode.and_then(Mode::parse).unwrap_or(default)
    }

    /// The page's mode: the one the page forces (`data-mode`, the
    /// single-file kiosk build) whatever the address says, since anyone at a
    /// kiosk can edit the address bar; otherwise the query's, else customer.
    pub fn for_page(query: &str, forced: Option<Mode>) -> Mode {
        forced.unwrap_or_else(|| Mode::from_query(query, Mode::Customer))
    }

    /// The name used in `?mode=` and in the page's `data-mode`.
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

/// Whether a kiosk's wipe removes this storage key. A kiosk served next to
/// the customer and clerk modes shares their origin, so it removes only its
/// own keys (`yekuo.v1.kiosk…`), never another tab's form or its
/// `.corrupt` backup. A page forced into kiosk mode (the single-file build)
/// is the only yekuo on its machine by deployment, so every `yekuo.` key of
/// its origin is a visitor's leftover (an older copy obeyed `?mode=clerk`
/// and autosaved) and goes too. Keys of other applications are never ours.
pub fn kiosk_wipes(key: &str, forced_kiosk: bool) -> bool {
    let prefix = if forced_kiosk {
        "yekuo."
    } else {
        Mode::Kiosk.storage_key()
    };
    key.starts_with(prefix)
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

    /// A case file or link that could not be read: where, and what was
    /// wrong. The field is named by its form label. A file's line and its
    /// own JSON path follow, since they are where the file must be edited;
    /// a link has no text to edit, so its path is shown only for a field the
    /// form does not have (an unknown field), which no label can name.
    /// While a restore link's case is read ([`Action::OpeningLink`]).
    pub fn opening_link() -> Notice {
        Notice::info("正在打开链接中的案例…", "Opening the case in the link…")
    }

    pub fn bad_case(source: Source, e: &CaseError) -> Notice {
        let (source_zh, source_en) = match source {
            Source::File => ("案例文件", "case file"),
            Source::Link => ("链接中的案例", "case in the link"),
        };
        let label = |lang| crate::labels::label(&e.field, lang);
        let mut at_zh = Vec::new();
        let mut at_en = Vec::new();
        if let Some(l) = e.line {
            at_zh.push(format!("第 {l} 行"));
            at_en.push(format!("line {l}"));
        }
        let labelled = match (label(Lang::Zh), label(Lang::En)) {
            (Some(zh), Some(en)) => {
                at_zh.push(format!("“{zh}”"));
                at_en.push(format!("\"{en}\""));
                true
            }
            _ => false,
        };
        // `.` is the file as a whole: no field to show.
        if e.field != "." && (source == Source::File || !labelled) {
            at_zh.push(format!("文件中的 {}", e.field));
            at_en.push(format!("{} in the file", e.field));
        }
        let at = |parts: Vec<String>, open: &str, sep: &str| match parts.is_empty() {
            true => String::new(),
            false => format!("{open}{})", parts.join(sep)),
        };
        Notice {
            error: true,
            zh: format!(
                "{source_zh}无法读取{}: {}。当前填写的内容未改动。",
                at(at_zh, "(", "，"),
                e.message_zh
            ),
            en: format!(
                "The {source_en} could not be read{}: {}. Your current entries are unchanged.",
                at(at_en, " (", ", "),
                e.message_en
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
    /// A restore link is being read (the import module is on its way): on
    /// an empty form, the form opens now and says so, rather than showing
    /// the start page that the link's case would replace a moment later.
    OpeningLink,
    /// A case file or link was read (or failed to be).
    Import(Source, Result<Box<Draft>, CaseError>),
    /// The case file or restore link could not be written (the import
    /// module, which writes them, did not load): why, in both languages.
    WriteFailed(CaseError),
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
    /// The day the clock says it is now, read by the shell every minute: a
    /// page left open past midnight (a kiosk runs for days) counts from
    /// the new day; no change when it is the same day.
    Today(NaiveDate),
    /// A date control holds text the browser cannot read as a date (its
    /// value is then empty and `validity.badInput` set): `true` while it
    /// does. The draft keeps its last readable value meanwhile.
    BadInput(String, bool),
    Notify(Notice),
    DismissNotice,
    /// Another tab saved this mode's form: stop autosaving here, so neither
    /// tab silently overwrites the other.
    OtherTabSaved,
    /// The user chose to keep this tab's entries: autosave again.
    KeepThisTab,
    /// The autosave could not be read. `copied`: a copy was kept under
    /// `<key>.corrupt` (and the key freed); otherwise the copy failed
    /// (storage full) and the unreadable value is still under `key`.
    CorruptSave {
        reason: String,
        key: String,
        copied: bool,
    },
    /// Open the case a restore link carries, replacing the form (the user
    /// said yes to [`State::pending_link`]).
    AcceptLink,
    /// Keep the form; forget the link's case.
    KeepForm,
    /// The browser refused the autosave (storage full or disabled).
    AutosaveFailed,
    /// An autosave went through again after failing.
    AutosaveWorked,
    /// Customer mode: go to a page of the questions before applying.
    Go(Journey),
    /// Clerk mode: the worklist of many cases (issue 15).
    List(ListAction),
}

/// Customer mode's pages (issue 14): a start page, one question a page,
/// the answer; or the full form ("我已申请，查进度"). Not saved: a reload
/// with entries opens the form, without them the start page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Journey {
    Start,
    /// Who are you: the customer category.
    Who,
    /// What do you want: the business.
    What,
    Answer,
    /// Optional, from the answer: may this contractor do the work?
    Contractor,
    /// The full form and its results (the clerk's only page; the second
    /// path of customers and of the served kiosk).
    Form,
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
    /// Seconds the kiosk has been idle (the warning counts down from it).
    pub idle_seconds: u32,
    /// Date controls whose typed text is not a date (see [`Action::BadInput`]).
    pub bad_input: Vec<String>,
    /// Autosave is paused because another tab edits the same form.
    pub autosave_paused: bool,
    /// Autosave is off for good in this tab: its key holds an unreadable
    /// save that could not be copied aside, and saving would destroy it.
    pub autosave_blocked: bool,
    /// The last autosave was refused by the browser.
    pub autosave_failed: bool,
    /// A restore link's case waiting for the user's yes: a link never
    /// replaces entries without asking, since the replaced form would
    /// otherwise live only as long as this tab's Undo.
    pub pending_link: Option<Box<Draft>>,
    /// Customer mode's page.
    pub journey: Journey,
    /// Clerk mode's worklist (empty and never shown in the other modes).
    pub worklist: Worklist,
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
            idle_seconds: 0,
            bad_input: Vec::new(),
            autosave_paused: false,
            autosave_blocked: false,
            autosave_failed: false,
            pending_link: None,
            worklist: Worklist::new(today),
            // A kiosk's passer-by gets the homeowner's questions (in big
            // type): nothing to type on a screen with no keyboard, and what
            // a wipe or Finish leaves for the next person is the start page.
            journey: if mode == Mode::Clerk {
                Journey::Form
            } else {
                Journey::Start
            },
        }
    }

    /// As a fresh page of this mode shows it, the idle count aside.
    pub fn untouched(&self) -> bool {
        let fresh = State::new(self.mode, self.today);
        *self
            == State {
                idle_warning: self.idle_warning,
                idle_seconds: self.idle_seconds,
                ..fresh
            }
    }

    /// Whether autosave should write this state.
    pub fn autosaves(&self) -> bool {
        self.mode.persists() && !self.autosave_paused && !self.autosave_blocked
    }

    /// Entries that exist only in this tab (autosave paused, off or
    /// failing): leaving the page would lose them, so the page asks first.
    /// Never in the kiosk, which is meant to forget.
    pub fn unsaved(&self) -> bool {
        let form = !self.draft.is_empty()
            && (self.autosave_paused || self.autosave_blocked || self.autosave_failed);
        self.mode.persists() && (form || self.worklist.unsaved > 0)
    }

    /// Put an imported draft in place of the form, keeping the old one for Undo.
    fn replace_draft(&mut self, source: Source, draft: Draft) {
        if !self.draft.is_empty() && self.draft != draft {
            self.previous = Some(std::mem::take(&mut self.draft));
        }
        self.draft = draft;
        self.bad_input.clear();
        let (zh, en) = match source {
            Source::File => ("已导入案例文件。", "Case file imported."),
            Source::Link => ("已从链接载入案例。", "Case loaded from the link."),
        };
        let undo = if self.previous.is_some() {
            (
                "原来填写的内容可用\"撤销\"恢复。",
                " Your previous entries can be restored with Undo.",
            )
        } else {
            ("", "")
        };
        self.notice = Some(Notice::info(
            format!("{zh}{}", undo.0),
            format!("{en}{}", undo.1),
        ));
    }

    /// The day results are computed for: the clerk's date if valid, else today.
    pub fn as_of(&self) -> NaiveDate {
        yekuo::day::parse_iso(self.as_of_text.trim()).unwrap_or(self.today)
    }

    /// The reducer.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        // A case read from a file or a link is for the form.
        if matches!(action, Action::Import(_, Ok(_)) | Action::AcceptLink) {
            s.journey = Journey::Form;
            s.worklist.visible = false;
        }
        // Typing in a case opened from the worklist saves it back to the
        // list; anything else that replaces the form (an import, a link,
        // clear, undo) leaves the list's case as it was.
        #[cfg(feature = "app")]
        let edits_form = matches!(
            action,
            Action::Edit(..) | Action::AddRow(_) | Action::RemoveRow(..)
        );
        #[cfg(feature = "app")]
        let list_action = matches!(action, Action::List(_));
        match action {
            Action::Edit(key, input) => {
                s.bad_input.retain(|k| *k != key);
                s.draft.set(&key, input);
            }
            Action::BadInput(key, bad) => {
                s.bad_input.retain(|k| *k != key);
                if bad {
                    s.bad_input.push(key);
                }
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
            // A link opened over other entries waits for the user's answer.
            Action::Import(Source::Link, Ok(draft)) if !s.draft.is_empty() && s.draft != *draft => {
                s.pending_link = Some(draft);
                // Typed into while it loaded: the question replaces "opening".
                if s.notice == Some(Notice::opening_link()) {
                    s.notice = None;
                }
            }
            Action::Import(source, Ok(draft)) => s.replace_draft(source, *draft),
            Action::AcceptLink => {
                if let Some(draft) = s.pending_link.take() {
                    s.replace_draft(Source::Link, *draft);
                }
            }
            Action::KeepForm => {
                if s.pending_link.take().is_some() {
                    s.notice = Some(Notice::info(
                        "已保留当前填写的内容，未打开链接中的案例。",
                        "Your entries are kept; the case in the link was not opened.",
                    ));
                }
            }
            Action::OpeningLink => {
                if s.draft.is_empty() {
                    s.journey = Journey::Form;
                    // A notice already there (a corrupt autosave) stays.
                    s.notice.get_or_insert_with(Notice::opening_link);
                }
            }
            Action::Import(source, Err(e)) => {
                // A link that cannot be read leaves an empty form where it
                // found one: back to the mode's first page, with the reason.
                if source == Source::Link && s.draft.is_empty() {
                    s.journey = State::new(s.mode, s.today).journey;
                }
                s.notice = Some(Notice::bad_case(source, &e));
            }
            Action::Undo => {
                if let Some(prev) = s.previous.take() {
                    s.draft = prev;
                    s.bad_input.clear();
                    s.notice = Some(Notice::info(
                        "已恢复原来填写的内容。",
                        "Your previous entries are back.",
                    ));
                }
            }
            Action::Clear => {
                if !s.draft.is_empty() {
                    s.bad_input.clear();
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
            Action::Today(day) => s.today = day,
            Action::Idle(seconds) => {
                // A kiosk nobody has touched has nothing to forget: no
                // "are you still there?" for an empty screen.
                if s.mode != Mode::Kiosk || s.untouched() {
                    return s;
                }
                if seconds >= KIOSK_WIPE_AFTER_S {
                    return State::new(s.mode, s.today);
                }
                s.idle_warning = seconds >= KIOSK_WARN_AFTER_S;
                s.idle_seconds = seconds;
            }
            Action::Notify(n) => s.notice = Some(n),
            Action::DismissNotice => s.notice = None,
            Action::WriteFailed(e) => {
                s.notice = Some(Notice::error(
                    format!("未能生成案例文件或恢复链接: {}", e.message_zh),
                    format!(
                        "The case file or restore link could not be made: {}",
                        e.message_en
                    ),
                ));
            }
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
            Action::CorruptSave {
                reason,
                key,
                copied: true,
            } => {
                s.notice = Some(Notice::error(
                    format!("上次自动保存的内容无法读取({reason})，已另存为 localStorage 的 \"{key}.corrupt\"，未删除。表单从空白开始。"),
                    format!("The autosaved form could not be read ({reason}); it was kept in localStorage as \"{key}.corrupt\", not deleted. The form starts empty."),
                ));
            }
            Action::CorruptSave {
                reason,
                key,
                copied: false,
            } => {
                s.autosave_blocked = true;
                s.notice = Some(Notice::error(
                    format!("上次自动保存的内容无法读取({reason})。浏览器存储已满，无法另存副本，因此它仍保留在 localStorage 的 \"{key}\" 中，未删除。为免覆盖它，本页不再自动保存；请导出案例文件保存您的填写。表单从空白开始。"),
                    format!("The autosaved form could not be read ({reason}). Browser storage is full, so no copy could be made: it stays unchanged in localStorage as \"{key}\", not deleted. So as not to overwrite it, this tab does not autosave; export the case file to keep your entries. The form starts empty."),
                ));
            }
            // Said once, when saving starts to fail: every later change fails
            // too, and repeating it would cover a newer message (such as why
            // the start bundle could not open the contractor question).
            Action::AutosaveFailed if s.autosave_failed => {}
            Action::AutosaveFailed => {
                s.autosave_failed = true;
                s.notice = Some(Notice::error(
                    "浏览器存储已满或被禁用: 表单无法自动保存，请导出案例文件以免丢失。",
                    "Browser storage is full or disabled: the form cannot be autosaved. Export the case file to keep it.",
                ));
            }
            Action::AutosaveWorked => s.autosave_failed = false,
            Action::Go(j) => {
                // The contractor's questions edit the form's first contractor;
                // left unanswered, the row goes again, so a look at the page
                // adds no empty contractor to the form and its results.
                let d = &mut s.draft.contractors;
                if j == Journey::Contractor && d.is_empty() {
                    d.push(Default::default());
                } else if j != Journey::Contractor
                    && s.journey == Journey::Contractor
                    && d.len() == 1
                    && d[0] == Default::default()
                {
                    d.clear();
                }
                s.journey = j;
            }
            // The worklist is the full app's (clerk mode): the start bundle
            // and the import module, built without `app`, carry none of it
            // (its deadlines would bring the time-limit rules along).
            #[cfg(feature = "app")]
            Action::List(a) => s.apply_list(a),
            #[cfg(not(feature = "app"))]
            Action::List(_) => {}
        }
        #[cfg(feature = "app")]
        s.follow_worklist(self, edits_form && !list_action, list_action);
        s
    }

    /// After an action: an edit of a case opened from the worklist is saved
    /// to it, anything else that replaced the form leaves the list's case
    /// as it was; a new as-of date recomputes the whole list.
    #[cfg(feature = "app")]
    fn follow_worklist(&mut self, before: &State, edited: bool, list_action: bool) {
        if self.worklist.open.is_some() && self.draft != before.draft && !list_action {
            if edited {
                self.worklist.save_open(&self.draft);
            } else {
                self.worklist.open = None;
            }
        }
        if self.as_of() != before.as_of() {
            let as_of = self.as_of();
            self.worklist.set_as_of(as_of);
        }
    }

    /// The worklist's part of the reducer.
    #[cfg(feature = "app")]
    fn apply_list(&mut self, action: ListAction) {
        let w = &mut self.worklist;
        match action {
            ListAction::Show(on) => w.visible = on,
            ListAction::AddCurrent if w.open.is_some() => {}
            ListAction::AddCurrent => {
                if self.draft.check().case.is_none() {
                    self.notice = Some(Notice::error(
                        "请先选择客户类别和业务，再加入预警清单。",
                        "Choose the customer category and business first, then add the case to the worklist.",
                    ));
                } else {
                    w.open = w.add([self.draft.clone()]);
                    self.notice = Some(Notice::info(
                        "已加入预警清单。此后对本案例的修改会自动存入清单。",
                        "Added to the worklist. Your further changes to this case are saved to the list.",
                    ));
                }
            }
            ListAction::Import(results) => {
                let mut drafts = Vec::new();
                let mut errors = Vec::new();
                for r in results {
                    match r {
                        Ok(d) => drafts.push(d),
                        Err(e) => errors.push(e),
                    }
                }
                let added = drafts.len();
                w.add(drafts);
                w.visible = true;
                self.notice = Some(import_notice(added, &errors));
            }
            ListAction::Open(id) => {
                let Some(entry) = w.get(id).cloned() else {
                    return;
                };
                // The form's own entries (not a list case) can come back with Undo.
                if w.open.is_none() && !self.draft.is_empty() && self.draft != *entry.draft {
                    self.previous = Some(std::mem::take(&mut self.draft));
                }
                self.draft = (*entry.draft).clone();
                self.bad_input.clear();
                w.open = Some(id);
                w.visible = false;
                self.journey = Journey::Form;
            }
            ListAction::Remove(id) => {
                let title = w.get(id).map(|e| e.title().unwrap_or("").to_string());
                if w.remove(id) {
                    let t = title.unwrap_or_default();
                    self.notice = Some(Notice::info(
                        format!("已从预警清单移除“{t}”。如是误操作，请点\"撤销移除\"。"),
                        format!("\"{t}\" was removed from the worklist. Press \"Undo removal\" if that was a mistake."),
                    ));
                }
            }
            ListAction::Clear => {
                let n = w.len();
                if w.clear() {
                    self.notice = Some(Notice::info(
                        format!("已清空预警清单({n} 个案例)。如是误操作，请点\"撤销移除\"。"),
                        format!("The worklist is cleared ({n} cases). Press \"Undo removal\" if that was a mistake."),
                    ));
                }
            }
            ListAction::Undo => {
                if w.undo() {
                    self.notice = Some(Notice::info(
                        "已恢复移除的案例。",
                        "The removed cases are back.",
                    ));
                }
            }
            ListAction::SetWithin(text) => w.set_within(text),
            ListAction::SetFilter(f) => {
                w.filter = f;
                w.shown = crate::worklist::PAGE_ROWS;
            }
            ListAction::Print(on) => w.printing = on,
            ListAction::ShowMore => w.shown = w.shown.saturating_add(crate::worklist::PAGE_ROWS),
            ListAction::Loaded(stored) => {
                let unreadable = stored.unreadable.len();
                w.as_of = yekuo::day::parse_iso(self.as_of_text.trim()).unwrap_or(self.today);
                w.load(*stored);
                // The form was restored by its own autosave: it is still the
                // list's case only if it holds what the list holds.
                if let Some(id) = w.open {
                    if w.get(id).is_none_or(|e| *e.draft != self.draft) {
                        w.open = None;
                    }
                }
                if unreadable > 0 {
                    self.notice = Some(Notice::error(
                        format!("预警清单中有 {unreadable} 个案例无法读取，已原样保留在浏览器存储中(未删除)。"),
                        format!("{unreadable} case(s) of the worklist could not be read; they are kept unchanged in browser storage (not deleted)."),
                    ));
                }
            }
            ListAction::SaveFailed(n) => {
                if w.unsaved != n {
                    self.notice = Some(Notice::error(
                        format!("浏览器存储已满: 预警清单中 {n} 个案例未能保存在本机，只在本页中。请导出清单文件，以免丢失。"),
                        format!("Browser storage is full: {n} case(s) of the worklist could not be stored on this device and exist only in this tab. Export the list to keep them."),
                    ));
                }
                w.unsaved = n;
            }
            ListAction::SaveWorked => w.unsaved = 0,
        }
    }
}

#[cfg(feature = "app")]
/// What an import of many cases did: how many were added, and where the
/// lines that could not be read are (the first few, each by line and field).
fn import_notice(added: usize, errors: &[CaseError]) -> Notice {
    if errors.is_empty() {
        return Notice::info(
            format!("已把 {added} 个案例加入预警清单。"),
            format!("{added} case(s) added to the worklist."),
        );
    }
    const LISTED: usize = 5;
    let at = |e: &CaseError, lang: Lang| {
        let line = e.line.map(|l| match lang {
            Lang::Zh => format!("第 {l} 行"),
            Lang::En => format!("line {l}"),
        });
        let field = (e.field != ".")
            .then(|| crate::labels::label(&e.field, lang).unwrap_or_else(|| e.field.clone()));
        let place = [line, field].into_iter().flatten().collect::<Vec<_>>();
        let msg = match lang {
            Lang::Zh => &e.message_zh,
            Lang::En => &e.message_en,
        };
        format!("{}: {msg}", place.join(", "))
    };
    let list = |lang| {
        let mut v: Vec<String> = errors.iter().take(LISTED).map(|e| at(e, lang)).collect();
        if errors.len() > LISTED {
            v.push(match lang {
                Lang::Zh => format!("另有 {} 行", errors.len() - LISTED),
                Lang::En => format!("{} more lines", errors.len() - LISTED),
            });
        }
        v.join("；")
    };
    let n = errors.len();
    Notice::error(
        format!("已把 {added} 个案例加入预警清单；{n} 行无法读取，未加入({})。其余各行不受影响。", list(Lang::Zh)),
        format!(
            "{added} case(s) added to the worklist; {n} line(s) could not be read and were left out ({}). The other lines are not affected.",
            list(Lang::En).replace('；', "; ")
        ),
    )
}

/// What autosave keeps: the draft and the language, nothing else.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub version: u32,
    pub lang: Lang,
    pub draft: Draft,
    pub as_of: String,
}

/// The stored form of [`Saved`] is a JSON object, `{"version":2,"lang":"zh",
/// "as_of":"…","fields":[["key","value"],…]}`: the draft as its list of form
/// fields (`crate::draft_fields`), each value encoded as a string, written
/// and read by `crate::json_lite` (the text serde_json wrote for the same
/// object before, so saves of earlier builds read on).
///
/// Version 2 stores the field list; version 1 (a serde copy of the draft)
/// is set aside and reported like any save this page cannot read.
pub const SAVED_VERSION: u32 = 2;

impl Saved {
    /// A draft alone, as the import module hands a read case over.
    pub fn of_draft(draft: Draft) -> Saved {
        Saved {
            version: SAVED_VERSION,
            lang: Lang::Zh,
            draft,
            as_of: String::new(),
        }
    }

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
        use crate::json_lite::push_string;
        let mut out = format!("{{\"version\":{},\"lang\":", self.version);
        push_string(&mut out, self.lang.code());
        out.push_str(",\"as_of\":");
        push_string(&mut out, &self.as_of);
        out.push_str(",\"fields\":[");
        for (i, (k, v)) in self.draft.fields().into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('[');
            push_string(&mut out, &k);
            out.push(',');
            push_string(&mut out, &crate::draft_fields::encode(&v));
            out.push(']');
        }
        out.push_str("]}");
        out
    }

    /// Read a saved state. A corrupt or foreign value, or a field this page
    /// cannot place, is an error (the caller sets the save aside and tells
    /// the user), never silently an emptier form.
    pub fn parse(text: &str) -> Result<Saved, String> {
        let json = crate::json_lite::parse(text)?;
        let shape = "not a saved form";
        let version = json.get("version").and_then(|v| v.as_u32()).ok_or(shape)?;
        if version != SAVED_VERSION {
            return Err(format!(
                "saved by format version {version}, this page reads {SAVED_VERSION}"
            ));
        }
        let lang = json
            .get("lang")
            .and_then(|l| Lang::from_code(l.as_str()?))
            .ok_or("saved with no language this page knows")?;
        let as_of = match json.get("as_of") {
            None => String::new(),
            Some(a) => a.as_str().ok_or(shape)?.to_string(),
        };
        let mut fields = Vec::new();
        for pair in json.get("fields").and_then(|f| f.as_array()).ok_or(shape)? {
            let (k, v) = match pair.as_array() {
                Some([k, v]) => (k.as_str().ok_or(shape)?, v.as_str().ok_or(shape)?),
                _ => return Err(shape.into()),
            };
            let input = crate::draft_fields::decode(v)
                .ok_or_else(|| format!("field {k}: unreadable value"))?;
            fields.push((k.to_string(), input));
        }
        let (draft, unplaced) = Draft::from_fields(fields);
        if !unplaced.is_empty() {
            // The reason goes into the banner: a few keys say enough.
            let more = match unplaced.len() {
                n if n > 5 => format!(" … (+{})", n - 5),
                _ => String::new(),
            };
            return Err(format!(
                "fields this page does not know: {}{more}",
                unplaced[..unplaced.len().min(5)].join(", ")
            ));
        }
        Ok(Saved {
            version,
            lang,
            draft,
            as_of,
        })
    }

    pub fn restore(self, mode: Mode, today: NaiveDate) -> State {
        State {
            lang: self.lang,
            journey: if self.draft.is_empty() {
                State::new(mode, today).journey
            } else {
                Journey::Form
            },
            draft: self.draft,
            as_of_text: self.as_of,
            ..State::new(mode, today)
        }
    }
}
