//! `yekuo due FILE`: today's warning list (今日预警清单) for a station
//! manager's many cases. Each case (a JSON line of `check --batch`'s input,
//! or a CSV row with the header of docs/worklist.md) gets its open
//! deadlines from `eval::due`, the same code as every other view; one line
//! per case at risk is written, most urgent first. A bad line or row is
//! reported on stderr with its place and skipped.
//!
//! The input is read as a stream; the output can only be written sorted
//! once every case is read, so its lines are held, and past 2 MiB
//! spilled to sorted temporary runs and merged (`sorted.rs`): memory stays
//! flat however many cases are at risk.

use crate::csv_case::{CellError, Header};
use crate::io::{say, write_failed, Line as InputLine, LineReader, Stop};
use crate::sorted::Sorted;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;
use yekuo::case::Case;
use yekuo::eval::due::{next_deadlines, CaseDue, Deadline, State};
use yekuo::render::Lang;
use yekuo::rulebook::Rulebook;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Csv,
}

struct Options {
    file: String,
    as_of: Option<NaiveDate>,
    within: u32,
    format: Format,
    lang: Lang,
    all: bool,
    rules: Option<String>,
}

const MAX_WITHIN: u32 = yekuo::limits::MAX_DUE_SOON_WORKING_DAYS;

fn options(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut o = Options {
        file: String::new(),
        as_of: None,
        within: 3,
        format: Format::Text,
        lang: Lang::Zh,
        all: false,
        rules: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} 缺少取值 / {name} needs a value"))
        };
        match a.as_str() {
            "--as-of" => o.as_of = Some(super::date(&value("--as-of")?, "--as-of")?),
            "--within" => {
                let v = value("--within")?;
                o.within = v.parse().ok().filter(|n| *n <= MAX_WITHIN).ok_or_else(|| {
                    format!(
                        "--within: `{v}` 应为 0 至 {MAX_WITHIN} 的整数(工作日) / `{v}` should be a whole number of working days from 0 to {MAX_WITHIN}"
                    )
                })?;
            }
            "--format" => {
                o.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => {
                        return Err(format!(
                            "--format: 不允许 `{other}`，请用 text、json 或 csv / `{other}` is not allowed; use text, json or csv"
                        ))
                    }
                }
            }
            "--lang" => {
                o.lang = match value("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => {
                        return Err(format!(
                            "--lang: 不允许 `{other}`，请用 zh 或 en / `{other}` is not allowed; use zh or en"
                        ))
                    }
                }
            }
            "--all" => o.all = true,
            "--rules" => o.rules = Some(value("--rules")?),
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(format!("未知选项 {s} / unknown option {s}\n\n{}", super::USAGE))
            }
            _ if file.is_some() => {
                return Err(format!(
                    "due 只读一个文件 / due reads one file\n\n{}",
                    super::USAGE
                ))
            }
            _ => file = Some(a.clone()),
        }
    }
    o.file = file.ok_or_else(|| {
        format!(
            "due 需要一个 FILE.jsonl 或 FILE.csv / due needs one FILE.jsonl or FILE.csv\n\n{}",
            super::USAGE
        )
    })?;
    Ok(o)
}

/// What the run gathers from the cases.
struct List<'a> {
    book: &'a Rulebook,
    o: &'a Options,
    as_of: NaiveDate,
    /// The output lines, most urgent first, then in input order.
    lines: Sorted,
    overdue: bool,
    bad: bool,
    buf: Vec<u8>,
}

/// One case as `--format json` writes it.
#[derive(Serialize)]
struct JsonLine<'a> {
    row: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    as_of: NaiveDate,
    next: &'a Deadline,
    /// The case's other open deadlines (other regimes and steps), most urgent first.
    #[serde(skip_serializing_if = "<[Deadline]>::is_empty")]
    others: &'a [Deadline],
}

const CSV_HEADER: &[&str] = &[
    "row",
    "title",
    "state",
    "item",
    "rule",
    "instrument",
    "mark",
    "start",
    "due",
    "rolled",
    "working_days_left",
    "calendar_gap_from",
    "calendar_gap_to",
    "extension_request_by",
    "others",
];

impl List<'_> {
    fn add(&mut self, row: u64, case: &Case) -> Result<(), String> {
        let due = next_deadlines(self.book, case, self.as_of, self.o.within);
        let Some(next) = due.next() else {
            return Ok(());
        };
        if !(due.at_risk() || self.o.all) {
            return Ok(());
        }
        self.overdue |= next.state == State::Overdue;
        let line = self.render(row, case.title.as_deref(), &due, next)?;
        let key = (
            next.state as u8,
            next.working_days_left,
            chrono::Datelike::num_days_from_ce(&next.due),
            row,
        );
        self.lines
            .push(key, line)
            .map_err(|e| format!("无法写临时文件: {e} / cannot write a temporary file: {e}"))
    }

    fn render(
        &mut self,
        row: u64,
        title: Option<&str>,
        due: &CaseDue,
        next: &Deadline,
    ) -> Result<String, String> {
        let lang = self.o.lang;
        Ok(match self.o.format {
            Format::Json => serde_json::to_string(&JsonLine {
                row,
                title,
                as_of: due.as_of,
                next,
                others: &due.open[1..],
            })
            .map_err(|e| e.to_string())?,
            Format::Csv => {
                let others: Vec<String> = due.open[1..]
                    .iter()
                    .map(|d| {
                        format!(
                            "{} {} {} {}",
                            d.item.code(),
                            d.instrument,
                            d.due,
                            d.state.code()
                        )
                    })
                    .collect();
                let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                let fields = [
                    row.to_string(),
                    title.unwrap_or_default().to_string(),
                    next.state.code().to_string(),
                    next.item.code().to_string(),
                    next.rule.as_str().to_string(),
                    next.instrument.to_string(),
                    format!("{:?}", next.mark),
                    next.start.to_string(),
                    next.due.to_string(),
                    day(next.rolled),
                    next.working_days_left.to_string(),
                    day(next.calendar_gap.map(|g| g.from)),
                    day(next.calendar_gap.map(|g| g.to)),
                    day(next.extension_request_by),
                    others.join("; "),
                ];
                csv_line(&mut self.buf, &fields)?
            }
            Format::Text => {
                let mut s = yekuo::render::due::headline(next, lang);
                match lang {
                    Lang::Zh => s.push_str(&format!("  第 {row} 行")),
                    Lang::En => s.push_str(&format!("  row {row}")),
                }
                if let Some(t) = title {
                    s.push_str(": ");
                    s.push_str(t);
                }
                yekuo::render::text::terminal_safe(&s).into_owned()
            }
        })
    }
}

/// One CSV record, quoted where needed, without its line break.
fn csv_line(buf: &mut Vec<u8>, fields: &[impl AsRef<[u8]>]) -> Result<String, String> {
    buf.clear();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut *buf);
        w.write_record(fields).map_err(|e| e.to_string())?;
        w.flush().map_err(|e| e.to_string())?;
    }
    let text = String::from_utf8_lossy(buf);
    Ok(text.trim_end_matches('\n').to_string())
}

pub fn due(args: &[String]) -> Result<u8, Stop> {
    let o = options(args)?;
    let book = super::load_rules(&o.rules)?;
    let as_of = o.as_of.unwrap_or_else(super::today);
    let mut list = List {
        book: &book,
        o: &o,
        as_of,
        lines: Sorted::new(crate::sorted::LIMIT),
        overdue: false,
        bad: false,
        buf: Vec::new(),
    };
    let path = o.file.as_str();
    let max = yekuo::case::MAX_CASE_BYTES;
    let file =
        std::fs::File::open(path).map_err(|e| crate::io::ReadError::Io(e).describe(path, max))?;
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(crate::io::ReadError::Directory.describe(path, max).into());
    }
    let reader = std::io::BufReader::with_capacity(1 << 16, file);
    let is_csv = std::path::Path::new(path)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"));
    let stopped = if is_csv {
        read_csv(path, reader, &mut list)
    } else {
        read_jsonl(path, reader, &mut list)
    };
    // What was read is written even when reading stopped early.
    let code = if list.bad { 2 } else { u8::from(list.overdue) };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut written = Ok(());
    if o.format == Format::Csv {
        written = csv_line(&mut list.buf, CSV_HEADER)
            .map_err(std::io::Error::other)
            .and_then(|h| writeln!(out, "{h}"));
    }
    let lines = list.lines;
    let written = written
        .and_then(|()| lines.write_all(&mut out))
        .and_then(|()| out.flush());
    match (stopped, written) {
        (Err(stop), _) => Err(stop),
        (Ok(()), Err(e)) => Err(write_failed(&e, code)),
        (Ok(()), Ok(())) => Ok(code),
    }
}

fn read_jsonl(path: &str, reader: impl std::io::BufRead, list: &mut List) -> Result<(), Stop> {
    let max = yekuo::case::MAX_CASE_BYTES;
    let mut lines = LineReader::new(reader, max);
    for i in 1u64.. {
        let text = match lines.next() {
            Ok(None) => break,
            Ok(Some(InputLine::Text(t))) => t,
            Ok(Some(InputLine::TooLong(n))) => {
                list.bad = true;
                say(&format!(
                    "{path}:{i}: 该行过长({n} 字节)，上限 {max} 字节，已跳过 / the line is {n} bytes long; at most {max} are accepted: skipped"
                ));
                continue;
            }
            Err(e) => {
                return Err(Stop::Failed(format!(
                    "{path}:{i}: 读取中断，此前的结果已输出: {e} / reading stopped, the results before it were written: {e}"
                )))
            }
        };
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match yekuo::case::parse_case_bytes(text) {
            Ok(case) => list.add(i, &case)?,
            Err(e) => {
                list.bad = true;
                say(&format!("{path}:{i}: {e}"));
            }
        }
    }
    Ok(())
}

fn read_csv(path: &str, reader: impl std::io::Read, list: &mut List) -> Result<(), Stop> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::ByteRecord::new();
    let stop = |e: csv::Error| {
        Stop::Failed(format!(
            "{path}: 读取中断，此前的结果已输出: {e} / reading stopped, the results before it were written: {e}"
        ))
    };
    if !csv.read_byte_record(&mut record).map_err(stop)? {
        return Err(Stop::Failed(format!(
            "{path}: 文件为空，第 1 行应为表头(见 docs/worklist.md) / the file is empty; row 1 should be the header (see docs/worklist.md)"
        )));
    }
    let header = Header::read(&record).map_err(|e| Stop::Failed(format!("{path}: {e}")))?;
    let mut json = String::new();
    while csv.read_byte_record(&mut record).map_err(stop)? {
        // Rows as a spreadsheet numbers them: the header is row 1.
        let row = record.position().map_or(0, |p| p.record()) + 1;
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let case = header
            .case_json(row, &record, &mut json)
            .and_then(|()| yekuo::case::parse_case(&json).map_err(|e| located(&header, row, e)));
        match case {
            Ok(case) => list.add(row, &case)?,
            Err(e) => {
                list.bad = true;
                say(&format!("{path}: {e}"));
            }
        }
    }
    Ok(())
}

/// The case reader's error placed in the row, at the column of its field;
/// a field no single column holds (a cross-field check naming the case)
/// keeps its path in the message.
fn located(header: &Header, row: u64, e: yekuo::case::CaseError) -> CellError {
    match header.column_of(&e.field) {
        Some((i, name)) => CellError {
            row,
            column: Some((i, name.to_string())),
            zh: e.message_zh,
            en: e.message_en,
        },
        None => CellError {
            row,
            column: None,
            zh: format!("{}: {}", e.field, e.message_zh),
            en: format!("{}: {}", e.field, e.message_en),
        },
    }
}
