//! The live results: findings grouped by what the customer asked, each with
//! its citation, how sure it is and a "why" view with the evidence.

use super::timeline;
use super::widgets::Ui;
use crate::sections::Section;
use crate::state::{Lang, State};
use chrono::NaiveDate;
use yekuo::case::Operator;
use yekuo::eval::ChecklistItem;
use yekuo::render;
use yekuo::report::{plan, Detail, Finding, Outcome, Report};
use yekuo::rulebook::Rulebook;
use yekuo::vocab::{Need, RuleId};
use yekuo::Mark;
use yew::prelude::*;

pub fn outcome_label(o: Outcome, lang: Lang) -> (&'static str, &'static str) {
    // A symbol and a word, so colour is never the only signal. Symbols
    // from common text fonts, not emoji: a kiosk without an emoji font
    // would show an empty box (the alarm clock did, in the screenshots).
    let icon = match o {
        Outcome::Violation => "✖",
        Outcome::Overdue => "◷",
        Outcome::Missing => "✚",
        Outcome::Warning => "!",
        Outcome::CannotDetermine => "?",
        Outcome::NotCovered => "○",
        Outcome::Ok => "✓",
        Outcome::NotApplicable => "–",
    };
    let word = match lang {
        Lang::Zh => render::outcome(o, render::Lang::Zh),
        Lang::En => match o {
            Outcome::Violation => "Violation",
            Outcome::Overdue => "Overdue",
            Outcome::Missing => "Missing",
            Outcome::Warning => "Note",
            Outcome::CannotDetermine => "Cannot tell",
            Outcome::NotCovered => "Not covered",
            Outcome::Ok => "OK",
            Outcome::NotApplicable => "Not applicable",
        },
    };
    (icon, word)
}

/// How sure a finding is: the mark and its words for a clerk, the words
/// alone for a customer.
pub fn mark_label(m: Mark, ui: &Ui) -> String {
    let words = ui.t(m.label_zh(), m.label_en());
    if ui.is_clerk() {
        format!("{m} {words}")
    } else {
        words.to_string()
    }
}

/// The outcome word, with the rule code for a clerk.
fn badge(f: &Finding, word: &str, ui: &Ui) -> String {
    if ui.is_clerk() {
        format!("{word} · {}", f.rule)
    } else {
        word.to_string()
    }
}

pub fn results(
    state: &State,
    ui: &Ui,
    report: &Report,
    case: Option<&yekuo::case::Case>,
    checklist: &[ChecklistItem],
) -> Html {
    let lang = state.lang;
    // Rows, not findings: one late step under two regimes is one late step.
    let rows = crate::sections::all_rows(&report.findings);
    let count = |o: Outcome| rows.iter().filter(|r| r.outcome() == o).count();
    let adverse = count(Outcome::Violation) + count(Outcome::Overdue) + count(Outcome::Missing);
    let outside = crate::coverage::outside(report, operator(state));
    let summary = if adverse == 0 && outside.is_some_and(|o| o.unchecked > 0) {
        // As the command line's exit code 3: not "nothing wrong".
        ui.t(
            "未发现问题，但本案有部分内容超出本工具的检查范围(见下)。",
            "Nothing wrong found, but part of this case is outside what this tool checks (see below).",
        )
        .to_string()
    } else if adverse == 0 {
        ui.t("目前没有发现问题。", "Nothing wrong found so far.")
            .to_string()
    } else {
        match lang {
            Lang::Zh => format!(
                "发现 {adverse} 个问题: 违规 {}、逾期 {}、缺件 {}。",
                count(Outcome::Violation),
                count(Outcome::Overdue),
                count(Outcome::Missing)
            ),
            Lang::En => format!(
                "{adverse} problem{}: {} violation{}, {} overdue, {} missing.",
                if adverse == 1 { "" } else { "s" },
                count(Outcome::Violation),
                if count(Outcome::Violation) == 1 {
                    ""
                } else {
                    "s"
                },
                count(Outcome::Overdue),
                count(Outcome::Missing)
            ),
        }
    };
    html! {
        <section class="results" aria-labelledby="results-h">
            <h2 id="results-h">{ui.t("检查结果", "Results")}</h2>
            { facts(state, ui, checklist) }
            <p class="as-of">{format!("{} {}", ui.t("评估日期:", "As of:"), report.as_of)}</p>
            <p class={classes!("summary", (adverse > 0).then_some("bad"))} role="status" aria-live="polite">{summary}</p>
            if let Some(o) = outside { { coverage_notice(ui, o) } }
            if adverse > 0 {
                <ul class="problems">
                    { for rows.iter().filter(|r| r.outcome().is_adverse()).map(|r| r.lead).map(|(i, f)| {
                        let (icon, word) = outcome_label(f.outcome, lang);
                        // Following the link takes focus to the result (and a
                        // screen reader with it), not only the scroll position.
                        let target = format!("finding-{i}");
                        let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); super::browser::focus(&target); });
                        html! { <li><a href={format!("#finding-{i}")} {onclick}>{format!("{icon} {}: {}", badge(f, word, ui), render::headline(f, &ui.reader()))}</a></li> }
                    }) }
                </ul>
            }
            // A customer's list of what to bring comes first; the clerk's
            // written notice is a handout, after the findings to read.
            if !ui.is_clerk() { { one_time_notice(state, ui, checklist) } }
            { for Section::ALL.into_iter().enumerate().map(|(gi, section)| {
                let (zh, en) = section.title();
                let items = crate::sections::rows(section.findings(&report.findings));
                // No heading without findings for the conduct: nothing was asked.
                if section == Section::Conduct && items.is_empty() {
                    return Html::default();
                }
                let (held, open): (Vec<_>, Vec<_>) = items.iter().partition(|r| matches!(r.outcome(), Outcome::Ok | Outcome::NotApplicable));
                html! {
                    <section class="result-group" aria-labelledby={format!("g{gi}")}>
                        <h3 id={format!("g{gi}")}>{ui.t(zh, en)}</h3>
                        if section == Section::TimeLimits { { timeline::timeline(ui, report, case) } }
                        if section == Section::Plan { { plan_countdown(ui, report) } }
                        if section == Section::Rights { { rights(state, ui) } }
                        if section == Section::Coverage { { coverage_list(ui) } }
                        if items.is_empty() && !matches!(section, Section::Rights | Section::Coverage | Section::Conduct) {
                            <p class="hint">{ui.t("暂无结果: 请补充相关信息。", "No result yet: add the related details.")}</p>
                        }
                        { for open.into_iter().map(|r| row(ui, r)) }
                        // What holds is folded: a clerk reads the problems first.
                        if !held.is_empty() {
                            <details class="held">
                                <summary>{match ui.lang { Lang::Zh => format!("{} 项符合或不适用", held.len()), Lang::En => format!("{} that hold or do not apply", held.len()) }}</summary>
                                { for held.into_iter().map(|r| row(ui, r)) }
                            </details>
                        }
                    </section>
                }
            }) }
            if ui.is_clerk() { { one_time_notice(state, ui, checklist) } }
        </section>
    }
}

/// One row: its lead finding, and the regimes or unverified copies folded
/// under it.
fn row(ui: &Ui, r: &crate::sections::Row) -> Html {
    let (i, f) = r.lead;
    html! {
        <div class="row-group">
            { finding(ui, i, f) }
            if !r.under.is_empty() {
                <details class="under">
                    <summary>{match ui.lang { Lang::Zh => format!("同一环节/规则的另 {} 项(其他规定或未核实)", r.under.len()), Lang::En => format!("{} more for the same step or rule (other rules or unverified)", r.under.len()) }}</summary>
                    { for r.under.iter().map(|(i, f)| finding(ui, *i, f)) }
                </details>
            }
        </div>
    }
}

fn finding(ui: &Ui, index: usize, f: &Finding) -> Html {
    let (icon, word) = outcome_label(f.outcome, ui.lang);
    let reader = ui.reader();
    let cite = f.citation.as_ref().map(|c| render::citation(c, &reader));
    html! {
        <article id={format!("finding-{index}")} tabindex="-1" class={classes!("finding", format!("o-{}", f.outcome.code()))} data-rule={f.rule.as_str()} data-outcome={f.outcome.code()}>
            <p class="badge"><span aria-hidden="true">{icon}</span>{format!(" {}", badge(f, word, ui))}</p>
            <p class="message">{render::message(f, &reader)}</p>
            // How sure we are is about the instrument and value a finding
            // rests on: a finding about the case itself (a field not given,
            // a fact no rule covers) cites none, and a "verified" beside it
            // would mislead.
            if let Some(c) = cite {
                <p class="cite">
                    {format!("{} {c}", ui.t("依据:", "Basis:"))}
                    if let Some(c) = &f.citation { { zh_title(ui, &c.title, c.layer) } }
                    {" · "}
                    <span class={classes!("mark", format!("m-{:?}", f.mark))}>{mark_label(f.mark, ui)}</span>
                </p>
            }
            if let Some(seen) = f.citation.as_ref().and_then(|c| c.seen.as_ref()).filter(|_| ui.is_clerk()) {
                <p class="seen">{format!("{} {}", ui.t("来源说明:", "Where seen:"), reader.pick(seen))}</p>
            }
            { for f.caveats.iter().filter_map(|c| render::caveat(c, f, &reader)).map(|c| html! { <p class="caveat">{c}</p> }) }
            if f.outcome == Outcome::CannotDetermine {
                { for f.inputs.iter().map(|input| {
                    let id = crate::draft::field_id(input);
                    let target = id.clone();
                    let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); super::browser::focus(&target); });
                    html! { <p><a class="fill-in no-print" href={format!("#{id}")} {onclick}>{ui.t("→ 去填写这一项", "→ Fill in this field")}</a></p> }
                }) }
            }
            <details class="why">
                <summary>{ui.t("为什么？", "Why?")}</summary>
                if let Some(c) = &f.citation {
                    <p>{ui.t(&c.summary_zh, &c.summary_en).to_string()}</p>
                }
                if !f.crossed.is_empty() {
                    <p>{ui.t("经过的节假日与调休:", "Holidays and make-up days crossed:")}</p>
                    <ul>{ for f.crossed.iter().map(|d| html! { <li>{special_day(ui.lang, d)}</li> }) }</ul>
                }
                if let Some(g) = &f.coverage_gap {
                    <p class="caveat">{format!("{} {} – {}", ui.t("超出节假日数据范围，仅按周末计算:", "Outside the holiday data, weekends only:"), g.from, g.to)}</p>
                }
                if ui.is_clerk() && !f.basis.is_empty() {
                    <p>{format!("{} {}", ui.t("另依据规则:", "Also relies on:"), f.basis.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", "))}</p>
                }
                if !f.inputs.is_empty() {
                    <p>{format!("{} {}", ui.t("用到的填写项:", "Fields used:"), f.inputs.iter().map(|i| reader.field(i)).collect::<Vec<_>>().join(ui.t("、", ", ")))}</p>
                }
            </details>
        </article>
    }
}

pub fn special_day(lang: Lang, d: &yekuo::calendar::SpecialDay) -> String {
    let kind = if d.kind == yekuo::calendar::DayKind::MakeUpWorkday {
        lang.pick("调休上班", "make-up working day")
    } else {
        lang.pick("放假", "holiday")
    };
    format!("{} {} ({kind})", d.date, lang.pick(&d.name, &d.name_en))
}

/// Plan validity (PLAN-01) and the extension deadline (PLAN-02), counted down from as-of.
fn plan_countdown(ui: &Ui, report: &Report) -> Html {
    let plan = || {
        report.findings.iter().filter_map(|f| match &f.detail {
            Detail::Plan(p) => Some(p),
            _ => None,
        })
    };
    // The last valid day, a granted extension included.
    let valid_until = plan().find_map(|p| match p {
        plan::Found::Validity(v) => Some(v.valid_until),
        _ => None,
    });
    let request_by = plan().find_map(|p| match p {
        plan::Found::Extension(e) => Some(e.request_by),
        _ => None,
    });
    let rows: Vec<(&str, &str, NaiveDate)> = [
        ("方案有效期至", "Plan valid until", valid_until),
        ("延期申请截止", "Ask for an extension by", request_by),
    ]
    .into_iter()
    .filter_map(|(zh, en, d)| d.map(|d| (zh, en, d)))
    .collect();
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <dl class="countdown">
            { for rows.into_iter().map(|(zh, en, d)| {
                let left = (d - report.as_of).num_days();
                let rest = match (ui.lang, left >= 0) {
                    (Lang::Zh, true) => format!("还有 {left} 天"),
                    (Lang::Zh, false) => format!("已过 {} 天", -left),
                    (Lang::En, true) if left == 1 => "1 day left".to_string(),
                    (Lang::En, true) => format!("{left} days left"),
                    (Lang::En, false) if left == -1 => "1 day ago".to_string(),
                    (Lang::En, false) => format!("{} days ago", -left),
                };
                html! { <><dt>{ui.t(zh, en)}</dt><dd>{format!("{d} · {rest}")}</dd></> }
            }) }
        </dl>
    }
}

/// The utility the form names (State Grid when empty).
fn operator(state: &State) -> Operator {
    Operator::from_spelling(state.draft.operator.trim()).unwrap_or_default()
}

/// At the top of the results: part of the case is outside the rulebook,
/// in plain words, with a link to the list of what it covers.
fn coverage_notice(ui: &Ui, o: crate::coverage::Outside) -> Html {
    let utility = o.utility.map(|op| {
        let (zh, en) = match op {
            Operator::Csg => ("南方电网", "China Southern Grid's"),
            _ => ("其他供电企业(地方电网等)", "Other utilities'"),
        };
        match ui.lang {
            Lang::Zh => format!("本工具主要依据国家规定和国家电网的承诺；{zh}自己的承诺未收录，这里只按国家规定检查。"),
            Lang::En => format!("This tool rests mainly on national rules and State Grid's commitments. {en} own commitments are not included: only the national rules are checked here."),
        }
    });
    html! {
        <div class="notice coverage-notice" role="note">
            if let Some(u) = utility { <p>{u}</p> }
            if o.unchecked > 0 {
                <p>{ui.t("本案有部分内容没有可对照的规定(早于本工具收录的全部规定，或当时的规定不适用于您的供电企业)，没有检查，详见下方。",
                    "Part of this case has no rule to check it against (it is before every rule this tool holds, or the rules then do not bind your utility): it was not checked; see below.")}</p>
            }
            <p><a href="#coverage">{ui.t("查看本工具收录的规定和检查范围", "See what this tool covers")}</a></p>
        </div>
    }
}

/// The instruments of the embedded rulebook that set duties, their dates
/// and whom they bind, and what is not covered: the app's short copy of
/// docs/coverage.md, made from the same data. Folded; the notice's link
/// opens it (following a link to a part of a closed `<details>` opens it).
fn coverage_list(ui: &Ui) -> Html {
    let book = Rulebook::embedded();
    html! {
        <details class="coverage">
            <summary>{ui.t("本工具收录的规定", "The rules this tool holds")}</summary>
            <ul id="coverage">
                { for book.entries.iter().filter(|e| e.sets_duties()).map(|e| {
                    let i = &e.instrument;
                    let whom = if i.binds(Operator::Csg) { ui.t("所有供电企业", "all utilities") } else { ui.t("仅国家电网", "State Grid only") };
                    let until = i.until.map(|u| u.to_string()).unwrap_or_default();
                    html! { <li>{ui.t(&i.title, &i.title_en).to_string()}{ zh_title(ui, &i.title, i.layer) }{format!(" ({}) · {} – {until} · {whom}", ui.t(&i.version, &i.version_en), i.from)}</li> }
                }) }
            </ul>
            <p>{ui.t("未收录: 南方电网和地方供电企业自己的承诺；各省的地方规定(少数省公司告知书仅作示例)；上列最早一项规定施行以前的事项。节假日数据范围(见页脚)以外的年份只按周末计算。",
                "Not included: China Southern Grid's and local utilities' own commitments; provincial rules (a few provincial notices serve only as examples); anything before the earliest rule above. Outside the holiday data (see the footer) only weekends count as rest days.")}</p>
        </details>
    }
}

/// The customer's rights, from the rulebook itself, with citation and mark.
fn rights(state: &State, ui: &Ui) -> Html {
    let book = Rulebook::embedded();
    let op = operator(state);
    let day = state.as_of();
    let items: Vec<Html> = [RuleId::Ind01, RuleId::Notice01]
        .into_iter()
        .flat_map(|rule| book.in_force(rule, day, op).map(move |src| (rule, src)))
        .map(|(rule, src)| {
            let p = src.provision;
            let reader = ui.reader();
            html! {
                <li>
                    <p>{ui.t(&p.summary_zh, &p.summary_en).to_string()}</p>
                    <p class="cite">
                        if ui.is_clerk() { {format!("{rule} · ")} }
                        {render::citation(src.citation, &reader)}
                        { zh_title(ui, &src.instrument.title, src.instrument.layer) }
                        {" · "}
                        <span class="mark">{mark_label(p.mark, ui)}</span>
                    </p>
                </li>
            }
        })
        .collect();
    html! { <ul class="rights">{ for items }</ul> }
}

/// "Check your answers": the facts the report rests on, as the form asked
/// them (its labels, the page's language). Printed first; on screen the
/// form itself shows them.
fn facts(state: &State, ui: &Ui, checklist: &[ChecklistItem]) -> Html {
    use crate::draft::Input;
    use yekuo::case::{Business, Category};
    let d = &state.draft;
    let word = |pair: (&'static str, &'static str)| ui.t(pair.0, pair.1).to_string();
    let mut rows: Vec<(String, String)> = Vec::new();
    for (key, input) in d.fields() {
        // Documents are listed once below, by name; the applicant heads the notice.
        if key.starts_with("documents.") || key.starts_with("applicant.") {
            continue;
        }
        let Some(label) = crate::labels::label(&key, ui.lang) else {
            continue;
        };
        let value = match (key.as_str(), input) {
            ("customer.category", Input::Text(t)) => Category::parse(&t)
                .map(|c| word(super::form::category_label(c)))
                .unwrap_or(t),
            ("customer.business", Input::Text(t)) => Business::parse(&t)
                .map(|b| word(super::form::business_label(b)))
                .unwrap_or(t),
            ("utility.operator", Input::Text(t)) => Operator::from_spelling(&t)
                .map(|o| word(super::form::operator_label(o)))
                .unwrap_or(t),
            (_, Input::Text(t)) => t,
            (_, Input::Flag(b) | Input::Tri(Some(b))) => {
                word(if b { ("是", "Yes") } else { ("否", "No") })
            }
            (_, Input::Tri(None)) => word(("不清楚", "Don't know")),
        };
        rows.push((label, value));
    }
    let held: Vec<String> = checklist
        .iter()
        .filter(|i| i.held)
        .map(|i| ui.t(&i.document.name_zh, &i.document.name_en).to_string())
        .collect();
    if !held.is_empty() {
        rows.push((
            word(("已有资料", "Documents in hand")),
            held.join(ui.t("、", ", ")),
        ));
    }
    html! {
        <section class="facts print-only" aria-labelledby="facts-h">
            <h3 id="facts-h">{ui.t("本报告依据的填写内容", "The answers this report rests on")}</h3>
            <table>
                <tbody>
                    { for rows.into_iter().map(|(k, v)| html! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }) }
                </tbody>
            </table>
        </section>
    }
}

/// 一次性告知: the written list of everything missing, ready to print and
/// hand over. For a clerk it is the notice itself (一次性告知书): the
/// customer, the counter, the dates, the day to bring the documents by and
/// the lines to sign; with nothing missing, a confirmation of the documents
/// received instead.
fn one_time_notice(state: &State, ui: &Ui, checklist: &[ChecklistItem]) -> Html {
    let missing: Vec<&ChecklistItem> = checklist
        .iter()
        .filter(|i| !i.held && i.need != Need::Local)
        .collect();
    let local: Vec<&ChecklistItem> = checklist
        .iter()
        .filter(|i| !i.held && i.need == Need::Local)
        .collect();
    let clerk = ui.is_clerk();
    if checklist.is_empty() || (!clerk && missing.is_empty() && local.is_empty()) {
        return Html::default();
    }
    let lang = state.lang;
    let row = |i: &&ChecklistItem| {
        let d = &i.document;
        let acc = render::forms(&d.accepted, ui.reader().lang);
        html! {
            <li>
                <strong>{lang.pick(&d.name_zh, &d.name_en).to_string()}</strong>
                // The document's code helps a clerk at the counter; the rule
                // and its mark are for the clerk's screen, not the printed
                // notice the customer keeps. A customer reads the name.
                if ui.is_clerk() {
                    {format!(" ({}", d.code)}
                    <span class="rule-ref">{format!(" · {} {}", i.rule, i.mark)}</span>
                    {")"}
                }
                if i.later_with_one_id { {ui.t(" — 一证受理时可后补", " — may follow later with one-ID acceptance")} }
                if !acc.is_empty() { <br/><span class="hint">{format!("{} {acc}", ui.t("可用:", "Accepted:"))}</span> }
            </li>
        }
    };
    let nothing_missing = missing.is_empty();
    let title = match (clerk, nothing_missing) {
        (true, true) => ui.t("申请资料确认单", "Confirmation of the documents received"),
        (true, false) => ui.t(
            "业扩报装一次性告知书(补齐资料)",
            "One-time written notice of missing documents",
        ),
        (false, _) => ui.t("缺件一次性告知清单", "One-time list of missing documents"),
    };
    // A blank to fill in by hand where the form has nothing.
    const BLANK: &str = "____________";
    let a = &state.draft.applicant;
    let or_blank = |s: &str| {
        if s.trim().is_empty() {
            BLANK.to_string()
        } else {
            s.trim().to_string()
        }
    };
    let counter = if a.counter.trim().is_empty() {
        let op = operator(state);
        if state.draft.operator.trim().is_empty() {
            BLANK.to_string()
        } else {
            ui.t(
                super::form::operator_label(op).0,
                super::form::operator_label(op).1,
            )
            .to_string()
        }
    } else {
        a.counter.trim().to_string()
    };
    let head: Vec<(&str, String)> = vec![
        (ui.t("客户名称", "Customer"), or_blank(&a.name)),
        (ui.t("用电地址", "Address of supply"), or_blank(&a.address)),
        (
            ui.t("户号 / 申请编号", "Account / application no."),
            or_blank(&a.account),
        ),
        (ui.t("受理单位", "Received by"), counter),
        (
            ui.t("受理日期", "Accepted on"),
            or_blank(&state.draft.dates[0]),
        ),
        (
            ui.t("告知日期", "Date of this notice"),
            state.as_of().to_string(),
        ),
    ];
    // No rule sets how long the customer has: the clerk types the day, or
    // it is left blank to write in by hand; never a made-up period.
    let due = or_blank(&a.documents_due);
    html! {
        <section class={classes!("notice-list", clerk.then_some("written"))} id="one-time-notice" aria-labelledby="notice-h">
            <h3 id="notice-h">{title}</h3>
            if clerk {
                <dl class="notice-head">
                    { for head.into_iter().map(|(k, v)| html! { <><dt>{k}</dt><dd>{v}</dd></> }) }
                </dl>
            }
            if nothing_missing && clerk {
                <p>{ui.t("经核对，您本次申请所需的资料已齐全。", "The documents this application needs have all been received.")}</p>
            }
            if !missing.is_empty() {
                if clerk { <p>{ui.t("经核对，您的申请还缺少以下资料(每项后列出可接受的证件):", "Your application still lacks the documents below (each with the forms accepted):")}</p> }
                <ol>{ for missing.iter().map(row) }</ol>
                if clerk {
                    <p class="due"><strong>{match lang { Lang::Zh => format!("请于 {due} 前补齐上述资料。"), Lang::En => format!("Please bring the documents above by {due}.") }}</strong></p>
                }
            }
            if !local.is_empty() {
                <p>{ui.t("部分地方另要求:", "Some places also ask for:")}</p>
                <ul>{ for local.iter().map(row) }</ul>
            }
            if !nothing_missing {
            // In the customer's words for both: the clerk hands this over.
            <p class="hint">{ui.t("供电企业应一次性书面告知全部缺件。缺件不影响受理后时限的计算。",
                "The utility must list every missing document in writing, at once. Time limits run from acceptance even with documents missing.")}</p>
            }
            if clerk {
                <div class="signatures">
                    <p>{format!("{} {BLANK}{}{} {BLANK}", ui.t("经办人(签字):", "Clerk (signature):"), ui.t("　", "   "), ui.t("日期:", "Date:"))}</p>
                    <p>{format!("{} {BLANK}{}{} {BLANK}", ui.t("客户(签字):", "Customer (signature):"), ui.t("　", "   "), ui.t("日期:", "Date:"))}</p>
                </div>
            }
            <button type="button" class="secondary no-print" onclick={Callback::from(|_| super::browser::print(true))}>
                {match (clerk, nothing_missing) {
                    (true, true) => ui.t("打印确认单", "Print the confirmation"),
                    (true, false) => ui.t("打印告知书", "Print the notice"),
                    (false, _) => ui.t("打印缺件清单", "Print this list"),
                }}
            </button>
        </section>
    }
}

/// The Chinese title of an instrument beside its English one on the English
/// page (issue 14: the law is cited by its Chinese name; WCAG 3.1.2 wants the
/// Chinese marked as Chinese). Nothing on the Chinese page, nor for yekuo's
/// own conventions, which have no Chinese legal title.
pub fn zh_title(ui: &Ui, title: &str, layer: yekuo::vocab::Layer) -> Html {
    if ui.lang == Lang::Zh || layer == yekuo::vocab::Layer::Convention {
        return Html::default();
    }
    html! { <>{" "}<span lang="zh-CN" class="zh-title">{format!("《{title}》")}</span></> }
}
