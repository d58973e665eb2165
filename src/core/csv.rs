//! A CSV table reader over `csv-core`, keeping the line number of every record so that
//! validation can point at the exact place in the file.

use std::collections::HashSet;

use super::problem::{Msg, Problem};

/// One data row: its 1-based line in the file and its fields.
#[derive(Clone, Debug)]
pub struct Row {
    pub line: usize,
    fields: Vec<String>,
}

/// A parsed table: header names and rows. Field access is by column name.
#[derive(Clone, Debug)]
pub struct Table {
    pub file: String,
    header: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// Index of a column, if the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The trimmed value of `name` in `row` ("" when the column or the cell is absent).
    pub fn get<'a>(&self, row: &'a Row, name: &str) -> &'a str {
        self.column(name)
            .and_then(|i| row.fields.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    /// The value of `name` in `row` as written, spaces kept (texts whose spacing matters).
    pub fn get_raw<'a>(&self, row: &'a Row, name: &str) -> &'a str {
        self.column(name)
            .and_then(|i| row.fields.get(i))
            .map_or("", String::as_str)
    }

    /// Reports every required column that the header lacks.
    pub fn require_columns(&self, names: &[&str], problems: &mut Vec<Problem>) -> bool {
        let mut ok = true;
        for name in names {
            if self.column(name).is_none() {
                ok = false;
                problems.push(Problem::new(&self.file, 1, Some(name), Msg::NoColumn));
            }
        }
        ok
    }
}

/// A file's bytes as text: strictly UTF-8 (a byte-order mark is read past), or the problem
/// that says what it looks like instead (UTF-16, or an older single-byte encoding).
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let head = &bytes[..bytes.len().min(1000)];
            let utf16 = head.starts_with(&[0xFF, 0xFE])
                || head.starts_with(&[0xFE, 0xFF])
                || head.iter().filter(|b| **b == 0).count() * 10 > head.len();
            let msg = if utf16 { Msg::Utf16 } else { Msg::NotUtf8 };
            Err(Problem::new(file, 0, None, msg))
        }
    }
}

/// The largest data file the widget reads: bigger files are refused before parsing.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// The widest header a data file may have (the real files have 17 and 21 columns).
pub const MAX_COLUMNS: usize = 100;
/// Validation stops after this many problems: the first ones are what an editor fixes.
pub const MAX_PROBLEMS: usize = 200;

/// An incremental CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF line
/// ends, an optional UTF-8 byte-order mark), so a caller can read a large file a slice at
/// a time and yield between slices. Blank lines are skipped.
pub struct Reader<'t> {
    input: &'t [u8],
    total: usize,
    csv: csv_core::Reader,
    /// The line the reader has reached, and the line the current record started on.
    line: usize,
    record_line: usize,
    out: Vec<u8>,
    ends: Vec<usize>,
    out_len: usize,
    ends_len: usize,
    records: Vec<Row>,
    done: bool,
}

impl<'t> Reader<'t> {
    pub fn new(text: &'t str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Reader {
            input: text.as_bytes(),
            total: text.len(),
            csv: csv_core::Reader::new(),
            line: 1,
            record_line: 0,
            out: vec![0u8; 1024],
            ends: vec![0usize; 64],
            out_len: 0,
            ends_len: 0,
            records: Vec::new(),
            done: false,
        }
    }

    /// The share of the text read so far, 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            (self.total - self.input.len()) as f64 / self.total as f64
        }
    }

    /// Reads about `budget` more bytes. Returns true once the text has ended.
    pub fn step(&mut self, budget: usize) -> bool {
        let stop = self.input.len().saturating_sub(budget.max(1));
        while !self.done && (self.input.len() > stop || self.input.is_empty()) {
            if self.out_len == 0 && self.ends_len == 0 {
                // At a record boundary: skip blank lines so the record's own line is known.
                let blank = self
                    .input
                    .iter()
                    .take_while(|&&b| b == b'\n' || b == b'\r')
                    .count();
                self.line += self.input[..blank].iter().filter(|&&b| b == b'\n').count();
                self.input = &self.input[blank..];
                self.record_line = self.line;
            }
            // An empty slice tells csv-core that the text has ended; a budget's slice
            // is never empty while text remains.
            let take = self.input.len().min(budget.max(1));
            let chunk = &self.input[..take];
            let (result, nin, nout, nend) = self.csv.read_record(
                chunk,
                &mut self.out[self.out_len..],
                &mut self.ends[self.ends_len..],
            );
            self.line += chunk[..nin].iter().filter(|&&b| b == b'\n').count();
            self.input = &self.input[nin..];
            self.out_len += nout;
            self.ends_len += nend;
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0)
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0)
                }
                csv_core::ReadRecordResult::Record => {
                    let row = make_row(
                        self.record_line,
                        &self.out[..self.out_len],
                        &self.ends[..self.ends_len],
                    );
                    self.records.push(row);
                    (self.out_len, self.ends_len) = (0, 0);
                }
                csv_core::ReadRecordResult::End => self.done = true,
            }
        }
        self.done
    }

    /// The table read, with the problems of its shape: no header, a header too wide or
    /// with a name twice, rows whose field count differs from the header's (reported and
    /// left out, so one stray comma doesn't cascade into a problem per field).
    pub fn finish(self, file: &str, problems: &mut Vec<Problem>) -> Table {
        let mut rows = self
            .records
            .into_iter()
            .filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()));
        let mut header: Vec<String> = rows
            .next()
            .map(|r| r.fields.into_iter().map(|f| f.trim().to_string()).collect())
            .unwrap_or_default();
        if header.is_empty() {
            problems.push(Problem::new(file, 0, None, Msg::NoHeader));
        }
        if header.len() > MAX_COLUMNS {
            problems.push(
                Problem::new(file, 1, None, Msg::TooManyColumns)
                    .arg("found", header.len().to_string())
                    .arg("max", MAX_COLUMNS.to_string()),
            );
            header.clear();
        }
        // Each name given twice is reported once, however often it repeats.
        let (mut seen, mut twice) = (HashSet::new(), HashSet::new());
        for name in &header {
            if !seen.insert(name.as_str()) && twice.insert(name.as_str()) {
                problems.push(Problem::new(file, 1, Some(name), Msg::ColumnTwice).value(name));
            }
        }
        let mut kept = Vec::new();
        for row in rows {
            if header.is_empty() {
                break;
            }
            if row.fields.len() == header.len() {
                // A direction control in any field: reported with its line and field.
                for (name, field) in header.iter().zip(&row.fields) {
                    if problems.len() >= MAX_PROBLEMS {
                        break;
                    }
                    if let Some(c) = field.chars().find(|c| super::problem::is_bidi_control(*c)) {
                        let code = format!("U+{:04X}", c as u32);
                        problems.push(
                            Problem::new(file, row.line, Some(name), Msg::BidiControl)
                                .arg("value", code),
                        );
                    }
                }
                kept.push(row);
                continue;
            }
            // Counted with the header's problems: the cap is on what the editor reads.
            if !stop_at_limit(file, row.line, problems) {
                problems.push(
                    Problem::new(file, row.line, None, Msg::RaggedRow)
                        .arg("found", row.fields.len().to_string())
                        .arg("expected", header.len().to_string()),
                );
            }
        }
        Table {
            file: file.to_string(),
            header,
            rows: kept,
        }
    }
}

/// Parses CSV text in one go (see [`Reader`]).
pub fn parse(file: &str, text: &str, problems: &mut Vec<Problem>) -> Table {
    let mut reader = Reader::new(text);
    while !reader.step(usize::MAX) {}
    reader.finish(file, problems)
}

/// Reads a whole data file's text, unless it is over [`MAX_FILE_BYTES`]: the table and
/// the problems found reading it, for a validating job to go on with.
pub fn read_capped(file: &str, text: &str) -> Result<(Table, Vec<Problem>), Vec<Problem>> {
    if let Some(p) = too_large(file, text.len()) {
        return Err(vec![p]);
    }
    let mut problems = Vec::new();
    let table = parse(file, text, &mut problems);
    Ok((table, problems))
}

/// The problem for a table with more rows than its kind of file may have, if it has.
pub fn too_many_rows(table: &Table, max: usize) -> Option<Problem> {
    (table.rows.len() > max).then(|| {
        Problem::new(&table.file, 0, None, Msg::TooManyRows)
            .arg("found", table.rows.len().to_string())
            .arg("max", max.to_string())
    })
}

/// Whether a problem list has reached [`MAX_PROBLEMS`]; if so, says so once, at `line`.
pub fn stop_at_limit(file: &str, line: usize, problems: &mut Vec<Problem>) -> bool {
    if problems.len() < MAX_PROBLEMS {
        return false;
    }
    if problems
        .last()
        .is_none_or(|p| p.msg != Msg::TooManyProblems)
    {
        problems.push(Problem::new(file, line, None, Msg::TooManyProblems));
    }
    true
}

/// The problem for a file over [`MAX_FILE_BYTES`], if it is.
pub fn too_large(file: &str, bytes: usize) -> Option<Problem> {
    (bytes > MAX_FILE_BYTES).then(|| {
        Problem::new(file, 0, None, Msg::FileTooLarge)
            .arg("size", mb(bytes))
            .arg("max", mb(MAX_FILE_BYTES))
    })
}

/// The problem for a file found, while it arrives, to run past [`MAX_FILE_BYTES`]: its
/// whole size is never known, as the widget stops reading at the cap.
pub fn over_cap(file: &str) -> Problem {
    Problem::new(file, 0, None, Msg::FileOverCap).arg("max", mb(MAX_FILE_BYTES))
}

/// Megabytes to one decimal, rounded up, so a file just over the cap never reads as equal.
fn mb(bytes: usize) -> String {
    super::decimal::decimal((bytes as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0, 1)
}

fn make_row(line: usize, data: &[u8], ends: &[usize]) -> Row {
    let mut fields = Vec::with_capacity(ends.len());
    let mut start = 0;
    for &end in ends {
        // Input was &str and csv-core splits only at ASCII bytes, so fields are UTF-8.
        fields.push(String::from_utf8_lossy(&data[start..end]).into_owned());
        start = end;
    }
    Row { line, fields }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> (Table, Vec<Problem>) {
        let mut problems = Vec::new();
        let t = parse("t.csv", text, &mut problems);
        (t, problems)
    }

    #[test]
    fn text_is_utf8_or_says_what_it_is() {
        assert_eq!(
            decode("f.csv", "a,é\n".as_bytes().to_vec()).as_deref(),
            Ok("a,é\n")
        );
        let latin1 = vec![b'a', b',', 0xE9, b'\n'];
        assert_eq!(
            decode("f.csv", latin1).map_err(|p| p.msg),
            Err(Msg::NotUtf8)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a,é".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode("f.csv", utf16).map_err(|p| p.msg), Err(Msg::Utf16));
        let no_bom: Vec<u8> = "record,id\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        // Plain ASCII in UTF-16 is valid UTF-8 (with NULs), so the reader sees the NULs.
        assert!(decode("f.csv", no_bom).is_ok());
    }

    #[test]
    fn direction_controls_are_reported_with_line_and_field() {
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            let (_, p) = table(&format!("id,outlet\n1,Reuters\n2,Reuters{c}\n"));
            assert_eq!(p.len(), 1, "{c:?}: {p:?}");
            assert_eq!(
                (p[0].line, p[0].field.as_deref(), p[0].msg),
                (3, Some("outlet"), Msg::BidiControl)
            );
            assert_eq!(p[0].args, vec![("value", format!("U+{:04X}", c as u32))]);
        }
        // Right-to-left letters are text, not controls; so are joiners and spaces.
        let (_, p) = table("id,outlet\n1,رويترز\n2,a\u{200D}b\u{00A0}c\n");
        assert!(p.is_empty(), "{p:?}");
        // And a problem quoting such a value shows it, without obeying it.
        assert!(!crate::core::problem::quote("abc\u{202E}def").contains('\u{202E}'));
    }

    #[test]
    fn reads_quoted_fields_and_line_numbers() {
        let (t, p) = table("a,b\n1,\"x, \"\"y\"\"\"\n\n2,\"multi\nline\"\n3,z");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.get(&t.rows[0], "b"), "x, \"y\"");
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
        assert_eq!(t.get(&t.rows[1], "b"), "multi\nline");
        assert_eq!(t.rows[2].line, 6);
        assert_eq!(t.get(&t.rows[2], "b"), "z");
    }

    #[test]
    fn handles_bom_and_crlf() {
        let (t, p) = table("\u{feff}a,b\r\n1,2\r\n");
        assert!(p.is_empty());
        assert_eq!(t.get(&t.rows[0], "a"), "1");
        assert_eq!(t.get(&t.rows[0], "b"), "2");
    }

    #[test]
    fn reports_ragged_rows_and_empty_files() {
        let (t, p) = table("a,b\n1,2,3\n4,5\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 2);
        assert_eq!(t.rows.len(), 1, "the ragged row is left out");
        let (_, p) = table("");
        assert_eq!(p.len(), 1);
        let (_, p) = table("a,a\n1,2\n");
        assert_eq!(p.len(), 1);
    }
}

#[cfg(test)]
mod limits {
    use super::*;

    #[test]
    fn reading_in_slices_gives_the_same_table() {
        let text = "a,b\r\n1,\"x,\ny\"\n\n\n2,3\n\"q\"\"\",4";
        let whole = parse("t.csv", text, &mut Vec::new());
        for budget in 1..=text.len() {
            let mut r = Reader::new(text);
            let mut steps = 0;
            while !r.step(budget) {
                steps += 1;
                assert!(steps <= text.len() + 2, "no progress at budget {budget}");
            }
            let t = r.finish("t.csv", &mut Vec::new());
            assert_eq!(t.rows.len(), whole.rows.len(), "budget {budget}");
            for (a, b) in t.rows.iter().zip(&whole.rows) {
                assert_eq!((a.line, &a.fields), (b.line, &b.fields), "budget {budget}");
            }
        }
    }

    #[test]
    fn wide_headers_and_floods_of_problems_are_cut_short() {
        let mut p = Vec::new();
        let wide = (0..=MAX_COLUMNS)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>();
        let t = parse("t.csv", &wide.join(","), &mut p);
        assert_eq!(p[0].msg, Msg::TooManyColumns);
        assert!(t.column("c0").is_none());

        let mut p = Vec::new();
        parse("t.csv", &format!("a,b\n{}", "1\n".repeat(1000)), &mut p);
        assert_eq!(p.len(), MAX_PROBLEMS + 1);
        assert_eq!(p[MAX_PROBLEMS].msg, Msg::TooManyProblems);

        // A header of repeated names (a data row moved to the top) and ragged rows after
        // it: the cap counts both, and each repeated name is reported once.
        let mut p = Vec::new();
        parse(
            "t.csv",
            &format!("a,,,,b,b,b\n{}", "1\n".repeat(1000)),
            &mut p,
        );
        assert_eq!(p.iter().filter(|p| p.msg == Msg::ColumnTwice).count(), 2);
        assert_eq!(p.len(), MAX_PROBLEMS + 1);
        assert_eq!(p[MAX_PROBLEMS].msg, Msg::TooManyProblems);

        let mut p = Vec::new();
        let t = parse("t.csv", &format!("a\n{}", "1\n".repeat(11)), &mut p);
        assert!(too_many_rows(&t, 10).is_some_and(|p| p.msg == Msg::TooManyRows));
        assert!(too_many_rows(&t, 11).is_none());

        assert!(too_large("t.csv", MAX_FILE_BYTES).is_none());
        let big = too_large("t.csv", MAX_FILE_BYTES + 1).map(|p| p.args);
        assert_eq!(
            big,
            Some(vec![("size", "2.1".to_string()), ("max", "2".to_string())])
        );
    }
}
