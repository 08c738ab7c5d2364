//! The embedded rulebook as build.rs bakes it from `data/rules/*.toml`:
//! static values, no text to parse. Their shape mirrors the rule files
//! (one [`BakedFile`] per instrument file, values as the loader's
//! `FileValue`), with `&'static` strings and slices where the loaded model
//! owns its data; [`files`] turns them into the loader's file contents, and
//! `Rulebook::embedded` indexes those as it would parsed files. Sources are
//! left out (build.rs says why).

use super::{Content, DocumentsFile, FileProvision, FileValue, InstrumentFile};
use crate::case::{Business, Category};
use crate::prose::Prose;
use crate::rulebook::{Document, DocumentForm, DocumentNeed, Instrument};
use crate::vocab::{Applies, Layer, Need, RuleId};
#[allow(unused_imports)] // used by the baked values' words
use crate::vocab::{Kind, Named, Scope, Selector, Start, Test, Unit};
use crate::Mark;
use chrono::NaiveDate;

pub(super) struct BakedFile {
    file: &'static str,
    instrument: BakedInstrument,
    provisions: &'static [BakedProvision],
}

struct BakedInstrument {
    id: &'static str,
    series: &'static str,
    title: &'static str,
    title_en: &'static str,
    version: &'static str,
    version_en: &'static str,
    layer: Layer,
    utility: Applies,
    from: NaiveDate,
    from_mark: Mark,
    until: Option<NaiveDate>,
    until_mark: Option<Mark>,
    certain_from: Option<NaiveDate>,
    mark: Mark,
    note: Option<ProseIndex>,
    note_en: Option<ProseIndex>,
}

/// Prose is baked apart, in `crate::prose`, and held by its index.
type ProseIndex = u16;

struct BakedProvision {
    rule: RuleId,
    article: Option<&'static str>,
    article_en: Option<&'static str>,
    mark: Mark,
    summary_zh: ProseIndex,
    summary_en: ProseIndex,
    note: Option<ProseIndex>,
    note_en: Option<ProseIndex>,
    seen: Option<ProseIndex>,
    seen_en: Option<ProseIndex>,
    categories: &'static [Category],
    businesses: &'static [Business],
    documents: &'static [BakedNeed],
    values: &'static [FileValue],
}

struct BakedNeed {
    doc: &'static str,
    need: Need,
    later_with_one_id: bool,
}

pub(super) struct BakedDocument {
    code: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    accepted: &'static [BakedForm],
    not_accepted: &'static [BakedForm],
    mark: Mark,
}

struct BakedForm {
    for_: &'static [Category],
    zh: &'static str,
    en: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/baked_rules.rs"));

/// The fingerprint of the embedded rule files (`rulebook::fingerprint` of
/// `EMBEDDED`, computed by build.rs).
pub(super) fn fingerprint() -> &'static str {
    FINGERPRINT
}

/// The baked files as the loader's contents: the document table, then one
/// instrument per file, in file-name order.
pub(super) fn files() -> impl Iterator<Item = (String, Content)> {
    let documents = DocumentsFile {
        document: DOCUMENTS.iter().map(document).collect(),
    };
    std::iter::once((
        super::DOCUMENTS_FILE.to_string(),
        Content::Documents(documents),
    ))
    .chain(FILES.iter().map(|f| {
        let file = InstrumentFile {
            instrument: instrument(&f.instrument),
            provision: f.provisions.iter().map(provision).collect(),
        };
        (f.file.to_string(), Content::Instrument(Box::new(file)))
    }))
}

fn words(s: Option<&'static str>) -> Option<std::sync::Arc<str>> {
    s.map(Into::into)
}

fn prose_opt(i: Option<ProseIndex>) -> Option<Prose> {
    i.map(Prose::baked)
}

fn instrument(i: &BakedInstrument) -> Instrument {
    Instrument {
        id: i.id.into(),
        series: i.series.into(),
        title: i.title.into(),
        title_en: i.title_en.into(),
        version: i.version.into(),
        version_en: i.version_en.into(),
        layer: i.layer,
        utility: i.utility,
        from: i.from,
        from_mark: i.from_mark,
        until: i.until,
        until_mark: i.until_mark,
        certain_from: i.certain_from,
        mark: i.mark,
        source: String::new(),
        note: prose_opt(i.note),
        note_en: prose_opt(i.note_en),
    }
}

fn provision(p: &BakedProvision) -> FileProvision {
    FileProvision {
        rule: p.rule,
        article: words(p.article),
        article_en: words(p.article_en),
        mark: p.mark,
        summary_zh: Prose::baked(p.summary_zh),
        summary_en: Prose::baked(p.summary_en),
        note: prose_opt(p.note),
        note_en: prose_opt(p.note_en),
        seen: prose_opt(p.seen),
        seen_en: prose_opt(p.seen_en),
        categories: p.categories.to_vec(),
        businesses: p.businesses.to_vec(),
        documents: p
            .documents
            .iter()
            .map(|d| DocumentNeed {
                doc: d.doc.into(),
                need: d.need,
                later_with_one_id: d.later_with_one_id,
            })
            .collect(),
        values: p.values.to_vec(),
    }
}

fn form(f: &BakedForm) -> DocumentForm {
    DocumentForm {
        for_: f.for_.to_vec(),
        zh: f.zh.into(),
        en: f.en.into(),
        source: String::new(),
    }
}

fn document(d: &BakedDocument) -> Document {
    Document {
        code: d.code.into(),
        name_zh: d.name_zh.into(),
        name_en: d.name_en.into(),
        accepted: d.accepted.iter().map(form).collect(),
        not_accepted: d.not_accepted.iter().map(form).collect(),
        mark: d.mark,
        source: String::new(),
    }
}
