//! The cumulative chart (SVG, drawn from `core::chart`'s layout), its legend, its text
//! alternative and the data table behind it. Timeline events in 2020–21 appear as
//! markers on the time axis.
//!
//! # Chart moments and the marker panel
//! Events with a `label` are named on the chart, in a band above the plot, so no label covers a
//! line. On a wide chart, `chart::place_moments` puts each label in the row nearest the plot and
//! the side of its tick where it stays on the drawing and clear of the other labels, their leader
//! lines and the target labels (right to left, then left to right if that places more); if the
//! dated labels don't all fit, they are placed without their dates, then a size smaller. On a
//! narrow chart (under 480 px) they are numbered callouts (`chart::callouts`), keyed in words over
//! the chart by `MomentKey` (shown by CSS at that width, so nothing moves when the client
//! measures). A marker, a label or a callout opens its events in a panel under the chart
//! (`State::moments`, `Action::ShowMoments`; `ui/chart.rs::MomentPanel`): focus moves to the
//! panel's title without scrolling, and its head and first event are scrolled into view only as far
//! as they need; Escape or "Close" closes it and focus returns to the marker. "Read it in the
//! timeline" selects the event there.

use std::rc::Rc;

use yew::prelude::*;

use super::hydrate::Island;
use super::{Same, Ui, use_derived, use_dispatch, use_ui, use_widget};
use crate::core::chart::{self, Frame, Layout, MarkerGroup, Rect, num};
use crate::core::data::Dataset;
use crate::core::derived::{Derived, RowStatus, table_rows};
use crate::core::format::{Format, MonthStyle};
use crate::core::locale::{Locale, fill};
use crate::core::model::{self, TargetPath};
use crate::core::state::Action;
use crate::core::text;
use crate::core::timeline::{self, Filters, Timeline, TimelineEvent};

#[component]
pub fn Chart() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let Ui { loc, s, f, env } = use_ui();
    let state = &handle.0;
    let width = use_state(|| chart::DEFAULT_WIDTH);
    let node = use_node_ref();
    super::dom::use_width(&node, width.setter(), chart::MIN_WIDTH);
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let sc = e.scenario;
    let lay = chart::layout(&derived.series, sc.asof, *width, derived.scale_top);
    let fr = lay.frame;
    let title_id = env.id("chart-title");
    let view_box = format!("0 0 {} {}", num(fr.w), num(fr.h()));
    let avoid = chart::label_avoid(loc, &f, &lay);
    let drawn = |part: fn(&chart::YearLines) -> &Vec<chart::Point>| {
        lay.lines.iter().any(|l| part(l).len() > 1)
    };

    html! {
        <figure class="p1-chart" data-p1-role="chart" data-testid="chart"
                data-basis={sc.basis.code()}
                data-asof={sc.asof.to_string()}>
            <figcaption>
                <h2 class="p1-h2" id={title_id.clone()}>{ s.chart_title }</h2>
                <p class="p1-chart-note">{ s.chart_axis_note }</p>
                <Legend narrow={fr.narrow()} projection={drawn(|l| &l.projected)}
                        later={drawn(|l| &l.later)} />
                // Above the drawing, with the legend: nothing comes between the chart and
                // the sliders under it.
                <MomentKey timeline={state.timeline.clone()} filters={state.filters} />
            </figcaption>
            <div class="p1-chart-box" ref={node}>
                <svg class="p1-svg" viewBox={view_box} width="100%" height={num(fr.h())}
                     role="group" aria-labelledby={title_id}
                     aria-describedby={env.id("chart-summary")}
                     preserveAspectRatio="xMidYMid meet">
                    { axes(loc, &f, &lay) }
                    { lines(loc, &lay) }
                    <Markers timeline={state.timeline.clone()} filters={state.filters}
                             width={fr.w} highlighted={state.highlighted.clone()}
                             selected={state.selected.clone()} avoid={avoid}
                             open={state.moments.clone()} />
                    { asof_label(loc, &f, &lay) }
                </svg>
            </div>
            <MomentPanel timeline={state.timeline.clone()} open={state.moments.clone()} />
        </figure>
    }
}

/// The data table's class: an island of its own.
const TABLE: &[&str] = &["p1-data"];

/// The chart's text alternative, the note on its target path and the data behind it.
/// Apart from the figure, so the sliders can sit directly under the drawing.
#[component]
pub fn ChartNotes() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let Ui { loc, s, f, env } = use_ui();
    let state = &handle.0;
    // The data table follows the scenario only while it is open: closed, it keeps the
    // figures it last showed, so moving a slider doesn't re-render 24 hidden rows.
    let table_open = use_state(|| false);
    let table_shown = use_mut_ref(|| derived.clone());
    // Made once (and again when the table opens or closes), so that a slider move,
    // which re-renders these notes, leaves the closed table's rows alone.
    let on_table_toggle = use_memo((), {
        let set = table_open.setter();
        move |_| super::details_toggle(set)
    });
    // The summary's click comes before the table opens, so it is current when painted.
    let on_table_summary = use_memo(*table_open, {
        let set = table_open.setter();
        move |open: &bool| {
            let open = *open;
            Callback::from(move |_: MouseEvent| set.set(!open))
        }
    });
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    if *table_open {
        *table_shown.borrow_mut() = derived.clone();
    }
    let table_data = table_shown.borrow().clone();
    let path_note = match model::target_path_kind(&state.data, e.scenario.basis) {
        TargetPath::Seasonal => s.path_seasonal,
        TargetPath::Straight => s.path_straight,
    };
    html! {
        <div class="p1-chart-notes">
            <p class="p1-chart-summary" id={env.id("chart-summary")}>
                { super::nb(&text::chart_summary(loc, &f, e)) }
            </p>
            <p class="p1-chart-note">{ path_note }</p>
            // Closed at first: hydrated after the simulator (see `hydrate`).
            <Suspense><Island reach={TABLE}>
                <DataTable derived={table_data} data={state.data.clone()} open={*table_open}
                           ontoggle={(*on_table_toggle).clone()}
                           onsummary={(*on_table_summary).clone()} />
            </Island></Suspense>
        </div>
    }
}

/// Gridlines, y labels, the month and year labels, the divider and the cut-off rule.
fn axes(loc: &Locale, f: &dyn Format, lay: &Layout) -> Html {
    let fr = &lay.frame;
    html! {
        <>
            <g class="p1-grid-lines" aria-hidden="true">
                for t in lay.scale.ticks() {
                    <line x1={num(fr.x0)} x2={num(fr.x1)} y1={num(fr.y(t))} y2={num(fr.y(t))} />
                    <text class="p1-axis-label" x={num(fr.x0 - 6.0)} y={num(fr.y(t) + 4.0)}
                          text-anchor="end">{ text::tick(loc, f, t) }</text>
                }
                // From below the cut-off's label, which it would otherwise cross on a phone.
                <line class="p1-year-divider" x1={num(lay.divider_x)} x2={num(lay.divider_x)}
                      y1={num(fr.y0 + 14.0)} y2={num(fr.y1 + 24.0)} />
                <line class="p1-axis" x1={num(fr.x0)} x2={num(fr.x1)}
                      y1={num(fr.y1)} y2={num(fr.y1)} />
                for (m, x) in lay.month_labels.iter().copied() {
                    <text class="p1-axis-label" x={num(x)} y={num(fr.y1 + 38.0)}
                          text-anchor="middle">{
                        super::plain(&f.month(m, MonthStyle::Abbrev))
                    }</text>
                }
                for (year, x) in lay.year_labels.iter().copied() {
                    <text class="p1-year-label" x={num(x)} y={num(fr.y1 + 54.0)}
                          text-anchor="middle">{ year }</text>
                }
            </g>
            <line class="p1-asof" aria-hidden="true" x1={num(lay.asof_x)} x2={num(lay.asof_x)}
                  y1={num(fr.y0)} y2={num(fr.y1)} />
        </>
    }
}

/// The cut-off's label, "as of Jun 2020": drawn last, so that its halo covers the
/// moments' guide lines where they cross it.
fn asof_label(loc: &Locale, f: &dyn Format, lay: &Layout) -> Html {
    html! {
        <text class="p1-asof-label" aria-hidden="true" x={num(lay.asof_label_x)}
              y={num(lay.frame.y0 + 10.0)} text-anchor={lay.asof_anchor.code()}>
            { super::plain(&chart::asof_text(loc, f, lay)) }
        </text>
    }
}

/// The target, actual, projected and later lines of both years, and an arrow where a
/// projection runs off the top of the scale.
fn lines(loc: &Locale, lay: &Layout) -> Html {
    let narrow = lay.frame.narrow();
    html! {
        <g aria-hidden="true">
            for (x, y) in lay.off_scale.iter().copied() {
                <path class="p1-off-scale" data-testid="off-scale"
                      d={format!("M{},{}l-5,8h10z", num(x), num(y - 6.0))} />
            }
            for l in lay.lines.iter() {
                <path class="p1-line-target" d={chart::path(&l.target)} />
                <path class="p1-line-later" d={chart::path(&l.later)} />
                <path class="p1-line-projection" d={chart::path(&l.projected)}
                      data-testid={format!("projection-{}", l.year)} />
                <path class="p1-line-actual" d={chart::path(&l.actual)}
                      data-testid={format!("actual-{}", l.year)} />
                if lay.sparse {
                    for (x, y) in l.actual.iter().skip(1).copied() {
                        <circle class="p1-dot" cx={num(x)} cy={num(y)} r="3" />
                    }
                }
                if !narrow {
                    if let Some((x, y)) = l.target.last().copied() {
                        <text class="p1-direct p1-direct-target" x={num(x + 6.0)}
                              y={num(y + 4.0)}>{
                            fill(loc.strings.target_label, &[("year", &l.year.to_string())])
                        }</text>
                    }
                }
            }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct MarkersProps {
    timeline: Same<Timeline>,
    filters: Filters,
    width: f64,
    highlighted: Option<String>,
    selected: Option<String>,
    /// What the named moments' labels keep clear of.
    avoid: Vec<Rect>,
    /// The events whose panel is open.
    open: Option<Rc<[String]>>,
}

/// The listed events of 2020–21 (the same as the timeline shows) as ticks on the time
/// axis, grouped where they are closer than a finger: one tab stop, arrow keys move,
/// focus or hover highlights the event in the list, Enter or a click opens the group's
/// events in a panel by the chart (Escape closes it). The events the timeline names for
/// the chart carry their labels in words. A component of its own, so moving a slider
/// doesn't re-render the markers.
#[component]
fn Markers(props: &MarkersProps) -> Html {
    let dispatch = use_dispatch();
    let Ui { loc, f, env, .. } = use_ui();
    let focus_index = use_state(|| 0usize);
    let fr = Frame::new(props.width, 1.0);
    let events = timeline::on_chart(&props.timeline, &props.filters);
    let groups = chart::marker_groups(&fr, &events);
    let active = props.highlighted.as_ref().or(props.selected.as_ref());
    let holds =
        |g: &MarkerGroup, id: Option<&String>| g.members.iter().any(|i| Some(&events[*i].id) == id);
    // Each group's events, in date order; the first stands for the group.
    let members: Rc<Vec<Rc<[String]>>> = Rc::new(
        groups
            .iter()
            .map(|g| g.members.iter().map(|i| events[*i].id.clone()).collect())
            .collect(),
    );
    let is_open = |i: usize| props.open.as_ref() == Some(&members[i]);
    let current = groups
        .iter()
        .position(|g| holds(g, active))
        .unwrap_or((*focus_index).min(groups.len().saturating_sub(1)));
    // Opens a group's panel, or closes it if it is the one open.
    let toggle = {
        let dispatch = dispatch.clone();
        let open = props.open.clone();
        move |ids: &Rc<[String]>| {
            let again = open.as_ref() == Some(ids);
            dispatch.dispatch(Action::ShowMoments((!again).then(|| ids.clone())));
        }
    };
    let on_key = {
        let dispatch = dispatch.clone();
        let members = members.clone();
        let focus_index = focus_index.clone();
        let toggle = toggle.clone();
        Callback::from(move |ev: KeyboardEvent| {
            let Some(last) = members.len().checked_sub(1) else {
                return;
            };
            let next = match ev.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1).min(last),
                "ArrowLeft" | "ArrowUp" => current.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                "Enter" | " " => {
                    ev.prevent_default();
                    toggle(&members[current]);
                    return;
                }
                "Escape" => {
                    dispatch.dispatch(Action::ShowMoments(None));
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            focus_index.set(next);
            dispatch.dispatch(Action::Highlight(Some(members[next][0].clone())));
            super::dom::focus_marker_near(&ev, next);
        })
    };
    let highlight = |id: Option<String>| {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::Highlight(id.clone())))
    };
    let describe = |g: &MarkerGroup| {
        let first = events[g.members[0]];
        if g.members.len() == 1 {
            return text::marker_label(loc, &f, first);
        }
        let last = events[g.members[g.members.len() - 1]];
        group_label(loc, &f, g.members.len(), first, last)
    };
    let panel_id = env.id("moments");
    let marker = |(i, g): (usize, &MarkerGroup)| {
        let ids = members[i].clone();
        let id = ids[0].clone();
        let on = holds(g, active);
        let click = {
            let toggle = toggle.clone();
            Callback::from(move |_: MouseEvent| toggle(&ids))
        };
        let (y_top, y_bottom) = if on {
            (fr.y1 + 2.0, fr.y1 + 22.0)
        } else {
            (fr.y1 + 5.0, fr.y1 + 15.0)
        };
        let pressed = holds(g, props.selected.as_ref());
        html! {
            <g class={classes!("p1-marker", on.then_some("is-active"))} role="button"
               tabindex={if i == current { "0" } else { "-1" }}
               aria-label={super::plain(&describe(g))}
               aria-pressed={if pressed { "true" } else { "false" }}
               aria-expanded={if is_open(i) { "true" } else { "false" }}
               aria-controls={is_open(i).then(|| panel_id.clone())}
               data-event-id={id.clone()} data-event-ids={members[i].join(" ")}
               data-testid="chart-marker" data-p1-role="marker"
               onmouseenter={highlight(Some(id.clone())).reform(|_: MouseEvent| ())}
               onfocus={highlight(Some(id.clone())).reform(|_: FocusEvent| ())}
               onmouseleave={highlight(None).reform(|_: MouseEvent| ())}
               onblur={highlight(None).reform(|_: FocusEvent| ())} onclick={click}>
                <rect class="p1-marker-hit" x={num(g.x0)} y={num(fr.y1 + 2.0)}
                      width={num(g.x1 - g.x0)} height={num(chart::TARGET)} />
                for x in g.ticks.iter().copied() {
                    <line x1={num(x)} x2={num(x)} y1={num(y_top)} y2={num(y_bottom)} />
                }
            </g>
        }
    };
    let caption = groups.iter().find(|g| holds(g, active)).map(|g| {
        let first = events[g.members[0]];
        let k = chart::event_k(first);
        let (text, room) = if g.members.len() == 1 {
            let date = text::event_date(&f, first);
            let (x, anchor, room) = chart::marker_caption(&fr, k, date.chars().count());
            let title = chart::shorten(&first.title, room);
            let t = fill(
                loc.strings.marker_caption,
                &[("date", &date), ("title", &title)],
            );
            (t, (x, anchor))
        } else {
            let (x, anchor, _) = chart::marker_caption(&fr, k, 0);
            (describe(g), (x, anchor))
        };
        let guide = num(fr.x(k));
        html! {
            <g class="p1-marker-label" aria-hidden="true">
                <line class="p1-marker-guide" x1={guide.clone()} x2={guide}
                      y1={num(fr.y0)} y2={num(fr.y1)} />
                <text x={num(room.0)} y={num(fr.caption_y())}
                      text-anchor={room.1.code()}>{ super::plain(&text) }</text>
            </g>
        }
    });
    // The named moments: on a wide chart each labelled event's label in words, placed
    // in the band above the plot clear of the others, with its date ("6 Aug: …") where
    // they all fit so, else without, else a size smaller; on a narrow one a numbered
    // callout, keyed in words under the chart (`MomentKey`). A click on either opens its
    // marker's events.
    let named = chart::name_moments(loc, &f, &fr, &events, &props.avoid);
    let labelled: Vec<(usize, &TimelineEvent)> =
        named.events.iter().map(|i| (*i, events[*i])).collect();
    let chart::NamedMoments {
        texts: label_texts,
        labels: moments,
        small,
        ..
    } = named;
    let open_group = |i: usize| {
        let ids = groups
            .iter()
            .position(|g| g.members.contains(&i))
            .map(|g| members[g].clone());
        let toggle = toggle.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(ids) = &ids {
                toggle(ids);
            }
        })
    };
    let moment = |m: &chart::MomentLabel| {
        let (i, e) = labelled[m.index];
        let label = &label_texts[m.index];
        html! {
            <g class={classes!("p1-moment", small.then_some("is-small"))}
               data-testid="chart-moment" data-event-id={e.id.clone()} onclick={open_group(i)}>
                <line class="p1-moment-leader" x1={num(m.tick_x)} x2={num(m.tick_x)}
                      y1={num(m.rect.y1 + 1.0)} y2={num(fr.y1)} />
                <text x={num(m.x)} y={num(m.y)} text-anchor={m.anchor.code()}>
                    { super::plain(label) }
                </text>
            </g>
        }
    };
    let callouts = if fr.narrow() {
        let ks: Vec<f64> = labelled.iter().map(|(_, e)| chart::event_k(e)).collect();
        chart::callouts(&fr, &ks)
    } else {
        Vec::new()
    };
    let callout = |(n, cx): (usize, f64)| {
        let (i, e) = labelled[n];
        let tick = fr.x(chart::event_k(e));
        let cy = fr.y0 - 4.0 - chart::CALLOUT_R;
        let leader = format!(
            "M{},{}L{},{}L{},{}",
            num(cx),
            num(cy + chart::CALLOUT_R),
            num(tick),
            num(fr.y0),
            num(tick),
            num(fr.y1)
        );
        html! {
            <g class="p1-moment p1-callout" data-testid="chart-moment"
               data-event-id={e.id.clone()} onclick={open_group(i)}>
                <path class="p1-moment-leader" d={leader} />
                <circle cx={num(cx)} cy={num(cy)} r={num(chart::CALLOUT_R)} />
                <text x={num(cx)} y={num(cy + 4.0)} text-anchor="middle">
                    { (n + 1).to_string() }
                </text>
            </g>
        }
    };
    html! {
        <>
            <g class="p1-moments" aria-hidden="true">
                for m in moments.iter() { { moment(m) } }
                for c in callouts.into_iter().enumerate() { { callout(c) } }
            </g>
            { caption.unwrap_or_default() }
            <g class="p1-markers" role="group" aria-label={loc.strings.legend_event}
               onkeydown={on_key}>
                for m in groups.iter().enumerate().map(marker) { { m } }
            </g>
        </>
    }
}

/// A marker that stands for several events: "3 events, 6 Aug 2020 to 12 Aug 2020".
fn group_label(
    loc: &Locale,
    f: &dyn Format,
    n: usize,
    first: &TimelineEvent,
    last: &TimelineEvent,
) -> String {
    fill(
        loc.strings.marker_group,
        &[
            ("n", &n.to_string()),
            ("first", &text::event_date(f, first)),
            ("last", &text::event_date(f, last)),
        ],
    )
}

#[derive(Properties, PartialEq)]
struct KeyProps {
    timeline: Same<Timeline>,
    filters: Filters,
}

/// The named moments in words, numbered as the narrow chart's callouts, with the legend:
/// shown only where the chart is too narrow for labels (CSS), so the prerendered page has
/// it in place and nothing moves when the client measures the chart. It is sighted
/// readers' key: the markers carry each event's name for screen readers.
#[component]
fn MomentKey(props: &KeyProps) -> Html {
    let Ui { loc, f, .. } = use_ui();
    let named = timeline::named(&props.timeline, &props.filters);
    if named.is_empty() {
        return html! {};
    }
    html! {
        <ol class="p1-moment-key" aria-hidden="true" data-testid="moment-key">
            for e in named {
                <li>{
                    super::nb(&fill(loc.strings.chart_moment, &[
                        ("date", &text::event_date(&f, e)),
                        ("label", &e.label),
                    ]))
                }</li>
            }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct PanelProps {
    timeline: Same<Timeline>,
    open: Option<Rc<[String]>>,
}

/// A marker's events, opened in place under the chart: date, title, the annotation's
/// first sentence and the source, with a way on to the timeline. The page doesn't jump:
/// the panel is scrolled into view only as far as it needs. Escape or "Close" closes it
/// and puts focus back on the marker.
#[component]
fn MomentPanel(props: &PanelProps) -> Html {
    let dispatch = use_dispatch();
    let Ui { loc, s, f, env } = use_ui();
    let heading = use_node_ref();
    super::dom::use_reveal(&heading, props.open.clone());
    let Some(ids) = props.open.clone() else {
        return html! {};
    };
    let events: Vec<&TimelineEvent> = ids
        .iter()
        .filter_map(|id| props.timeline.find(id))
        .collect();
    let (Some(first), Some(last)) = (events.first(), events.last()) else {
        return html! {};
    };
    let title = if events.len() == 1 {
        first.title.clone()
    } else {
        group_label(loc, &f, events.len(), first, last)
    };
    let close = {
        let dispatch = dispatch.clone();
        let id = first.id.clone();
        Callback::from(move |ev: web_sys::Event| {
            dispatch.dispatch(Action::ShowMoments(None));
            super::dom::focus_marker_of(&ev, &id);
        })
    };
    let on_key = {
        let close = close.clone();
        Callback::from(move |ev: KeyboardEvent| {
            if ev.key() == "Escape" {
                ev.prevent_default();
                close.emit(ev.into());
            }
        })
    };
    let heading_id = env.id("moments-title");
    let new_tab = env.mode != super::Mode::Standalone;
    let event = |e: &&TimelineEvent| {
        let (lead, _) = text::split_teaser(&e.annotation, text::TEASER);
        let id = e.id.clone();
        let go = {
            let dispatch = dispatch.clone();
            Callback::from(move |ev: MouseEvent| {
                dispatch.dispatch(Action::SelectFromChart(id.clone()));
                super::dom::reveal_event_near(&ev, &id);
            })
        };
        html! {
            <li class="p1-panel-event" data-event-id={e.id.clone()}>
                <p class="p1-panel-date">
                    <time>{ super::nb(&text::event_date(&f, e)) }</time>
                    if events.len() > 1 {
                        <span aria-hidden="true">{ " · " }</span>
                        <strong>{ e.title.clone() }</strong>
                    }
                </p>
                <p>{ lead }</p>
                <p class="p1-panel-foot">
                    for c in e.sources.iter().take(1) {
                        <span class="p1-label">{ s.sources_label }</span>{ " " }
                        <a href={c.url.clone()} rel="noopener noreferrer"
                           title={c.title.clone()} target={new_tab.then_some("_blank")}>
                            { super::citation_label(loc, &f, c) }
                        </a>
                    }
                    <button type="button" class="p1-linkbutton" onclick={go}
                            data-testid="moment-to-timeline">{ s.moments_timeline }</button>
                </p>
            </li>
        }
    };
    html! {
        <div class="p1-moments-panel" id={env.id("moments")} role="region"
             aria-labelledby={heading_id.clone()} onkeydown={on_key}
             data-testid="moment-panel">
            <div class="p1-panel-head">
                <h3 class="p1-panel-title" id={heading_id} tabindex="-1" ref={heading}>
                    { super::nb(&title) }
                </h3>
                <button type="button" class="p1-button p1-button-quiet"
                        onclick={close.reform(|e: MouseEvent| e.into())}
                        data-testid="moment-close">{ s.moments_close }</button>
            </div>
            <ul class="p1-panel-events">
                for e in events.iter() { { event(e) } }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    narrow: bool,
    /// Whether the reader's projection and what came next are drawn.
    projection: bool,
    later: bool,
}

#[component]
fn Legend(props: &LegendProps) -> Html {
    let Ui { s, .. } = use_ui();
    let item = |class: &'static str, label: &'static str, tick: bool| {
        let (x1, x2, y1, y2) = if tick { (12, 12, 0, 10) } else { (1, 23, 5, 5) };
        html! {
            <li>
                <svg class="p1-swatch" viewBox="0 0 24 10" width="24" height="10"
                     aria-hidden="true">
                    <line class={class} x1={x1.to_string()} x2={x2.to_string()}
                          y1={y1.to_string()} y2={y2.to_string()} />
                </svg>
                { label }
            </li>
        }
    };
    html! {
        <ul class={classes!("p1-legend", props.narrow.then_some("is-narrow"))}>
            { item("p1-line-actual", s.legend_actual, false) }
            if props.projection {
                { item("p1-line-projection", s.legend_projection, false) }
            }
            { item("p1-line-target", s.legend_target, false) }
            if props.later {
                { item("p1-line-later", s.legend_later, false) }
            }
            { item("p1-marker-swatch", s.legend_event, true) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    derived: Same<Derived>,
    data: Same<Dataset>,
    open: bool,
    ontoggle: Callback<web_sys::Event>,
    onsummary: Callback<MouseEvent>,
}

/// The numbers behind the chart, for keyboard and screen-reader users.
#[component]
fn DataTable(props: &TableProps) -> Html {
    let Ui { loc, s, f, .. } = use_ui();
    let Some(e) = props.derived.eval.as_ref() else {
        return html! {};
    };
    let cell = |v: Option<f64>| {
        v.map_or_else(
            || Html::from(s.missing),
            |v| super::nb(&text::money(loc, &f, v)),
        )
    };
    let status = |st: RowStatus| match st {
        RowStatus::Reported => s.status_actual,
        RowStatus::Derived => s.derived_label,
        RowStatus::Projected => s.status_projected,
        RowStatus::Missing => s.status_missing,
    };
    let caption = fill(s.table_caption, &[("basis", loc.basis(e.scenario.basis).0)]);
    html! {
        <details class="p1-data" ontoggle={props.ontoggle.clone()}>
            <summary onclick={props.onsummary.clone()}>{
                if props.open { s.hide_data } else { s.show_data }
            }</summary>
            <div class="p1-table-wrap" tabindex="0" role="region" aria-label={s.show_data}>
                <table class="p1-table">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ s.col_month }</th>
                        <th scope="col">{ s.col_in_month }</th>
                        <th scope="col">{ s.col_cumulative }</th>
                        <th scope="col">{ s.col_target }</th>
                        <th scope="col">{ s.col_status }</th>
                    </tr></thead>
                    <tbody>
                        for r in table_rows(&props.data, &props.derived) {
                            <tr class={classes!((r.status == RowStatus::Projected)
                                .then_some("is-projected"))}>
                                <th scope="row">{
                                    super::nb(&f.month(r.month, MonthStyle::Short))
                                }</th>
                                <td>{ cell(r.in_month) }</td>
                                <td>{ cell(r.cumulative) }</td>
                                <td>{ super::nb(&text::money(loc, &f, r.target)) }</td>
                                <td>{ status(r.status) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
