//! The effects both apps run (the full app, `App`, and the start bundle's,
//! `start::StartApp`): autosave with its guard, the page's language, focus
//! on a new page of the questions, another tab saving the same form, and
//! the kiosk's idle timer. Shared so that the start bundle keeps a
//! customer's answers, and forgets a kiosk visitor's, exactly as the full
//! app does.

use super::{answer, browser};
use crate::state::{Action, Journey, Lang, Mode, Saved, State};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Autosave every change of what the user entered (customer and clerk),
/// and while the entries are only in this tab, ask before the page is left,
/// unless `handing_over`: the start bundle then reloads into the full app
/// with the entries kept for it (`start.rs`).
#[hook]
pub fn use_autosave(state: &State, handing_over: bool, send: Callback<Action>) {
    let saved = Saved::of(state);
    let mode = state.mode;
    let failed = state.autosave_failed;
    let deps = (saved, state.autosaves(), state.unsaved() && !handing_over);
    use_effect_with(deps, move |(saved, on, unsaved)| {
        if *on {
            match browser::save(mode, saved) {
                Err(()) => send.emit(Action::AutosaveFailed),
                Ok(()) if failed => send.emit(Action::AutosaveWorked),
                Ok(()) => {}
            }
        }
        // Entries only this tab holds: ask before the page is left. In
        // the autosave's effect, since it is the other half of keeping them.
        let guard = unsaved.then(browser::warn_before_leaving);
        move || drop(guard)
    });
}

/// The document's `lang` (and title) follow the page's language, and so
/// does the address: a `?lang=` the user switched away from is taken out,
/// so a reload keeps what they chose.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        browser::set_document_lang(lang.tag());
        let query = browser::query();
        if Lang::from_query(&query).is_some_and(|asked| asked != *lang) {
            if let Some(kept) = crate::lang::query_without_lang(&query) {
                browser::replace_query(&kept);
            }
        }
    });
}

/// A new page of the questions opens at its heading, not where the tap on
/// the last page left the scroll. A page's first render is no change when
/// it shows the start page; on any other question page it is one: the
/// start bundle handed the tab over to open it (the contractor question),
/// after a tap on the page before.
#[hook]
pub fn use_page_focus(journey: Journey) {
    let first = use_mut_ref(|| true);
    use_effect_with(journey, move |j| {
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        if !first || *j != Journey::Start {
            if let Some(id) = answer::heading(*j) {
                browser::focus(id);
            }
        }
    });
}

/// Another tab of the same mode saved the form (the `storage` event fires
/// only in the other tabs): tell the user instead of overwriting it.
#[hook]
pub fn use_other_tab(mode: Mode, send: Callback<Action>) {
    use_effect_with(mode.storage_key(), move |key| {
        let key = *key;
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                let e: &web_sys::StorageEvent = e.unchecked_ref();
                if e.key().as_deref() == Some(key) {
                    send.emit(Action::OtherTabSaved);
                }
            });
        move || drop(listener)
    });
}

/// Kiosk: any input restarts the count; after 2 minutes without one the
/// reducer shows the warning, after 3 it wipes (`Action::Idle`), and this
/// effect wipes the storage the kiosk owns. The warning takes focus when it
/// appears (a keyboard or screen-reader user is taken to it) and gives it
/// back when it goes.
#[hook]
pub fn use_kiosk_idle(state: &State, send: Callback<Action>) {
    use_effect_with(state.mode, move |mode| {
        let mut guards = None;
        if *mode == Mode::Kiosk {
            let last = Rc::new(Cell::new(browser::now_ms()));
            let doc = gloo::utils::document();
            let listeners: Vec<gloo::events::EventListener> =
                ["pointerdown", "keydown", "input", "touchstart", "wheel"]
                    .iter()
                    .map(|ev| {
                        let last = last.clone();
                        gloo::events::EventListener::new(&doc, *ev, move |_| {
                            last.set(browser::now_ms())
                        })
                    })
                    .collect();
            let timer = gloo::timers::callback::Interval::new(1_000, move || {
                let idle = ((browser::now_ms() - last.get()) / 1000.0).max(0.0) as u32;
                if idle >= crate::state::KIOSK_WIPE_AFTER_S {
                    browser::wipe_all();
                    last.set(browser::now_ms());
                }
                send.emit(Action::Idle(idle));
            });
            guards = Some((listeners, timer));
        }
        move || drop(guards)
    });
    use_effect_with(state.idle_warning, |warning| {
        let back = warning.then(|| {
            let back = browser::active_element();
            browser::focus_only("idle-continue");
            back
        });
        move || {
            if let Some(Some(el)) = back {
                let _ = el.focus();
            }
        }
    });
}

/// "Today" follows the clock: read every 15 seconds, so a page left open
/// past midnight (a kiosk runs for days; a clerk's tab overnight) counts
/// from the new day within moments of it. The reducer changes nothing on
/// the same day, and yew then renders nothing.
#[hook]
pub fn use_today(send: Callback<Action>) {
    use_effect_with((), move |_| {
        let timer = gloo::timers::callback::Interval::new(15_000, move || {
            send.emit(Action::Today(browser::today()))
        });
        move || drop(timer)
    });
}
