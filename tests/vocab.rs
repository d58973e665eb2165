//! One vocabulary for codes: every enum that crosses the URL, the data files or the
//! strings reads back what it writes, and the typed filter sets round-trip in links.
#![cfg(not(target_arch = "wasm32"))]

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
    use phase_one::core::data::{Basis, Category, Record, Unit};
    use phase_one::core::locale::Lang;
    use phase_one::core::model::Preset;
    use phase_one::core::problem::Msg;
    use phase_one::core::timeline::{Actor, App, PeriodFilter, Precision};
    use phase_one::core::url_state::{Theme, View};
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
    assert_eq!(
        PeriodFilter::from_code("2020-2021"),
        Some(PeriodFilter::Deal),
        "alias"
    );
}
