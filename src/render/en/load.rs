//! LOAD in English.

use super::aside;
use crate::case::EmergencyKind;
use crate::render::Reader;
use crate::report::load::{EmergencyCover, Found, Independence};
use crate::report::Finding;

pub(super) fn found(d: &Found, f: &Finding, r: &Reader) -> String {
    match d {
        Found::EspeciallyImportantUnknown { hazards } => format!(
            "The consequences of an outage ({}) may include injury or poisoning: confirm whether part of the load is especially important{}.",
            hazards.join(", "),
            aside(r, "supply.especially_important")
        ),
        Found::TwoSources {
            circuits,
            independence,
        } => match independence {
            Independence::OneSource if *circuits == 0 => {
                "Grade 1 load needs two independent sources; no circuit is given.".into()
            }
            Independence::OneSource => {
                "Grade 1 load needs two independent sources; only one is given.".into()
            }
            Independence::SameBusSection => format!(
                "Every circuit comes from the same bus section of one substation: not two independent sources. {}",
                practice(f, r)
            ),
            Independence::SameSubstation => format!(
                "All circuits come from one substation (different bus sections): two sources only if the sections are independent; verify. {}",
                practice(f, r)
            ),
            Independence::DifferentSubstations => format!(
                "The sources come from different substations: two independent sources. {}",
                practice(f, r)
            ),
        },
        Found::EmergencySource { kinds, cover } => match cover {
            EmergencyCover::Missing => {
                "Especially important loads need an emergency source; none is given.".into()
            }
            EmergencyCover::NeededIfEspeciallyImportant => "If any load is especially important, an emergency source (generator, dedicated feeder, batteries …) is required.".into(),
            EmergencyCover::ShortOnly => format!(
                "Only {}: suits millisecond switch-over loads only; verify capacity, autonomy and switch-over time for every security load.",
                names(kinds)
            ),
            EmergencyCover::Given => format!(
                "Emergency sources given ({}); verify their sizing and switch-over time for every security load.",
                names(kinds)
            ),
        },
        Found::GradeTwoSupply(s) => {
            if s.suffices() {
                "Grade 2: two circuits or one dedicated line, as recommended.".into()
            } else {
                "Grade 2 load should have two circuits; with one non-dedicated circuit, check with the utility.".into()
            }
        }
        Found::NoSelfEmergencyInPlan => "The supply plan says nothing about a self-provided emergency or security supply: who provides it must be settled, and in some cases the customer must.".into(),
        Found::SeparateDistribution { separate: true } => {
            "Important and other loads are distributed separately.".into()
        }
        Found::SeparateDistribution { separate: false } => "Distribute important and other loads, and production and living loads, separately.".into(),
        Found::ImportantUser => format!(
            "Important power user: {}",
            f.citation.as_ref().map_or("", |c| &*c.summary_en)
        ),
    }
}

/// Where the bus-section test comes from (LOAD-02): practice notes, not
/// the article, which gives only the principle.
fn practice(f: &Finding, r: &Reader) -> String {
    if r.is_clerk() {
        let art = f
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref())
            .map_or(String::new(), |a| format!(" {a}"));
        format!(
            "(Judging by substation and bus section comes from practice notes {}, not from the text of article{art}, which says only that when one source fails the other shall not be damaged at the same time.)",
            f.mark
        )
    } else {
        "(Judging by substation and bus section is how practice reads the standard, whose text asks only that when one source fails the other is not damaged at the same time.)".into()
    }
}

fn names(kinds: &[EmergencyKind]) -> String {
    kinds
        .iter()
        .map(|k| match k {
            EmergencyKind::Generator => "generator",
            EmergencyKind::Ups => "UPS",
            EmergencyKind::Eps => "EPS",
            EmergencyKind::Battery => "battery",
            EmergencyKind::DedicatedFeeder => "dedicated feeder",
        })
        .collect::<Vec<_>>()
        .join(", ")
}
