//! Problems found in a data file: where (file, line, field) and what.

use std::fmt;

/// One problem in a data file. Validation collects every problem and stops at none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file's name, as the person who edits it knows it (e.g. `purchases.csv`).
    pub file: String,
    /// 1-based line number in the file; 0 when the problem concerns the whole file.
    pub line: usize,
    /// The column (field) concerned, if any.
    pub field: Option<String>,
    /// What is wrong, in plain words, quoting the offending value.
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, line: usize, field: Option<&str>, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if self.line > 0 {
            write!(f, ", line {}", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field \u{201c}{field}\u{201d}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Quotes a user-supplied value for a message, shortened so a hostile or huge value
/// cannot flood the notice.
pub fn quote(value: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::from("\u{201c}");
    let mut chars = value.chars();
    out.extend(
        chars
            .by_ref()
            .take(MAX)
            .map(|c| if c.is_control() { ' ' } else { c }),
    );
    if chars.next().is_some() {
        out.push('\u{2026}');
    }
    out.push('\u{201d}');
    out
}
