//! Customer mode before applying (issue 14): a start page, one question a
//! page (who you are, what you want), then the answer: how long, what to
//! bring, your rights, and the basis said once. Every choice is a button
//! that moves on, so the answer is three taps from the start and nothing is
//! typed. The choices go into the same draft as the full form, which is the
//! second path ("我已申请，查进度").

use super::widgets::Ui;
use crate::state::{Action, Journey, Lang, State};
use yekuo::case::{Business, Category, Operator};
use yekuo::eval::{checklist, expect, first_shown, StepLimit};
use yekuo::render::answer as words;
use yekuo::report::Step;
use yekuo::rulebook::Rulebook;
use yekuo::vocab::Need;
use yew::prelude::*;

/// The page for the journey's step; `None` for the full form.
pub fn page(state: &State, ui: &Ui) -> Option<Html> {
    Some(match state.journey {
        // The kiosk copy has no such page; none of its buttons leads there.
        Journey::Form | Journey::Contractor if !goes_beyond() => start(ui),
        Journey::Form => return None,
        Journey::Start => start(ui),
        Journey::Who => who(ui),
        Journey::What => what(state, ui),
        Journey::Answer => answer(state, ui),
        // The start bundle hands the contractor question over to the full
        // app (`start.rs`): 18 KB gzip of its first load (issue 16).
        #[cfg(feature = "app")]
        Journey::Contractor => match state.draft.check().case {
            Some(case) => super::contractor::page(state, ui, &case),
            None => who(ui),
        },
        #[cfg(not(feature = "app"))]
        Journey::Contractor => return None,
    })
}

/// The heading of a journey page, focused when the page opens (so a
/// screen reader starts there, and the page is shown from its top).
pub fn heading(j: Journey) -> Option<&'static str> {
    Some(match j {
        Journey::Start => "start-h",
        Journey::Who => "who-h",
        Journey::What => "what-h",
        Journey::Answer => "answer-h",
        #[cfg(feature = "app")]
        Journey::Contractor => super::contractor::HEADING,
        #[cfg(not(feature = "app"))]
        Journey::Contractor => return None,
        Journey::Form => return None,
    })
}

/// A button of the questions that moves on: `action`, unless the click is
/// the second of a double tap (or double click). The first tap has already
/// moved on, and the second would land on whatever button of the next page
/// sits in the same place, answering a question the visitor never saw.
/// Browsers count the taps of one double tap in the click's `detail`.
fn moves_on(ui: &Ui, action: impl Fn() -> Vec<Action> + 'static) -> Callback<MouseEvent> {
    let send = ui.send.clone();
    Callback::from(move |e: MouseEvent| {
        if e.detail() > 1 {
            return;
        }
        for a in action() {
            send.emit(a);
        }
    })
}

/// Whether this page can take the user on to the full form and the
/// contractor question: always, except in the kiosk copy, which has no full
/// app to hand over to (`start.rs`) and says where else to ask instead.
pub fn goes_beyond() -> bool {
    !super::KIOSK_COPY
}

/// The second path: the full form, for those already in the process; on a
/// kiosk copy without it, where to ask instead.
pub(super) fn applied_link(ui: &Ui) -> Html {
    if !goes_beyond() {
        return html! {
            <p class="second-path">{ui.t(
                "已经申请了，想查进度，或想知道施工单位有没有资质？请向供电公司营业厅咨询，或拨打 95598。",
                "Already applied and want to know where it stands, or want to check a contractor's licence? Ask at the utility's service centre, or call 95598.",
            )}</p>
        };
    }
    html! {
        <p class="second-path">
            <button type="button" class="link" onclick={ui.send.reform(|_| Action::Go(Journey::Form))}>
                {ui.t("我已申请，查进度 →", "I have applied: check my progress →")}
            </button>
        </p>
    }
}

fn start(ui: &Ui) -> Html {
    html! {
        <section class="journey start" aria-labelledby="start-h">
            <h2 id="start-h" tabindex="-1">{ui.t("开户、增容前，先看看要带什么、要多久", "Before you apply: what to bring and how long it takes")}</h2>
            <p>{ui.t("回答两个问题，就能看到办电各步骤的时限、要带的资料和您的权利。不用填日期，信息不会离开本机。",
                "Answer two questions to see each step's time limit, the documents to bring and your rights. No dates to type; nothing leaves this device.")}</p>
            <button type="button" class="primary start-button" onclick={moves_on(ui, || vec![Action::Go(Journey::Who)])}>
                {ui.t("开始", "Start")}
            </button>
            { applied_link(ui) }
        </section>
    }
}

/// One choice: a big button that sets a field and moves on.
fn choice(
    ui: &Ui,
    key: &'static str,
    value: &'static str,
    label: (&str, &str),
    hint: (&str, &str),
    next: Journey,
) -> Html {
    let onclick = moves_on(ui, move || {
        vec![
            Action::Edit(key.into(), crate::draft::Input::Text(value.into())),
            Action::Go(next),
        ]
    });
    html! {
        <li>
            <button type="button" class="choice" {onclick}>
                <span class="choice-label">{ui.t(label.0, label.1)}</span>
                <span class="choice-hint">{ui.t(hint.0, hint.1)}</span>
            </button>
        </li>
    }
}

pub(super) fn back(ui: &Ui, to: Journey) -> Html {
    html! {
        <button type="button" class="link back" onclick={moves_on(ui, move || vec![Action::Go(to)])}>
            {ui.t("← 上一步", "← Back")}
        </button>
    }
}

fn who(ui: &Ui) -> Html {
    html! {
        <section class="journey" aria-labelledby="who-h">
            { back(ui, Journey::Start) }
            <h2 id="who-h" tabindex="-1">{ui.t("您是哪类用电？", "What kind of customer are you?")}</h2>
            <ul class="choices">
                { choice(ui, "customer.category", Category::Resident.as_str(), ("家庭用电", "A home"), ("居民客户", "resident customer"), Journey::What) }
                { choice(ui, "customer.category", Category::LvNonresident.as_str(), ("商铺、小企业", "A shop or small business"), ("低压非居民客户", "low-voltage non-resident customer"), Journey::What) }
                { choice(ui, "customer.category", Category::HighVoltage.as_str(), ("工厂、单位(高压)", "A factory or large site (high voltage)"), ("高压客户，10 千伏及以上", "high-voltage customer, 10 kV and above"), Journey::What) }
            </ul>
        </section>
    }
}

fn what(state: &State, ui: &Ui) -> Html {
    let home = state.draft.category() == Some(Category::Resident);
    html! {
        <section class="journey" aria-labelledby="what-h">
            { back(ui, Journey::Who) }
            <h2 id="what-h" tabindex="-1">{ui.t("您要办什么？", "What do you want to do?")}</h2>
            <ul class="choices">
                { choice(ui, "customer.business", Business::New.as_str(), ("新装", "A new connection"),
                    if home { ("新房第一次接电", "first supply to a new home") } else { ("第一次接电", "first supply to the premises") }, Journey::Answer) }
                { choice(ui, "customer.business", Business::Increase.as_str(), ("增容", "More capacity"),
                    if home { ("电不够用了，比如要装空调、电动汽车充电桩", "not enough power, e.g. for air conditioning or an EV charger") } else { ("现有容量不够用了", "the present capacity is not enough") }, Journey::Answer) }
            </ul>
        </section>
    }
}

fn answer(state: &State, ui: &Ui) -> Html {
    let checked = state.draft.check();
    let Some(case) = checked.case else {
        // A choice is missing (a reload in between): ask again.
        return who(ui);
    };
    let book = Rulebook::embedded();
    let today = state.today;
    let lang = ui.lang.core();
    let limits = expect(book, &case, today);
    let list = checklist(book, &case, today);
    html! {
        <section class="journey answer" aria-labelledby="answer-h">
            { back(ui, Journey::What) }
            <h2 id="answer-h" tabindex="-1">{ui.t("您的答复", "Your answer")}</h2>
            <p class="hint">{summary_line(&case, ui)}</p>
            { how_long(ui, lang, &limits, today) }
            { to_bring(ui, &list) }
            { rights(ui) }
            if goes_beyond() {
                <p class="second-path">
                    <button type="button" class="link" onclick={ui.send.reform(|_| Action::Go(Journey::Contractor))}>
                        {ui.t("请了电工或施工单位？看看他们能不能做 →", "Hiring an electrician or a contractor? Check they may do the work →")}
                    </button>
                </p>
            }
            { about_basis(ui, lang, &limits, &case) }
            <p class="no-print">
                <button type="button" onclick={Callback::from(|_| super::browser::print(false))}>{ui.t("打印这份答复", "Print this answer")}</button>
            </p>
            { applied_link(ui) }
        </section>
    }
}

fn summary_line(case: &yekuo::case::Case, ui: &Ui) -> String {
    let who = match case.customer.category {
        Category::Resident => ui.t("家庭用电", "a home"),
        Category::LvNonresident => ui.t("商铺、小企业", "a shop or small business"),
        Category::HighVoltage => ui.t("工厂、单位(高压)", "a high-voltage site"),
    };
    let what = match case.customer.business {
        Business::New => ui.t("新装", "a new connection"),
        Business::Increase => ui.t("增容", "more capacity"),
        Business::Temporary => ui.t("临时用电", "temporary supply"),
        Business::Change => ui.t("变更用电", "a change of use"),
    };
    let op = match case.utility.operator {
        Operator::Sgcc => ui.t("国家电网", "State Grid"),
        Operator::Csg => ui.t("南方电网", "China Southern Grid"),
        _ => ui.t("其他供电企业", "another utility"),
    };
    match ui.lang {
        Lang::Zh => format!("{who} · {what} · {op} · 按今天的规定计算"),
        Lang::En => format!("{who} · {what} · {op} · under the rules in force today"),
    }
}

fn how_long(
    ui: &Ui,
    lang: yekuo::render::Lang,
    limits: &[StepLimit],
    today: chrono::NaiveDate,
) -> Html {
    let steps = [
        Step::PlanAnswer,
        Step::DesignReview,
        Step::MidCheck,
        Step::CompletionInspection,
        Step::PowerOn,
        Step::WholeProcess,
    ];
    let rows = steps.iter().filter_map(|s| {
        let here: Vec<&StepLimit> = limits.iter().filter(|l| l.step == *s).collect();
        if here.is_empty() {
            return None;
        }
        // One limit a step is shown; the step's other rules (targets,
        // longer limits, unverified values) are folded under it.
        let first = first_shown(&here).unwrap_or(0);
        let one = |l: &StepLimit| html! {
            <div class="limit">
                <strong>{words::limit(l, lang)}</strong>
                if here.len() > 1 { <span class="hint">{" "}{words::source(l, lang)}</span> }
                <details class="why">
                    <summary>{ui.t("为什么？", "Why?")}</summary>
                    <p>{words::basis(l, lang)}</p>
                </details>
            </div>
        };
        let more = here.len() - 1;
        Some(html! {
            <li class="step-limit">
                <span class="step-name">{words::step(*s, lang)}</span>
                { one(here[first]) }
                if more > 0 {
                    <details class="more-limits">
                        <summary>{match ui.lang {
                            Lang::Zh => format!("另有 {more} 项规定"),
                            Lang::En if more == 1 => "1 more rule".to_string(),
                            Lang::En => format!("{more} more rules"),
                        }}</summary>
                        { for here.iter().enumerate().filter(|(i, _)| *i != first).map(|(_, l)| one(l)) }
                    </details>
                }
            </li>
        })
    });
    // The example: the latest power-on (whole process), else the plan answer.
    let example = [Step::WholeProcess, Step::PlanAnswer].iter().find_map(|s| {
        limits
            .iter()
            .filter(|l| l.step == *s && l.mark.is_reliable())
            .filter_map(|l| l.example.map(|e| (l, e)))
            .min_by_key(|(_, e)| e.due)
            .map(|(l, e)| (*s, l, e))
    });
    html! {
        <section class="how-long" aria-labelledby="how-long-h">
            <h3 id="how-long-h">{ui.t("大约要多久", "How long it should take")}</h3>
            <ul class="limits">{ for rows }</ul>
            if let Some((s, _, e)) = example {
                <p class="example"><span class="tag">{ui.t("举例", "Example")}</span>{" "}{
                    match (s, ui.lang) {
                        (Step::WholeProcess, Lang::Zh) => format!("如果今天({})受理，最晚 {} 前应装表通电。", words::day(today, lang), words::day(e.due, lang)),
                        (Step::WholeProcess, Lang::En) => format!("If your application is accepted today ({}), the power should be on by {} at the latest.", words::day(today, lang), words::day(e.due, lang)),
                        (_, Lang::Zh) => format!("如果今天({})受理，最晚 {} 前应答复供电方案。", words::day(today, lang), words::day(e.due, lang)),
                        (_, Lang::En) => format!("If your application is accepted today ({}), the utility should tell you how you will be connected by {} at the latest.", words::day(today, lang), words::day(e.due, lang)),
                    }
                }</p>
                <p class="hint">{ui.t("工作日按国家法定节假日和调休计算，不含周末和节假日。",
                    "Working days leave out weekends and public holidays, on the official calendar.")}
                    { holidays(ui, today, e.due) }</p>
                { beyond_holiday_data(ui, lang, today, e.due) }
            }
        </section>
    }
}

fn to_bring(ui: &Ui, list: &[yekuo::eval::ChecklistItem]) -> Html {
    let needed: Vec<_> = list.iter().filter(|i| i.need != Need::Local).collect();
    if needed.is_empty() {
        return html! {
            <section class="to-bring" aria-labelledby="bring-h">
                <h3 id="bring-h">{ui.t("要带的资料", "What to bring")}</h3>
                <p>{ui.t("此类业务的资料以当地供电公司告知为准。", "For this business the utility tells you locally what to bring.")}</p>
            </section>
        };
    }
    html! {
        <section class="to-bring" aria-labelledby="bring-h">
            <h3 id="bring-h">{ui.t("要带的资料", "What to bring")}</h3>
            <ul class="bring-list">
                { for needed.iter().map(|i| {
                    let d = &i.document;
                    let acc = yekuo::render::forms(&d.accepted, ui.reader().lang);
                    html! {
                        <li>
                            <strong>{ui.t(&d.name_zh, &d.name_en).to_string()}</strong>
                            if i.need != Need::Required { {ui.t("(按您的情况需要)", " (if it applies to you)")} }
                            if !acc.is_empty() {
                                <br/><span class="hint">{ui.t("以下任一都可以: ", "Any of these will do: ")}{acc}</span>
                            }
                            if i.later_with_one_id { <br/><span class="hint">{ui.t("只带身份证也可以先办，这份可以后补。", "You can start with your ID alone and bring this later.")}</span> }
                        </li>
                    }
                }) }
            </ul>
            <p class="hint">{ui.t("没带齐也可以先申请：供电公司应一次性书面告诉您还缺什么。",
                "Not everything yet? You can still apply: the utility must tell you once, in writing, everything still missing.")}</p>
        </section>
    }
}

fn rights(ui: &Ui) -> Html {
    html! {
        <section class="your-rights" aria-labelledby="rights-h">
            <h3 id="rights-h">{ui.t("您的权利", "Your rights")}</h3>
            <ul>
                <li>{ui.t("供电公司不能替您指定设计、施工、设备单位，您可以自己选。",
                    "The utility may not choose your designer, builder or equipment supplier for you: the choice is yours.")}</li>
                <li>{ui.t("资料不全时，供电公司应一次性书面告诉您缺什么，不能让您来回跑。",
                    "If documents are missing, the utility must tell you everything missing once, in writing, not bit by bit.")}</li>
                <li>{ui.t("某一步超过规定时间：先问经办人原因并要求书面答复；仍不解决可拨打 95598 投诉，或拨打 12398 能源监管热线。",
                    "If a step runs past its limit: ask the clerk why, in writing; if that does not help, complain on 95598, or to the energy regulator's hotline 12398.")}</li>
            </ul>
        </section>
    }
}

/// The basis, said once: the rules counted and any doubt about their dates.
fn about_basis(
    ui: &Ui,
    lang: yekuo::render::Lang,
    limits: &[StepLimit],
    case: &yekuo::case::Case,
) -> Html {
    let mut titles: Vec<(String, bool, bool)> = Vec::new();
    for l in limits {
        let t = ui.t(&l.citation.title, &l.citation.title_en).to_string();
        if let Some(x) = titles.iter_mut().find(|x| x.0 == t) {
            x.1 |= l.dates_uncertain;
            x.2 |= !l.mark.is_reliable();
        } else {
            titles.push((t, l.dates_uncertain, !l.mark.is_reliable()));
        }
    }
    let _ = lang;
    let body = html! { <>
        <ul>
            { for titles.iter().map(|(t, dates, unsure)| html! {
                <li>
                    {t.clone()}
                    if *dates { {ui.t(" — 这份文件的施行日期未能核实。", " — its dates in force could not be verified.")} }
                    if *unsure { {ui.t(" — 其中部分时限未核实，仅供参考。", " — some of its limits are unverified, for guidance only.")} }
                </li>
            }) }
        </ul>
        if case.utility.operator == Operator::Sgcc {
            <p>{ui.t("按国家电网的承诺计算；其他供电企业只按国家规定。", "Counted with State Grid's commitments; other utilities are bound by the national rules only.")}</p>
        }
        <p>{ui.t("结果仅供参考，以供电企业书面答复为准。", "For guidance only; the utility's written answer prevails.")}</p>
    </> };
    // Folded on screen; on paper, which cannot be unfolded, written out.
    html! { <>
        <details class="about-basis no-print">
            <summary>{ui.t("关于依据", "About the basis")}</summary>
            { body.clone() }
        </details>
        <section class="about-basis print-only">
            <h3>{ui.t("关于依据", "About the basis")}</h3>
            { body }
        </section>
    </> }
}

/// CAL-11: an example that runs past the holiday data (the State Council
/// publishes each year's holidays late in the year before) is counted with
/// weekends only, and may come out early; said beside it, as the full
/// form's results say it.
fn beyond_holiday_data(
    ui: &Ui,
    lang: yekuo::render::Lang,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Html {
    let cal = yekuo::calendar::Calendar::national();
    if cal.gap(from, to).is_none() {
        return Html::default();
    }
    let last = words::day(cal.coverage().1, lang);
    html! {
        <p class="caveat" role="note">{match ui.lang {
            Lang::Zh => format!("注意: 国家节假日安排只公布到 {last}，之后的日子只按周末计算，节假日未计入，上面的日期可能偏早。"),
            Lang::En => format!("Note: public holidays are published only up to {last}; later days are counted with weekends only, without holidays, so the date above may be too early."),
        }}</p>
    }
}

/// The holidays an example passes, named once each in the page's language
/// (the calendar data names each holiday in both).
fn holidays(ui: &Ui, from: chrono::NaiveDate, to: chrono::NaiveDate) -> Html {
    let mut names: Vec<&str> = Vec::new();
    for d in yekuo::calendar::Calendar::national().special_days_between(from, to) {
        let name = ui.t(&d.name, &d.name_en);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        return Html::default();
    }
    html! { <>
        {ui.t(" 其间的节假日和调休已计入: ", " Counted with the holidays on the way: ")}
        {names.join(ui.t("、", ", "))}
        {ui.t("。", ".")}
    </> }
}
