//! The one small JSON text the page reads and writes itself: the autosave
//! (`state::Saved`), which the import module also uses to hand a read case
//! over. A reader to a plain tree and a string writer, without serde: the
//! page's first load carries no JSON deserialiser at all (issue 16; serde_json
//! reading the autosave and case files was 37.7 KB gzip of it). Case files,
//! with their located errors, are read by serde_json in the import module,
//! which loads only when a case file or link is opened (`view::lazy`).
//!
//! The writer escapes exactly as serde_json does, so a text it writes is
//! byte for byte what the serde version of the page wrote; the reader takes
//! any JSON text (RFC 8259) and refuses everything else with the byte
//! offset. `www/tests/json_lite.rs` checks both against serde_json.

/// A JSON value. Numbers keep their text: the page reads only small
/// integers from them.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (the first, should a text repeat it).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A number that is a whole `u32` written without fraction or exponent.
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Deeper nesting than any text the page writes: refused before the
/// reader's recursion could exhaust the stack on a hostile value.
const MAX_DEPTH: usize = 32;

/// Read a JSON text.
///
/// # Errors
/// What is wrong and at which byte.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut r = Reader {
        b: text.as_bytes(),
        at: 0,
    };
    let v = r.value(0)?;
    r.space();
    if r.at != r.b.len() {
        return Err(r.fail("text after the value"));
    }
    Ok(v)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.b.get(self.at) == Some(&byte);
        self.at += usize::from(hit);
        hit
    }

    fn word(&mut self, word: &str, v: Json) -> Result<Json, String> {
        if self.b[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(v)
        } else {
            Err(self.fail("not a JSON value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.fail("nested too deeply"));
        }
        self.space();
        match self.b.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.eat(b'}') {
                    return Ok(Json::Object(members));
                }
                loop {
                    self.space();
                    if self.b.get(self.at) != Some(&b'"') {
                        return Err(self.fail("expected a member name"));
                    }
                    let key = self.string()?;
                    self.space();
                    if !self.eat(b':') {
                        return Err(self.fail("expected `:`"));
                    }
                    members.push((key, self.value(depth + 1)?));
                    self.space();
                    if self.eat(b'}') {
                        return Ok(Json::Object(members));
                    }
                    if !self.eat(b',') {
                        return Err(self.fail("expected `,` or `}`"));
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.eat(b']') {
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    if self.eat(b']') {
                        return Ok(Json::Array(items));
                    }
                    if !self.eat(b',') {
                        return Err(self.fail("expected `,` or `]`"));
                    }
                }
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fail("not a JSON value")),
            None => Err(self.fail("the text ends where a value should be")),
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        self.eat(b'-');
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.b.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at - from
        };
        match self.b.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.fail("a number needs a digit")),
        }
        if self.eat(b'.') && digits(self) == 0 {
            return Err(self.fail("a fraction needs a digit"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if digits(self) == 0 {
                return Err(self.fail("an exponent needs a digit"));
            }
        }
        // Only ASCII was consumed, so the slice is text.
        let text = String::from_utf8_lossy(&self.b[start..self.at]).into_owned();
        Ok(Json::Number(text))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self
            .b
            .get(self.at..self.at + 4)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.fail("`\\u` needs four hex digits"))?;
        self.at += 4;
        Ok(hex
            .iter()
            .fold(0, |n, h| n * 16 + (*h as char).to_digit(16).unwrap_or(0)))
    }

    /// A string, the opening quote at `self.at`.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control byte
            // whole: it is valid UTF-8, as the text is.
            let run = self.b[self.at..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(self.b.len() - self.at);
            out.push_str(&String::from_utf8_lossy(&self.b[self.at..self.at + run]));
            self.at += run;
            match self.b.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.b.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(self.fail("a lone surrogate in `\\u`"));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.fail("a lone surrogate in `\\u`"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.fail("a lone surrogate in `\\u`"))?,
                            );
                            continue;
                        }
                        _ => return Err(self.fail("an unknown escape")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.fail("a control character inside a string")),
                None => return Err(self.fail("the text ends inside a string")),
            }
        }
    }
}

/// Append `s` as a JSON string, escaped as serde_json escapes it: `"`,
/// `\`, and the control characters (`\b \f \n \r \t` by name, the others as
/// `\u00XX`); everything else as it is.
pub fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as usize;
                out.push_str("\\u00");
                out.push(HEX[n >> 4] as char);
                out.push(HEX[n & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
