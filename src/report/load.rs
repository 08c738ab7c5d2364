//! Typed findings of LOAD: load grade and power sources (GB 50052-2009),
//! and the important power user's duties.

use crate::case::EmergencyKind;
use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "kebab-case")]
pub enum Found {
    /// LOAD-01: a grade-1 load whose outage consequences (as the case lists
    /// them) may include injury or poisoning, and the case does not say
    /// whether part of it is especially important.
    EspeciallyImportantUnknown {
        /// The consequences of an outage, as the case gives them.
        hazards: Vec<String>,
    },
    /// LOAD-02: whether the circuits of a grade-1 load give two sources that
    /// cannot fail together (the best pair of circuits decides).
    TwoSources {
        /// How many circuits the case gives.
        circuits: usize,
        /// How independent the best pair is.
        independence: Independence,
    },
    /// LOAD-03: an especially important load, or one that may be, and its
    /// emergency sources.
    EmergencySource {
        /// The kinds of emergency source given, in the case's order.
        kinds: Vec<EmergencyKind>,
        /// What they amount to.
        cover: EmergencyCover,
    },
    /// LOAD-04: the supply of a grade-2 load.
    GradeTwoSupply(GradeTwo),
    /// LOAD-05: the supply plan does not mention a self-provided emergency or
    /// security supply for important loads.
    NoSelfEmergencyInPlan,
    /// LOAD-06: whether important and other loads are distributed separately.
    SeparateDistribution { separate: bool },
    /// LOAD-07: an important power user (the provision's summary says what
    /// that asks for).
    ImportantUser,
}

/// How independent the circuits of a grade-1 load are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Independence {
    /// Fewer than two circuits.
    OneSource,
    /// Every circuit from the same bus section of one substation.
    SameBusSection,
    /// All from one substation, on different bus sections: two sources only
    /// if the sections are independent.
    SameSubstation,
    /// At least two substations.
    DifferentSubstations,
}

/// What the emergency sources of LOAD-03 amount to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EmergencyCover {
    /// The load is especially important and there is no emergency source.
    Missing,
    /// None is given, and whether the load is especially important is not
    /// said: one is needed if it is.
    NeededIfEspeciallyImportant,
    /// Only UPS, EPS or batteries: for millisecond switch-over loads only.
    ShortOnly,
    /// Sources are given; their sizing and switch-over are to be checked.
    Given,
}

/// LOAD-04 in figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GradeTwo {
    /// How many circuits the case gives.
    pub circuits: usize,
    /// Whether the case says the supply is a dedicated line.
    pub dedicated_line: bool,
}

impl GradeTwo {
    /// Two circuits, or one dedicated line, as recommended.
    pub fn suffices(&self) -> bool {
        self.circuits >= 2 || self.dedicated_line
    }
}
