//! The start bundle's app (issue 16): what a customer's first visit runs.
//! The start page, one question a page and the answer (`answer.rs`), with
//! the full app's header, notices, footer and effects; no form, no results,
//! no timeline, no `eval::evaluate` and no contractor question, which stay
//! in the full app.
//!
//! `scripts/build-web` builds this crate a second time with the `start`
//! feature and without `app`, so this module's entry point, not the full
//! app's, mounts the page; the linker drops what only `App` calls (the
//! evaluator among it), and `scripts/check-size` checks that it did.
//! `www/boot.js` chooses this bundle only when it can show the page.
//!
//! Whatever it cannot show (the second path "我已申请，查进度", the
//! contractor question, a restore link pasted into the address bar, a form
//! another tab saved meanwhile) it hands over to the full app: the answers go to this tab's
//! sessionStorage (`browser::hand_over`) and the page reloads, so the full
//! app starts as it does for a returning customer, from stored entries, by
//! the one path that restores them. The contractor question went over to
//! the full app for size: it was 18.0 KB gzip of this bundle (eval's LIC
//! checks, their words and the licence questions), and without it the
//! first load is under the 200 KB of issue 16. It is one link away from the
//! answer, asked by few, and by then the service worker has usually cached
//! the full app (it fetches both bundles when it installs), so the step
//! costs a reload from the cache. A reload rather than loading the full
//! app into this page: one wasm instance a page, no second copy of the
//! state to hand across, and the full app's own start (autosave restore,
//! restore links) runs unchanged.
//!
//! The single-file kiosk copy is this app too, built a third time with the
//! `kiosk` feature (`super::KIOSK_COPY`): the passer-by's questions and
//! answer in big type, at half the full app's size (issue 16). It is a
//! kiosk whatever its address says, keeps nothing (no autosave, no
//! hand-over: both go through storage, which a kiosk wipes) and has no
//! full app to go on to, so it stays on these pages (`answer::goes_beyond`)
//! with the full app's idle warning, wipe and Finish. Which of the two a
//! build is, is known when it compiles: the hooks of the other are left
//! out by `cfg`, and so is their code.

use super::widgets::Ui;
use super::{answer, browser, effects, Store, KIOSK_COPY};
use crate::state::{Action, Journey, Mode, State};
use yew::prelude::*;

/// The start bundle's whole page.
#[component]
pub fn StartApp() -> Html {
    let store = use_reducer_eq(|| Store(super::initial()));
    let state = &store.0;
    let send: Callback<Action> = {
        let store = store.clone();
        Callback::from(move |a| store.dispatch(a))
    };

    // The page this bundle cannot show: hand the tab over with the answers.
    // Only a customer's pages before the form are here; `boot.js` sends
    // the clerk to the full app, so that part is a safety net. The kiosk
    // copy never leaves these pages.
    let leave = !KIOSK_COPY
        && (matches!(state.journey, Journey::Form | Journey::Contractor)
            || state.mode != Mode::Customer);

    effects::use_document_lang(state.lang);
    effects::use_page_focus(state.journey);
    effects::use_today(send.clone());
    use_effect_with((), |_| browser::mark("yekuo-usable"));
    use_bundle_effects(state, leave, send.clone());

    let ui = Ui {
        lang: state.lang,
        audience: yekuo::render::Audience::Customer,
        send,
        errors: &state
            .draft
            .check_at(state.today, true, &state.bad_input)
            .errors,
    };
    html! {
        <div class={classes!("app", super::mode_class(state.mode))}>
            <a class="skip no-print" href="#main">{ui.t("跳到主要内容", "Skip to main content")}</a>
            { super::header(state, &ui) }
            <main id="main" tabindex="-1">
                { super::notice(state, &ui) }
                // Only the kiosk copy counts idle time (the start bundle is
                // never a kiosk): a constant, so the start bundle leaves the
                // warning out.
                if KIOSK_COPY && state.idle_warning { { super::idle_warning(state, &ui) } }
                if let Some(page) = answer::page(state, &ui).filter(|_| !leave) {
                    { page }
                } else {
                    <p class="hint" role="status">{if state.journey == Journey::Contractor {
                        ui.t("正在打开施工单位的问题…", "Opening the contractor question…")
                    } else {
                        ui.t("正在打开表单…", "Opening the form…")
                    }}</p>
                }
            </main>
            { super::footer(&ui, state.mode != Mode::Customer) }
        </div>
    }
}

/// The effects of this build: the start bundle keeps a customer's answers
/// (autosave, another tab, the hand-over, a link pasted into the address);
/// the kiosk copy keeps nothing and forgets its visitor when idle. One hook
/// defined twice, since yew's `#[component]` does not take a `cfg` on a
/// hook call.
#[cfg(not(feature = "kiosk"))]
#[hook]
fn use_bundle_effects(state: &State, leave: bool, send: Callback<Action>) {
    effects::use_autosave(state, leave, send.clone());
    effects::use_other_tab(state.mode, send.clone());
    use_hand_over(state, leave, send.clone());
    use_link_in_address(send);
}

#[cfg(feature = "kiosk")]
#[hook]
fn use_bundle_effects(state: &State, _leave: bool, send: Callback<Action>) {
    effects::use_kiosk_idle(state, send);
}

/// Hand the tab over to the full app when it is to show a page this bundle
/// does not have: the answers and the page go to sessionStorage and the
/// page reloads. If the browser refuses to keep them, the answers stay
/// here, with a message naming the page that could not open.
#[cfg(not(feature = "kiosk"))]
#[hook]
fn use_hand_over(state: &State, leave: bool, send: Callback<Action>) {
    use crate::state::{Notice, Saved};
    let on_answer = state.draft.check().case.is_some();
    let saved = leave.then(|| (Saved::of(state), state.journey));
    use_effect_with(saved, move |saved| {
        if let Some((saved, page)) = saved {
            if browser::hand_over(saved, *page).is_err() {
                send.emit(Action::Notify(Notice::error(
                    if *page == Journey::Contractor {
                        "无法在此打开施工单位的问题: 浏览器拒绝保存任何内容(存储已满或被禁用)，转过去会丢失您的回答。您的回答仍在本页。"
                    } else {
                        "无法在此打开完整表单: 浏览器拒绝保存任何内容(存储已满或被禁用)，转过去会丢失您的回答。您的回答仍在本页。"
                    },
                    if *page == Journey::Contractor {
                        "The contractor question could not be opened here: the browser refuses to store anything (storage full or disabled), so your answers would be lost on the way. They are still on this page."
                    } else {
                        "The full form could not be opened here: the browser refuses to store anything (storage full or disabled), so your answers would be lost on the way. They are still on this page."
                    },
                )));
                send.emit(Action::Go(if on_answer {
                    Journey::Answer
                } else {
                    Journey::Start
                }));
            }
        }
    });
}

/// A restore link pasted into the address bar changes only the fragment:
/// the full app opens it (it reads the fragment when it starts, and asks
/// before replacing entries).
#[cfg(not(feature = "kiosk"))]
#[hook]
fn use_link_in_address(send: Callback<Action>) {
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                if crate::share::fragment_payload(&browser::fragment()).is_some() {
                    send.emit(Action::Go(Journey::Form));
                }
            });
        move || drop(listener)
    });
}

/// Entry point of the start bundle and the kiosk copy (the `start`
/// feature without `app`).
#[cfg(not(feature = "app"))]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    super::mount::<StartApp>();
}
