//! The cumulative chart (SVG, drawn by us), its legend, its text alternative and the
//! data table behind it. Timeline events in 2020–21 appear as markers on the time axis.

use std::rc::Rc;

use yew::prelude::*;

use super::{strings, use_derived, use_dispatch, use_env, use_widget};
use crate::core::data::{Basis, Category};
use crate::core::format::{Format, MonthStyle};
use crate::core::model::{self, SeriesPoint, TargetPath};
use crate::core::month::{DEAL_START, Month, days_in_month};
use crate::core::state::Action;
use crate::core::strings::{Strings, fill};
use crate::core::text;
use crate::core::timeline::Event;

/// Drawing width before the chart has been measured (and in the prerender).
pub const DEFAULT_WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 62.0;
const LEFT: f64 = 40.0;
/// Below this width the direct labels give way to the legend alone.
const NARROW: f64 = 480.0;

struct Frame {
    w: f64,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    ymax: f64,
}

impl Frame {
    fn new(w: f64, ymax: f64) -> Frame {
        let right = if w >= NARROW { 78.0 } else { 10.0 };
        Frame {
            w,
            x0: LEFT,
            x1: (w - right).max(LEFT + 100.0),
            y0: TOP,
            y1: HEIGHT - BOTTOM,
            ymax,
        }
    }
    /// x of a month boundary: `k` months after Jan 2020 (0..=24).
    fn x(&self, k: f64) -> f64 {
        self.x0 + k * (self.x1 - self.x0) / 24.0
    }
    fn y(&self, v: f64) -> f64 {
        self.y1 - v.clamp(0.0, self.ymax) / self.ymax * (self.y1 - self.y0)
    }
}

fn k_end(m: Month) -> f64 {
    (DEAL_START.until(m) + 1) as f64
}

fn nice_max(v: f64) -> f64 {
    let step = if v <= 100.0 { 25.0 } else { 50.0 };
    ((v / step).ceil() * step).max(step)
}

fn path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&crate::core::decimal::decimal(*x, 1));
        d.push(',');
        d.push_str(&crate::core::decimal::decimal(*y, 1));
    }
    d
}

/// Points of one year's line, starting at zero on 1 January.
fn year_points(
    fr: &Frame,
    pts: &[SeriesPoint],
    year: i32,
    start: Option<(f64, f64)>,
    value: impl Fn(&SeriesPoint) -> Option<f64>,
) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = start.into_iter().collect();
    for p in pts.iter().filter(|p| p.month.year() == year) {
        if let Some(v) = value(p) {
            out.push((fr.x(k_end(p.month)), fr.y(v)));
        }
    }
    out
}

/// x position of an event on the axis, by day.
fn event_k(e: &Event) -> f64 {
    let m = e.month();
    let day = (e.date.2.max(1) - 1) as f64 / days_in_month(m) as f64;
    DEAL_START.until(m) as f64 + day
}

#[component]
pub fn Chart() -> Html {
    let handle = use_widget();
    let derived = use_derived();
    let env = use_env();
    let state = &handle.0;
    let s = strings();
    let f = super::format::fmt();
    let width = use_state(|| DEFAULT_WIDTH);
    let node = use_node_ref();
    super::dom::use_width(&node, width.setter());

    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let sc = e.scenario;
    let pts = &derived.series;
    let max_v = pts
        .iter()
        .flat_map(|p| [p.actual, p.projected, p.later, Some(p.target)])
        .flatten()
        .fold(0.0, f64::max);
    let fr = Frame::new(*width, nice_max(max_v));
    let narrow = fr.w < NARROW;

    // Gridlines and y labels.
    let step = if fr.ymax <= 100.0 { 25.0 } else { 50.0 };
    let ticks: Vec<f64> = (0..=((fr.ymax / step) as usize))
        .map(|i| i as f64 * step)
        .collect();

    let mut lines = Vec::new();
    for (yi, year) in [2020, 2021].into_iter().enumerate() {
        let origin = Some((fr.x(12.0 * yi as f64), fr.y(0.0)));
        let target = year_points(&fr, pts, year, origin, |p| Some(p.target));
        let actual = year_points(
            &fr,
            pts,
            year,
            origin.filter(|_| sc.asof.year() >= year),
            |p| p.actual,
        );
        let proj_start = if sc.asof.year() < year { origin } else { None };
        let projected = year_points(&fr, pts, year, proj_start, |p| p.projected);
        let later_start = pts
            .iter()
            .find(|p| p.month == sc.asof && p.month.year() == year)
            .and_then(|p| p.actual.map(|v| (fr.x(k_end(p.month)), fr.y(v))))
            .or(if sc.asof.year() < year { origin } else { None });
        let later = year_points(&fr, pts, year, later_start, |p| p.later);
        lines.push((year, target, actual, projected, later));
    }
    let sparse = pts.iter().filter(|p| p.actual.is_some()).count()
        < pts.iter().filter(|p| p.month <= sc.asof).count();

    let asof_x = fr.x(k_end(sc.asof));
    let asof_label = fill(
        s.asof_marker,
        &[("month", &f.month(sc.asof, MonthStyle::Short))],
    );
    let asof_anchor = if asof_x > fr.w - 90.0 { "end" } else { "start" };
    let asof_lx = if asof_anchor == "end" {
        asof_x - 4.0
    } else {
        asof_x + 4.0
    };

    let month_labels: Html = DEAL_START
        .through(Month::december(2021))
        .filter(|m| matches!(m.month(), 1 | 4 | 7 | 10) && !(narrow && matches!(m.month(), 4 | 10)))
        .map(|m| {
            html! {
                <text class="p1-axis-label" x={num(fr.x(k_end(m) - 0.5))} y={num(fr.y1 + 38.0)} text-anchor="middle">{ f.month(m, MonthStyle::Abbrev) }</text>
            }
        })
        .collect();

    // The data table follows the scenario only while it is open: closed, it keeps the
    // figures it last showed, so moving a slider doesn't re-render 24 hidden rows.
    let table_open = use_state(|| false);
    let table_shown = use_mut_ref(|| derived.clone());
    if *table_open {
        *table_shown.borrow_mut() = derived.clone();
    }
    let table_data = table_shown.borrow().clone();
    let on_table_toggle = super::details_toggle(table_open.setter());
    // The summary's click comes before the table opens, so it is current when painted.
    let on_table_summary = {
        let table_open = table_open.clone();
        Callback::from(move |_: MouseEvent| table_open.set(!*table_open))
    };
    let summary = text::chart_summary(s, f, e);
    let summary_id = env.id("chart-summary");
    let title_id = env.id("chart-title");
    let path_note = match model::target_path_kind(&state.data, sc.basis) {
        TargetPath::Seasonal => s.path_seasonal,
        TargetPath::Straight => s.path_straight,
    };

    html! {
        <figure class="p1-chart" data-testid="chart" data-basis={sc.basis.code()} data-asof={sc.asof.to_string()}>
            <figcaption>
                <h2 class="p1-h2" id={title_id.clone()}>{ s.chart_title }</h2>
                <p class="p1-chart-note">{ s.chart_axis_note }</p>
                <Legend narrow={narrow} />
            </figcaption>
            <div class="p1-chart-box" ref={node}>
                <svg class="p1-svg" viewBox={format!("0 0 {} {}", num(fr.w), num(HEIGHT))} width="100%" height={num(HEIGHT)}
                     role="group" aria-labelledby={title_id} aria-describedby={summary_id.clone()} preserveAspectRatio="xMidYMid meet">
                    <g class="p1-grid-lines" aria-hidden="true">
                        for t in ticks.iter().copied() {
                            <line x1={num(fr.x0)} x2={num(fr.x1)} y1={num(fr.y(t))} y2={num(fr.y(t))} />
                            <text class="p1-axis-label" x={num(fr.x0 - 6.0)} y={num(fr.y(t) + 4.0)} text-anchor="end">{ tick_label(s, f, t) }</text>
                        }
                        <line class="p1-year-divider" x1={num(fr.x(12.0))} x2={num(fr.x(12.0))} y1={num(fr.y0 - 4.0)} y2={num(fr.y1 + 46.0)} />
                        <line class="p1-axis" x1={num(fr.x0)} x2={num(fr.x1)} y1={num(fr.y1)} y2={num(fr.y1)} />
                        { month_labels }
                        <text class="p1-year-label" x={num(fr.x(6.0))} y={num(fr.y1 + 54.0)} text-anchor="middle">{ "2020" }</text>
                        <text class="p1-year-label" x={num(fr.x(18.0))} y={num(fr.y1 + 54.0)} text-anchor="middle">{ "2021" }</text>
                    </g>
                    <g aria-hidden="true">
                        <line class="p1-asof" x1={num(asof_x)} x2={num(asof_x)} y1={num(fr.y0)} y2={num(fr.y1)} />
                        <text class="p1-asof-label" x={num(asof_lx)} y={num(fr.y0 + 10.0)} text-anchor={asof_anchor}>{ asof_label }</text>
                    </g>
                    <g aria-hidden="true">
                        for (year, target, actual, projected, later) in lines.iter() {
                            <path class="p1-line-target" d={path(target)} />
                            <path class="p1-line-later" d={path(later)} />
                            <path class="p1-line-projection" d={path(projected)} data-testid={format!("projection-{year}")} />
                            <path class="p1-line-actual" d={path(actual)} data-testid={format!("actual-{year}")} />
                            if sparse {
                                for (x, y) in actual.iter().skip(1).copied() {
                                    <circle class="p1-dot" cx={num(x)} cy={num(y)} r="3" />
                                }
                            }
                            if !narrow {
                                if let Some((x, y)) = target.last().copied() {
                                    <text class="p1-direct p1-direct-target" x={num(x + 6.0)} y={num(y + 4.0)}>{ fill(s.target_label, &[("year", &year.to_string())]) }</text>
                                }
                            }
                        }
                    </g>
                    <Markers timeline={state.timeline.clone()} width={fr.w}
                             highlighted={state.highlighted.clone()} selected={state.selected.clone()} />
                </svg>
            </div>
            <p class="p1-chart-summary" id={summary_id}>{ summary }</p>
            <p class="p1-chart-note">{ path_note }</p>
            <DataTable derived={table_data} data={state.data.clone()} ontoggle={on_table_toggle} onsummary={on_table_summary} />
        </figure>
    }
}

fn num(v: f64) -> String {
    crate::core::decimal::decimal(v, 1)
}

fn tick_label(s: &Strings, f: &dyn Format, v: f64) -> String {
    fill(s.money, &[("n", &f.number(v, 0))])
}

fn shorten(t: &str, max: usize) -> String {
    if t.chars().count() <= max {
        return t.to_string();
    }
    let cut: String = t.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

#[derive(Properties, PartialEq)]
struct MarkersProps {
    timeline: Rc<crate::core::timeline::Timeline>,
    width: f64,
    highlighted: Option<String>,
    selected: Option<String>,
}

/// Timeline events of 2020–21 as ticks on the time axis: one tab stop, arrow keys move,
/// focus or hover highlights the event in the list, Enter or a click selects it. A
/// component of its own, so moving a slider doesn't re-render the markers.
#[component]
fn Markers(props: &MarkersProps) -> Html {
    let handle = use_dispatch();
    let s = strings();
    let f = super::format::fmt();
    let fr = Frame::new(props.width, 1.0);
    let narrow = fr.w < NARROW;
    let events: Vec<&Event> = props
        .timeline
        .events
        .iter()
        .filter(|e| e.in_deal())
        .collect();
    let active = props.highlighted.clone().or(props.selected.clone());
    let focus_index = use_state(|| 0usize);
    let marker_focus = events
        .iter()
        .position(|ev| Some(&ev.id) == active.as_ref())
        .unwrap_or((*focus_index).min(events.len().saturating_sub(1)));
    let on_marker_key = {
        let handle = handle.clone();
        let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
        let focus_index = focus_index.clone();
        let active = active.clone();
        Callback::from(move |ev: KeyboardEvent| {
            let n = ids.len();
            if n == 0 {
                return;
            }
            let cur = ids
                .iter()
                .position(|id| Some(id) == active.as_ref())
                .unwrap_or(*focus_index);
            let next = match ev.key().as_str() {
                "ArrowRight" | "ArrowDown" => (cur + 1).min(n - 1),
                "ArrowLeft" | "ArrowUp" => cur.saturating_sub(1),
                "Home" => 0,
                "End" => n - 1,
                "Enter" | " " => {
                    ev.prevent_default();
                    handle.dispatch(Action::Select(Some(ids[cur].clone())));
                    #[cfg(target_arch = "wasm32")]
                    super::dom::reveal_event_near(&ev, &ids[cur]);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            focus_index.set(next);
            handle.dispatch(Action::Highlight(Some(ids[next].clone())));
            #[cfg(target_arch = "wasm32")]
            super::dom::focus_marker_near(&ev, next);
        })
    };
    let marker_nodes: Html = events
        .iter()
        .enumerate()
        .map(|(i, ev)| {
            let x = fr.x(event_k(ev));
            let on = Some(&ev.id) == active.as_ref();
            let label = format!("{}: {}", f.date(ev.date, ev.precision), ev.title);
            let id = ev.id.clone();
            let enter = {
                let handle = handle.clone();
                let id = id.clone();
                Callback::from(move |()| handle.dispatch(Action::Highlight(Some(id.clone()))))
            };
            let leave = {
                let handle = handle.clone();
                Callback::from(move |()| handle.dispatch(Action::Highlight(None)))
            };
            let click = {
                let handle = handle.clone();
                let id = id.clone();
                Callback::from(move |ev: MouseEvent| {
                    handle.dispatch(Action::Select(Some(id.clone())));
                    #[cfg(target_arch = "wasm32")]
                    super::dom::reveal_event_near(&ev, &id);
                    let _ = &ev;
                })
            };
            let (y_top, y_bottom) = if on { (fr.y1 + 2.0, fr.y1 + 22.0) } else { (fr.y1 + 5.0, fr.y1 + 15.0) };
            html! {
                <g class={classes!("p1-marker", on.then_some("is-active"))}
                   role="button" tabindex={if i == marker_focus { "0" } else { "-1" }}
                   aria-label={label} aria-pressed={if Some(&ev.id) == props.selected.as_ref() { "true" } else { "false" }}
                   data-event-id={ev.id.clone()} data-testid="chart-marker"
                   onmouseenter={enter.reform(|_: MouseEvent| ())} onfocus={enter.reform(|_: FocusEvent| ())}
                   onmouseleave={leave.reform(|_: MouseEvent| ())} onblur={leave.reform(|_: FocusEvent| ())}
                   onclick={click}>
                    <rect class="p1-marker-hit" x={num(x - 4.0)} y={num(fr.y1 + 2.0)} width="8" height="22" />
                    <line x1={num(x)} x2={num(x)} y1={num(y_top)} y2={num(y_bottom)} />
                </g>
            }
        })
        .collect();
    let active_label = active
        .as_ref()
        .and_then(|id| events.iter().find(|e| &e.id == id))
        .map(|ev| {
            // About 7 px a character at 12 px bold: keep the label within the plot.
            let room = ((fr.x1 - fr.x0) / 7.0) as usize;
            let date = f.date(ev.date, ev.precision);
            let title = shorten(&ev.title, room.saturating_sub(date.chars().count() + 3).clamp(12, 64));
            let x = if narrow { fr.x0 } else { fr.x(event_k(ev)).clamp(fr.x0 + 4.0, fr.x1 - 4.0) };
            let anchor = if narrow || x < fr.x0 + (fr.x1 - fr.x0) * 0.3 {
                "start"
            } else if x > fr.x0 + (fr.x1 - fr.x0) * 0.7 {
                "end"
            } else {
                "middle"
            };
            html! {
                <g class="p1-marker-label" aria-hidden="true">
                    <line class="p1-marker-guide" x1={num(fr.x(event_k(ev)))} x2={num(fr.x(event_k(ev)))} y1={num(fr.y0)} y2={num(fr.y1)} />
                    <text x={num(x)} y={num(fr.y0 - 12.0)} text-anchor={anchor}>{ format!("{date} · {title}") }</text>
                </g>
            }
        });
    html! {
        <>
            { active_label.unwrap_or_default() }
            <g class="p1-markers" role="group" aria-label={s.legend_event} onkeydown={on_marker_key}>
                { marker_nodes }
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
    let s = strings();
    let item = |class: &'static str, label: &'static str| {
        html! {
            <li>
                <svg class="p1-swatch" viewBox="0 0 24 10" width="24" height="10" aria-hidden="true">
                    <line class={class} x1="1" x2="23" y1="5" y2="5" />
                </svg>
                { label }
            </li>
        }
    };
    html! {
        <ul class={classes!("p1-legend", props.narrow.then_some("is-narrow"))}>
            { item("p1-line-actual", s.legend_actual) }
            { item("p1-line-projection", s.legend_projection) }
            { item("p1-line-target", s.legend_target) }
            { item("p1-line-later", s.legend_later) }
            <li>
                <svg class="p1-swatch" viewBox="0 0 24 10" width="24" height="10" aria-hidden="true">
                    <line class="p1-marker-swatch" x1="12" x2="12" y1="0" y2="10" />
                </svg>
                { s.legend_event }
            </li>
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    derived: Rc<super::Derived>,
    data: Rc<crate::core::data::Dataset>,
    ontoggle: Callback<web_sys::Event>,
    onsummary: Callback<MouseEvent>,
}

/// The numbers behind the chart, for keyboard and screen-reader users.
#[component]
fn DataTable(props: &TableProps) -> Html {
    let derived = &props.derived;
    let data = &props.data;
    let s = strings();
    let f = super::format::fmt();
    let Some(e) = derived.eval.as_ref() else {
        return html! {};
    };
    let sc = e.scenario;
    let basis_name = s.basis(sc.basis).0;
    let rate = e.total_rate;
    let rows: Html = derived
        .series
        .iter()
        .map(|p| {
            let m = p.month;
            let in_month = model::month_value(data, sc.basis, m, Category::Total);
            let derived = is_derived(data, sc.basis, m);
            let (month_v, cum, status) = if m <= sc.asof {
                match p.actual {
                    Some(a) => (
                        in_month,
                        Some(a),
                        if derived {
                            s.status_derived
                        } else {
                            s.status_actual
                        },
                    ),
                    None => (None, None, s.status_missing),
                }
            } else {
                (Some(rate), p.projected, s.status_projected)
            };
            let cell =
                |v: Option<f64>| v.map_or_else(|| s.missing.to_string(), |v| text::money(s, f, v));
            html! {
                <tr class={classes!((m > sc.asof).then_some("is-projected"))}>
                    <th scope="row">{ f.month(m, MonthStyle::Short) }</th>
                    <td>{ cell(month_v) }</td>
                    <td>{ cell(cum) }</td>
                    <td>{ text::money(s, f, p.target) }</td>
                    <td>{ status }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <details class="p1-data" ontoggle={props.ontoggle.clone()}>
            <summary onclick={props.onsummary.clone()}>{ s.show_data }</summary>
            <div class="p1-table-wrap" tabindex="0" role="region" aria-label={s.show_data}>
                <table class="p1-table">
                    <caption>{ fill(s.table_caption, &[("basis", basis_name)]) }</caption>
                    <thead><tr>
                        <th scope="col">{ s.col_month }</th>
                        <th scope="col">{ s.col_in_month }</th>
                        <th scope="col">{ s.col_cumulative }</th>
                        <th scope="col">{ s.col_target }</th>
                        <th scope="col">{ s.col_status }</th>
                    </tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
        </details>
    }
}

fn is_derived(data: &crate::core::data::Dataset, basis: Basis, m: Month) -> bool {
    Category::SPLIT
        .iter()
        .chain([Category::Total].iter())
        .filter_map(|c| data.monthly.get(&(basis, m, *c)))
        .chain(data.ytd.get(&(basis, m, Category::Total)))
        .any(|f| f.is_derived())
}
