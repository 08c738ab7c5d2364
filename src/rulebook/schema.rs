//! What the rule files may say: the closed vocabularies and, per rule id,
//! which value keys the evaluator reads. The loader checks every file against
//! this; a new key needs code that reads it, so it is added here and there.

/// Every rule id the evaluator knows (catalog ids). A provision for any other
/// id is rejected at load time.
pub const RULE_IDS: &[&str] = &[
    "CAL-02",
    "CAL-03",
    "CAL-04",
    "CAL-05",
    "CAL-06",
    "CAL-07",
    "CAL-08",
    "CAL-09",
    "CAL-10",
    "CAL-11",
    "CAL-13",
    "DOC-01",
    "DOC-02",
    "DOC-03",
    "DOC-04",
    "DOC-05",
    "DOC-06",
    "DOC-07",
    "DOC-08",
    "DOC-09",
    "NOTICE-01",
    "NOTICE-02",
    "NOTICE-03",
    "NOTICE-04",
    "TL-01",
    "TL-02",
    "TL-03",
    "TL-04",
    "TL-05",
    "TL-06",
    "TL-07",
    "TL-08",
    "TL-09",
    "PLAN-01",
    "PLAN-02",
    "PLAN-03",
    "PLAN-04",
    "PLAN-05",
    "PLAN-06",
    "PLAN-07",
    "LIC-01",
    "LIC-02",
    "LIC-03",
    "LIC-04",
    "LIC-05",
    "LIC-06",
    "LIC-07",
    "LOAD-01",
    "LOAD-02",
    "LOAD-03",
    "LOAD-04",
    "LOAD-05",
    "LOAD-06",
    "LOAD-07",
    "IND-01",
    "CON-01",
    "CON-02",
    "OTH-03",
];

pub const MARKS: &[&str] = &["V", "S", "R", "X"];
pub const LAYERS: &[&str] = &["national", "policy", "standard", "utility", "convention"];
pub const UTILITIES: &[&str] = &["any", "SGCC"];
pub const UNITS: &[&str] = &[
    "working-days",
    "calendar-days",
    "months",
    "years",
    "minutes",
    "kv",
];
pub const SELECTORS: &[&str] = &[
    "all",
    "resident",
    "lv-nonresident",
    "low-voltage",
    "nonresident",
    "high-voltage",
    "hv-single",
    "hv-dual",
    "lv-no-external-works",
    "lv-external-works",
];
pub const STARTS: &[&str] = &[
    "accepted",
    "design-submitted",
    "mid-check-requested",
    "completion-requested",
    "formalities",
];
pub const KINDS: &[&str] = &["limit", "target", "average-target"];
pub const SCOPES: &[&str] = &["whole", "utility-side"];
pub const CATEGORIES: &[&str] = &["resident", "lv-nonresident", "high-voltage"];
pub const BUSINESSES: &[&str] = &["new", "increase", "temporary", "change"];
pub const NEEDS: &[&str] = &[
    "required",
    "if-agent",
    "if-government-project",
    "if-important",
    "if-ownership-unclear",
    "local",
];

/// The shape of the values a rule takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueShape {
    /// No values.
    None,
    /// A time limit: `for`, `amount`, `unit`, `start`; optional `kind`, `scope`.
    TimeLimit,
    /// A calendar period per class: `for`, `amount`, `unit` (months/years).
    Period,
    /// A named number: `what`, `amount`, `unit`.
    Named(&'static [&'static str]),
    /// A licence tier: `tier`, optional `max_kv`.
    Tier,
}

pub fn value_shape(rule: &str) -> ValueShape {
    match rule {
        "TL-01" | "TL-03" | "TL-04" | "TL-05" | "TL-06" | "TL-07" => ValueShape::TimeLimit,
        "PLAN-01" => ValueShape::Period,
        "PLAN-02" | "PLAN-04" => ValueShape::Named(&["extension-lead"]),
        "LIC-07" => ValueShape::Named(&["terminal-substation-kv"]),
        "DOC-07" => ValueShape::Named(&["ordinary-max-kv"]),
        "CAL-11" => ValueShape::Named(&["uncertain-margin"]),
        "OTH-03" => ValueShape::Named(&["notice-min", "notice-max", "reminder"]),
        "LIC-02" => ValueShape::Tier,
        _ => ValueShape::None,
    }
}

/// Rules whose provisions may carry a `documents` list.
pub fn takes_documents(rule: &str) -> bool {
    rule.starts_with("DOC-")
}
