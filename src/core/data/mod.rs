//! The purchase data file (`purchases.csv`): its types (`types.rs`), reading it row by
//! row (`parse.rs`) and the checks across rows (`checks.rs`).
//!
//! One long table, one figure per row, so it can be edited in a text editor or a
//! spreadsheet and supplied by a newsroom at run time. The `record` column says what a
//! row is; see ARCHITECTURE.md for the full format.

mod checks;
mod parse;
mod types;

pub use checks::SUM_TOLERANCE;
pub use types::*;

use crate::core::problem::Problem;

/// The file name used in messages about the built-in data.
pub const FILE_NAME: &str = "purchases.csv";
/// The built-in data, embedded at compile time.
pub const BUILT_IN: &str = include_str!("../../../static/data/purchases.csv");

pub const COLUMNS: [&str; 17] = [
    "record",
    "id",
    "basis",
    "period",
    "category",
    "value",
    "unit",
    "status",
    "formula",
    "source",
    "url",
    "outlet",
    "title",
    "published",
    "tier",
    "copy_reason",
    "note",
];

/// Parses and validates purchase data. Returns the dataset only when there are no
/// problems; otherwise every problem found, in file order.
pub fn parse(file: &str, text: &str) -> Result<Dataset, Vec<Problem>> {
    let mut problems = Vec::new();
    let table = crate::core::csv::parse(file, text, &mut problems);
    if !table.require_columns(&COLUMNS, &mut problems) {
        return Err(problems);
    }
    let mut reader = parse::Reader::new(file, &table);
    reader.read_all();
    problems.append(&mut reader.problems);
    checks::run(file, &reader.ds, &mut problems);
    problems.sort_by_key(|p| p.line);
    if problems.is_empty() {
        Ok(reader.ds)
    } else {
        Err(problems)
    }
}
