//! The languages' files: Simplified Chinese has a text for every string key and every
//! built-in event, with the English placeholders; figures and dates come out in its
//! conventions; and the checks catch what a translator can get wrong.
#![cfg(not(target_arch = "wasm32"))]

use phase_one::core::format::{Format, MonthStyle, PlainZh};
use phase_one::core::locale::{self, EN, Lang, Locale, SourceKind, Strings};
use phase_one::core::month::{Month, Precision};
use phase_one::core::problem::Msg;
use phase_one::core::text;
use phase_one::core::timeline::{self, Timeline};

const ZH_STRINGS: &str = include_str!("../static/locale/zh-Hans.csv");
const ZH_EVENTS: &str = include_str!("../static/data/timeline.zh-Hans.csv");
const ZH_SOURCES: &str = include_str!("../static/data/sources.zh-Hans.csv");

fn built_in() -> Timeline {
    timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).expect("the built-in timeline")
}

fn zh() -> Locale {
    let ds = phase_one::core::data::parse("purchases.csv", phase_one::core::data::BUILT_IN)
        .expect("the built-in purchase data");
    let files = [ZH_STRINGS, ZH_EVENTS, ZH_SOURCES];
    let (loc, problems) = locale::load(Lang::ZhHans, files, &built_in(), &ds);
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
    // Grouped from five digits only, as Chinese business papers write figures ("min2").
    assert_eq!(plain(&text::money(&zh, &f, 142.7)), "1427亿美元");
    assert_eq!(plain(&text::money(&zh, &f, 1234.5)), "12,345亿美元");
    assert_eq!(plain(&text::money(&zh, &f, -142.7)), "-1427亿美元");
    assert_eq!(plain(&text::money(&zh, &f, 32.94)), "329亿美元");
    assert_eq!(f.number(1234.5, 1), "1234.5");
    assert_eq!(f.number(12345.0, 0), "12,345");
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
        "1427\u{2060}亿\u{2060}美\u{2060}元"
    );
    // English is unchanged: the unit comes from the locale.
    assert_eq!(
        text::money(&EN, &phase_one::core::format::Plain, 142.7),
        "$142.7bn"
    );
}

/// The built-in purchase data, and the timeline's key moments as the widget starts with.
fn data_and_key_moments() -> (phase_one::core::data::Dataset, Timeline) {
    let ds = phase_one::core::data::parse("purchases.csv", phase_one::core::data::BUILT_IN)
        .expect("the built-in purchase data");
    let key = timeline::parse(timeline::FILE_NAME, timeline::KEY_MOMENTS)
        .expect("the key moments")
        .key_moments();
    (ds, key)
}

/// The widget starts with the key moments and fetches every event when a reader needs
/// them; the language's files, checked then against the key moments, keep the texts of
/// the events and outlets left out, and still report a row's own mistakes.
#[test]
fn checked_against_the_key_moments_the_texts_of_every_event_are_kept() {
    let (ds, key) = data_and_key_moments();
    assert!(key.omitted > 0);
    let files = [ZH_STRINGS, ZH_EVENTS, ZH_SOURCES];
    let (loc, problems) = locale::load(Lang::ZhHans, files, &key, &ds);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(text.is_empty(), "{text:#?}");
    // Every event's text, and every outlet's: the whole timeline, once it comes, reads
    // as the whole-file check gives it.
    let whole = zh();
    assert_eq!(loc.events, whole.events);
    assert_eq!(loc.translate(&built_in()), whole.translate(&built_in()));
    // When every event comes, the texts are checked against it: none has a problem.
    let (translated, problems) = loc.translate_whole(&built_in(), &ds);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(translated, whole.translate(&built_in()));

    // An event left out: its row is kept only if its own fields hold, and once.
    let left_out = built_in()
        .events
        .into_iter()
        .find(|e| !e.key)
        .expect("an event beyond the key moments");
    let file = format!(
        "id,title,annotation\n{id},,注释\n{id},标题,注释\n{id},又一个,注释\n",
        id = left_out.id
    );
    let (texts, problems) = locale::load_events("timeline.zh-Hans.csv", &file, &key);
    assert_eq!(
        texts.len(),
        0,
        "the first row's title is empty; the next repeats it"
    );
    let lines: Vec<(usize, Msg)> = problems
        .iter()
        .filter(|p| p.line > 0)
        .map(|p| (p.line, p.msg))
        .collect();
    assert_eq!(
        lines,
        [(2, Msg::BadTitle), (3, Msg::SlugTwice), (4, Msg::SlugTwice)]
    );
    let file = format!("id,title,annotation\n{},标题,注释\n", left_out.id);
    let (texts, problems) = locale::load_events("timeline.zh-Hans.csv", &file, &key);
    assert_eq!(texts.len(), 1);
    assert!(problems.iter().all(|p| p.msg == Msg::NoTranslation));
    // Against the whole timeline, an id it lacks is still a mistake.
    let file = "id,title,annotation\nnot-an-event,标题,注释\n";
    let (_, problems) = locale::load_events("timeline.zh-Hans.csv", file, &built_in());
    assert!(
        problems
            .iter()
            .any(|p| p.msg == Msg::UnknownEvent && p.line == 2)
    );
}

/// A kept row that would be wrong for its event (a chart label for an event without one,
/// or an id in no timeline) is found when every event comes: the problem named, the event
/// in English. Outlets likewise.
#[test]
fn a_languages_texts_are_checked_against_every_event_when_it_comes() {
    let (ds, key) = data_and_key_moments();
    let unlabelled = built_in()
        .events
        .into_iter()
        .find(|e| !e.key && e.label.is_empty() && e.sources.iter().all(|c| c.copy_reason.is_none()))
        .expect("an unlabelled event beyond the key moments");
    let prefix = format!("{},", unlabelled.id);
    let mut events: Vec<String> = ZH_EVENTS
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_string)
        .collect();
    assert_eq!(
        events[0],
        "id,title,annotation,instrument,label,copy_reason"
    );
    events.push(format!("{prefix}标题,注释,,标签,"));
    events.push("not-an-event,标题,注释,,,".to_string());
    let events = events.join("\n");
    let (loc, problems) = locale::load(Lang::ZhHans, [ZH_STRINGS, &events, ZH_SOURCES], &key, &ds);
    assert!(problems.is_empty(), "not yet: {problems:?}");
    let (translated, problems) = loc.translate_whole(&built_in(), &ds);
    let said: Vec<Msg> = problems.iter().map(|p| p.msg).collect();
    assert_eq!(said, [Msg::TextUnused, Msg::UnknownEvent], "{problems:?}");
    let event = translated
        .events
        .iter()
        .find(|e| e.id == unlabelled.id)
        .expect("the event");
    assert_eq!(event.title, unlabelled.title, "kept in English");
    assert!(event.label.is_empty());

    // Outlets: one only an event left out names is kept, once; an empty key never is;
    // against every event, an outlet no file names is a mistake.
    let sources = "kind,key,text\noutlet,Some Paper,某报\noutlet,Some Paper,某报\noutlet,,空\n";
    let (texts, problems) = locale::load_sources("sources.zh-Hans.csv", sources, &key, &ds);
    assert_eq!(texts.text(SourceKind::Outlet, "Some Paper"), Some("某报"));
    let lines: Vec<(usize, Msg)> = problems
        .iter()
        .filter(|p| p.line > 0)
        .map(|p| (p.line, p.msg))
        .collect();
    assert_eq!(lines, [(3, Msg::SlugTwice), (4, Msg::UnknownSourceKey)]);
    let (_, problems) = locale::load_sources("sources.zh-Hans.csv", sources, &built_in(), &ds);
    assert!(
        problems
            .iter()
            .any(|p| p.line == 2 && p.msg == Msg::UnknownSourceKey)
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
    // The headline says what happened, with the extra promised from the data, held on
    // one line by a span rather than by invisible characters.
    let headline =
        "中国承诺扩大自美采购商品和服务<span class=\"p1-nb\">2000亿美元</span>，增量部分全部落空";
    assert!(html.contains(headline));
    assert!(
        !render_zh(loc).contains('\u{2060}'),
        "no word joiner in the page"
    );
    assert!(html.contains("亿美元"), "money in 亿美元");
    assert!(html.contains("2020年6月"), "dates as 年月");
    // Events in Chinese: a translated title, not the English one (the page lists the key
    // moments).
    let events = built_in();
    let first = events.events.iter().find(|e| e.key).expect("a key moment");
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

// ---------------------------------------------------------------------------------------
// The glossary: one name for each thing, in every Chinese text.

const GLOSSARY: &str = include_str!("../static/glossary.zh-Hans.csv");
const GLOSSARY_FILE: &str = "static/glossary.zh-Hans.csv";
const STRINGS_FILE: &str = "static/locale/zh-Hans.csv";
const EVENTS_FILE: &str = "static/data/timeline.zh-Hans.csv";

/// Banned words still in rows that the lead engineer is rewriting (key, word). Each must
/// still be there: once a rewrite drops the word, the test asks for its line to go.
const PENDING: &[(&str, &str)] = &[];

/// One Chinese text: where it is (file, line, key or event id and field) and what it says.
struct ZhText {
    file: &'static str,
    line: usize,
    key: String,
    place: String,
    text: String,
}

fn table(file: &str, text: &str) -> phase_one::core::csv::Table {
    let mut problems = Vec::new();
    let table = phase_one::core::csv::parse(file, text, &mut problems);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(text.is_empty(), "{text:#?}");
    table
}

/// Every text of the two Chinese files: each string, and each event's title, annotation
/// and instrument.
fn zh_texts() -> Vec<ZhText> {
    let mut out = Vec::new();
    let strings = table(STRINGS_FILE, ZH_STRINGS);
    for row in &strings.rows {
        let key = strings.get(row, "key").to_string();
        out.push(ZhText {
            file: STRINGS_FILE,
            line: row.line,
            place: key.clone(),
            key,
            text: strings.get_raw(row, "text").to_string(),
        });
    }
    let events = table(EVENTS_FILE, ZH_EVENTS);
    for row in &events.rows {
        let id = events.get(row, "id");
        for field in ["title", "annotation", "instrument"] {
            out.push(ZhText {
                file: EVENTS_FILE,
                line: row.line,
                key: id.to_string(),
                place: format!("{id}, {field}"),
                text: events.get_raw(row, field).to_string(),
            });
        }
    }
    out
}

/// A glossary row: the forms to write (`use`, separated by `|`) and the variants banned
/// in their place (`avoid`). A variant inside a `use` form (外国投资委员会 in
/// 美国外国投资委员会) is not a hit.
struct Term {
    line: usize,
    term: String,
    uses: Vec<String>,
    avoid: Vec<String>,
}

fn split(list: &str) -> Vec<String> {
    list.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn glossary(text: &str) -> Vec<Term> {
    let t = table(GLOSSARY_FILE, text);
    for column in ["term", "use", "avoid", "note"] {
        assert!(
            t.column(column).is_some(),
            "{GLOSSARY_FILE}: no {column} column"
        );
    }
    t.rows
        .iter()
        .map(|row| {
            let term = Term {
                line: row.line,
                term: t.get(row, "term").to_string(),
                uses: split(t.get(row, "use")),
                avoid: split(t.get(row, "avoid")),
            };
            assert!(
                !term.term.is_empty() && !term.uses.is_empty(),
                "{GLOSSARY_FILE}, line {}: a row needs a term and the form to use",
                term.line
            );
            for v in &term.avoid {
                assert!(
                    !term.uses.contains(v),
                    "{GLOSSARY_FILE}, line {}: {v} is both used and avoided",
                    term.line
                );
            }
            term
        })
        .collect()
}

/// Every banned variant in the texts, as (key, variant, message).
fn banned(texts: &[ZhText], terms: &[Term]) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for t in texts {
        for term in terms {
            let mut text = t.text.clone();
            for u in &term.uses {
                text = text.replace(u.as_str(), "\u{FFFC}");
            }
            for v in term.avoid.iter().filter(|v| text.contains(v.as_str())) {
                out.push((
                    t.key.clone(),
                    v.clone(),
                    format!(
                        "{}, line {} ({}): “{v}” is banned by {GLOSSARY_FILE}, line {} ({}); \
                         write {}",
                        t.file,
                        t.line,
                        t.place,
                        term.line,
                        term.term,
                        term.uses.join(" / ")
                    ),
                ));
            }
        }
    }
    out
}

#[test]
fn the_chinese_texts_keep_to_the_glossary() {
    let terms = glossary(GLOSSARY);
    let hits = banned(&zh_texts(), &terms);
    let (pending, found): (Vec<_>, Vec<_>) = hits
        .iter()
        .partition(|(key, word, _)| PENDING.contains(&(key.as_str(), word.as_str())));
    let found: Vec<&String> = found.iter().map(|(_, _, m)| m).collect();
    assert!(found.is_empty(), "{found:#?}");
    for (key, word) in PENDING {
        assert!(
            pending.iter().any(|(k, w, _)| k == key && w == word),
            "{STRINGS_FILE}: {key} no longer has “{word}”; remove ({key:?}, {word:?}) from \
             PENDING in tests/locale.rs"
        );
    }
}

#[test]
fn the_glossary_check_names_the_file_line_and_word() {
    let terms = glossary(GLOSSARY);
    let text = |line: usize, text: &str| ZhText {
        file: EVENTS_FILE,
        line,
        key: "an-event".into(),
        place: "an-event, annotation".into(),
        text: text.into(),
    };
    let texts = [
        text(7, "北京表示，美中两国的外国投资委员会暂停禁令。"),
        // The right forms, and 北京 as a city, are not hits.
        text(
            8,
            "中方表示，中美两国的美国外国投资委员会（CFIUS）叫停禁令；北京时间。",
        ),
    ];
    let hits: Vec<String> = banned(&texts, &terms)
        .into_iter()
        .map(|(_, _, m)| m)
        .collect();
    for word in ["北京表示", "美中", "外国投资委员会", "暂停禁令"] {
        assert!(
            hits.iter()
                .any(|m| m.starts_with(&format!("{EVENTS_FILE}, line 7 "))
                    && m.contains(&format!("“{word}”"))
                    && m.contains(GLOSSARY_FILE)),
            "{word}: {hits:#?}"
        );
    }
    assert_eq!(hits.len(), 4, "{hits:#?}");
}

#[test]
fn no_thousands_separator_and_no_word_joiner_in_the_chinese_files() {
    let mut found = Vec::new();
    for t in zh_texts() {
        let chars: Vec<char> = t.text.chars().collect();
        let digit = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
        for (i, c) in chars.iter().enumerate() {
            if *c == ',' && i > 0 && digit(i - 1) && (1..=3).all(|d| digit(i + d)) {
                let around: String = chars[i.saturating_sub(4)..(i + 6).min(chars.len())]
                    .iter()
                    .collect();
                found.push(format!(
                    "{}, line {} ({}): a thousands separator in “{around}” (write 2000亿, \
                     not 2,000亿)",
                    t.file, t.line, t.place
                ));
            }
            if *c == '\u{2060}' {
                found.push(format!(
                    "{}, line {} ({}): a word joiner (U+2060); the formatter adds its own",
                    t.file, t.line, t.place
                ));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_year_reads_as_a_chinese_year_single_or_both() {
    use phase_one::core::data::Period;
    let zh = zh();
    let single = zh.period(Period::Year(2020));
    let both = zh.period(Period::TwoYears);
    assert_eq!(both, "2020—2021", "the templates add 年");
    for key in Strings::KEYS {
        let template = zh.strings.get(key).unwrap_or_default();
        if !template.contains("{year}") {
            continue;
        }
        for (year, reads) in [(&single, "2020年"), (&both, "2020—2021年")] {
            let text = locale::fill(template, &[("year", year)]);
            assert!(
                text.contains(reads) && !text.contains("年年"),
                "{key}: {text}"
            );
        }
    }
}
