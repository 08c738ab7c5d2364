//! Where in a JSON text a parse error happened, as a field path
//! (`contractors[0].tier`). serde_json reports a line and column; walking the
//! text up to that point tells which key or element was being read. This
//! replaces a generic path-tracking deserializer wrapper, which doubled the
//! deserialization code in the browser bundle (issue 4).
//!
//! The walk knows just enough JSON: strings (with escapes), objects, arrays
//! and the separators. Anything it cannot place gives the deepest path it
//! has, never a panic.

use std::fmt::Write;

/// The byte offset of serde_json's (1-based line, column) position, where
/// the column counts bytes from the start of the line.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    // The column may point into a multi-byte character.
    let mut at = (start + column).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

enum Frame {
    Array(usize),
    /// The current key, and whether its value has begun.
    Object(Option<String>, bool),
}

/// What serde_json's error position points at, which depends on where the
/// error was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Inside a serde_json read: the position is the end of the key or
    /// value at fault (unknown field, invalid type, unknown variant …).
    AtValue,
    /// Raised after the value was read (a `deserialize_with` check, a
    /// duplicate field): serde_json has gone on to the `,` or `}` that
    /// follows before it stamps the position, so step back over it.
    AfterValue,
    /// About the object itself (missing field), stamped after its `}`.
    Object,
}

/// The field path at serde_json's error position: the key or index being
/// read, or for [`Anchor::Object`] the object's own path.
pub fn path_at(text: &str, line: usize, column: usize, anchor: Anchor) -> String {
    let mut end = offset_of(text, line, column);
    // No error about a key or value is stamped on a closing bracket that
    // follows it; if the position is there, serde_json had read on (in a
    // malformed file, a key followed by `}`).
    let overshoot: &[char] = match anchor {
        Anchor::AfterValue => &[',', '}', ']'],
        Anchor::AtValue => &['}', ']'],
        Anchor::Object => &[],
    };
    let before = text[..end].trim_end();
    if before.ends_with(overshoot) {
        end = before.len() - 1;
    }
    let with_key = anchor != Anchor::Object;
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let from = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                // A key counts once its closing quote is read; a string
                // cut off by the error is no key yet.
                if let (Some(Frame::Object(key, false)), true) = (stack.last_mut(), i < end) {
                    // `text` is valid UTF-8 and quotes are ASCII, so this
                    // slice is on character boundaries.
                    *key = text.get(from..i).map(str::to_string);
                }
            }
            b':' => {
                if let Some(Frame::Object(_, started)) = stack.last_mut() {
                    *started = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key, started)) => {
                    *key = None;
                    *started = false;
                }
                None => {}
            },
            b'{' => stack.push(Frame::Object(None, false)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    // serde_json raises "missing field" once it has read the object's `}`
    // (the walk has left the object: its path is the path so far) or, with
    // other readers, just before it (drop the key the object was at).
    let closed = bytes.last().is_some_and(|b| *b == b'}');
    let keep = if with_key || closed {
        stack.len()
    } else {
        stack.len().saturating_sub(1)
    };
    let mut path = String::new();
    for frame in &stack[..keep] {
        match frame {
            Frame::Array(n) => {
                let _ = write!(path, "[{n}]");
            }
            Frame::Object(Some(key), _) if !key.is_empty() => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(..) => {}
        }
    }
    if path.is_empty() {
        ".".to_string()
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::{path_at, Anchor};

    /// The position just after the first occurrence of `marker`.
    fn after(text: &str, marker: &str) -> (usize, usize) {
        let at = text.find(marker).unwrap() + marker.len();
        let line = text[..at].matches('\n').count() + 1;
        let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
        (line, col)
    }

    #[test]
    fn keys_indexes_and_objects_are_named() {
        let t = "{\"a\": {\"b\": [1, {\"c\": \"x\"}]},\n \"d\": \"é\"}";
        let (l, c) = after(t, "\"x\"");
        assert_eq!(path_at(t, l, c, Anchor::AtValue), "a.b[1].c");
        assert_eq!(path_at(t, l, c, Anchor::Object), "a.b[1]");
        let (l, c) = after(t, "\"é\"");
        assert_eq!(path_at(t, l, c, Anchor::AtValue), "d");
        assert_eq!(path_at(t, 1, 0, Anchor::AtValue), ".");
        // A key with an escaped quote, and a position past the end.
        let t = r#"{"k\"q": 1"#;
        assert_eq!(path_at(t, 1, 99, Anchor::AtValue), r#"k\"q"#);
        // A column inside a multi-byte character, and after a peeked `}`.
        assert_eq!(path_at("{\"名\": 1}", 1, 4, Anchor::AtValue), ".");
        let t = r#"{"a": {"b": "s"}}"#;
        let (l, c) = after(t, r#""s"}"#);
        assert_eq!(path_at(t, l, c, Anchor::AfterValue), "a.b");
        assert_eq!(path_at(t, l, c, Anchor::Object), "a");
    }
}
