//! The properties the fuzz targets check, shared with the regression test
//! (tests/fuzz_regressions.rs) that replays every saved crash input with
//! plain `cargo test`. Each panics when the property fails.

/// Any bytes as a case file: a case or a located error, never a panic
/// (encodings included: `parse_case_bytes` judges the bytes as they come);
/// an accepted case serialises and parses back equal.
pub fn parse_case(data: &[u8]) {
    let from_bytes = yekuo::case::parse_case_bytes(data);
    if let Err(e) = &from_bytes {
        assert!(!e.message_zh.is_empty() && !e.message_en.is_empty(), "{e}");
    }
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(from_bytes.is_err(), "bytes that are not UTF-8 are refused");
        return;
    };
    if let Ok(case) = yekuo::case::parse_case(text) {
        let json = serde_json::to_string(&case).expect("a case serialises");
        let again = yekuo::case::parse_case(&json).expect("a serialised case parses");
        assert_eq!(again, case, "round trip");
    }
}

/// Any text in place of one rule file (the first byte picks which): the
/// loader accepts it or names the file and the problem.
pub fn rulebook(data: &[u8]) {
    use yekuo::rulebook::{Rulebook, EMBEDDED};
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let slot = usize::from(which) % EMBEDDED.len();
    let files = EMBEDDED.iter().enumerate().map(|(i, (name, body))| {
        (
            name.to_string(),
            if i == slot {
                text.to_string()
            } else {
                body.to_string()
            },
        )
    });
    if let Err(e) = Rulebook::from_files(files) {
        assert!(!e.file.is_empty() && !e.problem.is_empty(), "{e:?}");
    }
}

/// Any case that parses, on any day 1900–2100 (the first two bytes): no
/// panic, and the same report twice.
pub fn evaluate(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    // 693_596 is 1900-01-01; the span 1900-01-01 ..= 2100-12-31 holds 73_414 days.
    let day = 693_596 + i32::from(u16::from_le_bytes([data[0], data[1]])) % 73_414;
    let Some(as_of) = chrono::NaiveDate::from_num_days_from_ce_opt(day) else {
        return;
    };
    let Ok(text) = std::str::from_utf8(&data[2..]) else {
        return;
    };
    let Ok(case) = yekuo::case::parse_case(text) else {
        return;
    };
    let book = yekuo::rulebook::Rulebook::embedded();
    let a = yekuo::eval::evaluate(book, &case, as_of);
    let b = yekuo::eval::evaluate(book, &case, as_of);
    assert!(a == b, "evaluation is deterministic");
}
