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
