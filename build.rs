//! Bakes the embedded rule and calendar data (data/**/*.toml) into Rust:
//! `OUT_DIR/baked_rules.rs` and `OUT_DIR/baked_calendar.rs` are static
//! values of the types in `src/rulebook/baked.rs` and
//! `src/calendar/baked.rs`, so the library's defaults need no parser at all
//! and the browser bundle carries neither the data's text form nor the code
//! that would deserialise it (ICU4X's "baked data"). Words of a closed
//! vocabulary are written as `Unit::baked("months")` and days as
//! `day::baked(2024, 6, 1)`, both evaluated while the crate compiles, so a
//! word or a day that does not exist stops the build. The calendar is baked
//! as its entries' day ranges, typed, not as the file's day strings. Prose
//! (what explains rather than decides: a provision's summary and doubts, a
//! holiday notice's title and links) goes into one table of its own,
//! `OUT_DIR/baked_prose.rs` (`src/prose.rs`), which only code that reads
//! prose reaches. The TOML files stay the source of truth; nothing generated
//! is committed, and the tidy test checks that the baked rulebook and
//! calendar equal what the TOML loader reads.
//!
//! This knows the keys of each file type; a key it does not know stops the
//! build (the TOML loader, `deny_unknown_fields`, would refuse it too).

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use toml::{Table, Value};

fn read(path: &Path) -> Table {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One TOML table being written as a Rust struct literal. Every key must be
/// taken by a field; `done` refuses what is left.
struct Fields<'a> {
    at: String,
    table: &'a Table,
    taken: Vec<&'static str>,
    out: String,
}

impl<'a> Fields<'a> {
    fn new(at: impl Into<String>, value: &'a Value) -> Self {
        let at = at.into();
        let table = value
            .as_table()
            .unwrap_or_else(|| panic!("{at}: expected a table"));
        Fields {
            at,
            table,
            taken: Vec::new(),
            out: String::new(),
        }
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.taken.push(key);
        self.table.get(key)
    }

    fn need(&mut self, key: &'static str) -> &'a Value {
        let at = self.at.clone();
        self.get(key)
            .unwrap_or_else(|| panic!("{at}: `{key}` is missing"))
    }

    fn put(&mut self, field: &str, expr: String) {
        let _ = write!(self.out, "{field}: {expr}, ");
    }

    /// A required field written by `f`.
    fn req(&mut self, key: &'static str, field: &str, f: impl Fn(&str, &Value) -> String) {
        let at = format!("{}.{key}", self.at);
        let v = self.need(key);
        self.put(field, f(&at, v));
    }

    /// An optional field: `None` when absent, else `Some(f(value))`.
    fn opt(&mut self, key: &'static str, field: &str, f: impl Fn(&str, &Value) -> String) {
        let at = format!("{}.{key}", self.at);
        let expr = match self.get(key) {
            Some(v) => format!("Some({})", f(&at, v)),
            None => "None".into(),
        };
        self.put(field, expr);
    }

    /// A field with a value when absent (`default`).
    fn or(
        &mut self,
        key: &'static str,
        field: &str,
        default: &str,
        f: impl Fn(&str, &Value) -> String,
    ) {
        let at = format!("{}.{key}", self.at);
        let expr = match self.get(key) {
            Some(v) => f(&at, v),
            None => default.into(),
        };
        self.put(field, expr);
    }

    /// Where a fact was read (`source`) is for whoever checks the
    /// rulebook: the TOML files keep it, the tidy test checks it, and
    /// nothing that runs on the embedded copy shows it, so it is not baked.
    fn skip(&mut self, key: &'static str) {
        self.taken.push(key);
    }

    fn done(self, ty: &str) -> String {
        if let Some(k) = self
            .table
            .keys()
            .find(|k| !self.taken.contains(&k.as_str()))
        {
            panic!("{}: unknown key `{k}`", self.at);
        }
        format!("{ty} {{ {}}}", self.out)
    }
}

fn text(at: &str, v: &Value) -> String {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{at}: expected a string"));
    format!("{s:?}")
}

thread_local! {
    /// The rulebook's prose (`rulebook::Prose`), each distinct text once:
    /// baked values hold its index, and `PROSE` is written from this.
    static PROSE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Prose as an index into the baked table (see `src/rulebook/prose.rs`).
fn prose(at: &str, v: &Value) -> String {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{at}: expected a string"));
    PROSE.with_borrow_mut(|table| {
        let i = table.iter().position(|t| t == s).unwrap_or_else(|| {
            table.push(s.to_string());
            table.len() - 1
        });
        u16::try_from(i)
            .unwrap_or_else(|_| panic!("{at}: more prose than a u16 indexes"))
            .to_string()
    })
}

fn int(at: &str, v: &Value) -> String {
    let n = v
        .as_integer()
        .unwrap_or_else(|| panic!("{at}: expected an integer"));
    n.to_string()
}

fn float(at: &str, v: &Value) -> String {
    let x = match v {
        Value::Integer(n) => *n as f64,
        Value::Float(x) => *x,
        _ => panic!("{at}: expected a number"),
    };
    format!("{x:?}")
}

fn boolean(at: &str, v: &Value) -> String {
    let b = v
        .as_bool()
        .unwrap_or_else(|| panic!("{at}: expected true or false"));
    b.to_string()
}

fn day(at: &str, v: &Value) -> String {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{at}: expected a date string"));
    let parts: Vec<u32> = s.split('-').map(|p| p.parse().unwrap_or(0)).collect();
    match parts.as_slice() {
        [y, m, d] if s.len() == 10 => format!("crate::day::baked({y}, {m}, {d})"),
        _ => panic!("{at}: `{s}` is not YYYY-MM-DD"),
    }
}

fn mark(at: &str, v: &Value) -> String {
    match v.as_str() {
        Some(m @ ("V" | "S" | "R" | "X")) => format!("Mark::{m}"),
        _ => panic!("{at}: a mark is V, S, R or X"),
    }
}

/// A word of the closed vocabulary `ty`, checked while the crate compiles.
fn word(ty: &'static str) -> impl Fn(&str, &Value) -> String {
    move |at, v| format!("{ty}::baked({})", text(at, v))
}

/// A TOML array as a static slice, each element written by `f`.
fn list(f: impl Fn(&str, &Value) -> String) -> impl Fn(&str, &Value) -> String {
    move |at, v| {
        let items = v
            .as_array()
            .unwrap_or_else(|| panic!("{at}: expected a list"));
        let parts: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, item)| f(&format!("{at}[{i}]"), item))
            .collect();
        format!("&[{}]", parts.join(", "))
    }
}

fn instrument(at: &str, v: &Value) -> String {
    let mut f = Fields::new(at, v);
    for key in ["id", "series", "title", "title_en", "version", "version_en"] {
        f.req(key, key, text);
    }
    f.req("layer", "layer", word("Layer"));
    f.req("utility", "utility", word("Applies"));
    f.req("from", "from", day);
    f.req("from_mark", "from_mark", mark);
    f.opt("until", "until", day);
    f.opt("until_mark", "until_mark", mark);
    f.opt("certain_from", "certain_from", day);
    f.req("mark", "mark", mark);
    f.skip("source");
    f.opt("note", "note", prose);
    f.opt("note_en", "note_en", prose);
    f.done("BakedInstrument")
}

fn need(at: &str, v: &Value) -> String {
    let mut f = Fields::new(at, v);
    f.req("doc", "doc", text);
    f.req("need", "need", word("Need"));
    f.or("later_with_one_id", "later_with_one_id", "false", boolean);
    f.done("BakedNeed")
}

fn value(at: &str, v: &Value) -> String {
    let mut f = Fields::new(at, v);
    f.opt("for", "for_", word("Selector"));
    f.opt("what", "what", word("Named"));
    f.opt("amount", "amount", int);
    f.opt("unit", "unit", word("Unit"));
    f.opt("start", "start", word("Start"));
    f.opt("kind", "kind", word("Kind"));
    f.opt("scope", "scope", word("Scope"));
    f.opt("tier", "tier", int);
    f.opt("max_kv", "max_kv", float);
    f.opt("certain_kv", "certain_kv", float);
    f.opt("mark", "mark", mark);
    f.opt("alt_max_kv", "alt_max_kv", float);
    f.opt("test", "test", word("Test"));
    f.opt("until", "until", day);
    f.done("FileValue")
}

fn provision(at: &str, v: &Value) -> String {
    let mut f = Fields::new(at, v);
    f.req("rule", "rule", word("RuleId"));
    f.opt("article", "article", text);
    f.opt("article_en", "article_en", text);
    f.req("mark", "mark", mark);
    f.req("summary_zh", "summary_zh", prose);
    f.req("summary_en", "summary_en", prose);
    for key in ["note", "note_en", "seen", "seen_en"] {
        f.opt(key, key, prose);
    }
    f.or("categories", "categories", "&[]", list(word("Category")));
    f.or("businesses", "businesses", "&[]", list(word("Business")));
    f.or("documents", "documents", "&[]", list(need));
    f.or("values", "values", "&[]", list(value));
    f.done("BakedProvision")
}

fn form(at: &str, v: &Value) -> String {
    let mut f = Fields::new(at, v);
    f.req("for", "for_", list(word("Category")));
    f.req("zh", "zh", text);
    f.req("en", "en", text);
    f.skip("source");
    f.done("BakedForm")
}

fn document(at: &str, v: &Value) -> String {
    let mut f = Fields::new(at, v);
    for key in ["code", "name_zh", "name_en"] {
        f.req(key, key, text);
    }
    f.or("accepted", "accepted", "&[]", list(form));
    f.or("not_accepted", "not_accepted", "&[]", list(form));
    f.req("mark", "mark", mark);
    f.skip("source");
    f.done("BakedDocument")
}

// `fingerprint`, the one definition the library uses too.
include!("src/rulebook/fingerprint.rs");

fn rules(out: &Path) {
    let dir = Path::new("data/rules");
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("data/rules")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut documents = None;
    let mut instruments = String::new();
    for n in &names {
        let table = Value::Table(read(&dir.join(n)));
        if n == "documents.toml" {
            let mut f = Fields::new(n.as_str(), &table);
            let docs = list(document)(&format!("{n}.document"), f.need("document"));
            f.done("");
            documents = Some(docs);
            continue;
        }
        let mut f = Fields::new(n.as_str(), &table);
        let head = instrument(&format!("{n}.instrument"), f.need("instrument"));
        let provisions = match f.get("provision") {
            Some(v) => list(provision)(&format!("{n}.provision"), v),
            None => "&[]".into(),
        };
        f.done("");
        let _ = writeln!(
            instruments,
            "    BakedFile {{ file: {n:?}, instrument: {head}, provisions: {provisions} }},"
        );
    }
    let documents = documents.expect("data/rules must hold a documents.toml");
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|n| {
            (
                n.clone(),
                fs::read_to_string(dir.join(n)).expect("read above"),
            )
        })
        .collect();
    let code = format!(
        "pub(super) const FINGERPRINT: &str = {:?};\n\
         pub(super) static DOCUMENTS: &[BakedDocument] = {documents};\n\
         pub(super) static FILES: &[BakedFile] = &[\n{instruments}];\n",
        fingerprint(&texts)
    );
    fs::write(out.join("baked_rules.rs"), code).unwrap();

    // The list of embedded rule files (`rulebook::EMBEDDED`): every file in
    // data/rules, by name and text, so no one keeps the list by hand. Only
    // the tidy test and the CLI's `--rules` reading read the texts.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let list: String = names
        .iter()
        .map(|n| {
            format!(
                "    ({n:?}, include_str!({:?})),\n",
                Path::new(&root).join("data/rules").join(n)
            )
        })
        .collect();
    fs::write(out.join("embedded_rules.rs"), format!("&[\n{list}]\n")).unwrap();
}

/// One `off` or `work` entry, "YYYY-MM-DD name" or "YYYY-MM-DD..YYYY-MM-DD
/// name", as a range of days with its holiday's index in `names`. The days
/// are written by `day`, so one that does not exist stops the build; the
/// TOML loader checks the rest with located errors (`src/calendar/data.rs`)
/// and the tidy test checks both readings agree day by day.
/// Returned with its first day's text, by which the ranges are sorted: they
/// never overlap (the loader refuses a day listed twice), so spread in that
/// order they give the days in order, with nothing to sort at run time.
fn entry(
    at: &str,
    s: &str,
    names: &[(String, String)],
    make_up: bool,
    notice_year: i64,
) -> (String, String) {
    let (span, name) = s
        .split_once(' ')
        .unwrap_or_else(|| panic!("{at}: `{s}`: expected a date or range and a name"));
    let name = names
        .iter()
        .position(|(zh, _)| zh == name.trim())
        .unwrap_or_else(|| panic!("{at}: `{name}` has no English name in `names`"));
    let (first, last) = span.split_once("..").unwrap_or((span, span));
    let [from, to] = [first, last].map(|d| day(at, &Value::String(d.into())));
    let code = format!("BakedRange {{ from: {from}, to: {to}, make_up: {make_up}, name: {name}, notice_year: {notice_year} }}");
    (first.to_string(), code)
}

/// The national calendar as a table of day ranges (no day strings to
/// parse when the page starts), the holiday names once each, and each
/// notice's provenance as prose (`crate::prose`: reached only by what
/// shows it, so the browser bundles leave it out).
fn calendar(out: &Path) {
    let table = Value::Table(read(Path::new("data/calendar/cn-national.toml")));
    let mut f = Fields::new("cn-national.toml", &table);
    let mut cov = Fields::new("coverage", f.need("coverage"));
    cov.req("first_year", "first_year", int);
    cov.req("last_year", "last_year", int);
    let cov = cov.done("BakedCoverage");
    let names: Vec<(String, String)> = match f.get("names") {
        Some(v) => v
            .as_array()
            .expect("names: a list")
            .iter()
            .map(|n| {
                let n = n.as_str().expect("names: strings");
                let (zh, en) = n
                    .split_once(':')
                    .unwrap_or_else(|| panic!("names: `{n}` is not \"中文名: English name\""));
                (zh.trim().to_string(), en.trim().to_string())
            })
            .collect(),
        None => Vec::new(),
    };
    let mut ranges = Vec::new();
    let mut notices = String::new();
    for (i, v) in f
        .need("notice")
        .as_array()
        .expect("notice: a list")
        .iter()
        .enumerate()
    {
        let at = format!("notice[{i}]");
        let mut n = Fields::new(at.clone(), v);
        let year = n.need("year").as_integer().expect("notice year: a number");
        for (key, make_up) in [("off", false), ("work", true)] {
            for (j, e) in n
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let s = e
                    .as_str()
                    .unwrap_or_else(|| panic!("{at}.{key}[{j}]: a string"));
                ranges.push(entry(&format!("{at}.{key}[{j}]"), s, &names, make_up, year));
            }
        }
        n.put("year", year.to_string());
        n.req("title", "title", prose);
        n.or("links", "links", "&[]", list(prose));
        n.req("source", "source", prose);
        let _ = writeln!(notices, "        {},", n.done("BakedNotice"));
    }
    f.done("");
    ranges.sort();
    let days: String = ranges
        .iter()
        .map(|(_, code)| format!("        {code},\n"))
        .collect();
    let names: String = names
        .iter()
        .map(|(zh, en)| format!("({zh:?}, {en:?}), "))
        .collect();
    let code = format!(
        "pub(super) static NATIONAL: BakedCalendar = BakedCalendar {{\n    coverage: {cov},\n    names: &[{names}],\n    days: &[\n{days}    ],\n    notices: &[\n{notices}    ],\n}};\n"
    );
    fs::write(out.join("baked_calendar.rs"), code).unwrap();
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=data");
    rules(Path::new(&out));
    calendar(Path::new(&out));
    // Last: both write prose into the one table.
    let prose = PROSE.with_borrow(|table| format!("{table:?}"));
    fs::write(
        Path::new(&out).join("baked_prose.rs"),
        format!("static PROSE: &[&str] = &{prose};\n"),
    )
    .unwrap();
}
