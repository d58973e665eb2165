//! The deal model against the sourced figures, plus property tests.
#![cfg(not(target_arch = "wasm32"))]

use phase_one::core::data::Period;
use phase_one::core::data::{Basis, Category, Dataset};
use phase_one::core::derived::Derived;
use phase_one::core::model::{self, Preset, Rates, Scenario};
use phase_one::core::month::Month;
use proptest::prelude::*;

mod common;
use common::{ds, m};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn us_basis_reproduces_the_sourced_totals() {
    let ds = ds();
    let h1 = model::ytd(ds, Basis::Us, Category::Total, m("2020-06")).unwrap();
    assert!(close(h1, 32.9, 0.05), "Jan-Jun 2020 = {h1}");
    let y2020 = model::ytd(ds, Basis::Us, Category::Total, m("2020-12")).unwrap();
    assert!((89.1..=89.3).contains(&y2020), "2020 = {y2020}");
    let ytd_nov21 = model::ytd(ds, Basis::Us, Category::Total, m("2021-11")).unwrap();
    assert!(
        close(ytd_nov21, 100.987, 0.01),
        "2021 YTD Nov = {ytd_nov21}"
    );
    // PIIE's original-method checkpoints agree with the monthly series within revisions.
    for (k, f) in ds.ytd.iter().filter(|(k, _)| k.0 == Basis::Us) {
        let sum: f64 =
            k.1.year_start()
                .through(k.1)
                .map(|mo| model::month_value(ds, Basis::Us, mo, Category::Total).unwrap())
                .sum();
        assert!(
            close(sum, f.value, 0.3),
            "{}: {sum} vs PIIE {}",
            k.1,
            f.value
        );
    }
}

#[test]
fn default_view_reproduces_june_2020() {
    let ds = ds();
    let s = model::default_scenario(ds);
    assert_eq!(s.basis, Basis::Us);
    assert_eq!(s.asof, m("2020-06"));
    let e = model::evaluate(ds, &s).unwrap();
    let y = e.years[0];
    assert!(close(y.actual, 32.9, 0.05));
    assert!(
        close(y.actual / y.target, 0.23, 0.005),
        "share {}",
        y.actual / y.target
    );
    assert!(close(y.target, 142.7, 0.05));
    assert_eq!(y.remaining, 6);
    // Needed: (142.67 - 32.87) / 6 = 18.3 a month from July.
    assert!(close(y.needed.unwrap(), 18.3, 0.05));
    // Pace so far: 32.87 / 6 = 5.48 a month; projected 2020 = 65.8, missed.
    assert!(close(e.total_rate, 5.48, 0.02));
    assert!(!y.met);
    // Rates rounded to cents: 3.92 + 1.09 + 0.48 = 5.49.
    assert!(
        close(y.projected, 32.874 + 6.0 * 5.49, 1e-9),
        "{}",
        y.projected
    );
    // Best month Jan-Jun 2020 was May: 6.45.
    let (bm, bv) = e.best_month.unwrap();
    assert_eq!(bm, m("2020-05"));
    assert!(close(bv, 6.447, 0.001));
}

#[test]
fn cn_basis_reproduces_the_seed_story() {
    // Bloomberg, 27 Jul 2020: about 23% of "more than $170 billion" by end-June, about $130
    // billion still to buy. PIIE's Chinese-import figures give the same picture.
    let ds = ds();
    let s = model::with_basis(ds, &model::default_scenario(ds), Basis::Cn);
    assert_eq!(s.asof, m("2020-06"));
    let e = model::evaluate(ds, &s).unwrap();
    let y = e.years[0];
    assert_eq!(y.actual, 40.2);
    assert!(y.target > 170.0);
    assert!(close(y.actual / y.target, 0.23, 0.005));
    assert!(close(y.target - y.actual, 130.0, 3.0));
    assert_eq!(model::rate_categories(ds, Basis::Cn), &[Category::Total]);
}

#[test]
fn cn_cutoffs_are_the_checkpoints() {
    let ds = ds();
    let cut = model::cutoffs(ds, Basis::Cn);
    let want: Vec<Month> = [
        "2020-03", "2020-04", "2020-06", "2020-08", "2020-09", "2020-10", "2020-12", "2021-05",
        "2021-08", "2021-10",
    ]
    .iter()
    .map(|s| m(s))
    .collect();
    assert_eq!(cut, want);
    assert_eq!(
        model::resolve_asof(ds, Basis::Cn, m("2020-07")),
        Some(m("2020-06"))
    );
    assert_eq!(
        model::resolve_asof(ds, Basis::Cn, m("2020-01")),
        Some(m("2020-03"))
    );
    let us = model::cutoffs(ds, Basis::Us);
    assert_eq!(us.first(), Some(&m("2020-01")));
    assert_eq!(us.last(), Some(&m("2021-11")));
    assert_eq!(us.len(), 23);
}

#[test]
fn what_actually_happened() {
    let ds = ds();
    let s = model::apply_preset(ds, &model::default_scenario(ds), Preset::WhatHappened);
    assert_eq!(s.asof, m("2021-11"));
    let e = model::evaluate(ds, &s).unwrap();
    assert!(e.years[0].is_final());
    assert!(close(e.years[0].projected, 89.25, 0.01));
    // November 2021 is the last month with data: the deal is over. December 2021 is
    // missing from the data, not left to the reader's rates, and no pace is "needed".
    assert!(e.over);
    assert_eq!((e.years[0].remaining, e.years[0].missing), (0, 0));
    assert_eq!((e.years[1].remaining, e.years[1].missing), (0, 1));
    assert_eq!((e.both.remaining, e.both.missing), (0, 1));
    assert!(e.years.iter().chain([&e.both]).all(|r| r.needed.is_none()));
    assert_eq!(e.years[1].projected, e.years[1].actual, "no rate is added");
    // Two years: far short, about 59% of the goods target through Nov 2021 (Waugh basis).
    assert!(close(e.both.share, 0.595, 0.005), "{}", e.both.share);
    assert!(!e.both.met);
    let pts = model::series(ds, &s);
    assert!(
        pts[23].projected.is_none(),
        "nothing is projected into December 2021"
    );
    // One month earlier the reader still sets December... and November's pace.
    let earlier = model::evaluate(
        ds,
        &model::Scenario {
            asof: m("2021-10"),
            ..s
        },
    )
    .unwrap();
    assert!(!earlier.over);
    assert_eq!(earlier.years[1].remaining, 2);
    assert!(earlier.years[1].needed.is_some());
}

#[test]
fn slider_ranges_follow_the_data() {
    let ds = ds();
    let s = model::default_scenario(ds);
    // June 2020: manufactured needs 9.92 a month for 2020; twice that, rounded up.
    assert_eq!(model::slider_max(ds, &s, Category::Manufactured), 20.0);
    // Agriculture needs (33.47 - 6.51) / 6 = 4.49: twice is 8.99, rounded up to 9.
    assert_eq!(model::slider_max(ds, &s, Category::Agriculture), 9.0);
    for c in Category::SPLIT {
        let top = model::slider_max(ds, &s, c);
        assert!(
            top > s.rates.get(c) * 1.5,
            "{c:?}: room above the pace so far"
        );
        assert!(top <= model::rate_max(c));
    }
    // The chart's scale ignores a typed value beyond the slider's range.
    let wild = model::Scenario {
        rates: Rates {
            manufactured: 40.0,
            ..s.rates
        },
        ..s
    };
    let held = model::within_sliders(ds, &wild);
    assert_eq!(held.rates.manufactured, 20.0);
    assert_eq!(held.rates.agriculture, s.rates.agriculture);
}

#[test]
fn seasonal_target_path_ends_at_the_target() {
    let ds = ds();
    assert_eq!(
        model::target_path_kind(ds, Basis::Us),
        model::TargetPath::Seasonal
    );
    assert_eq!(
        model::target_path_kind(ds, Basis::Cn),
        model::TargetPath::Straight
    );
    let dec = model::target_to_date(ds, Basis::Us, m("2020-12"));
    assert!(close(dec, 142.67, 1e-6));
    // 2017 purchases were back-loaded (soybean harvest), so the seasonal path lags a
    // straight line at mid-year: 2017 Jan-Jun was 35.95 of 78.77.
    let jun = model::target_to_date(ds, Basis::Us, m("2020-06"));
    assert!(jun < 142.67 / 2.0);
    let cn_jun = model::target_to_date(ds, Basis::Cn, m("2020-06"));
    assert!(close(cn_jun, 173.1 / 2.0, 1e-9));
}

#[test]
fn series_shows_actuals_projection_and_later_data() {
    let ds = ds();
    let s = model::default_scenario(ds);
    let pts = model::series(ds, &s);
    assert_eq!(pts.len(), 24);
    let jun = &pts[5];
    assert_eq!(jun.actual, jun.projected);
    assert!(pts[..6].iter().all(|p| p.actual.is_some()));
    assert!(
        pts[6..]
            .iter()
            .all(|p| p.actual.is_none() && p.projected.is_some())
    );
    assert!(pts[6..23].iter().all(|p| p.later.is_some()));
    assert!(
        pts[23].later.is_none(),
        "Dec 2021 is missing in the data and stays missing"
    );
    // 2021 restarts at zero: Jan 2021 projection is one month at the rate.
    assert!(close(pts[12].projected.unwrap(), 5.48, 0.02));
}

#[test]
fn presets() {
    let ds = ds();
    let base = model::default_scenario(ds);
    let p2017 = model::apply_preset(ds, &base, Preset::Pace2017);
    assert!(close(p2017.rates.manufactured, 50.15 / 12.0, 0.01));
    let needed = model::apply_preset(ds, &base, Preset::PaceNeeded);
    let e = model::evaluate(ds, &needed).unwrap();
    assert!(e.years[0].met && e.years[1].met, "{e:?}");
    // Manufactured needs (83.05 - 23.54) / 6 ≈ 9.92 a month for 2020.
    assert!(close(needed.rates.manufactured, 9.92, 0.02));
}

fn arb_month() -> impl Strategy<Value = Month> {
    (2019i32..=2022, 1u32..=12).prop_map(|(y, mo)| Month::new(y, mo).unwrap())
}

fn arb_rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0f64..50.0,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        -100.0f64..0.0,
        any::<f64>(),
    ]
}

fn arb_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop_oneof![Just(Basis::Us), Just(Basis::Cn)],
        arb_month(),
        [arb_rate(), arb_rate(), arb_rate(), arb_rate()],
    )
        .prop_map(|(basis, asof, r)| Scenario {
            basis,
            asof,
            rates: Rates {
                manufactured: r[0],
                agriculture: r[1],
                energy: r[2],
                total: r[3],
            },
        })
}

proptest! {
    #[test]
    fn never_panics_and_stays_finite(s in arb_scenario()) {
        let ds = ds();
        let e = model::evaluate(ds, &s).unwrap();
        for r in e.years.iter().chain([&e.both]) {
            prop_assert!(r.projected.is_finite() && r.projected >= 0.0);
            prop_assert!(r.share.is_finite());
            prop_assert!(r.needed.is_none_or(|n| n.is_finite() && n >= 0.0));
        }
        for p in model::series(ds, &s) {
            prop_assert!(p.target.is_finite());
            prop_assert!(p.projected.is_none_or(f64::is_finite));
        }
        for preset in Preset::ALL {
            let _ = model::apply_preset(ds, &s, preset);
        }
    }

    #[test]
    fn raising_a_rate_never_lowers_a_projection(
        s in arb_scenario(),
        cat in prop_oneof![Just(Category::Manufactured), Just(Category::Agriculture), Just(Category::Energy), Just(Category::Total)],
        bump in 0.0f64..20.0,
    ) {
        let ds = ds();
        let mut s = s;
        let v = model::clamp_rate(cat, s.rates.get(cat));
        s.rates.set(cat, v);
        let mut higher = s;
        higher.rates.set(cat, v + bump);
        let a = model::evaluate(ds, &s).unwrap();
        let b = model::evaluate(ds, &higher).unwrap();
        for (x, y) in a.years.iter().chain([&a.both]).zip(b.years.iter().chain([&b.both])) {
            prop_assert!(y.projected >= x.projected - 1e-9, "{x:?} -> {y:?}");
        }
    }

    #[test]
    fn needed_pace_meets_the_target(s in arb_scenario()) {
        let ds = ds();
        let e = model::evaluate(ds, &s).unwrap();
        for r in e.years.iter().chain([&e.both]) {
            if let Some(needed) = r.needed {
                let reached = r.actual + needed * r.remaining as f64;
                prop_assert!(reached >= r.target - 1e-6, "{r:?}");
                if needed > 0.0 {
                    prop_assert!((reached - r.target).abs() < 1e-6);
                }
            }
        }
        // The preset, rounded to cents, meets every open target where it is in range.
        let p = model::apply_preset(ds, &e.scenario, Preset::PaceNeeded);
        let in_range = model::rate_categories(ds, p.basis).iter().all(|c| {
            model::needed_rate(ds, p.basis, *c, p.asof) <= model::rate_max(*c)
        });
        if in_range {
            let pe = model::evaluate(ds, &p).unwrap();
            for r in pe.years {
                if r.remaining > 0 {
                    prop_assert!(r.met, "{r:?}");
                }
            }
        }
    }

    #[test]
    fn verdict_flips_exactly_at_the_target(s in arb_scenario(), delta in -5.0f64..5.0) {
        let ds = ds();
        let e = model::evaluate(ds, &s).unwrap();
        for r in e.years {
            let Period::Year(_) = r.span else { continue };
            if r.remaining == 0 { continue; }
            // Set the total rate so the projection lands exactly on target + delta.
            let rate = (r.target - r.actual + delta) / r.remaining as f64;
            if rate < 0.0 { continue; }
            // Put the whole rate on one slider: the total, or manufactured goods.
            let cat = model::rate_categories(ds, e.scenario.basis)[0];
            if rate > model::rate_max(cat) { continue; }
            let mut t = e.scenario;
            t.rates = Rates::ZERO;
            t.rates.set(cat, rate);
            let f = model::evaluate(ds, &t).unwrap();
            let y = f.years.iter().find(|y| y.span == r.span).unwrap();
            prop_assert!((y.projected - (y.target + delta)).abs() < 1e-9);
            if delta >= 0.0 { prop_assert!(y.met, "{y:?}"); }
            if delta < -1e-6 { prop_assert!(!y.met, "{y:?}"); }
        }
    }
}

/// Cut-offs by their definition: every deal month whose year-to-date figure `ytd` knows
/// for each rate category and the total (and, in 2021, December 2020 too).
fn cutoffs_by_definition(ds: &Dataset, basis: Basis) -> Vec<Month> {
    let known = |mo: Month| {
        model::rate_categories(ds, basis)
            .iter()
            .chain([Category::Total].iter())
            .all(|c| model::ytd(ds, basis, *c, mo).is_some())
    };
    let full_2020 = known(m("2020-12"));
    m("2020-01")
        .through(m("2021-12"))
        .filter(|mo| known(*mo) && (mo.year() == 2020 || full_2020))
        .collect()
}

proptest! {
    /// The one-pass `cutoffs` agrees with the definition when monthly figures go missing
    /// anywhere (a gap makes later months of that year unknown unless a year-to-date
    /// figure was published).
    #[test]
    fn cutoffs_match_their_definition(drop in proptest::collection::vec(any::<bool>(), 0..400)) {
        let mut ds = ds().clone();
        let keys: Vec<_> = ds.monthly.keys().copied().collect();
        for (k, d) in keys.iter().zip(drop.iter().cycle()) {
            if *d {
                ds.monthly.remove(k);
            }
        }
        for basis in [Basis::Us, Basis::Cn] {
            prop_assert_eq!(model::cutoffs(&ds, basis), cutoffs_by_definition(&ds, basis));
        }
    }
}

/// A month's point on the target path by its definition: each split category's target
/// prorated on its 2017 months so far, or a straight line without 2017 months.
fn target_by_definition(ds: &Dataset, basis: Basis, mo: Month) -> f64 {
    let total = |c| ds.target(basis, mo.year(), c).map_or(0.0, |f| f.value);
    match model::target_path_kind(ds, basis) {
        model::TargetPath::Seasonal => Category::SPLIT
            .iter()
            .map(|c| {
                let shape = |through: u32| -> f64 {
                    m("2017-01")
                        .through(Month::new(2017, through).unwrap())
                        .filter_map(|x| ds.monthly.get(&(basis, x, *c)).map(|f| f.value))
                        .sum()
                };
                if shape(12) > 0.0 {
                    total(*c) * shape(mo.month()) / shape(12)
                } else {
                    total(*c) * mo.month() as f64 / 12.0
                }
            })
            .sum(),
        model::TargetPath::Straight => total(Category::Total) * mo.month() as f64 / 12.0,
    }
}

/// The chart's series by its definition, month by month: what is known (`ytd`), the
/// projection from the cut-off at the scenario's pace, and the target path.
fn series_by_definition(ds: &Dataset, sc: &Scenario) -> Vec<model::SeriesPoint> {
    let Some(asof) = model::resolve_asof(ds, sc.basis, sc.asof) else {
        return Vec::new();
    };
    let rate = model::total_rate(ds, &Scenario { asof, ..*sc });
    let over = model::is_data_end(ds, sc.basis, asof);
    m("2020-01")
        .through(m("2021-12"))
        .map(|mo| {
            let known = model::ytd(ds, sc.basis, Category::Total, mo);
            let projected = if mo < asof || (over && mo > asof) {
                None
            } else if mo.year() == asof.year() {
                known.filter(|_| mo == asof).or_else(|| {
                    model::ytd(ds, sc.basis, Category::Total, asof)
                        .map(|a| a + rate * asof.until(mo) as f64)
                })
            } else {
                Some(rate * mo.month() as f64)
            };
            model::SeriesPoint {
                month: mo,
                actual: known.filter(|_| mo <= asof),
                projected,
                target: target_by_definition(ds, sc.basis, mo),
                later: known.filter(|_| mo > asof),
            }
        })
        .collect()
}

proptest! {
    /// The one-pass `series` (running year-to-date sums, the 2017 shape looked up once)
    /// gives exactly the points of the month-by-month definition, for any cut-off and
    /// pace, with monthly figures (2017's too) missing anywhere.
    #[test]
    fn series_matches_its_definition(
        drop in proptest::collection::vec(any::<proptest::sample::Index>(), 0..6),
        asof in 0u32..24,
        rates in proptest::collection::vec(0.0f64..30.0, 4),
    ) {
        // A few months dropped, so that 2017 is often whole and the target path seasonal.
        let mut ds = ds().clone();
        let keys: Vec<_> = ds.monthly.keys().copied().collect();
        for i in &drop {
            ds.monthly.remove(i.get(&keys));
        }
        for basis in [Basis::Us, Basis::Cn] {
            let mut sc = Scenario {
                basis,
                asof: m("2020-01").through(m("2021-12")).nth(asof as usize).unwrap(),
                rates: Rates::ZERO,
            };
            for (c, r) in Category::ALL.iter().zip(&rates) {
                sc.rates.set(*c, *r);
            }
            prop_assert_eq!(model::series(&ds, &sc), series_by_definition(&ds, &sc));
        }
    }
}

proptest! {
    /// `Derived::new` finds the cut-offs and slider tops once and shares them; it must
    /// give what the model's functions give one by one (each finding them afresh).
    #[test]
    fn derived_matches_the_model_one_by_one(s in arb_scenario()) {
        let ds = ds();
        let d = Derived::new(ds, &s, None);
        let tops: Vec<(Category, f64)> = model::rate_categories(ds, s.basis)
            .iter()
            .map(|&c| (c, model::slider_max(ds, &s, c)))
            .collect();
        let mut within = s;
        for &(c, top) in &tops {
            within.rates.set(c, within.rates.get(c).min(top));
        }
        let scale_top = model::series(ds, &within)
            .iter()
            .flat_map(|p| [p.actual, p.projected, p.later, Some(p.target)])
            .flatten()
            .fold(0.0, f64::max);
        // Debug text, so that a NaN compares equal to itself.
        prop_assert_eq!(format!("{:?}", d.eval), format!("{:?}", model::evaluate(ds, &s)));
        prop_assert_eq!(format!("{:?}", d.series), format!("{:?}", model::series(ds, &s)));
        prop_assert_eq!(&d.cutoffs, &model::cutoffs(ds, s.basis));
        prop_assert_eq!(format!("{:?}", d.slider_max), format!("{tops:?}"));
        prop_assert_eq!(format!("{:?}", model::within_sliders(ds, &s)), format!("{within:?}"));
        prop_assert_eq!(d.scale_top.to_bits(), scale_top.to_bits());
    }
}
