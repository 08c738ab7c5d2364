//! The guided form. It asks only what matters for this case: a resident
//! never sees power-source questions, and the conduct questions are for
//! clerks. Each section is a function of the state.

use super::widgets::Ui;
use crate::draft::{field_id, ContractorDraft, Draft, DATE_FIELDS};
use crate::labels::{GRADE_OPTIONS, TIER_OPTIONS as TIERS, VOLTAGE_OPTIONS_HV, VOLTAGE_OPTIONS_LV};
use crate::state::{Action, List, Mode, State};
use yekuo::case::{Activity, Business, Category, Convention, EmergencyKind, Operator, Sources};
use yekuo::eval::ChecklistItem;
use yekuo::vocab::Need;
use yew::prelude::*;

/// The form's words for each customer category (the codes are the case
/// format's, from `Category::ALL`).
pub(super) fn category_label(c: Category) -> (&'static str, &'static str) {
    match c {
        Category::Resident => ("居民客户(家庭用电)", "Resident (household)"),
        Category::LvNonresident => (
            "低压非居民客户(商铺、小企业等)",
            "Low-voltage non-resident (shops, small firms)",
        ),
        Category::HighVoltage => (
            "高压客户(10千伏及以上)",
            "High-voltage customer (10 kV and above)",
        ),
    }
}

pub(super) fn business_label(b: Business) -> (&'static str, &'static str) {
    match b {
        Business::New => ("新装", "New connection"),
        Business::Increase => ("增容", "Capacity increase"),
        Business::Temporary => ("临时用电", "Temporary supply"),
        Business::Change => (
            "变更用电(过户、分户等)",
            "Change of use (transfer, split …)",
        ),
    }
}

pub(super) fn operator_label(o: Operator) -> (&'static str, &'static str) {
    match o {
        Operator::Sgcc => ("国家电网", "State Grid (SGCC)"),
        Operator::Csg => ("南方电网", "China Southern Grid"),
        Operator::Other => ("其他(地方电网等)", "Other (local grid …)"),
    }
}

/// "Don't know" is the form's empty choice for the sources.
fn sources_code(s: Sources) -> &'static str {
    match s {
        Sources::Unknown => "",
        known => known.as_str(),
    }
}

fn sources_label(s: Sources) -> (&'static str, &'static str) {
    match s {
        Sources::Unknown => ("不清楚", "Don't know"),
        Sources::Single => ("单电源", "Single source"),
        Sources::Dual => ("双(多)电源", "Dual (multiple) sources"),
    }
}

/// The default convention is the form's empty choice (as the draft keeps it).
fn convention_code(c: Convention) -> &'static str {
    match c {
        Convention::ExcludeStart => "",
        other => other.as_str(),
    }
}

fn convention_label(c: Convention) -> (&'static str, &'static str) {
    match c {
        Convention::ExcludeStart => ("起始日不计入(默认)", "Start day not counted (default)"),
        Convention::DeemedNextWorkday => (
            "休息日收到视为下一工作日收到",
            "Received on a rest day = next working day",
        ),
    }
}

fn emergency_label(k: EmergencyKind) -> (&'static str, &'static str) {
    match k {
        EmergencyKind::Generator => ("柴油发电机", "Generator"),
        EmergencyKind::Ups => ("UPS", "UPS"),
        EmergencyKind::Eps => ("EPS", "EPS"),
        EmergencyKind::Battery => ("蓄电池", "Battery"),
        EmergencyKind::DedicatedFeeder => ("独立专用馈线", "Dedicated feeder"),
    }
}

fn activity_label(a: Activity) -> (&'static str, &'static str) {
    match a {
        Activity::Install => ("承装", "Install"),
        Activity::Repair => ("承修", "Repair"),
        Activity::Test => ("承试", "Test"),
    }
}

/// `(code, Chinese, English)` options for a closed vocabulary.
fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> (&'static str, &'static str),
) -> Vec<(&'static str, &'static str, &'static str)> {
    all.iter()
        .map(|&v| {
            let (zh, en) = label(v);
            (code(v), zh, en)
        })
        .collect()
}

pub fn form(state: &State, ui: &Ui, checklist: &[ChecklistItem]) -> Html {
    let d = &state.draft;
    let clerk = state.mode == Mode::Clerk;
    let chosen = !d.category.is_empty() && !d.business.is_empty();
    html! {
        <form class="case-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            // The day everything is counted to comes first: an old case
            // read against today says "已过 6152 天".
            if clerk { { as_of(state, ui) } }
            { who(d, ui, clerk) }
            if chosen {
                { project(d, ui, clerk) }
                { documents(d, ui, checklist) }
                { dates(state, ui) }
                { contractors(d, ui, clerk) }
                if clerk { { conduct(d, ui) } }
                // A customer sees the outage questions only when an imported
                // case carries one (so its findings can link to them).
                if clerk || !d.outage.is_empty() { { outage(d, ui) } }
                if clerk { { applicant(d, ui) } }
            } else {
                <p class="next-hint">{ui.t("请先选择客户类别和业务类型，再继续填写。", "Choose the customer category and the business first.")}</p>
            }
        </form>
    }
}

fn section(id: &str, title: &str, body: Html) -> Html {
    html! {
        <section class="form-section" aria-labelledby={format!("{id}-h")}>
            <h2 id={format!("{id}-h")}>{title.to_string()}</h2>
            {body}
        </section>
    }
}

fn who(d: &Draft, ui: &Ui, clerk: bool) -> Html {
    let hv = d.category() == Some(Category::HighVoltage);
    let body = html! { <>
        { ui.radios("customer.category", &d.category, &options(Category::ALL, Category::as_str, category_label)) }
        { ui.radios("customer.business", &d.business, &options(Business::ALL, Business::as_str, business_label)) }
        if d.business() == Some(Business::Change) {
            { ui.text("customer.change_kind", &d.change_kind, "text", Some(("例如: 过户、分户、减容", "e.g. transfer, split, reduction"))) }
        }
        { ui.check("customer.agent", d.agent) }
        if d.category() == Some(Category::Resident) && d.business() == Some(Business::Increase) {
            { ui.check("customer.ownership_unclear", d.ownership_unclear) }
        }
        if hv {
            { ui.check("customer.government_project", d.government_project) }
            { ui.check("customer.important", d.important) }
        }
        if hv && clerk {
            { ui.check("customer.special_load", d.special_load) }
        }
        { ui.select("utility.operator", if d.operator.is_empty() { Operator::default().as_str() } else { &d.operator }, &options(Operator::ALL, Operator::as_str, operator_label)) }
        if d.category() == Some(Category::Resident) {
            { ui.check("utility.one_id_acceptance", d.one_id_acceptance) }
        }
        if clerk {
            { ui.text("utility.province", &d.province, "text", None) }
            { ui.text("title", &d.title, "text", None) }
        }
    </> };
    section(
        "who",
        ui.t("1. 申请人与业务", "1. Applicant and business"),
        body,
    )
}

fn project(d: &Draft, ui: &Ui, clerk: bool) -> Html {
    let hv = d.category() == Some(Category::HighVoltage);
    let home = d.category() == Some(Category::Resident);
    let volts = if hv {
        VOLTAGE_OPTIONS_HV
    } else {
        VOLTAGE_OPTIONS_LV
    };
    let grade: u8 = d.load_grade.parse().unwrap_or(0);
    let body = html! { <>
        { ui.select("customer.voltage_kv", &d.voltage_kv, volts) }
        // A household states its capacity in 千瓦 (kW); a business, above
        // all a high-voltage one, in 千伏安 (kVA, its transformers'). Each
        // is recorded as given: converting needs a power factor no rule
        // gives. A clerk has both for a household.
        if home {
            { ui.text("customer.capacity_kw", &d.capacity_kw, "decimal", Some(("只填数字；一般家庭约 8 千瓦", "Digits only; a typical home has about 8 kW"))) }
        }
        if !home || clerk {
            { ui.text("customer.capacity_kva", &d.capacity_kva, "decimal", Some(("只填数字，例如 31500", "Digits only, e.g. 31500"))) }
        }
        if !hv {
            { ui.tri("customer.external_works", d.external_works) }
        }
        if hv {
            { ui.select("supply.load_grade", &d.load_grade, GRADE_OPTIONS) }
            { ui.select("supply.sources", &d.sources, &options(Sources::ALL, sources_code, sources_label)) }
            if grade == 1 {
                { ui.tri("supply.especially_important", d.especially_important) }
            }
            if grade == 2 && d.sources() != Sources::Dual {
                { ui.tri("supply.dedicated_line", d.dedicated_line) }
            }
            if d.sources() == Sources::Dual || grade == 1 || grade == 2 || clerk {
                { circuits(d, ui) }
            }
            if grade == 1 || d.important || clerk {
                { emergency(d, ui) }
                { ui.tri("supply.plan_mentions_self_emergency", d.plan_mentions_self_emergency) }
                // LOAD-01 asks about these consequences, so whoever sees its
                // question also gets the field to answer it.
                { ui.textarea("supply.hazards", &d.hazards) }
            }
            if clerk {
                { ui.tri("supply.separate_distribution", d.separate_distribution) }
            }
        }
    </> };
    section("project", ui.t("2. 用电项目", "2. The project"), body)
}

fn circuits(d: &Draft, ui: &Ui) -> Html {
    html! {
        <fieldset class="rows">
            <legend>{ui.label("supply.circuits")}</legend>
            { for d.circuits.iter().enumerate().map(|(i, c)| html! {
                <div class="row">
                    { ui.text(&format!("supply.circuits.{i}.substation"), &c.substation, "text", None) }
                    { ui.text(&format!("supply.circuits.{i}.bus_section"), &c.bus_section, "text", None) }
                    { ui.button(("删除此回路", "Remove this circuit"), "secondary", Action::RemoveRow(List::Circuits, i)) }
                </div>
            }) }
            { ui.button(("+ 添加回路", "+ Add a circuit"), "secondary", Action::AddRow(List::Circuits)) }
        </fieldset>
    }
}

fn emergency(d: &Draft, ui: &Ui) -> Html {
    let mut kinds = vec![("", "请选择", "Choose")];
    kinds.extend(options(
        EmergencyKind::ALL,
        EmergencyKind::as_str,
        emergency_label,
    ));
    html! {
        <fieldset class="rows">
            <legend>{ui.label("supply.emergency_sources")}</legend>
            { for d.emergency.iter().enumerate().map(|(i, e)| html! {
                <div class="row">
                    { ui.select(&format!("supply.emergency_sources.{i}.type"), &e.kind, &kinds) }
                    { ui.text(&format!("supply.emergency_sources.{i}.kw"), &e.kw, "decimal", None) }
                    { ui.button(("删除", "Remove"), "secondary", Action::RemoveRow(List::Emergency, i)) }
                </div>
            }) }
            { ui.button(("+ 添加应急电源", "+ Add an emergency source"), "secondary", Action::AddRow(List::Emergency)) }
        </fieldset>
    }
}

fn documents(d: &Draft, ui: &Ui, checklist: &[ChecklistItem]) -> Html {
    let body = if checklist.is_empty() {
        html! { <p>{ui.t("此类业务的资料清单以当地供电企业告知为准。", "For this business the utility tells you the list locally.")}</p> }
    } else {
        html! {
            <fieldset class="checklist">
                <legend>{ui.label("documents")}</legend>
                { for checklist.iter().map(|item| doc_item(d, ui, item)) }
            </fieldset>
        }
    };
    section("documents", ui.t("3. 申请资料", "3. Documents"), body)
}

fn doc_item(d: &Draft, ui: &Ui, item: &ChecklistItem) -> Html {
    let doc = &item.document;
    let key = format!("documents.{}", doc.code);
    let need = match item.need {
        Need::Required => ui.t("必备", "required"),
        Need::Local => ui.t("部分地方要求", "asked in some places"),
        Need::IfAgent
        | Need::IfGovernmentProject
        | Need::IfImportant
        | Need::IfOwnershipUnclear => ui.t("因您的情况需要", "needed in your situation"),
    };
    // The forms accepted from this customer's category only (documents.toml).
    let acc: Vec<&str> = doc.accepted.iter().map(|f| ui.t(&f.zh, &f.en)).collect();
    let not = yekuo::render::forms(&doc.not_accepted, ui.reader().lang);
    let name = ui.t(&doc.name_zh, &doc.name_en).to_string();
    let held = d.documents.iter().any(|h| **h == *doc.code);
    html! {
        <div class="doc-item">
            { ui.check_labelled(&key, &name, held) }
            <p class="hint">
                {need}
                if ui.is_clerk() { {format!(" · {} {}", item.rule, item.mark)} }
                if item.later_with_one_id { {ui.t(" · 一证受理时可后补", " · may follow later with one-ID acceptance")} }
            </p>
            if !acc.is_empty() {
                <details>
                    <summary>{ui.t("哪些证件可以？", "What is accepted?")}</summary>
                    <ul>{ for acc.iter().map(|a| html! { <li>{a.to_string()}</li> }) }</ul>
                    if !not.is_empty() {
                        <p>{ui.t("不可以: ", "Not accepted: ")}{not}</p>
                    }
                </details>
            }
        </div>
    }
}

fn dates(state: &State, ui: &Ui) -> Html {
    let d = &state.draft;
    let clerk = state.mode == Mode::Clerk;
    let hv = d.category() == Some(Category::HighVoltage);
    let body = html! { <>
        <p class="hint">{ui.t("已经发生的日期请填写；还没到的步骤留空。", "Fill in what has happened; leave future steps empty.")}</p>
        <div class="date-grid">
        { for DATE_FIELDS.iter().zip(&d.dates).filter(|(f, _)| (hv || !f.hv_only) && (clerk || !f.clerk_only)).map(|(f, value)| {
            ui.text(&format!("dates.{}", f.key), value, "date", None)
        }) }
        </div>
        if clerk {
            <fieldset class="rows">
                <legend>{ui.label("paused")}</legend>
                { for d.paused.iter().enumerate().map(|(i, p)| html! {
                    <div class="row">
                        { ui.text(&format!("paused.{i}.from"), &p.from, "date", None) }
                        { ui.text(&format!("paused.{i}.to"), &p.to, "date", None) }
                        { ui.text(&format!("paused.{i}.reason"), &p.reason, "text", None) }
                        { ui.button(("删除", "Remove"), "secondary", Action::RemoveRow(List::Paused, i)) }
                    </div>
                }) }
                { ui.button(("+ 添加暂停期间", "+ Add a pause"), "secondary", Action::AddRow(List::Paused)) }
            </fieldset>
            { ui.select("convention", &d.convention, &options(Convention::ALL, convention_code, convention_label)) }
        }
    </> };
    section(
        "dates",
        ui.t("4. 办理进度(日期)", "4. Progress (dates)"),
        body,
    )
}

/// What a contractor's licence says (held at all, tier, categories, valid
/// until), and for a clerk what it does on this project: the form's
/// contractor row and the customer's contractor question alike. Without a
/// licence nothing else about it is asked (LIC-01 decides alone; what was
/// typed stays in the draft).
pub(super) fn licence(c: &ContractorDraft, i: usize, ui: &Ui, clerk: bool) -> Html {
    let acts = options(Activity::ALL, Activity::as_str, activity_label);
    let p = format!("contractors.{i}");
    if c.licensed == Some(false) {
        return ui.tri(&format!("{p}.licensed"), c.licensed);
    }
    html! { <>
        { ui.tri(&format!("{p}.licensed"), c.licensed) }
        { ui.select(&format!("{p}.tier"), &c.tier, TIERS) }
        <fieldset class="radios inline" id={field_id(&format!("{p}.categories"))} tabindex="-1">
            <legend>{ui.label("contractors.categories")}</legend>
            { for acts.iter().map(|(code, zh, en)| ui.check_labelled(&format!("{p}.categories.{code}"), ui.t(zh, en), c.categories.iter().any(|x| x == code))) }
        </fieldset>
        if clerk {
            <fieldset class="radios inline" id={field_id(&format!("{p}.activities"))} tabindex="-1">
                <legend>{ui.label("contractors.activities")}</legend>
                { for acts.iter().map(|(code, zh, en)| ui.check_labelled(&format!("{p}.activities.{code}"), ui.t(zh, en), c.activities.iter().any(|x| x == code))) }
            </fieldset>
        }
        { ui.text(&format!("{p}.valid_until"), &c.valid_until, "date", None) }
    </> }
}

fn contractors(d: &Draft, ui: &Ui, clerk: bool) -> Html {
    let body = html! { <>
        <p class="hint">{ui.t("如已选定施工单位，请按其《承装(修、试)电力设施许可证》填写。", "If you have chosen a contractor, fill in from its installation licence.")}</p>
        // The target of "fill in" links that name the list as a whole.
        <div id={field_id("contractors")} tabindex="-1">
        { for d.contractors.iter().enumerate().map(|(i, c)| {
            let p = format!("contractors.{i}");
            html! {
            <fieldset class="contractor" id={field_id(&p)}>
                <legend>{crate::labels::label(&p, ui.lang).unwrap_or_default()}</legend>
                { ui.text(&format!("{p}.name"), &c.name, "text", None) }
                { licence(c, i, ui, clerk) }
                { ui.check(&format!("{p}.affiliate_of_utility"), c.affiliate_of_utility) }
                { ui.button(("删除此施工单位", "Remove this contractor"), "secondary", Action::RemoveRow(List::Contractors, i)) }
            </fieldset>
        }}) }
        { ui.button(("+ 添加施工单位", "+ Add a contractor"), "secondary", Action::AddRow(List::Contractors)) }
        </div>
    </> };
    section("contractor", ui.t("5. 施工单位", "5. Contractor"), body)
}

fn outage(d: &Draft, ui: &Ui) -> Html {
    let o = &d.outage;
    let body = html! { <>
        <p class="hint">{ui.t("用于核对计划停电(如欠费停电)前的两项通知: 提前送达的停电通知，和停电前不久的再次通知。", "Checks the two notices before a planned outage (e.g. for arrears): the notice days ahead, and the reminder just before.")}</p>
        { ui.text("outage.date", &o.date, "date", None) }
        { ui.tri("outage.notice_served", o.notice_served) }
        { ui.text("outage.notice_date", &o.notice_date, "date", None) }
        { ui.tri("outage.reminder_given", o.reminder_given) }
    </> };
    section(
        "outage",
        ui.t("7. 计划停电通知", "7. Planned outage notice"),
        body,
    )
}

fn conduct(d: &Draft, ui: &Ui) -> Html {
    let c = &d.conduct;
    let body = html! { <>
        { ui.tri("conduct.utility_recommended_contractor", c.utility_recommended_contractor) }
        { ui.tri("conduct.written_notice_of_missing_documents", c.written_notice_of_missing_documents) }
        { ui.tri("conduct.defects_found", c.defects_found) }
        { ui.tri("conduct.defects_notified_in_writing", c.defects_notified_in_writing) }
        { ui.tri("conduct.stalled_without_notice", c.stalled_without_notice) }
        { ui.tri("conduct.gifts_or_banquets", c.gifts_or_banquets) }
        { ui.tri("conduct.unauthorised_fees", c.unauthorised_fees) }
        { ui.tri("conduct.plan_changed", c.plan_changed) }
        { ui.select("conduct.demanded_tier", &c.demanded_tier, TIERS) }
    </> };
    section(
        "conduct",
        ui.t("6. 办理情况(工作人员)", "6. Conduct (clerk)"),
        body,
    )
}

/// The clerk's evaluation date, at the top of the form.
/// The clerk's evaluation day. Left empty it is today, and shows today (not
/// the browser's mm/dd/yyyy placeholder); clearing it goes back to today.
fn as_of(state: &State, ui: &Ui) -> Html {
    let shown = if state.as_of_text.is_empty() {
        state.today.to_string()
    } else {
        state.as_of_text.clone()
    };
    let send = ui.send.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        // A date half retyped reads as empty with `badInput` set: not a
        // cleared field, so today is not put back under the user's fingers.
        if !(input.value().is_empty() && input.validity().bad_input()) {
            send.emit(Action::SetAsOf(input.value()));
        }
    });
    html! {
        <div class="field as-of-field">
            <label for="f-as_of">{ui.t("按此日期评估(默认今天)", "Evaluate as of (today unless changed)")}</label>
            <input id="f-as_of" type="date" value={shown} {oninput} />
        </div>
    }
}

/// What the written one-time notice names (clerk): the customer, the
/// counter and the day to bring the missing documents by.
fn applicant(d: &Draft, ui: &Ui) -> Html {
    let a = &d.applicant;
    let body = html! { <>
        <p class="hint">{ui.t("打印在一次性告知书上；留空的项目打印为空线，可手写。", "Printed on the one-time notice; an empty item prints as a line to write on.")}</p>
        { ui.text("applicant.name", &a.name, "text", None) }
        { ui.text("applicant.address", &a.address, "text", None) }
        { ui.text("applicant.account", &a.account, "text", None) }
        { ui.text("applicant.counter", &a.counter, "text", None) }
        { ui.text("applicant.documents_due", &a.documents_due, "date", None) }
    </> };
    section(
        "applicant",
        ui.t(
            "8. 告知书信息(工作人员)",
            "8. For the written notice (clerk)",
        ),
        body,
    )
}
