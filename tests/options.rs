//! One table of options (`url_state::OPTIONS`): every option reads from a link, and
//! README's table of options says what the table says.
#![cfg(not(target_arch = "wasm32"))]

use phase_one::core::data::Basis;
use phase_one::core::locale::Lang;
use phase_one::core::timeline::{Actor, App, Events, PeriodFilter};
use phase_one::core::url_state::{
    self, Guess, LinkRule, OPTIONS, Params, RATE_PARAMS, Theme, View,
};
use phase_one::core::vocab::Code;

#[test]
fn every_option_reads_its_example_from_a_link_an_attribute_and_an_article() {
    for o in OPTIONS {
        let query = format!("?{}={}", o.name, o.example);
        let p = url_state::parse_query(&query);
        assert!(p.ignored.is_empty(), "{query}: ignored {:?}", p.ignored);
        assert_ne!(p, Params::default(), "{query} set nothing");
        // An article's `p1.` parameters say the same.
        let prefixed = url_state::parse_prefixed(&format!("?p1.{}={}", o.name, o.example), "p1.");
        assert_eq!(prefixed, p, "p1.{}", o.name);
        // And so does a `data-` attribute (its name without the prefix).
        let attr = url_state::from_pairs([(o.name.to_string(), o.example.to_string())]);
        assert_eq!(attr, p, "data-{}", o.name);
        assert!(url_state::is_own_name(o.name));
    }
    for (name, _) in RATE_PARAMS {
        assert!(url_state::is_own_name(name));
    }
    assert!(!url_state::is_own_name("utm_source"));
}

#[test]
fn a_link_sets_the_view_but_not_the_publishers_files() {
    for o in OPTIONS {
        let publisher = url_state::parse_query(&format!("?{}={}", o.name, o.example));
        let link = url_state::from_pairs([(o.name.to_string(), "/other.csv".to_string())]);
        let merged = publisher.clone().overlay_link(link.clone());
        match o.link {
            LinkRule::PublisherWins => assert_eq!(merged, publisher, "{}", o.name),
            LinkRule::LinkWins if link.ignored.is_empty() => {
                assert_eq!(merged, publisher.overlay(link), "{}", o.name)
            }
            LinkRule::LinkWins => {}
        }
    }
}

#[test]
fn the_readme_table_of_options_is_the_table() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let table: Vec<&str> = readme
        .split("### Options")
        .nth(1)
        .expect("an Options section")
        .lines()
        .skip_while(|l| !l.starts_with("| option |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    for o in OPTIONS {
        let row = format!(
            "| `{}` | {} | {} | `?{}={}`",
            o.name, o.values, o.default, o.name, o.example
        );
        assert!(
            table.iter().any(|l| l.starts_with(&row)),
            "README's options table has no row starting:\n{row}"
        );
    }
    // Nothing in the README's table that the widget doesn't read: the rates, the host
    // page's attribute and the event fragment are documented there by hand.
    for line in &table {
        let name = line.split('`').nth(1).unwrap_or("");
        let known = OPTIONS.iter().any(|o| o.name == name)
            || RATE_PARAMS.iter().any(|(n, _)| *n == name)
            || name == "data-phase-one-data-origins"
            || name.starts_with("#event-");
        assert!(
            known,
            "README documents an option the widget doesn't read: {name}"
        );
    }
}

/// Every value a coded option takes is in its documented values, and every language's page
/// in `lang`'s default: a new language, view or app can't go undocumented (README's table
/// is the options table, checked above).
#[test]
fn every_coded_value_is_documented() {
    fn codes<T: Code>() -> Vec<&'static str> {
        T::ALL.iter().map(|c| c.code()).collect()
    }
    let table = [
        ("view", codes::<View>()),
        ("basis", codes::<Basis>()),
        ("apps", codes::<App>()),
        ("actors", codes::<Actor>()),
        ("period", codes::<PeriodFilter>()),
        ("events", codes::<Events>()),
        ("theme", codes::<Theme>()),
        ("guess", codes::<Guess>()),
        ("lang", codes::<Lang>()),
    ];
    for (name, codes) in table {
        let o = OPTIONS.iter().find(|o| o.name == name).expect(name);
        for c in codes {
            let quoted = format!("`{c}`");
            assert!(
                o.values.contains(&quoted),
                "{name}: {quoted} not in {:?}",
                o.values
            );
        }
    }
    let lang = OPTIONS.iter().find(|o| o.name == "lang").expect("lang");
    for l in Lang::ALL.iter().filter(|l| **l != Lang::default()) {
        assert!(
            lang.default.contains(l.page()),
            "{}: {:?}",
            l.page(),
            lang.default
        );
    }
}
