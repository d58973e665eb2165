//! The annotated timeline: filters with counts, and a keyboard-navigable feed of events
//! grouped by year, linked to the chart's markers.

use yew::prelude::*;

use std::rc::Rc;

use super::{share_url, strings, use_dispatch, use_env, use_latest};
use crate::core::state::Action;
use crate::core::strings::fill;
use crate::core::timeline::{self, Actor, App, Event, Filters, PeriodFilter, Timeline};

/// Annotations longer than this show their first sentence, with the rest behind "More".
const COLLAPSE_OVER: usize = 170;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub timeline: Rc<Timeline>,
    pub filters: Filters,
    pub selected: Option<String>,
    pub highlighted: Option<String>,
}

#[component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let handle = use_dispatch();
    let env = use_env();
    let s = strings();
    let t = &props.timeline;
    let fl = &props.filters;
    let shown = timeline::filtered(t, fl);
    let heading_id = env.id("timeline-heading");

    let toggle_app = |a: App| {
        let handle = handle.clone();
        Callback::from(move |ev: web_sys::Event| {
            handle.dispatch(Action::SetApp(a, super::dom_checked(&ev)));
        })
    };
    let toggle_actor = |a: Actor| {
        let handle = handle.clone();
        Callback::from(move |ev: web_sys::Event| {
            handle.dispatch(Action::SetActor(a, super::dom_checked(&ev)));
        })
    };
    let all_actors = {
        let handle = handle.clone();
        Callback::from(move |ev: web_sys::Event| {
            handle.dispatch(Action::SetAllActors(super::dom_checked(&ev)))
        })
    };
    let set_period = |p: PeriodFilter| {
        let handle = handle.clone();
        Callback::from(move |_: web_sys::Event| handle.dispatch(Action::SetPeriod(p)))
    };

    // Roving focus: one event is in the tab order; arrows, Page keys, Home and End move.
    let current = props
        .selected
        .as_ref()
        .and_then(|id| shown.iter().position(|e| &e.id == id))
        .unwrap_or(0);
    let ids: Vec<String> = shown.iter().map(|e| e.id.clone()).collect();
    let on_key = {
        let handle = handle.clone();
        let ids = ids.clone();
        let selected = props.selected.clone();
        Callback::from(move |ev: KeyboardEvent| {
            let n = ids.len();
            if n == 0 {
                return;
            }
            // Keys typed into controls inside an event (links, "More") keep their meaning.
            if !super::target_is_event(&ev) {
                return;
            }
            let cur = selected
                .as_ref()
                .and_then(|id| ids.iter().position(|x| x == id))
                .unwrap_or(0);
            if ev.ctrl_key() && matches!(ev.key().as_str(), "Home" | "End") {
                // Feed pattern: Ctrl+End / Ctrl+Home leave the feed.
                ev.prevent_default();
                #[cfg(target_arch = "wasm32")]
                super::dom::leave_feed(&ev, ev.key() == "End");
                return;
            }
            let next = match ev.key().as_str() {
                "ArrowDown" | "ArrowRight" | "PageDown" => (cur + 1).min(n - 1),
                "ArrowUp" | "ArrowLeft" | "PageUp" => cur.saturating_sub(1),
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            ev.prevent_default();
            handle.dispatch(Action::Select(Some(ids[next].clone())));
            #[cfg(target_arch = "wasm32")]
            super::dom::focus_event_near(&ev, &ids[next]);
        })
    };

    let mut years: Vec<(i32, Vec<&Event>)> = Vec::new();
    for e in &shown {
        match years.last_mut() {
            Some((y, list)) if *y == e.date.0 => list.push(e),
            _ => years.push((e.date.0, vec![e])),
        }
    }
    let total = shown.len();
    let mut pos = 0usize;

    html! {
        <section class="p1-timeline" aria-labelledby={heading_id.clone()} data-testid="timeline-section">
          <div class="p1-timeline-inner">
            <div class="p1-timeline-head">
                <h2 class="p1-h2" id={heading_id}>{ s.timeline_heading }</h2>
                <p class="p1-note">{ s.timeline_intro }</p>
                <div class="p1-filters" role="group" aria-label={s.filters_label}>
                    <fieldset class="p1-filter">
                        <legend>{ s.filter_apps }</legend>
                        for a in App::ALL {
                            <label class="p1-check">
                                <input type="checkbox" checked={fl.app(a)} onchange={toggle_app(a)} data-testid={format!("filter-app-{}", a.code())} />
                                { s.app(a) }<span class="p1-count">{ fl.count_app(t, a) }</span>
                            </label>
                        }
                    </fieldset>
                    <fieldset class="p1-filter">
                        <legend>{ s.filter_period }</legend>
                        for p in [PeriodFilter::Deal, PeriodFilter::All] {
                            <label class="p1-check">
                                <input type="radio" name={env.id("period")} checked={fl.period == p} onchange={set_period(p)} data-testid={format!("filter-period-{}", p.code())} />
                                { if p == PeriodFilter::Deal { s.period_deal } else { s.period_all } }
                                <span class="p1-count">{ fl.count_period(t, p) }</span>
                            </label>
                        }
                    </fieldset>
                    <fieldset class="p1-filter p1-filter-actors">
                        <legend>{ s.filter_actors }</legend>
                        <label class="p1-check">
                            <input type="checkbox" checked={fl.actors.iter().all(|a| *a)} onchange={all_actors} data-testid="filter-actor-all" />
                            { s.all_actors }
                        </label>
                        for a in Actor::ALL {
                            <label class="p1-check">
                                <input type="checkbox" checked={fl.actor(a)} onchange={toggle_actor(a)} data-testid={format!("filter-actor-{}", a.code())} />
                                { s.actor(a) }<span class="p1-count">{ fl.count_actor(t, a) }</span>
                            </label>
                        }
                    </fieldset>
                </div>
                <p class="p1-showing" aria-live="polite" data-testid="timeline-count">
                    { fill(s.showing, &[("n", &total.to_string()), ("total", &t.events.len().to_string())]) }
                </p>
            </div>
            <div class="p1-feed" data-testid="timeline" aria-label={s.list_label} role="region" onkeydown={on_key}>
                if total == 0 {
                    <p class="p1-note">{ s.no_events }</p>
                }
                for (year, list) in years {
                    <h3 class="p1-year" id={env.id(&format!("year-{year}"))}>{ year }</h3>
                    <div role="feed" aria-busy="false" aria-labelledby={env.id(&format!("year-{year}"))}>
                        for e in list {
                            {{
                                pos += 1;
                                html! { <EventCard key={e.id.clone()} event={e.clone()} pos={pos} size={total}
                                        selected={props.selected.as_ref() == Some(&e.id)}
                                        highlighted={props.highlighted.as_ref() == Some(&e.id)}
                                        tab_stop={ids.get(current) == Some(&e.id)} /> }
                            }}
                        }
                    </div>
                }
            </div>
          </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EventProps {
    pub event: Event,
    pub pos: usize,
    pub size: usize,
    pub selected: bool,
    pub highlighted: bool,
    pub tab_stop: bool,
}

#[component]
pub fn EventCard(props: &EventProps) -> Html {
    let handle = use_dispatch();
    let env = use_env();
    let latest = use_latest();
    let s = strings();
    let f = super::format::fmt();
    let e = &props.event;
    let copied = use_state(|| false);
    let heading_id = env.id(&format!("event-{}-h", e.id));
    // Focus (keyboard) and click (pointer) both select the event.
    let select = {
        let handle = handle.clone();
        let id = e.id.clone();
        let selected = props.selected;
        Callback::from(move |()| {
            if !selected {
                handle.dispatch(Action::Select(Some(id.clone())));
            }
        })
    };
    let copy_link = {
        let copied = copied.clone();
        let env = env.clone();
        let id = e.id.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.stop_propagation();
            // Built on click, from the latest state, so cards need not re-render on every change.
            let url = format!("{}#event-{}", share_url(&env, &latest.0.borrow()), id);
            #[cfg(target_arch = "wasm32")]
            super::dom::copy_text(&url, copied.setter());
            let _ = (&url, &copied);
        })
    };
    let (lead, rest) = split_annotation(&e.annotation);
    let apps: &[App] = match e.apps {
        timeline::Apps::TikTok => &[App::TikTok],
        timeline::Apps::WeChat => &[App::WeChat],
        timeline::Apps::Both => &App::ALL,
    };
    let new_tab = env.mode != super::Mode::Standalone;
    html! {
        <article id={env.id(&format!("event-{}", e.id))}
                 class={classes!("p1-event", props.selected.then_some("is-selected"), props.highlighted.then_some("is-highlighted"), (!e.verified).then_some("is-unverified"))}
                 tabindex={if props.tab_stop { "0" } else { "-1" }}
                 aria-labelledby={heading_id.clone()}
                 aria-posinset={props.pos.to_string()} aria-setsize={props.size.to_string()}
                 aria-current={if props.selected { "true" } else { "false" }}
                 data-testid="timeline-event" data-event-id={e.id.clone()}
                 onfocusin={select.reform(|_: FocusEvent| ())} onclick={select.reform(|_: MouseEvent| ())}>
            <h4 class="p1-event-title" id={heading_id}>
                <time class="p1-event-date">{ f.date(e.date, e.precision) }</time>
                <span class="p1-sep" aria-hidden="true">{ " · " }</span>
                <span>{ e.title.clone() }</span>
            </h4>
            <p class="p1-tags">
                for a in apps.iter().copied() {
                    <span class="p1-tag-app">{ s.app(a) }</span>
                }
                <span class="p1-tag-actor">{ s.actor(e.actor) }</span>
                if !e.verified {
                    <span class="p1-tag-unverified">{ s.unverified }</span>
                }
            </p>
            <p class="p1-annotation">{ lead }</p>
            if let Some(rest) = rest {
                <details class="p1-more">
                    <summary><span class="p1-more-closed">{ s.more }</span><span class="p1-more-open">{ s.less }</span></summary>
                    <p class="p1-annotation">{ rest }</p>
                </details>
            }
            if !e.instrument.is_empty() {
                <p class="p1-instrument"><span class="p1-label">{ s.instrument_label }{ ": " }</span>{ e.instrument.clone() }</p>
            }
            <p class="p1-event-foot">
                <span class="p1-label">{ s.sources_label }{ ": " }</span>
                for url in e.sources.iter() {
                    <a href={url.clone()} rel="noopener noreferrer" target={new_tab.then_some("_blank")}>{ timeline::host(url).to_string() }</a>
                    { " " }
                }
                <button type="button" class="p1-linkbutton" onclick={copy_link} data-testid="event-link">
                    { if *copied { s.link_copied } else { s.event_link } }
                </button>
            </p>
        </article>
    }
}

/// The first sentence, and the rest when the annotation is long.
fn split_annotation(a: &str) -> (String, Option<String>) {
    if a.chars().count() <= COLLAPSE_OVER {
        return (a.to_string(), None);
    }
    match a.find(". ") {
        Some(i) if i + 2 < a.len() => (a[..=i].to_string(), Some(a[i + 2..].to_string())),
        _ => (a.to_string(), None),
    }
}
