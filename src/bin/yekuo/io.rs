//! The command line's reading and writing, made to fail well.
//!
//! * Input is read with a cap *while* reading: a 2 GB file or `/dev/zero`
//!   is refused after at most the cap, never loaded first and measured after.
//! * A batch is read line by line as bytes, each line capped too, so one bad
//!   line (too long, not UTF-8) is reported and skipped like any other.
//! * Output errors are results, not panics (`println!` panics): a reader
//!   that hangs up (`| head`) ends the run quietly, a full disk is reported.

use std::io::{self, BufRead, Read, Write};

/// Why a command stopped before its end.
#[derive(Debug)]
pub enum Stop {
    /// Bad input or usage, or output that could not be written: the
    /// message (Chinese / English), exit code 2.
    Failed(String),
    /// Whoever read our output went away (a closed pipe). Nobody is left to
    /// tell, so the run ends quietly with the exit code of what was done.
    ReaderGone(u8),
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Failed(message)
    }
}

impl From<&str> for Stop {
    fn from(message: &str) -> Stop {
        Stop::Failed(message.to_string())
    }
}

/// An error writing the output, as a [`Stop`]; `code` is the exit code of
/// what was done so far.
pub fn write_failed(e: &io::Error, code: u8) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::ReaderGone(code)
    } else {
        Stop::Failed(format!("无法写出结果: {e} / cannot write the output: {e}"))
    }
}

/// A message on stderr. If stderr itself cannot be written there is nowhere
/// left to say so, and the exit code still tells.
pub fn say(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

/// The whole of `path`, refused as soon as it passes `cap` bytes. The size a
/// regular file declares is checked before reading; a pipe, a FIFO or a
/// device is read only up to `cap + 1` bytes.
pub fn read_capped(path: &str, cap: usize) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    if meta.is_file() && meta.len() > cap as u64 {
        return Err(ReadError::TooBig(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(cap as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > cap {
        // A stream: all we know is that it is longer than the cap.
        return Err(ReadError::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    Directory,
    /// At least this many bytes (the exact size for a regular file).
    TooBig(u64),
}

impl ReadError {
    /// The message, Chinese / English, for the file `path` with the cap `cap`.
    pub fn describe(&self, path: &str, cap: usize) -> String {
        match self {
            ReadError::Io(e) => format!("{path}: 无法读取: {e} / cannot read: {e}"),
            ReadError::Directory => {
                format!("{path}: 这是一个文件夹，不是文件 / is a folder, not a file")
            }
            ReadError::TooBig(n) => format!(
                "{path}: 文件过大(至少 {n} 字节)，上限 {cap} 字节 / the file is too large (at least {n} bytes); at most {cap} are accepted"
            ),
        }
    }
}

/// One line of a batch, as read by [`LineReader::next`].
pub enum Line<'a> {
    /// The line's bytes, without its line break.
    Text(&'a [u8]),
    /// Longer than the cap: this many bytes, skipped unread.
    TooLong(u64),
}

/// Reads a batch file line by line, keeping at most `cap + 1` bytes of any
/// line in memory.
pub struct LineReader<R> {
    reader: R,
    cap: usize,
    buf: Vec<u8>,
    /// Bytes of overlong lines skipped so far (see [`MAX_SKIPPED`]).
    skipped: u64,
}

/// Bytes of overlong lines a batch may skip before it is judged not to be a
/// JSON-lines file at all (`/dev/zero`, a disk image), and given up on.
pub const MAX_SKIPPED: u64 = 64 << 20;

impl<R: BufRead> LineReader<R> {
    pub fn new(reader: R, cap: usize) -> LineReader<R> {
        LineReader {
            reader,
            cap,
            buf: Vec::new(),
            skipped: 0,
        }
    }

    /// The next line, `None` at the end.
    ///
    /// # Errors
    /// A read error, or more than [`MAX_SKIPPED`] bytes in overlong lines
    /// (`ErrorKind::InvalidData`).
    pub fn next(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut len: u64 = 0;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                if len == 0 {
                    return Ok(None);
                }
                break;
            }
            let (part, ends) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], true),
                None => (chunk, false),
            };
            let room = (self.cap + 1).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&part[..part.len().min(room)]);
            let taken = part.len();
            len += taken as u64;
            self.reader.consume(taken + usize::from(ends));
            if len > self.cap as u64 {
                self.skipped += taken as u64;
                if self.skipped > MAX_SKIPPED {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "no line break in 64 MiB",
                    ));
                }
            }
            if ends {
                break;
            }
        }
        if len > self.cap as u64 {
            return Ok(Some(Line::TooLong(len)));
        }
        let text = self.buf.strip_suffix(b"\r").unwrap_or(&self.buf);
        Ok(Some(Line::Text(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: usize) -> Vec<Result<Vec<u8>, u64>> {
        let mut r = LineReader::new(input, cap);
        let mut out = Vec::new();
        while let Some(l) = r.next().unwrap() {
            out.push(match l {
                Line::Text(t) => Ok(t.to_vec()),
                Line::TooLong(n) => Err(n),
            });
        }
        out
    }

    #[test]
    fn lines_are_split_capped_and_counted() {
        assert_eq!(
            lines(b"ab\r\ncdefgh\n\nxyz", 4),
            vec![
                Ok(b"ab".to_vec()),
                Err(6),
                Ok(Vec::new()),
                Ok(b"xyz".to_vec())
            ]
        );
        assert_eq!(lines(b"", 4), Vec::<Result<Vec<u8>, u64>>::new());
        assert_eq!(lines(b"abcd\n", 4), vec![Ok(b"abcd".to_vec())]);
    }

    #[test]
    fn a_reader_with_no_line_break_is_given_up_on() {
        let zeros = io::repeat(0).take(MAX_SKIPPED + (1 << 20));
        let mut r = LineReader::new(io::BufReader::new(zeros), 1024);
        let e = r.next().err().expect("gives up");
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
    }
}
