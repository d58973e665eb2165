//! The chart's geometry: scales, ticks, line paths, the cut-off rule and marker
//! positions, as plain numbers and SVG path text. The component only draws them.

use super::decimal::within;
use super::format::{Format, MonthStyle};
use super::locale::{Locale, fill};
use super::model::SeriesPoint;
use super::month::{DEAL_END, DEAL_START, Month, YEARS, days_in_month};
use super::timeline::TimelineEvent;

/// Drawing width before the chart has been measured (and in the prerender).
pub const DEFAULT_WIDTH: f64 = 640.0;
/// The narrowest drawing the chart lays out for.
pub const MIN_WIDTH: f64 = 280.0;
/// Drawing heights: shorter on phones, so the sliders sit close under the chart. Each
/// holds, from the top: the active marker's caption, the band of named moments' labels,
/// the plot, and the axis labels.
pub const HEIGHT: f64 = 348.0;
pub const HEIGHT_NARROW: f64 = 250.0;
/// Above the band: room for the caption.
const TOP: f64 = 30.0;
const TOP_NARROW: f64 = 26.0;
const BOTTOM: f64 = 62.0;
/// The band above the plot holds this many rows of named moments' labels (a narrow
/// chart's numbered callouts need one).
const BAND_ROWS: usize = 3;

/// The band's height: rows of labels, or on a narrow chart one row of callouts.
fn band(w: f64) -> f64 {
    if w < NARROW {
        2.0 * CALLOUT_R + 6.0
    } else {
        BAND_ROWS as f64 * row_height(w)
    }
}
/// Room for the widest y label ("$1,200bn", 8 characters at 12 px) left of the plot.
const LEFT: f64 = 64.0;
/// Below this width the direct labels give way to the legend alone.
pub const NARROW: f64 = 480.0;
/// At most this many y labels (including zero), at any rate.
pub const MAX_TICKS: usize = 8;
/// The smallest pointer target (WCAG 2.2 target size), in px: markers closer than this
/// are grouped into one.
pub const TARGET: f64 = 24.0;
/// Months on the x axis: Jan 2020 to Dec 2021.
const MONTHS: f64 = 24.0;

/// Where a text's anchor sits (SVG `text-anchor`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn code(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// The plot area inside the drawing, and the value range it shows.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Frame {
    pub w: f64,
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    pub ymax: f64,
}

/// The drawing's height for a width.
pub fn height(w: f64) -> f64 {
    if w < NARROW { HEIGHT_NARROW } else { HEIGHT }
}

impl Frame {
    pub fn new(w: f64, ymax: f64) -> Frame {
        let w = w.max(MIN_WIDTH);
        // Room on the right for the direct labels ("2021 target", 12 px bold).
        let right = if w >= NARROW { 90.0 } else { 10.0 };
        let top = if w < NARROW { TOP_NARROW } else { TOP };
        Frame {
            w,
            x0: LEFT,
            x1: (w - right).max(LEFT + 100.0),
            y0: top + band(w),
            y1: height(w) - BOTTOM,
            ymax: ymax.max(f64::MIN_POSITIVE),
        }
    }

    /// The baseline of the active marker's caption, above the band of labels.
    pub fn caption_y(&self) -> f64 {
        self.y0 - band(self.w) - 8.0
    }

    pub fn h(&self) -> f64 {
        height(self.w)
    }

    pub fn narrow(&self) -> bool {
        self.w < NARROW
    }

    /// x of a month boundary: `k` months after Jan 2020 (0 to 24).
    pub fn x(&self, k: f64) -> f64 {
        self.x0 + k * (self.x1 - self.x0) / MONTHS
    }

    /// y of a value, clamped to the plot.
    pub fn y(&self, v: f64) -> f64 {
        self.y1 - within(v, 0.0, self.ymax) / self.ymax * (self.y1 - self.y0)
    }
}

/// The axis scale: its top and the step between labels.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Scale {
    pub max: f64,
    pub step: f64,
}

/// A "nice" scale for values up to `v`: steps of 1, 2, 2.5 or 5 times a power of ten,
/// the smallest that keeps the labels to [`MAX_TICKS`].
pub fn nice_scale(v: f64) -> Scale {
    let v = if v.is_finite() && v > 0.0 { v } else { 1.0 };
    let rough = v / (MAX_TICKS - 1) as f64;
    let mut power = 1.0;
    while power * 10.0 <= rough {
        power *= 10.0;
    }
    while power > rough {
        power /= 10.0;
    }
    for m in [1.0, 2.0, 2.5, 5.0, 10.0, 20.0] {
        let step = m * power;
        let n = (v / step - 1e-9).ceil().max(1.0);
        if n < MAX_TICKS as f64 {
            return Scale {
                max: n * step,
                step,
            };
        }
    }
    Scale {
        max: v,
        step: v / (MAX_TICKS - 1) as f64,
    }
}

impl Scale {
    /// The label values, from zero to the top.
    pub fn ticks(&self) -> Vec<f64> {
        let n = (self.max / self.step).round() as usize;
        (0..=n).map(|i| i as f64 * self.step).collect()
    }
}

/// Months from Jan 2020 to the end of `m`.
pub fn k_end(m: Month) -> f64 {
    (DEAL_START.until(m) + 1) as f64
}

/// x position of an event on the time axis, by day, in months from Jan 2020.
pub fn event_k(e: &TimelineEvent) -> f64 {
    let m = e.month();
    let day = (e.date.2.max(1) - 1) as f64 / days_in_month(m) as f64;
    DEAL_START.until(m) as f64 + day
}

/// SVG path text through the points, to 0.1 px.
pub fn path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&num(*x));
        d.push(',');
        d.push_str(&num(*y));
    }
    d
}

/// A coordinate as SVG text, to 0.1 px.
pub fn num(v: f64) -> String {
    super::decimal::decimal(v, 1)
}

/// One year's lines, as points.
#[derive(Clone, Debug, PartialEq)]
pub struct YearLines {
    pub year: i32,
    pub target: Vec<(f64, f64)>,
    pub actual: Vec<(f64, f64)>,
    pub projected: Vec<(f64, f64)>,
    pub later: Vec<(f64, f64)>,
}

/// Everything the chart draws, positioned.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub frame: Frame,
    pub scale: Scale,
    pub lines: Vec<YearLines>,
    /// Some months before the cut-off are missing: mark the known ones with dots.
    pub sparse: bool,
    /// Where a projection runs off the top of the scale: an arrow goes there.
    pub off_scale: Vec<(f64, f64)>,
    /// The cut-off month, its rule's x, and where its label goes.
    pub asof_month: Month,
    pub asof_x: f64,
    pub asof_label_x: f64,
    pub asof_anchor: Anchor,
    /// Labelled months and the x of their centres.
    pub month_labels: Vec<(Month, f64)>,
    /// Each year's label x (under the axis) and the x of the divider between years.
    pub year_labels: Vec<(i32, f64)>,
    pub divider_x: f64,
}

/// Both years' lines in a frame, and where a line runs off the top (for its arrow).
fn both_years(fr: &Frame, pts: &[SeriesPoint], asof: Month) -> (Vec<YearLines>, Vec<(f64, f64)>) {
    let mut off_scale = Vec::new();
    let lines = YEARS
        .iter()
        .enumerate()
        .map(|(i, &year)| year_lines(fr, pts, asof, year, (12 * i) as f64, &mut off_scale))
        .collect();
    (lines, off_scale)
}

/// Lays out the chart for a series, a cut-off and a drawing width. The scale is sized
/// for `top` (the series with rates held to their sliders), so a typed extreme runs off
/// the top with an arrow rather than squashing the rest.
pub fn layout(pts: &[SeriesPoint], asof: Month, width: f64, top: f64) -> Layout {
    let scale = nice_scale(top);
    let fr = Frame::new(width, scale.max);
    let (lines, off_scale) = both_years(&fr, pts, asof);
    let sparse = pts.iter().filter(|p| p.actual.is_some()).count()
        < pts.iter().filter(|p| p.month <= asof).count();
    let asof_x = fr.x(k_end(asof));
    let asof_anchor = if asof_x > fr.w - 90.0 {
        Anchor::End
    } else {
        Anchor::Start
    };
    let asof_label_x = match asof_anchor {
        Anchor::End => asof_x - 4.0,
        _ => asof_x + 4.0,
    };
    let month_labels = DEAL_START
        .through(DEAL_END)
        .filter(|m| matches!(m.month(), 1 | 7) || (!fr.narrow() && matches!(m.month(), 4 | 10)))
        .map(|m| (m, fr.x(k_end(m) - 0.5)))
        .collect();
    let year_labels = YEARS
        .iter()
        .enumerate()
        .map(|(i, &y)| (y, fr.x(12.0 * i as f64 + 6.0)))
        .collect();
    Layout {
        frame: fr,
        scale,
        lines,
        sparse,
        off_scale,
        asof_month: asof,
        asof_x,
        asof_label_x,
        asof_anchor,
        month_labels,
        year_labels,
        divider_x: fr.x(12.0),
    }
}

/// The height of a category's small chart, and the room above its plot for its top
/// label.
pub const MINI_HEIGHT: f64 = 56.0;
/// The narrowest small chart.
pub const MINI_MIN_WIDTH: f64 = 60.0;
const MINI_TOP: f64 = 16.0;

/// A category's small chart: its lines on the same 24-month axis as the big one, under
/// a scale of its own (its top labelled), without markers or axis labels.
#[derive(Clone, Debug, PartialEq)]
pub struct Mini {
    pub frame: Frame,
    pub scale: Scale,
    pub lines: Vec<YearLines>,
    /// Where the projection runs off the top (a typed rate beyond the slider).
    pub off_scale: Vec<Point>,
    pub asof_x: f64,
    pub divider_x: f64,
}

/// Lays out a small chart for a category's series: `top` is the value its scale must
/// show (held while a slider is held).
pub fn mini(pts: &[SeriesPoint], asof: Month, width: f64, top: f64) -> Mini {
    let scale = nice_scale(top);
    let w = width.max(MINI_MIN_WIDTH);
    let fr = Frame {
        w,
        x0: 1.0,
        x1: w - 1.0,
        y0: MINI_TOP,
        y1: MINI_HEIGHT - 1.0,
        ymax: scale.max.max(f64::MIN_POSITIVE),
    };
    let (lines, off_scale) = both_years(&fr, pts, asof);
    Mini {
        frame: fr,
        scale,
        lines,
        off_scale,
        asof_x: fr.x(k_end(asof)),
        divider_x: fr.x(12.0),
    }
}

/// One year's lines: each starts at zero on 1 January where it covers that January.
fn year_lines(
    fr: &Frame,
    pts: &[SeriesPoint],
    asof: Month,
    year: i32,
    k0: f64,
    off_scale: &mut Vec<(f64, f64)>,
) -> YearLines {
    let origin = (k0, 0.0);
    let values = |start: Option<(f64, f64)>, value: &dyn Fn(&SeriesPoint) -> Option<f64>| {
        let mut out: Vec<(f64, f64)> = start.into_iter().collect();
        for p in pts.iter().filter(|p| p.month.year() == year) {
            if let Some(v) = value(p) {
                out.push((k_end(p.month), v));
            }
        }
        out
    };
    let before = asof.year() < year;
    let at_cutoff = pts
        .iter()
        .find(|p| p.month == asof && p.month.year() == year)
        .and_then(|p| p.actual.map(|v| (k_end(p.month), v)));
    let (projected, exit) = clip(
        fr,
        &values(Some(origin).filter(|_| before), &|p| p.projected),
    );
    off_scale.extend(exit);
    YearLines {
        year,
        target: clip(fr, &values(Some(origin), &|p| Some(p.target))).0,
        actual: clip(fr, &values(Some(origin).filter(|_| !before), &|p| p.actual)).0,
        projected,
        later: clip(
            fr,
            &values(at_cutoff.or(Some(origin).filter(|_| before)), &|p| p.later),
        )
        .0,
    }
}

/// A point on the drawing: (x, y) in px.
pub type Point = (f64, f64);

/// Maps (months, value) points to the drawing, ending the line where it leaves the top
/// of the scale; returns the points and, if it left, where.
fn clip(fr: &Frame, pts: &[(f64, f64)]) -> (Vec<Point>, Option<Point>) {
    let mut out = Vec::with_capacity(pts.len());
    for (i, &(k, v)) in pts.iter().enumerate() {
        if v <= fr.ymax {
            out.push((fr.x(k), fr.y(v)));
            continue;
        }
        // Where the segment from the previous point crosses the top.
        let exit = match i.checked_sub(1).map(|j| pts[j]) {
            Some((k1, v1)) if v1 < fr.ymax => k1 + (k - k1) * (fr.ymax - v1) / (v - v1),
            _ => k,
        };
        let point = (fr.x(exit), fr.y0);
        out.push(point);
        return (out, Some(point));
    }
    (out, None)
}

/// Chart markers for events close together share one target.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerGroup {
    /// Indices into the events given, in date order.
    pub members: Vec<usize>,
    /// The x of each member's tick.
    pub ticks: Vec<f64>,
    /// The target's left and right edges (at least [`TARGET`] apart, never overlapping
    /// the next group's).
    pub x0: f64,
    pub x1: f64,
}

/// Groups events (in date order) whose ticks are less than [`TARGET`] apart, so every
/// marker has a target at least 24 px wide.
pub fn marker_groups(fr: &Frame, events: &[&TimelineEvent]) -> Vec<MarkerGroup> {
    let mut groups: Vec<MarkerGroup> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let x = fr.x(event_k(e));
        match groups.last_mut() {
            Some(g) if x - g.ticks.last().copied().unwrap_or(x) < TARGET => {
                g.members.push(i);
                g.ticks.push(x);
            }
            _ => groups.push(MarkerGroup {
                members: vec![i],
                ticks: vec![x],
                x0: 0.0,
                x1: 0.0,
            }),
        }
    }
    for g in &mut groups {
        let (first, last) = (g.ticks[0], g.ticks[g.ticks.len() - 1]);
        g.x0 = first - TARGET / 2.0;
        g.x1 = last + TARGET / 2.0;
    }
    groups
}

/// Cuts a text to `max` characters, with an ellipsis.
pub fn shorten(t: &str, max: usize) -> String {
    if t.chars().count() <= max {
        return t.to_string();
    }
    let cut: String = t.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Where the caption of the active marker goes: its x, its anchor, and how many
/// characters of title fit beside a date of `date_chars` characters.
pub fn marker_caption(fr: &Frame, k: f64, date_chars: usize) -> (f64, Anchor, usize) {
    // About 7 px a character at 12 px bold: keep the label within the plot.
    let room = ((fr.x1 - fr.x0) / 7.0) as usize;
    let title_chars = room.saturating_sub(date_chars + 3).clamp(12, 64);
    let x = if fr.narrow() {
        fr.x0
    } else {
        within(fr.x(k), fr.x0 + 4.0, fr.x1 - 4.0)
    };
    let third = (fr.x1 - fr.x0) * 0.3;
    let anchor = if fr.narrow() || x < fr.x0 + third {
        Anchor::Start
    } else if x > fr.x1 - third {
        Anchor::End
    } else {
        Anchor::Middle
    };
    (x, anchor, title_chars)
}

/// A box on the drawing, in px: left, top, right, bottom.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// The font size of the chart's small labels (the cut-off, the target labels and the
/// named moments), in px, as `widget.css` sets it.
pub const LABEL_PX: f64 = 11.0;
/// The named moments' size on a chart too narrow for them at [`LABEL_PX`].
pub const LABEL_PX_SMALL: f64 = 10.0;
/// The named moments' rows in the band above the plot: baselines this far apart.
fn row_height(w: f64) -> f64 {
    if w < NARROW { 14.0 } else { 16.0 }
}
/// Between a moment's tick and its label's text.
const LABEL_GAP: f64 = 4.0;

/// A generous estimate of a text's width at `px` in the system sans-serif, `bold` for
/// weight 600: wide enough for every engine's fonts (measured against Chromium, WebKit
/// and Firefox), so labels placed apart never touch. CJK characters are a full em.
pub fn text_width(t: &str, px: f64, bold: bool) -> f64 {
    // CJK characters are an em, bold or not; Latin ones by class.
    let (cjk, latin) = t.chars().partition::<Vec<char>, _>(|c| *c >= '\u{2E80}');
    let ems: f64 = latin
        .iter()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '’' | '!' | '|' => 0.34,
            'f' | 't' | 'r' | '(' | ')' | '-' => 0.45,
            ' ' => 0.35,
            'm' | 'w' | 'M' | 'W' => 1.0,
            c if c.is_ascii_uppercase() => 0.78,
            c if c.is_ascii_digit() => 0.7,
            _ => 0.67,
        })
        .sum();
    (ems * if bold { BOLD } else { 1.0 } + cjk.len() as f64) * px
}

/// How much wider weight 600 sets Latin text than regular.
const BOLD: f64 = 1.14;

/// The box of a label whose baseline is at `y`, starting (or ending, or centred) at `x`.
pub fn label_rect(x: f64, y: f64, width: f64, anchor: Anchor) -> Rect {
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    Rect {
        x0,
        y0: y - LABEL_PX,
        x1: x0 + width,
        y1: y + LABEL_PX * 0.3,
    }
}

/// Where the cut-off's label sits: its box, for the moments to keep clear of.
pub fn asof_rect(lay: &Layout, width: f64) -> Rect {
    label_rect(
        lay.asof_label_x,
        lay.frame.y0 + 10.0,
        width,
        lay.asof_anchor,
    )
}

/// Where the direct target labels ("2020 target") sit, on a wide chart.
pub fn target_rects(lay: &Layout, width: f64) -> Vec<Rect> {
    if lay.frame.narrow() {
        return Vec::new();
    }
    lay.lines
        .iter()
        .filter_map(|l| l.target.last())
        .map(|&(x, y)| label_rect(x + 6.0, y + 4.0, width, Anchor::Start))
        .collect()
}

/// A named moment's label, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct MomentLabel {
    /// Which of the moments given.
    pub index: usize,
    /// The event's tick, where the leader line runs down to the axis.
    pub tick_x: f64,
    /// The text's anchor point and baseline.
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub rect: Rect,
}

/// Places the named moments' labels (each given as its event's position in months from
/// Jan 2020 and its text's width) in the band of rows above the plot, beside their ticks,
/// so no label covers a line: each takes the row nearest the plot, and the first side of
/// its tick, where it stays on the drawing (right of the y labels) and clear of every
/// label already there and of `avoid` (the target labels). A dotted leader runs from the
/// label down to its tick, through no other label. Labels are placed right to left (so a
/// label beside a tick to its left can stack above one to its right, its leader clear of
/// it) and, if that places fewer, left to right. A label with no room is left out (its
/// marker stays, with its name in the caption and the panel).
pub fn place_moments(fr: &Frame, moments: &[(f64, f64)], avoid: &[Rect]) -> Vec<MomentLabel> {
    let backwards = place_in(fr, moments, avoid, (0..moments.len()).rev());
    if backwards.len() == moments.len() {
        return backwards;
    }
    let forwards = place_in(fr, moments, avoid, 0..moments.len());
    if forwards.len() > backwards.len() {
        forwards
    } else {
        backwards
    }
}

/// [`place_moments`] in one order; the result in the moments' order.
fn place_in(
    fr: &Frame,
    moments: &[(f64, f64)],
    avoid: &[Rect],
    order: impl Iterator<Item = usize>,
) -> Vec<MomentLabel> {
    let mut out: Vec<MomentLabel> = Vec::new();
    let right = fr.w - 2.0;
    let leader = |tick_x: f64, r: &Rect| Rect {
        x0: tick_x - 1.0,
        y0: r.y1,
        x1: tick_x + 1.0,
        y1: fr.y1,
    };
    for index in order {
        let (k, width) = moments[index];
        let tick_x = fr.x(k);
        let spot = (0..BAND_ROWS)
            .flat_map(|row| [(row, Anchor::Start), (row, Anchor::End)])
            .map(|(row, anchor)| {
                let y = fr.y0 - 4.0 - row as f64 * row_height(fr.w);
                let x = match anchor {
                    Anchor::End => tick_x - LABEL_GAP,
                    _ => tick_x + LABEL_GAP,
                };
                (x, y, anchor, label_rect(x, y, width, anchor))
            })
            .find(|(_, _, _, r)| {
                let mine = leader(tick_x, r);
                r.x0 >= fr.x0 + 2.0
                    && r.x1 <= right
                    && !avoid.iter().any(|t| t.overlaps(r))
                    && !out.iter().any(|m| {
                        m.rect.overlaps(r)
                            || m.rect.overlaps(&mine)
                            || leader(m.tick_x, &m.rect).overlaps(r)
                    })
            });
        if let Some((x, y, anchor, rect)) = spot {
            out.push(MomentLabel {
                index,
                tick_x,
                x,
                y,
                anchor,
                rect,
            });
        }
    }
    crate::core::sorted::sort_by_key(&mut out, |m| m.index);
    out
}

/// The named moments: which events have a chart label (`events` indexes, on any chart),
/// and on a wide chart their texts and places in words, and whether at the smaller size.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamedMoments {
    pub events: Vec<usize>,
    pub texts: Vec<String>,
    pub labels: Vec<MomentLabel>,
    pub small: bool,
}

/// Names the labelled events (those with a chart label) on a wide chart: with their dates
/// ("6 Aug: …") where they all fit so, else without, else a size smaller; the try that
/// places the most wins. A narrow chart names none (it numbers them instead).
pub fn name_moments(
    loc: &Locale,
    f: &dyn Format,
    fr: &Frame,
    events: &[&TimelineEvent],
    avoid: &[Rect],
) -> NamedMoments {
    let labelled: Vec<usize> = (0..events.len())
        .filter(|i| !events[*i].label.is_empty())
        .collect();
    let mut best = NamedMoments {
        events: labelled.clone(),
        ..NamedMoments::default()
    };
    if labelled.is_empty() || fr.narrow() {
        return best;
    }
    for (dated, small) in [(true, false), (false, false), (false, true)] {
        let texts: Vec<String> = labelled
            .iter()
            .map(|i| {
                let e = events[*i];
                if dated {
                    let date = f.day_month(e.date);
                    fill(
                        loc.strings.chart_moment,
                        &[("date", &date), ("label", &e.label)],
                    )
                } else {
                    e.label.clone()
                }
            })
            .collect();
        let px = if small { LABEL_PX_SMALL } else { LABEL_PX };
        let spots: Vec<(f64, f64)> = labelled
            .iter()
            .zip(&texts)
            .map(|(i, t)| (event_k(events[*i]), text_width(t, px, true)))
            .collect();
        let labels = place_moments(fr, &spots, avoid);
        if labels.len() > best.labels.len() {
            (best.texts, best.labels, best.small) = (texts, labels, small);
        }
        if best.labels.len() == labelled.len() {
            break;
        }
    }
    best
}

/// The cut-off rule's label: "as of Jun 2020".
pub fn asof_text(loc: &Locale, f: &dyn Format, lay: &Layout) -> String {
    fill(
        loc.strings.asof_marker,
        &[("month", &f.month(lay.asof_month, MonthStyle::Short))],
    )
}

/// What the named moments' labels keep clear of: the cut-off's label and the targets'.
pub fn label_avoid(loc: &Locale, f: &dyn Format, lay: &Layout) -> Vec<Rect> {
    let target = fill(loc.strings.target_label, &[("year", "2020")]);
    let mut rects = target_rects(lay, text_width(&target, 12.0, true));
    rects.push(asof_rect(
        lay,
        text_width(&asof_text(loc, f, lay), LABEL_PX, false),
    ));
    rects
}

/// The radius of a numbered callout, on a chart too narrow for labels in words.
pub const CALLOUT_R: f64 = 8.0;

/// On a narrow chart the named moments are numbered callouts in the band above the plot,
/// keyed in words under the chart: each circle's x, at its tick where it can be, else
/// nudged right of the one before (and all of them back left if they run off the
/// drawing), in the order given (the moments' date order).
pub fn callouts(fr: &Frame, ks: &[f64]) -> Vec<f64> {
    let gap = 2.0 * CALLOUT_R + 3.0;
    let mut xs: Vec<f64> = Vec::with_capacity(ks.len());
    for k in ks {
        let x = fr.x(*k).max(xs.last().map_or(f64::MIN, |p| p + gap));
        xs.push(x);
    }
    let over = xs.last().map_or(0.0, |x| x + CALLOUT_R - (fr.w - 2.0));
    if over > 0.0 {
        for x in &mut xs {
            *x -= over;
        }
    }
    xs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_scales_keep_few_labels_at_any_size() {
        assert_eq!(
            nice_scale(142.7),
            Scale {
                max: 150.0,
                step: 25.0
            }
        );
        assert_eq!(
            nice_scale(89.3),
            Scale {
                max: 100.0,
                step: 20.0
            }
        );
        for v in [0.0, 0.3, 7.0, 99.0, 173.1, 981.0, 1_234.5, 1e6, f64::NAN] {
            let s = nice_scale(v);
            let ticks = s.ticks();
            assert!(
                ticks.len() <= MAX_TICKS && ticks.len() >= 2,
                "{v}: {ticks:?}"
            );
            assert!(s.max >= v || !v.is_finite(), "{v}: {s:?}");
            assert!(s.max < v.max(1.0) * 2.6, "{v}: {s:?} wastes the plot");
        }
    }

    #[test]
    fn frame_maps_months_and_values() {
        let fr = Frame::new(640.0, 100.0);
        assert_eq!(fr.x(0.0), fr.x0);
        assert_eq!(fr.x(MONTHS), fr.x1);
        assert_eq!(fr.y(0.0), fr.y1);
        assert_eq!(fr.y(100.0), fr.y0);
        assert_eq!(fr.y(500.0), fr.y0, "values above the scale are clamped");
        assert!(Frame::new(100.0, 1.0).w >= MIN_WIDTH);
    }

    #[test]
    fn paths_and_shortening() {
        assert_eq!(path(&[(1.0, 2.04), (3.25, 4.0)]), "M1,2L3.3,4");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }

    #[test]
    fn layouts_fit_at_any_rate_and_width() {
        use crate::core::data;
        use crate::core::model::{self, Rates, Scenario};
        let ds = data::parse(data::FILE_NAME, data::BUILT_IN).unwrap();
        let base = model::default_scenario(&ds);
        let max = Rates {
            manufactured: 40.0,
            agriculture: 20.0,
            energy: 30.0,
            total: 80.0,
        };
        for rates in [base.rates, Rates::ZERO, max] {
            for w in [280.0, 375.0, 640.0, 1200.0] {
                let sc = Scenario { rates, ..base };
                let top = crate::core::derived::Derived::new(&ds, &sc, None).scale_top;
                let lay = layout(&model::series(&ds, &sc), sc.asof, w, top);
                let ticks = lay.scale.ticks();
                assert!(ticks.len() <= MAX_TICKS, "{w}: {ticks:?}");
                // Labels at least 12 px apart, and the widest ("$1,250bn", 8 characters at
                // about 7 px) fits left of the plot.
                let gap = lay.frame.y(ticks[0]) - lay.frame.y(ticks[1]);
                assert!(gap >= 12.0, "{w}: labels {gap} px apart");
                assert!(lay.frame.x0 - 6.0 >= 8.0 * 7.0, "{w}");
                assert!(lay.frame.x1 <= lay.frame.w);
                for l in &lay.lines {
                    assert_eq!(l.target.first().map(|p| p.1), Some(lay.frame.y1));
                    for (x, y) in l.target.iter().chain(&l.projected).chain(&l.actual) {
                        assert!((lay.frame.x0..=lay.frame.x1).contains(x));
                        assert!((lay.frame.y0..=lay.frame.y1).contains(y));
                    }
                }
            }
        }
    }
}
