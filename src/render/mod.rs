//! Words at the edge: typed findings into sentences for one reader.
//!
//! The evaluator returns facts ([`crate::report`]); this layer phrases them
//! in a language ([`Lang`]) for an audience ([`Audience`]). A customer reads
//! plain words: no rule codes, marks or field paths. A clerk or auditor
//! reads the codes and the paths as well. Each language is one module that
//! implements [`Language`]; adding a language is implementing it once, and
//! the compiler names every phrase still missing.

pub mod answer;
pub mod contractor;
pub mod due;
mod en;
pub mod json;
pub mod text;
mod zh;

use crate::report::{Caveat, Detail, Finding, Outcome, Question, Step, Words};
use crate::Mark;
use chrono::NaiveDate;

/// The language of the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// Who reads the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A customer: plain words, no rule codes, marks or field paths.
    Customer,
    /// A clerk or auditor: codes, articles, marks and field paths too.
    Clerk,
}

/// How a reader knows a case field, given its JSON path (see [`Reader::label`]).
pub type Labels = dyn Fn(&str) -> Option<String>;

/// A reader: language, audience, and how a case field is named for them.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    pub lang: Lang,
    pub audience: Audience,
    /// The name a reader knows a case field by (the app's form label), given
    /// its JSON path in the case file; `None` where there is none, and the
    /// path is shown to a clerk.
    pub label: &'a Labels,
}

fn no_labels(_: &str) -> Option<String> {
    None
}

impl Reader<'static> {
    /// A clerk reading a report outside the app (the CLI, the JSON report):
    /// fields are named by their JSON path.
    pub fn clerk(lang: Lang) -> Self {
        Reader {
            lang,
            audience: Audience::Clerk,
            label: &no_labels,
        }
    }
}

impl Reader<'_> {
    pub fn is_clerk(&self) -> bool {
        self.audience == Audience::Clerk
    }

    /// A sentence of the rulebook in this reader's language.
    pub fn pick<'w>(&self, w: &'w Words) -> &'w str {
        match self.lang {
            Lang::Zh => &w.zh,
            Lang::En => &w.en,
        }
    }

    /// A case field's name when this reader would know it: the app's label
    /// for it, else its JSON path for a clerk. `None` for a customer without
    /// a label, for a parenthesis the sentence can do without.
    pub fn field_if_known(&self, path: &str) -> Option<String> {
        match (self.label)(path) {
            Some(l) => Some(self.words().quote(&l)),
            None => self.is_clerk().then(|| format!("`{path}`")),
        }
    }

    fn words(&self) -> &'static dyn Language {
        match self.lang {
            Lang::Zh => &zh::Zh,
            Lang::En => &en::En,
        }
    }

    /// A case field named for this reader: as [`Reader::field_if_known`],
    /// and a plain "this information" for a customer without a label.
    pub fn field(&self, path: &str) -> String {
        self.field_if_known(path)
            .unwrap_or_else(|| self.words().unnamed_field().to_string())
    }
}

/// Everything a language must be able to say. One implementation per
/// language (`zh/`, `en/`); the family methods live in that language's
/// family files.
pub(crate) trait Language: Sync {
    fn outcome(&self, o: Outcome) -> &'static str;
    fn step(&self, s: Step) -> &'static str;
    fn quote(&self, label: &str) -> String;
    fn unnamed_field(&self) -> &'static str;
    fn question(&self, q: Question) -> String;
    fn not_given(&self, q: Question, field: &str) -> String;
    fn calendar_gap(&self, gap: &crate::calendar::CoverageGap) -> String;
    /// The prefix of a finding that would be adverse if an unverified value held.
    fn unverified(&self, would_be: Outcome, mark: Mark, r: &Reader) -> String;
    /// The instrument's first day (`from`), last day (`until`) or both are
    /// not verified.
    fn dates_uncertain(
        &self,
        f: &Finding,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        r: &Reader,
    ) -> String;
    /// The version was certainly in force only from `certain_from`, and
    /// perhaps from `possible_from`.
    fn candidate_version(
        &self,
        f: &Finding,
        possible_from: NaiveDate,
        certain_from: NaiveDate,
        r: &Reader,
    ) -> String;
    /// The documents missing, named only: the line of a list of problems,
    /// whose finding below gives the accepted forms.
    fn missing_documents(&self, missing: &[crate::report::documents::DocRef], r: &Reader)
        -> String;
    /// A citation: the instrument, its version and the article.
    fn cite(&self, c: &crate::report::Citation) -> String;
    fn documents(&self, d: &crate::report::documents::Found, f: &Finding, r: &Reader) -> String;
    fn documents_caveat(&self, c: &crate::report::documents::Caveat, r: &Reader) -> String;
    fn time_limit(&self, d: &crate::report::time_limit::Found, f: &Finding, r: &Reader) -> String;
    fn time_limit_caveat(&self, c: &crate::report::time_limit::Caveat, r: &Reader) -> String;
    fn plan(&self, d: &crate::report::plan::Found, f: &Finding, r: &Reader) -> String;
    fn licence(&self, d: &crate::report::licence::Found, f: &Finding, r: &Reader) -> String;
    fn load(&self, d: &crate::report::load::Found, f: &Finding, r: &Reader) -> String;
    fn conduct(&self, d: &crate::report::conduct::Found, f: &Finding, r: &Reader) -> String;
    fn coverage(&self, d: &crate::report::coverage::Found, f: &Finding, r: &Reader) -> String;
}

/// The outcome of a finding in one word.
pub fn outcome(o: Outcome, lang: Lang) -> &'static str {
    Reader::clerk(lang).words().outcome(o)
}

/// A process step's name.
pub fn step(s: Step, lang: Lang) -> &'static str {
    Reader::clerk(lang).words().step(s)
}

/// The forms of a document (居民身份证, 户口簿 …) in one language, joined
/// by that language's separator: the one way every view lists them.
pub fn forms(forms: &[crate::report::documents::Form], lang: Lang) -> String {
    let (sep, pick): (&str, fn(&crate::report::documents::Form) -> &str) = match lang {
        Lang::Zh => ("；", |f| &f.zh),
        Lang::En => ("; ", |f| &f.en),
    };
    forms.iter().map(pick).collect::<Vec<_>>().join(sep)
}

/// What a finding rests on, in the reader's language: instrument, version
/// and article (or that the article is not known). The mark is the
/// caller's to show, in the words that suit its reader.
pub fn citation(c: &crate::report::Citation, r: &Reader) -> String {
    r.words().cite(c)
}

/// A finding in one line, for a list of problems that links to the
/// finding: as [`message`], but a missing-document finding names the
/// documents without their accepted forms (the finding itself and the
/// one-time list give those).
pub fn headline(f: &Finding, r: &Reader) -> String {
    match &f.detail {
        Detail::Documents(crate::report::documents::Found::List { missing, .. })
            if !missing.is_empty() && f.unverified_would_be.is_none() =>
        {
            r.words().missing_documents(missing, r)
        }
        _ => message(f, r),
    }
}

/// What a finding says, for this reader.
pub fn message(f: &Finding, r: &Reader) -> String {
    let w = r.words();
    let body = match &f.detail {
        Detail::NotGiven { question, field } => w.not_given(*question, &r.field(field)),
        Detail::CalendarGap(gap) => w.calendar_gap(gap),
        Detail::Documents(d) => w.documents(d, f, r),
        Detail::TimeLimit(d) => w.time_limit(d, f, r),
        Detail::Plan(d) => w.plan(d, f, r),
        Detail::Licence(d) => w.licence(d, f, r),
        Detail::Load(d) => w.load(d, f, r),
        Detail::Conduct(d) => w.conduct(d, f, r),
        Detail::Coverage(d) => w.coverage(d, f, r),
    };
    match f.unverified_would_be {
        Some(o) => format!("{} {body}", w.unverified(o, f.mark, r)),
        None => body,
    }
}

/// A caveat of a finding, for this reader; `None` when it is not for them.
/// A customer is not given the rulebook's notes: they are doubts about
/// sources and article numbers, with marks, written for whoever checks the
/// rulebook. The finding's own words already hedge what rests on them.
pub fn caveat(c: &Caveat, f: &Finding, r: &Reader) -> Option<String> {
    let w = r.words();
    Some(match c {
        Caveat::DatesUncertain { from, until, note } => {
            let mut s = w.dates_uncertain(f, *from, *until, r);
            if let (Some(n), true) = (note, r.is_clerk()) {
                let n = r.pick(n);
                match r.lang {
                    // Chinese runs on without a space; the rule files'
                    // notes leave off their full stop.
                    Lang::Zh => {
                        s.push_str(n);
                        if !n.ends_with('。') {
                            s.push('。');
                        }
                    }
                    Lang::En => {
                        s.push(' ');
                        s.push_str(n);
                    }
                }
            }
            s
        }
        Caveat::CandidateVersion {
            possible_from,
            certain_from,
        } => w.candidate_version(f, *possible_from, *certain_from, r),
        Caveat::Note(_) if !r.is_clerk() => return None,
        Caveat::Note(n) => r.pick(n).to_string(),
        Caveat::Documents(c) => w.documents_caveat(c, r),
        Caveat::TimeLimit(c) => w.time_limit_caveat(c, r),
    })
}
