//! The form's contents as the user typed them.
//!
//! A [`Draft`] keeps raw text for every field, so a half-typed or invalid
//! value is never thrown away: it is saved, restored and shown back with its
//! error. [`Draft::check`] turns it into a core [`Case`], ignoring (and
//! reporting) the fields that cannot be read, so results stay live while the
//! user fixes one field.
//!
//! Field keys are the case file's JSON paths (`customer.voltage_kv`,
//! `dates.accepted`, `contractors.0.tier` …). The same key names the form
//! control (`id = field_id(key)`), the error in the summary and the core's
//! [`yekuo::case::CaseError::field`], so an error always links to its field.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use yekuo::case::{
    Activity, Business, Case, Category, Circuit, Conduct, Contractor, Convention, Customer, Dates,
    EmergencyKind, EmergencySource, Outage, Pause, Sources, Supply, Utility, FORMAT,
};

/// The milestone dates the form offers, in process order, with their labels.
/// `hv_only` steps (design review, mid-term check) are not shown to low-voltage customers.
pub const DATE_FIELDS: &[DateField] = &[
    DateField::new(
        "accepted",
        "申请受理日期",
        "Application accepted",
        false,
        false,
    ),
    DateField::new(
        "plan_issued",
        "供电方案答复日期",
        "Supply plan answered",
        false,
        false,
    ),
    DateField::new(
        "plan_signed",
        "签收供电方案日期",
        "Supply plan signed for",
        false,
        true,
    ),
    DateField::new(
        "design_submitted",
        "提交设计文件日期",
        "Design submitted",
        true,
        false,
    ),
    DateField::new(
        "design_reviewed",
        "设计审核答复日期",
        "Design review answered",
        true,
        false,
    ),
    DateField::new(
        "mid_check_requested",
        "申请中间检查日期",
        "Mid-term check requested",
        true,
        false,
    ),
    DateField::new(
        "mid_check_started",
        "中间检查日期",
        "Mid-term check done",
        true,
        false,
    ),
    DateField::new(
        "construction_start",
        "工程开工日期",
        "Construction started",
        false,
        false,
    ),
    DateField::new(
        "completion_requested",
        "报竣工(申请验收)日期",
        "Completion reported",
        false,
        false,
    ),
    DateField::new(
        "inspected",
        "竣工检验日期",
        "Completion inspected",
        false,
        false,
    ),
    DateField::new(
        "inspection_passed",
        "检验合格日期",
        "Inspection passed",
        false,
        true,
    ),
    DateField::new(
        "formalities",
        "合同签订、费用结清日期",
        "Contract signed and fees paid",
        false,
        true,
    ),
    DateField::new(
        "formalities_latest",
        "手续最晚办结日期",
        "Formalities completed at the latest",
        false,
        true,
    ),
    DateField::new(
        "power_on",
        "装表接电日期",
        "Meter installed, power on",
        false,
        false,
    ),
    DateField::new(
        "extension_requested",
        "申请方案延期日期",
        "Plan extension requested",
        true,
        true,
    ),
    DateField::new(
        "extension_granted_until",
        "方案延期至",
        "Plan extended until",
        true,
        true,
    ),
];

pub struct DateField {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Only high-voltage customers have this step.
    pub hv_only: bool,
    /// Asked in clerk mode only.
    pub clerk_only: bool,
}

impl DateField {
    const fn new(
        key: &'static str,
        zh: &'static str,
        en: &'static str,
        hv_only: bool,
        clerk_only: bool,
    ) -> Self {
        DateField {
            key,
            zh,
            en,
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
    /// Milestone key (see [`DATE_FIELDS`]) → text as entered.
    pub dates: BTreeMap<String, String>,
    pub paused: Vec<PauseDraft>,
    pub contractors: Vec<ContractorDraft>,
    pub conduct: ConductDraft,
    pub outage: OutageDraft,
    pub convention: String,
}

/// A planned outage and its notice (OTH-03), as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutageDraft {
    pub date: String,
    pub notice_date: String,
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

fn text_of(input: Input) -> Option<String> {
    match input {
        Input::Text(s) => Some(s),
        _ => None,
    }
}

fn tri_of(input: &Input) -> Option<Option<bool>> {
    match input {
        Input::Tri(t) => Some(*t),
        _ => None,
    }
}

fn toggle(list: &mut Vec<String>, item: &str, on: bool) {
    list.retain(|x| x != item);
    if on {
        list.push(item.to_string());
    }
}

impl Draft {
    /// Nothing entered at all (a wiped kiosk, a fresh page).
    pub fn is_empty(&self) -> bool {
        *self == Draft::default()
    }

    /// Set one field. Returns false for a key the draft does not have, so a
    /// typo in the view is caught by the tests rather than silently ignored.
    pub fn set(&mut self, key: &str, input: Input) -> bool {
        let parts: Vec<&str> = key.split('.').collect();
        match parts.as_slice() {
            ["title"] => set_text(&mut self.title, input),
            ["customer", f] => self.set_customer(f, input),
            ["utility", "operator"] => set_text(&mut self.operator, input),
            ["utility", "one_id_acceptance"] => set_flag(&mut self.one_id_acceptance, input),
            ["utility", "province"] => set_text(&mut self.province, input),
            ["supply", f] => self.set_supply(f, input),
            ["supply", "circuits", i, f] => {
                let Some(c) = index(&mut self.circuits, i) else {
                    return false;
                };
                match *f {
                    "substation" => set_text(&mut c.substation, input),
                    "bus_section" => set_text(&mut c.bus_section, input),
                    _ => false,
                }
            }
            ["supply", "emergency_sources", i, f] => {
                let Some(e) = index(&mut self.emergency, i) else {
                    return false;
                };
                match *f {
                    "type" => set_text(&mut e.kind, input),
                    "kw" => set_text(&mut e.kw, input),
                    "kva" => set_text(&mut e.kva, input),
                    "loads" => set_text(&mut e.loads, input),
                    _ => false,
                }
            }
            ["documents", code] => match input {
                Input::Flag(on) => {
                    toggle(&mut self.documents, code, on);
                    true
                }
                _ => false,
            },
            ["dates", f] if DATE_FIELDS.iter().any(|d| d.key == *f) => match text_of(input) {
                Some(s) if s.trim().is_empty() => {
                    self.dates.remove(*f);
                    true
                }
                Some(s) => {
                    self.dates.insert((*f).to_string(), s);
                    true
                }
                None => false,
            },
            ["paused", i, f] => {
                let Some(p) = index(&mut self.paused, i) else {
                    return false;
                };
                match *f {
                    "from" => set_text(&mut p.from, input),
                    "to" => set_text(&mut p.to, input),
                    "reason" => set_text(&mut p.reason, input),
                    _ => false,
                }
            }
            ["contractors", i, f] => {
                let Some(c) = index(&mut self.contractors, i) else {
                    return false;
                };
                match *f {
                    "name" => set_text(&mut c.name, input),
                    "licensed" => set_tri(&mut c.licensed, input),
                    "tier" => set_text(&mut c.tier, input),
                    "valid_until" => set_text(&mut c.valid_until, input),
                    "affiliate_of_utility" => set_flag(&mut c.affiliate_of_utility, input),
                    _ => false,
                }
            }
            ["contractors", i, list @ ("categories" | "activities"), act] => {
                let Some(c) = index(&mut self.contractors, i) else {
                    return false;
                };
                if Activity::parse(act).is_none() {
                    return false;
                }
                let target = if *list == "categories" {
                    &mut c.categories
                } else {
                    &mut c.activities
                };
                match input {
                    Input::Flag(on) => {
                        toggle(target, act, on);
                        true
                    }
                    _ => false,
                }
            }
            ["conduct", f] => self.set_conduct(f, input),
            ["outage", f] => match *f {
                "date" => set_text(&mut self.outage.date, input),
                "notice_date" => set_text(&mut self.outage.notice_date, input),
                "reminder_given" => set_tri(&mut self.outage.reminder_given, input),
                _ => false,
            },
            ["convention"] => set_text(&mut self.convention, input),
            _ => false,
        }
    }

    fn set_customer(&mut self, f: &str, input: Input) -> bool {
        match f {
            "category" => set_text(&mut self.category, input),
            "business" => set_text(&mut self.business, input),
            "change_kind" => set_text(&mut self.change_kind, input),
            "voltage_kv" => set_text(&mut self.voltage_kv, input),
            "capacity_kva" => set_text(&mut self.capacity_kva, input),
            "agent" => set_flag(&mut self.agent, input),
            "government_project" => set_flag(&mut self.government_project, input),
            "important" => set_flag(&mut self.important, input),
            "special_load" => set_flag(&mut self.special_load, input),
            "ownership_unclear" => set_flag(&mut self.ownership_unclear, input),
            "external_works" => set_tri(&mut self.external_works, input),
            _ => false,
        }
    }

    fn set_supply(&mut self, f: &str, input: Input) -> bool {
        match f {
            "sources" => set_text(&mut self.sources, input),
            "load_grade" => set_text(&mut self.load_grade, input),
            "especially_important" => set_tri(&mut self.especially_important, input),
            "hazards" => set_text(&mut self.hazards, input),
            "dedicated_line" => set_tri(&mut self.dedicated_line, input),
            "plan_mentions_self_emergency" => {
                set_tri(&mut self.plan_mentions_self_emergency, input)
            }
            "separate_distribution" => set_tri(&mut self.separate_distribution, input),
            _ => false,
        }
    }

    fn set_conduct(&mut self, f: &str, input: Input) -> bool {
        let c = &mut self.conduct;
        let slot = match f {
            "demanded_tier" => return set_text(&mut c.demanded_tier, input),
            "utility_recommended_contractor" => &mut c.utility_recommended_contractor,
            "written_notice_of_missing_documents" => &mut c.written_notice_of_missing_documents,
            "defects_found" => &mut c.defects_found,
            "defects_notified_in_writing" => &mut c.defects_notified_in_writing,
            "stalled_without_notice" => &mut c.stalled_without_notice,
            "gifts_or_banquets" => &mut c.gifts_or_banquets,
            "unauthorised_fees" => &mut c.unauthorised_fees,
            "plan_changed" => &mut c.plan_changed,
            _ => return false,
        };
        set_tri(slot, input)
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

    /// Read the draft as a case. Fields that cannot be read are left out of
    /// the case and listed in `errors`; the rest is evaluated as usual.
    pub fn check(&self) -> Checked {
        let mut r = Reader::default();
        let (Some(category), Some(business)) = (self.category(), self.business()) else {
            return Checked {
                case: None,
                errors: Vec::new(),
            };
        };
        let voltage_kv = r.number("customer.voltage_kv", &self.voltage_kv, "电压", "voltage");
        let voltage_kv = voltage_kv.filter(|&kv| {
            let lv = category != Category::HighVoltage;
            let ok = if lv { kv < 1.0 } else { kv >= 1.0 };
            if !ok {
                r.error(
                    "customer.voltage_kv",
                    if lv {
                        format!("低压客户的电压应为 0.22 或 0.38 千伏，而不是 {kv} 千伏；如为高压请改选\"高压客户\"")
                    } else {
                        format!("高压客户的电压应在 1 千伏以上(如 10 千伏)，而不是 {kv} 千伏")
                    },
                    if lv {
                        format!("A low-voltage customer is supplied at 0.22 or 0.38 kV, not {kv} kV; choose high voltage if that is the case")
                    } else {
                        format!("A high-voltage customer is supplied at 1 kV or more (e.g. 10 kV), not {kv} kV")
                    },
                );
            }
            ok
        });
        let capacity_kva = r.number(
            "customer.capacity_kva",
            &self.capacity_kva,
            "容量",
            "capacity",
        );
        let load_grade = r.small(
            "supply.load_grade",
            &self.load_grade,
            1..=3,
            "负荷等级",
            "load grade",
        );
        let contractors = self
            .contractors
            .iter()
            .enumerate()
            .map(|(i, c)| Contractor {
                name: non_empty(&c.name),
                licensed: c.licensed,
                tier: r.small(
                    &format!("contractors.{i}.tier"),
                    &c.tier,
                    1..=5,
                    "许可证等级",
                    "licence tier",
                ),
                categories: activities(&c.categories),
                activities: activities(&c.activities),
                valid_until: r.date(&format!("contractors.{i}.valid_until"), &c.valid_until),
                affiliate_of_utility: c.affiliate_of_utility,
            })
            .collect();
        let mut dates = Dates::default();
        for f in DATE_FIELDS {
            if let Some(text) = self.dates.get(f.key) {
                let d = r.date(&format!("dates.{}", f.key), text);
                set_date(&mut dates, f.key, d);
            }
        }
        let paused = self
            .paused
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let from = r.date(&format!("paused.{i}.from"), &p.from);
                let to = r.date(&format!("paused.{i}.to"), &p.to);
                Some(Pause {
                    from: from?,
                    to: to?,
                    reason: non_empty(&p.reason),
                })
            })
            .collect();
        let emergency_sources = self
            .emergency
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let kind = EmergencyKind::parse(&e.kind)?;
                Some(EmergencySource {
                    kind,
                    kw: r.number(
                        &format!("supply.emergency_sources.{i}.kw"),
                        &e.kw,
                        "功率",
                        "power",
                    ),
                    kva: r.number(
                        &format!("supply.emergency_sources.{i}.kva"),
                        &e.kva,
                        "容量",
                        "capacity",
                    ),
                    loads: non_empty(&e.loads),
                })
            })
            .collect();
        let demanded_tier = r.small(
            "conduct.demanded_tier",
            &self.conduct.demanded_tier,
            1..=5,
            "许可证等级",
            "licence tier",
        );
        let o = &self.outage;
        let outage_date = r.date("outage.date", &o.date);
        let notice_date = r.date("outage.notice_date", &o.notice_date);
        if outage_date.is_none() && o.date.trim().is_empty() && !o.is_empty() {
            r.error(
                "outage.date",
                "请填写停电日期，才能核对停电通知是否及时。",
                "Give the outage date, so the notice can be checked.",
            );
        }
        let outage = outage_date.map(|date| Outage {
            date,
            notice_date,
            reminder_given: o.reminder_given,
        });
        let c = &self.conduct;
        let mut case = Case {
            format: FORMAT.to_string(),
            title: non_empty(&self.title),
            customer: Customer {
                category,
                business,
                change_kind: non_empty(&self.change_kind),
                voltage_kv,
                capacity_kva,
                agent: self.agent,
                government_project: self.government_project,
                important: self.important,
                special_load: self.special_load,
                ownership_unclear: self.ownership_unclear,
                external_works: self.external_works,
            },
            utility: Utility {
                operator: non_empty(&self.operator).unwrap_or_else(|| Utility::default().operator),
                one_id_acceptance: self.one_id_acceptance,
                province: non_empty(&self.province),
            },
            supply: Supply {
                sources: self.sources(),
                load_grade,
                especially_important: self.especially_important,
                hazards: self.hazards.lines().filter_map(non_empty).collect(),
                circuits: self
                    .circuits
                    .iter()
                    .filter(|c| !c.substation.trim().is_empty() || !c.bus_section.trim().is_empty())
                    .map(|c| Circuit {
                        substation: c.substation.trim().to_string(),
                        bus_section: c.bus_section.trim().to_string(),
                    })
                    .collect(),
                dedicated_line: self.dedicated_line,
                emergency_sources,
                plan_mentions_self_emergency: self.plan_mentions_self_emergency,
                separate_distribution: self.separate_distribution,
            },
            documents: self.documents.clone(),
            dates,
            paused,
            contractors,
            conduct: Conduct {
                utility_recommended_contractor: c.utility_recommended_contractor,
                written_notice_of_missing_documents: c.written_notice_of_missing_documents,
                defects_found: c.defects_found,
                defects_notified_in_writing: c.defects_notified_in_writing,
                stalled_without_notice: c.stalled_without_notice,
                gifts_or_banquets: c.gifts_or_banquets,
                unauthorised_fees: c.unauthorised_fees,
                demanded_tier,
                plan_changed: c.plan_changed,
            },
            outage,
            convention: Convention::parse(&self.convention).unwrap_or_default(),
        };
        // Cross-field checks belong to the core. Each failure blanks the field
        // it names (so the rest still evaluates) and is reported; the loop
        // ends because every round removes one value.
        for _ in 0..64 {
            let Err(e) = case.check() else { break };
            if !blank(&mut case, &e.field) {
                r.error(&e.field, e.message_zh, e.message_en);
                break;
            }
            r.error(&e.field, e.message_zh, e.message_en);
        }
        Checked {
            case: Some(case),
            errors: r.errors,
        }
    }

    /// The draft of an imported case: every value of the case, as text.
    pub fn from_case(case: &Case) -> Draft {
        let c = &case.customer;
        let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
        let small = |x: Option<u8>| x.map(|v| v.to_string()).unwrap_or_default();
        let acts = |v: &[Activity]| v.iter().map(|a| a.as_str().to_string()).collect();
        Draft {
            title: case.title.clone().unwrap_or_default(),
            category: c.category.as_str().to_string(),
            business: c.business.as_str().to_string(),
            change_kind: c.change_kind.clone().unwrap_or_default(),
            voltage_kv: num(c.voltage_kv),
            capacity_kva: num(c.capacity_kva),
            agent: c.agent,
            government_project: c.government_project,
            important: c.important,
            special_load: c.special_load,
            ownership_unclear: c.ownership_unclear,
            external_works: c.external_works,
            operator: case.utility.operator.clone(),
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
            dates: case
                .dates
                .given()
                .into_iter()
                .map(|(k, d)| (k.to_string(), d.to_string()))
                .collect(),
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
                    reminder_given: o.reminder_given,
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

fn activities(v: &[String]) -> Vec<Activity> {
    v.iter().filter_map(|a| Activity::parse(a)).collect()
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn index<'a, T>(v: &'a mut [T], i: &str) -> Option<&'a mut T> {
    i.parse::<usize>().ok().and_then(move |i| v.get_mut(i))
}

fn set_text(slot: &mut String, input: Input) -> bool {
    text_of(input).map(|s| *slot = s).is_some()
}

fn set_flag(slot: &mut bool, input: Input) -> bool {
    match input {
        Input::Flag(b) => {
            *slot = b;
            true
        }
        _ => false,
    }
}

fn set_tri(slot: &mut Option<bool>, input: Input) -> bool {
    tri_of(&input).map(|t| *slot = t).is_some()
}

fn set_date(dates: &mut Dates, key: &str, d: Option<NaiveDate>) {
    let slot = match key {
        "accepted" => &mut dates.accepted,
        "plan_issued" => &mut dates.plan_issued,
        "plan_signed" => &mut dates.plan_signed,
        "design_submitted" => &mut dates.design_submitted,
        "design_reviewed" => &mut dates.design_reviewed,
        "mid_check_requested" => &mut dates.mid_check_requested,
        "mid_check_started" => &mut dates.mid_check_started,
        "construction_start" => &mut dates.construction_start,
        "completion_requested" => &mut dates.completion_requested,
        "inspected" => &mut dates.inspected,
        "inspection_passed" => &mut dates.inspection_passed,
        "formalities" => &mut dates.formalities,
        "formalities_latest" => &mut dates.formalities_latest,
        "power_on" => &mut dates.power_on,
        "extension_requested" => &mut dates.extension_requested,
        "extension_granted_until" => &mut dates.extension_granted_until,
        _ => return,
    };
    *slot = d;
}

/// Remove the value a core error names, so the rest of the case still evaluates.
fn blank(case: &mut Case, field: &str) -> bool {
    if let Some(key) = field.strip_prefix("dates.") {
        set_date(&mut case.dates, key, None);
        return true;
    }
    if let Some(rest) = field.strip_prefix("paused[") {
        if let Some(i) = rest.split(']').next().and_then(|i| i.parse::<usize>().ok()) {
            if i < case.paused.len() {
                case.paused.remove(i);
                return true;
            }
        }
    }
    false
}

/// Collects field errors while reading text values.
#[derive(Default)]
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    fn error(&mut self, field: &str, zh: impl Into<String>, en: impl Into<String>) {
        // The core names list items `paused[0].to`; the form uses `paused.0.to`.
        let field = field.replace('[', ".").replace(']', "");
        self.errors.push(FieldError {
            field,
            zh: zh.into(),
            en: en.into(),
        });
    }

    fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match yekuo::day::read_case_day(t) {
            Ok(d) => Some(d),
            Err(yekuo::day::DayError::OutOfRange(d)) => {
                self.error(
                    field,
                    format!("{d} 超出可计算范围；请填写 1900 至 2100 年之间的日期"),
                    format!("{d} is out of range; give a date between 1900 and 2100"),
                );
                None
            }
            Err(yekuo::day::DayError::NotADate) => {
                self.error(
                    field,
                    format!("\"{t}\" 不是有效日期；请按 年-月-日 填写，例如 2010-06-15"),
                    format!("\"{t}\" is not a real date; write YYYY-MM-DD, e.g. 2010-06-15"),
                );
                None
            }
        }
    }

    fn number(&mut self, field: &str, text: &str, zh: &str, en: &str) -> Option<f64> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match t.parse::<f64>() {
            Ok(x) if x.is_finite() && x > 0.0 && x <= 1_000_000.0 => Some(x),
            _ => {
                self.error(
                    field,
                    format!("{zh}\"{t}\"无效；请填写大于 0、不超过 1000000 的数字"),
                    format!(
                        "The {en} \"{t}\" is not valid; give a number above 0 and at most 1000000"
                    ),
                );
                None
            }
        }
    }

    fn small(
        &mut self,
        field: &str,
        text: &str,
        allowed: std::ops::RangeInclusive<u8>,
        zh: &str,
        en: &str,
    ) -> Option<u8> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        match t.parse::<u8>() {
            Ok(x) if allowed.contains(&x) => Some(x),
            _ => {
                let (lo, hi) = (allowed.start(), allowed.end());
                self.error(
                    field,
                    format!("{zh}\"{t}\"无效；允许 {lo} 至 {hi}"),
                    format!("The {en} \"{t}\" is not valid; allowed: {lo} to {hi}"),
                );
                None
            }
        }
    }
}
