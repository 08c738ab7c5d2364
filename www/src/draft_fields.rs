//! A draft as a flat list of `(form key, value)`, the keys [`Draft::set`]
//! takes, and back. Autosave stores this list rather than a serde copy of
//! the draft's structs: the list goes through the one writer the form
//! already uses, and the bundle carries no second (de)serializer for every
//! draft type (about 11 KB gzip, issue 4).
//!
//! **Invariant:** `from_fields(d.fields()) == d` for every draft. The test
//! `every_field_survives_the_list` builds a draft with every field set,
//! as a struct literal, so a new field that is not listed here fails to
//! compile there first and then fails the round trip.

use crate::draft::{Draft, Input, DATE_FIELDS};

/// One stored value: `T` + text, `F1`/`F0` for a check box, `Y`/`N`/`?` for
/// a yes / no / not-sure question.
pub fn encode(input: &Input) -> String {
    match input {
        Input::Text(s) => format!("T{s}"),
        Input::Flag(b) => if *b { "F1" } else { "F0" }.to_string(),
        Input::Tri(Some(true)) => "Y".to_string(),
        Input::Tri(Some(false)) => "N".to_string(),
        Input::Tri(None) => "?".to_string(),
    }
}

/// The inverse of [`encode`]; `None` for anything it never writes.
pub fn decode(s: &str) -> Option<Input> {
    Some(match s {
        "F1" => Input::Flag(true),
        "F0" => Input::Flag(false),
        "Y" => Input::Tri(Some(true)),
        "N" => Input::Tri(Some(false)),
        "?" => Input::Tri(None),
        _ => Input::Text(s.strip_prefix('T')?.to_string()),
    })
}

impl Draft {
    /// Every field of the draft, in an order that rebuilds it: list rows
    /// before their members, list items in their order.
    pub fn fields(&self) -> Vec<(String, Input)> {
        let mut out: Vec<(String, Input)> = Vec::new();
        let mut text = |k: &str, v: &str| {
            if !v.is_empty() {
                out.push((k.to_string(), Input::Text(v.to_string())));
            }
        };
        text("title", &self.title);
        text("customer.category", &self.category);
        text("customer.business", &self.business);
        text("customer.change_kind", &self.change_kind);
        text("customer.voltage_kv", &self.voltage_kv);
        text("customer.capacity_kva", &self.capacity_kva);
        text("customer.capacity_kw", &self.capacity_kw);
        text("utility.operator", &self.operator);
        text("utility.province", &self.province);
        text("supply.sources", &self.sources);
        text("supply.load_grade", &self.load_grade);
        text("supply.hazards", &self.hazards);
        text("conduct.demanded_tier", &self.conduct.demanded_tier);
        text("outage.date", &self.outage.date);
        text("outage.notice_date", &self.outage.notice_date);
        text("convention", &self.convention);
        text("applicant.name", &self.applicant.name);
        text("applicant.address", &self.applicant.address);
        text("applicant.account", &self.applicant.account);
        text("applicant.counter", &self.applicant.counter);
        text("applicant.documents_due", &self.applicant.documents_due);
        for (f, v) in DATE_FIELDS.iter().zip(&self.dates) {
            text(&format!("dates.{}", f.key), v);
        }
        let flags = [
            ("customer.agent", self.agent),
            ("customer.government_project", self.government_project),
            ("customer.important", self.important),
            ("customer.special_load", self.special_load),
            ("customer.ownership_unclear", self.ownership_unclear),
            ("utility.one_id_acceptance", self.one_id_acceptance),
        ];
        let c = &self.conduct;
        let tris = [
            ("customer.external_works", self.external_works),
            ("supply.especially_important", self.especially_important),
            ("supply.dedicated_line", self.dedicated_line),
            (
                "supply.plan_mentions_self_emergency",
                self.plan_mentions_self_emergency,
            ),
            ("supply.separate_distribution", self.separate_distribution),
            (
                "conduct.utility_recommended_contractor",
                c.utility_recommended_contractor,
            ),
            (
                "conduct.written_notice_of_missing_documents",
                c.written_notice_of_missing_documents,
            ),
            ("conduct.defects_found", c.defects_found),
            (
                "conduct.defects_notified_in_writing",
                c.defects_notified_in_writing,
            ),
            ("conduct.stalled_without_notice", c.stalled_without_notice),
            ("conduct.gifts_or_banquets", c.gifts_or_banquets),
            ("conduct.unauthorised_fees", c.unauthorised_fees),
            ("conduct.plan_changed", c.plan_changed),
            ("outage.notice_served", self.outage.notice_served),
            ("outage.reminder_given", self.outage.reminder_given),
        ];
        out.extend(
            flags
                .iter()
                .filter(|(_, on)| *on)
                .map(|(k, _)| (k.to_string(), Input::Flag(true))),
        );
        out.extend(
            tris.iter()
                .filter(|(_, t)| t.is_some())
                .map(|(k, t)| (k.to_string(), Input::Tri(*t))),
        );
        // Check lists keep their order: `set` appends as it toggles on.
        out.extend(
            self.documents
                .iter()
                .map(|d| (format!("documents.{d}"), Input::Flag(true))),
        );
        // Rows: every member, even empty, so a row added but not yet
        // filled in survives a reload.
        fn rows<R>(
            out: &mut Vec<(String, Input)>,
            list: &str,
            items: &[R],
            members: impl Fn(&R) -> Vec<(&'static str, Input)>,
        ) {
            for (i, r) in items.iter().enumerate() {
                out.extend(
                    members(r)
                        .into_iter()
                        .map(|(m, v)| (format!("{list}.{i}.{m}"), v)),
                );
            }
        }
        let t = |s: &String| Input::Text(s.clone());
        rows(&mut out, "supply.circuits", &self.circuits, |r| {
            vec![
                ("substation", t(&r.substation)),
                ("bus_section", t(&r.bus_section)),
            ]
        });
        rows(&mut out, "supply.emergency_sources", &self.emergency, |r| {
            vec![
                ("type", t(&r.kind)),
                ("kw", t(&r.kw)),
                ("kva", t(&r.kva)),
                ("loads", t(&r.loads)),
            ]
        });
        rows(&mut out, "paused", &self.paused, |r| {
            vec![
                ("from", t(&r.from)),
                ("to", t(&r.to)),
                ("reason", t(&r.reason)),
            ]
        });
        rows(&mut out, "contractors", &self.contractors, |r| {
            vec![
                ("name", t(&r.name)),
                ("licensed", Input::Tri(r.licensed)),
                ("tier", t(&r.tier)),
                ("valid_until", t(&r.valid_until)),
                ("affiliate_of_utility", Input::Flag(r.affiliate_of_utility)),
            ]
        });
        // Check lists inside a contractor, after its row exists.
        for (i, r) in self.contractors.iter().enumerate() {
            for (list, items) in [("categories", &r.categories), ("activities", &r.activities)] {
                out.extend(
                    items
                        .iter()
                        .map(|a| (format!("contractors.{i}.{list}.{a}"), Input::Flag(true))),
                );
            }
        }
        out
    }

    /// Rebuild a draft from [`Draft::fields`]. Returns the keys it could not
    /// place (a list from another version of the app), so the caller can
    /// say so rather than drop them silently.
    pub fn from_fields(fields: impl IntoIterator<Item = (String, Input)>) -> (Draft, Vec<String>) {
        let fields: Vec<(String, Input)> = fields.into_iter().collect();
        // `fields()` writes every member of every row, so a list of n rows
        // takes at least n fields: an index at or past the number of fields
        // cannot come from this app. That bound lets any list the form can
        // hold come back (import and "+ add" have no fixed limit) while a
        // forged index like `contractors.999999999.name` cannot make the page
        // allocate more rows than the saved text has entries.
        let rows = fields.len();
        let mut d = Draft::default();
        let mut unplaced = Vec::new();
        for (key, input) in fields {
            d.make_row_for(&key, rows);
            if !d.set(&key, input) {
                unplaced.push(key);
            }
        }
        (d, unplaced)
    }

    /// Rows are created as their first member arrives (`supply.circuits.2.…`
    /// makes rows 0 to 2); an index of `limit` or more is refused (its field
    /// is then reported as unplaced).
    fn make_row_for(&mut self, key: &str, limit: usize) {
        fn grow<T: Default>(rows: &mut Vec<T>, i: &str, limit: usize) {
            if let Some(n) = i.parse::<usize>().ok().filter(|n| *n < limit) {
                if rows.len() <= n {
                    rows.resize_with(n + 1, T::default);
                }
            }
        }
        match key.splitn(4, '.').collect::<Vec<_>>().as_slice() {
            ["supply", "circuits", i, ..] => grow(&mut self.circuits, i, limit),
            ["supply", "emergency_sources", i, ..] => grow(&mut self.emergency, i, limit),
            ["paused", i, ..] => grow(&mut self.paused, i, limit),
            ["contractors", i, ..] => grow(&mut self.contractors, i, limit),
            _ => {}
        }
    }
}
