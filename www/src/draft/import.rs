//! A case file turned back into a draft (import, restore link).

use super::{
    ApplicantDraft, CircuitDraft, ConductDraft, ContractorDraft, DateField, Draft, EmergencyDraft,
    OutageDraft, PauseDraft, DATE_FIELDS,
};
use yekuo::case::{Activity, Case, Convention, Sources};

impl Draft {
    /// The draft of an imported case: every value of the case, as text.
    pub fn from_case(case: &Case) -> Draft {
        let c = &case.customer;
        // Quantities from a case file (at most six decimals in any real one)
        // are written without float formatting (`decimal`).
        let num = |x: Option<f64>| {
            x.map(|v| yekuo::decimal::Decimal(v).to_string())
                .unwrap_or_default()
        };
        let small = |x: Option<u8>| x.map(|v| v.to_string()).unwrap_or_default();
        let acts = |v: &[Activity]| v.iter().map(|a| a.as_str().to_string()).collect();
        let mut dates = <[String; DATE_FIELDS.len()]>::default();
        for (k, d) in case.dates.given() {
            if let Some(i) = DateField::index(k) {
                dates[i] = d.to_string();
            }
        }
        Draft {
            title: case.title.clone().unwrap_or_default(),
            category: c.category.as_str().to_string(),
            business: c.business.as_str().to_string(),
            change_kind: c.change_kind.clone().unwrap_or_default(),
            voltage_kv: num(c.voltage_kv),
            capacity_kva: num(c.capacity_kva),
            capacity_kw: num(c.capacity_kw),
            agent: c.agent,
            government_project: c.government_project,
            important: c.important,
            special_load: c.special_load,
            ownership_unclear: c.ownership_unclear,
            external_works: c.external_works,
            operator: case.utility.operator.as_str().to_string(),
            one_id_acceptance: case.utility.one_id_acceptance,
            province: case.utility.province.clone().unwrap_or_default(),
            // The form's "don't know" is the empty choice.
            sources: match case.supply.sources {
                Sources::Unknown => String::new(),
                known => known.as_str().into(),
            },
            load_grade: small(case.supply.load_grade),
            especially_important: case.supply.especially_important,
            hazards: case.supply.hazards.join("\n"),
            circuits: case
                .supply
                .circuits
                .iter()
                .map(|c| CircuitDraft {
                    substation: c.substation.clone(),
                    bus_section: c.bus_section.clone(),
                })
                .collect(),
            dedicated_line: case.supply.dedicated_line,
            emergency: case
                .supply
                .emergency_sources
                .iter()
                .map(|e| EmergencyDraft {
                    kind: e.kind.as_str().into(),
                    kw: num(e.kw),
                    kva: num(e.kva),
                    loads: e.loads.clone().unwrap_or_default(),
                })
                .collect(),
            plan_mentions_self_emergency: case.supply.plan_mentions_self_emergency,
            separate_distribution: case.supply.separate_distribution,
            documents: case.documents.clone(),
            dates,
            paused: case
                .paused
                .iter()
                .map(|p| PauseDraft {
                    from: p.from.to_string(),
                    to: p.to.to_string(),
                    reason: p.reason.clone().unwrap_or_default(),
                })
                .collect(),
            contractors: case
                .contractors
                .iter()
                .map(|k| ContractorDraft {
                    name: k.name.clone().unwrap_or_default(),
                    licensed: k.licensed,
                    tier: small(k.tier),
                    categories: acts(&k.categories),
                    activities: acts(&k.activities),
                    valid_until: k.valid_until.map(|d| d.to_string()).unwrap_or_default(),
                    affiliate_of_utility: k.affiliate_of_utility,
                })
                .collect(),
            conduct: ConductDraft {
                utility_recommended_contractor: case.conduct.utility_recommended_contractor,
                written_notice_of_missing_documents: case
                    .conduct
                    .written_notice_of_missing_documents,
                defects_found: case.conduct.defects_found,
                defects_notified_in_writing: case.conduct.defects_notified_in_writing,
                stalled_without_notice: case.conduct.stalled_without_notice,
                gifts_or_banquets: case.conduct.gifts_or_banquets,
                unauthorised_fees: case.conduct.unauthorised_fees,
                demanded_tier: small(case.conduct.demanded_tier),
                plan_changed: case.conduct.plan_changed,
            },
            outage: case
                .outage
                .as_ref()
                .map(|o| OutageDraft {
                    date: o.date.to_string(),
                    notice_date: o.notice_date.map(|d| d.to_string()).unwrap_or_default(),
                    notice_served: o.notice_served,
                    reminder_given: o.reminder_given,
                })
                .unwrap_or_default(),
            applicant: case
                .applicant
                .as_ref()
                .map(|a| {
                    let text = |v: &Option<String>| v.clone().unwrap_or_default();
                    ApplicantDraft {
                        name: text(&a.name),
                        address: text(&a.address),
                        account: text(&a.account),
                        counter: text(&a.counter),
                        documents_due: a.documents_due.map(|d| d.to_string()).unwrap_or_default(),
                    }
                })
                .unwrap_or_default(),
            // The default convention is the empty choice.
            convention: match case.convention {
                Convention::ExcludeStart => String::new(),
                other => other.as_str().into(),
            },
        }
    }
}
