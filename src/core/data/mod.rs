//! The purchase data file (`purchases.csv`): its types (`types.rs`), reading it row by
//! row (`parse.rs`) and the checks across rows (`checks.rs`).
//!
//! One long table, one figure per row, so it can be edited in a text editor or a
//! spreadsheet and supplied by a newsroom at run time. The `record` column says what a
//! row is; `static/data/README.md` gives the full format.

mod checks;
mod figures;
mod parse;
mod types;

pub use checks::SUM_TOLERANCE;
pub use figures::{cutoffs, month_value, rate_categories, ytd};
pub use types::*;

use crate::core::csv::{self, Table};
use crate::core::problem::Problem;
use crate::core::steps::Steps;

/// The file name used in messages about the built-in data.
pub const FILE_NAME: &str = "purchases.csv";
/// The built-in data, embedded at compile time.
pub const BUILT_IN: &str = include_str!("../../../static/data/purchases.csv");

/// The most rows a purchases file may have (the built-in one has under 200): every row
/// is a figure or a source the method section lists.
pub const MAX_ROWS: usize = 2000;

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
/// problems; otherwise every problem found (up to [`csv::MAX_PROBLEMS`]), in file order.
pub fn parse(file: &str, text: &str) -> Result<Dataset, Vec<Problem>> {
    let (table, problems) = csv::read_capped(file, text)?;
    crate::core::steps::run(Job::new(file, &table, problems))
}

/// Validating a read table a few rows at a time (see [`crate::core::steps`]).
pub struct Job<'a> {
    file: &'a str,
    reader: Option<parse::Reader<'a>>,
    problems: Vec<Problem>,
}

impl<'a> Job<'a> {
    /// `problems` are those found reading the table (its shape).
    pub fn new(file: &'a str, table: &'a Table, mut problems: Vec<Problem>) -> Self {
        let too_many = csv::too_many_rows(table, MAX_ROWS);
        let fits = too_many.is_none();
        problems.extend(too_many);
        let reader = (table.require_columns(&COLUMNS, &mut problems) && fits)
            .then(|| parse::Reader::new(file, table));
        Job {
            file,
            reader,
            problems,
        }
    }
}

impl Steps for Job<'_> {
    type Output = Result<Dataset, Vec<Problem>>;

    fn step(&mut self, budget: usize) -> bool {
        self.reader.as_mut().is_none_or(|r| r.step(budget))
    }

    fn finish(self) -> Self::Output {
        let mut problems = self.problems;
        let Some(mut reader) = self.reader else {
            return Err(problems);
        };
        problems.append(&mut reader.problems);
        if problems.len() < csv::MAX_PROBLEMS {
            checks::run(self.file, &reader.ds, &mut problems);
        }
        crate::core::sorted::sort_by_key(&mut problems, |p| p.line);
        if problems.is_empty() {
            Ok(reader.ds)
        } else {
            Err(problems)
        }
    }
}
