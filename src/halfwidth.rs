//! Full-width digits and the full-width `－ ． ／ ：` and space (what a
//! Chinese input method types in its full-width mode, and what a case file
//! written by hand or exported from a spreadsheet may hold) read as their
//! ASCII twins, so "８" and "２０２４－０３－０１" are read as typed. Used by
//! the case's date reader and the app's form; the text itself is kept as
//! given, only its reading changes.

use std::borrow::Cow;

/// `text` with every full-width digit, `－ ． ／ ：` and the ideographic
/// space replaced by its ASCII twin; borrowed when there is none.
pub fn ascii(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF0D}' | '\u{FF0E}' | '\u{FF0F}' | '\u{FF1A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            c => c,
        })
        .collect::<String>()
        .into()
}
