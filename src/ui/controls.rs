//! Scenario controls: basis, cut-off month, presets, reset and one rate per category
//! (a native range input paired with a number field).

use yew::prelude::*;

use super::{Ui, use_derived, use_dispatch, use_ui, use_widget};
use crate::core::data::{Basis, Category};
use crate::core::decimal::{decimal, parse_decimal};
use crate::core::format::{Format, MonthStyle};
use crate::core::locale::fill;
use crate::core::model::{self, Preset, RATE_STEP};
use crate::core::month::Month;
use crate::core::state::Action;
use crate::core::text;

#[component]
pub fn Controls() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let dispatch = use_dispatch();
    let Ui { loc, s, f, env } = use_ui();
    let state = &handle.0;
    let ds = &state.data;
    let sc = state.scenario;
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };

    let send = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
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
    let cats = model::rate_categories(ds, sc.basis);
    let compact: Vec<String> = e
        .years
        .iter()
        .map(|r| text::verdict_compact(loc, &f, r))
        .collect();
    let basis_name = env.id("basis");
    let asof_id = env.id("asof");
    let heading_id = env.id("controls-heading");

    html! {
        <section class="p1-controls" aria-labelledby={heading_id.clone()}>
            <p class="p1-sticky" aria-hidden="true" data-testid="sticky-verdict">
                { compact.join(" · ") }
            </p>
            <h2 class="p1-h2" id={heading_id}>{ s.controls_heading }</h2>
            <div class="p1-rates">
                for c in cats.iter().copied() {
                    <RateInput category={c} value={sc.rates.get(c)} />
                }
                if cats == [Category::Total] {
                    <p class="p1-note">{ s.total_only_note }</p>
                }
            </div>
            <fieldset class="p1-presets">
                <legend>{ s.presets_legend }</legend>
                for p in Preset::ALL {
                    <button type="button" class="p1-button" data-preset={p.code()}
                            onclick={send(Action::ApplyPreset(p))}>{ loc.preset(p) }</button>
                }
                <button type="button" class="p1-button p1-button-quiet" data-testid="reset"
                        onclick={send(Action::Reset)}>{ s.reset }</button>
            </fieldset>
            <div class="p1-scenario">
                <fieldset class="p1-basis">
                    <legend>{ s.basis_legend }</legend>
                    for b in ds.bases() {
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
                    <select id={asof_id} onchange={on_asof} data-testid="asof">
                        for m in derived.cutoffs.iter().copied() {
                            <option value={m.to_string()} selected={m == sc.asof}>
                                { f.month(m, MonthStyle::Long) }
                            </option>
                        }
                    </select>
                    if sc.basis == Basis::Cn {
                        <p class="p1-note">{ s.asof_note_cn }</p>
                    }
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct RateProps {
    pub category: Category,
    pub value: f64,
}

/// A slider and a number field for one category's monthly rate.
#[component]
pub fn RateInput(props: &RateProps) -> Html {
    let dispatch = use_dispatch();
    let Ui { loc, s, f, env } = use_ui();
    let c = props.category;
    let max = decimal(model::rate_max(c), 0);
    let id = env.id(&format!("rate-{}", c.code()));
    let on_input = Callback::from(move |ev: InputEvent| {
        if let Some(v) = super::dom_value(&ev).and_then(|v| parse_decimal(&v)) {
            dispatch.dispatch(Action::SetRate(c, v));
        }
    });
    let value = decimal(props.value, 2);
    let number_label = fill(
        s.rate_number_label,
        &[("category", loc.category(c)), ("unit", s.rate_unit)],
    );
    html! {
        <div class={classes!("p1-rate", format!("p1-cat-{}", c.code()))}>
            <label for={id.clone()} class="p1-rate-label">
                <span class="p1-chip" aria-hidden="true"></span>
                { loc.category(c) }
                <span class="p1-unit">{ s.rate_unit }</span>
            </label>
            <div class="p1-rate-inputs">
                <input type="range" id={id} min="0" max={max.clone()}
                       step={decimal(RATE_STEP, 2)} value={value.clone()}
                       aria-valuetext={text::rate_valuetext(loc, &f, props.value)}
                       oninput={on_input.clone()} data-testid={format!("rate-{}", c.code())} />
                <input type="number" class="p1-number" min="0" max={max} step="0.01"
                       inputmode="decimal" value={value} aria-label={number_label}
                       oninput={on_input} data-testid={format!("rate-{}-number", c.code())} />
            </div>
        </div>
    }
}
