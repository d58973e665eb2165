//! The widget rendered natively with Yew's SSR (as the prerender is): the verdict and the
//! events are there, a broken built-in file shows an error, and every word a component
//! renders comes from the locale or the data files, never from a literal in a component.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use phase_one::core::locale::{EN, Strings};
use phase_one::core::url_state;
use phase_one::ui::Init;

mod common;
use common::render;

fn render_query(query: &str) -> String {
    render(Init {
        params: url_state::parse_query(query),
        ..Init::default()
    })
}

/// The text a reader sees or hears: text nodes and the accessible attributes. Embed
/// snippets (code in a `<textarea>`) are code, not words.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut code = String::new();
    while let Some(i) = rest.find("<textarea") {
        code.push_str(&rest[..i]);
        rest = rest[i..].find("</textarea>").map_or("", |j| &rest[i + j..]);
    }
    code.push_str(rest);
    let mut rest = code.as_str();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let tag_end = if rest[lt..].starts_with("<!--") {
            rest[lt..].find("-->").map(|i| lt + i + 3)
        } else {
            rest[lt..].find('>').map(|i| lt + i + 1)
        };
        let Some(end) = tag_end else { break };
        let tag = &rest[lt..end];
        for attr in [
            "aria-label",
            "aria-valuetext",
            "title",
            "alt",
            "placeholder",
        ] {
            let key = format!(" {attr}=\"");
            if let Some(i) = tag.find(&key) {
                let v = &tag[i + key.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push(' ');
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Words of two or more Latin letters.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_string)
        .collect()
}

/// Every word the locale, the formatter's month names and the data files can supply.
fn allowed() -> BTreeSet<String> {
    let mut corpus = String::new();
    for key in Strings::KEYS {
        corpus.push_str(EN.strings.get(key).unwrap_or_default());
        corpus.push(' ');
    }
    let f = phase_one::core::format::Plain;
    for m in phase_one::core::month::Month::january(2020)
        .through(phase_one::core::month::Month::december(2020))
    {
        use phase_one::core::format::{Format, MonthStyle};
        corpus.push_str(&f.month(m, MonthStyle::Long));
        corpus.push(' ');
        corpus.push_str(&f.month(m, MonthStyle::Short));
        corpus.push(' ');
    }
    // The address of this view (printed under the widget): the option names.
    for name in url_state::own_names() {
        corpus.push_str(name);
        corpus.push(' ');
    }
    // The data files, and their names (notices name the file).
    corpus.push_str(phase_one::core::data::FILE_NAME);
    corpus.push(' ');
    corpus.push_str(phase_one::core::data::BUILT_IN);
    corpus.push_str(phase_one::core::timeline::BUILT_IN);
    words(&corpus)
}

fn strays(html: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    words(&visible_text(html))
        .into_iter()
        .filter(|w| !allowed.contains(w))
        .collect()
}

#[test]
fn renders_the_default_verdict_and_the_events() {
    let html = render_query("");
    let text = visible_text(&html);
    assert!(text.contains("2020: $65.8bn of $142.7bn — missed by $76.9bn (46% of target)"));
    // The story first: what happened, with the figures from the data and their scope.
    assert!(text.contains(
        "China promised to buy $200bn more in US goods and services. It bought none of the \
             extra."
    ));
    assert!(text.contains("China bought 57% of the American goods and services it had promised"));
    assert!(text.contains("$13.6bn less than two years at its 2017 level"));
    assert!(text.contains("Of the goods alone, it bought 60%."));
    assert!(
        text.contains(
            "Why TikTok and WeChat are here: by the end of June 2020 China had bought 23%"
        )
    );
    assert!(text.contains("Rewind to June 2020: what pace would have met the targets?"));
    assert!(
        html.contains("data-event-id=\"2020-08-eo-13942-orders-ban\""),
        "an event"
    );
    assert!(
        text.contains("Trump orders a ban on transactions with TikTok"),
        "an event's title"
    );
    assert!(!html.contains("data-testid=\"notice\""));
}

#[test]
fn no_component_renders_a_word_of_its_own() {
    let allowed = allowed();
    let planted = render_query("").replace("</h1>", " Zebra</h1>");
    assert_eq!(
        strays(&planted, &allowed),
        ["Zebra"],
        "the check must catch a stray"
    );
    for query in [
        "",
        "?basis=cn&asof=2020-06",
        "?basis=us&asof=2021-11&mfg=40&ag=20&energy=30",
        "?view=timeline&apps=wechat&period=deal",
        "?basis=us&asof=2020-01&mfg=0&ag=0&energy=0",
    ] {
        let html = render_query(query);
        let strays = strays(&html, &allowed);
        assert!(
            strays.is_empty(),
            "{query}: words not in the locale: {strays:?}"
        );
    }
}

#[test]
fn broken_built_in_data_show_an_error_not_an_empty_box() {
    let broken = "record,id\nnonsense,1\n";
    let html = render(Init {
        built_in: Some((broken, phase_one::core::timeline::BUILT_IN)),
        ..Init::default()
    });
    let text = visible_text(&html);
    assert!(html.contains("data-testid=\"notice\""), "{html}");
    assert!(
        text.contains("The widget's own data could not be read"),
        "{text}"
    );
    assert!(text.contains("purchases.csv, line 1"), "{text}");
    // Words quoted from the broken file are the file's own; nothing else is a stray.
    let mut allowed = allowed();
    allowed.extend(words(broken));
    let strays = strays(&html, &allowed);
    assert!(strays.is_empty(), "{strays:?}");
}
