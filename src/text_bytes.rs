//! A file's bytes as UTF-8 text, or exactly why not.
//!
//! Case files and batch lines are UTF-8 JSON. What people actually hand us
//! is sometimes saved by a Windows editor: with a byte-order mark, as UTF-16
//! ("Unicode" in Notepad), or in GBK (the Chinese "ANSI" code page). Decoding
//! those leniently would put `����` into names and then save them; refusing
//! them with a bare "stream did not contain valid UTF-8" leaves the user
//! guessing. So: a UTF-8 byte-order mark is dropped, anything else that is not
//! UTF-8 is refused with its position and, when the bytes say so, the
//! encoding they look like.

/// The encoding a non-UTF-8 text most likely is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LooksLike {
    /// UTF-16, little-endian (a `FF FE` mark, or ASCII interleaved with NULs).
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// GBK / GB2312 / GB18030 double-byte text.
    Gbk,
    /// Neither: a binary file, or some other single-byte code page.
    Unknown,
}

/// Where the bytes stop being UTF-8, and what they look like instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Offset of the first byte that is not UTF-8 (0-based, after any mark).
    pub byte: usize,
    /// 1-based line and column (in characters) of that byte.
    pub line: usize,
    pub column: usize,
    pub looks_like: LooksLike,
}

impl NotUtf8 {
    /// The message for a user, in Chinese and in English.
    pub fn messages(&self) -> (String, String) {
        let (line, column, byte) = (self.line, self.column, self.byte + 1);
        match self.looks_like {
            LooksLike::Utf16Le | LooksLike::Utf16Be => (
                "文件是 UTF-16 编码(记事本的\"Unicode\")，本程序只读 UTF-8；请用 UTF-8 另存后再试".to_string(),
                "the file is UTF-16 (Notepad's \"Unicode\"); yekuo reads UTF-8 only: save it as UTF-8 and try again".to_string(),
            ),
            LooksLike::Gbk => (
                format!("第 {line} 行第 {column} 列(第 {byte} 字节)不是 UTF-8 编码，文件看起来是 GBK/GB2312(记事本的\"ANSI\")；请用 UTF-8 另存后再试"),
                format!("line {line}, column {column} (byte {byte}) is not UTF-8; the file looks like GBK/GB2312 (Notepad's \"ANSI\"): save it as UTF-8 and try again"),
            ),
            LooksLike::Unknown => (
                format!("第 {line} 行第 {column} 列(第 {byte} 字节)不是 UTF-8 文本；案例文件应为 UTF-8 编码的 JSON"),
                format!("line {line}, column {column} (byte {byte}) is not UTF-8 text; a case file is JSON in UTF-8"),
            ),
        }
    }
}

/// The UTF-8 byte-order mark some editors write at the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` as text: UTF-8, with a leading byte-order mark dropped.
///
/// # Errors
/// [`NotUtf8`] with the position of the first bad byte and the encoding the
/// bytes look like.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, NotUtf8> {
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Some(utf16) = utf16_order(body) {
        return Err(NotUtf8 {
            byte: 0,
            line: 1,
            column: 1,
            looks_like: utf16,
        });
    }
    std::str::from_utf8(body).map_err(|e| {
        let byte = e.valid_up_to();
        // The prefix up to `byte` is valid UTF-8, so this cannot fail.
        let before = std::str::from_utf8(&body[..byte]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        NotUtf8 {
            byte,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            looks_like: if is_gbk(&body[byte..]) {
                LooksLike::Gbk
            } else {
                LooksLike::Unknown
            },
        }
    })
}

/// UTF-16 by its mark, or by the NUL bytes ASCII text has in UTF-16 (JSON
/// starts with `{` or white space, so its first two bytes tell).
fn utf16_order(b: &[u8]) -> Option<LooksLike> {
    match b {
        [0xFF, 0xFE, ..] => Some(LooksLike::Utf16Le),
        [0xFE, 0xFF, ..] => Some(LooksLike::Utf16Be),
        [c, 0, ..] if c.is_ascii() && *c != 0 => Some(LooksLike::Utf16Le),
        [0, c, ..] if c.is_ascii() && *c != 0 => Some(LooksLike::Utf16Be),
        _ => None,
    }
}

/// Whether the run of non-ASCII bytes starting here pairs up as GBK
/// characters (lead 0x81–0xFE, trail 0x40–0xFE but not 0x7F). Only the run
/// is judged: the rest of a line may well be good UTF-8, as when one name
/// was pasted in from a GBK file.
fn is_gbk(b: &[u8]) -> bool {
    let run = b.iter().take_while(|c| !c.is_ascii()).count();
    // A GBK trail byte may be ASCII (0x40–0x7E), so a run of odd length can
    // still be GBK when the next byte completes its last pair.
    let end = if run % 2 == 1 { run + 1 } else { run };
    run > 0
        && end <= b.len()
        && b[..end]
            .chunks(2)
            .all(|pair| matches!(pair, [0x81..=0xFE, t] if (0x40..=0xFE).contains(t) && *t != 0x7F))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_mark_is_dropped() {
        assert_eq!(utf8_text(b"\xEF\xBB\xBF{}"), Ok("{}"));
        assert_eq!(
            utf8_text("{\"t\":\"居民\"}".as_bytes()),
            Ok("{\"t\":\"居民\"}")
        );
    }

    #[test]
    fn gbk_is_named_with_its_position() {
        // "居民" in GBK is BE D3 C3 F1 (Python's gbk codec); it starts at
        // byte offset 10, after `{`, a newline and the 8 characters `  "t": "`.
        let e = utf8_text(b"{\n  \"t\": \"\xBE\xD3\xC3\xF1\"}").unwrap_err();
        assert_eq!((e.byte, e.line, e.column), (10, 2, 9));
        assert_eq!(e.looks_like, LooksLike::Gbk);
        assert!(e.messages().1.contains("line 2, column 9 (byte 11)"));
        assert!(e.messages().0.contains("GBK"));
    }

    #[test]
    fn utf16_by_mark_or_by_nuls() {
        assert_eq!(
            utf8_text(b"\xFF\xFE{\0}\0").unwrap_err().looks_like,
            LooksLike::Utf16Le
        );
        assert_eq!(
            utf8_text(b"\xFE\xFF\0{\0}").unwrap_err().looks_like,
            LooksLike::Utf16Be
        );
        assert_eq!(
            utf8_text(b"{\0}\0").unwrap_err().looks_like,
            LooksLike::Utf16Le
        );
    }

    #[test]
    fn a_stray_byte_is_not_called_gbk() {
        // A lone 0xFF cannot start a GBK pair; Latin-1 "é" (E9) at the end has no trail.
        assert_eq!(
            utf8_text(b"{\"a\":\"\xFF\"}").unwrap_err().looks_like,
            LooksLike::Unknown
        );
        assert_eq!(
            utf8_text(b"{\"a\":\"caf\xE9").unwrap_err().looks_like,
            LooksLike::Unknown
        );
    }
}
