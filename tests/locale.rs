//! The languages' files: Simplified Chinese has a text for every string key and every
//! built-in event, with the English placeholders; figures and dates come out in its
//! conventions; and the checks catch what a translator can get wrong.
#![cfg(not(target_arch = "wasm32"))]

use phase_one::core::format::{Format, MonthStyle, PlainZh};
use phase_one::core::locale::{self, EN, Lang, Locale, Strings};
use phase_one::core::month::{Month, Precision};
use phase_one::core::problem::Msg;
use phase_one::core::text;
use phase_one::core::timeline::{self, Timeline};

const ZH_STRINGS: &str = include_str!("../static/locale/zh-Hans.csv");
const ZH_EVENTS: &str = include_str!("../static/data/timeline.zh-Hans.csv");

fn built_in() -> Timeline {
    timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).expect("the built-in timeline")
}

fn zh() -> Locale {
    let (loc, problems) = locale::load(Lang::ZhHans, ZH_STRINGS, ZH_EVENTS, &built_in());
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(text.is_empty(), "{text:#?}");
    loc
}

/// Drops the invisible word joiners that keep figures whole.
fn plain(s: &str) -> String {
    s.replace('\u{2060}', "")
}

#[test]
fn every_key_and_every_event_has_a_chinese_text() {
    let zh = zh();
    for key in Strings::KEYS {
        let text = zh.strings.get(key).unwrap_or_default();
        assert!(!text.trim().is_empty(), "{key}");
    }
    // Translated, not copied: only names, symbols and formats may read as in English.
    const SAME: &[&str] = &["percent_exact", "app_tiktok", "missing", "marker_caption"];
    for key in Strings::KEYS.iter().filter(|k| !SAME.contains(k)) {
        assert_ne!(
            zh.strings.get(key),
            EN.strings.get(key),
            "{key} is still English"
        );
    }
    let events = built_in();
    assert_eq!(zh.events.len(), events.events.len());
    let translated = zh.translate(&events);
    for (en, zh) in events.events.iter().zip(&translated.events) {
        assert_ne!(en.title, zh.title, "{}", en.id);
        assert_ne!(en.annotation, zh.annotation, "{}", en.id);
        assert!(zh.title.chars().any(|c| c >= '\u{4E00}'), "{}", en.id);
    }
}

#[test]
fn figures_and_dates_in_chinese_conventions() {
    let zh = zh();
    let f = PlainZh;
    assert_eq!(plain(&text::money(&zh, &f, 142.7)), "1,427亿美元");
    assert_eq!(plain(&text::money(&zh, &f, 32.94)), "329亿美元");
    assert_eq!(plain(&text::money_rate(&zh, &f, 4.2)), "每月42亿美元");
    assert_eq!(plain(&text::rate_label(&zh, &f, 3.92)), "每月39.2亿美元");
    assert_eq!(plain(&text::rate_label(&zh, &f, 4.0)), "每月40亿美元");
    // The axis labels are numbers alone; the axis note names the unit.
    assert_eq!(text::tick(&zh, &f, 40.0), "400");
    assert!(zh.strings.chart_axis_note.contains("亿美元"));
    assert_eq!(f.percent(0.629), "63%");
    let june = Month::new(2020, 6).expect("a month");
    assert_eq!(plain(&f.month(june, MonthStyle::Long)), "2020年6月");
    assert_eq!(plain(&f.month(june, MonthStyle::Abbrev)), "6月");
    assert_eq!(plain(&f.date((2020, 8, 6), Precision::Day)), "2020年8月6日");
    // Joined, so a line never breaks inside a figure or a date.
    assert_eq!(
        text::money(&zh, &f, 142.7),
        "1,427\u{2060}亿\u{2060}美\u{2060}元"
    );
    // English is unchanged: the unit comes from the locale.
    assert_eq!(
        text::money(&EN, &phase_one::core::format::Plain, 142.7),
        "$142.7bn"
    );
}

#[test]
fn a_translators_mistakes_are_reported_with_line_and_field() {
    let file = "key,text\nheadline,\ndek,没有占位符\nno_such_key,文字\nheadline,标题\n";
    let (strings, problems) = locale::load_strings("zh-Hans.csv", file);
    let at = |msg: Msg| {
        problems
            .iter()
            .find(|p| p.msg == msg)
            .map(|p| (p.line, p.field.clone()))
    };
    assert_eq!(at(Msg::NoText), Some((2, Some("text".into()))));
    assert_eq!(at(Msg::Placeholders), Some((3, Some("text".into()))));
    assert_eq!(at(Msg::UnknownKey), Some((4, Some("key".into()))));
    // A key given twice after an empty first row is still reported, not silently used.
    assert!(
        problems
            .iter()
            .any(|p| p.msg == Msg::SlugTwice && p.line == 5)
    );
    // What can't be used keeps the English, so no reader meets a hole or a {placeholder}.
    assert_eq!(strings.dek, EN.strings.dek);
    assert_eq!(strings.headline, EN.strings.headline);
    // Every key the file lacks is named.
    assert!(
        problems
            .iter()
            .any(|p| p.msg == Msg::NoText && p.args.iter().any(|(_, v)| v == "money"))
    );

    let events = built_in();
    let first = &events.events[0];
    let file = format!(
        "id,title,annotation\n{},,注释\nnot-an-event,标题,注释\n",
        first.id
    );
    let (texts, problems) = locale::load_events("timeline.zh-Hans.csv", &file, &events);
    assert!(texts.is_empty());
    assert!(
        problems
            .iter()
            .any(|p| p.msg == Msg::BadTitle && p.line == 2 && p.field.as_deref() == Some("title"))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.msg == Msg::UnknownEvent && p.line == 3)
    );
    // An event with no row at all points at its line in timeline.csv.
    let second = &events.events[1];
    let missing = problems
        .iter()
        .find(|p| p.msg == Msg::NoTranslation && p.to_string().contains(&second.id))
        .expect("the untranslated event is named");
    assert!(
        missing
            .to_string()
            .contains(&format!("line {}", second.line)),
        "{missing}"
    );
}

#[test]
fn the_language_option_and_its_files() {
    assert_eq!(Lang::from_code("zh-Hans"), Some(Lang::ZhHans));
    assert_eq!(Lang::ZhHans.code(), "zh-Hans");
    assert_eq!(Lang::En.files(), None);
    assert_eq!(Lang::ZhHans.intl(), "zh-CN");
    assert_eq!(Locale::money_unit(Lang::ZhHans).per_billion, 10.0);
}

mod common;

/// The Chinese default view as the prerender renders it.
fn render_zh(loc: &'static Locale) -> String {
    use phase_one::core::url_state::Params;
    common::render(phase_one::ui::Init {
        params: Params {
            lang: Some(Lang::ZhHans),
            ..Params::default()
        },
        locale: Some(loc),
        ..phase_one::ui::Init::default()
    })
}

#[test]
fn the_chinese_view_has_no_english_interface_text() {
    let loc: &'static Locale = Box::leak(Box::new(zh()));
    let html = plain(&render_zh(loc));
    assert!(html.contains("lang=\"zh-Hans\""));
    assert!(html.contains(loc.strings.headline));
    assert!(html.contains("亿美元"), "money in 亿美元");
    assert!(html.contains("2020年6月"), "dates as 年月");
    // Events in Chinese: a translated title, not the English one.
    let events = built_in();
    let first = &events.events[0];
    let zh_first = loc.event(&first.id).expect("translated");
    assert!(html.contains(&zh_first.title));
    assert!(!html.contains(&first.title));
    // No English interface string (the words, not names or symbols) is left anywhere.
    for key in Strings::KEYS {
        let en = EN.strings.get(key).unwrap_or_default();
        let words = en.split('{').next().unwrap_or_default().trim();
        if words.split_whitespace().count() >= 3 {
            assert!(!html.contains(words), "{key}: {words}");
        }
    }
    // The switch leads to the English page, in English.
    let switch = html
        .find("data-testid=\"lang-switch\"")
        .map(|i| &html[i.saturating_sub(200)..i]);
    assert!(
        switch.is_some_and(|s| s.contains("href=\"index.html")),
        "{switch:?}"
    );
    assert!(html.contains(">English</a>"));
}
