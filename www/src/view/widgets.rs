//! Form controls with real labels, hints and inline errors. Each control's
//! id is `field_id(key)`, where `key` is the case-file path it edits, so the
//! error summary can link to it; its label is the key's in `crate::labels`,
//! the same words a finding or an error uses to name the field.

use crate::draft::{field_id, FieldError, Input};
use crate::state::{Action, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What every control needs: the language, the dispatcher and the errors.
#[derive(Clone)]
pub struct Ui<'a> {
    pub lang: Lang,
    /// Who reads the results: a clerk sees rule codes, marks and articles.
    pub audience: yekuo::render::Audience,
    pub send: Callback<Action>,
    pub errors: &'a [FieldError],
}

impl Ui<'_> {
    pub fn t<'s>(&self, zh: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(zh, en)
    }

    /// A clerk reads rule codes and marks; a customer (and a kiosk) reads
    /// the same facts in plain words.
    pub fn is_clerk(&self) -> bool {
        self.audience == yekuo::render::Audience::Clerk
    }

    /// The reader the render layer phrases findings for: this language and
    /// audience, fields named by their form labels.
    pub fn reader(&self) -> yekuo::render::Reader<'static> {
        let (lang, label): (_, &'static yekuo::render::Labels) = match self.lang {
            Lang::Zh => (yekuo::render::Lang::Zh, &crate::labels::label_zh),
            Lang::En => (yekuo::render::Lang::En, &crate::labels::label_en),
        };
        yekuo::render::Reader {
            lang,
            audience: self.audience,
            label,
        }
    }

    /// The form label of the field `key` edits, in this language.
    pub fn label(&self, key: &str) -> &'static str {
        // `tests/labels.rs` gives every key the form edits a label.
        crate::labels::control(key).map_or("", |(zh, en)| self.t(zh, en))
    }

    fn error_for(&self, key: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == key)
    }

    fn edit(&self, key: &str, make: impl Fn(&Event) -> Input + 'static) -> Callback<Event> {
        let key = key.to_string();
        self.send
            .reform(move |e: Event| Action::Edit(key.clone(), make(&e)))
    }

    fn edit_input(&self, key: &str) -> Callback<InputEvent> {
        let key = key.to_string();
        let send = self.send.clone();
        Callback::from(move |e: InputEvent| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let v = input.value();
            // A date control holding no real date (02/30, or one being
            // retyped) reports an empty value: not the field cleared, so
            // the draft keeps what it had. Whether it is an error is said
            // when the control is left, not while typing.
            if !(v.is_empty() && input.validity().bad_input()) {
                send.emit(Action::Edit(key.clone(), Input::Text(v)));
            }
        })
    }

    /// On leaving a date control: a control can hold an impossible date
    /// without an input event (its value stayed empty), so its validity is
    /// read again here.
    fn date_left(&self, key: &str) -> Callback<FocusEvent> {
        let key = key.to_string();
        self.send.reform(move |e: FocusEvent| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            Action::BadInput(key.clone(), input.validity().bad_input())
        })
    }

    /// The error line under a field, and the attributes that tie it to the control.
    fn error_line(&self, key: &str) -> (Html, Option<AttrValue>, Option<AttrValue>) {
        match self.error_for(key) {
            Some(e) => {
                let id = format!("{}-error", field_id(key));
                let msg = self.t(&e.zh, &e.en).to_string();
                (
                    html! { <p class="field-error" id={id.clone()}><span class="visually-hidden">{self.t("错误: ", "Error: ")}</span>{msg}</p> },
                    Some(AttrValue::from(id)),
                    Some(AttrValue::from("true")),
                )
            }
            None => (Html::default(), None, None),
        }
    }

    /// A one-line text, number or date field.
    pub fn text(&self, key: &str, value: &str, kind: &str, hint: Option<(&str, &str)>) -> Html {
        let id = field_id(key);
        let (err, described, invalid) = self.error_line(key);
        let hint_id = format!("{id}-hint");
        let described = match (hint.is_some(), described) {
            (true, Some(e)) => Some(AttrValue::from(format!("{hint_id} {e}"))),
            (true, None) => Some(AttrValue::from(hint_id.clone())),
            (false, d) => d,
        };
        let inputmode = (kind == "decimal").then_some("decimal");
        let onblur = (kind == "date").then(|| self.date_left(key));
        let input_type = if kind == "decimal" { "text" } else { kind };
        html! {
            <div class={classes!("field", invalid.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{self.label(key)}</label>
                if let Some(h) = hint { <p class="hint" id={hint_id}>{self.t(h.0, h.1)}</p> }
                {err}
                <input id={id} name={key.to_string()} type={input_type.to_string()} inputmode={inputmode}
                    value={value.to_string()} aria-describedby={described} aria-invalid={invalid}
                    autocomplete="off" oninput={self.edit_input(key)} {onblur} />
            </div>
        }
    }

    pub fn textarea(&self, key: &str, value: &str) -> Html {
        let id = field_id(key);
        let k = key.to_string();
        let oninput = self.send.reform(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            Action::Edit(k.clone(), Input::Text(v))
        });
        html! {
            <div class="field">
                <label for={id.clone()}>{self.label(key)}</label>
                <textarea id={id} rows="2" value={value.to_string()} {oninput} />
            </div>
        }
    }

    /// A drop-down; `options` are `(value, zh, en)`. A current value that is
    /// not among them (from an imported file) is kept and shown as is.
    pub fn select(&self, key: &str, value: &str, options: &[(&str, &str, &str)]) -> Html {
        let id = field_id(key);
        let (err, described, invalid) = self.error_line(key);
        let onchange = self.edit(key, |e| {
            Input::Text(e.target_unchecked_into::<HtmlSelectElement>().value())
        });
        let known = options.iter().any(|(v, _, _)| *v == value);
        html! {
            <div class={classes!("field", invalid.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{self.label(key)}</label>
                {err}
                <select id={id} {onchange} aria-describedby={described} aria-invalid={invalid}>
                    { for options.iter().map(|(v, zh, en)| html! {
                        <option value={v.to_string()} selected={*v == value}>{self.t(zh, en)}</option>
                    }) }
                    if !known { <option value={value.to_string()} selected=true>{value.to_string()}</option> }
                </select>
            </div>
        }
    }

    /// A group of radio buttons (large targets) for one choice.
    pub fn radios(&self, key: &str, value: &str, options: &[(&str, &str, &str)]) -> Html {
        let id = field_id(key);
        html! {
            <fieldset class="radios" id={id.clone()} tabindex="-1">
                <legend>{self.label(key)}</legend>
                { for options.iter().map(|(v, zh, en)| {
                    let oid = format!("{id}-{v}");
                    let val = v.to_string();
                    let onchange = self.edit(key, move |_| Input::Text(val.clone()));
                    html! {
                        <div class="choice">
                            <input type="radio" id={oid.clone()} name={id.clone()} value={v.to_string()} checked={*v == value} {onchange} />
                            <label for={oid}>{self.t(zh, en)}</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    }

    pub fn check(&self, key: &str, checked: bool) -> Html {
        self.check_labelled(key, self.label(key), checked)
    }

    /// A check box for one value of a list (a document, a licensed
    /// category), labelled with that value's name.
    pub fn check_labelled(&self, key: &str, label: &str, checked: bool) -> Html {
        let id = field_id(key);
        let onchange = self.edit(key, |e| {
            Input::Flag(e.target_unchecked_into::<HtmlInputElement>().checked())
        });
        html! {
            <div class="choice">
                <input type="checkbox" id={id.clone()} checked={checked} {onchange} />
                <label for={id}>{label.to_string()}</label>
            </div>
        }
    }

    /// 是 / 否 / 不清楚: an unanswered question stays unknown, never "no".
    pub fn tri(&self, key: &str, value: Option<bool>) -> Html {
        let id = field_id(key);
        let opts: [(Option<bool>, &str, &str, &str); 3] = [
            (Some(true), "yes", "是", "Yes"),
            (Some(false), "no", "否", "No"),
            (None, "unknown", "不清楚", "Don't know"),
        ];
        html! {
            <fieldset class="radios inline" id={id.clone()} tabindex="-1">
                <legend>{self.label(key)}</legend>
                { for opts.iter().map(|(v, code, zh, en)| {
                    let oid = format!("{id}-{code}");
                    let v = *v;
                    let onchange = self.edit(key, move |_| Input::Tri(v));
                    html! {
                        <div class="choice">
                            <input type="radio" id={oid.clone()} name={id.clone()} checked={value == v} {onchange} />
                            <label for={oid}>{self.t(zh, en)}</label>
                        </div>
                    }
                }) }
            </fieldset>
        }
    }

    pub fn button(&self, label: (&str, &str), class: &str, action: Action) -> Html {
        let onclick = self.send.reform(move |_| action.clone());
        html! { <button type="button" class={class.to_string()} {onclick}>{self.t(label.0, label.1)}</button> }
    }
}
