//! The built-in timeline's key moments, for the wasm.
//!
//! The widget's page lists the timeline's key moments (the rows whose `key` is `yes` or
//! `true`), so the wasm embeds only those rows, copied here byte for byte from
//! `static/data/timeline.csv` under its header, with the number of events the whole file
//! has. The widget fetches the whole file (`data/timeline.csv`, beside its assets) when a
//! reader asks for every event. `tests/timeline.rs` checks that the two agree, and the
//! validator checks the file itself.

use std::path::PathBuf;

const SOURCE: &str = "static/data/timeline.csv";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = match std::fs::read_to_string(SOURCE) {
        Ok(text) => text,
        Err(e) => fail(&format!("reading {SOURCE}: {e}")),
    };
    let (key, events) = key_moments(&text);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for (name, contents) in [
        ("timeline.key.csv", key),
        ("timeline.events", events.to_string()),
    ] {
        if let Err(e) = std::fs::write(out.join(name), contents) {
            fail(&format!("writing {name}: {e}"));
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1);
}

/// The header and the key moments' rows, as written; and how many events (rows with an
/// `id`) the file has. A file without a `key` column has no key moments: the widget
/// then lists every event, and embeds them all.
fn key_moments(text: &str) -> (String, usize) {
    let records = records(text);
    let Some((header, rows)) = records.split_first() else {
        return (String::new(), 0);
    };
    let column = |name: &str| {
        header
            .1
            .iter()
            .position(|f| f.trim().trim_start_matches('\u{feff}') == name)
    };
    let (id, key) = (column("id"), column("key"));
    let value = |fields: &[String], i: Option<usize>| {
        i.and_then(|i| fields.get(i))
            .map(|f| f.trim().to_string())
            .unwrap_or_default()
    };
    let events: Vec<&(&str, Vec<String>)> = rows
        .iter()
        .filter(|(_, fields)| !value(fields, id).is_empty())
        .collect();
    let mut out = header.0.to_string();
    for (raw, fields) in rows {
        if key.is_none() || matches!(value(fields, key).as_str(), "yes" | "true") {
            out.push_str(raw);
        }
    }
    (out, events.len())
}

/// Each record's text as written (its line end included) and its fields, by `csv-core`,
/// the reader the widget uses (empty input tells it the file has ended).
fn records(text: &str) -> Vec<(&str, Vec<String>)> {
    let mut reader = csv_core::Reader::new();
    let mut out = Vec::new();
    let (mut at, mut start) = (0usize, 0usize);
    let mut field = vec![0u8; text.len() + 1];
    let mut ends = vec![0usize; 256];
    loop {
        let (result, read, _, n) =
            reader.read_record(&text.as_bytes()[at..], &mut field, &mut ends);
        at += read;
        match result {
            csv_core::ReadRecordResult::Record => {
                let mut from = 0;
                let fields = ends[..n]
                    .iter()
                    .map(|&end| {
                        let f = String::from_utf8_lossy(&field[from..end]).into_owned();
                        from = end;
                        f
                    })
                    .collect();
                out.push((&text[start..at], fields));
                start = at;
            }
            csv_core::ReadRecordResult::End => break,
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull | csv_core::ReadRecordResult::OutputEndsFull => {
                fail(&format!(
                    "{SOURCE}: a record with more than {} fields",
                    ends.len()
                ))
            }
        }
    }
    out
}
