//! The clerk's worklist (issue 15): many cases kept on the device, each
//! with its next deadline and where it stands, most urgent first.
//!
//! Pure and natively tested, like the reducer. A case is kept as its form
//! (`Draft`, what the clerk typed, stored as the autosave's field text) and
//! read once into a `Case`; its deadlines come from `eval::due`, the one
//! definition `yekuo due` and the single-case view use, and are kept with
//! the entry, so a keystroke in one case recomputes one case and only a new
//! as-of date or "due soon" span recomputes them all.
//!
//! Entries are shared (`Rc`): the reducer clones the state on every action,
//! and a list of thousands must cost a pointer copy, not a deep copy.

use crate::draft::Draft;
use crate::worklist_text::Settings;
use chrono::NaiveDate;
use std::rc::Rc;
use yekuo::case::Case;
use yekuo::eval::due::{next_deadlines, CaseDue, State as DueState, Urgency};
use yekuo::rulebook::Rulebook;

/// "Due soon" by default: within this many working days (issue 15).
pub const DEFAULT_WITHIN: u32 = 3;
/// The largest "due soon" span, as for `yekuo due --within`.
pub const MAX_WITHIN: u32 = yekuo::limits::MAX_DUE_SOON_WORKING_DAYS;
/// Rows drawn at first and added by "show more": a station's few thousand
/// cases are sorted and counted in full, but the page draws a screenful.
pub const PAGE_ROWS: usize = 100;

/// One case on the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Unique on this device's list; also its storage key's suffix.
    pub id: u32,
    /// Shared with the entry's next versions: a new as-of date recomputes
    /// the deadlines of thousands of cases without copying their forms.
    pub draft: Rc<Draft>,
    /// `None` until the category and business are chosen.
    pub case: Option<Rc<Case>>,
    /// The open deadlines on the list's as-of date.
    pub due: Option<CaseDue>,
}

impl Entry {
    fn new(id: u32, draft: Draft, as_of: NaiveDate, within: u32) -> Entry {
        let case = draft.check().case.map(Rc::new);
        let due = case.as_ref().map(|c| deadlines(c, as_of, within));
        Entry {
            id,
            draft: Rc::new(draft),
            case,
            due,
        }
    }

    /// The state of the case's most urgent deadline; `None` when nothing
    /// is open (all done, or not enough dates given).
    pub fn state(&self) -> Option<DueState> {
        Some(self.due.as_ref()?.next()?.state)
    }

    pub fn title(&self) -> Option<&str> {
        self.case
            .as_ref()?
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
    }

    /// The list's order: the most urgent deadline first (`eval::due`'s
    /// urgency), cases with nothing open last, then the order added.
    fn urgency(&self) -> (bool, Option<Urgency>, u32) {
        let next = self.due.as_ref().and_then(CaseDue::next);
        (next.is_none(), next.map(|d| d.urgency()), self.id)
    }
}

fn deadlines(case: &Case, as_of: NaiveDate, within: u32) -> CaseDue {
    next_deadlines(Rulebook::embedded(), case, as_of, within)
}

/// Which rows the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Past due, due today or due soon: today's warning list.
    AtRisk,
    Is(DueState),
    /// Nothing open: every step done, or too few dates to tell.
    NothingOpen,
}

impl Filter {
    pub fn keeps(self, e: &Entry) -> bool {
        match (self, e.state()) {
            (Filter::All, _) => true,
            (Filter::AtRisk, s) => s.is_some_and(DueState::at_risk),
            (Filter::Is(want), s) => s == Some(want),
            (Filter::NothingOpen, s) => s.is_none(),
        }
    }

    /// The value of its `<option>`.
    pub fn code(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::AtRisk => "at-risk",
            Filter::Is(s) => s.code(),
            Filter::NothingOpen => "nothing-open",
        }
    }

    pub fn parse(code: &str) -> Option<Filter> {
        Filter::choices().into_iter().find(|f| f.code() == code)
    }

    /// Every filter, in the order the control lists them.
    pub fn choices() -> [Filter; 9] {
        [
            Filter::All,
            Filter::AtRisk,
            Filter::Is(DueState::Overdue),
            Filter::Is(DueState::PastDueWarning),
            Filter::Is(DueState::DueToday),
            Filter::Is(DueState::DueSoon),
            Filter::Is(DueState::Paused),
            Filter::Is(DueState::OnTime),
            Filter::NothingOpen,
        ]
    }
}

/// A change the clerk makes to the list ([`crate::state::Action::List`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ListAction {
    /// Show the list (`true`) or the case form.
    Show(bool),
    /// Put the form's case on the list; later edits are saved to it.
    AddCurrent,
    /// Cases read from a JSONL file: each line's case, or why not.
    Import(Vec<Result<Draft, yekuo::case::CaseError>>),
    /// Load a row's case into the form; edits are saved back to it.
    Open(u32),
    Remove(u32),
    Clear,
    /// Bring back what the last remove or clear took away.
    Undo,
    /// "Due soon" span as typed.
    SetWithin(String),
    SetFilter(Filter),
    ShowMore,
    /// Print today's warning list (`true`), or it was printed (`false`).
    Print(bool),
    /// The list read from storage (startup, or another tab changed it).
    Loaded(Box<Stored>),
    /// The browser refused to store this many cases (storage full).
    SaveFailed(usize),
    /// Every case is stored again.
    SaveWorked,
}

/// What the device's storage holds, read back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stored {
    pub entries: Vec<(u32, Draft)>,
    /// Stored cases this page could not read: left in storage untouched.
    pub unreadable: Vec<u32>,
    /// `None`: none stored, or (another tab changed the cases) this tab
    /// keeps its own.
    pub settings: Option<Settings>,
}

#[derive(Debug, Clone)]
pub struct Worklist {
    /// The cases in the order added.
    pub entries: Rc<Vec<Rc<Entry>>>,
    /// The as-of date the deadlines were computed for.
    pub as_of: NaiveDate,
    /// "Due soon": within this many working days.
    pub within: u32,
    /// The span as typed (a bad value keeps the last good `within`).
    pub within_text: String,
    pub filter: Filter,
    /// Rows drawn (see [`PAGE_ROWS`]).
    pub shown: usize,
    /// The entry loaded in the form, whose edits are saved back.
    pub open: Option<u32>,
    /// The list before the last remove or clear, for Undo.
    pub before_removal: Option<Rc<Vec<Rc<Entry>>>>,
    /// The clerk is looking at the list (not the case form).
    pub visible: bool,
    /// Cases the browser refused to store (storage full): they exist only
    /// in this tab.
    pub unsaved: usize,
    /// Ids taken by stored cases this page cannot read: never reused, so
    /// a new case never overwrites one.
    pub reserved: Vec<u32>,
    /// The list has been read from storage (it is not written before).
    pub loaded: bool,
    /// Today's warning list is drawn for the printer (only then: it can
    /// be thousands of rows).
    pub printing: bool,
}

/// Lists are compared by pointer: the app compares states on every action,
/// and a list of thousands must cost nothing to compare. Every change goes
/// through `Rc::make_mut` on a list the previous state still shares, so a
/// changed list is always a new allocation; a list rebuilt with the same
/// contents compares unequal, which costs one render, never a missed one.
/// (A deep comparison would also put `Case` and `CaseDue` comparisons into
/// the start bundle, which shares `State`: 2 KB gzip.)
fn same(a: &Rc<Vec<Rc<Entry>>>, b: &Rc<Vec<Rc<Entry>>>) -> bool {
    Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty())
}

impl PartialEq for Worklist {
    fn eq(&self, o: &Worklist) -> bool {
        let removed = match (&self.before_removal, &o.before_removal) {
            (Some(a), Some(b)) => same(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        removed
            && same(&self.entries, &o.entries)
            && (
                self.as_of,
                self.within,
                &self.within_text,
                self.filter,
                self.shown,
            ) == (o.as_of, o.within, &o.within_text, o.filter, o.shown)
            && (
                self.open,
                self.visible,
                self.unsaved,
                &self.reserved,
                self.loaded,
            ) == (o.open, o.visible, o.unsaved, &o.reserved, o.loaded)
            && self.printing == o.printing
    }
}

impl Worklist {
    pub fn new(as_of: NaiveDate) -> Worklist {
        Worklist {
            entries: Rc::default(),
            as_of,
            within: DEFAULT_WITHIN,
            within_text: DEFAULT_WITHIN.to_string(),
            filter: Filter::All,
            shown: PAGE_ROWS,
            open: None,
            before_removal: None,
            visible: false,
            unsaved: 0,
            reserved: Vec::new(),
            loaded: false,
            printing: false,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: u32) -> Option<&Rc<Entry>> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// One more than any id in use, set aside for Undo, or stored unread.
    fn next_id(&self) -> u32 {
        let removed = self.before_removal.iter().flat_map(|b| b.iter());
        let used = self.entries.iter().chain(removed).map(|e| e.id);
        used.chain(self.reserved.iter().copied())
            .max()
            .map_or(1, |m| m.saturating_add(1))
    }

    /// Add cases; returns the id of the first one added.
    pub fn add(&mut self, drafts: impl IntoIterator<Item = Draft>) -> Option<u32> {
        let mut id = self.next_id();
        let first = id;
        let (as_of, within) = (self.as_of, self.within);
        let list = Rc::make_mut(&mut self.entries);
        let before = list.len();
        for draft in drafts {
            list.push(Rc::new(Entry::new(id, draft, as_of, within)));
            id = id.saturating_add(1);
        }
        (list.len() > before).then_some(first)
    }

    /// The open entry's form changed: store it and recompute its row.
    pub fn save_open(&mut self, draft: &Draft) {
        let Some(id) = self.open else { return };
        let (as_of, within) = (self.as_of, self.within);
        let list = Rc::make_mut(&mut self.entries);
        match list.iter_mut().find(|e| e.id == id) {
            Some(e) if *e.draft != *draft => {
                *e = Rc::new(Entry::new(id, draft.clone(), as_of, within));
            }
            Some(_) => {}
            // Removed meanwhile (another tab): the form no longer saves to it.
            None => self.open = None,
        }
    }

    /// Remove one case (Undo brings it back where it was).
    pub fn remove(&mut self, id: u32) -> bool {
        if self.get(id).is_none() {
            return false;
        }
        self.before_removal = Some(Rc::clone(&self.entries));
        Rc::make_mut(&mut self.entries).retain(|e| e.id != id);
        if self.open == Some(id) {
            self.open = None;
        }
        true
    }

    pub fn clear(&mut self) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        self.before_removal = Some(std::mem::take(&mut self.entries));
        self.open = None;
        true
    }

    /// Undo the last remove or clear: the cases come back as they were,
    /// keeping any added since.
    pub fn undo(&mut self) -> bool {
        let Some(before) = self.before_removal.take() else {
            return false;
        };
        let added: Vec<Rc<Entry>> = self
            .entries
            .iter()
            .filter(|e| !before.iter().any(|b| b.id == e.id))
            .cloned()
            .collect();
        let mut list: Vec<Rc<Entry>> = before.iter().cloned().collect();
        list.extend(added);
        // Deadlines as of today's settings, should they have changed since.
        self.entries = Rc::new(list);
        self.recompute_if_stale();
        true
    }

    /// A new as-of date or span: every case's deadlines at once.
    pub fn set_as_of(&mut self, as_of: NaiveDate) {
        if as_of != self.as_of {
            self.as_of = as_of;
            self.recompute();
        }
    }

    /// The span as typed: a whole number 0..=MAX_WITHIN is taken; anything
    /// else stays in the box with its error, and the list keeps the last
    /// good span.
    pub fn set_within(&mut self, text: String) {
        let parsed = within_from_text(&text);
        self.within_text = text;
        if let Some(n) = parsed {
            if n != self.within {
                self.within = n;
                self.recompute();
            }
        }
    }

    /// Recompute every case's deadlines (as-of date or span changed).
    pub fn recompute(&mut self) {
        let (as_of, within) = (self.as_of, self.within);
        let list: Vec<Rc<Entry>> = self
            .entries
            .iter()
            .map(|e| {
                let due = e.case.as_ref().map(|c| deadlines(c, as_of, within));
                Rc::new(Entry {
                    id: e.id,
                    draft: Rc::clone(&e.draft),
                    case: e.case.clone(),
                    due,
                })
            })
            .collect();
        self.entries = Rc::new(list);
    }

    fn recompute_if_stale(&mut self) {
        let stale = self.entries.iter().any(|e| {
            e.due
                .as_ref()
                .is_some_and(|d| d.as_of != self.as_of || d.within != self.within)
        });
        if stale {
            self.recompute();
        }
    }

    /// Replace the list with what storage holds.
    pub fn load(&mut self, stored: Stored) {
        if let Some(settings) = stored.settings {
            self.within = settings.within;
            self.within_text = settings.within.to_string();
            self.open = settings.open;
        }
        let (as_of, within) = (self.as_of, self.within);
        self.reserved = stored.unreadable;
        let list = stored
            .entries
            .into_iter()
            .map(|(id, draft)| Rc::new(Entry::new(id, draft, as_of, within)))
            .collect();
        self.entries = Rc::new(list);
        if self.open.is_some_and(|id| self.get(id).is_none()) {
            self.open = None;
        }
        self.loaded = true;
    }

    /// The entries the filter keeps, most urgent first.
    pub fn rows(&self) -> Vec<&Entry> {
        let mut rows: Vec<&Entry> = self
            .entries
            .iter()
            .map(|e| &**e)
            .filter(|e| self.filter.keeps(e))
            .collect();
        rows.sort_by_cached_key(|e| e.urgency());
        rows
    }

    /// How many cases each filter keeps (for the filter's labels).
    pub fn count(&self, f: Filter) -> usize {
        self.entries.iter().filter(|e| f.keeps(e)).count()
    }

    /// Today's warning list (今日预警清单): the cases at risk, most
    /// urgent first, whatever the filter shows.
    pub fn at_risk(&self) -> Vec<&Entry> {
        let mut rows: Vec<&Entry> = self
            .entries
            .iter()
            .map(|e| &**e)
            .filter(|e| Filter::AtRisk.keeps(e))
            .collect();
        rows.sort_by_cached_key(|e| e.urgency());
        rows
    }

    pub fn settings(&self) -> Settings {
        Settings {
            within: self.within,
            open: self.open,
        }
    }
}

/// The "due soon" span from its text: a whole number of working days.
pub fn within_from_text(text: &str) -> Option<u32> {
    let t = crate::draft::ascii(text.trim());
    t.parse::<u32>().ok().filter(|n| *n <= MAX_WITHIN)
}
