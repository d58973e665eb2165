//! The verdicts: one line per year and for both years (`Verdict`), and a polite live
//! region that announces them once the reader pauses (`VerdictLive`); the one-line result that sits
//! between the chart and the sliders (`Compact`); and what the figures mean from the
//! cut-off: bought so far, the pace needed, or the months missing (`Outlook`).

use yew::prelude::*;

use super::{Env, Ui, use_derived, use_ui};
use crate::core::chart::num;
use crate::core::decimal::within;
use crate::core::model::YearResult;
use crate::core::pace::Focus;
use crate::core::text;

/// How long the reader must pause before the verdict is announced.
const ANNOUNCE_AFTER_MS: u32 = 700;

pub fn met_class(r: &YearResult) -> &'static str {
    if r.met { "is-met" } else { "is-missed" }
}

/// The verdict for screen readers: a polite live region, announced once the reader stops
/// moving a control (never at load). Apart from [`Verdict`], which the page adopts as
/// prerendered and draws live later: this hydrates with the page, so the region is there
/// from the first input on, and never replaced.
#[component]
pub fn VerdictLive() -> Html {
    let derived = use_derived();
    let Ui { loc, f, .. } = use_ui();
    let live = derived
        .eval
        .as_ref()
        .map(|e| super::plain(&text::live_verdict(loc, &f, e)))
        .unwrap_or_default();
    let announced = super::dom::use_settled(live, ANNOUNCE_AFTER_MS);
    html! {
        <div class="p1-sr" aria-live="polite" aria-atomic="true" data-testid="verdict-live">
            { announced }
        </div>
    }
}

#[component]
pub fn Verdict() -> Html {
    let derived = use_derived();
    let Ui { loc, f, env, .. } = use_ui();
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let line = |r: &YearResult, testid: &'static str| {
        html! {
            <li class={classes!("p1-verdict-line", met_class(r))}>
                <span class="p1-verdict-dot" aria-hidden="true"></span>
                // The tag comes first so that, on a phone, it can float beside the first
                // line; on wider widgets it is shown after the text.
                <span class="p1-verdict-body">
                    <span class="p1-tag" data-testid={format!("{testid}-tag")}>{
                        super::nb(&text::verdict_tag(loc, &f, e, r))
                    }</span>
                    <span class="p1-verdict-text" data-testid={testid}>{
                        super::nb(&text::verdict(loc, &f, e, r))
                    }</span>
                </span>
            </li>
        }
    };
    html! {
        // The role first: the build finds the verdicts by the tag's start.
        <div data-p1-role="verdict" class="p1-verdict">
            // The simulator is a rewind: a moment in the deal, and the reader's pace from it.
            <h2 class="p1-rewind" id={env.id("rewind")} data-testid="rewind">
                { super::nb(&text::rewind(loc, &f, e)) }
            </h2>
            <h3 class="p1-h2" data-testid="verdict-heading">
                { super::nb(&text::verdict_heading(loc, &f, e)) }
            </h3>
            <ul class="p1-verdicts">
                { line(&e.years[0], "verdict-2020") }
                { line(&e.years[1], "verdict-2021") }
                { line(&e.both, "verdict-total") }
            </ul>
        </div>
    }
}

/// The three verdicts in one line, with their met/missed marks and shares: on a phone
/// it sits right under the sliders (the chart is right above them), so a reader moving a
/// slider sees the verdict change beside it, in a page or in an auto-height iframe
/// (nothing sticks). Hidden on wide widgets, where the verdicts sit beside the sliders.
/// Screen readers hear the live region instead.
#[component]
pub fn Compact() -> Html {
    let derived = use_derived();
    let Ui { loc, s, f, .. } = use_ui();
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    html! {
        <div class="p1-compact" aria-hidden="true" data-testid="compact-verdict">
            <span class="p1-compact-label">{ s.compact_label }</span>
            for r in [&e.years[0], &e.years[1], &e.both] {
                <span class={classes!("p1-compact-item", met_class(r))}>
                    <span class="p1-verdict-dot"></span>
                    { super::nb(&text::verdict_compact(loc, &f, r)) }
                </span>
            }
        </div>
    }
}

/// A line with a link to the method in it: the link opens "How we calculated this" and
/// takes the reader there (an ordinary fragment link until the client runs).
fn caveat(line: &'static str, link: &'static str, env: &Env) -> Html {
    let Some((before, after)) = text::around(line, "link") else {
        return html! { { line } };
    };
    let id = env.id("method");
    let onclick = {
        let id = id.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            super::dom::open_in_widget(&ev, &id);
        })
    };
    html! {
        <>
            { before }
            <a href={format!("#{id}")} {onclick} data-testid="method-link">{ link }</a>
            { after }
        </>
    }
}

/// What the figures mean from the cut-off: what was bought so far, then the pace each
/// open span needs, or, when the data end, which months are missing.
#[component]
pub fn Outlook() -> Html {
    let derived = use_derived();
    let Ui { loc, s, f, env } = use_ui();
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let needed = text::needed_pace(loc, &f, e);
    let missing = text::missing_note(loc, &f, e);
    html! {
        // The role first: the build finds the outlook by the tag's start.
        <div data-p1-role="outlook" class="p1-outlook">
            <p class="p1-sofar">{ super::nb(&text::so_far(loc, &f, e)) }</p>
            if needed.is_some() || missing.is_some() {
                <div class="p1-needed" data-testid="needed-pace">
                    if let Some(p) = derived.focus.as_ref() {
                        <PaceBars focus={*p} />
                    }
                    if let Some(n) = needed {
                        <p>{ super::nb(&n.heading) }</p>
                        <ul class="p1-needed-lines">
                            for l in n.lines { <li>{ super::nb(&l) }</li> }
                        </ul>
                        <p class="p1-note">{ super::nb(&n.best) }</p>
                    }
                    if let Some(m) = missing { <p>{ super::nb(&m) }</p> }
                </div>
            }
            <p class="p1-caveat">{ caveat(s.caveat_line, s.method_heading, &env) }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PaceBarsProps {
    pub focus: Focus,
}

/// The reader's monthly total against the pace the target that matters needs, as two
/// bars on one scale, and why that target.
#[component]
pub fn PaceBars(props: &PaceBarsProps) -> Html {
    let Ui { loc, s, f, .. } = use_ui();
    let p = props.focus;
    let t = text::pace(loc, &f, &p);
    let top = p.yours.max(p.needed).max(f64::MIN_POSITIVE);
    let bar = |v: f64, class: &'static str| {
        html! {
            <svg class={classes!("p1-pace-bar", class)} viewBox="0 0 100 10" height="10"
                 preserveAspectRatio="none" aria-hidden="true">
                <rect class="p1-bar-track" width="100" height="10" />
                <rect class="p1-bar-fill" height="10"
                      width={num(within(v / top * 100.0, 0.0, 100.0))} />
            </svg>
        }
    };
    html! {
        <div class="p1-pace" data-testid="pace">
            <div class="p1-pace-row is-yours">
                <span class="p1-pace-label">{ s.pace_yours }</span>
                { bar(p.yours, "is-yours") }
                <span class="p1-pace-value" data-testid="pace-yours">{ super::nb(&t.yours) }</span>
            </div>
            if let Some(needed) = t.needed.as_ref() {
                <div class="p1-pace-row is-needed">
                    <span class="p1-pace-label">{ super::nb(&t.needed_label) }</span>
                    { bar(p.needed, "is-needed") }
                    <span class="p1-pace-value" data-testid="pace-needed">
                        { super::nb(needed) }
                    </span>
                </div>
            }
            <p class="p1-pace-why" data-testid="pace-why">
                { super::nb(&t.why) }
            </p>
        </div>
    }
}
