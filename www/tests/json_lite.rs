//! `json_lite` against serde_json, the test oracle: the writer escapes as
//! serde_json does, the reader reads what serde_json reads and refuses
//! what it refuses (random values, their compact and pretty texts, and
//! those texts cut short or with a byte changed), and the autosave's text
//! is the one serde_json wrote for the same object.

use serde_json::Value;
use yekuo_www::json_lite::{parse, push_string, Json};

/// A small deterministic generator (xorshift64*), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Text full of what needs care: quotes, backslashes, every control
    /// character, slashes, CJK, characters outside the BMP, DEL.
    fn text(&mut self) -> String {
        const TRICKY: &[char] = &[
            '"', '\\', '/', '\u{7f}', '户', '号', '𠀀', '😀', ' ', 'a', 'Z',
        ];
        (0..self.below(12))
            .map(|_| match self.below(3) {
                0 => char::from_u32(self.below(0x20) as u32).unwrap(),
                _ => TRICKY[self.below(TRICKY.len() as u64) as usize],
            })
            .collect()
    }

    fn value(&mut self, depth: u32) -> Value {
        match self.below(if depth > 3 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(self.below(2) == 1),
            2 => Value::from(self.below(1_000_000) as i64 - 500_000),
            3 => Value::from(self.below(1000) as f64 / 8.0),
            4 => Value::String(self.text()),
            5 => Value::Array((0..self.below(4)).map(|_| self.value(depth + 1)).collect()),
            _ => Value::Object(
                (0..self.below(4))
                    .map(|_| (self.text(), self.value(depth + 1)))
                    .collect(),
            ),
        }
    }
}

/// Our tree as serde_json's, to compare the two readers.
fn to_serde(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).expect("json_lite kept a JSON number"),
        Json::Str(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        // Later duplicates win in serde_json's map; inserting in order does the same.
        Json::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), to_serde(v)))
                .collect(),
        ),
    }
}

#[test]
fn the_writer_escapes_as_serde_json_does() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..5000 {
        let s = rng.text();
        let mut ours = String::new();
        push_string(&mut ours, &s);
        assert_eq!(ours, serde_json::to_string(&s).unwrap(), "{s:?}");
    }
    // Every control character, one by one.
    for c in (0..0x20u32).filter_map(char::from_u32) {
        let mut ours = String::new();
        push_string(&mut ours, &c.to_string());
        assert_eq!(ours, serde_json::to_string(&c.to_string()).unwrap());
    }
}

#[test]
fn the_reader_reads_what_serde_json_writes() {
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    for _ in 0..3000 {
        let v = rng.value(0);
        for text in [
            serde_json::to_string(&v).unwrap(),
            serde_json::to_string_pretty(&v).unwrap(),
        ] {
            let ours = parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(to_serde(&ours), v, "{text}");
        }
    }
    // Escapes serde_json never writes but a JSON text may hold.
    let text = r#"["\/", "\u00e9", "\ud83d\ude00", "\u6237\u53f7", 1e3, -0.5E-2]"#;
    let ours = parse(text).unwrap();
    assert_eq!(
        to_serde(&ours),
        serde_json::from_str::<Value>(text).unwrap()
    );
}

#[test]
fn the_reader_refuses_what_serde_json_refuses() {
    let bad = [
        "",
        " ",
        "{",
        "}",
        "[1,]",
        "[,1]",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{a:1}",
        "'a'",
        "\"a",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "01",
        "1.",
        ".5",
        "-",
        "1e",
        "1e+",
        "+1",
        "tru",
        "nul",
        "[1 2]",
        "{} {}",
        "\"a\tb\"",
        "\"\u{1}\"",
        "NaN",
        "[\"a\"]]",
    ];
    for text in bad {
        assert!(
            serde_json::from_str::<Value>(text).is_err(),
            "oracle takes {text:?}"
        );
        assert!(parse(text).is_err(), "json_lite takes {text:?}");
    }
    // Texts cut short or with one byte changed: accepted exactly when
    // serde_json accepts them, and then read alike.
    let mut rng = Rng(0x5555_aaaa_1234_9876);
    let mut tried = 0;
    while tried < 20_000 {
        let mut bytes = serde_json::to_vec(&rng.value(0)).unwrap();
        if bytes.is_empty() {
            continue;
        }
        let at = rng.below(bytes.len() as u64) as usize;
        if rng.below(2) == 0 {
            bytes.truncate(at);
        } else {
            bytes[at] = b"{}[],:\"\\0123456789-+.eEtfnul \n"[rng.below(30) as usize];
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        tried += 1;
        match (serde_json::from_str::<Value>(&text), parse(&text)) {
            (Ok(want), Ok(got)) => assert_eq!(to_serde(&got), want, "{text}"),
            (Err(_), Err(_)) => {}
            // A number too large for an f64 is JSON (RFC 8259 leaves range
            // to the reader); json_lite keeps its text, serde_json refuses.
            (Err(e), Ok(_)) if e.to_string().starts_with("number out of range") => {}
            (want, got) => panic!("{text:?}: serde_json {want:?}, json_lite {got:?}"),
        }
    }
}

#[test]
fn nesting_past_the_limit_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000);
    assert!(parse(&deep).is_err());
    let ok = format!("{}{}", "[".repeat(20), "]".repeat(20));
    assert!(parse(&ok).is_ok());
}
