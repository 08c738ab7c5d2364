//! One field of the draft set from what a control produced.

use super::{DateField, Draft, Input};
use yekuo::case::Activity;

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
            ["dates", f] => match (DateField::index(f), text_of(input)) {
                (Some(i), Some(s)) => {
                    // A blank date is no date: nothing to save or read.
                    self.dates[i] = if s.trim().is_empty() {
                        String::new()
                    } else {
                        s
                    };
                    true
                }
                _ => false,
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
                "notice_served" => set_tri(&mut self.outage.notice_served, input),
                "reminder_given" => set_tri(&mut self.outage.reminder_given, input),
                _ => false,
            },
            ["convention"] => set_text(&mut self.convention, input),
            ["applicant", f] => {
                let a = &mut self.applicant;
                let slot = match *f {
                    "name" => &mut a.name,
                    "address" => &mut a.address,
                    "account" => &mut a.account,
                    "counter" => &mut a.counter,
                    "documents_due" => &mut a.documents_due,
                    _ => return false,
                };
                set_text(slot, input)
            }
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
            "capacity_kw" => set_text(&mut self.capacity_kw, input),
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
