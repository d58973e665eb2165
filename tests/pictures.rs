//! The build's pictures (`src/pictures.rs`, drawn by `core::picture`): each language's
//! social card is a 1200 × 630 PNG with ink where the headline, the figure and the chart
//! are; its words and figures are the model's; its chart's lines are the prerendered
//! chart's, path for path; the fallback lists the key moments; and the palette is the
//! light theme's in `widget.css`.
#![cfg(not(target_arch = "wasm32"))]

use phase_one::core::chart;
use phase_one::core::derived::Derived;
use phase_one::core::locale::{self, EN, Lang, Locale};
use phase_one::core::picture::{self, Item, Picture};
use phase_one::core::text;
use phase_one::core::timeline;
use phase_one::pictures;
use phase_one::ui::format::Fmt;
use resvg::tiny_skia::Pixmap;

mod common;

fn zh() -> &'static Locale {
    static ZH: std::sync::OnceLock<&'static Locale> = std::sync::OnceLock::new();
    ZH.get_or_init(|| {
        let tl = timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).expect("timeline");
        let files = [
            include_str!("../static/locale/zh-Hans.csv"),
            include_str!("../static/data/timeline.zh-Hans.csv"),
            include_str!("../static/data/sources.zh-Hans.csv"),
        ];
        let (loc, problems) = locale::load(Lang::ZhHans, files, &tl, common::ds());
        assert!(problems.is_empty(), "{problems:?}");
        Box::leak(Box::new(loc))
    })
}

fn langs() -> [&'static Locale; 2] {
    [&EN, zh()]
}

/// The share of pixels in a box that are not (near) white.
fn ink(p: &Pixmap, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> f64 {
    let mut inked = 0usize;
    for y in y0..y1 {
        for x in x0..x1 {
            let c = p.pixel(x, y).expect("inside the picture");
            if (c.red() as u32 + c.green() as u32 + c.blue() as u32) < 3 * 230 {
                inked += 1;
            }
        }
    }
    inked as f64 / ((x1 - x0) * (y1 - y0)) as f64
}

fn paths(items: &[Item], out: &mut Vec<String>) {
    for item in items {
        match item {
            Item::Path { d, .. } => out.push(d.clone()),
            Item::Group { items, .. } => paths(items, out),
            _ => {}
        }
    }
}

#[test]
fn each_card_is_a_1200_by_630_png_with_ink_in_every_part() {
    let fonts = pictures::fonts().expect("the pictures' font (./scripts/setup.sh installs it)");
    for loc in langs() {
        let (card, _) = pictures::default_pictures(loc, None).expect("pictures");
        let png = pictures::png(&card, 1.0, &fonts).expect("a PNG");
        let p = Pixmap::decode_png(&png).expect("decodes as PNG");
        assert_eq!((p.width(), p.height()), (1200, 630), "{:?}", loc.lang);
        // The headline (top left), the figure (left), the chart (right) and the sources
        // (the foot) each have ink; the margins have none.
        for (what, area, least) in [
            ("headline", (56, 40, 700, 110), 0.08),
            ("figure", (56, 180, 300, 260), 0.15),
            ("chart", (560, 260, 1100, 500), 0.02),
            ("sources", (56, 560, 700, 600), 0.02),
        ] {
            let share = ink(&p, area);
            assert!(share > least, "{:?} {what}: ink {share:.3}", loc.lang);
        }
        assert_eq!(ink(&p, (0, 0, 1200, 20)), 0.0, "{:?}: top margin", loc.lang);
        assert_eq!(ink(&p, (0, 0, 40, 630)), 0.0, "{:?}: left margin", loc.lang);
    }
}

#[test]
fn a_card_says_what_the_model_says() {
    for loc in langs() {
        let (card, fallback) = pictures::default_pictures(loc, None).expect("pictures");
        let f = Fmt::new(loc, false);
        let ds = loc.translate_data(common::ds());
        let texts = card.texts().join("\n");
        let headline = text::headline(loc, &f, &ds).replace('\u{2060}', "");
        // The headline wraps: its words, in order, make the card's first lines.
        let flat = |s: &str| s.replace(['\n', ' '], "");
        assert!(flat(&texts).starts_with(&flat(&headline)), "{texts}");
        // The figure is the data's first final share, as the reconciliation words it.
        let rec = text::reconciliation(loc, &f, &ds).expect("reconciliation");
        let first = rec
            .counts
            .iter()
            .find(|c| c.outcome.is_some())
            .expect("a final count");
        assert!(card.texts().contains(&first.figure.as_str()), "{texts}");
        assert_eq!(first.figure, text::outcome_percent(loc, &f, 57.0));
        // Every chart tick is the model's.
        let state = pictures::default_state(loc).expect("state");
        let derived = Derived::new(&state.data, &state.scenario, None);
        let e = derived.eval.as_ref().expect("evaluation");
        let lay = chart::layout(
            &derived.series,
            e.scenario.asof,
            chart::DEFAULT_WIDTH,
            derived.scale_top,
        );
        for t in lay.scale.ticks() {
            let tick = text::tick(loc, &f, t);
            assert!(
                card.texts().contains(&tick.as_str()),
                "tick {tick}: {texts}"
            );
        }
        // The fallback's verdicts are the widget's.
        let all = fallback.texts().join(" ").replace('\u{2060}', "");
        for r in &e.years {
            let verdict = text::verdict(loc, &f, e, r).replace('\u{2060}', "");
            assert!(flat(&all).contains(&flat(&verdict)), "{verdict}\n{all}");
        }
        assert!(!card.alt.is_empty() && card.alt.contains(&headline));
    }
}

/// The card's chart can't drift from the widget's: every line it draws is a path of the
/// chart the prerender draws for the same view.
#[test]
fn the_cards_lines_are_the_prerendered_charts() {
    let html = common::render(phase_one::ui::Init::default());
    let (card, _) = pictures::default_pictures(&EN, None).expect("pictures");
    let mut ds = Vec::new();
    paths(&card.items, &mut ds);
    let lines: Vec<&String> = ds.iter().filter(|d| d.matches('L').count() > 3).collect();
    assert!(lines.len() >= 6, "{lines:?}");
    for d in lines {
        assert!(
            html.contains(&format!("d=\"{d}\"")),
            "not in the widget: {d}"
        );
    }
}

#[test]
fn the_fallback_lists_every_key_moment_with_its_source() {
    for loc in langs() {
        let (_, fallback) =
            pictures::default_pictures(loc, Some("https://n.example/p1/")).expect("pictures");
        let state = pictures::default_state(loc).expect("state");
        // Lines joined without spaces, so a title broken across two lines still matches.
        let all = fallback.texts().concat().replace(' ', "");
        let flat = |s: &str| s.replace(' ', "");
        let key: Vec<_> = state.timeline.events.iter().filter(|e| e.key).collect();
        assert!(key.len() >= 5);
        for e in key {
            assert!(all.contains(&flat(&e.title)), "{:?}: {}", loc.lang, e.title);
            let outlet = flat(&e.sources[0].outlet);
            assert!(all.contains(&outlet), "{outlet}");
        }
        let page = format!("https://n.example/p1/{}", loc.lang.page());
        assert!(all.contains(&page), "{all}");
        assert_eq!(fallback.width, picture::WIDTH);
        assert!(fallback.height > 1200.0 && fallback.height < 2400.0);
    }
}

#[test]
fn the_svg_fallback_is_well_formed_and_parses() {
    let fonts = pictures::fonts().expect("font");
    for loc in langs() {
        let (_, fallback) = pictures::default_pictures(loc, None).expect("pictures");
        let svg = fallback.to_svg();
        let options = resvg::usvg::Options {
            fontdb: fonts.clone(),
            ..Default::default()
        };
        let tree = resvg::usvg::Tree::from_str(&svg, &options).expect("valid SVG");
        assert_eq!(tree.size().width(), 1200.0);
    }
}

#[test]
fn hostile_text_stays_text_in_a_picture() {
    let p = Picture {
        width: 100.0,
        height: 100.0,
        items: vec![Item::Text(picture::Text {
            x: 0.0,
            y: 10.0,
            px: 10.0,
            bold: false,
            fill: picture::colour::FG,
            anchor: chart::Anchor::Start,
            halo: false,
            text: "</text><script>alert(1)</script>".into(),
        })],
        alt: "<img src=x onerror=alert(1)>".into(),
    };
    let svg = p.to_svg();
    assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
    let fonts = pictures::fonts().expect("font");
    let options = resvg::usvg::Options {
        fontdb: fonts,
        ..Default::default()
    };
    assert!(resvg::usvg::Tree::from_str(&svg, &options).is_ok());
}

/// A picture's colours are the light theme's, as `widget.css` declares them.
#[test]
fn the_palette_is_the_light_themes() {
    let css = include_str!("../static/widget.css");
    for (name, value) in picture::colour::ALL {
        let decl = format!("{name}: light-dark({value}, ");
        assert!(css.contains(&decl), "widget.css lacks {decl}");
    }
}

/// `picture::capitals` maps ASCII case only. Every heading the pictures can put in
/// capitals (each language, each month a view can rewind to) must come out as full
/// Unicode case mapping would write it; a language with other cased letters fails here.
#[test]
fn headings_in_capitals_need_only_ascii_case_mapping() {
    use phase_one::core::format::{Format, MonthStyle};
    use phase_one::core::month::{DEAL_END, DEAL_START};
    for loc in langs() {
        let f = Fmt::new(loc, false);
        let s = loc.strings;
        let mut headings = vec![s.verdict_heading_end.to_string()];
        for m in DEAL_START.prev().through(DEAL_END.next()) {
            let month = f.month(m, MonthStyle::Long);
            headings.push(locale::fill(s.verdict_heading, &[("month", &month)]));
        }
        for h in headings {
            assert_eq!(picture::capitals(&h), h.to_uppercase(), "{:?}", loc.lang);
        }
    }
    // The check can fail: a cased letter outside ASCII is left as it is.
    assert_ne!(picture::capitals("à"), "à".to_uppercase());
}
