//! Source style the formatter can't enforce by itself: rustfmt silently skips code with
//! lines it cannot fit, so no line in `src/` may run over 100 characters.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[test]
fn no_line_in_src_runs_over_100_characters() {
    let files = common::rust_files("src");
    assert!(files.len() > 10);
    let long: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).expect("readable source");
            text.lines()
                .enumerate()
                .filter(|(_, l)| l.chars().count() > 100)
                .map(|(n, l)| format!("{}:{}: {} chars", f.display(), n + 1, l.chars().count()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        long.is_empty(),
        "lines over 100 characters:\n{}",
        long.join("\n")
    );
}

/// Test hooks are not behaviour hooks: production code finds its own elements by
/// `data-p1-*` attributes or references, so renaming a `data-testid` can't change what
/// the widget does. A test hook may only be written (`data-testid=` in markup), never
/// read (a selector or `get_attribute`) outside tests.
#[test]
fn no_production_code_reads_a_test_hook() {
    let mut files = common::rust_files("src");
    files.extend(
        ["src/bin/loader.js", "static/resize.js"]
            .into_iter()
            .map(std::path::PathBuf::from),
    );
    let reads = lines_where(&files, |l| {
        l.contains("[data-testid") || l.contains("\"data-testid\"") || l.contains("testid'")
    });
    assert!(
        reads.is_empty(),
        "test hooks read by the widget:\n{}",
        reads.join("\n")
    );
}

/// Code the wasm carries stays out of what made it big (README, "Size"): `BTreeMap` and
/// the slice sorts bring their code anew for each type (`core::sorted` has one of each),
/// and Unicode case mapping brings its tables (`picture::capitals` maps ASCII). Only the
/// code before a file's tests counts, and `core/sorted.rs` itself sorts once.
#[test]
fn the_widgets_code_keeps_out_of_what_made_the_wasm_big() {
    const HEAVY: [&str; 7] = [
        "BTreeMap",
        ".sort(",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_unstable",
        ".to_uppercase()",
        ".to_lowercase()",
    ];
    let mut files = common::rust_files("src/core");
    files.extend(common::rust_files("src/ui"));
    assert!(files.len() > 20);
    files.retain(|f| !f.ends_with("core/sorted.rs"));
    let found = lines_where(&files, |l| {
        !l.trim_start().starts_with("//") && HEAVY.iter().any(|h| l.contains(h))
    });
    assert!(
        found.is_empty(),
        "in the widget's code:\n{}",
        found.join("\n")
    );
}

/// Every line of `files` that `hit` picks, as "file:line: text", reading each file only up
/// to its tests (`#[cfg(test)]` or `#[cfg(all(test, …))]` at the start of a line).
fn lines_where(files: &[std::path::PathBuf], hit: impl Fn(&str) -> bool) -> Vec<String> {
    files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).expect("readable source");
            text.lines()
                .take_while(|l| !l.starts_with("#[cfg(test)]") && !l.starts_with("#[cfg(all(test"))
                .enumerate()
                .filter(|(_, l)| hit(l))
                .map(|(n, l)| format!("{}:{}: {}", f.display(), n + 1, l.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}
