//! The form's contents as the user typed them.
//!
//! A [`Draft`] keeps raw text for every field, so a half-typed or invalid
//! value is never thrown away: it is saved, restored and shown back with its
//! error. [`Draft::check`] turns it into a core [`Case`], ignoring (and
//! reporting) the fields that cannot be read, so results stay live while the
//! user fixes one field.
//!
//! The draft's jobs are in three files: `edit.rs` (one field set from a
//! control), `read.rs` (the draft read as a case, with every field it cannot
//! read reported) and `import.rs` (a case file turned back into a draft).
//!
//! Field keys are the case file's JSON paths (`customer.voltage_kv`,
//! `dates.accepted`, `contractors.0.tier` …). The same key names the form
//! control (`id = field_id(key)`), the error in the summary and the core's
//! [`yekuo::case::CaseError::field`], so an error always links to its field.

mod edit;
mod import;
mod read;

pub use read::{ascii, hold_back};

use crate::lang::Lang;
use yekuo::case::{Business, Case, Category, Sources};

/// The milestone dates the form offers, in process order (their labels are
/// `dates.<key>` in `crate::labels`). `hv_only` steps (design review,
/// mid-term check) are not shown to low-voltage customers.
pub const DATE_FIELDS: &[DateField] = &[
    DateField::new("accepted", false, false),
    DateField::new("plan_issued", false, false),
    DateField::new("plan_signed", false, true),
    DateField::new("design_submitted", true, false),
    DateField::new("design_reviewed", true, false),
    DateField::new("mid_check_requested", true, false),
    DateField::new("mid_check_started", true, false),
    DateField::new("construction_start", false, false),
    DateField::new("completion_requested", false, false),
    DateField::new("inspected", false, false),
    DateField::new("inspection_passed", false, true),
    DateField::new("formalities", false, true),
    DateField::new("formalities_latest", false, true),
    DateField::new("power_on", false, false),
    DateField::new("extension_requested", true, true),
    DateField::new("extension_granted_until", true, true),
];

pub struct DateField {
    pub key: &'static str,
    /// Only high-voltage customers have this step.
    pub hv_only: bool,
    /// Asked in clerk mode only.
    pub clerk_only: bool,
}

impl DateField {
    /// The place of the date field `key` in [`DATE_FIELDS`].
    pub fn index(key: &str) -> Option<usize> {
        DATE_FIELDS.iter().position(|d| d.key == key)
    }

    const fn new(key: &'static str, hv_only: bool, clerk_only: bool) -> Self {
        DateField {
            key,
            hv_only,
            clerk_only,
        }
    }
}

/// Voltage levels offered in the form (kV): the standard levels of the
/// Chinese grid. An imported non-standard value is kept and shown as well.
pub const VOLTAGES_LV: &[&str] = &["0.22", "0.38"];
pub const VOLTAGES_HV: &[&str] = &[
    "10", "20", "35", "66", "110", "220", "330", "500", "750", "1000",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub title: String,
    /// `resident`, `lv-nonresident`, `high-voltage`, or empty (not chosen yet).
    pub category: String,
    /// `new`, `increase`, `temporary`, `change`, or empty.
    pub business: String,
    pub change_kind: String,
    pub voltage_kv: String,
    pub capacity_kva: String,
    pub capacity_kw: String,
    pub agent: bool,
    pub government_project: bool,
    pub important: bool,
    pub special_load: bool,
    pub ownership_unclear: bool,
    pub external_works: Option<bool>,
    /// `SGCC`, `CSG`, `other`; empty means SGCC (the case format's default).
    pub operator: String,
    pub one_id_acceptance: bool,
    pub province: String,
    /// `single`, `dual`, or empty (unknown).
    pub sources: String,
    pub load_grade: String,
    pub especially_important: Option<bool>,
    /// Free text, one hazard per line.
    pub hazards: String,
    pub circuits: Vec<CircuitDraft>,
    pub dedicated_line: Option<bool>,
    pub emergency: Vec<EmergencyDraft>,
    pub plan_mentions_self_emergency: Option<bool>,
    pub separate_distribution: Option<bool>,
    pub documents: Vec<String>,
    /// The text entered for each of [`DATE_FIELDS`], in its order; empty
    /// when not given. One slot per field of that closed list rather than a
    /// map from key to text, which also kept a `BTreeMap<String, String>`
    /// out of the bundle: 3,631 bytes gzip of the first load (308,924 ->
    /// 305,293, issue 12).
    pub dates: [String; DATE_FIELDS.len()],
    pub paused: Vec<PauseDraft>,
    pub contractors: Vec<ContractorDraft>,
    pub conduct: ConductDraft,
    pub outage: OutageDraft,
    pub convention: String,
    pub applicant: ApplicantDraft,
}

/// The clerk's entries for the written one-time notice, as typed (the case
/// file's optional `applicant`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApplicantDraft {
    pub name: String,
    pub address: String,
    /// 户号 or the application number.
    pub account: String,
    pub counter: String,
    pub documents_due: String,
}

/// A planned outage and its notice (OTH-03), as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutageDraft {
    pub date: String,
    pub notice_date: String,
    /// Whether a notice was served at all: "no" is a breach of the notice
    /// duty, which an empty notice date cannot say.
    pub notice_served: Option<bool>,
    pub reminder_given: Option<bool>,
}

impl OutageDraft {
    pub fn is_empty(&self) -> bool {
        *self == OutageDraft::default()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CircuitDraft {
    pub substation: String,
    pub bus_section: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmergencyDraft {
    /// generator | ups | eps | battery | dedicated-feeder
    pub kind: String,
    pub kw: String,
    pub kva: String,
    pub loads: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PauseDraft {
    pub from: String,
    pub to: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContractorDraft {
    pub name: String,
    pub licensed: Option<bool>,
    pub tier: String,
    pub categories: Vec<String>,
    pub activities: Vec<String>,
    pub valid_until: String,
    pub affiliate_of_utility: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConductDraft {
    pub utility_recommended_contractor: Option<bool>,
    pub written_notice_of_missing_documents: Option<bool>,
    pub defects_found: Option<bool>,
    pub defects_notified_in_writing: Option<bool>,
    pub stalled_without_notice: Option<bool>,
    pub gifts_or_banquets: Option<bool>,
    pub unauthorised_fees: Option<bool>,
    pub demanded_tier: String,
    pub plan_changed: Option<bool>,
}

/// A value for one field, as a control produces it.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Text(String),
    Flag(bool),
    /// 是 / 否 / 不清楚.
    Tri(Option<bool>),
}

/// One field that cannot be read, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub zh: String,
    pub en: String,
}

impl FieldError {
    /// The error as the summary above the form lists it: the field's form
    /// label, then what is wrong. (Under the field itself the message
    /// stands alone: the label is right above it.)
    pub fn summary(&self, lang: Lang) -> String {
        let message = lang.pick(&self.zh, &self.en);
        match crate::labels::label(&self.field, lang) {
            Some(label) => format!("{label}: {message}"),
            None => message.to_string(),
        }
    }
}

/// What [`Draft::check`] makes of a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// `None` until category and business are chosen.
    pub case: Option<Case>,
    /// Every field that was ignored, with why.
    pub errors: Vec<FieldError>,
}

/// The HTML id of a field's control. Takes the form's keys
/// (`contractors.0.tier`) and the core's paths (`contractors[0].tier`), so
/// a finding that names a field can link to it.
pub fn field_id(key: &str) -> String {
    let mut id = String::with_capacity(key.len() + 2);
    id.push_str("f-");
    for c in key.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

impl Draft {
    /// Nothing entered at all (a wiped kiosk, a fresh page).
    pub fn is_empty(&self) -> bool {
        *self == Draft::default()
    }

    /// The customer category chosen, if any.
    pub fn category(&self) -> Option<Category> {
        Category::parse(&self.category)
    }

    /// The business chosen, if any.
    pub fn business(&self) -> Option<Business> {
        Business::parse(&self.business)
    }

    /// The power sources chosen (`Unknown` until chosen).
    pub fn sources(&self) -> Sources {
        Sources::parse(&self.sources).unwrap_or(Sources::Unknown)
    }
}
