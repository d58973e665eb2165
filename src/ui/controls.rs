//! Scenario controls: one rate per category (`Rates`: a range input paired with a number
//! field), and the presets, basis and cut-off month (`Scenario`).

use yew::prelude::*;

use std::rc::Rc;

use super::category::CategoryCharts;
use super::hydrate::{Deferred, Part};
use super::verdict::Compact;
use super::{Ui, use_derived, use_dispatch, use_ui, use_widget};
use crate::core::data::{Basis, Category};
use crate::core::decimal::{decimal, parse_decimal, within};
use crate::core::format::{Format, MonthStyle};
use crate::core::locale::fill;
use crate::core::model::{self, Preset};
use crate::core::month::Month;
use crate::core::state::{Action, HoldBy};
use crate::core::text;

/// What the arrow keys add to a rate (US$ bn a month); Page Up and Down add ten times.
const KEY_STEP: f64 = 0.1;

#[component]
pub fn Rates() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let Ui { s, env, .. } = use_ui();
    let state = &handle.0;
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let cats = model::rate_categories(&state.data, state.scenario.basis);
    let heading_id = env.id("controls-heading");
    html! {
        <section class="p1-rates" aria-labelledby={heading_id.clone()} data-testid="rates">
            <h2 class="p1-h2" id={heading_id}>{ s.controls_heading }</h2>
            for c in cats.iter().copied() {
                <RateInput category={c} value={state.scenario.rates.get(c)}
                           max={derived.slider_max(c)} disabled={e.over} />
            }
            <Compact />
            // Adopted as prerendered, live a little later (see `hydrate`).
            <Deferred part={Part::Categories}><CategoryCharts /></Deferred>
            if e.over {
                <p class="p1-note" data-testid="rates-over">{ s.rates_over }</p>
            } else if cats == [Category::Total] {
                <p class="p1-note">{ s.total_only_note }</p>
            }
            <Presets />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RateProps {
    pub category: Category,
    pub value: f64,
    /// The top of the slider (a typed value may go beyond it).
    pub max: f64,
    pub disabled: bool,
}

/// A slider and a number field for one category's monthly rate, with its small chart
/// under it on a split basis. The slider moves in cents with a pointer and in tenths with
/// the arrow keys; both fields and the spoken value show the same figure. While the
/// slider is held (pointer down, a key down), every chart keeps its scale. A mark on the
/// track shows the category's part of the pace needed; a value typed beyond the track
/// says it is off the scale.
#[component]
pub fn RateInput(props: &RateProps) -> Html {
    let dispatch = use_dispatch();
    let derived = use_derived();
    let Ui { loc, s, f, env } = use_ui();
    let c = props.category;
    let id = env.id(&format!("rate-{}", c.code()));
    let need_id = env.id(&format!("rate-{}-need", c.code()));
    let slider = use_node_ref();
    let range = use_node_ref();
    let off = props.value > props.max + model::MET_TOLERANCE;
    let need = derived.category(c).and_then(|v| v.shared_need);
    super::dom::use_fraction(&slider, "--fill", (props.value / props.max).clamp(0.0, 1.0));
    super::dom::use_fraction(
        &range,
        "--need",
        need.map_or(0.0, |n| (n / props.max).clamp(0.0, 1.0)),
    );
    let hold = |by: HoldBy| {
        let dispatch = dispatch.clone();
        let derived = derived.clone();
        move || dispatch.dispatch(Action::Hold(by, Rc::new(derived.tops())))
    };
    let release = |by: HoldBy| {
        let dispatch = dispatch.clone();
        move || dispatch.dispatch(Action::Release(by))
    };
    let on_pointer_down = {
        let hold = hold(HoldBy::Pointer);
        Callback::from(move |_: PointerEvent| hold())
    };
    let on_pointer_up = {
        let release = release(HoldBy::Pointer);
        Callback::from(move |_: PointerEvent| release())
    };
    // A range input's `change` comes when the pointer lets go, even outside the input.
    let on_change = {
        let release = release(HoldBy::Pointer);
        Callback::from(move |_: Event| release())
    };
    let on_key_up = {
        let release = release(HoldBy::Key);
        Callback::from(move |_: KeyboardEvent| release())
    };
    let on_blur = {
        let (key, pointer) = (release(HoldBy::Key), release(HoldBy::Pointer));
        Callback::from(move |_: FocusEvent| {
            key();
            pointer();
        })
    };
    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |ev: InputEvent| {
            if let Some(v) = super::dom_value(&ev).and_then(|v| parse_decimal(&v)) {
                dispatch.dispatch(Action::SetRate(c, v));
            }
        })
    };
    let on_key = {
        let dispatch = dispatch.clone();
        let hold = hold(HoldBy::Key);
        let (value, max) = (props.value, props.max);
        Callback::from(move |ev: KeyboardEvent| {
            let tenths = (value / KEY_STEP).round();
            let next = match ev.key().as_str() {
                "ArrowRight" | "ArrowUp" => (tenths + 1.0) * KEY_STEP,
                "ArrowLeft" | "ArrowDown" => (tenths - 1.0) * KEY_STEP,
                "PageUp" => (tenths + 10.0) * KEY_STEP,
                "PageDown" => (tenths - 10.0) * KEY_STEP,
                "Home" => 0.0,
                "End" => max,
                _ => return,
            };
            ev.prevent_default();
            hold();
            dispatch.dispatch(Action::SetRate(c, within(next, 0.0, max.max(value))));
        })
    };
    let value = decimal(props.value, 2);
    // The number box speaks the locale's unit (US$ bn, or 亿美元 at ten to the billion),
    // to the same step as the slider's cents.
    let per = loc.money.per_billion;
    let places = loc.money.rate_places.1;
    let on_number = {
        Callback::from(move |ev: InputEvent| {
            if let Some(v) = super::dom_value(&ev).and_then(|v| parse_decimal(&v)) {
                dispatch.dispatch(Action::SetRate(c, v / per));
            }
        })
    };
    let number_label = fill(
        s.rate_number_label,
        &[("category", loc.category(c)), ("unit", s.rate_unit)],
    );
    let top_label = text::rate_label(loc, &f, props.max);
    let valuetext = if off {
        text::rate_valuetext_off(loc, &f, props.value)
    } else {
        text::rate_valuetext(loc, &f, props.value)
    };
    html! {
        <div class={classes!("p1-rate", format!("p1-cat-{}", c.code()),
                             off.then_some("is-off-scale"))}>
            <label for={id.clone()} class="p1-rate-label">
                <span class="p1-chip" aria-hidden="true"></span>
                <span class="p1-rate-name">{ loc.category(c) }</span>
                <span class="p1-rate-value" aria-hidden="true">{
                    super::nb(&text::rate_label(loc, &f, props.value))
                }</span>
            </label>
            <div class="p1-rate-inputs">
                <div class={classes!("p1-range", need.is_some().then_some("has-need"))} ref={range}>
                    <input type="range" id={id} ref={slider} min="0" max={decimal(props.max, 2)}
                           step="0.01" value={value} disabled={props.disabled}
                           aria-valuetext={super::plain(&valuetext)}
                           aria-describedby={need.is_some().then(|| need_id.clone())}
                           oninput={on_input} onkeydown={on_key} onkeyup={on_key_up}
                           onpointerdown={on_pointer_down} onpointerup={on_pointer_up.clone()}
                           onpointercancel={on_pointer_up} onchange={on_change}
                           onblur={on_blur}
                           data-testid={format!("rate-{}", c.code())} />
                </div>
                <input type="number" class="p1-number" min="0"
                       max={decimal(model::rate_max(c) * per, 0)}
                       step={decimal(0.1_f64.powi(places as i32), places)} inputmode="decimal"
                       value={decimal(props.value * per, places)} aria-label={number_label}
                       disabled={props.disabled} oninput={on_number}
                       data-testid={format!("rate-{}-number", c.code())} />
            </div>
            if off {
                <p class="p1-off-cue" aria-hidden="true"
                   data-testid={format!("rate-{}-off-scale", c.code())}>
                    { super::nb(&fill(s.off_scale, &[("max", &top_label)])) }
                </p>
            }
        </div>
    }
}

/// The presets and reset, under the sliders.
#[component]
fn Presets() -> Html {
    let handle = use_widget();
    let dispatch = use_dispatch();
    let Ui { loc, s, f, .. } = use_ui();
    let derived = use_derived();
    let active = handle.0.preset;
    let note = active
        .zip(derived.eval.as_ref())
        .map(|(p, e)| text::preset_note(loc, &f, &handle.0.data, e, p));
    let send = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    html! {
        <fieldset class="p1-presets">
            <legend>{ s.presets_legend }</legend>
            for p in Preset::ALL {
                <button type="button" class="p1-button" data-preset={p.code()}
                        aria-pressed={if active == Some(p) { "true" } else { "false" }}
                        onclick={send(Action::ApplyPreset(p))}>{ loc.preset(p) }</button>
            }
            <button type="button" class="p1-button p1-button-quiet" data-testid="reset"
                    onclick={send(Action::Reset)}>{ s.reset }</button>
            if let Some(note) = note {
                <p class="p1-note p1-preset-note" data-testid="preset-note">{ super::nb(&note) }</p>
            }
        </fieldset>
    }
}

/// Whose figures (basis) and the cut-off month.
#[component]
pub fn Scenario() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let dispatch = use_dispatch();
    let Ui { loc, s, f, env } = use_ui();
    let state = &handle.0;
    let sc = state.scenario;
    let on_basis = |b: Basis| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::SetBasis(b)))
    };
    let on_asof = {
        let dispatch = dispatch.clone();
        Callback::from(move |ev: Event| {
            if let Some(m) = super::dom_value(&ev).and_then(|v| Month::parse(&v)) {
                dispatch.dispatch(Action::SetAsof(m));
            }
        })
    };
    let basis_name = env.id("basis");
    let asof_id = env.id("asof");
    let asof_ref = use_node_ref();
    super::dom::use_select_value(&asof_ref, sc.asof.to_string());
    html! {
        <div class="p1-scenario">
                <fieldset class="p1-basis">
                    <legend>{ s.basis_legend }</legend>
                    for b in state.data.bases() {
                        <label class="p1-radio">
                            <input type="radio" name={basis_name.clone()} value={b.code()}
                                   checked={b == sc.basis} onchange={on_basis(b)}
                                   data-testid={format!("basis-{}", b.code())} />
                            <span class="p1-radio-label">{ loc.basis(b).0 }</span>
                            <span class="p1-radio-note">{ loc.basis(b).1 }</span>
                        </label>
                    }
                </fieldset>
                <div class="p1-asof">
                    <label for={asof_id.clone()}>{ s.asof_label }</label>
                    // The role first: the build finds the options by the tag's start.
                    <select data-p1-role="asof" id={asof_id} ref={asof_ref} onchange={on_asof}
                            data-testid="asof">
                        <Deferred part={Part::AsofOptions}>
                            for m in derived.cutoffs.iter().copied() {
                                <option value={m.to_string()} selected={m == sc.asof}>
                                    { super::plain(&f.month(m, MonthStyle::Long)) }
                                </option>
                            }
                        </Deferred>
                    </select>
                    if sc.basis == Basis::Cn {
                        <p class="p1-note">{ s.asof_note_cn }</p>
                    }
                </div>
                // What the last switch changed that the reader didn't ask for.
                <div class="p1-basis-change" role="status" data-testid="basis-change">
                    if let Some(c) = state.basis_change.as_ref() {
                        for line in text::basis_change(loc, &f, c) {
                            <p class="p1-note">{ super::nb(&line) }</p>
                        }
                    }
                </div>
            </div>
    }
}
