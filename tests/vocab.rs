//! One vocabulary for codes: every enum that crosses the URL, the data files or the
//! strings reads back what it writes, and the typed filter sets round-trip in links.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use phase_one::core::vocab::{Code, Set};

/// A vocabulary's codes read back what they write.
fn round_trips<T: Code + std::fmt::Debug>() {
    let mut seen = std::collections::BTreeSet::new();
    for (i, v) in T::ALL.iter().copied().enumerate() {
        assert_eq!(T::from_code(v.code()), Some(v), "{v:?}");
        assert_eq!(v.index(), i, "{v:?}");
        assert!(seen.insert(v.code()), "{} is used twice", v.code());
        assert!(!v.code().is_empty() && !v.code().contains([',', ' ', '&', '=']));
    }
    assert_eq!(T::from_code(""), None);
    assert_eq!(T::from_code("no-such-code"), None);
}

/// A vocabulary that filters take sets of (at most 64 kinds, or `Set` doesn't compile):
/// its codes round-trip, and so does every subset in a link.
fn round_trips_in_sets<T: Code + std::fmt::Debug>() {
    round_trips::<T>();
    // Every subset survives a link: to text and back (sets reserve "all" and "none", so
    // an enum that uses either as a code is never put in a set).
    if T::ALL.iter().any(|v| matches!(v.code(), "all" | "none")) {
        return;
    }
    for bits in 0u32..(1 << T::ALL.len().min(8)) {
        let set = T::ALL
            .iter()
            .enumerate()
            .fold(Set::<T>::none(), |s, (i, v)| {
                s.with(*v, i < 8 && bits & (1 << i) != 0)
            });
        assert_eq!(Set::<T>::parse(&set.to_code()), Some(set));
    }
}

#[test]
fn every_coded_enum_round_trips() {
    use phase_one::core::data::{Basis, Category, Record, Scope, Unit};
    use phase_one::core::locale::Lang;
    use phase_one::core::locale::SourceKind;
    use phase_one::core::model::Preset;
    use phase_one::core::problem::Msg;
    use phase_one::core::sources::Tier;
    use phase_one::core::timeline::{Actor, App, Events, PeriodFilter, Precision};
    use phase_one::core::url_state::{Guess, Theme, View};
    round_trips::<Basis>();
    round_trips::<Category>();
    round_trips::<Record>();
    round_trips::<Unit>();
    round_trips::<Lang>();
    round_trips::<Preset>();
    round_trips::<Msg>();
    round_trips_in_sets::<App>();
    round_trips_in_sets::<Actor>();
    for code in App::ALL
        .map(App::code)
        .iter()
        .chain(&Actor::ALL.map(Actor::code))
    {
        assert!(
            !matches!(*code, "all" | "none"),
            "filter sets reserve {code}"
        );
    }
    round_trips::<PeriodFilter>();
    round_trips::<Precision>();
    round_trips::<Theme>();
    round_trips::<View>();
    round_trips::<Guess>();
    round_trips::<Events>();
    round_trips::<Scope>();
    round_trips::<Tier>();
    round_trips::<SourceKind>();
    assert_eq!(
        PeriodFilter::from_code("2020-2021"),
        Some(PeriodFilter::Deal),
        "alias"
    );
}

/// Every enum declared with `codes!` is in the round trip above: a new one can't be
/// forgotten (the list is read from the sources, not from the macro).
#[test]
fn the_round_trip_lists_every_coded_enum() {
    let this = std::fs::read_to_string("tests/vocab.rs").expect("this file");
    let mut names = Vec::new();
    // (`vocab.rs` itself declares one in its own unit tests.)
    for f in common::rust_files("src")
        .into_iter()
        .filter(|f| !f.ends_with("vocab.rs"))
    {
        let text = std::fs::read_to_string(&f).expect("a source");
        for block in text.split("crate::codes! {\n").skip(1) {
            let name = block
                .split("pub enum ")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .expect("an enum in codes!");
            names.push(name.to_string());
        }
    }
    assert!(names.len() >= 15, "{names:?}");
    for n in names {
        assert!(
            this.contains(&format!("round_trips::<{n}>()"))
                || this.contains(&format!("round_trips_in_sets::<{n}>()")),
            "{n} is declared with codes! but not round-tripped"
        );
    }
}

/// The codes a link, an embed or a data file writes are public: renaming one breaks
/// every link and file that uses it. They are spelled out here, apart from the macro.
#[test]
fn the_public_codes_keep_their_spelling() {
    use phase_one::core::data::{Basis, Category, Scope};
    use phase_one::core::locale::Lang;
    use phase_one::core::model::Preset;
    use phase_one::core::timeline::{Actor, App, Events, PeriodFilter};
    use phase_one::core::url_state::{Guess, Theme, View};
    use phase_one::core::vocab::Code;
    fn codes<T: Code>() -> Vec<&'static str> {
        T::ALL.iter().map(|v| v.code()).collect()
    }
    assert_eq!(codes::<Basis>(), ["us", "cn"]);
    assert_eq!(codes::<View>(), ["simulator", "timeline", "both"]);
    assert_eq!(codes::<Theme>(), ["light", "dark", "auto"]);
    assert_eq!(codes::<Guess>(), ["off", "on"]);
    assert_eq!(codes::<Lang>(), ["en", "zh-Hans"]);
    assert_eq!(codes::<PeriodFilter>(), ["deal", "all"]);
    assert_eq!(codes::<Events>(), ["key", "all"]);
    assert_eq!(codes::<App>(), ["tiktok", "wechat"]);
    assert_eq!(
        codes::<Actor>(),
        [
            "white_house",
            "commerce",
            "treasury_cfius",
            "congress",
            "court",
            "company",
            "china_government"
        ]
    );
    assert_eq!(codes::<Preset>(), ["so-far", "2017", "needed", "actual"]);
    assert_eq!(
        codes::<Scope>(),
        [
            "goods_services",
            "goods",
            "manufactured",
            "agriculture",
            "energy",
            "services"
        ]
    );
    assert!(codes::<Category>().starts_with(&["manufactured", "agriculture", "energy"]));
}
