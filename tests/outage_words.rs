//! OTH-03's two duties in words: every combination of what a case says of
//! the notice (late, early, in time, none served, not known) and of the
//! reminder (given, missing, not known) reads right in both languages and
//! for both audiences. Each duty is a finding of its own, so each sentence
//! speaks of its own duty only and never depends on the other's state.
//!
//! The numbers are the 1996 rules' (catalog §9 OTH-03, 第六十七条): notice
//! 3 to 7 days before the outage, a reminder 30 minutes before; the utility
//! is "other", so no SGCC commitment adds findings. Day counts by hand.

use chrono::NaiveDate;
use yekuo::render::{self, Audience, Lang, Reader};
use yekuo::report::{Finding, Outcome};

const OUTAGE: &str = "2015-05-20";

/// The notice as a case states it: its fields, the outcome of the notice
/// duty, and words each language must use for it.
struct Notice {
    name: &'static str,
    fields: &'static str,
    outcome: Outcome,
    zh: &'static str,
    en: &'static str,
}

const NOTICES: [Notice; 7] = [
    Notice {
        name: "late",
        fields: r#""notice_date": "2015-05-18""#,
        outcome: Outcome::Violation,
        zh: "停电前只提前 2 天通知，少于规定的 3 天。",
        en: "Notice only 2 days before the outage, less than the 3 days set.",
    },
    Notice {
        name: "on the day",
        fields: r#""notice_date": "2015-05-20""#,
        outcome: Outcome::Violation,
        zh: "停电通知在停电当天才送达，而应至少提前 3 天通知。",
        en:
            "The outage notice came on the day of the outage, instead of at least 3 days before it.",
    },
    Notice {
        name: "after the outage",
        fields: r#""notice_date": "2015-05-21""#,
        outcome: Outcome::Violation,
        zh: "停电通知在停电 1 天之后才送达，而应至少提前 3 天通知。",
        en: "The outage notice came 1 day after the outage, instead of at least 3 days before it.",
    },
    Notice {
        name: "early",
        fields: r#""notice_date": "2015-05-12""#,
        outcome: Outcome::Warning,
        zh: "停电前 8 天通知，早于规定的 3 至 7 天。",
        en: "Notice 8 days ahead, earlier than the 3 to 7 days set.",
    },
    Notice {
        name: "in time",
        fields: r#""notice_date": "2015-05-15""#,
        outcome: Outcome::Ok,
        zh: "停电前 5 天通知，在规定的 3 至 7 天之内。",
        en: "Notice 5 days before the outage, within the 3 to 7 days set.",
    },
    Notice {
        name: "none served",
        fields: r#""notice_served": false"#,
        outcome: Outcome::Violation,
        zh: "停电前没有送达停电通知；应在停电前 3 至 7 天通知。",
        en: "No notice of the outage was served; it is due 3 to 7 days before the outage.",
    },
    Notice {
        name: "not known",
        fields: r#""notice_served": true"#,
        outcome: Outcome::CannotDetermine,
        zh: "无法判断停电通知是否及时",
        en: "Cannot determine whether the outage notice was in time",
    },
];

struct Reminder {
    name: &'static str,
    field: &'static str,
    outcome: Outcome,
    zh: &'static str,
    en: &'static str,
}

const REMINDERS: [Reminder; 3] = [
    Reminder {
        name: "given",
        field: r#", "reminder_given": true"#,
        outcome: Outcome::Ok,
        zh: "停电前 30 分钟再次通知了客户，符合规定。",
        en: "A reminder was given 30 minutes before the outage, as set.",
    },
    Reminder {
        name: "missing",
        field: r#", "reminder_given": false"#,
        outcome: Outcome::Violation,
        zh: "停电前 30 分钟没有再次通知客户。这是提前送达停电通知之外的另一项义务。",
        en: "No reminder was given 30 minutes before the outage. This is a duty of its own, besides the notice days ahead.",
    },
    Reminder {
        name: "not known",
        field: "",
        outcome: Outcome::CannotDetermine,
        zh: "无法判断停电前是否再次通知",
        en: "Cannot determine whether the reminder just before the outage was given",
    },
];

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Is this finding about the reminder (else about the notice)?
fn about_reminder(f: &Finding) -> bool {
    f.inputs.iter().any(|i| i == "outage.reminder_given")
}

#[test]
fn every_combination_of_the_two_duties_reads_right() {
    let book = yekuo::rulebook::Rulebook::embedded();
    let mut failures = Vec::new();
    for n in &NOTICES {
        for m in &REMINDERS {
            let text = format!(
                r#"{{"format": "yekuo-case/1",
                    "customer": {{"category": "低压非居民", "business": "新装"}},
                    "utility": {{"operator": "other"}},
                    "outage": {{"date": "{OUTAGE}", {}{}}}}}"#,
                n.fields, m.field
            );
            let case = yekuo::case::parse_case(&text).unwrap();
            let report = yekuo::eval::evaluate(book, &case, day("2015-06-01"));
            let oth = report
                .findings
                .iter()
                .filter(|f| f.rule.as_str() == "OTH-03");
            let name = format!("notice {}, reminder {}", n.name, m.name);
            let (reminder, notice): (Vec<&Finding>, Vec<&Finding>) =
                oth.partition(|f| about_reminder(f));
            if notice.len() != 1 || reminder.len() != 1 {
                failures.push(format!(
                    "{name}: {} notice and {} reminder findings",
                    notice.len(),
                    reminder.len()
                ));
                continue;
            }
            for (f, outcome, zh, en, other) in [
                (
                    notice[0],
                    n.outcome,
                    n.zh,
                    n.en,
                    ["提醒", "reminder", "再次通知"],
                ),
                (reminder[0], m.outcome, m.zh, m.en, ["早于", "early", "天"]),
            ] {
                if f.outcome != outcome {
                    failures.push(format!("{name}: {:?}, not {outcome:?}", f.outcome));
                }
                for audience in [Audience::Customer, Audience::Clerk] {
                    for (lang, want) in [(Lang::Zh, zh), (Lang::En, en)] {
                        let reader = Reader {
                            audience,
                            ..Reader::clerk(lang)
                        };
                        let words = render::message(f, &reader);
                        if !words.contains(want) {
                            failures.push(format!(
                                "{name} {lang:?} {audience:?}: {words:?} lacks {want:?}"
                            ));
                        }
                        // A sentence about one duty says nothing of the other.
                        if let Some(w) = other.iter().find(|w| words.contains(**w)) {
                            if !want.contains(w) {
                                failures.push(format!(
                                    "{name} {lang:?} {audience:?}: {words:?} speaks of {w:?}"
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
