//! Validates data files and lists every problem with its file, line and field.
//!
//!     cargo run --bin validate                      # the built-in files, and every
//!                                                   # language's (static/locale/, static/data/)
//!     cargo run --bin validate -- my/purchases.csv  # any files; the kind is read from the header
//!
//! A language's files are checked against the built-in timeline: a strings file
//! (`key,text`) for every key, with the English placeholders; an event-text file
//! (`id,title,annotation`) for every event.
//!
//! Exits 0 when every file is valid, 1 when any has problems, 2 when a file can't be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use phase_one::core::locale::{self, Lang};
use phase_one::core::{data, timeline};

fn main() -> ExitCode {
    let mut paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
        let dir = root.join("data");
        paths = vec![dir.join(data::FILE_NAME), dir.join(timeline::FILE_NAME)];
        for lang in Lang::ALL {
            if let Some(files) = lang.files() {
                paths.extend(files.all().map(|f| root.join(f)));
            }
        }
    }
    let mut status = ExitCode::SUCCESS;
    for path in &paths {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    eprintln!("{name}: not UTF-8 text; save it as CSV (UTF-8)");
                    status = ExitCode::FAILURE;
                    continue;
                }
            },
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        let header = text
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or("");
        let columns: Vec<&str> = header.split(',').map(str::trim).collect();
        let problems = if columns.contains(&"record") {
            data::parse(&name, &text).err().unwrap_or_default()
        } else if columns == locale::STRINGS_COLUMNS {
            locale::load_strings(&name, &text).1
        } else if columns == locale::SOURCES_COLUMNS {
            match (
                timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN),
                data::parse(data::FILE_NAME, data::BUILT_IN),
            ) {
                (Ok(tl), Ok(ds)) => locale::load_sources(&name, &text, &tl, &ds).1,
                (a, b) => [a.err(), b.err()].into_iter().flatten().flatten().collect(),
            }
        } else if columns.contains(&"date") {
            timeline::parse(&name, &text).err().unwrap_or_default()
        } else {
            match timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN) {
                Ok(tl) => locale::load_events(&name, &text, &tl).1,
                Err(problems) => problems,
            }
        };
        if problems.is_empty() {
            println!("{name}: OK");
        } else {
            status = ExitCode::FAILURE;
            println!("{name}: {} problem(s)", problems.len());
            for p in problems {
                println!("  {p}");
            }
        }
    }
    status
}
