//! The `yekuo` command line. All I/O lives here; the library does none.
//!
//! Exit codes: 0 evaluated, nothing wrong; 1 evaluated, at least one
//! `missing`, `overdue` or `violation`; 2 bad input or usage; 3 evaluated,
//! nothing adverse, but part of the case is outside the rulebook
//! (`not-covered`), so "nothing wrong" cannot be said.

mod coverage;
mod csv_case;
mod due;
mod io;
mod sorted;

use chrono::NaiveDate;
use io::{read_capped, say, write_failed, Line, LineReader, Stop};
use std::io::Write;
use std::process::ExitCode;
use yekuo::calendar::Calendar;
use yekuo::render::Lang;
use yekuo::rulebook::Rulebook;

const USAGE: &str = "\
yekuo — 业扩报装自助预检 (pre-application checker for electricity connections)

usage:
  yekuo check CASE.json [--as-of YYYY-MM-DD] [--format text|json] [--lang zh|en] [--rules DIR]
  yekuo check --batch FILE.jsonl [--full] [--as-of YYYY-MM-DD] [--rules DIR]
  yekuo due FILE.jsonl|FILE.csv [--as-of YYYY-MM-DD] [--within N] [--format text|json|csv]
            [--lang zh|en] [--all] [--rules DIR]
                                  (cases at risk, most urgent first: docs/worklist.md)
  yekuo calendar add START N
  yekuo calendar count FROM TO
  yekuo calendar is-workday DATE
  yekuo rules [--rules DIR]
  yekuo coverage [--rules DIR]    (what the rulebook covers, as Markdown: docs/coverage.md)

dates: YYYY-MM-DD, years 1900 to 2100
exit codes: 0 nothing wrong, 1 at least one missing/overdue/violation
  (for due: at least one case overdue),
  2 bad input or usage, or output that could not be written,
  3 nothing found wrong, but part of the case is outside the rulebook
  (not-covered: no rule for its date or its utility)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) | Err(Stop::ReaderGone(code)) => ExitCode::from(code),
        Err(Stop::Failed(msg)) => {
            say(&format!("yekuo: {msg}"));
            ExitCode::from(2)
        }
    }
}

/// Print `text` and a line break on stdout; `code` is the exit code if the
/// reader has gone.
fn print(text: &str, code: u8) -> Result<(), Stop> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(|e| write_failed(&e, code))
}

fn run(args: &[String]) -> Result<u8, Stop> {
    // Asking for help is never an error, wherever it is asked.
    if args.iter().any(|a| matches!(a.as_str(), "-h" | "--help"))
        || args.first().is_some_and(|a| a == "help")
    {
        print(USAGE, 0)?;
        return Ok(0);
    }
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("due") => due::due(&args[1..]),
        Some("calendar") => calendar(&args[1..]),
        Some("rules") => rules(&args[1..]),
        Some("coverage") => {
            let o = options(&args[1..])?;
            let book = load_rules(&o.rules)?;
            print(
                coverage::markdown(&book, Calendar::national()).trim_end(),
                0,
            )?;
            Ok(0)
        }
        Some(other) => {
            Err(format!("未知命令 `{other}` / unknown command `{other}`\n\n{USAGE}").into())
        }
        None => Err(format!("缺少命令 / expected a command\n\n{USAGE}").into()),
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
                .ok_or_else(|| format!("{name} 缺少取值 / {name} needs a value"))
        };
        match a.as_str() {
            "--as-of" => o.as_of = Some(date(&value("--as-of")?, "--as-of")?),
            "--format" => match value("--format")?.as_str() {
                "json" => o.json = true,
                "text" => o.json = false,
                other => {
                    return Err(format!(
                        "--format: 不允许 `{other}`，请用 text 或 json / `{other}` is not allowed; use text or json"
                    ))
                }
            },
            "--lang" => match value("--lang")?.as_str() {
                "en" => o.english = true,
                "zh" => o.english = false,
                other => {
                    return Err(format!(
                        "--lang: 不允许 `{other}`，请用 zh 或 en / `{other}` is not allowed; use zh or en"
                    ))
                }
            },
            "--rules" => o.rules = Some(value("--rules")?),
            "--batch" => o.batch = Some(value("--batch")?),
            "--full" => o.full = true,
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(format!("未知选项 {s} / unknown option {s}\n\n{USAGE}"))
            }
            _ => o.positional.push(a.clone()),
        }
    }
    Ok(o)
}

/// A date given on the command line: `YYYY-MM-DD` within the years a case
/// may use, so that every date yekuo prints it can also read back.
fn date(s: &str, what: &str) -> Result<NaiveDate, String> {
    use yekuo::day::{read_case_day, DayError};
    read_case_day(s).map_err(|e| match e {
        DayError::NotADate => format!(
            "{what}: `{s}` 不是有效日期，请按 YYYY-MM-DD 填写 / `{s}` is not a real date; write YYYY-MM-DD"
        ),
        DayError::OutOfRange(_) => {
            let (first, last) = yekuo::limits::case_years();
            format!(
                "{what}: `{s}` 超出可用年份，请填写 {first} 至 {last} 年之间的日期 / `{s}` is outside the years yekuo handles; give a date from {first} to {last}"
            )
        }
    })
}

/// The largest rule file read from `--rules`: the biggest shipped one is
/// under 20 KB, so 1 MiB is generous and a link to `/dev/zero` is refused.
const MAX_RULE_FILE_BYTES: usize = 1 << 20;

fn load_rules(dir: &Option<String>) -> Result<std::borrow::Cow<'static, Rulebook>, String> {
    let Some(dir) = dir else {
        return Ok(std::borrow::Cow::Borrowed(Rulebook::embedded()));
    };
    let mut files = Vec::new();
    let cannot = |e: std::io::Error| format!("--rules {dir}: 无法读取: {e} / cannot read: {e}");
    for e in std::fs::read_dir(dir).map_err(cannot)? {
        let p = e.map_err(cannot)?.path();
        if p.extension().is_some_and(|x| x == "toml") {
            let name = p.display().to_string();
            let bytes = read_capped(&name, MAX_RULE_FILE_BYTES)
                .map_err(|e| e.describe(&name, MAX_RULE_FILE_BYTES))?;
            let text = yekuo::text_bytes::utf8_text(&bytes).map_err(|e| {
                let (zh, en) = e.messages();
                format!("{name}: {zh} / {en}")
            })?;
            files.push((
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text.to_string(),
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

fn check(args: &[String]) -> Result<u8, Stop> {
    let o = options(args)?;
    if o.batch.is_some() && !o.positional.is_empty() {
        return Err(format!(
            "check: 请只给一个 CASE.json 或 --batch FILE，不要同时给 / give either CASE.json or --batch FILE, not both\n\n{USAGE}"
        )
        .into());
    }
    let book = load_rules(&o.rules)?;
    let as_of = o.as_of.unwrap_or_else(today);
    if let Some(batch) = &o.batch {
        return check_batch(batch, &book, as_of, o.full);
    }
    if o.full {
        return Err(
            "--full: 只用于 --batch；单个案例文件已输出完整报告(--format json) / only with --batch; one case file already gets its whole report (--format json)"
                .into(),
        );
    }
    let [path] = o.positional.as_slice() else {
        return Err(
            format!("check 需要一个 CASE.json / check needs one CASE.json\n\n{USAGE}").into(),
        );
    };
    let max = yekuo::case::MAX_CASE_BYTES;
    let bytes = read_capped(path, max).map_err(|e| e.describe(path, max))?;
    let case = yekuo::case::parse_case_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?;
    if let Some((field, first)) = case.dates.given().into_iter().min_by_key(|(_, d)| *d) {
        if as_of < first {
            say(&format!(
                "注意: --as-of {as_of} 早于案例中最早的日期 {first}(dates.{field})，尚未开始的步骤按此计算 / note: --as-of {as_of} is before the case's first date {first} (dates.{field}); steps are counted as not yet begun"
            ));
        }
    }
    let report = yekuo::eval::evaluate(&book, &case, as_of);
    let code = exit_code(report.has_adverse(), report.has_not_covered());
    let out = if o.json {
        serde_json::to_string_pretty(&yekuo::render::json::worded(&report))
            .map_err(|e| e.to_string())?
    } else {
        let mut text = yekuo::render::text::report(&report, o.english);
        // The next deadline, as `yekuo due` states it (docs/worklist.md).
        let due = yekuo::eval::due::of_report(&report, &case, 3);
        if let Some(next) = due.next() {
            let lang = if o.english { Lang::En } else { Lang::Zh };
            let label = if o.english {
                "Next deadline"
            } else {
                "下一个截止"
            };
            let line = format!("{label}: {}", yekuo::render::due::headline(next, lang));
            text.push_str(&format!(
                "\n{}\n",
                yekuo::render::text::terminal_safe(&line)
            ));
        }
        text
    };
    print(&out, code)?;
    Ok(code)
}

/// The exit code of an evaluation: 1 for anything adverse, else 3 when
/// part of the case is outside the rulebook, else 0.
fn exit_code(adverse: bool, not_covered: bool) -> u8 {
    match (adverse, not_covered) {
        (true, _) => 1,
        (false, true) => 3,
        (false, false) => 0,
    }
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
) -> std::io::Result<()> {
    buf.clear();
    serde_json::to_writer(&mut *buf, value)?;
    let members = buf.strip_prefix(b"{").unwrap_or(buf);
    write!(out, "{{\"line\":{line},")?;
    out.write_all(members)?;
    writeln!(out)
}

/// One case per line in, one summary (or full report) per line out, each
/// with its input line number; a bad line (not JSON, not UTF-8, too long, not
/// a case) goes to stderr with its number and is skipped. What was already
/// written is flushed whatever stops the batch.
fn check_batch(path: &str, book: &Rulebook, as_of: NaiveDate, full: bool) -> Result<u8, Stop> {
    let max = yekuo::case::MAX_CASE_BYTES;
    let file = std::fs::File::open(path).map_err(|e| io::ReadError::Io(e).describe(path, max))?;
    let mut lines = LineReader::new(std::io::BufReader::with_capacity(1 << 16, file), max);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut adverse, mut bad, mut not_covered) = (false, false, false);
    let mut buf = Vec::new();
    let mut stopped = None;
    for i in 1.. {
        let code = if bad {
            2
        } else {
            exit_code(adverse, not_covered)
        };
        let text = match lines.next() {
            Ok(None) => break,
            Ok(Some(Line::Text(t))) => t,
            Ok(Some(Line::TooLong(n))) => {
                bad = true;
                say(&format!(
                    "{path}:{i}: 该行过长({n} 字节)，上限 {max} 字节，已跳过 / the line is {n} bytes long; at most {max} are accepted: skipped"
                ));
                continue;
            }
            Err(e) => {
                stopped = Some(Stop::Failed(format!(
                    "{path}:{i}: 读取中断，此前的结果已输出: {e} / reading stopped, the results before it were written: {e}"
                )));
                break;
            }
        };
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let written = match yekuo::case::parse_case_bytes(text) {
            Ok(case) if full => {
                let report = yekuo::eval::evaluate(book, &case, as_of);
                adverse |= report.has_adverse();
                not_covered |= report.has_not_covered();
                write_line(&mut out, &mut buf, i, &yekuo::render::json::worded(&report))
            }
            Ok(case) => {
                let summary = yekuo::eval::summarize(book, &case, as_of);
                adverse |= summary.adverse;
                not_covered |= summary.counts.not_covered > 0;
                write_line(&mut out, &mut buf, i, &summary)
            }
            Err(e) => {
                bad = true;
                say(&format!("{path}:{i}: {e}"));
                Ok(())
            }
        };
        if let Err(e) = written {
            stopped = Some(write_failed(&e, code));
            break;
        }
    }
    let code = if bad {
        2
    } else {
        exit_code(adverse, not_covered)
    };
    let flushed = out.flush().map_err(|e| write_failed(&e, code));
    match (stopped, flushed) {
        (Some(stop), _) | (None, Err(stop)) => Err(stop),
        (None, Ok(())) => Ok(code),
    }
}

fn calendar(args: &[String]) -> Result<u8, Stop> {
    let cal = Calendar::national();
    let warn = |a: NaiveDate, b: NaiveDate| {
        if let Some(g) = cal.gap(a, b) {
            say(&format!(
                "注意: {} 至 {} 没有节假日数据，只按周末计算(CAL-11) / warning: no holiday calendar for {} to {}; counted with weekends only (CAL-11)",
                g.from, g.to, g.from, g.to
            ));
        }
    };
    let answer = match args {
        [cmd, start, n] if cmd == "add" => {
            let start = date(start, "START")?;
            let n: i64 = n
                .parse()
                .map_err(|_| format!("N: `{n}` 不是整数 / `{n}` is not a whole number"))?;
            // Only a day yekuo can read back is printed.
            let d = cal
                .add_working_days(start, n)
                .filter(|d| yekuo::day::CASE_YEARS.contains(&chrono::Datelike::year(d)))
                .ok_or_else(|| {
                    let (first, last) = yekuo::limits::case_years();
                    format!("结果超出 {first} 至 {last} 年 / the result is outside the years {first} to {last}")
                })?;
            warn(start, d);
            d.to_string()
        }
        [cmd, from, to] if cmd == "count" => {
            let (from, to) = (date(from, "FROM")?, date(to, "TO")?);
            warn(from, to);
            cal.working_days_between(from, to).to_string()
        }
        [cmd, day] if cmd == "is-workday" => {
            let d = date(day, "DATE")?;
            warn(d, d);
            cal.is_working_day(d).to_string()
        }
        _ => {
            return Err(format!(
                "calendar: 应为 add START N、count FROM TO 或 is-workday DATE / expected add START N, count FROM TO or is-workday DATE\n\n{USAGE}"
            )
            .into())
        }
    };
    print(&answer, 0)?;
    Ok(0)
}

fn rules(args: &[String]) -> Result<u8, Stop> {
    let o = options(args)?;
    let book = load_rules(&o.rules)?;
    let mut text = String::new();
    for id in book.rule_ids() {
        text.push_str(id.as_str());
        text.push('\n');
        for e in &book.entries {
            for p in e.provisions.iter().filter(|p| p.rule == id) {
                let i = &e.instrument;
                let until = i.until.map_or(String::from("…"), |u| u.to_string());
                text.push_str(&format!(
                    "  {} 《{}》{} {} [{} → {}] {}\n",
                    p.mark,
                    i.title,
                    i.version,
                    p.article.as_deref().unwrap_or("(条文号未知)"),
                    i.from,
                    until,
                    i.id
                ));
            }
        }
    }
    print(text.trim_end(), 0)?;
    Ok(0)
}
