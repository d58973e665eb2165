//! A CSV table reader over `csv-core`, keeping the line number of every record so that
//! validation can point at the exact place in the file.

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

/// Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends, an
/// optional UTF-8 byte-order mark). Blank lines are skipped. Rows whose field count
/// differs from the header's are reported, and kept.
pub fn parse(file: &str, text: &str, problems: &mut Vec<Problem>) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv_core::Reader::new();
    let mut input = text.as_bytes();
    let mut line = 1usize; // the line the reader has reached
    let mut records: Vec<Row> = Vec::new();
    let mut out = vec![0u8; 1024];
    let mut ends = vec![0usize; 64];
    let (mut out_len, mut ends_len) = (0usize, 0usize);
    let mut record_line = 0usize;
    loop {
        if out_len == 0 && ends_len == 0 {
            // At a record boundary: skip blank lines so the record's own line is known.
            let blank = input
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            line += input[..blank].iter().filter(|&&b| b == b'\n').count();
            input = &input[blank..];
            record_line = line;
        }
        // An empty `input` tells csv-core that the text has ended.
        let (result, nin, nout, nend) =
            reader.read_record(input, &mut out[out_len..], &mut ends[ends_len..]);
        line += input[..nin].iter().filter(|&&b| b == b'\n').count();
        input = &input[nin..];
        out_len += nout;
        ends_len += nend;
        match result {
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            csv_core::ReadRecordResult::Record => {
                records.push(make_row(record_line, &out[..out_len], &ends[..ends_len]));
                (out_len, ends_len) = (0, 0);
            }
            csv_core::ReadRecordResult::End => break,
        }
    }

    let mut rows = records
        .into_iter()
        .filter(|r| r.fields.iter().any(|f| !f.trim().is_empty()));
    let header: Vec<String> = rows
        .next()
        .map(|r| r.fields.into_iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_default();
    if header.is_empty() {
        problems.push(Problem::new(file, 0, None, Msg::NoHeader));
    }
    let mut kept = Vec::new();
    for row in rows {
        if row.fields.len() != header.len() {
            problems.push(
                Problem::new(file, row.line, None, Msg::RaggedRow)
                    .arg("found", row.fields.len().to_string())
                    .arg("expected", header.len().to_string()),
            );
        }
        kept.push(row);
    }
    for (i, name) in header.iter().enumerate() {
        if header[..i].contains(name) {
            problems.push(Problem::new(file, 1, Some(name), Msg::ColumnTwice).value(name));
        }
    }
    Table {
        file: file.to_string(),
        header,
        rows: kept,
    }
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
        let (_, p) = table("a,b\n1,2,3\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 2);
        let (_, p) = table("");
        assert_eq!(p.len(), 1);
        let (_, p) = table("a,a\n1,2\n");
        assert_eq!(p.len(), 1);
    }
}
