//! Trunk `post_build` hook (see Trunk.toml). Runs natively after Trunk has staged the build.
//!
//! 1. Writes `embed.js`, the one loader for every embedding mode. It is an external module
//!    script (a strict CSP blocks Trunk's inline loader), and it resolves the hashed wasm, JS
//!    glue and CSS file names against its own URL, so the build works from any origin and
//!    any sub-path.
//! 2. Adds preload hints for the wasm and the JS glue to `index.html`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(staging) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from) else {
        eprintln!("postbuild: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook");
        return ExitCode::FAILURE;
    };
    match run(&staging) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("postbuild: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(staging: &Path) -> Result<(), String> {
    let files = list(staging)?;
    let glue = find(&files, "phase-one-widget", ".js")?;
    let wasm = find(&files, "phase-one-widget", "_bg.wasm")?;
    let css = find(&files, "widget", ".css")?;

    std::fs::write(staging.join("embed.js"), loader(&glue, &wasm, &css))
        .map_err(|e| format!("writing embed.js: {e}"))?;

    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("reading index.html: {e}"))?;
    let preload = format!(
        "<link rel=\"modulepreload\" href=\"{glue}\">\
         <link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin>"
    );
    let html = replace_marker(&html, "<!-- postbuild: preload -->", &preload)?;
    let html = remove_trunk_link(&html);
    std::fs::write(&index, html).map_err(|e| format!("writing index.html: {e}"))?;
    Ok(())
}

/// The loader module. Kept tiny: everything else happens in Rust (`start`).
fn loader(glue: &str, wasm: &str, css: &str) -> String {
    format!(
        "// Phase One widget loader. Generated at build time; do not edit.\n\
         import init, {{ start }} from './{glue}';\n\
         const here = import.meta.url;\n\
         await init({{ module_or_path: new URL('./{wasm}', here) }});\n\
         start(new URL('./{css}', here).href);\n"
    )
}

fn list(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("listing {}: {e}", dir.display()))?;
    Ok(entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect())
}

fn find(files: &[String], stem: &str, suffix: &str) -> Result<String, String> {
    let mut hits = files.iter().filter(|f| {
        f.starts_with(stem)
            && f.ends_with(suffix)
            && !(suffix == ".js" && f.ends_with("_bg.js"))
            && f[stem.len()..].starts_with(['-', '_', '.'])
    });
    let hit = hits
        .next()
        .ok_or_else(|| format!("no {stem}*{suffix} in the staged build"))?;
    if let Some(other) = hits.next() {
        return Err(format!(
            "two candidates for {stem}*{suffix}: {hit} and {other}"
        ));
    }
    Ok(hit.clone())
}

/// With `inject_scripts = false` Trunk leaves its `<link data-trunk rel="rust">` in place.
fn remove_trunk_link(html: &str) -> String {
    let Some(start) = html.find("<link data-trunk rel=\"rust\"") else {
        return html.to_string();
    };
    match html[start..].find('>') {
        Some(len) => format!("{}{}", &html[..start], html[start + len + 1..].trim_start()),
        None => html.to_string(),
    }
}

fn replace_marker(html: &str, marker: &str, with: &str) -> Result<String, String> {
    if !html.contains(marker) {
        return Err(format!("index.html has no `{marker}` marker"));
    }
    Ok(html.replacen(marker, with, 1))
}
