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
    /// LIC-02: the held tier is not one of the version's tiers (a 四级 or
    /// 五级 certificate under the three-tier revision of 2025): its scope
    /// under the version is unknown until the certificate is converted
    /// (LIC-05 says how).
    TierNotInVersion(TierNotInVersion),
    /// LIC-05: a certificate that is, or may be, of an earlier tier system,
    /// used for work under a version whose holders convert by a day.
    Conversion(Conversion),
}

/// LIC-02 when the held tier does not exist in the version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierNotInVersion {
    pub contractor: Contractor,
    /// The customer's supply voltage, in kV.
    pub voltage_kv: f64,
    pub tier_held: u8,
    /// What is known of the version (its tiers, since when).
    pub version: VersionFacts,
    /// The lowest of the version's tiers whose scope covers the voltage, as
    /// recorded (its mark is the finding's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_required: Option<u8>,
    /// The lowest tier under another source's caps, where it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_tier_required: Option<u8>,
}

/// A version of the licence measures, as a finding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VersionFacts {
    /// How many tiers the version has.
    pub tiers: u8,
    /// How many the version before it had; absent when none is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tiers_before: Option<u8>,
    /// Its first day in force; absent when that day is itself unverified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_force_from: Option<NaiveDate>,
}

/// LIC-05 in figures: a certificate and the conversion to a new tier system.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversion {
    pub contractor: Contractor,
    pub tier_held: u8,
    /// `true`: the held tier is not one of the new version's, so the
    /// certificate is surely of the earlier system; `false`: it may be
    /// (the case does not give the day it was issued).
    pub certain: bool,
    /// The new version (and how many tiers the earlier one had).
    pub version: VersionFacts,
    /// The last day a certificate of the earlier system may be used unconverted.
    pub convert_by: NaiveDate,
    /// The last work date given (at least the construction start).
    pub work_end: NaiveDate,
}

impl Conversion {
    /// Whether the work went on after the conversion deadline.
    pub fn past_deadline(&self) -> bool {
        self.work_end > self.convert_by
    }
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
    /// Set when the held tier's cap rests on a version whose caps are all
    /// unverified, or on sources that disagree: what is known of the
    /// version and, where a source gives another cap, the result under it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doubt: Option<TierDoubt>,
}

/// Why a tier check cannot be sure of its cap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierDoubt {
    pub version: VersionFacts,
    /// No cap of the version has been seen in its text (all are [R]/[X]).
    pub no_cap_seen: bool,
    /// The held tier under the cap another source gives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_reading: Option<OtherReading>,
}

/// LIC-02 under another source's cap for the held tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OtherReading {
    /// The held tier's cap by that source, in kV.
    pub tier_held_max_kv: f64,
    /// The lowest tier whose scope covers the voltage under that reading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_required: Option<u8>,
    /// Whether the held tier covers the voltage under that reading.
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
