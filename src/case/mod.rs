//! The case file (`yekuo-case/1`, documented in docs/case-format.md): what
//! the customer, clerk or auditor knows about one application.
//!
//! This module is the model. Reading it (`parse`) rejects unknown fields,
//! wrong types and impossible dates, and the cross-field checks (`check`)
//! reject inconsistent ones, each with a [`CaseError`] that names the field.
//! Everything that may simply be unknown is an `Option`: a missing input
//! becomes a `cannot-determine` finding, never an error.

mod check;
mod error;
mod parse;

pub use check::OutOfOrder;
pub use error::CaseError;
pub use parse::{parse_case, parse_case_bytes, too_big, MAX_CASE_BYTES};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "yekuo-case/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub customer: Customer,
    #[serde(default)]
    pub utility: Utility,
    #[serde(default)]
    pub supply: Supply,
    /// Document codes in hand (D-ID, D-PROP …; see data/rules/documents.toml).
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub dates: Dates,
    /// Customer-caused intervals excluded from utility time limits (CAL-10).
    #[serde(default)]
    pub paused: Vec<Pause>,
    #[serde(default)]
    pub contractors: Vec<Contractor>,
    #[serde(default)]
    pub conduct: Conduct,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outage: Option<Outage>,
    /// Counting convention (CAL-02 default, CAL-03 alternative).
    #[serde(default)]
    pub convention: Convention,
    /// Who applied and where, for the clerk's written one-time notice
    /// (一次性告知书). No rule reads it: it only heads the notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<Applicant>,
}

/// The clerk's entries for the written one-time notice: the customer, the
/// counter, and the day by which the missing documents are to be brought.
/// Every part is optional; an absent part prints as a blank line to fill in
/// by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Applicant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 户号 or the application number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The utility's office or counter that received the application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<String>,
    /// "请于 … 前补齐": the day the clerk sets for the missing documents.
    /// No rule in the rulebook sets this period, so there is no default.
    #[serde(
        default,
        deserialize_with = "parse::de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub documents_due: Option<NaiveDate>,
}

crate::closed_enum! {
    /// How working days are counted from a start day.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Convention {
        /// CAL-02: the start day is not counted.
        #[default]
        ExcludeStart = "exclude-start",
        /// CAL-03 (b): received on a rest day = received on the next working day.
        DeemedNextWorkday = "deemed-next-workday",
    }
}

crate::closed_enum! {
    /// The customer category (DOC, TL and PLAN rules differ by it).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Category {
        Resident = "resident" | "居民",
        LvNonresident = "lv-nonresident" | "低压非居民",
        HighVoltage = "high-voltage" | "高压",
    }
}

crate::closed_enum! {
    /// What the customer applies for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Business {
        New = "new" | "新装",
        Increase = "increase" | "增容",
        Temporary = "temporary" | "临时用电",
        Change = "change" | "变更用电",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub category: Category,
    pub business: Business,
    /// For `change`: which change (分户, 过户 …), free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voltage_kv: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_kva: Option<f64>,
    /// The capacity in kilowatts, as a household states it (一般家庭约 8
    /// 千瓦). Recorded as given, never converted to kVA: that needs a power
    /// factor no rule gives. No rule reads either capacity today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_kw: Option<f64>,
    /// An agent applies on the customer's behalf.
    #[serde(default)]
    pub agent: bool,
    /// The project is subject to government approval (立项).
    #[serde(default)]
    pub government_project: bool,
    /// 重要电力用户.
    #[serde(default)]
    pub important: bool,
    /// Special load (冲击/非线性 …), which keeps design review (DOC-07).
    #[serde(default)]
    pub special_load: bool,
    #[serde(default)]
    pub ownership_unclear: bool,
    /// Low voltage: does the connection need grid extension works (外线工程)?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_works: Option<bool>,
}

crate::closed_enum! {
    /// Which grid company supplies the customer: SGCC instruments bind only
    /// State Grid.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Operator {
        #[default]
        Sgcc = "SGCC" | "国家电网",
        Csg = "CSG" | "南方电网",
        /// A local grid or another company.
        Other = "other" | "其他",
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Utility {
    #[serde(default)]
    pub operator: Operator,
    /// The utility offers 一证受理 (DOC-02).
    #[serde(default)]
    pub one_id_acceptance: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
}

crate::closed_enum! {
    /// How many independent power sources supply the customer.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum Sources {
        #[default]
        Unknown = "unknown",
        Single = "single",
        Dual = "dual",
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supply {
    #[serde(default)]
    pub sources: Sources,
    /// 1, 2 or 3 (GB 50052 grades).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_grade: Option<u8>,
    /// Part of the grade-1 load is 特别重要 (LOAD-01); unknown = not asked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub especially_important: Option<bool>,
    /// What an interruption would cause (free text, e.g. "flooding").
    #[serde(default)]
    pub hazards: Vec<String>,
    #[serde(default)]
    pub circuits: Vec<Circuit>,
    /// Grade 2 with one circuit: is it a dedicated line of 6 kV or more?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dedicated_line: Option<bool>,
    #[serde(default)]
    pub emergency_sources: Vec<EmergencySource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_mentions_self_emergency: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separate_distribution: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Circuit {
    pub substation: String,
    pub bus_section: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencySource {
    /// generator | ups | eps | battery | dedicated-feeder
    #[serde(rename = "type")]
    pub kind: EmergencyKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kw: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kva: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loads: Option<String>,
}

crate::closed_enum! {
    /// A kind of emergency power source (LOAD-03..05).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum EmergencyKind {
        Generator = "generator",
        Ups = "ups",
        Eps = "eps",
        Battery = "battery",
        DedicatedFeeder = "dedicated-feeder",
    }
}

macro_rules! dates {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// The milestones. Every one is optional.
        #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Dates {
            $($(#[$doc])*
            #[serde(default, deserialize_with = "parse::de_date", skip_serializing_if = "Option::is_none")]
            pub $name: Option<NaiveDate>,)*
        }
        impl Dates {
            /// `(field name, value)` for every date given, in process order.
            pub fn given(&self) -> Vec<(&'static str, NaiveDate)> {
                let mut v = Vec::new();
                $(if let Some(d) = self.$name { v.push((stringify!($name), d)); })*
                v
            }
        }
    };
}

dates! {
    /// 受理: the application was accepted (the clock starts, NOTICE-04).
    accepted,
    /// 供电方案 answered (written plan delivered).
    plan_issued,
    /// The customer signed for the plan (PLAN-03).
    plan_signed,
    design_submitted,
    design_reviewed,
    mid_check_requested,
    mid_check_started,
    construction_start,
    /// Completion report and inspection request received.
    completion_requested,
    /// Completion inspection started.
    inspected,
    /// Inspection passed (defaults to `inspected` when absent).
    inspection_passed,
    /// 相关手续办结 (contract signed, fees paid).
    formalities,
    /// When `formalities` is unknown: the latest day it can have been.
    formalities_latest,
    power_on,
    extension_requested,
    extension_granted_until,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    #[serde(deserialize_with = "parse::de_date_req")]
    pub from: NaiveDate,
    #[serde(deserialize_with = "parse::de_date_req")]
    pub to: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contractor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Holds a 承装(修、试) licence at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensed: Option<bool>,
    /// 1 (一级) … 5 (五级).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<u8>,
    /// install (承装), repair (承修), test (承试).
    #[serde(default)]
    pub categories: Vec<Activity>,
    /// What this contractor does on this project; default: install.
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(
        default,
        deserialize_with = "parse::de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_until: Option<NaiveDate>,
    #[serde(default)]
    pub affiliate_of_utility: bool,
}

crate::closed_enum! {
    /// What a licence covers and what a contractor does (LIC-03).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Activity {
        Install = "install" | "承装",
        Repair = "repair" | "承修",
        Test = "test" | "承试",
    }
}

/// Conduct questions. `None` = not asked (self-check mode); they only give
/// findings when answered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conduct {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utility_recommended_contractor: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_notice_of_missing_documents: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defects_found: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defects_notified_in_writing: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stalled_without_notice: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gifts_or_banquets: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unauthorised_fees: Option<bool>,
    /// The licence tier the utility demanded (LIC-06).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demanded_tier: Option<u8>,
    /// The customer's needs or the grid side changed after the plan (PLAN-07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_changed: Option<bool>,
}

/// A planned outage and the two duties before it (OTH-03): the notice some
/// days ahead and the reminder shortly before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outage {
    #[serde(deserialize_with = "parse::de_date_req")]
    pub date: NaiveDate,
    #[serde(
        default,
        deserialize_with = "parse::de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub notice_date: Option<NaiveDate>,
    /// Whether a notice was served at all: `false` says none was (a breach
    /// of the notice duty), which an absent `notice_date` cannot say, since
    /// that only means the date is not known. A `notice_date` implies `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_served: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_given: Option<bool>,
}

/// What a case says of the notice before an outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeGiven {
    /// Served on this day.
    On(NaiveDate),
    /// The case says no notice was served.
    None,
    /// Not known (served on an unknown day, or not said).
    Unknown,
}

impl Outage {
    /// The notice as the case gives it (`check` refuses a date beside
    /// `notice_served: false`).
    pub fn notice(&self) -> NoticeGiven {
        match (self.notice_date, self.notice_served) {
            (Some(d), _) => NoticeGiven::On(d),
            (None, Some(false)) => NoticeGiven::None,
            (None, _) => NoticeGiven::Unknown,
        }
    }
}
