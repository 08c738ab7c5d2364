//! The field a bad case file's error names (src/json_path.rs, which walks
//! the text to serde_json's error position) against an independent oracle:
//! the serde_path_to_error crate, which tracks the path while deserializing.
//! Inputs: the example and golden case files with 1–3 random edits each
//! (a fixed seed), plus hand-written classes. Only errors about values are
//! compared; for syntax errors the two name different but equally
//! reasonable places.

use yekuo::case::{parse_case, Case};

fn oracle(json: &str) -> Option<(String, String)> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let r: Result<Case, _> = serde_path_to_error::deserialize(de);
    r.err().map(|e| {
        let path = e.path().to_string();
        let msg = e.into_inner().to_string();
        let path = path.trim_end_matches(".?");
        let path = if path.is_empty() || path == "?" {
            "."
        } else {
            path
        };
        (path.to_string(), msg)
    })
}

/// Errors about a value or key, as opposed to JSON syntax.
fn about_a_value(msg: &str) -> bool {
    [
        "unknown field",
        "missing field",
        "invalid type",
        "unknown variant",
        "invalid value",
        "invalid length",
        "duplicate field",
        "`",
    ]
    .iter()
    .any(|p| msg.starts_with(p))
}

fn mutants(n: usize) -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/cases");
    let mut bases = vec![std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/s0-case1-110kv.json"
    ))
    .unwrap()];
    for e in std::fs::read_dir(dir).unwrap() {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap();
        if let Some(case) = v.get("case") {
            bases.push(serde_json::to_string_pretty(case).unwrap());
        }
    }
    let mut x: u64 = 0x2010_0615;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as usize
    };
    let alphabet = b"{}[],:\"0123abe-. \n";
    let mut out = Vec::new();
    while out.len() < n {
        let mut b = bases[rnd() % bases.len()].clone().into_bytes();
        for _ in 0..rnd() % 3 + 1 {
            let p = rnd() % b.len();
            let c = alphabet[rnd() % alphabet.len()];
            match rnd() % 3 {
                0 => b[p] = c,
                1 => {
                    b.remove(p);
                }
                _ => b.insert(p, c),
            }
        }
        if let Ok(s) = String::from_utf8(b) {
            out.push(s);
        }
    }
    out
}

#[test]
fn the_named_field_agrees_with_serde_path_to_error() {
    let mut inputs = mutants(20_000);
    inputs.extend(
        [
            r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装","colour":1}}"#,
            r#"{"format":"yekuo-case/1","customer":{"category":"居民"}}"#,
            r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装"},"dates":{"accepted":"2023-02-30"}}"#,
            r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装"},"contractors":[{"tier":2},{"tier":"x"}]}"#,
            r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装"},"documents":["D-ID",7]}"#,
            r#"{"format":"yekuo-case/1","customer":{"category":"工业","business":"新装"}}"#,
            // A refused word in an array whose closing bracket is lost:
            // serde_json stamps the error inside the next element.
            "{\"format\":\"yekuo-case/1\",\"customer\":{\"category\":\"高压\",\"business\":\"新装\"},\"contractors\":[{\"categories\":[\"3承装\"\n ,\n\"licensed\":true}]}",
            // An unknown word before another element (issue 13: named one too far).
            r#"{"format":"yekuo-case/1","customer":{"category":"居民","business":"新装"},"contractors":[{"categories":["xx","install"]}]}"#,
            // A bad first element of an array is the first, not the second.
            r#"{"format":"yekuo-case/1","customer":{"category":"高压","business":"新装"},"contractors":[{"categories":["x承装", "承装"]}]}"#,
        ]
        .map(String::from),
    );
    let (mut compared, mut differ) = (0, Vec::new());
    for text in &inputs {
        let Some((want, msg)) = oracle(text) else {
            continue;
        };
        // Keys with escapes or empty keys: the oracle shows them decoded,
        // we show them as written; both locate the same key.
        if !about_a_value(&msg)
            || msg.contains('\\')
            || msg.contains("``")
            || !text.trim_start().starts_with('{')
        {
            continue;
        }
        let got = parse_case(text).expect_err("the oracle rejected it").field;
        // An enum written as an object (`{"kva": …}` where a word belongs):
        // the oracle names the enum's field, we name the key inside the
        // object. Both are the place to look.
        if let Some(variant) = msg
            .strip_prefix("unknown variant `")
            .and_then(|r| r.split('`').next())
        {
            if got.ends_with(&format!(".{variant}")) {
                continue;
            }
        }
        compared += 1;
        if got != want {
            differ.push(format!("{want} vs {got}: {msg}"));
        }
    }
    assert!(compared > 2_000, "only {compared} value errors compared");
    assert!(
        differ.is_empty(),
        "{} of {compared} differ: {:#?}",
        differ.len(),
        &differ[..differ.len().min(10)]
    );
}
