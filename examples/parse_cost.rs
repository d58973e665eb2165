//! Prints how long the parsers take on 2 MB files of hostile shapes (a benchmark, not a
//! test: it asserts nothing). Run: `cargo run --release --example parse_cost`.
//! The browser figures (wasm, main thread) come from `tests/e2e/specs/bad-input.test.js`.

use std::time::Instant;

use phase_one::core::{data, timeline, url_state};

const SIZE: usize = 2 * 1024 * 1024;

fn fill(header: &str, row: impl Fn(usize) -> String) -> String {
    let mut s = String::from(header);
    s.push('\n');
    for i in 0.. {
        let next = row(i);
        if s.len() + next.len() + 1 > SIZE {
            break;
        }
        s.push_str(&next);
        s.push('\n');
    }
    s
}

fn shapes() -> Vec<(&'static str, &'static str, String)> {
    let p_head = data::BUILT_IN.lines().next().unwrap_or_default();
    let t_head = timeline::BUILT_IN.lines().next().unwrap_or_default();
    let event = |i: usize| {
        format!(
            "event-{i},2020-08-06,day,Title {i},Annotation,tiktok,white_house,EO,yes,no,\
             https://www.federalregister.gov/d/2020-17699,Federal Register,EO 13942,2020-08-11,official,,,,,,"
        )
    };
    let source = |i: usize| {
        format!("source,s{i},,,,,,,,,https://example.org/{i},Outlet,Title,2020-01-01,research,,")
    };
    vec![
        ("purchases", "valid rows, unique ids", fill(p_head, source)),
        (
            "purchases",
            "every row a duplicate id",
            fill(p_head, |_| source(0)),
        ),
        (
            "purchases",
            "every row bad",
            fill(p_head, |i| format!("x{i},,,,,,,,,,,,,,,,")),
        ),
        ("timeline", "valid rows, unique ids", fill(t_head, event)),
        (
            "timeline",
            "every row a duplicate id",
            fill(t_head, |_| event(0)),
        ),
        ("timeline", "ragged rows", fill(t_head, |i| format!("{i}"))),
        ("either", "one header of 1M columns", ",".repeat(SIZE - 1)),
        (
            "either",
            "one header of distinct names",
            (0..SIZE / 8)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(","),
        ),
        (
            "either",
            "one quoted field",
            format!("\"{}\"", "a".repeat(SIZE - 2)),
        ),
        ("either", "blank lines", "\n".repeat(SIZE)),
    ]
}

fn main() {
    println!("| file | shape | bytes | problems | ms |");
    println!("|---|---|---:|---:|---:|");
    for (kind, shape, text) in shapes() {
        let run = |f: &dyn Fn(&str) -> usize| {
            let t = Instant::now();
            let n = f(&text);
            (n, t.elapsed().as_secs_f64() * 1000.0)
        };
        let count_p = |t: &str| data::parse("p.csv", t).err().map_or(0, |p| p.len());
        let count_t = |t: &str| timeline::parse("t.csv", t).err().map_or(0, |p| p.len());
        let results: Vec<(&str, (usize, f64))> = match kind {
            "purchases" => vec![("purchases", run(&count_p))],
            "timeline" => vec![("timeline", run(&count_t))],
            _ => vec![("purchases", run(&count_p)), ("timeline", run(&count_t))],
        };
        for (k, (n, ms)) in results {
            println!("| {k} | {shape} | {} | {n} | {ms:.0} |", text.len());
        }
    }
    let query = format!("?{}", "apps=tiktok&".repeat(SIZE / 12));
    let t = Instant::now();
    let p = url_state::parse_query(&query);
    println!(
        "| query | 2 MB of repeated parameters | {} | {} ignored | {:.0} |",
        query.len(),
        p.ignored.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
}
