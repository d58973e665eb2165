//! Mounting the app into an element (browser only); the loader decides when.
//!
//! Three ways the widget runs, each with its own source of options:
//! - **its own page** (`index.html`, whose root div has `data-phase-one-standalone`):
//!   the page's query;
//! - **its own page in an iframe**: the page's query, then the `p1.` parameters of the
//!   embedding article's address, which pym.js passes as `parentUrl`;
//! - **a script embed** in someone else's page, in a Shadow DOM: the div's `data-`
//!   attributes, then the `p1.` parameters of the article's address.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

use yew::prelude::*;

use super::widget::{Widget, WidgetProps};
use super::{Env, Init, Mode};
use crate::core::locale::{Lang, Locale};
use crate::core::url_state::{self, ARTICLE_PREFIX, Params};

/// Set on a mounted element, for styles and tests to see; which elements are mounted is
/// known by identity (`MOUNTED`), so a clone or a re-rendered copy, which carry the
/// attribute, still mount.
const MARK: &str = "data-phase-one-mounted";
const STANDALONE: &str = "data-phase-one-standalone";
const ORIGINS: &str = "data-phase-one-data-origins";

thread_local! {
    /// The widget's stylesheet, linked into every Shadow DOM root.
    static STYLESHEET: RefCell<String> = const { RefCell::new(String::new()) };
    /// How many script embeds this page has; their element ids get a distinct prefix.
    static INSTANCES: RefCell<u32> = const { RefCell::new(0) };
    /// The elements mounted, by identity (weakly: a removed element can go).
    static MOUNTED: js_sys::WeakSet = js_sys::WeakSet::new();
    /// Each mounted element's app, so that removing the element tears it down.
    static APPS: RefCell<Vec<(Element, App)>> = const { RefCell::new(Vec::new()) };
    /// Embeds' apps whose elements were removed, parked empty for the next embed.
    static PARKED: RefCell<Vec<(Element, yew::AppHandle<Slot>)>> =
        const { RefCell::new(Vec::new()) };
    /// Widgets started, so that each one in a reused app starts afresh.
    static STARTED: RefCell<u32> = const { RefCell::new(0) };
}

/// A running widget's app.
enum App {
    /// Hydrating the widget's own page, or in the host element itself: its own app.
    Own(yew::AppHandle<Widget>),
    /// In a root of its own (a script embed's Shadow DOM): an app that can be parked when
    /// the element is removed and taken over by the next embed.
    Slot(Element, yew::AppHandle<Slot>),
}

#[derive(Properties, PartialEq)]
pub struct SlotProps {
    /// The widget it holds (and a number that makes each one new), or none while parked.
    widget: Option<(u32, Rc<Init>)>,
}

/// An app that holds one widget after another. Yew 0.23 keeps the event listeners it
/// puts on an app's root for the page's life (with the root and the app's event
/// registry), so an app is never destroyed: a removed embed's app unmounts its widget
/// (every effect cleaned up) and waits, parked, for the next embed to mount. A page that
/// adds and drops widgets all day keeps only as many apps as it ever showed at once.
#[component]
fn Slot(props: &SlotProps) -> Html {
    match &props.widget {
        Some((n, init)) => html! { <Widget key={*n} init={init.clone()} /> },
        None => html! {},
    }
}

/// Tears down the widget in an element the page removed: the app is destroyed (its
/// components' effects cleaned up: observers, listeners, timers), and the element may
/// mount again if it comes back. Nothing happens for an element still in the page.
pub fn unmount(host: &Element) {
    if host.is_connected() {
        return;
    }
    let app = APPS.with(|apps| {
        let mut apps = apps.borrow_mut();
        let i = apps.iter().position(|(h, _)| h == host)?;
        Some(apps.swap_remove(i).1)
    });
    match app {
        Some(App::Own(app)) => app.destroy(),
        // The root leaves the element's Shadow DOM with its app, parked: nothing of the
        // widget holds the element, its Shadow DOM or the page around it.
        Some(App::Slot(root, mut app)) => {
            app.update(SlotProps { widget: None });
            root.remove();
            PARKED.with(|p| p.borrow_mut().push((root, app)));
        }
        None => {}
    }
    MOUNTED.with(|m| m.delete(host));
    let _ = host.remove_attribute(MARK);
}

/// Records where the widget's stylesheet is. The loader (`src/bin/loader.js`) then mounts
/// each element: at once on the widget's own page, elsewhere as it nears the viewport.
pub fn start(stylesheet_url: &str) {
    STYLESHEET.with(|s| *s.borrow_mut() = stylesheet_url.to_string());
}

/// Mounts one element (the loader's, or `PhaseOneWidget.mount(el)` for elements the
/// loader can't see, such as those inside another component's Shadow DOM). Mounting an
/// element twice does nothing and says so in the console.
pub fn mount(host: &Element) {
    if MOUNTED.with(|m| m.has(host)) {
        web_sys::console::info_1(&"Phase One widget: this element is already mounted.".into());
        return;
    }
    MOUNTED.with(|m| m.add(host));
    let _ = host.set_attribute(MARK, "");
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let stylesheet = STYLESHEET.with(|s| s.borrow().clone());
    let asset_base = url_state::directory(&stylesheet);
    let location = window.location();
    let href = location.href().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let page_origin = location.origin().unwrap_or_default();
    let selected = url_state::event_from_hash(&hash);
    let mut data_origins = vec![page_origin, origin_of(&asset_base)];
    data_origins.extend(url_state::parse_origins(
        &host.get_attribute(ORIGINS).unwrap_or_default(),
    ));

    let standalone = host.has_attribute(STANDALONE);
    if standalone && own_page(&document) {
        let own = url_state::parse_query(&search);
        let framed = super::embed::start(own.child_id.clone(), own.parent_url.clone());
        // In pym's iframe, shared links point at the article, and the article's `p1.`
        // parameters (a reader's shared link) set the view over the iframe's own; the
        // data files the iframe's address names (the publisher's embed code) stay.
        let article = own.parent_url.clone().filter(|_| framed);
        let (params, share) = match &article {
            Some(parent) => {
                let (base, query, frag) = url_state::split_address(parent);
                let params = own.overlay_link(url_state::parse_prefixed(&query, ARTICLE_PREFIX));
                (params, (base, query, frag, ARTICLE_PREFIX))
            }
            None => (own, (url_state::split_address(&href).0, search, hash, "")),
        };
        // The page's own language (the Chinese page says so on its root): a link without
        // `lang` keeps it, and only a view in that language can hydrate its prerender.
        let page_lang = host
            .get_attribute("data-lang")
            .and_then(|l| Lang::from_tag(&l))
            .unwrap_or_default();
        let env = Env {
            mode: if framed {
                Mode::Iframe
            } else {
                Mode::Standalone
            },
            share_base: share.0,
            share_query: share.1,
            share_hash: share.2,
            prefix: share.3,
            asset_base,
            id_prefix: String::new(),
            data_origins,
            page_lang: Some(page_lang),
        };
        let mut params = params;
        let lang = *params.lang.get_or_insert(page_lang);
        let hydrate = host.first_element_child().is_some() && lang == page_lang;
        let init = Init {
            params,
            selected,
            env,
            hydrate,
            built_in: None,
            extras: if hydrate {
                super::hydrate::Extras::Adopt
            } else {
                super::hydrate::Extras::Live
            },
            locale: None,
        };
        start_in(host.clone(), host.clone(), init, lang);
        return;
    }
    if standalone {
        web_sys::console::warn_1(
            &"Phase One widget: data-phase-one-standalone only applies on the widget's own \
              page; this element is rendered as a script embed."
                .into(),
        );
    }
    let Some((root, link)) = shadow_root(&document, host, &stylesheet) else {
        web_sys::console::warn_1(
            &"Phase One widget: this element already has a shadow root, so the widget \
              cannot render in it. Use an empty <div data-phase-one-widget>."
                .into(),
        );
        return;
    };
    let instance = INSTANCES.with(|n| {
        *n.borrow_mut() += 1;
        *n.borrow()
    });
    let params = attributes(host)
        .trusting_data()
        .overlay_link(url_state::parse_prefixed(&search, ARTICLE_PREFIX));
    // A page with no address of its own to share (a srcdoc or blob frame) shares the
    // widget's own page instead, with the view as its own parameters.
    let shareable = href.starts_with("https:") || href.starts_with("http:");
    let (share_base, share_query, share_hash, prefix) = if shareable {
        (
            url_state::split_address(&href).0,
            search,
            hash,
            ARTICLE_PREFIX,
        )
    } else {
        let page = params.lang.unwrap_or_default().page();
        (
            format!("{asset_base}{page}"),
            String::new(),
            String::new(),
            "",
        )
    };
    let env = Env {
        mode: Mode::Script,
        share_base,
        share_query,
        share_hash,
        prefix,
        asset_base,
        id_prefix: format!("p1-{instance}-"),
        data_origins,
        page_lang: None,
    };
    let lang = params.lang.unwrap_or_default();
    let init = Init {
        params,
        selected,
        env,
        hydrate: false,
        built_in: None,
        extras: super::hydrate::Extras::Live,
        locale: None,
    };
    // Inside a Shadow DOM the host page's inherited styles (its font size, its colour)
    // apply until the widget's own stylesheet has loaded: the widget starts once it has
    // (or failed, or after 5 s), so no reader sees it unstyled.
    let host = host.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(loaded(&link)).await;
        start_in(host, root, init, lang);
    });
}

/// Resolves when `link` has loaded its stylesheet, failed to, or 5 s have passed.
fn loaded(link: &Element) -> js_sys::Promise {
    let link = link.clone();
    js_sys::Promise::new(&mut move |resolve, _| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &resolve);
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5000);
        }
    })
}

/// Starts the widget in `root` in the reader's language: at once in English (compiled
/// in); for another language once its three files have arrived (the Chinese page preloads
/// them, so they come with the wasm). If they can't be loaded, the widget starts in
/// English and says why in the console.
///
/// The first render is a task of its own: this one (which also finished compiling and
/// starting the wasm) parses the built-in data files, and the next hydrates or renders,
/// so neither stands in one long task with the other.
fn start_in(host: Element, root: Element, mut init: Init, lang: Lang) {
    let run = move |init: Init| {
        super::widget::parse_built_in();
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(0).await;
            let hydrate = init.hydrate;
            if !hydrate {
                // A prerender in another language than the one asked for is replaced,
                // node by node: no `innerHTML`, which a host's Trusted Types policy
                // (`require-trusted-types-for 'script'`) refuses.
                while let Some(child) = root.first_child() {
                    let _ = root.remove_child(&child);
                }
            }
            // Removed before it started: nothing to run.
            if !host.is_connected() {
                MOUNTED.with(|m| m.delete(&host));
                return;
            }
            let init = Rc::new(init);
            let app = if hydrate || root == host {
                let props = WidgetProps { init };
                let renderer = yew::Renderer::<Widget>::with_root_and_props(root, props);
                App::Own(if hydrate {
                    renderer.hydrate()
                } else {
                    renderer.render()
                })
            } else {
                let n = STARTED.with(|n| {
                    *n.borrow_mut() += 1;
                    *n.borrow()
                });
                let props = SlotProps {
                    widget: Some((n, init)),
                };
                match PARKED.with(|p| p.borrow_mut().pop()) {
                    // A parked app's root takes the place of the new one.
                    Some((parked, mut app)) => {
                        let _ = root.replace_with_with_node_1(&parked);
                        app.update(props);
                        App::Slot(parked, app)
                    }
                    None => {
                        let renderer =
                            yew::Renderer::<Slot>::with_root_and_props(root.clone(), props);
                        App::Slot(root, renderer.render())
                    }
                }
            };
            APPS.with(|apps| apps.borrow_mut().push((host, app)));
        });
    };
    if lang == Lang::En {
        return run(init);
    }
    let base = init.env.asset_base.clone();
    wasm_bindgen_futures::spawn_local(async move {
        init.locale = locale(lang, &base).await;
        if init.locale.is_none() {
            // Without its files the widget speaks English, which a page prerendered in
            // the other language doesn't hold: render afresh.
            init.hydrate = false;
            init.extras = super::hydrate::Extras::Live;
        }
        run(init);
    });
}

thread_local! {
    /// Languages loaded on this page (every instance in one language shares one).
    static LOCALES: RefCell<Vec<&'static Locale>> = const { RefCell::new(Vec::new()) };
}

/// A language's locale: loaded once per page from its files beside the widget's assets.
async fn locale(lang: Lang, base: &str) -> Option<&'static Locale> {
    if let Some(hit) = LOCALES.with(|l| l.borrow().iter().find(|l| l.lang == lang).copied()) {
        return Some(hit);
    }
    let files = lang.files()?;
    // Every request starts before any is awaited, so they run in parallel.
    let start = |path: &str| {
        let url = format!("{base}{path}");
        wasm_bindgen_futures::future_to_promise(async move {
            match super::dom::files::fetch_text(&url, None).await {
                super::dom::files::Fetched::Text(text) => Ok(JsValue::from_str(&text)),
                _ => Err(JsValue::from_str(&url)),
            }
        })
    };
    // Checked against the key moments, as the widget starts with them; the texts of the
    // other events are kept for when a reader needs them (see `locale::load_events`).
    let requests = [files.strings, files.events, files.sources].map(start);
    let text = |r: Result<JsValue, JsValue>| match r {
        Ok(text) => text.as_string(),
        Err(url) => {
            let url = url.as_string().unwrap_or_default();
            let msg = format!("Phase One widget: could not load {url}; showing English.");
            web_sys::console::warn_1(&msg.into());
            None
        }
    };
    let mut texts = Vec::new();
    for request in requests {
        texts.push(text(JsFuture::from(request).await));
    }
    let [strings, events, sources] = [0, 1, 2].map(|i| texts.get_mut(i).and_then(Option::take));
    let (strings, events, sources) = (strings?, events?, sources?);
    // The check in a task of its own.
    gloo_timers::future::TimeoutFuture::new(0).await;
    let (data, key_moments) = super::widget::built_in()?;
    let (loc, problems) =
        crate::core::locale::load(lang, [&strings, &events, &sources], &key_moments, &data);
    super::dom::warn_about_language_files(problems);
    let loc: &'static Locale = Box::leak(Box::new(loc));
    LOCALES.with(|l| l.borrow_mut().push(loc));
    Some(loc)
}
/// Whether this document is the widget's own page (`index.html` marks itself with a
/// `<meta name="phase-one-widget">`): only there does `data-phase-one-standalone` count.
fn own_page(document: &web_sys::Document) -> bool {
    document
        .query_selector("meta[name=\"phase-one-widget\"]")
        .ok()
        .flatten()
        .is_some()
}

/// The embed's options from its `data-` attributes (same names as the URL parameters).
fn attributes(host: &Element) -> Params {
    let names = host.get_attribute_names();
    let pairs = (0..names.length()).filter_map(|i| {
        let name = names.get(i).as_string()?;
        let key = name.strip_prefix("data-")?;
        if key.starts_with("phase-one") {
            return None;
        }
        Some((
            key.to_string(),
            host.get_attribute(&name).unwrap_or_default(),
        ))
    });
    url_state::from_pairs(pairs)
}

/// The widget's root in `host`'s Shadow DOM, and the link to its stylesheet there.
fn shadow_root(
    document: &web_sys::Document,
    host: &Element,
    css: &str,
) -> Option<(Element, Element)> {
    // An element that held the widget before (removed, then put back) keeps its shadow
    // root, which has the widget's stylesheet: the widget renders in it afresh.
    let ours = |s: &web_sys::ShadowRoot| {
        let kids = s.children();
        (0..kids.length())
            .filter_map(|i| kids.item(i))
            .any(|k| k.has_attribute("data-phase-one-style"))
    };
    let shadow = match host.shadow_root() {
        Some(own) if ours(&own) => {
            while let Some(child) = own.first_child() {
                let _ = own.remove_child(&child);
            }
            own
        }
        _ => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    let link = document.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("data-phase-one-style", "").ok()?;
    link.set_attribute("href", css).ok()?;
    shadow.append_child(&link).ok()?;
    let root = document.create_element("div").ok()?;
    root.set_attribute("class", "p1-host").ok()?;
    shadow.append_child(&root).ok()?;
    Some((root, link))
}

fn origin_of(url: &str) -> String {
    web_sys::Url::new(url)
        .map(|u| u.origin())
        .unwrap_or_default()
}
