//! Typed findings of LIC: the contractor's licence for power-facility works
//! (承装(修、试)电力设施许可证): tier, category, validity, and LIC-07.

use crate::case::Activity;
use chrono::NaiveDate;
use serde::Serialize;

/// What a rule of this family found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "found", rename_all = "kebab-case")]
pub enum Found {
    /// LIC-07: the customer's voltage is at or above the level from which the
    /// installation is designed as a terminal substation (the provision's
    /// summary says what follows).
    TerminalSubstation {
        /// The customer's supply voltage, in kV.
        voltage_kv: f64,
        /// The level the provision sets, in kV.
        threshold_kv: u32,
    },
    /// LIC-01: the contractor holds no licence.
    Unlicensed { contractor: Contractor },
    /// LIC-02: the tier the contractor holds against the tier the voltage needs.
    Tier(TierCheck),
    /// LIC-03: the licence categories against the activities done.
    Categories {
        contractor: Contractor,
        /// The categories the licence holds.
        categories: Vec<Activity>,
        /// The activities done without their category (empty: all covered).
        lacking: Vec<Activity>,
    },
    /// LIC-04: the licence's validity against the work dates.
    Validity(ValidityCheck),
    /// LIC-06: the utility demanded a higher tier than the law asks for.
    DemandedTier {
        /// The tier the utility demanded (1 is the highest).
        tier_demanded: u8,
        /// The lowest tier whose scope covers the voltage.
        tier_required: u8,
    },
}

/// Which contractor a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contractor {
    /// Its place in the case's `contractors` list, from 0.
    pub index: usize,
    /// Its name, as the case gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Contractor {
    /// The case field path of this contractor (`contractors[0]`).
    pub fn path(&self) -> String {
        format!("contractors[{}]", self.index)
    }
}

/// LIC-02 in figures. Tiers are 1 (highest) to 5 (lowest).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierCheck {
    pub contractor: Contractor,
    /// The customer's supply voltage, in kV.
    pub voltage_kv: f64,
    /// The tier the contractor holds.
    pub tier_held: u8,
    /// The highest voltage, in kV, within the held tier's scope; `None`: any
    /// voltage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_held_max_kv: Option<f64>,
    /// The lowest tier whose scope covers the voltage; `None` when no tier's
    /// scope does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_required: Option<u8>,
    /// Whether the held tier's scope covers the voltage.
    pub sufficient: bool,
}

/// LIC-04 in figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidityCheck {
    pub contractor: Contractor,
    /// The last day the licence is valid.
    pub valid_until: NaiveDate,
    /// The construction start.
    pub work_start: NaiveDate,
    /// The last work date given (completion request, inspection or
    /// power-on), at least the start.
    pub work_end: NaiveDate,
}

impl ValidityCheck {
    /// Whether the licence was valid until the work ended.
    pub fn covers_work(&self) -> bool {
        self.valid_until >= self.work_end
    }
}
