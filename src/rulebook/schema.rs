//! Which values each rule takes. The loader reads every provision's values
//! into the shape its rule has here; a new value needs code that reads it,
//! so it is added here and there. (The vocabularies themselves are
//! `crate::vocab`.)

use crate::vocab::{Named, RuleId, Unit};

/// The shape of the values a rule takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueShape {
    /// No values.
    None,
    /// A time limit per class: `for`, `amount`, `unit`, `start`; optional
    /// `kind`, `scope`.
    TimeLimit,
    /// A calendar period per class: `for`, `amount`, `unit` (months/years).
    Period,
    /// Named amounts: `what`, `amount`, `unit`, from this list.
    Named(&'static [NamedSlot]),
    /// A licence tier: `tier`, optional `max_kv`, `certain_kv`, `alt_max_kv`.
    Tier,
    /// A test the evaluation applies, with the mark of its source: `test`.
    Test,
    /// A day until which something still holds: `until` (at most one).
    Until,
}

/// One amount a rule reads by name: in which unit, and whether a
/// provision of the rule must give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedSlot {
    pub what: Named,
    pub unit: Unit,
    pub required: bool,
}

const fn slot(what: Named, unit: Unit, required: bool) -> NamedSlot {
    NamedSlot {
        what,
        unit,
        required,
    }
}

/// The units a time limit may be counted in.
pub const TIME_LIMIT_UNITS: &[Unit] = &[
    Unit::WorkingDays,
    Unit::CalendarDays,
    Unit::Months,
    Unit::Years,
];

/// The units a validity period may be counted in.
pub const PERIOD_UNITS: &[Unit] = &[Unit::Months, Unit::Years];

const PLAN_02: &[NamedSlot] = &[slot(Named::ExtensionLead, Unit::CalendarDays, true)];
const PLAN_04: &[NamedSlot] = &[slot(Named::ExtensionLead, Unit::WorkingDays, true)];
const LIC_07: &[NamedSlot] = &[slot(Named::TerminalSubstationKv, Unit::Kv, true)];
const DOC_07: &[NamedSlot] = &[slot(Named::OrdinaryMaxKv, Unit::Kv, true)];
const CAL_11: &[NamedSlot] = &[slot(Named::UncertainMargin, Unit::CalendarDays, true)];
const OTH_03: &[NamedSlot] = &[
    slot(Named::NoticeMin, Unit::CalendarDays, true),
    slot(Named::NoticeMax, Unit::CalendarDays, false),
    slot(Named::Reminder, Unit::Minutes, false),
];

pub fn value_shape(rule: RuleId) -> ValueShape {
    match rule {
        RuleId::Tl01 | RuleId::Tl03 | RuleId::Tl04 | RuleId::Tl05 | RuleId::Tl06 | RuleId::Tl07 => {
            ValueShape::TimeLimit
        }
        RuleId::Plan01 => ValueShape::Period,
        // PLAN-02 counts its lead back in calendar days (CAL-09 then advises
        // on a rest day); PLAN-04 is the reading in working days.
        RuleId::Plan02 => ValueShape::Named(PLAN_02),
        RuleId::Plan04 => ValueShape::Named(PLAN_04),
        RuleId::Lic07 => ValueShape::Named(LIC_07),
        RuleId::Doc07 => ValueShape::Named(DOC_07),
        RuleId::Cal11 => ValueShape::Named(CAL_11),
        RuleId::Oth03 => ValueShape::Named(OTH_03),
        RuleId::Lic02 => ValueShape::Tier,
        // LOAD-02: the bus-section test, which the article's text does not
        // give (catalog §7), so its mark is recorded apart from the article's.
        RuleId::Load02 => ValueShape::Test,
        // LIC-05: the last day certificates of an earlier tier system may be
        // used before conversion (the 2025 revision, catalog §6.1).
        RuleId::Lic05 => ValueShape::Until,
        _ => ValueShape::None,
    }
}

/// Rules whose provisions may carry a `documents` list.
pub fn takes_documents(rule: RuleId) -> bool {
    matches!(
        rule,
        RuleId::Doc01
            | RuleId::Doc02
            | RuleId::Doc03
            | RuleId::Doc04
            | RuleId::Doc05
            | RuleId::Doc06
            | RuleId::Doc07
            | RuleId::Doc08
            | RuleId::Doc09
    )
}
