//! Trunk `post_build` hook (see Trunk.toml). Runs natively after Trunk has staged the build.
//!
//! 1. Writes `embed.js`, the one loader for every embedding mode. It is an external module
//!    script (a strict CSP blocks Trunk's inline loader), and it resolves the hashed wasm, JS
//!    glue and CSS file names against its own URL, so the build works from any origin and
//!    any sub-path.
//! 2. Adds preload hints for the wasm and the JS glue to `index.html`.
//! 3. Prerenders the default view (verdict, chart, timeline with sources) with Yew's SSR
//!    into `index.html`, so readers see real content before the wasm arrives, without
//!    JavaScript, and in print. The client hydrates it.

// The hook runs natively; on wasm32 (clippy --all-targets) this binary is an empty shell.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    #[tokio::main(flavor = "current_thread")]
    pub async fn main() -> ExitCode {
        let Some(staging) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from) else {
            eprintln!("postbuild: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook");
            return ExitCode::FAILURE;
        };
        let prerendered = strip_marker_names(&prerender().await);
        match run(&staging, &prerendered) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("postbuild: {e}");
                ExitCode::FAILURE
            }
        }
    }

    /// The default view, rendered to hydratable HTML. Two passes: the first renders every
    /// event as a component; the second puts the hidden events' HTML from the first in as
    /// raw islands, which the client adopts without hydrating them node by node.
    async fn prerender() -> String {
        use std::collections::HashMap;
        use std::rc::Rc;

        use phase_one::core::timeline;
        use phase_one::ui::{Env, Extras, Init, Widget, WidgetProps};
        let render = |extras: Extras| {
            yew::LocalServerRenderer::<Widget>::with_props(WidgetProps {
                init: Rc::new(Init {
                    env: Env {
                        asset_base: "./".into(),
                        ..Env::default()
                    },
                    extras,
                    ..Init::default()
                }),
            })
            .render()
        };
        let whole = render(Extras::Live).await;
        let Ok(events) = timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN) else {
            return whole;
        };
        let cards: HashMap<String, String> = events
            .events
            .iter()
            .filter(|e| !e.key)
            .filter_map(|e| Some((e.id.clone(), card_html(&whole, &e.id)?.to_string())))
            .collect();
        render(Extras::Prerender(Rc::new(cards))).await
    }

    /// One event card's HTML in a rendered page (cards are `<article>`s, never nested).
    fn card_html<'a>(html: &'a str, id: &str) -> Option<&'a str> {
        let start = html.find(&format!("<article id=\"event-{id}\""))?;
        let len = html[start..].find("</article>")? + "</article>".len();
        Some(&html[start..start + len])
    }

    /// Drops component type names from Yew's hydration markers (`<!--<[path::Name]>-->` →
    /// `<!--<[]>-->`): hydration matches the markers by their brackets only, and the names
    /// are a large share of the page's bytes.
    fn strip_marker_names(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(i) = rest.find("<!--<") {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            let open = if tail.starts_with("<!--<[") {
                "<!--<["
            } else if tail.starts_with("<!--</[") {
                "<!--</["
            } else {
                out.push_str("<!--<");
                rest = &tail[5..];
                continue;
            };
            match tail.find("]>-->") {
                Some(end) => {
                    out.push_str(open);
                    out.push_str("]>-->");
                    rest = &tail[end + 5..];
                }
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn run(staging: &Path, prerendered: &str) -> Result<(), String> {
        let files = list(staging)?;
        let glue = find(&files, "phase-one-widget", ".js")?;
        let wasm = find(&files, "phase-one-widget", "_bg.wasm")?;
        let css = find(&files, "widget", ".css")?;

        std::fs::write(staging.join("embed.js"), loader(&glue, &wasm, &css))
            .map_err(|e| format!("writing embed.js: {e}"))?;

        let index = staging.join("index.html");
        let html =
            std::fs::read_to_string(&index).map_err(|e| format!("reading index.html: {e}"))?;
        let preload = format!(
            "<link rel=\"modulepreload\" href=\"{glue}\">\
             <link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" \
             crossorigin>"
        );
        let html = replace_marker(&html, "<!-- postbuild: preload -->", &preload)?;
        let html = remove_trunk_link(&html);
        let html = replace_marker(&html, "<!-- postbuild: prerender -->", prerendered)?;
        std::fs::write(&index, html).map_err(|e| format!("writing index.html: {e}"))?;
        Ok(())
    }

    /// The loader module (`src/bin/loader.js`, with the hashed file names and its few
    /// words filled in). Everything else happens in Rust (`start`).
    fn loader(glue: &str, wasm: &str, css: &str) -> String {
        let s = phase_one::core::locale::EN.strings;
        let own: Vec<String> = phase_one::core::url_state::OWN_NAMES
            .iter()
            .map(|n| js_string(n))
            .collect();
        let strings = format!(
            "{{ failed: {}, scenario: {}, link: {} }}",
            js_string(s.load_failed),
            js_string(s.load_failed_scenario),
            js_string(s.load_failed_link)
        );
        include_str!("loader.js")
            .replace("__GLUE__", glue)
            .replace("__WASM__", wasm)
            .replace("__CSS__", css)
            .replace("__STRINGS__", &strings)
            .replace("__OWN__", &format!("[{}]", own.join(", ")))
    }

    /// A JavaScript string literal.
    fn js_string(text: &str) -> String {
        let mut out = String::from("'");
        for c in text.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\'' => out.push_str("\\'"),
                '\n' => out.push_str("\\n"),
                '<' => out.push_str("\\u003c"),
                c => out.push(c),
            }
        }
        out.push('\'');
        out
    }

    fn list(dir: &Path) -> Result<Vec<String>, String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("listing {}: {e}", dir.display()))?;
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

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn strips_component_names_only() {
            let html = "<!--<[a::B<c::D>]>--><p>x</p><!--<#>--><!--</[a::B<c::D>]>-->";
            assert_eq!(
                strip_marker_names(html),
                "<!--<[]>--><p>x</p><!--<#>--><!--</[]>-->"
            );
        }
    }
}
