//! Getting a case out of the app and back in, without a server: the case
//! file (the CLI's `yekuo-case/1` JSON), a link that carries the case in its
//! fragment (never sent to any server), and the deadlines as an `.ics` file.

use crate::draft::Draft;
use yekuo::case::{parse_case, parse_case_bytes, Case, CaseError};
use yekuo::report::Report;

/// The case file text for a case.
pub fn case_file(case: &Case) -> String {
    // Serialising our own plain structs cannot fail.
    serde_json::to_string_pretty(case).unwrap_or_default()
}

/// A case as one line of a JSONL file (the CLI's batch format).
pub fn case_line(case: &Case) -> String {
    serde_json::to_string(case).unwrap_or_default()
}

/// Read a case file into a draft, or say exactly what is wrong with it.
pub fn read_case_file(text: &str) -> Result<Box<Draft>, CaseError> {
    parse_case(text).map(|c| Box::new(Draft::from_case(&c)))
}

/// Read an imported file from its bytes, not from text the browser decoded:
/// `File.text()` turns GBK or UTF-16 into U+FFFD without a word, and the
/// garbled names would then be autosaved. The core refuses a text that is
/// not UTF-8 with its place and the encoding it looks like.
pub fn read_case_bytes(bytes: &[u8]) -> Result<Box<Draft>, CaseError> {
    parse_case_bytes(bytes).map(|c| Box::new(Draft::from_case(&c)))
}

const FRAGMENT_KEY: &str = "case=";

/// The URL fragment (without `#`) that restores `case`.
pub fn fragment_for(case: &Case) -> String {
    let json = compact(&case_file(case));
    format!("{FRAGMENT_KEY}{}", base64url_encode(json.as_bytes()))
}

/// The pretty case file without its layout: exactly what
/// `serde_json::to_string` writes (serde_json's pretty layout is spaces and
/// line breaks between tokens, and it escapes line breaks inside strings).
/// Serialising a case in one layout, not both, keeps a second copy of
/// every case type's serialiser out of the bundle: 3,980 bytes gzip of the
/// first load (319,133 -> 315,153, issue 12). `tests/reducer.rs` checks the
/// result against serde_json's compact writer.
fn compact(pretty: &str) -> String {
    let mut out = String::with_capacity(pretty.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in pretty.chars() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == ' ' || c == '\n' {
            continue;
        } else {
            in_string = c == '"';
        }
        out.push(c);
    }
    out
}

/// The restore payload of a URL fragment, if it carries one. `case=` may
/// sit among other parameters (`#x=1&case=…`, added by a mail or chat
/// program): a link that carries a case is never ignored.
pub fn fragment_payload(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix(FRAGMENT_KEY))
}

/// The case carried by a URL fragment: `None` when the fragment carries no
/// case, `Some(Err)` when it does but cannot be read (a truncated or
/// tampered link).
pub fn read_fragment(fragment: &str) -> Option<Result<Box<Draft>, CaseError>> {
    let payload = fragment_payload(fragment)?;
    let bad = |en: &str, zh: &str| CaseError {
        field: ".".into(),
        line: None,
        message_en: en.into(),
        message_zh: zh.into(),
    };
    let Some(bytes) = base64url_decode(payload) else {
        return Some(Err(bad(
            "the link is damaged (not valid base64url); ask for the link again",
            "链接已损坏(不是有效的 base64url 编码)；请重新获取链接",
        )));
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Some(Err(bad(
            "the link is damaged (not UTF-8 text)",
            "链接已损坏(不是 UTF-8 文本)",
        )));
    };
    Some(read_case_file(&text))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// RFC 4648 §5 base64url without padding (URL-safe, so the fragment needs no escaping).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = B64.iter().position(|b| b == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The deadlines of a report as an iCalendar file (RFC 5545): one all-day
/// event per step and regime that is not yet done.
pub fn deadlines_ics(report: &Report, title: &str) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//yekuo//deadlines//ZH\r\nCALSCALE:GREGORIAN\r\n",
    );
    let stamp = format!("{}T000000Z", yekuo::day::basic(report.as_of));
    for step in &report.timeline {
        let (name_zh, name_en) = (
            yekuo::render::step(step.step, yekuo::render::Lang::Zh),
            yekuo::render::step(step.step, yekuo::render::Lang::En),
        );
        for due in &step.due {
            // Done steps need no reminder (done on time, late, or in a
            // CAL-06 rollover window).
            if due.done.is_some() {
                continue;
            }
            let day = yekuo::day::basic(due.due);
            let next = yekuo::day::basic(due.due.succ_opt().unwrap_or(due.due));
            let summary = format!("{name_zh}截止({}) {}", due.title, title);
            out.push_str("BEGIN:VEVENT\r\n");
            out.push_str(&format!(
                "UID:{}-{}-{day}@yekuo.invalid\r\n",
                name_en.replace(' ', "-"),
                due.instrument
            ));
            out.push_str(&format!("DTSTAMP:{stamp}\r\n"));
            out.push_str(&format!(
                "DTSTART;VALUE=DATE:{day}\r\nDTEND;VALUE=DATE:{next}\r\n"
            ));
            out.push_str(&fold(&format!("SUMMARY:{}", ics_escape(summary.trim()))));
            out.push_str(&fold(&format!(
                "DESCRIPTION:{}",
                ics_escape(&format!(
                    "{name_en} due {}; {} {} ({})",
                    due.due, due.title_en, due.version_en, due.mark
                ))
            )));
            out.push_str("END:VEVENT\r\n");
        }
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// Every open deadline of a worklist as one iCalendar file: an all-day
/// event per case, deadline and regime, its UID naming the case's id on
/// the list, so a calendar that imports the file again updates the events.
pub fn worklist_ics(
    as_of: chrono::NaiveDate,
    deadlines: impl Iterator<Item = (u32, String, yekuo::eval::due::Deadline)>,
) -> String {
    use yekuo::render::{due::item, Lang};
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//yekuo//worklist//ZH\r\nCALSCALE:GREGORIAN\r\n",
    );
    let stamp = format!("{}T000000Z", yekuo::day::basic(as_of));
    for (id, title, d) in deadlines {
        let day = yekuo::day::basic(d.due);
        let next = yekuo::day::basic(d.due.succ_opt().unwrap_or(d.due));
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&format!(
            "UID:case{id}-{}-{}-{day}@yekuo.invalid\r\n",
            d.item.code(),
            d.instrument
        ));
        out.push_str(&format!("DTSTAMP:{stamp}\r\n"));
        out.push_str(&format!(
            "DTSTART;VALUE=DATE:{day}\r\nDTEND;VALUE=DATE:{next}\r\n"
        ));
        let summary = format!("{}截止({}) {title}", item(d.item, Lang::Zh), d.title);
        out.push_str(&fold(&format!("SUMMARY:{}", ics_escape(summary.trim()))));
        out.push_str(&fold(&format!(
            "DESCRIPTION:{}",
            ics_escape(&format!(
                "{} due {}; {} {} ({})",
                item(d.item, Lang::En),
                d.due,
                d.rule.as_str(),
                d.title_en,
                d.mark
            ))
        )));
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// RFC 5545 §3.3.11 TEXT: backslash, `;` and `,` escaped, a line break
/// (`\r\n`, `\n` or a bare `\r`) written as `\n`; other control characters
/// (all but tab) are not allowed in TEXT and are dropped, so a title cannot
/// end a content line early or forge one.
fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets without splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut used = 0;
    for ch in line.chars() {
        if used + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += ch.len_utf8();
    }
    out.push_str("\r\n");
    out
}
