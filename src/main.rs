//! The `yekuo` command line. All I/O lives here; the library does none.
//!
//! Exit codes: 0 evaluated, nothing wrong; 1 evaluated, at least one
//! `missing`, `overdue` or `violation`; 2 bad input or usage.

mod text_report;

use chrono::NaiveDate;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use yekuo::calendar::Calendar;
use yekuo::rulebook::Rulebook;

const USAGE: &str = "\
yekuo — 业扩报装自助预检 (pre-application checker for electricity connections)

usage:
  yekuo check CASE.json [--as-of YYYY-MM-DD] [--format text|json] [--lang zh|en] [--rules DIR]
  yekuo check --batch FILE.jsonl [--full] [--as-of YYYY-MM-DD] [--rules DIR]
  yekuo calendar add START N
  yekuo calendar count FROM TO
  yekuo calendar is-workday DATE
  yekuo rules [--rules DIR]

exit codes: 0 nothing wrong, 1 at least one missing/overdue/violation, 2 bad input or usage";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("yekuo: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, String> {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("calendar") => calendar(&args[1..]),
        Some("rules") => rules(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(0)
        }
        _ => Err(format!("expected a command\n\n{USAGE}")),
    }
}

struct Options {
    positional: Vec<String>,
    as_of: Option<NaiveDate>,
    json: bool,
    english: bool,
    rules: Option<String>,
    batch: Option<String>,
    full: bool,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        positional: Vec::new(),
        as_of: None,
        json: false,
        english: false,
        rules: None,
        batch: None,
        full: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--as-of" => o.as_of = Some(date(&value("--as-of")?, "--as-of")?),
            "--format" => match value("--format")?.as_str() {
                "json" => o.json = true,
                "text" => o.json = false,
                other => {
                    return Err(format!(
                        "--format: `{other}` is not allowed; use text or json"
                    ))
                }
            },
            "--lang" => match value("--lang")?.as_str() {
                "en" => o.english = true,
                "zh" => o.english = false,
                other => return Err(format!("--lang: `{other}` is not allowed; use zh or en")),
            },
            "--rules" => o.rules = Some(value("--rules")?),
            "--batch" => o.batch = Some(value("--batch")?),
            "--full" => o.full = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n\n{USAGE}")),
            _ => o.positional.push(a.clone()),
        }
    }
    Ok(o)
}

fn date(s: &str, what: &str) -> Result<NaiveDate, String> {
    yekuo::day::parse_iso(s)
        .ok_or_else(|| format!("{what}: `{s}` is not a real date; write YYYY-MM-DD"))
}

fn load_rules(dir: &Option<String>) -> Result<std::borrow::Cow<'static, Rulebook>, String> {
    let Some(dir) = dir else {
        return Ok(std::borrow::Cow::Borrowed(Rulebook::embedded()));
    };
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("--rules {dir}: {e}"))?;
    for e in entries {
        let p = e.map_err(|e| format!("--rules {dir}: {e}"))?.path();
        if p.extension().is_some_and(|x| x == "toml") {
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            files.push((
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text,
            ));
        }
    }
    Rulebook::from_files(files)
        .map(std::borrow::Cow::Owned)
        .map_err(|e| format!("rulebook: {e}"))
}

/// Without --as-of the CLI uses today's date: the only place the clock is read.
fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // UTC+8: China has one time zone.
    let days = (secs + 8 * 3600) / 86_400;
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn check(args: &[String]) -> Result<u8, String> {
    let o = options(args)?;
    let book = load_rules(&o.rules)?;
    let as_of = o.as_of.unwrap_or_else(today);
    if let Some(batch) = &o.batch {
        return check_batch(batch, &book, as_of, o.full);
    }
    if o.full {
        return Err(
            "--full: only with --batch; one case file already gets its whole report (--format json)"
                .into(),
        );
    }
    let [path] = o.positional.as_slice() else {
        return Err(format!("check needs one CASE.json\n\n{USAGE}"));
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let case = yekuo::case::parse_case(&text).map_err(|e| format!("{path}: {e}"))?;
    let report = yekuo::eval::evaluate(&book, &case, as_of);
    let out = if o.json {
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
    } else {
        text_report::render(&report, o.english)
    };
    println!("{out}");
    Ok(u8::from(report.has_adverse()))
}

/// Write `value` (a JSON object) as one output line with `"line": n` as its
/// first member. The object is serialized into `buf` and spliced after the
/// line number: serde's `flatten` would do the same through a generic map,
/// at a tenth of the batch's time.
fn write_line<T: serde::Serialize>(
    out: &mut impl Write,
    buf: &mut Vec<u8>,
    line: usize,
    value: &T,
) -> Result<(), String> {
    buf.clear();
    serde_json::to_writer(&mut *buf, value).map_err(|e| e.to_string())?;
    let members = buf.strip_prefix(b"{").ok_or("a report is a JSON object")?;
    write!(out, "{{\"line\":{line},").map_err(|e| e.to_string())?;
    out.write_all(members).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())
}

/// One case per line in, one summary (or full report) per line out, each
/// with its input line number; bad lines go to stderr.
fn check_batch(path: &str, book: &Rulebook, as_of: NaiveDate, full: bool) -> Result<u8, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut adverse, mut bad) = (false, false);
    let (mut text, mut buf) = (String::new(), Vec::new());
    for i in 0.. {
        text.clear();
        let n = reader
            .read_line(&mut text)
            .map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        if n == 0 {
            break;
        }
        if text.trim().is_empty() {
            continue;
        }
        match yekuo::case::parse_case(&text) {
            Ok(case) => {
                let line = i + 1;
                if full {
                    let report = yekuo::eval::evaluate(book, &case, as_of);
                    adverse |= report.has_adverse();
                    write_line(&mut out, &mut buf, line, &report)?;
                } else {
                    let summary = yekuo::eval::summarize(book, &case, as_of);
                    adverse |= summary.adverse;
                    write_line(&mut out, &mut buf, line, &summary)?;
                }
            }
            Err(e) => {
                bad = true;
                eprintln!("{path}:{}: {e}", i + 1);
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if bad { 2 } else { u8::from(adverse) })
}

fn calendar(args: &[String]) -> Result<u8, String> {
    let cal = Calendar::national();
    let warn = |a: NaiveDate, b: NaiveDate| {
        if let Some(g) = cal.gap(a, b) {
            eprintln!(
                "warning: no holiday calendar for {} to {}; counted with weekends only (CAL-11)",
                g.from, g.to
            );
        }
    };
    match args {
        [cmd, start, n] if cmd == "add" => {
            let start = date(start, "START")?;
            let n: i64 = n
                .parse()
                .map_err(|_| format!("N: `{n}` is not a whole number"))?;
            let d = cal
                .add_working_days(start, n)
                .ok_or("the result is outside the supported date range")?;
            warn(start, d);
            println!("{d}");
        }
        [cmd, from, to] if cmd == "count" => {
            let (from, to) = (date(from, "FROM")?, date(to, "TO")?);
            warn(from, to);
            println!("{}", cal.working_days_between(from, to));
        }
        [cmd, day] if cmd == "is-workday" => {
            let d = date(day, "DATE")?;
            warn(d, d);
            println!("{}", cal.is_working_day(d));
        }
        _ => {
            return Err(format!(
                "calendar: expected add START N, count FROM TO or is-workday DATE\n\n{USAGE}"
            ))
        }
    }
    Ok(0)
}

fn rules(args: &[String]) -> Result<u8, String> {
    let o = options(args)?;
    let book = load_rules(&o.rules)?;
    for id in book.rule_ids() {
        println!("{id}");
        for e in &book.entries {
            for p in e.provisions.iter().filter(|p| p.rule == id) {
                let i = &e.instrument;
                let until = i.until.map_or(String::from("…"), |u| u.to_string());
                println!(
                    "  {} 《{}》{} {} [{} → {}] {}",
                    p.mark,
                    i.title,
                    i.version,
                    p.article.as_deref().unwrap_or("(条文号未知)"),
                    i.from,
                    until,
                    i.id
                );
            }
        }
    }
    Ok(0)
}
