//! Pictures of the widget for where its script never runs: the social card, the static
//! fallback and the reader's "Download image".
//!
//! Each is a [`Picture`]: shapes and lines of text in px, laid out here from the same
//! chart geometry (`chart::layout`, `chart::name_moments`, `chart::marker_groups`) and the
//! same sentences (`text`) as the widget, so a picture can't say anything the widget
//! doesn't. [`Picture::to_svg`] writes it as SVG (postbuild renders that to PNG with
//! resvg); in the browser `ui::dom::picture` paints the same list on a canvas, which
//! needs no image loading and so works under the strict CSP. Colours are the light
//! theme's ([`colour`], checked against `widget.css` by `tests/style.rs`): a picture
//! leaves the page, and most places show it on white.

use super::chart::{self, Anchor, Layout, num};
use super::data::Dataset;
use super::derived::Derived;
use super::format::{Format, MonthStyle};
use super::locale::{Locale, fill};
use super::model::{self, Evaluation, Preset, YearResult};
use super::text;
use super::timeline::TimelineEvent;

/// The light theme's palette (`widget.css`, the first value of each `light-dark()`).
pub mod colour {
    pub const BG: &str = "#ffffff";
    pub const FG: &str = "#1a1a1a";
    pub const MUTED: &str = "#5c5c5c";
    pub const RULE: &str = "#dedede";
    pub const ACTUAL: &str = "#1a1a1a";
    pub const TARGET: &str = "#d55e00";
    pub const TARGET_TEXT: &str = "#a94400";
    pub const CUTOFF: &str = "#767676";
    pub const LATER: &str = "#8a8a8a";
    pub const MET: &str = "#006e50";
    pub const MISSED: &str = "#a94400";
    /// Each name as `widget.css` declares it, for the test that keeps them equal.
    pub const ALL: [(&str, &str); 11] = [
        ("--bg", BG),
        ("--fg", FG),
        ("--muted", MUTED),
        ("--rule", RULE),
        ("--actual", ACTUAL),
        ("--target", TARGET),
        ("--target-text", TARGET_TEXT),
        ("--cutoff", CUTOFF),
        ("--later", LATER),
        ("--met", MET),
        ("--missed", MISSED),
    ];
}

/// The width every picture is laid out at, in px.
pub const WIDTH: f64 = 1200.0;
/// The social card's height (the size Facebook, LinkedIn and X show large).
pub const CARD_HEIGHT: f64 = 630.0;
/// The fonts a picture asks for: Noto Sans CJK first (it has Latin letters too, and the
/// build renders with it), then the widget's own system stack.
pub const FONTS: &str = "'Noto Sans CJK SC', 'Noto Sans SC', system-ui, -apple-system, \
                         'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', \
                         'Microsoft YaHei', sans-serif";
const PAD: f64 = 56.0;

/// How a line is stroked.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Stroke {
    pub colour: &'static str,
    pub width: f64,
    pub dash: Option<(f64, f64)>,
}

const fn stroke(colour: &'static str, width: f64) -> Stroke {
    Stroke {
        colour,
        width,
        dash: None,
    }
}

/// One thing drawn, in px from the top left of its group.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &'static str,
    },
    /// An SVG path (`M`, `L`, `l`, `h`, `z`): a line when it has a stroke, a shape when
    /// it has a fill.
    Path {
        d: String,
        stroke: Option<Stroke>,
        fill: Option<&'static str>,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: &'static str,
    },
    Text(Text),
    /// Items moved by (`dx`, `dy`) and then scaled.
    Group {
        dx: f64,
        dy: f64,
        scale: f64,
        items: Vec<Item>,
    },
}

/// One line of text, its baseline at `y`. `halo`: a 4 px ring of the background round
/// the letters, so they stay legible over the lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub px: f64,
    pub bold: bool,
    pub fill: &'static str,
    pub anchor: Anchor,
    pub halo: bool,
    pub text: String,
}

/// A picture: its size in px, what it draws, and its text alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub width: f64,
    pub height: f64,
    pub items: Vec<Item>,
    pub alt: String,
}

impl Picture {
    /// The picture as a standalone SVG document, its text escaped.
    pub fn to_svg(&self) -> String {
        let (w, h) = (num(self.width), num(self.height));
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" font-family=\"{FONTS}\" role=\"img\" \
             aria-label=\"{}\"><rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
            text::escape_html(&self.alt),
            colour::BG
        );
        for item in &self.items {
            svg_item(&mut out, item);
        }
        out.push_str("</svg>");
        out
    }

    /// Every text the picture draws, in order (for tests and the alt text's checks).
    pub fn texts(&self) -> Vec<&str> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a str>) {
            for item in items {
                match item {
                    Item::Text(t) => out.push(&t.text),
                    Item::Group { items, .. } => walk(items, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
        out
    }
}

fn svg_stroke(s: &Stroke) -> String {
    let dash = s
        .dash
        .map(|(a, b)| format!(" stroke-dasharray=\"{} {}\"", num(a), num(b)))
        .unwrap_or_default();
    format!(
        " stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\" \
         stroke-linejoin=\"round\"{dash}",
        s.colour,
        num(s.width)
    )
}

fn svg_item(out: &mut String, item: &Item) {
    match item {
        Item::Rect { x, y, w, h, fill } => out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            num(*x),
            num(*y),
            num(*w),
            num(*h)
        )),
        Item::Path { d, stroke, fill } => out.push_str(&format!(
            "<path d=\"{}\" fill=\"{}\"{}/>",
            text::escape_html(d),
            fill.unwrap_or("none"),
            stroke.as_ref().map(svg_stroke).unwrap_or_default()
        )),
        Item::Circle { cx, cy, r, fill } => out.push_str(&format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"/>",
            num(*cx),
            num(*cy),
            num(*r)
        )),
        Item::Text(Text {
            x,
            y,
            px,
            bold,
            fill,
            anchor,
            halo,
            text,
        }) => {
            let halo = if *halo {
                format!(
                    " paint-order=\"stroke\" stroke=\"{}\" stroke-width=\"4\" \
                     stroke-linejoin=\"round\"",
                    colour::BG
                )
            } else {
                String::new()
            };
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{fill}\" \
                 text-anchor=\"{}\"{halo}>{}</text>",
                num(*x),
                num(*y),
                num(*px),
                if *bold { 700 } else { 400 },
                anchor.code(),
                text::escape_html(text)
            ));
        }
        Item::Group {
            dx,
            dy,
            scale,
            items,
        } => {
            out.push_str(&format!(
                "<g transform=\"translate({} {}) scale({})\">",
                num(*dx),
                num(*dy),
                // Finer than `num`'s tenths: a scale's error grows with the drawing.
                super::decimal::decimal(*scale, 4)
            ));
            for i in items {
                svg_item(out, i);
            }
            out.push_str("</g>");
        }
    }
}

/// Breaks a text into lines no wider than `width` at `px` (by [`measure`]'s estimate):
/// at spaces, and between any two CJK characters. A word wider than the line (a long
/// address) is cut where it must be. Word joiners (`format::glue`) keep their neighbours
/// together and are dropped from the lines.
pub fn wrap(text: &str, px: f64, bold: bool, width: f64) -> Vec<String> {
    const JOIN: char = '\u{2060}';
    let cjk = |c: char| c >= '\u{2E80}' && c != JOIN;
    // Pieces that may start a line: each keeps the spaces before it.
    let mut pieces: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let breaks = match prev {
            None => true,
            Some(p) => {
                (p.is_whitespace() && !c.is_whitespace())
                    || ((cjk(c) || cjk(p)) && p != JOIN && c != JOIN && !c.is_whitespace())
            }
        };
        if breaks || pieces.is_empty() {
            pieces.push(String::new());
        }
        if let Some(last) = pieces.last_mut() {
            last.push(c);
        }
        prev = Some(c);
    }
    // A piece wider than a line (a long address) is cut where it must be.
    let pieces = pieces.into_iter().flat_map(|piece| {
        if measure(piece.trim(), px, bold) <= width {
            return vec![piece];
        }
        let mut cut: Vec<String> = vec![String::new()];
        for c in piece.chars() {
            let last = cut.last_mut().expect("never empty");
            if !last.trim().is_empty() && measure(&format!("{last}{c}"), px, bold) > width {
                cut.push(c.to_string());
            } else {
                last.push(c);
            }
        }
        cut
    });
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && measure(candidate.trim_end(), px, bold) > width {
            lines.push(line.trim_end().replace(JOIN, ""));
            line = piece.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().replace(JOIN, ""));
    }
    lines
}

/// A line's width for wrapping: `chart::text_width`, whose Latin estimate is generous
/// enough to keep a chart's labels apart, taken 12% narrower for running text (still
/// wider than Noto Sans and the systems' UI fonts set it); CJK characters are an em.
fn measure(t: &str, px: f64, bold: bool) -> f64 {
    let t = &t.replace('\u{2060}', "");
    let cjk = t.chars().filter(|c| *c >= '\u{2E80}').count() as f64 * px;
    cjk + (chart::text_width(t, px, bold) - cjk) * 0.88
}

/// Stacks blocks of text down a picture.
struct Sheet {
    y: f64,
    items: Vec<Item>,
}

impl Sheet {
    fn new(top: f64) -> Sheet {
        Sheet {
            y: top,
            items: Vec::new(),
        }
    }

    /// A paragraph at `x`, wrapped to `width`; `y` moves past it.
    #[allow(clippy::too_many_arguments)]
    fn para(&mut self, x: f64, width: f64, text: &str, px: f64, bold: bool, fill: &'static str) {
        let lead = (px * 1.3).round();
        for line in wrap(text, px, bold, width) {
            self.y += lead;
            self.items.push(Item::Text(Text {
                x,
                y: self.y - (lead - px) / 2.0 - px * 0.15,
                px,
                bold,
                fill,
                anchor: Anchor::Start,
                halo: false,
                text: line,
            }));
        }
    }

    fn gap(&mut self, h: f64) {
        self.y += h;
    }

    /// The sheet as a picture, as tall as its contents and the bottom margin.
    fn finish(self, alt: String) -> Picture {
        Picture {
            width: WIDTH,
            height: (self.y + PAD - 16.0).ceil(),
            items: self.items,
            alt,
        }
    }
}

/// What a picture shows: the reader's language and formats, the data (in that language),
/// the view worked out from them, the events on the chart's time axis (the timeline's
/// filters applied), and the address of this view (none when the site's address is not
/// known).
pub struct View<'a> {
    pub loc: &'a Locale,
    pub f: &'a dyn Format,
    pub ds: &'a Dataset,
    pub derived: &'a Derived,
    pub events: Vec<&'a TimelineEvent>,
    /// The preset the rates come from, if the reader hasn't set them.
    pub preset: Option<Preset>,
    pub link: Option<&'a str>,
}

/// The chart as the widget draws it at its default width (640 px, as prerendered): grid,
/// axis labels, the cut-off, both years' lines, the event ticks under the axis and the
/// named moments above the plot.
pub fn chart_items(v: &View, e: &Evaluation) -> Vec<Item> {
    let (loc, f) = (v.loc, v.f);
    let lay = chart::layout(
        &v.derived.series,
        e.scenario.asof,
        chart::DEFAULT_WIDTH,
        v.derived.scale_top,
    );
    let fr = lay.frame;
    let mut items = Vec::new();
    let label = |x: f64, y: f64, anchor: Anchor, fill: &'static str, text: String| Text {
        x,
        y,
        px: 12.0,
        bold: false,
        fill,
        anchor,
        halo: false,
        text,
    };
    let line = |x1: f64, y1: f64, x2: f64, y2: f64, s: Stroke| Item::Path {
        d: format!("M{},{}L{},{}", num(x1), num(y1), num(x2), num(y2)),
        stroke: Some(s),
        fill: None,
    };
    for t in lay.scale.ticks() {
        items.push(line(
            fr.x0,
            fr.y(t),
            fr.x1,
            fr.y(t),
            stroke(colour::RULE, 1.0),
        ));
        items.push(Item::Text(label(
            fr.x0 - 6.0,
            fr.y(t) + 4.0,
            Anchor::End,
            colour::MUTED,
            text::tick(loc, f, t),
        )));
    }
    items.push(line(
        lay.divider_x,
        fr.y0 + 14.0,
        lay.divider_x,
        fr.y1 + 24.0,
        Stroke {
            dash: Some((2.0, 3.0)),
            ..stroke(colour::MUTED, 1.0)
        },
    ));
    items.push(line(fr.x0, fr.y1, fr.x1, fr.y1, stroke(colour::FG, 1.0)));
    for (m, x) in lay.month_labels.iter().copied() {
        let name = f.month(m, MonthStyle::Abbrev).replace('\u{2060}', "");
        items.push(Item::Text(label(
            x,
            fr.y1 + 38.0,
            Anchor::Middle,
            colour::MUTED,
            name,
        )));
    }
    for (year, x) in lay.year_labels.iter().copied() {
        items.push(Item::Text(Text {
            bold: true,
            ..label(
                x,
                fr.y1 + 54.0,
                Anchor::Middle,
                colour::FG,
                year.to_string(),
            )
        }));
    }
    items.push(line(
        lay.asof_x,
        fr.y0,
        lay.asof_x,
        fr.y1,
        stroke(colour::CUTOFF, 1.0),
    ));
    lines(&mut items, loc, &lay);
    // The events' ticks under the axis, and the named moments above the plot.
    for g in chart::marker_groups(&fr, &v.events) {
        for x in g.ticks {
            items.push(line(
                x,
                fr.y1 + 5.0,
                x,
                fr.y1 + 15.0,
                stroke(colour::FG, 1.5),
            ));
        }
    }
    let avoid = chart::label_avoid(loc, f, &lay);
    let named = chart::name_moments(loc, f, &fr, &v.events, &avoid);
    for m in &named.labels {
        items.push(line(
            m.tick_x,
            m.rect.y1 + 1.0,
            m.tick_x,
            fr.y1,
            Stroke {
                dash: Some((1.0, 2.0)),
                ..stroke(colour::MUTED, 1.0)
            },
        ));
        items.push(Item::Text(Text {
            px: if named.small {
                chart::LABEL_PX_SMALL
            } else {
                chart::LABEL_PX
            },
            bold: true,
            halo: true,
            ..label(
                m.x,
                m.y,
                m.anchor,
                colour::FG,
                named.texts[m.index].replace('\u{2060}', ""),
            )
        }));
    }
    // The cut-off's label last, as the widget draws it: its halo covers the moments'
    // guide lines where they cross it.
    items.push(Item::Text(Text {
        px: chart::LABEL_PX,
        halo: true,
        ..label(
            lay.asof_label_x,
            fr.y0 + 10.0,
            lay.asof_anchor,
            colour::CUTOFF,
            chart::asof_text(loc, f, &lay).replace('\u{2060}', ""),
        )
    }));
    items
}

/// Both years' lines, as the widget draws them (`ui::chart::lines`).
fn lines(items: &mut Vec<Item>, loc: &Locale, lay: &Layout) {
    let path = |pts: &[chart::Point], s: Stroke| Item::Path {
        d: chart::path(pts),
        stroke: Some(s),
        fill: None,
    };
    for (x, y) in lay.off_scale.iter().copied() {
        items.push(Item::Path {
            d: format!("M{},{}l-5,8h10z", num(x), num(y - 6.0)),
            stroke: None,
            fill: Some(colour::ACTUAL),
        });
    }
    for l in &lay.lines {
        items.push(path(&l.target, stroke(colour::TARGET, 1.5)));
        items.push(path(
            &l.later,
            Stroke {
                dash: Some((1.0, 3.0)),
                ..stroke(colour::LATER, 1.5)
            },
        ));
        items.push(path(
            &l.projected,
            Stroke {
                dash: Some((6.0, 4.0)),
                ..stroke(colour::ACTUAL, 2.0)
            },
        ));
        items.push(path(&l.actual, stroke(colour::ACTUAL, 2.5)));
        if lay.sparse {
            for (x, y) in l.actual.iter().skip(1).copied() {
                items.push(Item::Circle {
                    cx: x,
                    cy: y,
                    r: 3.0,
                    fill: colour::ACTUAL,
                });
            }
        }
        if let Some((x, y)) = l.target.last().copied() {
            items.push(Item::Text(Text {
                x: x + 6.0,
                y: y + 4.0,
                px: 12.0,
                bold: true,
                fill: colour::TARGET_TEXT,
                anchor: Anchor::Start,
                halo: true,
                text: fill(loc.strings.target_label, &[("year", &l.year.to_string())]),
            }));
        }
    }
}

/// The chart's legend in a row (wrapping) at `x`, from `y` down; returns its height.
fn legend(
    items: &mut Vec<Item>,
    v: &View,
    e: &Evaluation,
    x: f64,
    y: f64,
    width: f64,
    px: f64,
) -> f64 {
    let s = v.loc.strings;
    // The projection is the reader's, or a preset's (the default view's).
    let projection = v.preset.map_or(s.legend_projection, |p| v.loc.preset(p));
    let dashed = |colour, w, a, b| Stroke {
        dash: Some((a, b)),
        ..stroke(colour, w)
    };
    let mut keys = vec![(stroke(colour::ACTUAL, 2.5), s.legend_actual, false)];
    if !e.over {
        keys.push((dashed(colour::ACTUAL, 2.0, 6.0, 4.0), projection, false));
    }
    keys.push((stroke(colour::TARGET, 1.5), s.legend_target, false));
    keys.push((dashed(colour::LATER, 1.5, 1.0, 3.0), s.legend_later, false));
    keys.push((stroke(colour::FG, 1.5), s.legend_event, true));
    let (swatch, gap, lead) = (px * 1.6, px * 1.2, (px * 1.5).round());
    let (mut cx, mut row) = (x, 0.0);
    for (st, label, tick) in keys {
        let w = swatch + px * 0.4 + measure(label, px, false);
        if cx > x && cx + w > x + width {
            cx = x;
            row += lead;
        }
        let mid = y + row + lead / 2.0;
        let d = if tick {
            let tx = cx + swatch / 2.0;
            format!(
                "M{},{}L{},{}",
                num(tx),
                num(mid - px * 0.4),
                num(tx),
                num(mid + px * 0.4)
            )
        } else {
            format!(
                "M{},{}L{},{}",
                num(cx + 1.0),
                num(mid),
                num(cx + swatch - 1.0),
                num(mid)
            )
        };
        items.push(Item::Path {
            d,
            stroke: Some(st),
            fill: None,
        });
        items.push(Item::Text(Text {
            x: cx + swatch + px * 0.4,
            y: mid + px * 0.35,
            px,
            bold: false,
            fill: colour::FG,
            anchor: Anchor::Start,
            halo: false,
            text: label.to_string(),
        }));
        cx += w + gap;
    }
    row + lead
}

/// The chart with its title (`title`), unit and legend above it, in a box `width` px
/// wide at (`x`, `y`); `px` is the size of the words around it. With `fit`, the whole
/// stays within that height, the drawing made smaller (and kept to the box's right) if it
/// must. Returns the height used.
#[allow(clippy::too_many_arguments)]
fn place_chart(
    items: &mut Vec<Item>,
    v: &View,
    e: &Evaluation,
    (x, y, width): (f64, f64, f64),
    fit: Option<f64>,
    px: f64,
    title: bool,
) -> f64 {
    let s = v.loc.strings;
    // The drawing's top holds the active marker's caption, empty in a picture: the
    // chart moves up over it.
    const CAPTION: f64 = 16.0;
    // The words above the chart, in a column from `left` (the sheet ends at their foot).
    let words = |left: f64, width: f64| {
        let mut sheet = Sheet::new(y);
        if title {
            let px = px * 1.2;
            sheet.para(left, width, s.chart_title, px, true, colour::FG);
        }
        sheet.para(left, width, s.chart_axis_note, px, false, colour::MUTED);
        sheet.gap(4.0);
        let h = legend(&mut sheet.items, v, e, left, sheet.y, width, px);
        sheet.gap(h);
        sheet
    };
    let scale_for = |foot: f64| {
        let full = width / chart::DEFAULT_WIDTH;
        fit.map_or(full, |max| {
            full.min((y + max - foot) / (chart::HEIGHT - CAPTION))
        })
    };
    // Laid out across the box, then (where the drawing is smaller than the box) again
    // over the drawing alone, so the words line up with it.
    let mut sheet = words(x + 8.0, width - 16.0);
    let drawn = chart::DEFAULT_WIDTH * scale_for(sheet.y);
    if drawn < width - 1.0 {
        sheet = words(x + width - drawn + 8.0, drawn - 16.0);
    }
    let scale = scale_for(sheet.y);
    items.append(&mut sheet.items);
    let drawn = chart::DEFAULT_WIDTH * scale;
    let top = sheet.y - CAPTION * scale;
    items.push(Item::Group {
        dx: x + width - drawn,
        dy: top,
        scale,
        items: chart_items(v, e),
    });
    top + chart::HEIGHT * scale - y
}

/// The note on the target path (derived) under the chart, as the widget's.
fn path_note(v: &View, e: &Evaluation) -> &'static str {
    match model::target_path_kind(v.ds, e.scenario.basis) {
        model::TargetPath::Seasonal => v.loc.strings.path_seasonal,
        model::TargetPath::Straight => v.loc.strings.path_straight,
    }
}

/// The sources' line: the outlets behind the figures the picture draws (the view's basis:
/// its monthly figures, year-to-date ones where the months' can't be summed, targets
/// and baselines) and behind the final
/// counts it states (`outcomes`, by id), in the order first cited.
fn sources_line(v: &View, outcomes: &[&str]) -> String {
    let Some(e) = v.derived.eval.as_ref() else {
        return String::new();
    };
    let basis = e.scenario.basis;
    let ds = v.ds;
    // A year-to-date figure is drawn only where the months' own figures can't be summed
    // to it (as `model::series` does).
    let ytd = ds.ytd.iter().filter(|((b, m, c), _)| {
        m.year_start()
            .through(*m)
            .any(|mm| model::month_value(ds, *b, mm, *c).is_none())
    });
    let drawn = ds
        .monthly
        .iter()
        .chain(ytd)
        .filter(|((b, _, _), _)| *b == basis)
        .map(|(_, fig)| fig)
        .chain(
            ds.targets
                .iter()
                .filter(|((b, _, _), _)| *b == basis)
                .map(|(_, f)| f),
        )
        .chain(
            ds.baselines
                .iter()
                .filter(|((b, _), _)| *b == basis)
                .map(|(_, f)| f),
        )
        .chain(
            ds.outcomes
                .iter()
                .filter(|o| outcomes.contains(&o.id.as_str()))
                .map(|o| &o.figure),
        );
    let mut outlets: Vec<&str> = Vec::new();
    for i in drawn.flat_map(|fig| fig.sources.iter()) {
        if let Some(s) = ds.source(*i)
            && !outlets.contains(&s.cite.outlet.as_str())
        {
            outlets.push(&s.cite.outlet);
        }
    }
    fill(
        v.loc.strings.picture_sources,
        &[("outlets", &outlets.join(v.loc.strings.list_separator))],
    )
}

/// The first final count in the data (the outcome the dek leads with), as the
/// reconciliation words it: its figure, what it counts and whose count it is (its note),
/// and its id in the data.
fn outcome<'a>(v: &View<'a>) -> Option<text::Count<'a>> {
    let r = text::reconciliation(v.loc, v.f, v.ds)?;
    r.counts.into_iter().find(|c| c.outcome.is_some())
}

/// The final counts the headline and dek state (`text::headline`, `text::dek`).
const STORY_OUTCOMES: [&str; 3] = ["below-2017", "share-goods-only", "share-goods-services"];

/// The text alternative: the headline, then what the picture shows in words.
fn alt(v: &View, e: &Evaluation, verdicts: bool) -> String {
    let s = v.loc.strings;
    let mut parts = vec![text::headline(v.loc, v.f, v.ds).replace('\u{2060}', "")];
    if let Some(c) = outcome(v) {
        parts.push(fill(
            s.picture_outcome,
            &[("figure", &c.figure), ("what", &c.what)],
        ));
    }
    parts.push(text::chart_summary(v.loc, v.f, e).replace('\u{2060}', ""));
    if verdicts {
        let lines: Vec<String> = [&e.years[0], &e.years[1]]
            .iter()
            .map(|r| text::verdict(v.loc, v.f, e, r))
            .collect();
        parts.push(fill(
            s.picture_verdicts_alt,
            &[("verdicts", &lines.join(s.list_separator))],
        ));
    }
    sentences(&parts)
}

/// Sentences run together as a text alternative: each ended with a full stop if it has
/// none (a headline), in its script's style ("." or "。"), and a space after a Latin one.
fn sentences(parts: &[String]) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.replace('\u{2060}', "");
        let part = part.trim();
        let Some(last) = part.chars().last() else {
            continue;
        };
        if !out.is_empty() && !out.ends_with(['。', '）']) {
            out.push(' ');
        }
        out.push_str(part);
        if !".!?。！？".contains(last) {
            out.push(if last >= '\u{2E80}' { '。' } else { '.' });
        }
    }
    out
}

/// The social card, 1200 × 630: the headline, the outcome figure with its scope and
/// whose count it is, the chart of the default view, and the sources.
pub fn card(v: &View) -> Option<Picture> {
    let e = v.derived.eval.as_ref()?;
    let mut sheet = Sheet::new(PAD - 20.0);
    let headline = text::headline(v.loc, v.f, v.ds);
    sheet.para(PAD, WIDTH - 2.0 * PAD, &headline, 38.0, true, colour::FG);
    let top = sheet.y + 16.0;
    let left_w = 320.0;
    let mut left = Sheet::new(top);
    let first = outcome(v);
    if let Some(c) = &first {
        left.para(PAD, left_w, &c.figure, 96.0, true, colour::MISSED);
        left.gap(4.0);
        left.para(PAD, left_w, &c.what, 24.0, false, colour::FG);
    }
    let mut items = sheet.items;
    items.append(&mut left.items);
    // The sources at the foot, on as many lines as they need, then the chart in what
    // room is left beside the figure.
    let outcomes: Vec<&str> = first.and_then(|c| c.outcome).into_iter().collect();
    let sources = wrap(&sources_line(v, &outcomes), 16.0, false, WIDTH - 2.0 * PAD);
    let mut foot = Sheet::new(CARD_HEIGHT - 28.0 - sources.len() as f64 * 21.0);
    let sources_top = foot.y;
    foot.para(
        PAD,
        WIDTH - 2.0 * PAD,
        &sources.join(" "),
        16.0,
        false,
        colour::MUTED,
    );
    items.append(&mut foot.items);
    let left_edge = PAD + left_w + 8.0;
    // The chart's drawing has room for its direct labels on the right: let it run to
    // the card's edge.
    let room = (left_edge, top, WIDTH - left_edge - 8.0);
    place_chart(
        &mut items,
        v,
        e,
        room,
        Some(sources_top - 8.0 - top),
        14.0,
        false,
    );
    Some(Picture {
        width: WIDTH,
        height: CARD_HEIGHT,
        items,
        alt: alt(v, e, false),
    })
}

/// A heading in capitals, as the widget's CSS sets it (`text-transform: uppercase`).
/// ASCII case mapping: the headings of the widget's languages have no other cased letter
/// (`tests/pictures.rs` checks every heading against full Unicode case mapping), and
/// `str::to_uppercase` would bring Unicode's case tables into the wasm (7.6 KB gzip).
pub fn capitals(text: &str) -> String {
    text.to_ascii_uppercase()
}

/// The verdicts at the view's pace, as the widget words them: the rewind, the heading,
/// each year's line (its tag first) and the pace set.
fn verdicts(sheet: &mut Sheet, v: &View, e: &Evaluation) {
    let (loc, f, w) = (v.loc, v.f, WIDTH - 2.0 * PAD);
    sheet.para(PAD, w, &text::rewind(loc, f, e), 28.0, true, colour::FG);
    sheet.gap(6.0);
    let heading = capitals(&text::verdict_heading(loc, f, e));
    sheet.para(PAD, w, &heading, 18.0, true, colour::MUTED);
    sheet.gap(4.0);
    for r in [&e.years[0], &e.years[1], &e.both] {
        let line = fill(
            loc.strings.picture_verdict,
            &[
                ("tag", &text::verdict_tag(loc, f, e, r)),
                ("verdict", &text::verdict(loc, f, e, r)),
            ],
        );
        let colour = if met(r) { colour::MET } else { colour::MISSED };
        sheet.para(PAD, w, &line, 24.0, false, colour);
    }
    if !e.over {
        sheet.gap(6.0);
        let rates: Vec<String> = model::rate_categories(v.ds, e.scenario.basis)
            .iter()
            .map(|c| {
                fill(
                    loc.strings.picture_rate,
                    &[
                        ("category", loc.category(*c)),
                        ("rate", &text::rate_label(loc, f, e.scenario.rates.get(*c))),
                    ],
                )
            })
            .collect();
        let from = f.month(e.scenario.asof.next(), MonthStyle::Long);
        let line = fill(
            loc.strings.picture_rates,
            &[
                ("month", &from),
                ("rates", &rates.join(loc.strings.list_separator)),
            ],
        );
        sheet.para(PAD, w, &line, 20.0, false, colour::MUTED);
        if let Some(p) = v.preset {
            let note = fill(
                loc.strings.picture_preset,
                &[
                    ("preset", loc.preset(p)),
                    ("note", &text::preset_note(loc, f, v.ds, e, p)),
                ],
            );
            sheet.para(PAD, w, &note, 20.0, false, colour::MUTED);
        }
    }
}

fn met(r: &YearResult) -> bool {
    r.met
}

/// The foot of a tall picture: the sources (of the figures drawn and of the final counts
/// `outcomes`), and the link to the view where known.
fn foot(sheet: &mut Sheet, v: &View, outcomes: &[&str]) {
    let w = WIDTH - 2.0 * PAD;
    sheet.gap(12.0);
    sheet.items.push(Item::Rect {
        x: PAD,
        y: sheet.y,
        w,
        h: 1.0,
        fill: colour::RULE,
    });
    sheet.gap(8.0);
    sheet.para(
        PAD,
        w,
        &sources_line(v, outcomes),
        18.0,
        false,
        colour::MUTED,
    );
    if let Some(link) = v.link {
        let line = fill(v.loc.strings.picture_link, &[("url", link)]);
        sheet.para(PAD, w, &line, 18.0, false, colour::FG);
    }
}

/// The static fallback: the default view as one picture, 1200 px wide: the headline and
/// dek, the verdicts, the chart, the key moments as a short list, the sources and the
/// link.
pub fn fallback(v: &View, key: &[&TimelineEvent]) -> Option<Picture> {
    let e = v.derived.eval.as_ref()?;
    let (loc, f, w) = (v.loc, v.f, WIDTH - 2.0 * PAD);
    let mut sheet = headed(v, 40.0);
    sheet.gap(8.0);
    sheet.para(PAD, w, &text::dek(loc, f, v.ds), 22.0, false, colour::FG);
    if let Some([before, link, after]) = text::dek_apps(loc, f, v.ds) {
        sheet.gap(8.0);
        let apps = format!("{before}{link}{after}");
        sheet.para(PAD, w, &apps, 20.0, false, colour::MUTED);
    }
    sheet.gap(24.0);
    verdicts(&mut sheet, v, e);
    sheet.gap(16.0);
    chart_block(&mut sheet, v, e);
    if !key.is_empty() {
        sheet.para(PAD, w, loc.strings.events_key, 24.0, true, colour::FG);
        sheet.gap(4.0);
        for ev in key {
            let outlet = ev
                .sources
                .first()
                .map(|c| c.outlet.as_str())
                .unwrap_or_default();
            let line = fill(
                loc.strings.picture_moment,
                &[
                    ("date", &text::event_date(f, ev)),
                    ("title", &ev.title),
                    ("source", outlet),
                ],
            );
            sheet.para(PAD, w, &line, 20.0, false, colour::FG);
            sheet.gap(4.0);
        }
    }
    foot(&mut sheet, v, &STORY_OUTCOMES);
    let mut alt = alt(v, e, true);
    if !key.is_empty() {
        let titles: Vec<String> = key
            .iter()
            .map(|ev| {
                let date = text::event_date(f, ev);
                fill(
                    loc.strings.chart_moment,
                    &[("date", &date), ("label", &ev.title)],
                )
            })
            .collect();
        let moments = fill(
            loc.strings.picture_moments_alt,
            &[("moments", &titles.join(loc.strings.list_separator))],
        );
        alt = sentences(&[alt, moments]);
    }
    Some(sheet.finish(alt))
}

/// The reader's view, for "Download image": the verdicts at their pace, the rates and
/// cut-off, the chart, the sources and the link to this exact view.
pub fn scenario(v: &View) -> Option<Picture> {
    let e = v.derived.eval.as_ref()?;
    let mut sheet = headed(v, 32.0);
    sheet.gap(20.0);
    verdicts(&mut sheet, v, e);
    sheet.gap(16.0);
    chart_block(&mut sheet, v, e);
    foot(&mut sheet, v, &["below-2017"]);
    Some(sheet.finish(alt(v, e, true)))
}

/// A tall picture's sheet, the headline at its top at `px`.
fn headed(v: &View, px: f64) -> Sheet {
    let mut sheet = Sheet::new(PAD - 14.0);
    let headline = text::headline(v.loc, v.f, v.ds);
    sheet.para(PAD, WIDTH - 2.0 * PAD, &headline, px, true, colour::FG);
    sheet
}

/// The full-width chart, with its title, unit and legend above and the note on the
/// target path (derived) below.
fn chart_block(sheet: &mut Sheet, v: &View, e: &Evaluation) {
    let w = WIDTH - 2.0 * PAD;
    let room = (PAD - 8.0, sheet.y, w + 24.0);
    let h = place_chart(&mut sheet.items, v, e, room, None, 18.0, true);
    sheet.gap(h);
    sheet.para(PAD, w, path_note(v, e), 16.0, false, colour::MUTED);
    sheet.gap(16.0);
}

/// The download's file name: what it is, the basis, the cut-off and the language, in
/// ASCII so every system keeps it: `phase-one-scenario-us-from-2020-07-en.png`.
pub fn file_name(e: &Evaluation, lang_code: &str) -> String {
    format!(
        "phase-one-scenario-{}-from-{}-{}.png",
        e.scenario.basis.code(),
        e.scenario.asof.next(),
        lang_code.to_ascii_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_every_word() {
        let t = "China promised to buy $200bn more in US goods and services.";
        let lines = wrap(t, 40.0, true, 500.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), t);
        for l in &lines {
            assert!(measure(l, 40.0, true) <= 500.0 || !l.contains(' '), "{l}");
        }
    }

    #[test]
    fn wrap_breaks_between_cjk_characters_but_not_inside_glued_figures() {
        let glued = crate::core::format::glue("1,427亿美元");
        let t = format!("中国承诺扩大自美采购商品和服务{glued}，增量部分全部落空");
        let lines = wrap(&t, 40.0, true, 300.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), t.replace('\u{2060}', ""));
        assert!(lines.iter().any(|l| l.contains("1,427亿美元")), "{lines:?}");
    }

    #[test]
    fn wrap_cuts_a_word_longer_than_the_line() {
        let url = format!(
            "https://news.example.org/p1/?{}",
            "asof=2020-09&mfg=9&".repeat(6)
        );
        let lines = wrap(&format!("See it: {url}"), 18.0, false, 400.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(
            lines.iter().all(|l| measure(l, 18.0, false) <= 400.0),
            "{lines:?}"
        );
        assert_eq!(lines.concat().replace(' ', ""), format!("Seeit:{url}"));
    }

    #[test]
    fn alt_sentences_end_in_their_scripts_full_stop() {
        let en = sentences(&["A headline".into(), "A sentence.".into()]);
        assert_eq!(en, "A headline. A sentence.");
        let zh = sentences(&["增量部分全部落空".into(), "为目标的46%。".into()]);
        assert_eq!(zh, "增量部分全部落空。为目标的46%。");
    }

    #[test]
    fn svg_escapes_text() {
        let p = Picture {
            width: 10.0,
            height: 10.0,
            items: vec![Item::Text(Text {
                x: 0.0,
                y: 0.0,
                px: 10.0,
                bold: false,
                fill: colour::FG,
                anchor: Anchor::Start,
                halo: false,
                text: "<script>&\"".into(),
            })],
            alt: "a \"b\" <c>".into(),
        };
        let svg = p.to_svg();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;&amp;"), "{svg}");
        assert!(
            svg.contains("aria-label=\"a &quot;b&quot; &lt;c&gt;\""),
            "{svg}"
        );
    }
}
