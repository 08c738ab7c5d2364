//! The yew app: one reducer (`crate::state`), effects for storage, the
//! language attribute and the kiosk's idle timer, and pure rendering.

mod answer;
mod browser;
#[cfg(feature = "app")]
mod contractor;
mod effects;
mod form;
mod lazy;
mod results;
mod start;
mod timeline;
mod widgets;
mod worklist;

use crate::draft::field_id;
use crate::share;
use crate::state::{Action, Lang, Mode, Saved, Source, State};
pub use start::StartApp;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use widgets::Ui;
use yekuo::calendar::Calendar;
use yekuo::eval::{checklist, evaluate};
use yekuo::rulebook::Rulebook;
use yew::prelude::*;

/// This build is the single-file kiosk copy (the `kiosk` feature, issue 16):
/// the start pages for a kiosk, with no full app beside it and nothing kept.
pub(crate) const KIOSK_COPY: bool = cfg!(feature = "kiosk");

/// The reducer state as yew sees it; all logic is in [`State::apply`].
#[derive(Clone, PartialEq)]
struct Store(State);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.apply(action)))
    }
}

/// The first state: the autosaved form (customer and clerk modes), then a
/// case carried by the link, if any: loaded into an empty form, offered
/// with a question over entries.
fn initial() -> State {
    // The kiosk copy is a kiosk whatever its page and address say (its page
    // says so too, for the wipe: `browser::wipe_storage`).
    let mode = if KIOSK_COPY {
        Mode::Kiosk
    } else {
        Mode::for_page(&browser::query(), browser::forced_mode())
    };
    let today = browser::today();
    let mut state = State::new(mode, today);
    if mode.persists() {
        match browser::load(mode) {
            browser::Loaded::Nothing => {}
            browser::Loaded::Saved(saved) => state = saved.restore(mode, today),
            browser::Loaded::Corrupt {
                reason,
                key,
                copied,
            } => {
                state = state.apply(Action::CorruptSave {
                    reason,
                    key,
                    copied,
                })
            }
        }
    } else {
        // A kiosk starts from nothing: whatever a visitor left (a copy that
        // crashed before its wipe, an older build) goes before the next one.
        browser::wipe_storage();
    }
    if let Some(lang) = Lang::from_query(&browser::query()) {
        state.lang = lang;
    }
    // The start bundle handed this tab over (`start.rs`): its answers and
    // language as they were a moment ago, and the page it could not show
    // (the form, or the contractor question).
    if let Some((saved, page)) = browser::take_handoff(mode) {
        // Another tab saved other entries meanwhile: both stay, as when
        // two tabs edit one form, and this one does not autosave over it.
        let other = !state.draft.is_empty() && state.draft != saved.draft;
        (state.draft, state.lang) = (saved.draft, saved.lang);
        state.journey = page;
        if other {
            state = state.apply(Action::OtherTabSaved);
        }
    }
    // A restore link to open (the full app reads it, `open_link_in_fragment`):
    // the first render is already the form that will hold its case.
    if cfg!(feature = "app") && share::fragment_payload(&browser::fragment()).is_some() {
        state = state.apply(Action::OpeningLink);
    }
    state
}

/// Open the case a restore link carries, if the page's fragment holds one.
/// The import module reads it (`lazy`), so it arrives after the first
/// render, as a link pasted into an open tab does. Read once: a reload
/// restores the autosave with later edits; an open question about the link
/// is then gone, but nothing was replaced and the link is still wherever
/// the user found it.
fn open_link_in_fragment(send: Callback<Action>) {
    let fragment = browser::fragment();
    if share::fragment_payload(&fragment).is_none() {
        return;
    }
    browser::clear_fragment();
    send.emit(Action::OpeningLink);
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(result) = lazy::read_fragment(fragment).await {
            send.emit(Action::Import(Source::Link, result));
        }
    });
}

/// The whole checker.
#[component]
pub fn App() -> Html {
    let store = use_reducer_eq(|| Store(initial()));
    let state = &store.0;
    let send: Callback<Action> = {
        let store = store.clone();
        Callback::from(move |a| store.dispatch(a))
    };

    effects::use_autosave(state, false, send.clone());
    effects::use_document_lang(state.lang);
    effects::use_page_focus(state.journey);
    effects::use_kiosk_idle(state, send.clone());
    effects::use_today(send.clone());
    worklist::use_worklist_storage(state, &send);
    // The form is on screen and answering: the "usable" moment benchmarks read.
    use_effect_with((), |_| browser::mark("yekuo-usable"));

    effects::use_other_tab(state.mode, send.clone());

    // A restore link opens the page, or is pasted into an open tab, which
    // only changes the fragment.
    {
        let send = send.clone();
        use_effect_with((), move |_| {
            open_link_in_fragment(send.clone());
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    open_link_in_fragment(send.clone())
                });
            move || drop(listener)
        });
    }

    let as_of = state.as_of();
    let checked = state
        .draft
        .check_at(as_of, as_of == state.today, &state.bad_input);
    let book = Rulebook::embedded();
    // Results resting on a field with an error are held back, not shown
    // wrong: they come back when the field is corrected.
    let (report, held) = match checked.case.as_ref().map(|c| evaluate(book, c, as_of)) {
        Some(mut r) => {
            let held = crate::draft::hold_back(&mut r, &checked.errors);
            (Some(r), held)
        }
        None => (None, Vec::new()),
    };
    let list = checked
        .case
        .as_ref()
        .map(|c| checklist(book, c, as_of))
        .unwrap_or_default();
    let ui = Ui {
        lang: state.lang,
        audience: match state.mode {
            Mode::Clerk => yekuo::render::Audience::Clerk,
            Mode::Customer | Mode::Kiosk => yekuo::render::Audience::Customer,
        },
        send: send.clone(),
        errors: &checked.errors,
    };
    let kiosk = state.mode == Mode::Kiosk;

    html! {
        <div class={classes!("app", mode_class(state.mode))}>
            <a class="skip no-print" href="#main">{ui.t("跳到主要内容", "Skip to main content")}</a>
            { header(state, &ui) }
            <main id="main" tabindex="-1">
                { link_offer(state, &ui) }
                { notice(state, &ui) }
                { error_summary(&ui, &checked.errors) }
                if state.idle_warning { { idle_warning(state, &ui) } }
                if let (Some(r), true) = (&report, state.journey == crate::state::Journey::Form && !state.worklist.visible) {
                    <a class="to-results no-print" href="#results-h">{
                        // Counted as the summary counts: rows, one per late step.
                        match (state.lang, crate::sections::all_rows(&r.findings).iter().filter(|row| row.outcome().is_adverse()).count()) {
                            (Lang::Zh, 0) => "↓ 查看检查结果".to_string(),
                            (Lang::Zh, n) => format!("↓ 查看检查结果(发现 {n} 个问题)"),
                            (Lang::En, 0) => "↓ See the results".to_string(),
                            (Lang::En, 1) => "↓ See the results (1 problem)".to_string(),
                            (Lang::En, n) => format!("↓ See the results ({n} problems)"),
                        }
                    }</a>
                }
                if state.mode == Mode::Clerk { { worklist::nav(state, &ui) } }
                if let Some(page) = answer::page(state, &ui) {
                    { page }
                } else if state.mode == Mode::Clerk && state.worklist.visible {
                    { worklist::page(state, &ui) }
                } else {
                <div class="layout">
                    <div class="form-col">{ form::form(state, &ui, &list) }</div>
                    <div class="results-col">
                        if let Some(r) = &report {
                            { held_notice(&ui, &held) }
                            { actions(state, &ui, checked.case.as_ref(), r) }
                            if state.mode == Mode::Clerk { { worklist::case_on_list(state, &ui) } }
                            { results::results(state, &ui, r, checked.case.as_ref(), &list) }
                        } else {
                            <p class="hint">{ui.t("选择客户类别和业务后，这里会即时显示检查结果。", "Results appear here as soon as you choose the category and the business.")}</p>
                        }
                    </div>
                </div>
                if !kiosk { { import_control(&ui) } }
                }
            </main>
            { footer(&ui, state.mode != Mode::Customer) }
        </div>
    }
}

/// "Held back until corrected": which fields keep which results back.
fn held_notice(ui: &Ui, fields: &[String]) -> Html {
    if fields.is_empty() {
        return Html::default();
    }
    html! {
        <div class="held" role="status">
            <p><strong>{ui.t("部分结果待更正后计算。", "Some results are held back until corrected.")}</strong>
            {ui.t(" 它们用到以下有错误的填写项，更正后即显示:", " They use these fields, which have an error; they appear once corrected:")}</p>
            <ul>
                { for fields.iter().map(|k| {
                    let id = field_id(k);
                    let target = id.clone();
                    let onclick = Callback::from(move |ev: MouseEvent| { ev.prevent_default(); browser::focus(&target); });
                    let name = crate::labels::label(k, ui.lang).unwrap_or_else(|| k.clone());
                    html! { <li><a href={format!("#{id}")} {onclick}>{name}</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// The class that styles a mode (a kiosk's big type and touch targets).
fn mode_class(mode: Mode) -> &'static str {
    match mode {
        Mode::Customer => "mode-customer",
        Mode::Clerk => "mode-clerk",
        Mode::Kiosk => "mode-kiosk",
    }
}

/// The kiosk's "are you still there?": it takes focus (its button) when it
/// appears, and counts the seconds left before the wipe.
fn idle_warning(state: &State, ui: &Ui) -> Html {
    let left = crate::state::KIOSK_WIPE_AFTER_S.saturating_sub(state.idle_seconds);
    html! {
        <div class="idle" role="alertdialog" aria-modal="true" aria-labelledby="idle-h" aria-describedby="idle-p">
            <h2 id="idle-h">{ui.t("您还在使用吗？", "Are you still there?")}</h2>
            <p id="idle-p">{ui.t("如无操作，本机将清除所有填写内容，以保护您的隐私。", "Without input, everything entered here will be erased to protect your privacy.")}</p>
            <p class="countdown">{match ui.lang {
                Lang::Zh => format!("还剩 {left} 秒"),
                Lang::En => format!("{left} second{} left", if left == 1 { "" } else { "s" }),
            }}</p>
            <button type="button" id="idle-continue" class="primary" onclick={ui.send.reform(|_| Action::Idle(0))}>{ui.t("继续使用", "Continue")}</button>
        </div>
    }
}

fn header(state: &State, ui: &Ui) -> Html {
    let other = match state.lang {
        Lang::Zh => (Lang::En, "English", "en"),
        Lang::En => (Lang::Zh, "中文", "zh-CN"),
    };
    let kiosk = state.mode == Mode::Kiosk;
    html! {
        <header class="top">
            <h1>{ui.t("业扩报装自助预检", "Electricity connection pre-check")}</h1>
            <p class="tagline">{if KIOSK_COPY {
                // The kiosk copy has no contractor question: it promises none.
                ui.t("申请用电前，先查要带的资料和办电时限。全部在本机计算，不上传任何信息。",
                    "Check the documents to bring and the time limits before you apply. Everything is computed on this device; nothing is uploaded.")
            } else {
                ui.t("申请用电前，先查资料、时限和施工单位资质。全部在本机计算，不上传任何信息。",
                    "Check documents, deadlines and the contractor before you apply. Everything is computed on this device; nothing is uploaded.")
            }}</p>
            <div class="top-actions no-print">
                <button type="button" lang={other.2} onclick={ui.send.reform(move |_| Action::SetLang(other.0))}>{other.1}</button>
                if kiosk {
                    <button type="button" class="finish" onclick={ui.send.reform(|_| { browser::wipe_all(); Action::Finish })}>{ui.t("结束并清除", "Finish and erase")}</button>
                } else {
                    if state.previous.is_some() && !state.worklist.visible { { ui.button(("撤销", "Undo"), "secondary", Action::Undo) } }
                    // The questions before applying have no form to clear.
                    if state.journey == crate::state::Journey::Form && !state.worklist.visible {
                        { ui.button(("清空表单", "Clear the form"), "secondary", Action::Clear) }
                    }
                }
            </div>
        </header>
    }
}

fn notice(state: &State, ui: &Ui) -> Html {
    let Some(n) = &state.notice else {
        return Html::default();
    };
    html! {
        <div class={classes!("notice", n.error.then_some("error"))} role={if n.error { "alert" } else { "status" }}>
            <p>{ui.t(&n.zh, &n.en).to_string()}</p>
            if state.autosave_paused {
                { ui.button(("保留本页内容", "Keep this tab"), "primary", Action::KeepThisTab) }
            }
            { ui.button(("知道了", "Dismiss"), "secondary", Action::DismissNotice) }
        </div>
    }
}

/// A restore link opened over entries: the question, never a silent replace.
fn link_offer(state: &State, ui: &Ui) -> Html {
    if state.pending_link.is_none() {
        return Html::default();
    }
    html! {
        <div class="notice link-offer" role="alert">
            <p>{ui.t("此链接带有一个案例。打开它将替换您现在填写的内容(已自动保存在本机)。要打开吗？",
                "This link carries a case. Opening it replaces what you have entered (autosaved on this device). Open it?")}</p>
            { ui.button(("打开链接中的案例", "Open the link's case"), "primary", Action::AcceptLink) }
            { ui.button(("保留当前内容", "Keep my entries"), "secondary", Action::KeepForm) }
        </div>
    }
}

/// The GOV.UK error summary: every problem, each naming its field by the
/// form's label and linking to it (the link's target is the field's path).
fn error_summary(ui: &Ui, errors: &[crate::draft::FieldError]) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="error-summary" role="alert" aria-labelledby="error-summary-h" tabindex="-1">
            <h2 id="error-summary-h">{ui.t("有以下问题需要修改(其余结果照常计算):", "There is a problem (other results are still computed):")}</h2>
            <ul>
                { for errors.iter().map(|e| {
                    let id = field_id(&e.field);
                    let target = id.clone();
                    let onclick = Callback::from(move |ev: MouseEvent| { ev.prevent_default(); browser::focus(&target); });
                    html! { <li><a href={format!("#{id}")} {onclick}>{e.summary(ui.lang)}</a></li> }
                }) }
            </ul>
        </div>
    }
}

fn actions(
    state: &State,
    ui: &Ui,
    case: Option<&yekuo::case::Case>,
    report: &yekuo::report::Report,
) -> Html {
    let kiosk = state.mode == Mode::Kiosk;
    let print = Callback::from(|_| browser::print(false));
    let Some(case) = case.cloned() else {
        return Html::default();
    };
    // The case file and the restore link are written by the import module
    // (`lazy`), fetched the first time either is asked for.
    let write = |then: fn(String, String)| {
        let (draft, send) = (state.draft.clone(), ui.send.clone());
        move || {
            let (draft, send) = (draft.clone(), send.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match lazy::write_case(&draft).await {
                    Ok((file, fragment)) => then(file, fragment),
                    Err(e) => send.emit(Action::WriteFailed(e)),
                }
            });
        }
    };
    let export = {
        let write =
            write(|file, _| browser::download("yekuo-case.json", "application/json", &file));
        Callback::from(move |_| write())
    };
    let fill_link = {
        let write = write(|_, fragment| {
            browser::set_input_value("share-link", &format!("{}#{fragment}", browser::page_url()))
        });
        Callback::from(move |e: Event| {
            let panel: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if panel.open() {
                write();
            }
        })
    };
    // A link made for other entries would restore the wrong case: the
    // panel is keyed by the entries, so a change closes it and reopening
    // writes the link anew.
    let link_key =
        yekuo::rulebook::fingerprint(&[("", Saved::of_draft(state.draft.clone()).to_text())]);
    let ics = {
        let text = share::deadlines_ics(report, case.title.as_deref().unwrap_or(""));
        Callback::from(move |_| browser::download("yekuo-deadlines.ics", "text/calendar", &text))
    };
    html! {
        <div class="actions no-print">
            <button type="button" onclick={print}>{ui.t("打印报告", "Print the report")}</button>
            if !kiosk {
                <button type="button" onclick={export}>{ui.t("导出案例文件", "Export the case file")}</button>
                <button type="button" onclick={ics}>{ui.t("导出截止日期(日历)", "Export deadlines (.ics)")}</button>
                <details class="share" key={link_key} ontoggle={fill_link}>
                    <summary>{ui.t("恢复链接", "Restore link")}</summary>
                    <p class="hint">{ui.t("此链接包含您填写的内容(只在链接的 # 之后，不会发送到服务器)。请只发给信任的人。",
                        "This link contains your entries (after the #, never sent to a server). Share it only with people you trust.")}</p>
                    <input id="share-link" type="text" readonly=true placeholder="…" aria-label={ui.t("恢复链接", "Restore link").to_string()} />
                </details>
            }
        </div>
    }
}

fn import_control(ui: &Ui) -> Html {
    let send = ui.send.clone();
    let onchange = Callback::from(move |e: Event| {
        let (send, too_big) = (send.clone(), send.clone());
        browser::read_chosen_file(
            &e,
            yekuo::case::MAX_CASE_BYTES,
            move |size| {
                let err = yekuo::case::too_big(size as usize);
                too_big.emit(Action::Import(Source::File, Err(err)));
            },
            |bytes| async move {
                let result = match bytes {
                    Ok(bytes) => lazy::read_case(bytes).await,
                    Err(e) => Err(e),
                };
                send.emit(Action::Import(Source::File, result));
            },
        );
    });
    html! {
        <section class="import no-print" aria-labelledby="import-h">
            <h2 id="import-h">{ui.t("导入案例文件", "Import a case file")}</h2>
            <label for="import-file">{ui.t("选择 .json 案例文件(与命令行工具格式相同)", "Choose a .json case file (the command line's format)")}</label>
            <input id="import-file" type="file" accept=".json,application/json" {onchange} />
        </section>
    }
}

/// Which rulebook and calendar this copy carries, so a technician can tell
/// when a kiosk copy needs replacing.
fn footer(ui: &Ui, technician: bool) -> Html {
    let cal = Calendar::national();
    let (first, last) = cal.coverage();
    let latest = cal.notices().iter().map(|n| n.year).max().unwrap_or(0);
    html! {
        <footer class="bottom">
            // A customer reads no fingerprint and no marks (issue 14): the
            // version line is for a clerk, or a technician checking a kiosk copy.
            if technician {
            <p id="versions">{match ui.lang {
                Lang::Zh => format!("yekuo {} · 规则库 {} 部文件(指纹 {}) · 节假日数据 {first} 至 {last}(最新国务院通知: {latest} 年)",
                    crate::VERSION, Rulebook::embedded().entries.len(), yekuo::rulebook::embedded_fingerprint()),
                Lang::En => format!("yekuo {} · rulebook of {} instruments (fingerprint {}) · holiday data {first} to {last} (latest State Council notice: {latest})",
                    crate::VERSION, Rulebook::embedded().entries.len(), yekuo::rulebook::embedded_fingerprint()),
            }}</p>
            }
            <p>{ui.t("结果仅供参考，以供电企业书面答复为准。超出节假日数据范围的日期只按周末计算，并会提示。",
                "For guidance only; the utility's written answer prevails. Dates beyond the holiday data are counted with weekends only, with a warning.")}</p>
            if ui.is_clerk() {
            <p>{ui.t("可信度: [V] 已核实原文 · [S] 二手来源 · [R] 回忆/推定，未核实，不作为违规依据 · [X] 未知",
                "Confidence: [V] verified in a source text · [S] secondary source · [R] recalled, unverified, never used to call a violation · [X] unknown")}</p>
            }
        </footer>
    }
}

/// Entry point of the full app: mount it on `<div id="app">` (or the body).
/// The start bundle has its own (`start.rs`).
#[cfg(feature = "app")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    mount::<App>();
}

/// Mount an app on `<div id="app">` (or the body), in place of the page's
/// loading text.
fn mount<C: BaseComponent<Properties = ()>>() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
        .unwrap_or_else(|| gloo::utils::body().into());
    if let Some(loading) = gloo::utils::document().get_element_by_id("loading") {
        loading.remove();
    }
    yew::Renderer::<C>::with_root(root).render();
}
