//! The clerk's worklist page (issue 15): every case on the device with its
//! next deadline, most urgent first; and the effects that keep the list in
//! the browser's storage. The list's logic is `crate::worklist`; this file
//! draws it and performs its effects.

use super::{browser, lazy, widgets::Ui};
use crate::state::{Action, Lang, Notice, State};
use crate::worklist::{Entry, Filter, ListAction, Worklist};
use crate::worklist_text as text;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yekuo::case::{Business, Category};
use yekuo::eval::due::{Deadline, State as DueState};
use yekuo::render::due as words;
use yew::prelude::*;

fn list(a: ListAction) -> Action {
    Action::List(a)
}

/// A list by pointer, for an effect's dependencies: the entries changed
/// when the list is another allocation.
#[derive(Clone)]
struct ByPtr(Rc<Vec<Rc<Entry>>>);

impl PartialEq for ByPtr {
    fn eq(&self, o: &ByPtr) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

/// What this tab last wrote (or read) for each case.
type Written = HashMap<u32, Rc<Entry>>;

/// Keep the worklist in storage (clerk mode only): read it once after the
/// first render; then write each case that changed, remove each that went,
/// and write the settings; read it again when another tab changes it.
#[hook]
pub fn use_worklist_storage(state: &State, send: &Callback<Action>) {
    let clerk = state.mode == crate::state::Mode::Clerk;
    // Read after the first render, so the form is on screen at once.
    {
        let send = send.clone();
        use_effect_with(clerk, move |clerk| {
            if *clerk {
                send.emit(list(ListAction::Loaded(Box::new(browser::load_worklist()))));
            }
        });
    }
    let written = use_mut_ref(|| None::<Written>);
    {
        let w = &state.worklist;
        let send = send.clone();
        let written = written.clone();
        let deps = (ByPtr(w.entries.clone()), w.loaded, w.unsaved);
        use_effect_with(deps, move |(entries, loaded, unsaved)| {
            if *loaded {
                let mut guard = written.borrow_mut();
                let written = guard.get_or_insert_with(|| {
                    // Just read from storage: nothing to write.
                    entries.0.iter().map(|e| (e.id, e.clone())).collect()
                });
                let missing = sync(&entries.0, written);
                if missing > 0 {
                    send.emit(list(ListAction::SaveFailed(missing)));
                } else if *unsaved > 0 {
                    send.emit(list(ListAction::SaveWorked));
                }
            }
        });
    }
    {
        let settings = state.worklist.settings();
        let loaded = state.worklist.loaded;
        use_effect_with((settings, loaded), |(settings, loaded)| {
            if *loaded {
                let _ = browser::store(text::SETTINGS_KEY, &settings.to_text());
            }
        });
    }
    // Today's warning list is drawn, then printed, then taken away.
    {
        let send = send.clone();
        use_effect_with(state.worklist.printing, move |printing| {
            if *printing {
                browser::print_worklist();
                send.emit(list(ListAction::Print(false)));
            }
        });
    }
    // Another tab changed the list's cases: read them again, once the
    // changes stop (an import there fires an event per case). A tab whose
    // own cases could not all be stored keeps what it has instead.
    {
        let send = send.clone();
        let unsaved = state.worklist.unsaved;
        use_effect_with((clerk, unsaved), move |(clerk, unsaved)| {
            let mut guard = None;
            if *clerk && *unsaved == 0 {
                let pending = Rc::new(std::cell::RefCell::new(None));
                let listener =
                    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                        let e: &web_sys::StorageEvent = e.unchecked_ref();
                        let ours = e.key().is_some_and(|k| text::case_id(&k).is_some());
                        if ours {
                            let send = send.clone();
                            *pending.borrow_mut() =
                                Some(gloo::timers::callback::Timeout::new(300, move || {
                                    let mut stored = browser::load_worklist();
                                    stored.settings = None;
                                    send.emit(list(ListAction::Loaded(Box::new(stored))));
                                }));
                        }
                    });
                guard = Some(listener);
            }
            move || drop(guard)
        });
    }
}

/// Write the cases that differ from what was written, remove those gone;
/// returns how many cases are not in storage (the browser refused them).
fn sync(entries: &[Rc<Entry>], written: &mut Written) -> usize {
    let mut missing = 0;
    for e in entries {
        match written.get(&e.id) {
            Some(w) if Rc::ptr_eq(w, e) => continue,
            Some(w) if Rc::ptr_eq(&w.draft, &e.draft) || w.draft == e.draft => {
                written.insert(e.id, e.clone());
                continue;
            }
            _ => {}
        }
        match browser::store(&text::case_key(e.id), &text::entry_text(&e.draft)) {
            Ok(()) => {
                written.insert(e.id, e.clone());
            }
            Err(()) => missing += 1,
        }
    }
    if written.len() > entries.len() - missing {
        let now: std::collections::HashSet<u32> = entries.iter().map(|e| e.id).collect();
        written.retain(|id, _| {
            let keep = now.contains(id);
            if !keep {
                browser::remove(&text::case_key(*id));
            }
            keep
        });
    }
    missing
}

/// Clerk mode's two pages: the case form and the worklist.
pub fn nav(state: &State, ui: &Ui) -> Html {
    let w = &state.worklist;
    let at_risk = w.count(Filter::AtRisk);
    let list_label = match (ui.lang, at_risk) {
        (Lang::Zh, 0) => format!("预警清单({} 个案例)", w.len()),
        (Lang::Zh, n) => format!("预警清单({} 个案例，{n} 个需关注)", w.len()),
        (Lang::En, 0) => format!("Worklist ({} cases)", w.len()),
        (Lang::En, n) => format!("Worklist ({} cases, {n} at risk)", w.len()),
    };
    let tab = |on: bool, label: String, show: bool| {
        html! {
            <button type="button" class={classes!("tab", on.then_some("current"))} aria-pressed={on.to_string()}
                onclick={ui.send.reform(move |_| list(ListAction::Show(show)))}>{label}</button>
        }
    };
    html! {
        <nav class="clerk-pages no-print" aria-label={ui.t("页面", "Pages").to_string()}>
            { tab(!w.visible, ui.t("案例表单", "Case form").to_string(), false) }
            { tab(w.visible, list_label, true) }
        </nav>
    }
}

/// Under the case's actions: put it on the list, or say it is on it.
pub fn case_on_list(state: &State, ui: &Ui) -> Html {
    let w = &state.worklist;
    match w.open.and_then(|id| w.get(id)) {
        Some(e) => html! {
            <p class="on-list no-print" role="status">
                {match ui.lang {
                    Lang::Zh => format!("本案例在预警清单中(“{}”)，修改会自动存入清单。", title(e, ui)),
                    Lang::En => format!("This case is on the worklist (\"{}\"); your changes are saved to the list.", title(e, ui)),
                }}
                { " " }
                { ui.button(("返回预警清单", "Back to the worklist"), "secondary", list(ListAction::Show(true))) }
            </p>
        },
        None => html! {
            <p class="on-list no-print">
                { ui.button(("加入预警清单", "Add to the worklist"), "secondary", list(ListAction::AddCurrent)) }
            </p>
        },
    }
}

fn title(e: &Entry, ui: &Ui) -> String {
    match e.title() {
        Some(t) => t.to_string(),
        None => match ui.lang {
            Lang::Zh => format!("未命名案例 {}", e.id),
            Lang::En => format!("Untitled case {}", e.id),
        },
    }
}

fn category(c: Category, ui: &Ui) -> &'static str {
    match c {
        Category::Resident => ui.t("居民", "resident"),
        Category::LvNonresident => ui.t("低压非居民", "LV non-resident"),
        Category::HighVoltage => ui.t("高压", "high voltage"),
    }
}

fn business(b: Business, ui: &Ui) -> &'static str {
    match b {
        Business::New => ui.t("新装", "new connection"),
        Business::Increase => ui.t("增容", "capacity increase"),
        Business::Temporary => ui.t("临时用电", "temporary supply"),
        Business::Change => ui.t("变更用电", "change of use"),
    }
}

/// The state's name in a row and in the filter (the count of working days
/// is in its own column).
fn state_name(s: DueState, within: u32, ui: &Ui) -> String {
    match s {
        DueState::Overdue => ui.t("逾期", "overdue").into(),
        DueState::PastDueWarning => ui.t("已过截止日(警告)", "past due (warning)").into(),
        DueState::DueToday => ui.t("今天到期", "due today").into(),
        DueState::DueSoon => match ui.lang {
            Lang::Zh => format!("{within} 个工作日内到期"),
            Lang::En => format!("due within {within} working days"),
        },
        DueState::Paused => ui
            .t("暂停(等待客户)", "paused (waiting for the customer)")
            .into(),
        DueState::OnTime => ui.t("按时", "on time").into(),
    }
}

fn filter_name(f: Filter, within: u32, ui: &Ui) -> String {
    match f {
        Filter::All => ui.t("全部", "all").into(),
        Filter::AtRisk => ui
            .t(
                "需关注(逾期、今天或即将到期)",
                "at risk (past due, due today or soon)",
            )
            .into(),
        Filter::Is(s) => state_name(s, within, ui),
        Filter::NothingOpen => ui.t("无待办截止日", "nothing open").into(),
    }
}

fn lang(ui: &Ui) -> yekuo::render::Lang {
    ui.reader().lang
}

/// The deadline in one line for the "other regimes" list.
fn other(d: &Deadline, ui: &Ui) -> String {
    let t = ui.t(&d.title, &d.title_en);
    format!(
        "{} · {} · {} · {} {} {}",
        d.due,
        words::state(d, lang(ui)),
        words::item(d.item, lang(ui)),
        d.rule.as_str(),
        t,
        d.mark
    )
}

fn row(e: &Entry, w: &Worklist, ui: &Ui) -> Html {
    let name = title(e, ui);
    let what = e
        .case
        .as_ref()
        .map(|c| {
            format!(
                "{} · {}",
                category(c.customer.category, ui),
                business(c.customer.business, ui)
            )
        })
        .unwrap_or_else(|| ui.t("未选择类别和业务", "no category or business").into());
    let next = e.due.as_ref().and_then(|d| d.next());
    let state_class = next.map_or("none", |d| d.state.code());
    let open = ui.send.reform({
        let id = e.id;
        move |_| list(ListAction::Open(id))
    });
    let remove = ui.send.reform({
        let id = e.id;
        move |_| list(ListAction::Remove(id))
    });
    let others: Vec<&Deadline> = e
        .due
        .as_ref()
        .map(|d| d.open.iter().skip(1).collect())
        .unwrap_or_default();
    html! {
        <tr class={classes!("wl-row", state_class)} key={e.id}>
            <th scope="row">{name.clone()}<span class="wl-sub">{what}</span></th>
            if let Some(d) = next {
                <td data-label={ui.t("当前环节", "Step now open")}>{words::item(d.item, lang(ui))}<span class="wl-sub">{format!("{} {}", d.rule.as_str(), d.mark)}</span></td>
                <td data-label={ui.t("截止日", "Due")}>
                    <span class="wl-due">{d.due.to_string()}</span>
                    if let Some(gap) = words::calendar_gap(d, lang(ui)) { <span class="wl-sub">{gap}</span> }
                    if !others.is_empty() {
                        <details class="wl-others">
                            <summary>{match ui.lang {
                                Lang::Zh => format!("其他 {} 项", others.len()),
                                Lang::En => format!("{} more", others.len()),
                            }}</summary>
                            <ul>{ for others.iter().map(|o| html! { <li>{other(o, ui)}</li> }) }</ul>
                        </details>
                    }
                </td>
                <td class="wl-num" data-label={ui.t("剩余工作日", "Working days left")}>{d.working_days_left}</td>
                <td data-label={ui.t("状态", "State")}><span class={classes!("wl-state", d.state.code())}>{state_name(d.state, w.within, ui)}</span></td>
            } else {
                <td colspan="4">{if e.case.is_some() {
                    ui.t("没有待办的截止日(各环节已完成，或日期不足以计算)", "Nothing open (every step done, or not enough dates to tell)")
                } else {
                    ui.t("请先选择客户类别和业务", "Choose the category and business first")
                }}</td>
            }
            <td class="wl-actions">
                <button type="button" onclick={open} aria-label={format!("{} {name}", ui.t("打开", "Open"))}>{ui.t("打开", "Open")}</button>
                <button type="button" class="secondary" onclick={remove} aria-label={format!("{} {name}", ui.t("移除", "Remove"))}>{ui.t("移除", "Remove")}</button>
            </td>
        </tr>
    }
}

/// Import a JSONL file of cases into the list.
fn import(ui: &Ui) -> Html {
    let send = ui.send.clone();
    let onchange = Callback::from(move |e: Event| {
        let (send, too_big) = (send.clone(), send.clone());
        let too_big = move |size: u64| {
            // Whole megabytes: no float formatting in the bundle.
            let mb = size.div_ceil(1_000_000);
            let max = MAX_LIST_BYTES / 1_000_000;
            too_big.emit(Action::Notify(Notice::error(
                format!("清单文件太大(约 {mb} MB)，最多 {max} MB。未导入任何案例。"),
                format!("The list file is too large (about {mb} MB); at most {max} MB. No case was imported."),
            )));
        };
        browser::read_chosen_file(&e, MAX_LIST_BYTES, too_big, |bytes| async move {
            let result = match bytes {
                Ok(bytes) => lazy::read_batch(bytes).await,
                Err(e) => Err(e),
            };
            send.emit(match result {
                Ok(lines) => list(ListAction::Import(lines)),
                Err(e) => Action::Notify(Notice::error(
                    format!("清单文件无法读取: {}。清单未改动。", e.message_zh),
                    format!(
                        "The list file could not be read: {}. The list is unchanged.",
                        e.message_en
                    ),
                )),
            });
        });
    });
    html! {
        <div class="wl-import">
            <label for="worklist-file">{ui.t("导入清单文件(.jsonl，每行一个案例，与命令行 yekuo check --batch 格式相同)",
                "Import a list file (.jsonl, one case per line, the format of the command line's yekuo check --batch)")}</label>
            <input id="worklist-file" type="file" accept=".jsonl,.json,.txt,application/json" {onchange} />
        </div>
    }
}

/// The largest list file read (about 25,000 cases of 2 KB).
const MAX_LIST_BYTES: usize = 50_000_000;

/// The list as the CLI's JSONL file. The file is written when asked for,
/// not on every render: a list of thousands would otherwise be copied on
/// each keystroke.
fn export(state: &State, ui: &Ui) -> Html {
    let entries = Rc::clone(&state.worklist.entries);
    let send = ui.send.clone();
    let onclick = Callback::from(move |_| {
        let texts: String = entries
            .iter()
            .map(|e| text::entry_text(&e.draft) + "\n")
            .collect();
        let send = send.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match lazy::write_batch(texts).await {
                Ok(file) => {
                    browser::download("yekuo-worklist.jsonl", "application/x-ndjson", &file)
                }
                Err(e) => send.emit(Action::WriteFailed(e)),
            }
        });
    });
    html! { <button type="button" {onclick}>{ui.t("导出清单(.jsonl)", "Export the list (.jsonl)")}</button> }
}

/// The worklist page.
pub fn page(state: &State, ui: &Ui) -> Html {
    let w = &state.worklist;
    let rows = w.rows();
    let shown = rows.len().min(w.shown);
    let as_of = state.as_of();
    let within_error = crate::worklist::within_from_text(&w.within_text).is_none();
    // Written when asked for, like the JSONL file.
    let ics = {
        let (entries, as_of) = (Rc::clone(&w.entries), w.as_of);
        Callback::from(move |_| {
            let text = ics(&entries, as_of);
            browser::download("yekuo-worklist-deadlines.ics", "text/calendar", &text)
        })
    };
    let on_filter = ui.send.reform(|e: Event| {
        let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
        list(ListAction::SetFilter(
            Filter::parse(&sel.value()).unwrap_or(Filter::All),
        ))
    });
    let on_within = ui.send.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        list(ListAction::SetWithin(input.value()))
    });
    let on_as_of = ui.send.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetAsOf(input.value())
    });
    let print = ui.send.reform(|_| list(ListAction::Print(true)));
    html! {
        <section class="worklist" aria-labelledby="worklist-h">
            <h2 id="worklist-h" tabindex="-1">{ui.t("预警清单", "Deadline worklist")}</h2>
            <p class="hint no-print">{ui.t("本机保存的案例，按截止日的紧迫程度排序。案例只存在本设备的浏览器中，不会上传。",
                "The cases kept on this device, most urgent deadline first. They stay in this device's browser; nothing is uploaded.")}</p>
            <div class="wl-controls no-print">
                <div class="field">
                    <label for="worklist-as-of">{ui.t("计算日期", "As of")}</label>
                    <input id="worklist-as-of" type="date" value={as_of.to_string()} onchange={on_as_of} />
                </div>
                <div class="field">
                    <label for="worklist-within">{ui.t("“即将到期”指几个工作日内", "\"Due soon\" means within (working days)")}</label>
                    <input id="worklist-within" type="text" inputmode="numeric" value={w.within_text.clone()} oninput={on_within}
                        aria-invalid={within_error.to_string()} aria-describedby={within_error.then_some("worklist-within-error")} />
                    if within_error {
                        <p class="field-error" id="worklist-within-error">{match ui.lang {
                            Lang::Zh => format!("请填 0 到 {} 的整数；清单仍按 {} 个工作日计算。", crate::worklist::MAX_WITHIN, w.within),
                            Lang::En => format!("Enter a whole number from 0 to {}; the list still uses {} working days.", crate::worklist::MAX_WITHIN, w.within),
                        }}</p>
                    }
                </div>
                <div class="field">
                    <label for="worklist-filter">{ui.t("显示", "Show")}</label>
                    <select id="worklist-filter" onchange={on_filter}>
                        { for Filter::choices().into_iter().map(|f| html! {
                            <option value={f.code()} selected={w.filter == f}>{format!("{} ({})", filter_name(f, w.within, ui), w.count(f))}</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="actions no-print">
                <button type="button" class="primary" onclick={print}>{ui.t("打印今日预警清单", "Print today's warning list")}</button>
                <button type="button" onclick={ics}>{ui.t("导出全部截止日期(.ics)", "Export every deadline (.ics)")}</button>
                { export(state, ui) }
                if w.before_removal.is_some() { { ui.button(("撤销移除", "Undo removal"), "secondary", list(ListAction::Undo)) } }
                if !w.is_empty() { { ui.button(("清空清单", "Clear the list"), "secondary", list(ListAction::Clear)) } }
            </div>
            if w.is_empty() {
                <p class="hint">{ui.t("清单是空的。在案例表单中点“加入预警清单”，或导入清单文件。",
                    "The list is empty. Choose \"Add to the worklist\" on the case form, or import a list file.")}</p>
            } else {
                <p class="wl-count" role="status">{match ui.lang {
                    Lang::Zh => format!("显示 {shown} / {} 个案例(计算日期 {as_of})", rows.len()),
                    Lang::En => format!("Showing {shown} of {} cases (as of {as_of})", rows.len()),
                }}</p>
                <div class="wl-scroll no-print">
                <table class="wl">
                    <thead><tr>
                        <th scope="col">{ui.t("案例", "Case")}</th>
                        <th scope="col">{ui.t("当前环节", "Step now open")}</th>
                        <th scope="col">{ui.t("截止日(最严规定)", "Due (strictest rule)")}</th>
                        <th scope="col">{ui.t("剩余工作日", "Working days left")}</th>
                        <th scope="col">{ui.t("状态", "State")}</th>
                        <th scope="col"><span class="visually-hidden">{ui.t("操作", "Actions")}</span></th>
                    </tr></thead>
                    <tbody>{ for rows.iter().take(shown).map(|e| row(e, w, ui)) }</tbody>
                </table>
                </div>
                if rows.len() > shown {
                    { ui.button(("再显示 100 个", "Show 100 more"), "secondary", list(ListAction::ShowMore)) }
                }
            }
            { import(ui) }
            if w.printing { { print_list(state, ui) } }
        </section>
    }
}

/// 今日预警清单: one line per case at risk, for the printer only.
fn print_list(state: &State, ui: &Ui) -> Html {
    let w = &state.worklist;
    let risky = w.at_risk();
    html! {
        <div class="print-list">
            <h2>{match ui.lang {
                Lang::Zh => format!("今日预警清单 · {}", state.as_of()),
                Lang::En => format!("Today's warning list · {}", state.as_of()),
            }}</h2>
            if risky.is_empty() {
                <p>{ui.t("没有逾期、今天到期或即将到期的案例。", "No case is past due, due today or due soon.")}</p>
            } else {
                <table class="wl">
                    <thead><tr>
                        <th scope="col">{ui.t("案例", "Case")}</th>
                        <th scope="col">{ui.t("环节", "Step")}</th>
                        <th scope="col">{ui.t("截止日", "Due")}</th>
                        <th scope="col">{ui.t("状态", "State")}</th>
                    </tr></thead>
                    <tbody>{ for risky.iter().filter_map(|e| {
                        let d = e.due.as_ref()?.next()?;
                        Some(html! { <tr>
                            <td>{title(e, ui)}</td>
                            <td>{words::item(d.item, lang(ui))}</td>
                            <td>{d.due.to_string()}</td>
                            <td>{words::state(d, lang(ui))}</td>
                        </tr> })
                    }) }</tbody>
                </table>
            }
        </div>
    }
}

/// Every open deadline of every case as one iCalendar file.
fn ics(entries: &[Rc<Entry>], as_of: chrono::NaiveDate) -> String {
    let events = entries.iter().flat_map(|e| {
        let title = e.title().unwrap_or("").to_string();
        e.due
            .iter()
            .flat_map(|d| d.open.iter())
            .map(move |d| (e.id, title.clone(), d.clone()))
    });
    crate::share::worklist_ics(as_of, events)
}
