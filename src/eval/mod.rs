//! `evaluate(rulebook, case, as_of) -> Report`: one module per rule family,
//! all writing findings through [`Ctx`], which applies the cross-cutting
//! policies in one place:
//!
//! * a finding decided by an [R] or [X] value is never adverse: it becomes a
//!   `warning` that says what it would have been;
//! * an instrument whose in-force dates are uncertain, or a provision with a
//!   note, adds a caveat to every finding that uses it.

mod conduct;
mod contractor;
mod coverage;
mod documents;
pub mod due;
mod licence;
mod load;
mod plan;
pub mod time_limits;

use crate::calendar::Calendar;
use crate::case::{Case, Category, Sources};
use crate::report::{Caveat, Detail, Finding, Name, Outcome, Question, Report, Words};
use crate::rulebook::{InForce, Rulebook};
use crate::summary::Summary;
use crate::vocab::{RuleId, Selector};
use crate::Mark;
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::sync::Arc;

pub use contractor::{contractor_check, ContractorAnswer, Required, Verdict};
pub use documents::{checklist, ChecklistItem};
pub use time_limits::expect::{expect, expect_with, first_shown, Example, StepLimit};

/// Evaluate `case` against `book` as of the day `as_of` ("today" is an input).
/// Never fails: missing inputs become `cannot-determine` findings.
pub fn evaluate(book: &Rulebook, case: &Case, as_of: NaiveDate) -> Report {
    evaluate_with(book, Calendar::national(), case, as_of)
}

/// As [`evaluate`], with a calendar of the caller's choice.
pub fn evaluate_with(book: &Rulebook, cal: &Calendar, case: &Case, as_of: NaiveDate) -> Report {
    run(book, cal, case, as_of, true)
}

/// The outcomes of [`evaluate`] without its explanations: what a batch run
/// over thousands of case files reports (`yekuo check --batch`). The
/// timeline and the holidays crossed are most of an evaluation's time, and
/// an auditor scanning a batch needs the rule, outcome, article and mark of
/// each finding; the full report of any one case is `yekuo check CASE.json`.
pub fn summarize(book: &Rulebook, case: &Case, as_of: NaiveDate) -> Summary {
    let report = run(book, Calendar::national(), case, as_of, false);
    Summary::of(case, &report)
}

fn run(book: &Rulebook, cal: &Calendar, case: &Case, as_of: NaiveDate, explain: bool) -> Report {
    let mut ctx = Ctx::new(book, cal, case, as_of, explain);
    documents::check(&mut ctx);
    time_limits::check(&mut ctx);
    plan::check(&mut ctx);
    licence::check(&mut ctx);
    load::check(&mut ctx);
    conduct::check(&mut ctx);
    // Last: it looks at what every family reported.
    coverage::check(&mut ctx);
    let Ctx {
        findings, timeline, ..
    } = ctx;
    // The checklist is for reading, like the timeline: a summary has none.
    let checklist = if explain {
        documents::checklist(book, case, as_of)
    } else {
        Vec::new()
    };
    Report {
        format: crate::report::FORMAT,
        yekuo_version: crate::VERSION,
        as_of,
        calendar_coverage: cal.coverage(),
        findings,
        timeline,
        checklist,
    }
}

pub(crate) struct Ctx<'a> {
    pub book: &'a Rulebook,
    pub cal: &'a Calendar,
    pub case: &'a Case,
    pub as_of: NaiveDate,
    /// Build what explains a finding but does not decide it: the timeline,
    /// the holidays crossed, caveats listing local extras (`false` for
    /// [`summarize`], which drops them). Outcomes never depend on it.
    pub explain: bool,
    /// The case's customer classes, most specific first (see [`selectors`]).
    pub selectors: &'static [Selector],
    pub findings: Vec<Finding>,
    pub timeline: Vec<crate::report::TimelineStep>,
    gap_noted: bool,
    /// The `(rule, field)` pairs already reported as `cannot-determine`.
    asked: BTreeSet<(RuleId, Box<str>)>,
}

/// The customer classes of the rule files that describe this case, most
/// specific first. One constant list per kind of case, so evaluating
/// allocates nothing for it.
pub(crate) fn selectors(case: &Case) -> &'static [Selector] {
    use Selector::*;
    match case.customer.category {
        Category::HighVoltage if case.supply.sources == Sources::Dual => {
            &[HvDual, HighVoltage, Nonresident, All]
        }
        Category::HighVoltage => &[HvSingle, HighVoltage, Nonresident, All],
        c => match (c == Category::Resident, case.customer.external_works) {
            (true, Some(true)) => &[LvExternalWorks, Resident, LowVoltage, All],
            (true, Some(false)) => &[LvNoExternalWorks, Resident, LowVoltage, All],
            (true, None) => &[Resident, LowVoltage, All],
            (false, Some(true)) => &[LvExternalWorks, LvNonresident, LowVoltage, Nonresident, All],
            (false, Some(false)) => &[
                LvNoExternalWorks,
                LvNonresident,
                LowVoltage,
                Nonresident,
                All,
            ],
            (false, None) => &[LvNonresident, LowVoltage, Nonresident, All],
        },
    }
}

impl<'a> Ctx<'a> {
    pub fn new(
        book: &'a Rulebook,
        cal: &'a Calendar,
        case: &'a Case,
        as_of: NaiveDate,
        explain: bool,
    ) -> Ctx<'a> {
        Ctx {
            book,
            cal,
            case,
            as_of,
            explain,
            selectors: selectors(case),
            // A typical case gives two to three dozen findings and six
            // steps; sizing up front saves regrowing (and moving) them.
            findings: Vec::with_capacity(32),
            timeline: Vec::with_capacity(6),
            gap_noted: false,
            asked: BTreeSet::new(),
        }
    }

    pub fn utility(&self) -> crate::case::Operator {
        self.case.utility.operator
    }

    pub fn in_force(
        &self,
        rule: RuleId,
        date: NaiveDate,
    ) -> impl Iterator<Item = InForce<'a>> + 'a {
        self.book.in_force(rule, date, self.utility())
    }

    /// The date obligations of the application arise on: acceptance, else "today".
    pub fn application_date(&self) -> NaiveDate {
        self.case.dates.accepted.unwrap_or(self.as_of)
    }

    /// Record a finding. `decided_by` is the weakest mark of the values that
    /// decided the outcome (the provision's mark when it has no values);
    /// `inputs` are the case fields it read.
    pub fn push(
        &mut self,
        rule: RuleId,
        outcome: Outcome,
        src: Option<InForce<'_>>,
        decided_by: Mark,
        detail: Detail,
        inputs: Vec<Name>,
    ) -> &mut Finding {
        self.record(rule, outcome, src, decided_by, detail, inputs)
    }

    fn record(
        &mut self,
        rule: RuleId,
        outcome: Outcome,
        src: Option<InForce<'_>>,
        decided_by: Mark,
        detail: Detail,
        inputs: Vec<Name>,
    ) -> &mut Finding {
        let mut caveats = Vec::new();
        let mut outcome = outcome;
        let mut unverified_would_be = None;
        // A candidate version may not have been in force on the day: what
        // it decides is as unsure as an [R] value.
        let decided_by = match src {
            Some(s) if s.candidate => decided_by.weakest(Mark::R),
            _ => decided_by,
        };
        if outcome.is_adverse() && !decided_by.is_reliable() {
            unverified_would_be = Some(outcome);
            outcome = Outcome::Warning;
        }
        if let Some(s) = src {
            let i = s.instrument;
            if s.candidate {
                if let Some(certain_from) = i.certain_from {
                    caveats.push(Caveat::CandidateVersion {
                        possible_from: i.from,
                        certain_from,
                    });
                }
            }
            // A version with a known latest start (`certain_from`) has its
            // unsure first day said by the candidate caveat, and after that
            // day there is no doubt about it left.
            let from = i.uncertain_from().filter(|_| i.certain_from.is_none());
            let until = i.uncertain_until();
            if from.is_some() || until.is_some() {
                caveats.push(Caveat::DatesUncertain {
                    from,
                    until,
                    note: Words::pair(&i.note, &i.note_en),
                });
            }
            if let Some(w) = Words::pair(&s.provision.note, &s.provision.note_en) {
                caveats.push(Caveat::Note(w));
            }
        }
        self.findings.push(Finding {
            rule,
            outcome,
            unverified_would_be,
            citation: src.map(|s| Arc::clone(s.citation)),
            mark: decided_by,
            detail,
            caveats,
            basis: Vec::new(),
            inputs,
            crossed: Vec::new(),
            coverage_gap: None,
        });
        self.findings.last_mut().expect("just pushed")
    }

    /// A finding about missing input, naming the field and what it would decide.
    pub fn cannot_determine(&mut self, rule: RuleId, field: &str, question: Question) {
        // A set, not a scan of the findings: a case with thousands of
        // contractors asks thousands of fields, and a scan made that quadratic.
        if !self.asked.insert((rule, field.into())) {
            return;
        }
        let field: Name = field.to_string().into();
        self.push(
            rule,
            Outcome::CannotDetermine,
            None,
            Mark::V,
            Detail::NotGiven {
                question,
                field: field.clone(),
            },
            vec![field],
        );
    }

    /// CAL-11, once per report: a computation used days outside the calendar data.
    pub fn note_gap(&mut self, gap: crate::calendar::CoverageGap) {
        if self.gap_noted {
            return;
        }
        self.gap_noted = true;
        let src = self.in_force(RuleId::Cal11, self.as_of).next();
        let f = self.push(
            RuleId::Cal11,
            Outcome::Warning,
            src,
            Mark::R,
            Detail::CalendarGap(gap),
            Vec::new(),
        );
        f.coverage_gap = Some(gap);
    }
}
