//! Scenario controls: basis, cut-off month, presets, reset and one rate per category
//! (a native range input paired with a number field).

use yew::prelude::*;

use super::{strings, use_derived, use_dispatch, use_env, use_widget};
use crate::core::data::{Basis, Category};
use crate::core::decimal::{decimal, parse_decimal};
use crate::core::format::MonthStyle;
use crate::core::model::{self, Preset, RATE_STEP};
use crate::core::month::Month;
use crate::core::state::Action;
use crate::core::text;

#[component]
pub fn Controls() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let env = use_env();
    let state = &handle.0;
    let s = strings();
    let f = super::format::fmt();
    let ds = &state.data;
    let sc = state.scenario;
    let bases = ds.bases();
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };

    let on_basis = |b: Basis| {
        let handle = handle.clone();
        Callback::from(move |_: Event| handle.dispatch(Action::SetBasis(b)))
    };
    let on_asof = {
        let handle = handle.clone();
        Callback::from(move |ev: Event| {
            if let Some(m) = super::dom_value(&ev).and_then(|v| Month::parse(&v)) {
                handle.dispatch(Action::SetAsof(m));
            }
        })
    };
    let preset = |p: Preset| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.dispatch(Action::ApplyPreset(p)))
    };
    let reset = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.dispatch(Action::Reset))
    };
    let cats = model::rate_categories(ds, sc.basis);
    let compact = [&e.years[0], &e.years[1]]
        .iter()
        .map(|r| {
            format!(
                "{}: {} ({})",
                text::span_label(s, r.span),
                text::money(s, f, r.projected),
                f.percent(r.share)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let basis_name = env.id("basis");
    let asof_id = env.id("asof");

    html! {
        <section class="p1-controls" aria-labelledby={env.id("controls-heading")}>
            <p class="p1-sticky" aria-hidden="true" data-testid="sticky-verdict">{ compact }</p>
            <h2 class="p1-h2" id={env.id("controls-heading")}>{ s.controls_heading }</h2>
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
                    <button type="button" class="p1-button" data-preset={p.code()} onclick={preset(p)}>{ s.preset(p) }</button>
                }
                <button type="button" class="p1-button p1-button-quiet" data-testid="reset" onclick={reset}>{ s.reset }</button>
            </fieldset>
            <div class="p1-scenario">
                <fieldset class="p1-basis">
                    <legend>{ s.basis_legend }</legend>
                    for b in bases.iter().copied() {
                        <label class="p1-radio">
                            <input type="radio" name={basis_name.clone()} value={b.code()} checked={b == sc.basis}
                                   onchange={on_basis(b)} data-testid={format!("basis-{}", b.code())} />
                            <span class="p1-radio-label">{ s.basis(b).0 }</span>
                            <span class="p1-radio-note">{ s.basis(b).1 }</span>
                        </label>
                    }
                </fieldset>
                <div class="p1-asof">
                    <label for={asof_id.clone()}>{ s.asof_label }</label>
                    <select id={asof_id} onchange={on_asof} data-testid="asof">
                        for m in derived.cutoffs.iter().copied() {
                            <option value={m.to_string()} selected={m == sc.asof}>{ f.month(m, MonthStyle::Long) }</option>
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
    let handle = use_dispatch();
    let env = use_env();
    let s = strings();
    let f = super::format::fmt();
    let c = props.category;
    let max = model::rate_max(c);
    let id = env.id(&format!("rate-{}", c.code()));
    let on_input = {
        let handle = handle.clone();
        Callback::from(move |ev: InputEvent| {
            if let Some(v) = super::dom_value(&ev).and_then(|v| parse_decimal(&v)) {
                handle.dispatch(Action::SetRate(c, v));
            }
        })
    };
    let value = decimal(props.value, 2);
    let valuetext = text::rate_valuetext(s, f, props.value);
    html! {
        <div class={classes!("p1-rate", format!("p1-cat-{}", c.code()))}>
            <label for={id.clone()} class="p1-rate-label">
                <span class="p1-chip" aria-hidden="true"></span>
                { s.category(c) }
                <span class="p1-unit">{ format!(" ({})", s.rate_unit) }</span>
            </label>
            <div class="p1-rate-inputs">
                <input type="range" id={id.clone()} min="0" max={decimal(max, 0)} step={decimal(RATE_STEP, 2)}
                       value={value.clone()} aria-valuetext={valuetext}
                       oninput={on_input.clone()} data-testid={format!("rate-{}", c.code())} />
                <input type="number" class="p1-number" min="0" max={decimal(max, 0)} step="0.01" inputmode="decimal"
                       value={value} aria-label={format!("{} ({})", s.category(c), s.rate_unit)}
                       oninput={on_input} data-testid={format!("rate-{}-number", c.code())} />
            </div>
        </div>
    }
}
