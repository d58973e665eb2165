//! The verdict panel: one line per year and for both years, the needed pace, and a
//! polite live region that announces only the verdict once the reader pauses.

use yew::prelude::*;

use super::{Ui, use_derived, use_ui};
use crate::core::model::YearResult;
use crate::core::text;

/// How long the reader must pause before the verdict is announced.
const ANNOUNCE_AFTER_MS: u32 = 700;

#[component]
pub fn Verdict() -> Html {
    let derived = use_derived();
    let Ui { loc, s, f, .. } = use_ui();
    let live = derived
        .eval
        .as_ref()
        .map(|e| text::live_verdict(loc, &f, e))
        .unwrap_or_default();
    // Announce the verdict only after the reader stops moving a control.
    let announced = super::dom::use_settled(live, ANNOUNCE_AFTER_MS);
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let line = |r: &YearResult, testid: &'static str| {
        let tag = if r.is_final() {
            s.tag_actual
        } else {
            s.tag_projected
        };
        let class = classes!(
            "p1-verdict-line",
            if r.met { "is-met" } else { "is-missed" }
        );
        html! {
            <li class={class}>
                <span class="p1-verdict-dot" aria-hidden="true"></span>
                <span><span class="p1-verdict-text" data-testid={testid}>{
                    text::verdict(loc, &f, r)
                }</span>{ " " }<span class="p1-tag">{ tag }</span></span>
            </li>
        }
    };
    let needed: Vec<String> = [&e.years[0], &e.years[1], &e.both]
        .iter()
        .filter_map(|r| text::needed(loc, &f, e, r))
        .collect();

    html! {
        <div class="p1-verdict">
            <h2 class="p1-h2">{ s.verdict_heading }</h2>
            <ul class="p1-verdicts">
                { line(&e.years[0], "verdict-2020") }
                { line(&e.years[1], "verdict-2021") }
                { line(&e.both, "verdict-total") }
            </ul>
            <p class="p1-sofar">{ text::so_far(loc, &f, e) }</p>
            <div class="p1-needed" data-testid="needed-pace">
                for n in needed { <p>{ n }</p> }
            </div>
            <p class="p1-caveat">{ s.caveat_line }</p>
            <div class="p1-sr" aria-live="polite" aria-atomic="true" data-testid="verdict-live">
                { announced }
            </div>
        </div>
    }
}
