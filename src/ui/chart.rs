//! The cumulative chart (SVG, drawn from `core::chart`'s layout), its legend, its text
//! alternative and the data table behind it. Timeline events in 2020–21 appear as
//! markers on the time axis.

use std::rc::Rc;

use yew::prelude::*;

use super::island::Island;
use super::{Same, Ui, use_derived, use_dispatch, use_ui, use_widget};
use crate::core::chart::{self, Frame, Layout, MarkerGroup, num};
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
    super::dom::use_width(&node, width.setter());
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let sc = e.scenario;
    let lay = chart::layout(&derived.series, sc.asof, *width, derived.scale_top);
    let fr = lay.frame;
    let title_id = env.id("chart-title");
    let view_box = format!("0 0 {} {}", num(fr.w), num(fr.h()));

    html! {
        <figure class="p1-chart" data-testid="chart" data-basis={sc.basis.code()}
                data-asof={sc.asof.to_string()}>
            <figcaption>
                <h2 class="p1-h2" id={title_id.clone()}>{ s.chart_title }</h2>
                <p class="p1-chart-note">{ s.chart_axis_note }</p>
                <Legend narrow={fr.narrow()} />
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
                             selected={state.selected.clone()} />
                </svg>
            </div>
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
                { text::chart_summary(loc, &f, e) }
            </p>
            <p class="p1-chart-note">{ path_note }</p>
            // Closed at first: hydrated after the simulator (see `island.rs`).
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
    let asof_label = fill(
        loc.strings.asof_marker,
        &[("month", &f.month(lay.asof_month, MonthStyle::Short))],
    );
    html! {
        <>
            <g class="p1-grid-lines" aria-hidden="true">
                for t in lay.scale.ticks() {
                    <line x1={num(fr.x0)} x2={num(fr.x1)} y1={num(fr.y(t))} y2={num(fr.y(t))} />
                    <text class="p1-axis-label" x={num(fr.x0 - 6.0)} y={num(fr.y(t) + 4.0)}
                          text-anchor="end">{ text::tick(loc, f, t) }</text>
                }
                <line class="p1-year-divider" x1={num(lay.divider_x)} x2={num(lay.divider_x)}
                      y1={num(fr.y0 - 4.0)} y2={num(fr.y1 + 46.0)} />
                <line class="p1-axis" x1={num(fr.x0)} x2={num(fr.x1)}
                      y1={num(fr.y1)} y2={num(fr.y1)} />
                for (m, x) in lay.month_labels.iter().copied() {
                    <text class="p1-axis-label" x={num(x)} y={num(fr.y1 + 38.0)}
                          text-anchor="middle">{ f.month(m, MonthStyle::Abbrev) }</text>
                }
                for (year, x) in lay.year_labels.iter().copied() {
                    <text class="p1-year-label" x={num(x)} y={num(fr.y1 + 54.0)}
                          text-anchor="middle">{ year }</text>
                }
            </g>
            <g aria-hidden="true">
                <line class="p1-asof" x1={num(lay.asof_x)} x2={num(lay.asof_x)}
                      y1={num(fr.y0)} y2={num(fr.y1)} />
                <text class="p1-asof-label" x={num(lay.asof_label_x)} y={num(fr.y0 + 10.0)}
                      text-anchor={lay.asof_anchor.code()}>{ asof_label }</text>
            </g>
        </>
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
}

/// The listed events of 2020–21 (the same as the timeline shows) as ticks on the time
/// axis, grouped where they are closer than a finger: one tab stop, arrow keys move,
/// focus or hover highlights the event in the list, Enter or a click selects it. A
/// component of its own, so moving a slider doesn't re-render the markers.
#[component]
fn Markers(props: &MarkersProps) -> Html {
    let dispatch = use_dispatch();
    let Ui { loc, f, .. } = use_ui();
    let focus_index = use_state(|| 0usize);
    let fr = Frame::new(props.width, 1.0);
    let events: Vec<&TimelineEvent> = timeline::filtered(&props.timeline, &props.filters)
        .into_iter()
        .filter(|e| e.in_deal())
        .collect();
    let groups = chart::marker_groups(&fr, &events);
    let active = props.highlighted.as_ref().or(props.selected.as_ref());
    let holds =
        |g: &MarkerGroup, id: Option<&String>| g.members.iter().any(|i| Some(&events[*i].id) == id);
    // Each group's first event stands for it: selecting a group selects that event.
    let firsts: Rc<Vec<String>> = Rc::new(
        groups
            .iter()
            .map(|g| events[g.members[0]].id.clone())
            .collect(),
    );
    let current = groups
        .iter()
        .position(|g| holds(g, active))
        .unwrap_or((*focus_index).min(groups.len().saturating_sub(1)));
    let on_key = {
        let dispatch = dispatch.clone();
        let firsts = firsts.clone();
        let focus_index = focus_index.clone();
        Callback::from(move |ev: KeyboardEvent| {
            let Some(last) = firsts.len().checked_sub(1) else {
                return;
            };
            let next = match ev.key().as_str() {
                "ArrowRight" | "ArrowDown" => (current + 1).min(last),
                "ArrowLeft" | "ArrowUp" => current.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                "Enter" | " " => {
                    ev.prevent_default();
                    dispatch.dispatch(Action::SelectFromChart(firsts[current].clone()));
                    super::dom::reveal_event_near(&ev, &firsts[current]);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            focus_index.set(next);
            dispatch.dispatch(Action::Highlight(Some(firsts[next].clone())));
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
        fill(
            loc.strings.marker_group,
            &[
                ("n", &g.members.len().to_string()),
                ("first", &text::event_date(&f, first)),
                ("last", &text::event_date(&f, last)),
            ],
        )
    };
    let marker = |(i, g): (usize, &MarkerGroup)| {
        let id = firsts[i].clone();
        let on = holds(g, active);
        let click = {
            let dispatch = dispatch.clone();
            let id = id.clone();
            Callback::from(move |e: MouseEvent| {
                dispatch.dispatch(Action::SelectFromChart(id.clone()));
                super::dom::reveal_event_near(&e, &id);
            })
        };
        let (y_top, y_bottom) = if on {
            (fr.y1 + 2.0, fr.y1 + 22.0)
        } else {
            (fr.y1 + 5.0, fr.y1 + 15.0)
        };
        let ids: Vec<&str> = g.members.iter().map(|m| events[*m].id.as_str()).collect();
        let pressed = holds(g, props.selected.as_ref());
        html! {
            <g class={classes!("p1-marker", on.then_some("is-active"))} role="button"
               tabindex={if i == current { "0" } else { "-1" }}
               aria-label={describe(g)} aria-pressed={if pressed { "true" } else { "false" }}
               data-event-id={id.clone()} data-event-ids={ids.join(" ")}
               data-testid="chart-marker"
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
                <text x={num(room.0)} y={num(fr.y0 - 12.0)}
                      text-anchor={room.1.code()}>{ text }</text>
            </g>
        }
    });
    html! {
        <>
            { caption.unwrap_or_default() }
            <g class="p1-markers" role="group" aria-label={loc.strings.legend_event}
               onkeydown={on_key}>
                for m in groups.iter().enumerate().map(marker) { { m } }
            </g>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    narrow: bool,
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
            { item("p1-line-projection", s.legend_projection, false) }
            { item("p1-line-target", s.legend_target, false) }
            { item("p1-line-later", s.legend_later, false) }
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
    let cell =
        |v: Option<f64>| v.map_or_else(|| s.missing.to_string(), |v| text::money(loc, &f, v));
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
                                <th scope="row">{ f.month(r.month, MonthStyle::Short) }</th>
                                <td>{ cell(r.in_month) }</td>
                                <td>{ cell(r.cumulative) }</td>
                                <td>{ text::money(loc, &f, r.target) }</td>
                                <td>{ status(r.status) }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
