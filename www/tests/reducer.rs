//! The app's logic without a browser: the reducer, the draft ↔ case
//! conversion, the share codecs. Expected values come from the catalog's
//! cases (S0 case 1: completion inspection due 2010-06-23 and 2010-06-25),
//! RFC 4648's test vectors, and the case files themselves (round trips).

use chrono::NaiveDate;
use std::path::Path;
use yekuo::case::parse_case;
use yekuo_www::draft::{Draft, Input};
use yekuo_www::share::{
    base64url_decode, base64url_encode, deadlines_ics, fragment_for, read_case_file, read_fragment,
};
use yekuo_www::state::{
    Action, Lang, List, Mode, Notice, Saved, Source, State, KIOSK_WARN_AFTER_S, KIOSK_WIPE_AFTER_S,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn s0() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/s0-case1-110kv.json"),
    )
    .unwrap()
}

fn edit(s: &State, key: &str, v: Input) -> State {
    s.apply(Action::Edit(key.into(), v))
}

fn text(v: &str) -> Input {
    Input::Text(v.into())
}

/// Type each `(key, text)` into the form, in order.
fn type_in(s: State, entries: &[(&str, &str)]) -> State {
    entries.iter().fold(s, |s, (k, v)| edit(&s, k, text(v)))
}

/// Every case file we have survives case → draft → case unchanged: the form
/// can hold anything the format can say.
#[test]
fn every_case_file_round_trips_through_the_draft() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut cases = vec![s0()];
    for entry in std::fs::read_dir(root.join("tests/golden/cases")).unwrap() {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        // A scenario carries its case inline or names a file in examples/ (already read).
        if v["case"].is_object() {
            cases.push(v["case"].to_string());
        }
    }
    assert!(cases.len() >= 8, "{} case files", cases.len());
    for json in cases {
        let case = parse_case(&json).unwrap();
        let checked = Draft::from_case(&case).check();
        assert_eq!(checked.errors, vec![], "{json}");
        assert_eq!(checked.case.as_ref(), Some(&case), "{json}");
    }
}

#[test]
fn nothing_is_evaluated_before_category_and_business() {
    let s = State::new(Mode::Customer, day("2026-11-22"));
    assert!(s.draft.check().case.is_none());
    let s = edit(&s, "customer.category", text("resident"));
    assert!(s.draft.check().case.is_none());
    let s = edit(&s, "customer.business", text("increase"));
    assert!(s.draft.check().case.is_some());
}

#[test]
fn a_bad_value_is_kept_reported_at_its_field_and_ignored() {
    let s = type_in(
        State::new(Mode::Customer, day("2026-11-22")),
        &[
            ("customer.category", "high-voltage"),
            ("customer.business", "new"),
            ("customer.capacity_kva", "31,500"),
        ],
    );
    assert_eq!(s.draft.capacity_kva, "31,500", "what the user typed stays");
    let c = s.draft.check();
    assert_eq!(c.errors.len(), 1);
    assert_eq!(c.errors[0].field, "customer.capacity_kva");
    assert!(c.errors[0].zh.contains("31,500") && c.errors[0].en.contains("31,500"));
    // The summary names the field as the form does, never by its path.
    assert!(c.errors[0]
        .summary(Lang::Zh)
        .starts_with("申请容量(千伏安): "));
    assert!(c.errors[0]
        .summary(Lang::En)
        .starts_with("Requested capacity (kVA): "));
    assert_eq!(c.case.unwrap().customer.capacity_kva, None);
}

#[test]
fn impossible_dates_and_wrong_order_are_located() {
    let s = type_in(
        State::new(Mode::Clerk, day("2026-11-22")),
        &[
            ("customer.category", "high-voltage"),
            ("customer.business", "new"),
            ("dates.accepted", "2023-02-30"),
            ("dates.completion_requested", "2010-06-15"),
            ("dates.inspected", "2010-06-10"),
        ],
    );
    let c = s.draft.check();
    let fields: Vec<&str> = c.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["dates.accepted", "dates.inspected"]);
    // The wrong pair is named by the form's labels, not the case file's keys.
    let order = &c.errors[1];
    assert_eq!(
        order.summary(Lang::Zh),
        "竣工检验日期: 2010-06-10 早于“报竣工(申请验收)日期”(2010-06-15)；请核对这两个日期"
    );
    assert_eq!(
        order.summary(Lang::En),
        "Completion inspected: 2010-06-10 is before \"Completion reported\" (2010-06-15); check both dates"
    );
    let case = c.case.unwrap();
    assert_eq!(case.dates.accepted, None);
    assert_eq!(
        case.dates.inspected, None,
        "the later date of a wrong pair is left out"
    );
    assert_eq!(case.dates.completion_requested, Some(day("2010-06-15")));
}

#[test]
fn a_low_voltage_customer_at_110_kv_is_an_error() {
    let s = type_in(
        State::new(Mode::Customer, day("2026-11-22")),
        &[
            ("customer.category", "resident"),
            ("customer.business", "new"),
            ("customer.voltage_kv", "110"),
        ],
    );
    let c = s.draft.check();
    assert_eq!(c.errors[0].field, "customer.voltage_kv");
}

#[test]
fn unknown_keys_are_refused_not_stored() {
    let mut d = Draft::default();
    assert!(!d.set("customer.colour", text("red")));
    assert!(
        !d.set("contractors.0.tier", text("4")),
        "no contractor row yet"
    );
    assert!(!d.set("contractors.0.categories.paint", Input::Flag(true)));
    assert_eq!(d, Draft::default());
    d.contractors.push(Default::default());
    assert!(d.set("contractors.0.tier", text("4")));
    assert!(d.set("contractors.0.categories.install", Input::Flag(true)));
    assert!(d.set("documents.D-ID", Input::Flag(true)));
    assert!(d.set("documents.D-ID", Input::Flag(true)));
    assert_eq!(d.documents, ["D-ID"], "ticking twice lists once");
    assert!(d.set("documents.D-ID", Input::Flag(false)));
    assert!(d.documents.is_empty());
}

#[test]
fn rows_are_added_and_removed() {
    let s = State::new(Mode::Clerk, day("2026-11-22"));
    let s = s
        .apply(Action::AddRow(List::Contractors))
        .apply(Action::AddRow(List::Contractors));
    let s = edit(&s, "contractors.1.name", text("乙"));
    let s = s.apply(Action::RemoveRow(List::Contractors, 0));
    assert_eq!(s.draft.contractors.len(), 1);
    assert_eq!(s.draft.contractors[0].name, "乙");
    let same = s.apply(Action::RemoveRow(List::Contractors, 5));
    assert_eq!(same, s, "removing a row that is not there changes nothing");
}

#[test]
fn a_malformed_import_keeps_the_current_case_and_says_where() {
    let s = edit(
        &State::new(Mode::Customer, day("2026-11-22")),
        "customer.category",
        text("resident"),
    );
    let bad = "{\n \"format\": \"yekuo-case/1\",\n \"customer\": {\"category\": \"居民\", \"business\": \"新装\", \"voltage_kv\": \"high\"}\n}";
    let result = read_case_file(bad);
    let next = s.apply(Action::Import(Source::File, result));
    assert_eq!(next.draft, s.draft);
    let n = next.notice.unwrap();
    assert!(n.error);
    assert_eq!(n.field.as_deref(), Some("customer.voltage_kv"));
    assert_eq!(n.line, Some(3));
    // Named by the form's label; a file also gets its line and its own
    // path, which is where the file must be edited.
    assert!(n.zh.contains("“供电电压”") && n.en.contains("\"Supply voltage\""));
    assert!(n.zh.contains("第 3 行") && n.en.contains("line 3"));
    assert!(n.zh.contains("customer.voltage_kv"), "{}", n.zh);
    // A link has no text to edit: the label alone.
    let link = s.apply(Action::Import(Source::Link, read_case_file(bad)));
    let n = link.notice.unwrap();
    assert!(n.en.contains("\"Supply voltage\"") && !n.en.contains("customer.voltage_kv"));
}

#[test]
fn an_import_can_be_undone_and_so_can_clear() {
    let mine = edit(
        &State::new(Mode::Customer, day("2026-11-22")),
        "customer.category",
        text("resident"),
    );
    let imported = mine.apply(Action::Import(Source::File, read_case_file(&s0())));
    assert_eq!(imported.draft.category, "high-voltage");
    assert_eq!(imported.apply(Action::Undo).draft, mine.draft);
    let cleared = imported.apply(Action::Clear);
    assert!(cleared.draft.is_empty());
    assert_eq!(cleared.apply(Action::Undo).draft, imported.draft);
}

#[test]
fn the_kiosk_warns_at_two_minutes_and_wipes_at_three() {
    let today = day("2026-11-22");
    let mut s = State::new(Mode::Kiosk, today);
    s = edit(&s, "customer.category", text("resident"))
        .apply(Action::SetLang(yekuo_www::state::Lang::En));
    assert!(!s.apply(Action::Idle(KIOSK_WARN_AFTER_S - 1)).idle_warning);
    let warned = s.apply(Action::Idle(KIOSK_WARN_AFTER_S));
    assert!(warned.idle_warning);
    assert_eq!(warned.draft, s.draft, "a warning erases nothing");
    assert!(!warned.apply(Action::Idle(0)).idle_warning);
    let wiped = warned.apply(Action::Idle(KIOSK_WIPE_AFTER_S));
    assert_eq!(wiped, State::new(Mode::Kiosk, today));
    assert_eq!(s.apply(Action::Finish), State::new(Mode::Kiosk, today));
    // Other modes never wipe on idle.
    let c = edit(
        &State::new(Mode::Customer, today),
        "customer.category",
        text("resident"),
    );
    assert_eq!(c.apply(Action::Idle(10_000)), c);
}

#[test]
fn modes_come_from_the_query_and_only_kiosk_forgets() {
    let web = Mode::Customer;
    assert_eq!(Mode::from_query("?mode=kiosk", web), Mode::Kiosk);
    assert_eq!(Mode::from_query("?lang=en&mode=clerk", web), Mode::Clerk);
    assert_eq!(Mode::from_query("", web), Mode::Customer);
    assert_eq!(Mode::from_query("?mode=admin", web), Mode::Customer);
    // A default other than the customer mode yields to the query (a page
    // that must stay a kiosk forces it instead: `Mode::for_page`).
    assert_eq!(Mode::from_query("", Mode::Kiosk), Mode::Kiosk);
    assert_eq!(
        Mode::from_query("?mode=customer", Mode::Kiosk),
        Mode::Customer
    );
    assert!(Mode::Customer.persists() && Mode::Clerk.persists() && !Mode::Kiosk.persists());
}

#[test]
fn saved_state_round_trips_and_corruption_is_an_error() {
    let s = State::new(Mode::Customer, day("2026-11-22"))
        .apply(Action::Import(Source::File, read_case_file(&s0())));
    let text = Saved::of(&s).to_text();
    let back = Saved::parse(&text)
        .unwrap()
        .restore(Mode::Customer, day("2026-11-22"));
    assert_eq!(back.draft, s.draft);
    assert!(Saved::parse("{\"version\":1,\"lang\":\"zh\",\"draft\":").is_err());
    assert!(Saved::parse("null").is_err());
    assert!(Saved::parse(&text.replace("\"version\":2", "\"version\":9")).is_err());
    // A save from the previous format (a serde copy of the draft) is refused,
    // so the caller sets it aside and says so.
    assert!(
        Saved::parse("{\"version\":1,\"lang\":\"Zh\",\"draft\":{\"category\":\"resident\"}}")
            .is_err()
    );
    // A field this page does not know is an error, not a silent drop.
    assert!(Saved::parse(&text.replace("customer.category", "customer.colour")).is_err());

    // The text is the one serde_json wrote for version 2 (the format of
    // earlier builds, written here as that build declared it), so a save
    // of an earlier build reads on, and this one reads back there.
    #[derive(serde::Serialize, serde::Deserialize)]
    struct SavedText {
        version: u32,
        lang: String,
        #[serde(default)]
        as_of: String,
        fields: Vec<(String, String)>,
    }
    let mut s = s;
    s.lang = yekuo_www::lang::Lang::En;
    s.as_of_text = "2026-11-2\"2".into();
    let text = Saved::of(&s).to_text();
    let file: SavedText = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (file.lang.as_str(), file.as_of.as_str()),
        ("en", "2026-11-2\"2")
    );
    assert!(file.fields.len() > 10, "{text}");
    assert_eq!(serde_json::to_string(&file).unwrap(), text);
    let pretty = serde_json::to_string_pretty(&file).unwrap();
    assert_eq!(Saved::parse(&pretty).unwrap().draft, s.draft);
    // `as_of` was optional in version 2.
    let without = serde_json::json!({"version": 2, "lang": "zh", "fields": file.fields});
    assert_eq!(Saved::parse(&without.to_string()).unwrap().as_of, "");
}

#[test]
fn base64url_matches_rfc4648_vectors() {
    // RFC 4648 §10, without padding, in the URL-safe alphabet.
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url_encode(plain.as_bytes()), coded);
        assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
    }
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("Zm9v!"), None);
    assert_eq!(base64url_decode("Z"), None);
}

#[test]
fn the_link_restores_the_case_and_a_tampered_link_is_refused() {
    let case = parse_case(&s0()).unwrap();
    let frag = fragment_for(&case);
    let draft = read_fragment(&format!("#{frag}")).unwrap().unwrap();
    assert_eq!(draft.check().case, Some(case));
    assert!(
        read_fragment("#f-customer-category").is_none(),
        "an ordinary anchor is not a case"
    );
    let cut = &frag[..frag.len() / 2];
    let err = read_fragment(cut).unwrap().unwrap_err();
    assert!(!err.message_zh.is_empty() && !err.message_en.is_empty());
    assert!(read_fragment("case=%%%").unwrap().is_err());
}

/// The link carries the case as compact JSON, exactly what serde_json's
/// compact writer makes (`share::fragment_for` strips the layout of the
/// pretty case file instead of serialising twice), also where the text
/// itself holds spaces, quotes, backslashes and line breaks.
#[test]
fn the_link_carries_the_compact_case_json() {
    let mut case = parse_case(&s0()).unwrap();
    let plain = case.clone();
    case.title = Some("A \"quoted\" title: {x, [y]}\\ \n  next line\t\\\"".into());
    case.customer.change_kind = Some(" 过户 ,  分户 ".into());
    for case in [plain, case] {
        let frag = fragment_for(&case);
        let payload = frag.strip_prefix("case=").unwrap();
        let json = String::from_utf8(base64url_decode(payload).unwrap()).unwrap();
        assert_eq!(json, serde_json::to_string(&case).unwrap());
    }
}

/// S0 case 1 as of 2010-06-20, before the inspection: its report.
fn s0_before_inspection() -> yekuo::report::Report {
    let mut case = parse_case(&s0()).unwrap();
    case.dates.inspected = None;
    case.dates.inspection_passed = None;
    case.dates.power_on = None;
    yekuo::eval::evaluate(
        yekuo::rulebook::Rulebook::embedded(),
        &case,
        day("2010-06-20"),
    )
}

#[test]
fn the_calendar_file_lists_both_completion_inspection_deadlines() {
    // S0 case 1 before the inspection: due 2010-06-23 (2005 commitments) and
    // 2010-06-25 (the 2010 norm), per the core issue and cases.md C1.
    let report = s0_before_inspection();
    let ics = deadlines_ics(&report, "S0");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20100623\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20100625\r\n"), "{ics}");
    assert!(
        ics.split("\r\n").all(|l| l.len() <= 75),
        "lines are folded at 75 octets"
    );
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("END:VEVENT").count()
    );
}

#[test]
fn another_tab_pauses_autosave_and_keeping_this_tab_resumes_it() {
    let s = edit(
        &State::new(Mode::Customer, day("2026-11-22")),
        "customer.category",
        text("resident"),
    );
    let paused = s.apply(Action::OtherTabSaved);
    assert!(paused.autosave_paused);
    assert_eq!(paused.draft, s.draft, "this tab's entries stay");
    assert!(paused.notice.as_ref().unwrap().error);
    let resumed = paused.apply(Action::KeepThisTab);
    assert!(!resumed.autosave_paused && resumed.notice.is_none());
    // The kiosk saves nothing, so another tab is no concern there.
    let k = State::new(Mode::Kiosk, day("2026-11-22"));
    assert_eq!(k.apply(Action::OtherTabSaved), k);
}

#[test]
fn a_field_named_by_the_core_has_the_form_controls_id() {
    use yekuo_www::draft::field_id;
    assert_eq!(field_id("contractors.0.tier"), "f-contractors-0-tier");
    assert_eq!(field_id("contractors[0].tier"), "f-contractors-0-tier");
    assert_eq!(field_id("paused[12].to"), field_id("paused.12.to"));
    assert_eq!(field_id("dates.accepted"), "f-dates-accepted");
}

#[test]
fn an_outage_typed_in_the_form_is_checked_and_located() {
    // catalog OTH-03: the 1996 rules ask for notice 3 to 7 days ahead.
    let mut s = type_in(
        State::new(Mode::Clerk, day("2015-06-01")),
        &[
            ("customer.category", "lv-nonresident"),
            ("customer.business", "new"),
            ("utility.operator", "other"),
            ("outage.date", "2015-05-20"),
            ("outage.notice_date", "2015-05-18"),
        ],
    );
    s = edit(&s, "outage.reminder_given", Input::Tri(Some(true)));
    let c = s.draft.check();
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let o = c.case.unwrap().outage.expect("the outage reaches the case");
    assert_eq!(
        (o.date, o.notice_date),
        (day("2015-05-20"), Some(day("2015-05-18")))
    );
    assert_eq!(o.reminder_given, Some(true));
    // A notice date with no outage date: located at the outage date.
    let t = edit(&s, "outage.date", text(""));
    let c = t.draft.check();
    assert_eq!(c.errors.len(), 1, "{:?}", c.errors);
    assert_eq!(c.errors[0].field, "outage.date");
    assert!(c.case.unwrap().outage.is_none());
    // An impossible notice date is reported at its own field.
    let t = edit(&s, "outage.notice_date", text("2015-02-30"));
    let c = t.draft.check();
    assert_eq!(c.errors[0].field, "outage.notice_date");
    assert_eq!(c.case.unwrap().outage.unwrap().notice_date, None);
}

/// Issue 13: "no notice served" is an answer of its own, not an empty date:
/// it reaches the case and breaks the notice duty (catalog OTH-03); a date
/// beside it is located at the date and left out.
#[test]
fn no_outage_notice_is_an_answer_of_its_own() {
    let mut s = type_in(
        State::new(Mode::Clerk, day("2015-06-01")),
        &[
            ("customer.category", "lv-nonresident"),
            ("customer.business", "new"),
            ("utility.operator", "other"),
            ("outage.date", "2015-05-20"),
        ],
    );
    s = edit(&s, "outage.notice_served", Input::Tri(Some(false)));
    let c = s.draft.check();
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let case = c.case.unwrap();
    let o = case.outage.clone().expect("the outage reaches the case");
    assert_eq!((o.notice_served, o.notice_date), (Some(false), None));
    // The 1996 rules (catalog OTH-03: 3 to 7 days' notice) are broken; the
    // reminder is not known, so that duty is asked about, not decided.
    let report = yekuo::eval::evaluate(
        yekuo::rulebook::Rulebook::embedded(),
        &case,
        day("2015-06-01"),
    );
    let oth: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.as_str() == "OTH-03")
        .map(|f| {
            (
                f.outcome.code(),
                f.inputs.iter().map(|i| i.to_string()).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert!(
        oth.contains(&("violation", vec!["outage.notice_served".to_string()])),
        "{oth:?}"
    );
    assert!(
        oth.contains(&(
            "cannot-determine",
            vec!["outage.reminder_given".to_string()]
        )),
        "{oth:?}"
    );
    // A date beside "no notice": located at the date, which is left out.
    let t = edit(&s, "outage.notice_date", text("2015-05-15"));
    let c = t.draft.check();
    assert_eq!(c.errors.len(), 1, "{:?}", c.errors);
    assert_eq!(c.errors[0].field, "outage.notice_date");
    let o = c.case.unwrap().outage.unwrap();
    assert_eq!((o.notice_served, o.notice_date), (Some(false), None));
    // "Don't know" is neither: the date counts again.
    let t = edit(&t, "outage.notice_served", Input::Tri(None));
    let c = t.draft.check();
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let o = c.case.unwrap().outage.unwrap();
    assert_eq!(
        (o.notice_served, o.notice_date),
        (None, Some(day("2015-05-15")))
    );
}

/// Issue 11 D15: a restore link over entries asks first; the entries stay
/// (and stay autosaved) until the user says yes, and Undo works after.
#[test]
fn a_link_over_entries_asks_before_replacing_them() {
    let mine = edit(
        &State::new(Mode::Customer, day("2026-11-22")),
        "customer.category",
        text("resident"),
    );
    let case = parse_case(&s0()).unwrap();
    let link = || read_fragment(&format!("#{}", fragment_for(&case))).unwrap();
    let asked = mine.apply(Action::Import(Source::Link, link()));
    assert_eq!(
        asked.draft, mine.draft,
        "nothing replaced before the answer"
    );
    assert!(asked.pending_link.is_some());
    let kept = asked.apply(Action::KeepForm);
    assert_eq!(kept.draft, mine.draft);
    assert!(kept.pending_link.is_none() && kept.previous.is_none());
    let opened = asked.apply(Action::AcceptLink);
    assert_eq!(opened.draft.category, "high-voltage");
    assert!(opened.pending_link.is_none());
    assert_eq!(opened.apply(Action::Undo).draft, mine.draft);
    // Into an empty form, or a form equal to the link's, there is nothing to ask.
    let fresh = State::new(Mode::Customer, day("2026-11-22"));
    let loaded = fresh.apply(Action::Import(Source::Link, link()));
    assert!(loaded.pending_link.is_none());
    assert_eq!(loaded.draft.category, "high-voltage");
    assert!(loaded
        .apply(Action::Import(Source::Link, link()))
        .pending_link
        .is_none());
    // A file is chosen on purpose: it replaces at once, with Undo.
    let file = mine.apply(Action::Import(Source::File, read_case_file(&s0())));
    assert_eq!(file.draft.category, "high-voltage");
}

/// Issue 11: `case=` among other fragment parameters is read, not ignored.
#[test]
fn a_case_among_other_fragment_parameters_is_read() {
    let case = parse_case(&s0()).unwrap();
    let frag = fragment_for(&case);
    for f in [format!("#x=1&{frag}"), format!("#{frag}&utm_source=chat")] {
        let draft = read_fragment(&f).unwrap().unwrap();
        assert_eq!(draft.check().case.as_ref(), Some(&case), "{f}");
    }
    assert!(read_fragment("#x=1&y=2").is_none());
    assert!(read_fragment("#main").is_none());
}

/// Issue 11 D5: an unreadable save that could not be copied aside stays
/// under its key, so this tab must not autosave over it, and says so.
#[test]
fn an_unreadable_save_left_in_place_stops_autosave() {
    let s = State::new(Mode::Customer, day("2026-11-22"));
    let copied = s.apply(Action::CorruptSave {
        reason: "EOF".into(),
        key: "yekuo.v1.customer".into(),
        copied: true,
    });
    assert!(copied.autosaves());
    assert!(copied
        .notice
        .as_ref()
        .unwrap()
        .en
        .contains("yekuo.v1.customer.corrupt"));
    let left = s.apply(Action::CorruptSave {
        reason: "EOF".into(),
        key: "yekuo.v1.customer".into(),
        copied: false,
    });
    assert!(!left.autosaves(), "autosave would overwrite the only copy");
    let n = left.notice.as_ref().unwrap();
    assert!(n.zh.contains("仍保留在") && n.en.contains("stays unchanged"));
    assert!(!n.zh.contains("另存为") && !n.en.contains(".corrupt"));
    // "Keep this tab" (another tab's question) does not turn it back on.
    let typed = edit(&left, "customer.category", text("resident"));
    assert!(!typed.apply(Action::KeepThisTab).autosaves());
    assert!(typed.unsaved(), "leaving asks first");
}

/// Issue 11: entries only this tab holds make leaving the page ask first.
#[test]
fn leaving_asks_only_when_entries_exist_only_in_this_tab() {
    let s = edit(
        &State::new(Mode::Customer, day("2026-11-22")),
        "customer.category",
        text("resident"),
    );
    assert!(!s.unsaved(), "autosaved: nothing to lose");
    let paused = s.apply(Action::OtherTabSaved);
    assert!(paused.unsaved());
    assert!(!paused.apply(Action::KeepThisTab).unsaved());
    let failed = s.apply(Action::AutosaveFailed);
    assert!(failed.unsaved() && failed.notice.as_ref().unwrap().error);
    assert!(!failed.apply(Action::AutosaveWorked).unsaved());
    // Told once: a later failure does not cover a newer message.
    let newer = failed
        .apply(Action::Notify(Notice::error("另一条", "another")))
        .apply(Action::AutosaveFailed);
    assert_eq!(newer.notice.as_ref().unwrap().en, "another");
    assert!(newer.unsaved());
    // Saving worked again, then failed again: told again.
    let again = newer
        .apply(Action::AutosaveWorked)
        .apply(Action::AutosaveFailed);
    assert!(again
        .notice
        .as_ref()
        .unwrap()
        .en
        .starts_with("Browser storage is full"));
    assert!(
        !State::new(Mode::Customer, day("2026-11-22"))
            .apply(Action::OtherTabSaved)
            .unsaved(),
        "an empty form has nothing to lose"
    );
    let kiosk = edit(
        &State::new(Mode::Kiosk, day("2026-11-22")),
        "customer.category",
        text("resident"),
    );
    assert!(
        !kiosk.apply(Action::AutosaveFailed).unsaved(),
        "the kiosk forgets by design"
    );
}

/// Issue 11: the single-file build forces the kiosk whatever the query, and
/// a kiosk's wipe touches only what it owns.
#[test]
fn a_forced_kiosk_ignores_the_query_and_wipes_only_its_own() {
    use yekuo_www::state::kiosk_wipes;
    assert_eq!(
        Mode::for_page("?mode=clerk", Some(Mode::Kiosk)),
        Mode::Kiosk
    );
    assert_eq!(
        Mode::for_page("?mode=customer", Some(Mode::Kiosk)),
        Mode::Kiosk
    );
    assert_eq!(Mode::for_page("?mode=clerk", None), Mode::Clerk);
    assert_eq!(Mode::for_page("", None), Mode::Customer);
    // Served next to the other modes: only the kiosk's keys.
    assert!(kiosk_wipes("yekuo.v1.kiosk", false));
    for other in [
        "yekuo.v1.customer",
        "yekuo.v1.clerk",
        "yekuo.v1.customer.corrupt",
        "theme",
    ] {
        assert!(!kiosk_wipes(other, false), "{other}");
    }
    // The kiosk copy: every yekuo key of its origin, nothing else.
    for ours in [
        "yekuo.v1.customer",
        "yekuo.v1.clerk",
        "yekuo.v1.clerk.corrupt",
    ] {
        assert!(kiosk_wipes(ours, true), "{ours}");
    }
    assert!(!kiosk_wipes("theme", true));
}

/// Issue 11: a bare carriage return (or any control character) in the case
/// title cannot end an iCalendar content line early (RFC 5545 §3.3.11).
#[test]
fn calendar_text_carries_no_bare_control_characters() {
    let report = s0_before_inspection();
    let ics = deadlines_ics(&report, "甲\rSUMMARY:伪造\r\n乙\n丙\u{1b}[31m\u{7}\u{85}丁");
    let lines: Vec<&str> = ics.split("\r\n").collect();
    for l in &lines {
        assert!(!l.chars().any(|c| c.is_control() && c != '\t'), "{l:?}");
    }
    let summary: String = ics
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    assert!(
        summary.ends_with("甲\\nSUMMARY:伪造\\n乙\\n丙[31m丁"),
        "{summary}"
    );
}

/// Issue 11 D14 (browser half): an import is read from the file's bytes;
/// GBK is refused with its line, naming GBK, in both languages.
#[test]
fn an_import_in_gbk_is_refused_with_its_place() {
    let mut gbk = b"{\n  \"format\": \"yekuo-case/1\",\n  \"title\": \"".to_vec();
    gbk.extend([
        0xd5, 0xc5, 0xc8, 0xfd, 0xd3, 0xd0, 0xcf, 0xde, 0xb9, 0xab, 0xcb, 0xbe,
    ]);
    gbk.extend("\"\n}\n".as_bytes());
    let e = yekuo_www::share::read_case_bytes(&gbk).unwrap_err();
    assert_eq!(e.line, Some(3));
    assert!(
        e.message_en.contains("GBK") && e.message_zh.contains("GBK"),
        "{e:?}"
    );
    let mine = edit(
        &State::new(Mode::Customer, day("2026-11-22")),
        "customer.category",
        text("resident"),
    );
    let next = mine.apply(Action::Import(Source::File, Err(e)));
    assert_eq!(next.draft, mine.draft);
    // The same case in UTF-8, with a byte-order mark, is read.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(s0().as_bytes());
    assert!(yekuo_www::share::read_case_bytes(&bom).is_ok());
}

/// Issue 14: customer mode opens on the questions before applying, and so
/// does the kiosk (issue 16: its passer-by is a homeowner with no
/// keyboard); the clerk opens on the form; a saved form or an imported case
/// opens the form (the second path), and the choices fill the same draft.
#[test]
fn customer_mode_starts_with_the_questions() {
    use yekuo_www::state::Journey;
    let today = day("2026-11-22");
    let s = State::new(Mode::Customer, today);
    assert_eq!(s.journey, Journey::Start);
    assert_eq!(State::new(Mode::Clerk, today).journey, Journey::Form);
    assert_eq!(State::new(Mode::Kiosk, today).journey, Journey::Start);
    let s = s.apply(Action::Go(Journey::Who));
    let s = edit(&s, "customer.category", text("resident")).apply(Action::Go(Journey::What));
    let s = edit(&s, "customer.business", text("increase")).apply(Action::Go(Journey::Answer));
    assert_eq!(s.journey, Journey::Answer);
    assert!(s.draft.check().case.is_some(), "two answers make a case");
    // A reload with entries opens the form; without them, the start page.
    let text_saved = Saved::of(&s).to_text();
    let back = Saved::parse(&text_saved)
        .unwrap()
        .restore(Mode::Customer, today);
    assert_eq!(back.journey, Journey::Form);
    let empty = Saved::of(&State::new(Mode::Customer, today)).to_text();
    let back = Saved::parse(&empty).unwrap().restore(Mode::Customer, today);
    assert_eq!(back.journey, Journey::Start);
    // An imported case is for the form.
    let s = State::new(Mode::Customer, today)
        .apply(Action::Import(Source::File, read_case_file(&s0())));
    assert_eq!(s.journey, Journey::Form);
}

/// Issue 14: the contractor question edits the form's first contractor, so
/// opening it makes that row once (reopening it adds no second one; leaving
/// it unanswered removes it), and what the customer copies from the licence
/// reaches the case.
#[test]
fn the_contractor_question_fills_the_first_contractor() {
    use yekuo_www::state::Journey;
    let s = State::new(Mode::Customer, day("2026-11-22"));
    let s = edit(&s, "customer.category", text("resident"));
    let s = edit(&s, "customer.business", text("new")).apply(Action::Go(Journey::Answer));
    assert!(
        s.draft.contractors.is_empty(),
        "the answer asks nothing of it"
    );
    let s = s.apply(Action::Go(Journey::Contractor));
    assert_eq!(s.journey, Journey::Contractor);
    assert_eq!(s.draft.contractors.len(), 1);
    // Only looking leaves no contractor behind.
    let looked = s.apply(Action::Go(Journey::Form));
    assert!(looked.draft.contractors.is_empty());
    let s = edit(&s, "contractors.0.tier", text("3"));
    let s = s
        .apply(Action::Go(Journey::Answer))
        .apply(Action::Go(Journey::Contractor));
    assert_eq!(s.draft.contractors.len(), 1);
    assert_eq!(s.draft.check().case.unwrap().contractors[0].tier, Some(3));
}

#[test]
fn a_case_file_that_cannot_be_written_is_said_and_the_entries_stay() {
    let s = State::new(Mode::Customer, day("2026-11-22"))
        .apply(Action::Import(Source::File, read_case_file(&s0())));
    let before = s.draft.clone();
    let e = yekuo::case::CaseError {
        field: ".".into(),
        line: None,
        message_en: "offline".into(),
        message_zh: "离线".into(),
    };
    let next = s.apply(Action::WriteFailed(e));
    let n = next.notice.expect("a notice");
    assert!(n.error);
    assert!(n.zh.contains("离线") && n.en.contains("offline"), "{n:?}");
    assert_eq!(next.draft, before);
}

/// A restore link opened in a fresh browser: the page opens on the form,
/// saying the case is on its way, never on the start page the case would
/// replace; a link that cannot be read sends an empty form back to the
/// start page with the reason; typing meanwhile turns the link into the
/// usual question, without the "opening" line beside it.
#[test]
fn a_restore_link_opens_on_the_form_while_it_loads() {
    use yekuo_www::state::Journey;
    let today = day("2026-11-22");
    let draft = || {
        read_fragment(&format!("#{}", fragment_for(&parse_case(&s0()).unwrap())))
            .unwrap()
            .unwrap()
    };
    let opening = State::new(Mode::Customer, today).apply(Action::OpeningLink);
    assert_eq!(opening.journey, Journey::Form);
    assert_eq!(opening.notice, Some(Notice::opening_link()));
    assert!(!opening.notice.as_ref().unwrap().error);

    let opened = opening.apply(Action::Import(Source::Link, Ok(draft())));
    assert_eq!(opened.journey, Journey::Form);
    assert!(opened.draft.check().case.is_some());
    assert_ne!(
        opened.notice,
        Some(Notice::opening_link()),
        "the line is replaced once the case is in"
    );

    let bad = read_fragment("#case=eyJmb3JtYXQiOiJ5ZWt1by1jYXNlLzEi")
        .unwrap()
        .unwrap_err();
    let refused = opening.apply(Action::Import(Source::Link, Err(bad.clone())));
    assert_eq!(
        refused.journey,
        Journey::Start,
        "an empty form goes back to the start page"
    );
    assert!(refused.notice.as_ref().unwrap().error);
    // In clerk mode the first page is the form.
    let clerk = State::new(Mode::Clerk, today).apply(Action::OpeningLink);
    let refused = clerk.apply(Action::Import(Source::Link, Err(bad)));
    assert_eq!(refused.journey, Journey::Form);

    // Typed into while it loaded: the question, and no "opening" line.
    let typed = edit(&opening, "customer.category", text("resident"));
    let asked = typed.apply(Action::Import(Source::Link, Ok(draft())));
    assert!(asked.pending_link.is_some());
    assert_eq!(asked.notice, None);

    // Entries already there: nothing changes until the link is read (then
    // the question); a notice already showing (a corrupt save) stays.
    let mine = edit(
        &State::new(Mode::Customer, today),
        "customer.category",
        text("resident"),
    )
    .apply(Action::Go(Journey::Answer));
    assert_eq!(mine.apply(Action::OpeningLink), mine);
    let corrupt = State::new(Mode::Customer, today).apply(Action::CorruptSave {
        reason: "x".into(),
        key: "yekuo.v1.customer".into(),
        copied: true,
    });
    assert_eq!(corrupt.apply(Action::OpeningLink).notice, corrupt.notice);
}

/// The address's language: `?lang=` read by its key (not "xlang=en"), and
/// taken out of the query once the user picks the other language, the
/// other parameters kept in order.
#[test]
fn the_address_language_is_read_by_its_key_and_can_be_taken_out() {
    use yekuo_www::lang::query_without_lang;
    assert_eq!(Lang::from_query("?lang=en"), Some(Lang::En));
    assert_eq!(Lang::from_query("?mode=clerk&lang=zh"), Some(Lang::Zh));
    assert_eq!(Lang::from_query("?xlang=en"), None);
    assert_eq!(Lang::from_query("?lang=fr"), None);
    assert_eq!(Lang::from_query(""), None);
    assert_eq!(
        query_without_lang("?mode=clerk&lang=en&x=1").as_deref(),
        Some("?mode=clerk&x=1")
    );
    assert_eq!(query_without_lang("?lang=en").as_deref(), Some(""));
    assert_eq!(query_without_lang("?mode=kiosk"), None);
    assert_eq!(query_without_lang("?xlang=en"), None);
}

/// A kiosk runs for days: "today" follows the clock the shell reads, and a
/// Finish or wipe after midnight starts the next visitor on the new day.
/// Nobody's entries: no "are you still there?" and nothing to wipe.
#[test]
fn the_kiosk_follows_the_day_and_leaves_an_untouched_screen_alone() {
    use yekuo_www::state::Journey;
    let (monday, tuesday) = (day("2026-12-07"), day("2026-12-08"));
    let fresh = State::new(Mode::Kiosk, monday);
    assert!(fresh.untouched());
    for seconds in [
        KIOSK_WARN_AFTER_S,
        KIOSK_WIPE_AFTER_S,
        10 * KIOSK_WIPE_AFTER_S,
    ] {
        let idle = fresh.apply(Action::Idle(seconds));
        assert!(
            !idle.idle_warning,
            "{seconds} s on an untouched kiosk: no warning"
        );
        assert_eq!(idle, fresh);
    }
    // A visitor at the answer: warned, then wiped, on the new day.
    let visitor = edit(
        &fresh.apply(Action::Go(Journey::Who)),
        "customer.category",
        text("resident"),
    );
    assert!(!visitor.untouched());
    assert!(visitor.apply(Action::Idle(KIOSK_WARN_AFTER_S)).idle_warning);
    let next_day = visitor.apply(Action::Today(tuesday));
    assert_eq!(next_day.today, tuesday);
    assert_eq!(
        next_day.apply(Action::Idle(KIOSK_WIPE_AFTER_S)),
        State::new(Mode::Kiosk, tuesday)
    );
    assert_eq!(
        next_day.apply(Action::Finish),
        State::new(Mode::Kiosk, tuesday)
    );
    // The same day again changes nothing.
    assert_eq!(next_day.apply(Action::Today(tuesday)), next_day);
    // Only the language chosen is already something to forget.
    let english = fresh.apply(Action::SetLang(Lang::En));
    assert!(english.apply(Action::Idle(KIOSK_WARN_AFTER_S)).idle_warning);
}
