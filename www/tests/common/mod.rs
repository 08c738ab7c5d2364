//! What several test files share: a draft with every field set, and the
//! cases the repository holds (golden cases with their variants, examples).
#![allow(dead_code)] // each test file uses its own part

#[path = "../../../tests/golden_support/mod.rs"]
mod golden_support;

use chrono::NaiveDate;
use serde_json::Value as Json;
use std::path::Path;
use yekuo::case::{parse_case, Case};
use yekuo_www::draft::{
    ApplicantDraft, CircuitDraft, ConductDraft, ContractorDraft, Draft, EmergencyDraft,
    OutageDraft, PauseDraft, DATE_FIELDS,
};

fn s(v: &str) -> String {
    v.to_string()
}

/// A draft with every field set. A struct literal on purpose: a field added
/// to the draft does not compile here until it is given a value, and then
/// the round trip below fails until `Draft::fields` lists it.
pub fn every_field() -> Draft {
    Draft {
        title: s("全字段 \"测试\"\n第二行"),
        category: s("high-voltage"),
        business: s("increase"),
        change_kind: s("split"),
        voltage_kv: s("110"),
        capacity_kva: s("31500 千伏安?"),
        capacity_kw: s("8 千瓦?"),
        agent: true,
        government_project: true,
        important: true,
        special_load: true,
        ownership_unclear: true,
        external_works: Some(false),
        operator: s("CSG"),
        one_id_acceptance: true,
        province: s("广西"),
        sources: s("dual"),
        load_grade: s("1"),
        especially_important: Some(true),
        hazards: s("淹没\n中毒"),
        circuits: vec![
            CircuitDraft {
                substation: s("A"),
                bus_section: s("I"),
            },
            CircuitDraft::default(),
            CircuitDraft {
                substation: s("B"),
                bus_section: s(""),
            },
        ],
        dedicated_line: Some(false),
        emergency: vec![EmergencyDraft {
            kind: s("ups"),
            kw: s("x"),
            kva: s("50"),
            loads: s("闸门"),
        }],
        plan_mentions_self_emergency: Some(false),
        separate_distribution: Some(true),
        documents: vec![s("D-PROP"), s("D-ID")],
        dates: std::array::from_fn(|i| match DATE_FIELDS[i].key {
            "accepted" => s("2009-01-12"),
            "power_on" => s("2010-13-40"),
            _ => String::new(),
        }),
        paused: vec![PauseDraft {
            from: s("2010-01-01"),
            to: s("bad"),
            reason: s("客户原因"),
        }],
        contractors: vec![
            ContractorDraft::default(),
            ContractorDraft {
                name: s("多经企业"),
                licensed: Some(true),
                tier: s("4"),
                categories: vec![s("test"), s("install")],
                activities: vec![s("repair")],
                valid_until: s("2012-01-01"),
                affiliate_of_utility: true,
            },
        ],
        conduct: ConductDraft {
            utility_recommended_contractor: Some(true),
            written_notice_of_missing_documents: Some(false),
            defects_found: Some(true),
            defects_notified_in_writing: Some(false),
            stalled_without_notice: Some(true),
            gifts_or_banquets: Some(true),
            unauthorised_fees: Some(false),
            demanded_tier: s("2"),
            plan_changed: Some(true),
        },
        outage: OutageDraft {
            date: s("2021-03-04"),
            notice_date: s("2021-03-01"),
            notice_served: Some(true),
            reminder_given: Some(true),
        },
        convention: s("deemed-next-workday"),
        applicant: ApplicantDraft {
            name: s("张三"),
            address: s("某市某路 1 号"),
            account: s("0012345678"),
            counter: s("城东营业厅"),
            documents_due: s("2021-03-20"),
        },
    }
}

/// Every case the repository holds, with the day to evaluate it on: each
/// golden case and each of its variants (on the golden file's day), and
/// each example case file (on `examples_on`).
pub fn all_cases(examples_on: NaiveDate) -> Vec<(String, Case, NaiveDate)> {
    let root = golden_support::root();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let mut out = Vec::new();
    let mut add = |name: String, json: &Json, on: NaiveDate| {
        let case = parse_case(&json.to_string()).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name, case, on));
    };
    for (name, json, on) in golden_support::scenario_cases() {
        add(name, &json, on);
    }
    let mut examples: Vec<_> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    examples.sort();
    for path in examples {
        let json: Json = serde_json::from_str(&read(&path)).unwrap();
        add(path.display().to_string(), &json, examples_on);
    }
    out
}
