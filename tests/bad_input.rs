//! The bad-input catalogue (issue 5): every class of bad case file, the field
//! the error names and words it must contain (the allowed values, the
//! offending value). docs/bad-input.md shows the exact messages; this test
//! fails when it is out of date (`YEKUO_BLESS=1 cargo test --test bad_input`
//! rewrites it after a deliberate wording change).

use yekuo::case::{parse_case_bytes, CaseError, MAX_CASE_BYTES};

struct Class {
    name: &'static str,
    /// The file's bytes, as the CLI and the app's import read them.
    input: Vec<u8>,
    field: &'static str,
    /// Words the English message must contain.
    en: &'static [&'static str],
    /// Words the Chinese message must contain.
    zh: &'static [&'static str],
}

fn case_with(customer: &str, rest: &str) -> Vec<u8> {
    format!(r#"{{"format":"yekuo-case/1","customer":{{{customer}}}{rest}}}"#).into_bytes()
}

const RES: &str = r#""category":"居民","business":"新装""#;

fn classes() -> Vec<Class> {
    vec![
        Class {
            name: "malformed JSON",
            input: r#"{"format": "yekuo-case/1", "customer": {"#.into(),
            field: "customer",
            en: &["EOF"],
            zh: &["文件不完整"],
        },
        Class {
            name: "not an object",
            input: "[1, 2]".into(),
            field: ".",
            en: &["one JSON object"],
            zh: &["JSON 对象"],
        },
        Class {
            name: "wrong type",
            input: case_with(
                r#""category":"居民","business":"新装","voltage_kv":"high""#,
                "",
            ),
            field: "customer.voltage_kv",
            en: &["invalid type", "high"],
            zh: &["类型错误", "应为数字"],
        },
        Class {
            name: "unknown field",
            input: case_with(RES, r#","colour":"red""#),
            field: "colour",
            en: &["unknown field", "colour", "expected one of"],
            zh: &["未知字段", "colour", "允许"],
        },
        Class {
            name: "unknown category",
            input: case_with(r#""category":"工业","business":"新装""#, ""),
            field: "customer.category",
            en: &["unknown variant", "工业", "resident"],
            zh: &["不允许的取值", "工业"],
        },
        Class {
            name: "missing required field",
            input: case_with(r#""category":"居民""#, ""),
            field: "customer",
            en: &["missing field", "business"],
            zh: &["缺少必填字段", "business"],
        },
        Class {
            name: "impossible date",
            input: case_with(RES, r#","dates":{"accepted":"2023-02-30"}"#),
            field: "dates.accepted",
            en: &["2023-02-30", "not a real date", "YYYY-MM-DD"],
            zh: &["2023-02-30", "不是有效日期"],
        },
        Class {
            name: "impossible date in full-width digits",
            input: case_with(RES, r#","dates":{"accepted":"２０２３-０２-３０"}"#),
            field: "dates.accepted",
            en: &["２０２３-０２-３０", "not a real date", "YYYY-MM-DD"],
            zh: &["２０２３-０２-３０", "不是有效日期"],
        },
        Class {
            name: "date in another format",
            input: case_with(RES, r#","dates":{"accepted":"2023/2/3"}"#),
            field: "dates.accepted",
            en: &["2023/2/3", "YYYY-MM-DD"],
            zh: &["不是有效日期", "YYYY-MM-DD"],
        },
        Class {
            // Found by the fuzzer: chrono's %Y takes a sign and a short year.
            name: "signed or short year",
            input: case_with(RES, r#","dates":{"accepted":"-026-12-28"}"#),
            field: "dates.accepted",
            en: &["-026-12-28", "not a real date", "YYYY-MM-DD"],
            zh: &["-026-12-28", "不是有效日期"],
        },
        Class {
            name: "year out of range",
            input: case_with(RES, r#","dates":{"accepted":"0210-06-15"}"#),
            field: "dates.accepted",
            en: &["0210-06-15", "1900 to 2100"],
            zh: &["0210-06-15", "1900 至 2100"],
        },
        Class {
            name: "completion before application",
            input: case_with(
                RES,
                r#","dates":{"accepted":"2010-06-15","completion_requested":"2010-06-01"}"#,
            ),
            field: "dates.completion_requested",
            en: &["before accepted", "2010-06-01", "2010-06-15"],
            zh: &["早于", "2010-06-15"],
        },
        Class {
            name: "pause ending before it starts",
            input: case_with(
                RES,
                r#","paused":[{"from":"2010-06-15","to":"2010-06-01"}]"#,
            ),
            field: "paused[0].to",
            en: &["before", "2010-06-15"],
            zh: &["早于"],
        },
        Class {
            name: "an outage notice dated and said not served",
            input: case_with(
                RES,
                r#","outage":{"date":"2015-05-20","notice_date":"2015-05-15","notice_served":false}"#,
            ),
            field: "outage.notice_date",
            en: &["notice_served", "2015-05-15", "not both"],
            zh: &["未送达", "二者只能选一"],
        },
        Class {
            name: "negative capacity",
            input: case_with(
                r#""category":"居民","business":"新装","capacity_kva":-8"#,
                "",
            ),
            field: "customer.capacity_kva",
            en: &["-8", "positive"],
            zh: &["-8", "正数"],
        },
        Class {
            name: "absurd voltage",
            input: case_with(
                r#""category":"高压","business":"新装","voltage_kv":5000000"#,
                "",
            ),
            field: "customer.voltage_kv",
            en: &["5000000", "at most 1000000"],
            zh: &["5000000"],
        },
        Class {
            name: "unknown load grade",
            input: case_with(RES, r#","supply":{"load_grade":4}"#),
            field: "supply.load_grade",
            en: &["4", "allowed: 1 to 3"],
            zh: &["负荷等级", "1 至 3"],
        },
        Class {
            name: "unknown licence tier",
            input: case_with(RES, r#","contractors":[{"tier":9}]"#),
            field: "contractors[0].tier",
            en: &["9", "allowed: 1 to 5"],
            zh: &["许可证等级 9"],
        },
        Class {
            name: "wrong schema version",
            input: r#"{"format":"yekuo-case/2","customer":{"category":"居民","business":"新装"}}"#
                .into(),
            field: "format",
            en: &["yekuo-case/2", "yekuo-case/1"],
            zh: &["不支持的格式"],
        },
        Class {
            name: "huge document list",
            input: case_with(
                RES,
                &format!(r#","documents":[{}]"#, vec!["\"D-ID\""; 101].join(",")),
            ),
            field: "documents",
            en: &["more than 100"],
            zh: &["超过100项"],
        },
        Class {
            name: "oversized file",
            input: [case_with(RES, ""), vec![b' '; MAX_CASE_BYTES]].concat(),
            field: ".",
            en: &["bytes", "at most 1048576"],
            zh: &["文件过大"],
        },
        Class {
            name: "duplicate field",
            input: r#"{"format":"yekuo-case/1","format":"yekuo-case/1","customer":{"category":"居民","business":"新装"}}"#.into(),
            field: "format",
            en: &["duplicate field", "format"],
            zh: &["出现了两次", "format"],
        },
        Class {
            name: "text after the object",
            input: [case_with(RES, ""), b" x".to_vec()].concat(),
            field: ".",
            en: &["trailing characters"],
            zh: &["多余内容"],
        },
        Class {
            name: "file saved as GBK",
            // "居民" in GBK (Python's gbk codec): BE D3 C3 F1.
            input: b"{\"format\":\"yekuo-case/1\",\"title\":\"\xBE\xD3\xC3\xF1\"}".to_vec(),
            field: ".",
            en: &["line 1, column 35 (byte 35)", "GBK", "save it as UTF-8"],
            zh: &["第 1 行第 35 列", "GBK", "UTF-8 另存"],
        },
        Class {
            name: "file saved as UTF-16",
            input: [0xFF, 0xFE]
                .into_iter()
                .chain("{}".encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            field: ".",
            en: &["UTF-16", "save it as UTF-8"],
            zh: &["UTF-16", "UTF-8 另存"],
        },
        Class {
            name: "bytes that are no text encoding",
            input: b"{\"title\":\"\xFF\"}".to_vec(),
            field: ".",
            en: &["line 1, column 11 (byte 11)", "not UTF-8"],
            zh: &["第 1 行第 11 列", "不是 UTF-8"],
        },
    ]
}

fn error_of(c: &Class) -> CaseError {
    match parse_case_bytes(&c.input) {
        Ok(_) => panic!("{}: accepted", c.name),
        Err(e) => e,
    }
}

#[test]
fn every_bad_input_class_is_refused_at_its_field_in_both_languages() {
    for c in classes() {
        let e = error_of(&c);
        assert_eq!(e.field, c.field, "{}: {e}", c.name);
        for w in c.en {
            assert!(
                e.message_en.contains(w),
                "{}: English message {:?} lacks {w:?}",
                c.name,
                e.message_en
            );
        }
        for w in c.zh {
            assert!(
                e.message_zh.contains(w),
                "{}: Chinese message {:?} lacks {w:?}",
                c.name,
                e.message_zh
            );
        }
    }
}

#[test]
fn the_catalogue_in_docs_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/bad-input.md");
    let doc = std::fs::read_to_string(path).unwrap_or_default();
    let start = "<!-- case-file table: generated by tests/bad_input.rs -->";
    let end = "<!-- end of generated table -->";
    let mut table = String::from(
        "| Class | Field | Message (中文) | Message (English) | Line |\n|---|---|---|---|---|\n",
    );
    for c in classes() {
        let e = error_of(&c);
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        table.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            c.name,
            e.field,
            cell(&e.message_zh),
            cell(&e.message_en),
            e.line.map(|l| l.to_string()).unwrap_or_default()
        ));
    }
    let (Some(a), Some(b)) = (doc.find(start), doc.find(end)) else {
        panic!("docs/bad-input.md lacks the generated-table markers");
    };
    let fresh = format!("{}{start}\n{table}{}", &doc[..a], &doc[b..]);
    if std::env::var_os("YEKUO_BLESS").is_some() {
        std::fs::write(path, &fresh).unwrap();
    } else {
        assert!(
            fresh == doc,
            "docs/bad-input.md is out of date; rerun with YEKUO_BLESS=1 and review the diff"
        );
    }
}

/// Issue 14: a case file's dates may be typed with full-width digits and
/// dashes, as a Chinese input method writes them; the CLI and the app's
/// import (both `parse_case_bytes`) read them as the day they name.
#[test]
fn full_width_digits_in_a_case_date_are_read() {
    let input = case_with(
        RES,
        r#","dates":{"accepted":"２０２６－０１－０５","plan_issued":"２０２６-０１-０７"},"contractors":[{"valid_until":"２０２９-０６-３０"}]"#,
    );
    let case = parse_case_bytes(&input).expect("full-width dates are read");
    let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    assert_eq!(case.dates.accepted, Some(d("2026-01-05")));
    assert_eq!(case.dates.plan_issued, Some(d("2026-01-07")));
    assert_eq!(case.contractors[0].valid_until, Some(d("2029-06-30")));
}
