//! The annotated timeline: filters with counts, and a keyboard-navigable feed of events
//! grouped by year, linked to the chart's markers.

use std::rc::Rc;

use yew::prelude::*;

use super::{CopyStatus, Same, Ui, share_url, use_dispatch, use_latest, use_ui};
use crate::core::locale::fill;
use crate::core::state::Action;
use crate::core::text;
use crate::core::timeline::{
    self, Actor, App, Events, Filters, PeriodFilter, Timeline, TimelineEvent,
};

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub timeline: Same<Timeline>,
    pub filters: Filters,
    pub selected: Option<String>,
    pub highlighted: Option<String>,
    /// The selection came from a chart marker.
    pub from_chart: bool,
}

/// One filter option: a checkbox or radio with its label and the count it would show.
fn option(
    radio: Option<&str>,
    checked: bool,
    onchange: Callback<Event>,
    testid: String,
    label: &str,
    count: Option<usize>,
) -> Html {
    html! {
        <label class="p1-check">
            <input type={if radio.is_some() { "radio" } else { "checkbox" }}
                   name={radio.map(str::to_string)} checked={checked} onchange={onchange}
                   data-testid={testid} />
            { label.to_string() }
            if let Some(n) = count {
                <span class="p1-count">{ n }</span>
            }
        </label>
    }
}

#[component]
pub fn TimelineView(props: &TimelineProps) -> Html {
    let dispatch = use_dispatch();
    let Ui { loc, s, env, .. } = use_ui();
    let t = &props.timeline;
    let fl = &props.filters;
    let mode = fl.mode(t);
    // The listed events: the key moments, or every event that passes the filters. Only
    // these are in the page: readers without JavaScript find every event on a page of its
    // own, linked from "Show all".
    let listed = timeline::filtered(t, fl);
    let heading_id = env.id("timeline-heading");
    let period_name = env.id("period");
    let after_id = env.id("after-timeline");
    let skip = {
        let after_id = after_id.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            super::dom::focus_in_widget(&ev, &after_id);
        })
    };
    // The "Show all" toggle is a native disclosure, so it works without JavaScript; with
    // it, opening and closing it switch the list.
    let on_all_toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |ev: Event| {
            let events = if super::dom_open(&ev) {
                Events::All
            } else {
                Events::Key
            };
            dispatch.dispatch(Action::SetEvents(events));
        })
    };
    // Every filter control dispatches the action its new checked state makes.
    let on = |make: Rc<dyn Fn(bool) -> Action>| {
        let dispatch = dispatch.clone();
        Callback::from(move |ev: Event| dispatch.dispatch(make(super::dom_checked(&ev))))
    };

    // Roving focus among the listed events: arrows, Page keys, Home and End move.
    let ids: Vec<String> = listed.iter().map(|e| e.id.clone()).collect();
    let current = props
        .selected
        .as_ref()
        .and_then(|id| ids.iter().position(|x| x == id))
        .unwrap_or(0);
    let on_key = {
        let dispatch = dispatch.clone();
        let ids = ids.clone();
        Callback::from(move |ev: KeyboardEvent| {
            // Keys typed into controls inside an event (links, "More") keep their meaning.
            let Some(last) = ids.len().checked_sub(1) else {
                return;
            };
            if !super::target_is_event(&ev) {
                return;
            }
            if ev.ctrl_key() && matches!(ev.key().as_str(), "Home" | "End") {
                // Feed pattern: Ctrl+End / Ctrl+Home leave the feed.
                ev.prevent_default();
                super::dom::leave_feed(&ev, ev.key() == "End");
                return;
            }
            let next = match ev.key().as_str() {
                "ArrowDown" | "ArrowRight" | "PageDown" => (current + 1).min(last),
                "ArrowUp" | "ArrowLeft" | "PageUp" => current.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            ev.prevent_default();
            dispatch.dispatch(Action::Select(Some(ids[next].clone())));
            super::dom::focus_event_near(&ev, &ids[next]);
        })
    };

    // Events by year.
    let mut years: Vec<(i32, Vec<&TimelineEvent>)> = Vec::new();
    for e in &listed {
        match years.last_mut() {
            Some((y, list)) if *y == e.date.0 => list.push(e),
            _ => years.push((e.date.0, vec![e])),
        }
    }
    let total = listed.len();
    let mut pos = 0usize;
    // The built-in key moments, the rest on its way: no counts until it has come.
    let whole = t.omitted == 0;
    let showing = if whole {
        fill(
            s.showing,
            &[("n", &total.to_string()), ("total", &t.total().to_string())],
        )
    } else {
        s.events_loading.to_string()
    };
    let filters = html! {
        <div class="p1-filters" role="group" aria-label={s.filters_label}
             data-testid="filters">
            <fieldset class="p1-filter">
                <legend>{ s.filter_apps }</legend>
                for a in App::ALL {
                    { option(None, fl.apps.contains(a),
                             on(Rc::new(move |c| Action::SetApp(a, c))),
                             format!("filter-app-{}", a.code()), loc.app(a),
                             whole.then(|| fl.count_app(t, a))) }
                }
            </fieldset>
            <fieldset class="p1-filter">
                <legend>{ s.filter_period }</legend>
                for p in PeriodFilter::ALL {
                    { option(Some(&period_name), fl.period == p,
                             on(Rc::new(move |_| Action::SetPeriod(p))),
                             format!("filter-period-{}", p.code()),
                             loc.period_filter(p), whole.then(|| fl.count_period(t, p))) }
                }
            </fieldset>
            <fieldset class="p1-filter p1-filter-actors">
                <legend>{ s.filter_actors }</legend>
                { option(None, fl.actors.is_all(), on(Rc::new(Action::SetAllActors)),
                         "filter-actor-all".into(), s.all_actors, None) }
                for a in Actor::ALL {
                    { option(None, fl.actors.contains(a),
                             on(Rc::new(move |c| Action::SetActor(a, c))),
                             format!("filter-actor-{}", a.code()), loc.actor(a),
                             whole.then(|| fl.count_actor(t, a))) }
                }
            </fieldset>
            <p class="p1-showing" aria-live="polite" data-testid="timeline-count">
                { showing }
            </p>
        </div>
    };
    let key_count = t.key_count();
    let show_all = fill(s.show_all, &[("n", &t.total().to_string())]);
    let show_key = fill(s.show_key, &[("n", &key_count.to_string())]);

    html! {
        <>
        <section class={classes!("p1-timeline", format!("is-{}", mode.code()))}
                 aria-labelledby={heading_id.clone()} data-testid="timeline-section"
                 data-events={mode.code()}>
            <a class="p1-skip" href={format!("#{after_id}")} onclick={skip}
               data-testid="skip-timeline">{ s.skip_timeline }</a>
            <div class="p1-timeline-head">
                <h2 class="p1-h2" id={heading_id}>{ s.timeline_heading }</h2>
                <p class="p1-note">{ s.timeline_intro }</p>
            </div>
            <div class="p1-timeline-body">
                if key_count > 0 {
                    <details class="p1-all-toggle" open={mode == Events::All}
                             ontoggle={on_all_toggle} data-testid="events-toggle">
                        <summary class="p1-button" data-testid="show-all">
                            <span class="p1-when-key">{ show_all }</span>
                            <span class="p1-when-all">{ show_key }</span>
                        </summary>
                        if mode == Events::All {
                            <div class="p1-timeline-side">{ filters.clone() }</div>
                        } else {
                            // Without JavaScript the toggle can't list them: a link to
                            // the page that does (hidden once the widget is live).
                            <p class="p1-all-page">
                                <a href={format!("{}{}", env.asset_base, loc.lang.events_page())}
                                   data-testid="all-events-page">{ s.all_events_page }</a>
                            </p>
                        }
                    </details>
                } else {
                    <div class="p1-timeline-side">{ filters }</div>
                }
                // Busy while every event is on its way (the key moments shown meanwhile).
                <div class="p1-feed" data-testid="timeline"
                     aria-busy={(mode == Events::All && !whole).then_some("true")}
                     aria-label={if mode == Events::Key { s.events_key } else { s.list_label }}
                     role="region" onkeydown={on_key}>
                    if total == 0 && whole {
                        <p class="p1-note">{ s.no_events }</p>
                    }
                    for (year, list) in years {
                        <div class="p1-year-group">
                            <h3 class="p1-year" id={env.id(&format!("year-{year}"))}>{ year }</h3>
                            <div role="feed" aria-busy="false"
                                 aria-labelledby={env.id(&format!("year-{year}"))}>
                                for e in list {
                                    {{
                                        pos += 1;
                                        let selected = props.selected.as_ref() == Some(&e.id);
                                        html! { <EventCard key={e.id.clone()} event={(*e).clone()}
                                            pos={pos} size={total} selected={selected}
                                            highlighted={props.highlighted.as_ref() == Some(&e.id)}
                                            back={selected && props.from_chart}
                                            tab_stop={ids.get(current) == Some(&e.id)} /> }
                                    }}
                                }
                            </div>
                        </div>
                    }
                </div>
            </div>
        </section>
        <span id={after_id} class="p1-after-timeline" tabindex="-1"></span>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct EventProps {
    pub event: TimelineEvent,
    /// Position among the listed events, from 1.
    pub pos: usize,
    pub size: usize,
    pub selected: bool,
    pub highlighted: bool,
    pub tab_stop: bool,
    /// Reached from a chart marker: offer the way back.
    pub back: bool,
}

#[component]
pub fn EventCard(props: &EventProps) -> Html {
    let dispatch = use_dispatch();
    let latest = use_latest();
    let Ui { loc, s, f, env } = use_ui();
    let e = &props.event;
    let copied = use_state(CopyStatus::default);
    let heading_id = env.id(&format!("event-{}-h", e.id));
    // Focus (keyboard) and click (pointer) both select the event.
    let select = {
        let id = e.id.clone();
        let selected = props.selected;
        Callback::from(move |()| {
            if !selected {
                dispatch.dispatch(Action::Select(Some(id.clone())));
            }
        })
    };
    let manual = use_state(String::new);
    let copy_link = {
        let setter = copied.setter();
        let manual = manual.setter();
        let env = env.clone();
        let id = e.id.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.stop_propagation();
            // Built on click, from the latest state, so cards need not re-render on every
            // change of the scenario.
            let url = share_url(&env, &latest.0.borrow(), Some(&id));
            manual.set(url.clone());
            super::dom::copy_text(&url, setter.clone());
        })
    };
    let (lead, rest) = text::split_teaser(&e.annotation, text::TEASER);
    let back = {
        let id = e.id.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.stop_propagation();
            super::dom::reveal_chart(&ev, &id);
        })
    };
    let new_tab = env.mode != super::Mode::Standalone;
    let link_text = match *copied {
        CopyStatus::Idle => s.event_link,
        CopyStatus::Copied => s.link_copied,
        CopyStatus::Failed => s.copy_failed,
    };
    let has_more = rest.is_some() || e.sources.len() > 1 || !e.instrument.is_empty();
    let link_button = html! {
        <button type="button" class="p1-linkbutton" onclick={copy_link}
                data-testid="event-link">{ link_text }</button>
    };
    let class = classes!(
        "p1-event",
        props.selected.then_some("is-selected"),
        props.highlighted.then_some("is-highlighted"),
        (!e.verified).then_some("is-unverified")
    );
    html! {
        <article id={env.id(&format!("event-{}", e.id))} class={class}
                 tabindex={if props.tab_stop { "0" } else { "-1" }}
                 aria-labelledby={heading_id.clone()}
                 aria-posinset={props.pos.to_string()} aria-setsize={props.size.to_string()}
                 aria-current={if props.selected { "true" } else { "false" }}
                 data-testid="timeline-event" data-p1-role="event"
                 data-event-id={e.id.clone()}
                 onfocusin={select.reform(|_: FocusEvent| ())}
                 onclick={select.reform(|_: MouseEvent| ())}>
            <h4 class="p1-event-title" id={heading_id}>
                <time class="p1-event-date">{ super::nb(&text::event_date(&f, e)) }</time>
                <span class="p1-sep" aria-hidden="true">{ " · " }</span>
                <bdi>{ e.title.clone() }</bdi>
            </h4>
            <p class="p1-tags">
                for a in e.apps.iter() {
                    <span class="p1-tag-app">{ loc.app(a) }</span>
                }
                <span class="p1-tag-actor">{ loc.actor(e.actor) }</span>
                if !e.verified {
                    <span class="p1-tag-unverified">{ s.unverified }</span>
                }
            </p>
            <p class="p1-annotation p1-lead">{ lead.clone() }</p>
            // The source, and "More" beside it: the rest of a long annotation, the document
            // and the event's own link.
            <div class="p1-event-row">
                // The primary source on the card; a news report about it behind "More".
                <p class="p1-event-foot">
                    <span class="p1-label">{ s.sources_label }</span>{ " " }
                    for c in e.sources.iter().take(1) {
                        <a href={c.url.clone()} rel="noopener noreferrer" title={c.title.clone()}
                           target={new_tab.then_some("_blank")} data-testid="event-source">
                            { super::citation_label(loc, &f, c) }
                        </a>
                    }
                </p>
                // "More" only where there is more than the event's own link.
                if !has_more {
                    <p class="p1-event-foot">{ link_button.clone() }</p>
                }
                if has_more {
                <details class="p1-more">
                    <summary>
                        <span class="p1-more-closed">{ s.more }</span>
                        <span class="p1-more-open">{ s.less }</span>
                    </summary>
                    // On a phone, the key moments list their titles and keep the lead
                    // here too (see widget.css); elsewhere this copy is not shown.
                    <p class="p1-annotation p1-lead-copy">{ lead }</p>
                    if let Some(rest) = rest {
                        <p class="p1-annotation">{ rest }</p>
                    }
                    for c in e.sources.iter().skip(1) {
                        <p class="p1-instrument">
                            <span class="p1-label">{ s.report_label }</span>{ " " }
                            <a href={c.url.clone()} rel="noopener noreferrer"
                               title={c.title.clone()} target={new_tab.then_some("_blank")}
                               data-testid="event-source">
                                { super::citation_label(loc, &f, c) }
                            </a>
                        </p>
                    }
                    if !e.instrument.is_empty() {
                        <p class="p1-instrument">
                            <span class="p1-label">{ s.instrument_label }</span>{ " " }
                            { e.instrument.clone() }
                        </p>
                    }
                    <p class="p1-event-foot">{ link_button }</p>
                </details>
                }
            </div>
            if *copied == CopyStatus::Failed {
                <super::share::ManualCopy text={(*manual).clone()} />
            }
            if props.back {
                <p><button type="button" class="p1-button p1-button-quiet" onclick={back}
                           data-testid="back-to-chart">{ s.back_to_chart }</button></p>
            }
        </article>
    }
}
