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
//! 4. Does the same in every other language, each to its own page (`index.zh-Hans.html`)
//!    with its title, description and its files' hints for the loader; every page links
//!    the others with `hreflang` alternates.
//! 5. Draws each language's pictures (`phase_one::pictures`) into `images/`: the social
//!    card (1200 × 630 PNG) and the static fallback (PNG and SVG), with `pictures.json`
//!    listing them with their sizes and alt texts; every page's head gets its Open Graph
//!    and Twitter card tags. Tags that need an absolute address (`og:url`, `og:image`,
//!    `canonical`, `hreflang`) come only with `PHASE_ONE_SITE_URL`.
//! 6. In a release build, drops the comments and indentation from the stylesheet, minifies
//!    the JS glue and `embed.js` with esbuild (their readers are in `static/`, `src/bin/`
//!    and wasm-bindgen's source), and gives the page the slimmed stylesheet's `integrity`
//!    hash.
//! 7. In a release build, last, writes `<file>.gz` (gzip -9) and `<file>.br` (brotli 11)
//!    beside every file a server would compress (README, "Serving it compressed").

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

    use phase_one::core::locale::{self, Lang, Locale};
    use phase_one::core::text::escape_html;
    use phase_one::ui::hydrate::markers;

    #[tokio::main(flavor = "current_thread")]
    pub async fn main() -> ExitCode {
        let Some(staging) = std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from) else {
            eprintln!("postbuild: TRUNK_STAGING_DIR is not set; run me as a Trunk post_build hook");
            return ExitCode::FAILURE;
        };
        let mut pages = Vec::new();
        let mut events_pages = Vec::new();
        for lang in Lang::ALL {
            let locale = match locale(&staging, lang) {
                Ok(locale) => locale,
                Err(e) => {
                    eprintln!("postbuild: {e}");
                    return ExitCode::FAILURE;
                }
            };
            match prerender(locale).await {
                Ok(page) => pages.push((locale, markers::strip_names(&page))),
                Err(e) => {
                    eprintln!("postbuild: {e}");
                    return ExitCode::FAILURE;
                }
            }
            events_pages.push(markers::strip_names(&every_event(locale).await));
        }
        let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
        let done = run(&staging, &pages, release)
            .and_then(|template| write_events_pages(&staging, &template, &pages, &events_pages))
            .and_then(|()| {
                if release {
                    precompress(&staging)?;
                }
                Ok(())
            });
        match done {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("postbuild: {e}");
                ExitCode::FAILURE
            }
        }
    }

    /// A language's locale: English is compiled in; another is read from its files in
    /// the staged build, and any problem in them fails the build.
    fn locale(staging: &Path, lang: Lang) -> Result<&'static Locale, String> {
        use phase_one::core::{data, timeline};
        let Some(files) = lang.files() else {
            return Ok(&locale::EN);
        };
        let read = |path: &str| {
            std::fs::read_to_string(staging.join(path)).map_err(|e| format!("reading {path}: {e}"))
        };
        let tl = timeline::parse(timeline::FILE_NAME, timeline::BUILT_IN)
            .map_err(|_| "the built-in timeline has problems".to_string())?;
        let ds = data::parse(data::FILE_NAME, data::BUILT_IN)
            .map_err(|_| "the built-in purchase data have problems".to_string())?;
        let [strings, events, sources] = files.all().map(read);
        let (strings, events, sources) = (strings?, events?, sources?);
        let texts = [strings.as_str(), events.as_str(), sources.as_str()];
        let (loc, problems) = locale::load(lang, texts, &tl, &ds);
        if !problems.is_empty() {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            return Err(format!("{}:\n{}", lang.code(), list.join("\n")));
        }
        Ok(Box::leak(Box::new(loc)))
    }

    /// The widget rendered to HTML as a page of the build shows it: in `loc`'s language
    /// with `params`' options, its assets beside the page. `built_in` replaces the files
    /// the wasm embeds (see [`every_event`]).
    async fn render(
        loc: &'static Locale,
        params: phase_one::core::url_state::Params,
        extras: phase_one::ui::hydrate::Extras,
        built_in: Option<(&'static str, &'static str)>,
    ) -> String {
        use std::rc::Rc;

        use phase_one::core::url_state::Params;
        use phase_one::ui::widget::{Widget, WidgetProps};
        use phase_one::ui::{Env, Init};
        yew::LocalServerRenderer::<Widget>::with_props(WidgetProps {
            init: Rc::new(Init {
                env: Env {
                    asset_base: "./".into(),
                    ..Env::default()
                },
                extras,
                params: Params {
                    lang: Some(loc.lang),
                    ..params
                },
                built_in,
                locale: Some(loc),
                ..Init::default()
            }),
        })
        .render()
        .await
    }

    /// The default view, rendered to hydratable HTML. Two passes: the first renders every
    /// part as components; the second puts the charts' HTML from the first in raw, which
    /// the client adopts without hydrating it node by node.
    async fn prerender(loc: &'static Locale) -> Result<String, String> {
        use std::rc::Rc;

        use phase_one::ui::hydrate::{Extras, Prerendered};
        let whole = render(loc, Default::default(), Extras::Live, None).await;
        let part = |start: &str, what: &str| {
            markers::element_html(&whole, start)
                .map(str::to_string)
                .ok_or_else(|| format!("prerendering {:?}: no {what} in the page", loc.lang))
        };
        let chart = part("<figure data-p1-role=\"chart\"", "chart")?;
        let categories = part("<section data-p1-role=\"categories\"", "small charts")?;
        let select = part("<select data-p1-role=\"asof\"", "as-of month list")?;
        let asof_options = markers::options_html(&select)
            .map(str::to_string)
            .ok_or_else(|| format!("prerendering {:?}: no as-of months", loc.lang))?;
        let verdict = part("<div data-p1-role=\"verdict\"", "verdicts")?;
        let outlook = part("<div data-p1-role=\"outlook\"", "outlook")?;
        let extras = Extras::Prerender(Rc::new(Prerendered {
            chart,
            categories,
            asof_options,
            verdict,
            outlook,
        }));
        Ok(render(loc, Default::default(), extras, None).await)
    }

    /// Every event, in the timeline's view: the page "Show all" links to for readers
    /// without JavaScript (the widget's own page lists the key moments). Static HTML; no
    /// client takes it over.
    async fn every_event(loc: &'static Locale) -> String {
        use phase_one::core::data;
        use phase_one::core::timeline::{self, Events};
        use phase_one::core::url_state::{Params, View};
        use phase_one::ui::hydrate::Extras;
        let params = Params {
            view: Some(View::Timeline),
            events: Some(Events::All),
            ..Params::default()
        };
        // The whole timeline (the widget itself embeds the key moments).
        let whole = Some((data::BUILT_IN, timeline::BUILT_IN));
        render(loc, params, Extras::Live, whole).await
    }

    /// Writes each language's page of every event ([`Lang::events_page`]) from the
    /// widget's page template without its scripts and hints: the events, a line saying
    /// what the page is, and a link to the interactive page.
    fn write_events_pages(
        staging: &Path,
        template: &str,
        pages: &[(&'static Locale, String)],
        events: &[String],
    ) -> Result<(), String> {
        for ((loc, _), prerendered) in pages.iter().zip(events) {
            let s = loc.strings;
            let title = format!("{} · {}", s.timeline_heading, s.headline_plain);
            let note = format!(
                "<p class=\"p1-static-note\">{} <a href=\"{}\">{}</a></p>",
                escape_html(s.events_page_note),
                loc.lang.page(),
                escape_html(s.events_page_back)
            );
            let html = replace_marker(template, "<!-- postbuild: preload -->", "")?;
            let html = remove_trunk_link(&html);
            let html = without_scripts(&html);
            let html = replace_marker(&html, "<!-- postbuild: prerender -->", prerendered)?;
            let root = "<div id=\"phase-one-root\"";
            let html = replace_marker(&html, root, &format!("{note}{root}"))?;
            let html = in_language(&html, loc, &title)?;
            let html = replace_marker(
                &html,
                "class=\"not-embedded\"",
                "class=\"not-embedded p1-static\"",
            )?;
            let html = switch_to_events_pages(&html, loc.lang)?;
            let page = loc.lang.events_page();
            std::fs::write(staging.join(page), html).map_err(|e| format!("writing {page}: {e}"))?;
        }
        Ok(())
    }

    /// The language switch of a page of every event leads to the other languages' pages
    /// of every event (the widget links to their interactive pages, with the view's
    /// options, which a reader without JavaScript would find listing the key moments).
    fn switch_to_events_pages(html: &str, lang: Lang) -> Result<String, String> {
        let mut html = html.to_string();
        for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
            let hreflang = format!("hreflang=\"{}\"", other.code());
            // The switch's link to that language: one `<a class="p1-lang">` with its
            // `hreflang`, and its address the language's page (with a query or none).
            let mut found = None;
            let mut from = 0;
            while let Some(i) = html[from..].find("<a ") {
                let at = from + i;
                let end = html[at..].find('>').map_or(html.len(), |e| at + e);
                let tag = &html[at..end];
                if tag.contains("class=\"p1-lang\"") && tag.contains(&hreflang) {
                    if found.is_some() {
                        return Err(format!(
                            "{}: two switches to {}",
                            lang.events_page(),
                            other.code()
                        ));
                    }
                    found = Some(at..end);
                }
                from = end;
            }
            let missing = || format!("{}: no switch to {}", lang.events_page(), other.code());
            let tag = found.ok_or_else(missing)?;
            let href = format!("href=\"{}", other.page());
            let start =
                html[tag.clone()].find(&href).ok_or_else(missing)? + tag.start + "href=\"".len();
            let len = html[start..tag.end].find('"').ok_or_else(missing)?;
            let address = &html[start..start + len];
            if address != other.page() && !address.starts_with(&format!("{}?", other.page())) {
                return Err(missing());
            }
            html.replace_range(start..start + len, other.events_page());
        }
        Ok(html)
    }

    /// A page without its script elements (and the comments just before them).
    fn without_scripts(html: &str) -> String {
        html.lines()
            .filter(|l| {
                let l = l.trim_start();
                !l.starts_with("<script") && !l.starts_with("<!-- A module script")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Writes `embed.js`, the pictures and each language's page; returns the pages'
    /// template (the stylesheet's hash in it).
    fn run(
        staging: &Path,
        pages: &[(&'static Locale, String)],
        release: bool,
    ) -> Result<String, String> {
        let files = list(staging)?;
        let glue = find(&files, "phase-one-widget", ".js")?;
        let wasm = find(&files, "phase-one-widget", "_bg.wasm")?;
        let css = find(&files, "widget", ".css")?;
        // The stylesheet as the page will fetch it, once slimmed (release builds only).
        let slimmed_css = if release {
            minify_js(
                &staging.join(&glue),
                "// wasm-bindgen's JS glue, minified.\n",
            )?;
            Some(slim(&staging.join(&css), slim_css)?)
        } else {
            None
        };
        let locales: Vec<&Locale> = pages.iter().map(|(loc, _)| *loc).collect();

        std::fs::write(
            staging.join("embed.js"),
            loader(&glue, &wasm, &css, &locales),
        )
        .map_err(|e| format!("writing embed.js: {e}"))?;
        if release {
            minify_js(
                &staging.join("embed.js"),
                "// Phase One widget loader: src/bin/loader.js, minified. Do not edit.\n",
            )?;
            // A host page fetches it before its reader scrolls to the frame.
            minify_js(
                &staging.join("resize.js"),
                "// Phase One widget: iframe auto-height. static/resize.js, minified.\n",
            )?;
        }
        for loc in locales.iter().filter(|l| l.lang != Lang::En) {
            let path = staging.join(failure_file(loc.lang));
            std::fs::write(&path, failure_words(loc, json_string))
                .map_err(|e| format!("writing {}: {e}", path.display()))?;
        }

        let images = pictures(staging, &locales, site_url()?.as_deref())?;
        let index = staging.join("index.html");
        let template =
            std::fs::read_to_string(&index).map_err(|e| format!("reading index.html: {e}"))?;
        let template = match &slimmed_css {
            Some(slim) => with_integrity(&template, &css, slim)?,
            None => template,
        };
        let site = site_url()?;
        let ds = phase_one::core::data::parse(
            phase_one::core::data::FILE_NAME,
            phase_one::core::data::BUILT_IN,
        )
        .map_err(|_| "the built-in purchase data have problems".to_string())?;
        for (loc, prerendered) in pages {
            let lang = loc.lang;
            let title = phase_one::core::text::page_title(
                loc,
                &phase_one::ui::format::Fmt::new(loc, false),
                &ds,
            );
            // The language's own files: hints the loader adds once the page has painted
            // (an inert template until then), so they arrive before the wasm has, without
            // taking the first paint's bandwidth or a no-JavaScript reader's.
            let files: String = lang
                .files()
                .map(|files| {
                    let hints = files
                        .all()
                        .into_iter()
                        .map(|f| {
                            format!("<link rel=\"preload\" href=\"{f}\" as=\"fetch\" crossorigin>")
                        })
                        .collect::<String>();
                    format!("<template id=\"phase-one-files\">{hints}</template>")
                })
                .unwrap_or_default();
            let links = site
                .as_deref()
                .map(|site| site_links(site, lang, &locales))
                .unwrap_or_default();
            let card = images
                .iter()
                .find(|(l, _)| *l == lang)
                .map(|(_, alt)| alt.as_str())
                .unwrap_or_default();
            let links = links + &social_meta(site.as_deref(), loc, &locales, &title, card);
            let preload = format!(
                "<link rel=\"modulepreload\" href=\"{glue}\">\
                 <link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" \
                 crossorigin>{files}{links}"
            );
            let html = replace_marker(&template, "<!-- postbuild: preload -->", &preload)?;
            let html = remove_trunk_link(&html);
            let html = replace_marker(&html, "<!-- postbuild: prerender -->", prerendered)?;
            let html = in_language(&html, loc, &title)?;
            let page = staging.join(lang.page());
            std::fs::write(&page, html).map_err(|e| format!("writing {}: {e}", lang.page()))?;
        }
        Ok(template)
    }

    /// The pictures' folder in the build.
    const IMAGES: &str = "images";

    /// A language's social card and fallback files, under [`IMAGES`].
    fn card_file(lang: Lang) -> String {
        format!("{IMAGES}/card.{}.png", lang.code())
    }

    /// Writes every language's pictures and `images/pictures.json`; returns each
    /// language's card alt text.
    fn pictures(
        staging: &Path,
        locales: &[&'static Locale],
        site: Option<&str>,
    ) -> Result<Vec<(Lang, String)>, String> {
        use phase_one::pictures;
        let fonts = pictures::fonts()?;
        let dir = staging.join(IMAGES);
        std::fs::create_dir_all(&dir).map_err(|e| format!("creating {IMAGES}/: {e}"))?;
        let write = |name: &str, bytes: &[u8]| {
            std::fs::write(staging.join(name), bytes).map_err(|e| format!("writing {name}: {e}"))
        };
        let mut alts = Vec::new();
        let mut manifest = Vec::new();
        for loc in locales {
            let code = loc.lang.code();
            let (card, fallback) = pictures::default_pictures(loc, site)?;
            write(&card_file(loc.lang), &pictures::png(&card, 1.0, &fonts)?)?;
            let png = format!("{IMAGES}/fallback.{code}.png");
            let svg = format!("{IMAGES}/fallback.{code}.svg");
            write(&png, &pictures::png(&fallback, 1.0, &fonts)?)?;
            write(&svg, fallback.to_svg().as_bytes())?;
            let entry = |file: &str, p: &phase_one::core::picture::Picture| {
                format!(
                    "{{\"file\": {}, \"width\": {}, \"height\": {}, \"alt\": {}}}",
                    json_string(file),
                    p.width,
                    p.height,
                    json_string(&p.alt)
                )
            };
            manifest.push(format!(
                "  {}: {{\"card\": {}, \"fallback\": [{}, {}]}}",
                json_string(code),
                entry(&card_file(loc.lang), &card),
                entry(&png, &fallback),
                entry(&svg, &fallback)
            ));
            alts.push((loc.lang, card.alt));
        }
        write(
            &format!("{IMAGES}/pictures.json"),
            format!("{{\n{}\n}}\n", manifest.join(",\n")).as_bytes(),
        )?;
        Ok(alts)
    }

    /// A page's Open Graph and Twitter card tags: title, description and locale always;
    /// the page's address and its card (with size and alt text) only with the site's
    /// address, as they must be absolute.
    fn social_meta(
        site: Option<&str>,
        loc: &'static Locale,
        locales: &[&Locale],
        title: &str,
        alt: &str,
    ) -> String {
        use phase_one::core::picture::{CARD_HEIGHT, WIDTH};
        let meta = |property: &str, content: &str| {
            format!(
                "<meta property=\"{property}\" content=\"{}\">",
                escape_html(content)
            )
        };
        let og_locale = |l: Lang| l.intl().replace('-', "_");
        let mut out = meta("og:type", "article");
        out.push_str(&meta("og:title", title));
        out.push_str(&meta("og:description", loc.strings.page_description));
        out.push_str(&meta("og:locale", &og_locale(loc.lang)));
        for l in locales.iter().filter(|l| l.lang != loc.lang) {
            out.push_str(&meta("og:locale:alternate", &og_locale(l.lang)));
        }
        out.push_str("<meta name=\"twitter:card\" content=\"summary_large_image\">");
        if let Some(site) = site {
            out.push_str(&meta("og:url", &format!("{site}{}", loc.lang.page())));
            out.push_str(&meta("og:image", &format!("{site}{}", card_file(loc.lang))));
            out.push_str(&meta("og:image:type", "image/png"));
            out.push_str(&meta("og:image:width", &WIDTH.to_string()));
            out.push_str(&meta("og:image:height", &CARD_HEIGHT.to_string()));
            out.push_str(&meta("og:image:alt", alt));
            out.push_str(&format!(
                "<meta name=\"twitter:image:alt\" content=\"{}\">",
                escape_html(alt)
            ));
        }
        out
    }

    /// The files a server compresses: text, and the wasm. (PNG is compressed already.)
    const COMPRESSIBLE: [&str; 9] = [
        "html", "js", "css", "wasm", "csv", "json", "svg", "md", "txt",
    ];

    /// Writes `<file>.gz` and `<file>.br` beside every [`COMPRESSIBLE`] file in the build,
    /// for servers that send a precompressed file when the browser accepts it (nginx's
    /// `gzip_static`, Caddy's `precompressed`): the smallest encodings, made once.
    fn precompress(staging: &Path) -> Result<(), String> {
        use std::io::Write;
        fn files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
            let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for entry in entries {
                let path = entry.map_err(|e| e.to_string())?.path();
                if path.is_dir() {
                    files(&path, out)?;
                } else if path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| COMPRESSIBLE.contains(&e))
                {
                    out.push(path);
                }
            }
            Ok(())
        }
        let mut all = Vec::new();
        files(staging, &mut all)?;
        for path in all {
            let failed = |e: std::io::Error| format!("compressing {}: {e}", path.display());
            let body = std::fs::read(&path).map_err(failed)?;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(&body).map_err(failed)?;
            let gz = gz.finish().map_err(failed)?;
            let mut br = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 22,
                size_hint: body.len(),
                ..Default::default()
            };
            brotli::BrotliCompress(&mut body.as_slice(), &mut br, &params).map_err(failed)?;
            let beside = |ext: &str| {
                let mut name = path.clone().into_os_string();
                name.push(ext);
                PathBuf::from(name)
            };
            std::fs::write(beside(".gz"), gz).map_err(failed)?;
            std::fs::write(beside(".br"), br).map_err(failed)?;
        }
        Ok(())
    }

    /// The environment variable that gives the site's public address (where `dist/` is
    /// served), for the links that must be absolute.
    pub const SITE_URL: &str = "PHASE_ONE_SITE_URL";

    /// The site's public address from [`SITE_URL`], ending in `/`; `None` when it is not
    /// set (the pages then carry no `canonical` or `hreflang` link, rather than relative
    /// ones, which search engines reject). Anything but an absolute http(s) address with
    /// a host fails the build, naming the variable.
    fn site_url() -> Result<Option<String>, String> {
        let Some(raw) = std::env::var_os(SITE_URL) else {
            return Ok(None);
        };
        let raw = raw.to_string_lossy();
        let value = raw.trim();
        if value.is_empty() {
            return Ok(None);
        }
        let rest = value
            .strip_prefix("https://")
            .or_else(|| value.strip_prefix("http://"));
        let host = rest
            .and_then(|r| r.split(['/', '?', '#']).next())
            .unwrap_or("");
        let bad = host.is_empty()
            || host.contains('@')
            || value.contains(['?', '#', '"', '<', '>', ' ', '\'', '\\']);
        if bad {
            return Err(format!(
                "{SITE_URL} must be the absolute http(s) address the build is served from, \
                 such as https://news.example.org/graphics/phase-one/ (no query, fragment, \
                 quotes or spaces); it is {value:?}"
            ));
        }
        Ok(Some(if value.ends_with('/') {
            value.to_string()
        } else {
            format!("{value}/")
        }))
    }

    /// A page's `canonical` link and the `hreflang` alternates of every language (English
    /// also as `x-default`), absolute under the site's address.
    fn site_links(site: &str, lang: Lang, locales: &[&Locale]) -> String {
        let mut out = format!("<link rel=\"canonical\" href=\"{site}{}\">", lang.page());
        let alternate = |code: &str, page: &str| {
            format!("<link rel=\"alternate\" hreflang=\"{code}\" href=\"{site}{page}\">")
        };
        for l in locales {
            out.push_str(&alternate(l.lang.code(), l.lang.page()));
        }
        out.push_str(&alternate("x-default", Lang::En.page()));
        out
    }

    /// The page in a language: `<html lang>`, its title and description, and the root's
    /// `data-lang` (which the client reads to know what was prerendered).
    fn in_language(html: &str, loc: &'static Locale, page_title: &str) -> Result<String, String> {
        let s = loc.strings;
        let title = between(html, "<title>", "</title>")?;
        let description = between(html, "<meta name=\"description\" content=\"", "\">")?;
        let root = "data-phase-one-standalone>";
        if !html.contains(root) || !html.contains("<html lang=\"en\"") {
            return Err("index.html lacks <html lang=\"en\"> or the standalone root".into());
        }
        Ok(html
            .replacen(title, &escape_html(page_title), 1)
            .replacen(description, &escape_html(s.page_description), 1)
            .replacen(
                "<html lang=\"en\"",
                &format!("<html lang=\"{}\"", loc.lang.code()),
                1,
            )
            .replacen(
                root,
                &format!(
                    "data-phase-one-standalone data-lang=\"{}\">",
                    loc.lang.code()
                ),
                1,
            ))
    }

    /// The text between the first `open` and the next `close`.
    fn between<'a>(html: &'a str, open: &str, close: &str) -> Result<&'a str, String> {
        let start = html.find(open).ok_or(format!("index.html has no {open}"))? + open.len();
        let len = html[start..]
            .find(close)
            .ok_or(format!("index.html: {open} is not closed"))?;
        Ok(&html[start..start + len])
    }

    /// The loader module (`src/bin/loader.js`, with the hashed file names, its few words
    /// in English and where every other language's are filled in). Everything else
    /// happens in Rust (`start`).
    fn loader(glue: &str, wasm: &str, css: &str, locales: &[&Locale]) -> String {
        let own: Vec<String> = phase_one::core::url_state::own_names()
            .map(js_string)
            .collect();
        let strings = failure_words(&locale::EN, js_string);
        let langs: Vec<String> = locales
            .iter()
            .filter(|l| l.lang != Lang::En)
            .map(|l| {
                format!(
                    "{}: {}",
                    js_string(l.lang.code()),
                    js_string(&failure_file(l.lang))
                )
            })
            .collect();
        let langs = format!("{{ {} }}", langs.join(", "));
        let source = without_comments(
            include_str!("loader.js"),
            "// Phase One widget loader, generated from src/bin/loader.js (read the comments \
             there); do not edit.\n",
        );
        source
            .replace("__GLUE__", glue)
            .replace("__WASM__", wasm)
            .replace("__CSS__", css)
            .replace("__STRINGS__", &strings)
            .replace("__LANGS__", &langs)
            .replace("__OWN__", &format!("[{}]", own.join(", ")))
    }

    /// A script without its comments (the loader's are for its readers in `src/bin/`, and
    /// were a third of the bytes every embedding page downloads), under a one-line header.
    /// Removes `/** … */` blocks, lines that are only a `//` comment, blank lines and
    /// indentation; code is kept as written, and a template literal's text exactly.
    fn without_comments(js: &str, header: &str) -> String {
        let mut out = String::from(header);
        let mut rest = js;
        while let Some(start) = rest.find("/**") {
            out.push_str(&rest[..start]);
            match rest[start..].find("*/") {
                Some(end) => rest = rest[start + end + 2..].trim_start_matches([' ', '\n']),
                None => rest = "",
            }
        }
        out.push_str(rest);
        // Line by line, knowing whether a line starts inside a template literal (whose
        // text is kept exactly): outside one, comment lines and blank lines go, and so
        // does indentation.
        let mut in_template = false;
        let mut kept = Vec::new();
        for (i, line) in out.lines().enumerate() {
            let starts_inside = in_template;
            in_template ^= line.matches('`').count() % 2 == 1;
            if starts_inside || i == 0 {
                kept.push(line);
                continue;
            }
            let code = line.trim_start();
            if !code.is_empty() && !code.starts_with("//") {
                kept.push(code);
            }
        }
        kept.join("\n")
    }

    /// A JavaScript string literal.
    /// The loader's failure line in a language: its words, the view a link asked for, the
    /// link to the widget's own page, and that page; written with `quote` (JS or JSON).
    fn failure_words(loc: &Locale, quote: fn(&str) -> String) -> String {
        let s = loc.strings;
        format!(
            "{{ {}: {}, {}: {}, {}: {}, {}: {} }}",
            quote("failed"),
            quote(s.load_failed),
            quote("scenario"),
            quote(s.load_failed_scenario),
            quote("link"),
            quote(s.load_failed_link),
            quote("page"),
            quote(loc.lang.page())
        )
    }

    /// Where a language's failure line is written for the loader (not English: it is in
    /// the loader). JSON, so the loader parses it with the browser's own parser.
    fn failure_file(lang: Lang) -> String {
        format!("locale/{}.loader.json", lang.code())
    }

    /// A JSON string.
    fn json_string(text: &str) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

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

    /// Minifies a staged script in place with esbuild (`scripts/setup.sh` installs the
    /// version it pins), under a one-line header: names and syntax only, no bundling and no
    /// change of language level. Without esbuild the build fails, saying so.
    fn minify_js(path: &Path, header: &str) -> Result<(), String> {
        let out = std::process::Command::new("esbuild")
            .arg(path)
            // Both are ES modules: their top-level names are theirs to shorten.
            .args([
                "--minify",
                "--format=esm",
                "--legal-comments=none",
                "--log-level=warning",
            ])
            .output()
            .map_err(|e| format!("running esbuild (run scripts/setup.sh to install it): {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "esbuild on {}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let js = String::from_utf8(out.stdout).map_err(|e| format!("esbuild's output: {e}"))?;
        std::fs::write(path, format!("{header}{js}"))
            .map_err(|e| format!("writing {}: {e}", path.display()))
    }

    /// Rewrites a staged file through `slim`, and gives back what it wrote.
    fn slim(path: &Path, slim: impl Fn(&str) -> String) -> Result<String, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        let slim = slim(&text);
        std::fs::write(path, &slim).map_err(|e| format!("writing {}: {e}", path.display()))?;
        Ok(slim)
    }

    /// A stylesheet without its comments (each becomes a space, which still separates
    /// what it stood between), indentation and blank lines: its comments were a third of
    /// its gzip bytes. Strings are kept as written.
    fn slim_css(css: &str) -> String {
        let b = css.as_bytes();
        let (mut out, mut from, mut i) = (String::with_capacity(css.len()), 0, 0);
        while i < b.len() {
            match b[i] {
                quote @ (b'"' | b'\'') => {
                    i += 1;
                    while i < b.len() && b[i] != quote {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    out.push_str(&css[from..i]);
                    out.push(' ');
                    i = css[i + 2..]
                        .find("*/")
                        .map_or(b.len(), |end| i + 2 + end + 2);
                    from = i;
                }
                _ => i += 1,
            }
        }
        out.push_str(&css[from.min(b.len())..]);
        out.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The page with the stylesheet link's `integrity` (Trunk's, for the file as it was)
    /// made for `css` as it is now. A link without one is left as it is.
    fn with_integrity(html: &str, file: &str, css: &str) -> Result<String, String> {
        use base64::Engine;
        use sha2::Digest;
        let Some(at) = html.find(&format!("href=\"./{file}\"")) else {
            return Err(format!("index.html has no link to {file}"));
        };
        let end = at + html[at..].find('>').ok_or("index.html: an unclosed link")?;
        let Some(start) = html[at..end].find("integrity=\"").map(|i| at + i + 11) else {
            return Ok(html.to_string());
        };
        let stop = start
            + html[start..end]
                .find('"')
                .ok_or("index.html: a broken link")?;
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(css));
        Ok(format!("{}sha384-{hash}{}", &html[..start], &html[stop..]))
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
        fn the_loader_keeps_its_code_and_drops_its_comments() {
            let js =
                "// a\nconst a = 'https://x'; // kept\n/** doc\n * more */\nfoo();\n  // b\nbar();";
            let out = without_comments(js, "// header\n");
            let kept = without_comments("x();\n  const t = `a\n  // b\n\n  c`;\n  y();", "// h\n");
            assert_eq!(kept, "// h\nx();\nconst t = `a\n  // b\n\n  c`;\ny();");
            assert_eq!(out.lines().count(), 4, "{out}");
            assert!(
                out.contains("const a = 'https://x'; // kept\nfoo();\nbar();"),
                "{out}"
            );
        }

        #[test]
        fn esbuild_shortens_a_module_and_keeps_its_exports_and_template_text() {
            let dir = std::env::temp_dir().join(format!("p1-minify-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("a temporary folder");
            let path = dir.join("m.js");
            let js = "// a comment\nconst here = import.meta.url;\n\
                      export function mount(element) {\n  const words = `a\n  // b`;\n  \
                      return [here, element, words];\n}\n";
            std::fs::write(&path, js).expect("the module written");
            let result = minify_js(&path, "// h\n");
            let out = std::fs::read_to_string(&path).expect("the module read");
            let _ = std::fs::remove_dir_all(&dir);
            assert_eq!(result, Ok(()));
            assert!(out.starts_with("// h\n") && out.len() < js.len(), "{out}");
            assert!(
                !out.contains("a comment") && !out.contains("element"),
                "{out}"
            );
            // The export keeps its name (the local function may be renamed).
            let exported = out.contains("function mount(") || out.contains(" as mount}");
            assert!(exported && out.contains("`a\n  // b`"), "{out}");
            assert!(out.contains("import.meta.url"), "{out}");
        }

        #[test]
        fn the_stylesheet_keeps_its_rules_and_strings_and_drops_its_comments() {
            let css = "/* head */\n.a {\n  color: red; /* why */\n  content: \"/* kept */\";\n}\n\
                       \n  .b/**/.c { quotes: '\\'' '/*'; }\n/* open";
            assert_eq!(
                slim_css(css),
                ".a {\ncolor: red;\ncontent: \"/* kept */\";\n}\n.b .c { quotes: '\\'' '/*'; }"
            );
        }

        #[test]
        fn the_stylesheet_link_gets_the_slimmed_files_hash() {
            let html = "<link rel=\"stylesheet\" href=\"./w.css\" integrity=\"sha384-old\"/><p>";
            let out = with_integrity(html, "w.css", "a{}").expect("a link");
            // `printf 'a{}' | openssl dgst -sha384 -binary | base64`
            let hash = "m4Zcd9m9Kerya2aMKZ9CuL1yv7QLjdpmEo79GaQCk1uO2U4trsxWuyqSJsOzpOru";
            assert_eq!(
                out,
                format!(
                    "<link rel=\"stylesheet\" href=\"./w.css\" integrity=\"sha384-{hash}\"/><p>"
                )
            );
            let bare = "<link rel=\"stylesheet\" href=\"./w.css\"><p>";
            assert_eq!(with_integrity(bare, "w.css", "a{}").as_deref(), Ok(bare));
            assert!(with_integrity(bare, "x.css", "a{}").is_err());
        }

        #[test]
        fn a_page_of_every_event_switches_to_the_other_languages_page_of_every_event() {
            let zh = |href: &str| {
                format!("<a href=\"{href}\" hreflang=\"zh-Hans\" class=\"p1-lang\">中文</a>")
            };
            // Another link to the same page before the switch is left alone.
            let other = "<a href=\"index.zh-Hans.html\">x</a>";
            let html = format!(
                "{other}{}",
                zh("index.zh-Hans.html?view=timeline&amp;events=all")
            );
            assert_eq!(
                switch_to_events_pages(&html, Lang::En),
                Ok(format!("{other}{}", zh("events.zh-Hans.html")))
            );
            let en = "<a href=\"index.html\" hreflang=\"en\" class=\"p1-lang\">English</a>";
            assert_eq!(
                switch_to_events_pages(en, Lang::ZhHans).as_deref(),
                Ok("<a href=\"events.html\" hreflang=\"en\" class=\"p1-lang\">English</a>")
            );
            // No switch, two, or one to a longer name: the build fails rather than leave it.
            assert!(switch_to_events_pages(other, Lang::En).is_err());
            let two = zh("index.zh-Hans.html").repeat(2);
            assert!(switch_to_events_pages(&two, Lang::En).is_err());
            assert!(switch_to_events_pages(&zh("index.zh-Hans.html5"), Lang::En).is_err());
        }

        #[test]
        fn the_failure_line_file_is_json() {
            assert_eq!(json_string("a \"b\" \\ c\n"), r#""a \"b\" \\ c\u000a""#);
            let en = failure_words(&locale::EN, json_string);
            assert!(
                en.starts_with(r#"{ "failed": "The interactive widget"#),
                "{en}"
            );
            assert!(en.ends_with(r#""page": "index.html" }"#), "{en}");
            assert_eq!(failure_file(Lang::ZhHans), "locale/zh-Hans.loader.json");
        }
    }
}
