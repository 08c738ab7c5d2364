//! The clerk's worklist without a browser: the list, its reducer arm and
//! its stored text. Expected dates and states come from cases.md C1e (S0
//! case 1: completion inspection requested 2010-06-15 during the 端午
//! holiday; working days after it 06-17, 18, 21, 22, 23, 24, 25, 28 …;
//! SGCC 规范(试行) 5 working days -> 2010-06-23, 供电监管办法 7 -> 2010-06-25).

use chrono::NaiveDate;
use std::path::Path;
use yekuo::case::{parse_case, CaseError};
use yekuo::eval::due::State as Due;
use yekuo_www::draft::{Draft, Input};
use yekuo_www::state::{Action, Mode, State};
use yekuo_www::worklist::{Filter, ListAction, Stored, PAGE_ROWS};
use yekuo_www::worklist_text::{case_id, case_key, entry_text, read_entry, Settings};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// S0 case 1 with the inspection not yet done (C1e's open variant), the
/// completion requested on `requested`, titled `title`.
fn c1_open(title: &str, requested: &str) -> Draft {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/s0-case1-110kv.json"),
    )
    .unwrap();
    let mut d = Draft::from_case(&parse_case(&text).unwrap());
    for (k, v) in [
        ("title", title),
        ("dates.completion_requested", requested),
        ("dates.inspected", ""),
        ("dates.inspection_passed", ""),
        ("dates.power_on", ""),
    ] {
        d.set(k, Input::Text(v.into()));
    }
    d
}

/// S0 case 1 as it happened: every step done, nothing open.
fn c1_done(title: &str) -> Draft {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/s0-case1-110kv.json"),
    )
    .unwrap();
    let mut d = Draft::from_case(&parse_case(&text).unwrap());
    d.set("title", Input::Text(title.into()));
    d
}

fn clerk(as_of: &str) -> State {
    let s = State::new(Mode::Clerk, day("2026-12-01"));
    let s = s.apply(Action::List(ListAction::Loaded(Box::default())));
    s.apply(Action::SetAsOf(as_of.into()))
}

fn import(s: &State, drafts: Vec<Draft>) -> State {
    s.apply(Action::List(ListAction::Import(
        drafts.into_iter().map(Ok).collect(),
    )))
}

fn titles(s: &State) -> Vec<String> {
    s.worklist
        .rows()
        .iter()
        .map(|e| e.title().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_case_past_its_strictest_deadline_is_overdue_and_the_other_regime_a_click_away() {
    let s = import(&clerk("2010-06-24"), vec![c1_open("C1", "2010-06-15")]);
    let rows = s.worklist.rows();
    let due = rows[0].due.as_ref().unwrap();
    let next = due.next().unwrap();
    assert_eq!(next.due, day("2010-06-23"));
    assert_eq!(next.state, Due::Overdue);
    assert_eq!(next.working_days_left, -1);
    assert_eq!(next.rule.as_str(), "TL-05");
    let other = &due.open[1];
    assert_eq!(other.due, day("2010-06-25"));
    assert_eq!(other.state, Due::DueSoon);
    assert_eq!(other.working_days_left, 1);
}

#[test]
fn the_as_of_date_and_the_due_soon_span_change_every_row_at_once() {
    let s = import(
        &clerk("2010-06-24"),
        vec![c1_open("A", "2010-06-15"), c1_open("B", "2010-06-15")],
    );
    assert!(s
        .worklist
        .entries
        .iter()
        .all(|e| e.state() == Some(Due::Overdue)));
    // 06-17: four working days left to 06-23 (06-18, 21, 22, 23): on time with N = 3 …
    let s = s.apply(Action::SetAsOf("2010-06-17".into()));
    for e in s.worklist.entries.iter() {
        let next = e.due.as_ref().unwrap().next().unwrap();
        assert_eq!((next.working_days_left, next.state), (4, Due::OnTime));
    }
    // … and due soon with N = 4.
    let s = s.apply(Action::List(ListAction::SetWithin("4".into())));
    assert!(s
        .worklist
        .entries
        .iter()
        .all(|e| e.state() == Some(Due::DueSoon)));
    // 06-23 is the SGCC due day itself.
    let s = s.apply(Action::SetAsOf("2010-06-23".into()));
    assert!(s
        .worklist
        .entries
        .iter()
        .all(|e| e.state() == Some(Due::DueToday)));
}

#[test]
fn a_bad_due_soon_span_stays_as_typed_and_the_list_keeps_the_last_good_one() {
    let s = import(&clerk("2010-06-17"), vec![c1_open("A", "2010-06-15")]);
    let s = s.apply(Action::List(ListAction::SetWithin("4".into())));
    for bad in ["", "x", "-1", "367", "2.5"] {
        let t = s.apply(Action::List(ListAction::SetWithin(bad.into())));
        assert_eq!(t.worklist.within_text, bad);
        assert_eq!(t.worklist.within, 4, "{bad:?}");
        assert_eq!(t.worklist.entries[0].state(), Some(Due::DueSoon));
    }
    // Full-width digits are read as typed on a Chinese keyboard.
    let t = s.apply(Action::List(ListAction::SetWithin("３".into())));
    assert_eq!(t.worklist.within, 3);
    assert_eq!(t.worklist.entries[0].state(), Some(Due::OnTime));
}

#[test]
fn rows_are_most_urgent_first_and_filters_keep_their_state() {
    // On 2010-06-24: requested 06-15 -> due 06-23, overdue by 1; requested
    // 06-18 -> 5th working day after it 06-25 (06-21, 22, 23, 24, 25), one
    // left, due soon; requested 06-22 -> 06-29 (06-23, 24, 25, 28, 29),
    // three left, due soon; requested 06-24 -> 07-01, five left, on time;
    // the case as it happened has nothing open.
    let s = import(
        &clerk("2010-06-24"),
        vec![
            c1_done("done"),
            c1_open("on time", "2010-06-24"),
            c1_open("soon 3", "2010-06-22"),
            c1_open("overdue", "2010-06-15"),
            c1_open("soon 1", "2010-06-18"),
        ],
    );
    assert_eq!(
        titles(&s),
        ["overdue", "soon 1", "soon 3", "on time", "done"]
    );
    let due = |t: &str| {
        let rows = s.worklist.rows();
        let e = rows.iter().find(|e| e.title() == Some(t)).unwrap();
        let n = e.due.as_ref().unwrap().next().unwrap();
        (n.due, n.working_days_left)
    };
    assert_eq!(due("soon 1"), (day("2010-06-25"), 1));
    assert_eq!(due("soon 3"), (day("2010-06-29"), 3));
    assert_eq!(due("on time"), (day("2010-07-01"), 5));
    let only = |f| {
        let s = s.apply(Action::List(ListAction::SetFilter(f)));
        titles(&s)
    };
    assert_eq!(only(Filter::AtRisk), ["overdue", "soon 1", "soon 3"]);
    assert_eq!(only(Filter::Is(Due::DueSoon)), ["soon 1", "soon 3"]);
    assert_eq!(only(Filter::Is(Due::OnTime)), ["on time"]);
    assert_eq!(only(Filter::NothingOpen), ["done"]);
    assert_eq!(s.worklist.count(Filter::All), 5);
    let printed: Vec<_> = s
        .worklist
        .at_risk()
        .iter()
        .map(|e| e.title().unwrap())
        .collect();
    assert_eq!(printed, ["overdue", "soon 1", "soon 3"]);
}

#[test]
fn an_opened_case_is_edited_in_the_form_and_saved_back() {
    let s = import(&clerk("2010-06-24"), vec![c1_open("A", "2010-06-15")]);
    let id = s.worklist.entries[0].id;
    let s = s.apply(Action::List(ListAction::Open(id)));
    assert_eq!(s.worklist.open, Some(id));
    assert!(!s.worklist.visible);
    assert_eq!(s.draft, *s.worklist.entries[0].draft);
    // The inspection took place on 06-22: that step is closed on the list,
    // and power-on is next (catalog §4.2: SGCC 2005 (五) non-resident 5
    // working days -> 06-23, 24, 25, 28, 29; 供电监管办法 HV 7 -> 07-01).
    let s = s.apply(Action::Edit(
        "dates.inspected".into(),
        Input::Text("2010-06-22".into()),
    ));
    let e = &s.worklist.entries[0];
    assert_eq!(*e.draft, s.draft);
    let due = e.due.as_ref().unwrap();
    let next = due.next().unwrap();
    assert_eq!(next.item.code(), "power-on");
    assert_eq!((next.due, next.working_days_left), (day("2010-06-29"), 3));
    assert_eq!(due.open.last().unwrap().due, day("2010-07-01"));
    assert!(due.open.iter().all(|d| d.item.code() == "power-on"));
    // Clearing the form leaves the list's case as it was.
    let s = s.apply(Action::Clear);
    assert_eq!(s.worklist.open, None);
    assert_eq!(
        s.worklist.entries[0].case.as_ref().unwrap().dates.inspected,
        Some(day("2010-06-22"))
    );
}

#[test]
fn opening_a_case_over_the_forms_own_entries_keeps_them_for_undo() {
    let s = import(&clerk("2010-06-24"), vec![c1_open("A", "2010-06-15")]);
    let s = s.apply(Action::Edit("title".into(), Input::Text("mine".into())));
    let mine = s.draft.clone();
    let s = s.apply(Action::List(ListAction::Open(s.worklist.entries[0].id)));
    let s = s.apply(Action::Undo);
    assert_eq!(s.draft, mine);
    // Undo brought the form's entries back; they are not the list's case.
    assert_eq!(s.worklist.open, None);
    assert_eq!(s.worklist.entries[0].title(), Some("A"));
}

#[test]
fn adding_the_form_needs_a_category_and_business_and_then_follows_the_edits() {
    let s = clerk("2010-06-24");
    let t = s.apply(Action::List(ListAction::AddCurrent));
    assert!(t.worklist.is_empty());
    assert!(t.notice.as_ref().unwrap().error);
    let mut s = s;
    s.draft = c1_open("form", "2010-06-15");
    let s = s.apply(Action::List(ListAction::AddCurrent));
    assert_eq!(s.worklist.len(), 1);
    assert_eq!(s.worklist.open, Some(s.worklist.entries[0].id));
    let s = s.apply(Action::Edit("title".into(), Input::Text("renamed".into())));
    assert_eq!(s.worklist.entries[0].title(), Some("renamed"));
    // Twice is once.
    let s = s.apply(Action::List(ListAction::AddCurrent));
    assert_eq!(s.worklist.len(), 1);
}

#[test]
fn a_removal_or_a_clear_is_undone_in_place() {
    let s = import(
        &clerk("2010-06-24"),
        vec![
            c1_open("a", "2010-06-15"),
            c1_open("b", "2010-06-18"),
            c1_open("c", "2010-06-22"),
        ],
    );
    let ids: Vec<u32> = s.worklist.entries.iter().map(|e| e.id).collect();
    let t = s.apply(Action::List(ListAction::Remove(ids[1])));
    assert_eq!(t.worklist.len(), 2);
    let t = t.apply(Action::List(ListAction::Undo));
    assert_eq!(
        t.worklist.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
        ids
    );
    let t = s.apply(Action::List(ListAction::Clear));
    assert!(t.worklist.is_empty());
    // A case added after the clear stays when the clear is undone.
    let t = import(&t, vec![c1_open("d", "2010-06-24")]);
    let t = t.apply(Action::List(ListAction::Undo));
    assert_eq!(titles(&t).len(), 4);
    let new_id = t.worklist.entries[3].id;
    assert!(!ids.contains(&new_id), "a new case never reuses an id");
    // The as-of date changed between the clear and its undo: rows are current.
    let t = s.apply(Action::List(ListAction::Clear));
    let t = t.apply(Action::SetAsOf("2010-06-17".into()));
    let t = t.apply(Action::List(ListAction::Undo));
    assert!(t
        .worklist
        .entries
        .iter()
        .all(|e| e.due.as_ref().unwrap().as_of == day("2010-06-17")));
}

#[test]
fn an_import_with_bad_lines_adds_the_rest_and_says_where_the_bad_ones_are() {
    let bad = |line| CaseError {
        field: "dates.accepted".into(),
        line: Some(line),
        message_en: "not a date".into(),
        message_zh: "不是日期".into(),
    };
    let s = clerk("2010-06-24").apply(Action::List(ListAction::Import(vec![
        Ok(c1_open("a", "2010-06-15")),
        Err(bad(2)),
        Ok(c1_open("b", "2010-06-18")),
        Err(bad(7)),
    ])));
    assert_eq!(s.worklist.len(), 2);
    let n = s.notice.unwrap();
    assert!(n.error);
    assert!(
        n.zh.contains("2 个案例") && n.zh.contains("第 2 行") && n.zh.contains("第 7 行"),
        "{}",
        n.zh
    );
    assert!(
        n.en.contains("line 2") && n.en.contains("line 7"),
        "{}",
        n.en
    );
    assert!(
        n.zh.contains("受理"),
        "the field is named by its form label: {}",
        n.zh
    );
}

#[test]
fn storage_that_cannot_be_read_is_kept_and_its_ids_are_never_reused() {
    let s = State::new(Mode::Clerk, day("2010-06-24"));
    let stored = Stored {
        entries: vec![(3, c1_open("three", "2010-06-15"))],
        unreadable: vec![9],
        settings: Some(Settings {
            within: 5,
            open: Some(3),
        }),
    };
    let s = s.apply(Action::List(ListAction::Loaded(Box::new(stored))));
    assert!(s.notice.as_ref().unwrap().error);
    assert_eq!(s.worklist.within, 5);
    // The form does not hold case 3 (its own autosave was empty): not open.
    assert_eq!(s.worklist.open, None);
    let s = import(&s, vec![c1_open("new", "2010-06-15")]);
    assert_eq!(s.worklist.entries[1].id, 10);
}

#[test]
fn a_refused_save_keeps_the_cases_and_asks_before_the_page_is_left() {
    let s = import(&clerk("2010-06-24"), vec![c1_open("a", "2010-06-15")]);
    assert!(!s.unsaved());
    let s = s.apply(Action::List(ListAction::SaveFailed(1)));
    assert!(s.unsaved());
    assert_eq!(s.worklist.len(), 1);
    assert!(s.notice.as_ref().unwrap().error);
    let s = s.apply(Action::List(ListAction::SaveWorked));
    assert!(!s.unsaved());
}

#[test]
fn showing_more_rows_and_a_new_filter_start_from_one_page() {
    let s = clerk("2010-06-24");
    let s = s.apply(Action::List(ListAction::ShowMore));
    assert_eq!(s.worklist.shown, 2 * PAGE_ROWS);
    let s = s.apply(Action::List(ListAction::SetFilter(Filter::AtRisk)));
    assert_eq!(s.worklist.shown, PAGE_ROWS);
}

#[test]
fn the_stored_texts_read_back() {
    let d = c1_open("标题 \"quoted\"\nnew line", "2010-06-15");
    assert_eq!(read_entry(&entry_text(&d)).unwrap(), d);
    assert!(read_entry("{").is_err());
    let s = Settings {
        within: 7,
        open: Some(12),
    };
    assert_eq!(Settings::parse(&s.to_text()), s);
    assert_eq!(Settings::parse("nonsense"), Settings::default());
    assert_eq!(case_id(&case_key(42)), Some(42));
    for foreign in [
        "yekuo.v1.clerk.worklist",
        "yekuo.v1.clerk.worklist.",
        "yekuo.v1.clerk.worklist.007",
        "yekuo.v1.clerk.worklist.+7",
        "yekuo.v1.clerk.worklist.7x",
        "yekuo.v1.clerk",
    ] {
        assert_eq!(case_id(foreign), None, "{foreign}");
    }
    // The list's keys are not the clerk form's own key, and a kiosk on the
    // same origin does not wipe them.
    assert!(!yekuo_www::state::kiosk_wipes(&case_key(1), false));
}
