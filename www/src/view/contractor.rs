//! Customer mode before applying: "is my contractor allowed to do this?"
//! (issue 14). Reached from the answer page by a link, so nobody who does
//! not care is asked more. The customer copies what the contractor's
//! licence says (each question may stay unanswered) and the answer below
//! follows every change: `eval::contractor_check` on the same draft as the
//! full form, worded by `render::contractor`.

use super::widgets::Ui;
use crate::labels::VOLTAGE_OPTIONS_HV;
use crate::state::{Journey, State};
use yekuo::case::{Case, Category};
use yekuo::eval::{contractor_check, ContractorAnswer, Verdict};
use yekuo::render::contractor as words;
use yew::prelude::*;

/// The page's heading, focused when the page opens.
pub const HEADING: &str = "contractor-h";

pub fn page(state: &State, ui: &Ui, case: &Case) -> Html {
    let d = &state.draft;
    let Some(k) = d.contractors.first() else {
        return Html::default();
    };
    let answer = contractor_check(yekuo::rulebook::Rulebook::embedded(), case, state.today);
    html! {
        <section class="journey contractor-check" aria-labelledby={HEADING}>
            { super::answer::back(ui, Journey::Answer) }
            <h2 id={HEADING} tabindex="-1">{ui.t("施工单位能做您的工程吗？", "May your contractor do the work?")}</h2>
            <p>{ui.t("请对方出示", "Ask to see their licence for installing, repairing and testing power facilities, ")}
                <span lang="zh-CN">{"《承装(修、试)电力设施许可证》"}</span>
                {ui.t("，照证书填写。不知道的可以不填。", ", and copy what it says. Leave out what you do not know.")}</p>
            if case.customer.category == Category::HighVoltage {
                { ui.select("customer.voltage_kv", &d.voltage_kv, VOLTAGE_OPTIONS_HV) }
            }
            { super::form::licence(k, 0, ui, false) }
            { result(ui, &answer) }
            { super::answer::applied_link(ui) }
        </section>
    }
}

fn result(ui: &Ui, a: &ContractorAnswer) -> Html {
    let lang = ui.reader().lang;
    let class = match a.verdict {
        Verdict::Yes => "yes",
        Verdict::ProbablyYes => "probably-yes",
        Verdict::NeedMore => "need-more",
        Verdict::ProbablyNot => "probably-not",
        Verdict::No => "no",
    };
    let unverified = a.required.iter().any(|r| !r.mark.is_reliable());
    html! {
        <section class="contractor-result" aria-labelledby="contractor-result-h">
            <h3 id="contractor-result-h">{ui.t("结果", "The answer")}</h3>
            <p class={classes!("verdict", class)} role="status"><strong>{words::verdict(a.verdict, lang)}</strong></p>
            { for a.required.iter().map(|r| html! {
                <div class="limit">{words::required(r, a, lang)}
                    <details class="why">
                        <summary>{ui.t("为什么？", "Why?")}</summary>
                        <p>{words::required_basis(r, lang)}</p>
                    </details>
                </div>
            }) }
            <ul class="contractor-lines">
                { for words::lines(a, lang).into_iter().map(|l| html! { <li>{l}</li> }) }
            </ul>
            if unverified { <p class="hint">{words::unverified_caps(lang)}</p> }
            <p class="hint">{ui.t("结果仅供参考，以发证机关和供电企业的答复为准。", "For guidance only; the issuing authority's and the utility's answers prevail.")}</p>
        </section>
    }
}
