//! Property tests over the parsers that take outside input: the CSV reader, the purchases
//! and timeline parsers, and the link (URL-state) parser. Each runs 10,000 cases (set
//! `PROPTEST_CASES` to change it), on arbitrary text and on structured mutations of the
//! real files, and checks that nothing panics, that work stays bounded, and that every
//! problem says where it is.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use std::time::{Duration, Instant};

use proptest::prelude::*;

use phase_one::core::csv;
use phase_one::core::locale::{EN, placeholders};
use phase_one::core::problem::{Msg, Problem};
use phase_one::core::state::State;
use phase_one::core::{data, timeline, url_state};

const CASES: u32 = 10_000;

type Data = (Rc<data::Dataset>, Rc<timeline::Timeline>);

thread_local! {
    static BUILT_IN: Data = (
        Rc::new(data::parse(data::FILE_NAME, data::BUILT_IN).expect("built-in data")),
        Rc::new(timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN).expect("built-in timeline")),
    );
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        // Shrinking a failure of a 30 KB input can take long; the first failure is enough.
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

/// A hang detector, not a speed target: the slowest case here takes milliseconds, and a
/// quadratic or looping parser takes seconds.
const HANG: Duration = Duration::from_secs(2);

/// Every problem is placed: a line within the file (0 for the whole file), a field for
/// problems about one value, a message that describes it, and no more than the cap.
fn placed(text: &str, problems: &[Problem]) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count();
    prop_assert!(
        problems.len() <= csv::MAX_PROBLEMS + 20,
        "{} problems",
        problems.len()
    );
    for p in problems {
        prop_assert!(p.line <= lines, "line {} of {lines}: {p:?}", p.line);
        let whole_row = matches!(
            p.msg,
            Msg::RaggedRow | Msg::TooManyProblems | Msg::TooManyColumns | Msg::GivenTwice
        );
        if p.line > 1 && !whole_row {
            prop_assert!(p.field.is_some(), "a row problem without its field: {p:?}");
        }
        let text = EN.describe(p);
        prop_assert!(!text.is_empty() && text.chars().count() < 1000, "{text}");
        for name in placeholders(EN.problem(p.msg)) {
            prop_assert!(
                p.args.iter().any(|(k, _)| *k == name),
                "no {{{name}}}: {p:?}"
            );
        }
    }
    Ok(())
}

/// One edit to a real file, as a careless or hostile editor might make it.
#[derive(Clone, Debug)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    /// Replace one comma-separated field of a line.
    Field(usize, usize, String),
    /// Insert text at a byte offset.
    Insert(usize, String),
    Truncate(usize),
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}".prop_map(String::from),
        "[0-9a-z,\"\\-\\.\r\n ]{0,80}".prop_map(String::from),
        Just(String::new()),
        Just("\"".to_string()),
        Just("\u{feff}".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("https://www.reuters.com:x@127.0.0.1/?utm_source=x".to_string()),
        Just("1e999".to_string()),
        Just("NaN".to_string()),
    ]
}

fn arb_edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), 0usize..22, arb_text()).prop_map(|(l, f, t)| Edit::Field(l, f, t)),
        (any::<usize>(), arb_text()).prop_map(|(at, t)| Edit::Insert(at, t)),
        any::<usize>().prop_map(Edit::Truncate),
    ];
    prop::collection::vec(edit, 1..4)
}

fn apply(original: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = original.lines().map(str::to_string).collect();
    for e in edits {
        let n = lines.len().max(1);
        match e {
            Edit::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Edit::DuplicateLine(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Edit::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Edit::Field(i, f, t) if !lines.is_empty() => {
                let mut fields: Vec<String> = lines[i % n].split(',').map(str::to_string).collect();
                let k = f % fields.len().max(1);
                if let Some(slot) = fields.get_mut(k) {
                    *slot = t.clone();
                }
                lines[i % n] = fields.join(",");
            }
            Edit::Insert(at, t) => {
                let mut s = lines.join("\n");
                let mut at = at % (s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                s.insert_str(at, t);
                lines = s.lines().map(str::to_string).collect();
            }
            Edit::Truncate(at) => {
                let mut s = lines.join("\n");
                let mut at = at % (s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                s.truncate(at);
                lines = s.lines().map(str::to_string).collect();
            }
            _ => {}
        }
    }
    lines.join("\n")
}

fn timed<T>(f: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    prop_assert!(took < HANG, "took {took:?}");
    Ok(out)
}

/// Every basis a dataset offers has cut-offs, and a scenario on it gives verdicts for
/// both years and the deal, and a chart series.
fn shown_on_every_basis(ds: &data::Dataset) -> Result<(), TestCaseError> {
    use phase_one::core::{derived::Derived, model};
    let start = model::default_scenario(ds);
    for b in ds.bases() {
        prop_assert!(!model::cutoffs(ds, b).is_empty(), "{b:?}: no cut-off");
        let sc = model::with_basis(ds, &start, b);
        let d = Derived::new(ds, &sc, None);
        prop_assert!(d.eval.is_some(), "{b:?}: no verdicts");
        prop_assert!(!d.series.is_empty(), "{b:?}: no chart");
    }
    Ok(())
}

thread_local! {
    /// The built-in file's figure rows that a publisher might leave out: monthly figures,
    /// grouped by basis and month (a month is given whole or not at all), and each
    /// year-to-date row. Each group is the lines it holds.
    static FIGURE_ROWS: Vec<Vec<usize>> = {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, line) in data::BUILT_IN.lines().enumerate() {
            let cells: Vec<&str> = line.splitn(6, ',').collect();
            let key = match cells.first() {
                Some(&"monthly") if !cells.get(3).is_some_and(|p| p.starts_with("2017")) => {
                    format!("m {} {}", cells[2], cells[3])
                }
                Some(&"ytd") => format!("y {i}"),
                _ => continue,
            };
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, lines)) => lines.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        groups.into_iter().map(|(_, lines)| lines).collect()
    };
}

/// The built-in file with the figure groups not kept left out.
fn without_figures(keep: &[bool]) -> String {
    let dropped: std::collections::HashSet<usize> = FIGURE_ROWS.with(|groups| {
        groups
            .iter()
            .zip(keep)
            .filter(|(_, k)| !**k)
            .flat_map(|(g, _)| g.iter().copied())
            .collect()
    });
    data::BUILT_IN
        .lines()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(config())]

    /// The CSV reader: the same table read whole or a slice at a time, any bytes.
    #[test]
    fn csv_reader(bytes in prop::collection::vec(any::<u8>(), 0..600), budget in 1usize..64) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut whole_problems = Vec::new();
        let whole = timed(|| csv::parse("f.csv", &text, &mut whole_problems))?;
        let mut reader = csv::Reader::new(&text);
        let mut steps = 0usize;
        while !reader.step(budget) {
            steps += 1;
            prop_assert!(steps <= text.len() + 2, "no progress");
        }
        let mut sliced_problems = Vec::new();
        let sliced = reader.finish("f.csv", &mut sliced_problems);
        prop_assert_eq!(whole.rows.len(), sliced.rows.len());
        prop_assert_eq!(whole_problems.len(), sliced_problems.len());
        placed(&text, &whole_problems)?;
    }

    /// The purchases parser on arbitrary text.
    #[test]
    fn purchases_any_text(text in ".{0,400}") {
        if let Err(problems) = timed(|| data::parse("p.csv", &text))? {
            placed(&text, &problems)?;
        }
    }

    /// The purchases parser on the real file, edited: a file it accepts can be shown.
    #[test]
    fn purchases_edited(edits in arb_edits()) {
        let text = apply(data::BUILT_IN, &edits);
        match timed(|| data::parse("p.csv", &text))? {
            Err(problems) => placed(&text, &problems)?,
            Ok(ds) => shown_on_every_basis(&ds)?,
        }
    }

    /// Validation completes the model: a file with any of its months and year-to-date
    /// figures left out either fails validation or gives verdicts, a chart and cut-offs on
    /// every basis it offers.
    #[test]
    fn purchases_with_figures_left_out(keep in prop::collection::vec(any::<bool>(), FIGURE_ROWS.with(Vec::len))) {
        let text = without_figures(&keep);
        if let Ok(ds) = timed(|| data::parse("p.csv", &text))? {
            shown_on_every_basis(&ds)?;
        }
    }

    /// The timeline parser on arbitrary text.
    #[test]
    fn timeline_any_text(text in ".{0,400}") {
        if let Err(problems) = timed(|| timeline::parse("t.csv", &text))? {
            placed(&text, &problems)?;
        }
    }

    /// The timeline parser on the real file, edited.
    #[test]
    fn timeline_edited(edits in arb_edits()) {
        let text = apply(timeline::BUILT_IN, &edits);
        if let Err(problems) = timed(|| timeline::parse("t.csv", &text))? {
            placed(&text, &problems)?;
        }
    }

    /// Links: any query gives a usable state, and the state's own link gives it back.
    #[test]
    fn link_parameters(
        pairs in prop::collection::vec(
            (prop_oneof![
                Just("basis"), Just("asof"), Just("mfg"), Just("ag"), Just("energy"),
                Just("total"), Just("apps"), Just("actors"), Just("period"), Just("events"),
                Just("view"), Just("theme"), Just("lang"), Just("v"), Just("data"),
                Just("p1.basis"), Just("childId"), Just("x")
            ], ".{0,12}"),
            0..12,
        ),
        junk in "[&=%?#a-z0-9]{0,30}",
    ) {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            q.append_pair(k, v);
        }
        let query = format!("?{}&{junk}", q.finish());
        let params = timed(|| url_state::parse_query(&query))?;
        let (ds, tl) = BUILT_IN.with(Clone::clone);
        let state = State::new(ds.clone(), tl.clone(), params, None);
        let r = state.scenario.rates;
        prop_assert!([r.manufactured, r.agriculture, r.energy, r.total]
            .iter()
            .all(|v| v.is_finite() && *v >= 0.0));
        let again = State::new(ds, tl, url_state::parse_query(&state.query()), None);
        prop_assert_eq!(again.scenario, state.scenario);
        prop_assert_eq!(again.filters, state.filters);
        // Merging into an address keeps every parameter that isn't the widget's.
        let merged = url_state::merge_query(&query, &state.query(), "");
        let kept = |s: &str| {
            s.split('&')
                .filter(|seg| !seg.is_empty())
                .filter(|seg| {
                    let name = seg.split('=').next().unwrap_or("");
                    let name = form_urlencoded::parse(name.as_bytes())
                        .next()
                        .map(|(k, _)| k.into_owned())
                        .unwrap_or_default();
                    !url_state::is_own_name(name.as_str())
                })
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(kept(&merged), kept(query.strip_prefix('?').unwrap_or(&query)));
    }
}

/// A case the fuzzer found (CI, December 2026): blank lines and a data row swapped into
/// the header gave 7 repeated empty names, 17 missing columns and 199 ragged rows, over
/// the cap. Each repeated name is now reported once and the ragged rows count against it.
#[test]
fn a_data_row_as_header_stays_under_the_cap() {
    let edits = [
        Edit::Insert(4_918_272_460_134_498_683, "\n\n\n\n\n\n\n".into()),
        Edit::SwapLines(8_402_688_772_628_169_084, 13_181_186_728_382_879_578),
    ];
    let text = apply(data::BUILT_IN, &edits);
    let Err(problems) = data::parse("p.csv", &text) else {
        panic!("a data row as the header must fail");
    };
    assert!(
        placed(&text, &problems).is_ok(),
        "{} problems",
        problems.len()
    );
}
