//! What loading one file cannot check: a rulebook as a whole. Instrument
//! ids unique and written as compared, sources and citations present,
//! marks honest, documents known, and versions of one series never
//! overlapping in time. Run on files loaded at run time, and by the tidy
//! test on the embedded rulebook (so the browser carries none of it).

use super::load::DOCUMENTS_FILE;
use super::{check, schema, Rulebook, RulebookError};
use crate::vocab::Layer;
use crate::Mark;
use chrono::NaiveDate;

/// An identifier that is compared as written: surrounding white space would
/// make `"a "` and `"a"` two series and defeat the overlap check.
fn is_trimmed(s: &str) -> bool {
    !s.is_empty() && s.trim() == s
}

pub(super) fn validate(book: &Rulebook) -> Result<(), RulebookError> {
    // An empty folder, or one whose files were renamed away from `.toml`,
    // would otherwise give a clean report of nothing wrong.
    check(
        !book.entries.is_empty(),
        "(rules folder)",
        None,
        "*.toml",
        || {
            "no instrument files: a rulebook needs its instruments as `*.toml` files beside documents.toml (see data/rules/README.md)".into()
        },
    )?;
    check(
        !book.documents.is_empty(),
        DOCUMENTS_FILE,
        None,
        "document",
        || "missing or empty: the document catalogue is required".into(),
    )?;
    let mut ids = std::collections::HashSet::new();
    for e in &book.entries {
        let f = e.file.as_str();
        let i = &e.instrument;
        for (key, v) in [("instrument.id", &*i.id), ("instrument.series", &*i.series)] {
            check(is_trimmed(v), f, None, key, || {
                format!("`{v}` is empty or has white space at its start or end")
            })?;
        }
        check(ids.insert(i.id.clone()), f, None, "instrument.id", || {
            format!("`{}` is used by another file", i.id)
        })?;
        check(
            !i.source.trim().is_empty(),
            f,
            None,
            "instrument.source",
            || "a source is required".into(),
        )?;
        check(
            i.until.is_some() == i.until_mark.is_some(),
            f,
            None,
            "instrument.until_mark",
            || "`until` and `until_mark` go together".into(),
        )?;
        check(
            i.note.is_some() == i.note_en.is_some(),
            f,
            None,
            "instrument.note/note_en",
            || "a note needs both languages: give `note` and `note_en`, or neither".into(),
        )?;
        check(
            is_trimmed(&i.version_en),
            f,
            None,
            "instrument.version_en",
            || "the version in English words is required".into(),
        )?;
        if let Some(c) = i.certain_from {
            check(
                i.from < c && i.until.is_none_or(|u| c <= u),
                f,
                None,
                "instrument.certain_from",
                || {
                    format!(
                        "{c} must fall after `from` {} and not after `until`",
                        i.from
                    )
                },
            )?;
            check(
                !i.from_mark.is_reliable(),
                f,
                None,
                "instrument.from_mark",
                || {
                    "a version with `certain_from` has an unsure first day: its `from_mark` is R or X"
                    .into()
                },
            )?;
        }
        if let Some(u) = i.until {
            check(u >= i.from, f, None, "instrument.until", || {
                format!("{u} is before `from` {}", i.from)
            })?;
        }
        for p in &e.provisions {
            let r = Some(p.rule);
            check(
                !p.summary_zh.trim().is_empty() && !p.summary_en.trim().is_empty(),
                f,
                r,
                "summary_zh/summary_en",
                || "both summaries are required".into(),
            )?;
            check(
                p.note.is_some() == p.note_en.is_some(),
                f,
                r,
                "note/note_en",
                || "a note needs both languages: give `note` and `note_en`, or neither".into(),
            )?;
            check(
                p.seen.is_some() == p.seen_en.is_some(),
                f,
                r,
                "seen/seen_en",
                || {
                    "a source note needs both languages: give `seen` and `seen_en`, or neither"
                        .into()
                },
            )?;
            check(
                p.article.is_some() == p.article_en.is_some(),
                f,
                r,
                "article/article_en",
                || {
                    "an article needs its English words: give `article` and `article_en`, or neither"
                    .into()
                },
            )?;
            // A citation is the instrument plus, where known, the article. An
            // unknown article must be declared by a mark that is not [V].
            check(
                p.article.is_some() || p.mark != Mark::V || i.layer == Layer::Convention,
                f,
                r,
                "article",
                || "a [V] provision must name its article".into(),
            )?;
            if let Some(a) = &p.article {
                check(!a.trim().is_empty(), f, r, "article", || {
                    "empty article".into()
                })?;
            }
            check(
                p.documents.is_empty() || schema::takes_documents(p.rule),
                f,
                r,
                "documents",
                || "only DOC rules list documents".into(),
            )?;
            for d in &p.documents {
                check(
                    book.document(&d.doc).is_some(),
                    f,
                    r,
                    "documents.doc",
                    || format!("`{}` is not in documents.toml", d.doc),
                )?;
            }
        }
    }
    // Versions of one series may not overlap in time.
    for (a_i, a) in book.entries.iter().enumerate() {
        for b in &book.entries[a_i + 1..] {
            let (x, y) = (&a.instrument, &b.instrument);
            if x.series != y.series {
                continue;
            }
            // A later version that is only a candidate before its
            // `certain_from` may overlap the one before it there, and only
            // there, when the earlier one's end is unsure too: both are
            // then shown (catalog §13 item 5).
            let (older, newer) = if x.from <= y.from { (x, y) } else { (y, x) };
            let candidate_overlap = newer.certain_from.is_some_and(|c| {
                older.until.is_some_and(|u| u < c)
                    && older.uncertain_until().is_some()
                    && older.from < newer.from
            });
            let overlap = !candidate_overlap
                && x.from <= y.until.unwrap_or(NaiveDate::MAX)
                && y.from <= x.until.unwrap_or(NaiveDate::MAX);
            check(!overlap, &b.file, None, "instrument.from/until", || {
                format!(
                    "series `{}`: in force {}..{} overlaps `{}` ({})",
                    y.series,
                    y.from,
                    fmt_until(y.until),
                    x.id,
                    a.file
                )
            })?;
        }
    }
    for d in &book.documents {
        check(
            !d.source.trim().is_empty(),
            DOCUMENTS_FILE,
            None,
            &format!("document {}", d.code),
            || "a source is required".into(),
        )?;
        // Each form says whom it is for and where it was read: a form
        // without categories would be shown to no one, and one shown to
        // the wrong category is the fault this guards against.
        for (list, forms) in [("accepted", &d.accepted), ("not_accepted", &d.not_accepted)] {
            for f in forms {
                let key = format!("document {} {list} `{}`", d.code, f.zh);
                check(!f.for_.is_empty(), DOCUMENTS_FILE, None, &key, || {
                    "`for` names no customer category (resident, lv-nonresident, high-voltage)"
                        .into()
                })?;
                check(
                    !f.source.trim().is_empty(),
                    DOCUMENTS_FILE,
                    None,
                    &key,
                    || "a source is required".into(),
                )?;
            }
        }
    }
    Ok(())
}

fn fmt_until(u: Option<NaiveDate>) -> String {
    u.map_or_else(|| "(open)".into(), |d| d.to_string())
}
