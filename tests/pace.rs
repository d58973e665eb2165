//! The pace that matters, its split among the categories, the categories' own results,
//! the held scales and the basis round trip.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use phase_one::core::data::{Basis, Category};
use phase_one::core::derived::Derived;
use phase_one::core::model::{self, Rates, Scenario};
use phase_one::core::pace::{self, Why};
use phase_one::core::state::{Action, BasisRates, HoldBy, State};
use phase_one::core::{timeline, url_state};
use proptest::prelude::*;

mod common;
use common::{ds, m};

fn scenario(basis: Basis, asof: &str, rates: [f64; 4]) -> Scenario {
    Scenario {
        basis,
        asof: m(asof),
        rates: Rates {
            manufactured: rates[0],
            agriculture: rates[1],
            energy: rates[2],
            total: rates[3],
        },
    }
}

#[test]
fn the_pace_that_matters_is_for_the_first_open_target() {
    let ds = ds();
    let at = |asof: &str| {
        let e = model::evaluate(ds, &scenario(Basis::Us, asof, [3.0, 1.0, 0.5, 0.0])).unwrap();
        (pace::focus(&e), e)
    };
    // June 2020: both years open; 2020 falls due first, from July.
    let (f, e) = at("2020-06");
    let f = f.unwrap();
    assert_eq!((f.year, f.why, f.from), (2020, Why::FirstDue, m("2020-07")));
    assert_eq!(Some(f.needed), e.years[0].needed);
    assert!((f.yours - 4.5).abs() < 1e-9);
    assert!(!f.met());
    // December 2020: 2020 is over, so 2021 is the only target left, from January.
    let f = at("2020-12").0.unwrap();
    assert_eq!((f.year, f.why, f.from), (2021, Why::OnlyOpen, m("2021-01")));
    // March 2021: 2021, from April.
    let f = at("2021-03").0.unwrap();
    assert_eq!((f.year, f.why, f.from), (2021, Why::OnlyOpen, m("2021-04")));
    // The last month with data: nothing is left to set a pace for.
    let last = *model::cutoffs(ds, Basis::Us).last().unwrap();
    assert!(at(&last.to_string()).0.is_none());
}

#[test]
fn the_shared_need_splits_the_total_by_the_categories_targets() {
    let ds = ds();
    for year in [2020, 2021] {
        let shared = pace::shared_need(ds, Basis::Us, year, 18.0);
        assert_eq!(shared.len(), 3);
        let sum: f64 = shared.iter().map(|(_, v)| v).sum();
        assert!((sum - 18.0).abs() < 1e-9, "{year}: {sum}");
        let target = |c| ds.target(Basis::Us, year, c).unwrap().value;
        let all: f64 = Category::SPLIT.iter().map(|c| target(*c)).sum();
        for (c, v) in shared {
            assert!((v - 18.0 * target(c) / all).abs() < 1e-9, "{c:?}");
        }
        // Nothing needed: nothing to share.
        assert!(
            pace::shared_need(ds, Basis::Us, year, 0.0)
                .iter()
                .all(|(_, v)| *v == 0.0)
        );
    }
    // The Chinese-import basis has no category figures to split by.
    assert!(pace::shared_need(ds, Basis::Cn, 2020, 18.0).is_empty());
}

#[test]
fn each_category_has_its_own_results_and_series() {
    let ds = ds();
    let sc = scenario(Basis::Us, "2020-06", [3.92, 1.09, 0.48, 0.0]);
    let d = Derived::new(ds, &sc, None);
    assert_eq!(d.categories.len(), 3);
    let e = d.eval.as_ref().unwrap();
    for y in 0..2 {
        let sum: f64 = d
            .categories
            .iter()
            .map(|v| v.result.years[y].projected)
            .sum();
        assert!((sum - e.years[y].projected).abs() < 1e-6, "year {y}: {sum}");
    }
    // The manufactured-goods target path ends at its target.
    let mfg = d.category(Category::Manufactured).unwrap();
    let dec = mfg
        .result
        .series
        .iter()
        .find(|p| p.month == m("2020-12"))
        .unwrap();
    let target = ds
        .target(Basis::Us, 2020, Category::Manufactured)
        .unwrap()
        .value;
    assert!((dec.target - target).abs() < 1e-9);
    // The final counts give shares for manufactured goods and agriculture, not energy.
    let share = |c| {
        d.category(c)
            .unwrap()
            .final_share
            .map(|i| ds.outcomes[i].figure.value)
    };
    assert_eq!(share(Category::Manufactured), Some(59.0));
    assert_eq!(share(Category::Agriculture), Some(83.0));
    assert_eq!(share(Category::Energy), None);
    // Each slider's mark: its share of the pace needed for 2020.
    let marks: f64 = d.categories.iter().filter_map(|v| v.shared_need).sum();
    assert!((marks - d.focus.unwrap().needed).abs() < 1e-9);
    // One total rate on the Chinese-import basis: no category charts.
    let cn = Derived::new(
        ds,
        &scenario(Basis::Cn, "2020-06", [0.0, 0.0, 0.0, 8.0]),
        None,
    );
    assert!(cn.categories.is_empty());
}

#[test]
fn a_rate_typed_beyond_its_slider_is_off_the_scale() {
    let ds = ds();
    let sc = scenario(Basis::Us, "2020-06", [3.92, 1.09, 0.48, 0.0]);
    let max = Derived::new(ds, &sc, None).slider_max(Category::Energy);
    let mut beyond = sc;
    beyond.rates.energy = max + 5.0;
    let d = Derived::new(ds, &beyond, None);
    assert!(d.category(Category::Energy).unwrap().off_scale);
    assert!(!d.category(Category::Agriculture).unwrap().off_scale);
    // Its chart keeps the scale of the slider's range: the projection runs off the top.
    let at_max = {
        let mut s = sc;
        s.rates.energy = max;
        Derived::new(ds, &s, None)
    };
    assert_eq!(
        d.category(Category::Energy).unwrap().top,
        at_max.category(Category::Energy).unwrap().top
    );
}

fn state(query: &str) -> State {
    let tl = timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).unwrap();
    State::new(
        Rc::new(ds().clone()),
        Rc::new(tl),
        url_state::parse_query(query),
        None,
    )
}

#[test]
fn held_scales_stay_until_the_slider_is_let_go() {
    let s = state("?basis=us&asof=2020-06");
    let before = Derived::new(&s.data, &s.scenario, None);
    let s = s.reduce(Action::Hold(HoldBy::Pointer, Rc::new(before.tops())));
    let s = s.reduce(Action::SetRate(Category::Manufactured, 30.0));
    let held = Derived::new(&s.data, &s.scenario, s.hold.as_ref().map(|h| &*h.tops));
    let free = Derived::new(&s.data, &s.scenario, None);
    assert_eq!(
        held.tops(),
        before.tops(),
        "the scales hold while the slider is held"
    );
    assert_ne!(
        free.scale_top, before.scale_top,
        "the test moves the scale when not held"
    );
    // A key let go doesn't end a pointer's hold; the pointer's release does.
    let s = s.reduce(Action::Release(HoldBy::Key));
    assert!(s.hold.is_some());
    let s = s.reduce(Action::Release(HoldBy::Pointer));
    assert!(s.hold.is_none());
}

#[test]
fn a_basis_round_trip_keeps_the_readers_place() {
    let s = state("?basis=us&asof=2020-07");
    let s = s.reduce(Action::SetRate(Category::Manufactured, 6.5));
    let us = s.scenario;
    // Chinese imports have no July 2020 figure: June, and the line says so.
    let cn = s.reduce(Action::SetBasis(Basis::Cn));
    assert_eq!(cn.scenario.asof, m("2020-06"));
    let change = cn.basis_change.unwrap();
    assert_eq!(change.asof, Some((m("2020-07"), m("2020-06"))));
    assert_eq!(change.rates, BasisRates::OneTotal);
    // A rate set on the Chinese basis doesn't move the cut-off the reader chose.
    let cn = cn.reduce(Action::SetRate(Category::Total, 9.0));
    assert!(
        cn.basis_change.is_none(),
        "the line goes once the reader moves on"
    );
    let back = cn.reduce(Action::SetBasis(Basis::Us));
    assert_eq!(back.scenario, us, "the same cut-off and rates");
    assert_eq!(back.basis_change.unwrap().rates, BasisRates::Restored);
    assert_eq!(back.basis_change.unwrap().asof, None);
    // And to the Chinese basis again: its own rate, as left.
    let again = back.reduce(Action::SetBasis(Basis::Cn));
    assert_eq!(again.scenario.rates.total, 9.0);
    // A cut-off chosen on the Chinese basis is the one the US basis returns to.
    let oct = again.reduce(Action::SetAsof(m("2020-09")));
    let us_oct = oct.reduce(Action::SetBasis(Basis::Us));
    assert_eq!(us_oct.scenario.asof, oct.scenario.asof);
}

proptest! {
    /// The total's projection is the categories' projections added up, and a slider moves
    /// its own category alone.
    #[test]
    fn categories_add_up_and_move_alone(
        k in 0usize..23,
        rates in [0.0f64..40.0, 0.0f64..20.0, 0.0f64..30.0],
        which in 0usize..3,
        by in 0.1f64..10.0,
    ) {
        let ds = ds();
        let cut = model::cutoffs(ds, Basis::Us);
        let asof = cut[k % cut.len()];
        let sc = Scenario { basis: Basis::Us, asof, rates: Rates { manufactured: rates[0], agriculture: rates[1], energy: rates[2], total: 0.0 } };
        let d = Derived::new(ds, &sc, None);
        let e = d.eval.as_ref().unwrap();
        for y in 0..2 {
            let sum: f64 = d.categories.iter().map(|v| v.result.years[y].projected).sum();
            prop_assert!((sum - e.years[y].projected).abs() < 1e-6);
        }
        let c = Category::SPLIT[which];
        let mut moved = sc;
        moved.rates.set(c, sc.rates.get(c) + by);
        let d2 = Derived::new(ds, &moved, None);
        for (a, b) in d.categories.iter().zip(&d2.categories) {
            if a.result.category == c {
                continue;
            }
            prop_assert_eq!(&a.result, &b.result);
        }
        if let Some(f) = d.focus {
            let shared: f64 = d.categories.iter().filter_map(|v| v.shared_need).sum();
            prop_assert!((shared - f.needed).abs() < 1e-6);
        }
    }
}
