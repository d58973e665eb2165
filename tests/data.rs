//! Data files: the built-in purchase data validate, pin the sourced figures, and a
//! deliberately broken copy yields every problem with its location.
#![cfg(not(target_arch = "wasm32"))]

use phase_one::core::data::{self, Basis, Category, Period, Status};
use phase_one::core::month::Month;

fn built_in() -> data::Dataset {
    match data::parse(data::FILE_NAME, data::BUILT_IN) {
        Ok(ds) => ds,
        Err(problems) => panic!(
            "built-in data has problems:\n{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn m(s: &str) -> Month {
    Month::parse(s).unwrap()
}

#[test]
fn built_in_data_validates() {
    let ds = built_in();
    assert!(ds.sources.len() >= 20);
    assert_eq!(ds.bases(), vec![Basis::Us, Basis::Cn]);
    assert!(ds.has_split(Basis::Us));
    assert!(!ds.has_split(Basis::Cn));
}

#[test]
fn commitments_match_annex_6_1() {
    let ds = built_in();
    let c = |p, cat| ds.commitments[&(p, cat)].value;
    let y20 = Period::Year(2020);
    let y21 = Period::Year(2021);
    assert_eq!(c(y20, Category::Manufactured), 32.9);
    assert_eq!(c(y21, Category::Manufactured), 44.8);
    assert_eq!(c(y20, Category::Agriculture), 12.5);
    assert_eq!(c(y21, Category::Agriculture), 19.5);
    assert_eq!(c(y20, Category::Energy), 18.5);
    assert_eq!(c(y21, Category::Energy), 33.9);
    assert_eq!(c(y20, Category::Services), 12.8);
    assert_eq!(c(y21, Category::Services), 25.1);
    assert_eq!(c(Period::TwoYears, Category::Total), 200.0);
    assert_eq!(ds.milestone("signed").unwrap().date, (2020, 1, 15));
    assert_eq!(ds.milestone("in-force").unwrap().date, (2020, 2, 14));
}

#[test]
fn us_basis_pins_piie_original_method() {
    let ds = built_in();
    let b = |c| ds.baselines[&(Basis::Us, c)].value;
    assert_eq!(b(Category::Manufactured), 50.15);
    assert_eq!(b(Category::Agriculture), 20.97);
    assert_eq!(b(Category::Energy), 7.65);
    assert!((b(Category::Total) - 78.8).abs() < 0.05);
    assert!((ds.target(Basis::Us, 2020, Category::Total).unwrap().value - 142.7).abs() < 0.05);
    assert!((ds.target(Basis::Us, 2021, Category::Total).unwrap().value - 177.0).abs() < 0.05);
    // 2017 monthly values give the seasonal shape and add up to the baseline.
    for c in Category::SPLIT {
        let sum: f64 = m("2017-01")
            .through(m("2017-12"))
            .map(|mo| ds.monthly[&(Basis::Us, mo, c)].value)
            .sum();
        assert!((sum - b(c)).abs() < 0.01, "{c:?}: {sum}");
    }
    // Monthly actuals by category, Jan 2020 to Nov 2021; Mar-Nov 2021 are derived.
    for mo in m("2020-01").through(m("2021-11")) {
        for c in Category::SPLIT {
            let f = &ds.monthly[&(Basis::Us, mo, c)];
            let derived = mo >= m("2021-03");
            assert_eq!(f.is_derived(), derived, "{mo} {c:?}");
            if let Status::Derived(formula) = &f.status {
                assert!(formula.contains("minus"), "{formula}");
            }
        }
    }
    assert!(
        !ds.monthly
            .contains_key(&(Basis::Us, m("2021-12"), Category::Manufactured))
    );
}

#[test]
fn cn_basis_has_checkpoints_and_targets() {
    let ds = built_in();
    assert_eq!(
        ds.target(Basis::Cn, 2020, Category::Total).unwrap().value,
        173.1
    );
    let t21 = ds.target(Basis::Cn, 2021, Category::Total).unwrap();
    assert!((t21.value - 207.4).abs() < 0.05);
    assert!(t21.is_derived());
    assert_eq!(
        ds.ytd[&(Basis::Cn, m("2020-06"), Category::Total)].value,
        40.2
    );
    assert!(ds.ytd.keys().filter(|k| k.0 == Basis::Cn).count() >= 8);
}

#[test]
fn every_source_link_is_https_and_every_figure_cites_one() {
    let ds = built_in();
    for s in &ds.sources {
        assert!(s.cite.url.starts_with("https://"), "{}", s.cite.url);
        assert!(
            !s.cite.outlet.is_empty() && !s.cite.title.is_empty(),
            "{}",
            s.id
        );
    }
    let figures = ds
        .monthly
        .values()
        .chain(ds.ytd.values())
        .chain(ds.targets.values())
        .chain(ds.baselines.values())
        .chain(ds.commitments.values())
        .chain(ds.outcomes.iter().map(|o| &o.figure));
    for f in figures {
        assert!(!f.sources.is_empty(), "line {}", f.line);
        for &i in &f.sources {
            assert!(ds.source(i).is_some());
        }
    }
}

#[test]
fn broken_copy_lists_every_problem_with_its_location() {
    let text = include_str!("fixtures/purchases-broken.csv");
    let problems = data::parse("purchases-broken.csv", text).expect_err("broken data must fail");
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let has = |line_text: &str, field: Option<&str>, words: &str| {
        let line = text
            .lines()
            .position(|l| l.starts_with(line_text))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("fixture has no line starting {line_text}"));
        assert!(
            problems.iter().any(|p| p.line == line
                && p.field.as_deref() == field
                && p.to_string().contains(words)),
            "expected a problem at line {line} field {field:?} mentioning {words:?}; got:\n{}",
            shown.join("\n")
        );
    };
    has("monthly,,us,2020-03,energy,", Some("value"), "plain number");
    has(
        "monthly,,us,2020-04,",
        Some("category"),
        "none for agriculture",
    );
    has("target,,us,2021,total,", Some("value"), "add up to");
    has(
        "target,,us,2021,energy,",
        Some("value"),
        "2017 baseline 7.65",
    );
    has(
        "monthly,,us,2020-05,manufactured,",
        Some("source"),
        "waugh-2099",
    );
    has("source,piie-2022-02,", Some("url"), "https://");
    // The source policy: a mirror without a reason, a tracking parameter, no outlet, no date.
    has(
        "source,bloomberg-2020-10-26,",
        Some("url"),
        "en.wikipedia.org",
    );
    has("source,scmp-piie-2021-06,", Some("url"), "utm_source");
    has("source,axios-piie-2020-08,", Some("outlet"), "outlet");
    has(
        "source,gtreview-piie-2022-02,",
        Some("published"),
        "YYYY-MM-DD",
    );
    has("monthly,,us,2020-06,energy,", Some("unit"), "usd_m");
    has("ytd,,cn,2020-13,", Some("period"), "YYYY-MM");
    has("ytd,,cn,2022-06,", Some("period"), "outside");
    has("monthly,,us,2021-04,energy,", Some("formula"), "formula");
    let first = 1 + text
        .lines()
        .position(|l| l.starts_with("monthly,,us,2020-07,agriculture,"))
        .unwrap();
    assert!(
        problems.iter().any(|p| p.line == first + 1
            && p.to_string()
                .contains(&format!("given twice (also on line {first})"))),
        "duplicate not reported: {}",
        shown.join("\n")
    );
    has("montly,", Some("record"), "unknown record type");
    assert_eq!(problems.len(), 20, "{}", shown.join("\n"));
    // Every problem names the file, and all of them are reported, not just the first.
    assert!(problems.len() >= 12, "{}", shown.join("\n"));
    assert!(shown.iter().all(|s| s.starts_with("purchases-broken.csv")));
}

#[test]
fn hostile_and_malformed_files_never_panic() {
    for text in [
        "",
        "\u{feff}",
        "record,id\n",
        "record,id,basis,period,category,value,unit,status,formula,source,url,note\n\"unclosed",
        "record,id,basis,period,category,value,unit,status,formula,source,url,note\nmonthly,,us,2020-01,energy,NaN,usd_bn,seen,,x,,\n",
        "record,id,basis,period,category,value,unit,status,formula,source,url,note\nmonthly,,us,2020-01,energy,1e400,usd_bn,seen,,x,,\n",
        "record,id,basis,period,category,value,unit,status,formula,source,url,note\nsource,x,,,,,,,,,javascript:alert(1),<img src=x onerror=alert(1)>\n",
    ] {
        assert!(data::parse("f.csv", text).is_err());
    }
}

#[test]
fn sources_follow_the_policy() {
    use phase_one::core::sources::Tier;
    let ds = built_in();
    // At most eight purchase sources rest on a copy, each with its reason.
    let copies: Vec<_> = ds.sources.iter().filter(|s| s.cite.is_copy()).collect();
    assert!(copies.len() <= 8, "{} copies", copies.len());
    assert!(copies.iter().all(|s| s.cite.copy_reason.is_some()));
    // The story's starting point is cited: Bloomberg, 27 Jul 2020, on the June checkpoint.
    let bloomberg = ds
        .sources
        .iter()
        .position(|s| s.id == "bloomberg-2020-07-27")
        .unwrap();
    let june = &ds.ytd[&(Basis::Cn, m("2020-06"), Category::Total)];
    assert!(june.sources.contains(&bloomberg));
    // $13.6bn short of 2017 comes from PIIE's first version (57%), not the revised post.
    let below = ds.outcome("below-2017").unwrap();
    let cited: Vec<&str> = below
        .figure
        .sources
        .iter()
        .map(|i| ds.sources[*i].id.as_str())
        .collect();
    assert_eq!(cited, ["piie-2022-02-original"]);
    assert_eq!(
        ds.sources[below.figure.sources[0]].cite.tier,
        Tier::Research
    );
    // The 2021 agriculture total and the goods-only share are there, with sources.
    assert_eq!(ds.outcome("agriculture-2021").unwrap().figure.value, 33.8);
    assert_eq!(ds.outcome("share-goods-only").unwrap().figure.value, 60.0);
    // December 2021 stays missing.
    assert!(!ds.monthly.keys().any(|k| k.1 == m("2021-12")));
}
