//! Validates data files and lists every problem with its file, line and field.
//!
//!     cargo run --bin validate                      # the built-in files in static/data/
//!     cargo run --bin validate -- my/purchases.csv  # any files; the kind is read from the header
//!
//! Exits 0 when every file is valid, 1 when any has problems, 2 when a file can't be read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use phase_one::core::{data, timeline};

fn main() -> ExitCode {
    let mut paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/data");
        paths = vec![dir.join(data::FILE_NAME), dir.join(timeline::FILE_NAME)];
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
        let problems = if header.split(',').any(|h| h.trim() == "record") {
            data::parse(&name, &text).err().unwrap_or_default()
        } else {
            timeline::parse(&name, &text).err().unwrap_or_default()
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
