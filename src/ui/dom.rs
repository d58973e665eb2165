//! Browser side effects (wasm only): URL state, newsroom data overrides, focus and
//! scrolling, the clipboard, and measuring the chart.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::{CopyStatus, Handle, Init, Mode};
use crate::core::problem::Problem;
use crate::core::state::{Action, FETCH_TIMEOUT_SECONDS, FetchError, FileKind, Notice};
use crate::core::steps::Steps;
use crate::core::url_state::{self, DataRef, Params};
use crate::core::{csv, data, timeline};

/// How long the state must be still before the address bar is updated.
const URL_SETTLE_MS: u32 = 150;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The effects every instance runs in the browser.
#[hook]
pub fn use_browser_effects(handle: &Handle, init: &Rc<Init>, query: &str, live: bool) {
    // After hydrating the prerendered default, apply what the link asks for.
    {
        let handle = handle.clone();
        let init = init.clone();
        use_effect_with((), move |_| {
            if init.hydrate && (init.params != Params::default() || init.selected.is_some()) {
                handle.dispatch(Action::ApplyParams(
                    Rc::new(init.params.clone()),
                    init.selected.clone(),
                ));
            }
            let files = [
                (init.params.data_url.clone(), FileKind::Purchases),
                (init.params.timeline_data_url.clone(), FileKind::Timeline),
            ];
            for (r, kind) in files {
                if let Some(r) = r {
                    load(handle.clone(), &init.env.data_origins, r, kind);
                }
            }
        });
    }
    // Keep the address bar in step with the state (not in a host page's address bar),
    // once a control settles: a dragged slider would otherwise call replaceState dozens
    // of times a second, which browsers throttle.
    {
        let query = query.to_string();
        let selected = handle.0.linked_event().map(str::to_string);
        let mode = init.env.mode;
        let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
        use_effect_with((query, selected), move |(query, selected)| {
            if mode != Mode::Script {
                let (query, selected) = (query.clone(), selected.clone());
                *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
                    URL_SETTLE_MS,
                    move || replace_url(&query, selected.as_deref()),
                ));
            }
        });
    }
    // Scroll a deep-linked event into view once the list is live (on the prerendered
    // page, once its island has hydrated), and again when it arrives with a publisher's
    // timeline.
    {
        let selected = handle.0.selected.clone();
        let linked = init.selected.is_some();
        use_effect_with((handle.0.reveal, live), move |(reveal, live)| {
            if let Some(id) = selected.filter(|_| *live && (linked || *reveal > 0)) {
                gloo_timers::callback::Timeout::new(50, move || {
                    if let Some(el) = find_event_anywhere(&id) {
                        scroll_into_view(&el);
                    }
                })
                .forget();
            }
        });
    }
}

/// The value once it has stopped changing for `ms`; empty until the first change (so
/// nothing is announced on load).
#[hook]
pub fn use_settled(value: String, ms: u32) -> String {
    let settled = use_state(String::new);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let first = use_mut_ref(|| true);
    {
        let settled = settled.clone();
        use_effect_with(value, move |v| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            let v = v.clone();
            *timer.borrow_mut() = Some(gloo_timers::callback::Timeout::new(ms, move || {
                settled.set(v)
            }));
        });
    }
    (*settled).clone()
}

/// Writes the state into the page's own address: only the widget's parameters change;
/// every other parameter (pym's `childId` and `parentUrl`, an analytics tag) and any
/// fragment that isn't an event link stay as they were.
fn replace_url(query: &str, selected: Option<&str>) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let location = w.location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!(
        "?{}{}",
        url_state::merge_query(&search, query, ""),
        url_state::merge_fragment(&hash, selected)
    );
    if search + &hash != url {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Slices of work between yields: small enough that the page keeps painting and taking
/// input while a large file is read.
const CSV_SLICE_BYTES: usize = 64 * 1024;
const ROWS_PER_SLICE: usize = 250;

/// Checks a publisher's data file against the origin policy, then fetches, reads and
/// validates it a slice at a time. On any problem the widget keeps its built-in data and
/// shows a notice naming the file.
fn load(handle: Handle, origins: &[String], r: DataRef, kind: FileKind) {
    // Relative to the page's base (a host's `<base href>`), as its own links are.
    let page = window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let parsed = web_sys::Url::new_with_base(&r.url, &page).ok();
    let Some(url) = parsed.filter(|u| ["http:", "https:"].contains(&u.protocol().as_str())) else {
        let file = url_state::file_label(&r.url);
        let notice = Notice::Refused {
            file,
            origin: String::new(),
        };
        handle.dispatch(Action::FileFailed(kind, notice));
        return;
    };
    let href = url.href();
    let file = url_state::file_label(&href);
    if !r.trusted && !origins.contains(&url.origin()) {
        let notice = Notice::Refused {
            file,
            origin: url.origin(),
        };
        handle.dispatch(Action::FileFailed(kind, notice));
        return;
    }
    handle.dispatch(Action::UseFile(kind, href.clone()));
    let link_origins = (!r.trusted).then(|| origins.to_vec());
    yew::platform::spawn_local(async move {
        let notice = match fetch_text(&href, link_origins.as_deref()).await {
            Fetched::Text(text) => {
                read(handle, kind, file, text).await;
                return;
            }
            Fetched::Unusable(p) => Notice::Invalid {
                problems: vec![p.with_file(&file)],
                file,
            },
            Fetched::Failed(reason) => Notice::Unreachable { file, reason },
            Fetched::Redirected(origin) => Notice::Redirected { file, origin },
        };
        handle.dispatch(Action::FileFailed(kind, notice));
    });
}

/// Reads and validates a fetched file a slice at a time, then hands the result (or the
/// problems) to the widget.
async fn read(handle: Handle, kind: FileKind, file: String, text: String) {
    let mut problems = Vec::new();
    let mut reader = csv::Reader::new(&text);
    while !reader.step(CSV_SLICE_BYTES) {
        next_slice().await;
    }
    let table = reader.finish(&file, &mut problems);
    let result = match kind {
        FileKind::Purchases => run(data::Job::new(&file, &table, problems))
            .await
            .map(|ds| Action::DataLoaded(Rc::new(ds))),
        FileKind::Timeline => run(timeline::Job::new(&file, &table, problems))
            .await
            .map(|t| Action::TimelineLoaded(Rc::new(t))),
    };
    match result {
        Ok(action) => handle.dispatch(action),
        Err(problems) => {
            handle.dispatch(Action::FileFailed(kind, Notice::Invalid { file, problems }))
        }
    }
}

async fn run<J: Steps>(mut job: J) -> J::Output {
    while !job.step(ROWS_PER_SLICE) {
        next_slice().await;
    }
    job.finish()
}

/// Gives the browser a turn: paint, input, other tasks.
async fn next_slice() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// What came of fetching a text file.
pub enum Fetched {
    Text(String),
    /// It arrived but can't be read: over the size cap, or not UTF-8.
    Unusable(Problem),
    Failed(FetchError),
    /// A file a link named was redirected to this origin, which the page doesn't allow.
    Redirected(String),
}

/// Fetches a text file, whole, within [`FETCH_TIMEOUT_SECONDS`], reading at most
/// [`csv::MAX_FILE_BYTES`] of it (a `Content-Length` over the cap is refused unread; a
/// body that runs past it, such as a compression bomb, is cancelled there) and decoding it
/// strictly as UTF-8.
///
/// `link_origins` is `Some` for a file a link named rather than the publisher: it is
/// fetched without cookies, and its final address after any redirect must still be on one
/// of those origins.
pub async fn fetch_text(url: &str, link_origins: Option<&[String]>) -> Fetched {
    use wasm_bindgen_futures::JsFuture;
    let Some(w) = window() else {
        return Fetched::Failed(FetchError::Network);
    };
    let init = web_sys::RequestInit::new();
    if link_origins.is_some() {
        init.set_credentials(web_sys::RequestCredentials::Omit);
    }
    // One clock for the whole answer: headers and every chunk of the body.
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(std::cell::Cell::new(false));
    let _clock = controller.as_ref().map(|c| {
        init.set_signal(Some(&c.signal()));
        let (c, flag) = (c.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(FETCH_TIMEOUT_SECONDS * 1000, move || {
            flag.set(true);
            c.abort();
        })
    });
    let failed = || {
        Fetched::Failed(if timed_out.get() {
            FetchError::Timeout
        } else {
            FetchError::Network
        })
    };
    let Ok(response) = JsFuture::from(w.fetch_with_str_and_init(url, &init)).await else {
        return failed();
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return failed();
    };
    let body = response.body();
    let cancel = |body: Option<web_sys::ReadableStream>| {
        if let Some(b) = body {
            let _ = b.cancel();
        }
    };
    if let Some(origins) = link_origins {
        let origin = web_sys::Url::new(&response.url())
            .map(|u| u.origin())
            .unwrap_or_default();
        if !origins.contains(&origin) {
            cancel(body);
            return Fetched::Redirected(origin);
        }
    }
    if !response.ok() {
        cancel(body);
        return Fetched::Failed(FetchError::Status(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(p) = declared.and_then(|n| csv::too_large("", n)) {
        cancel(body);
        return Fetched::Unusable(p);
    }
    let Some(body) = body else {
        return Fetched::Text(String::new());
    };
    let Ok(reader) = body
        .get_reader()
        .dyn_into::<web_sys::ReadableStreamDefaultReader>()
    else {
        return Fetched::Failed(FetchError::NotText);
    };
    let mut bytes: Vec<u8> = Vec::with_capacity(declared.unwrap_or(0));
    loop {
        let Ok(chunk) = JsFuture::from(reader.read()).await else {
            return failed();
        };
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name)).ok();
        if field("done").and_then(|d| d.as_bool()) != Some(false) {
            break;
        }
        let Some(part) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        else {
            let _ = reader.cancel();
            return Fetched::Failed(FetchError::NotText);
        };
        let at = bytes.len();
        let len = part.length() as usize;
        if at + len > csv::MAX_FILE_BYTES {
            let _ = reader.cancel();
            return Fetched::Unusable(csv::over_cap(""));
        }
        bytes.resize(at + len, 0);
        part.copy_to(&mut bytes[at..]);
    }
    match csv::decode("", bytes) {
        Ok(text) => Fetched::Text(text),
        Err(p) => Fetched::Unusable(p),
    }
}

/// Calls `set` with the element's width whenever it changes.
#[hook]
pub fn use_width(node: &NodeRef, set: UseStateSetter<f64>, min: f64) {
    let node = node.clone();
    use_effect_with((), move |_| {
        let observer = node.cast::<web_sys::Element>().and_then(|el| {
            let measure = {
                let set = set.clone();
                move |w: f64| {
                    if w > 0.0 {
                        set.set(w.round().max(min));
                    }
                }
            };
            measure(el.get_bounding_client_rect().width());
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                    measure(entry.content_rect().width());
                }
            });
            let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
            observer.observe(&el);
            Some((observer, cb))
        });
        move || {
            if let Some((o, _cb)) = observer {
                o.disconnect();
            }
        }
    });
}

/// Copies text to the clipboard and shows the outcome: "Copied" for two seconds, or
/// "Not copied" until the next try (the caller then offers the text selected in a field).
/// Without the Clipboard API (plain-http pages) or without permission, it fails.
pub fn copy_text(text: &str, status: UseStateSetter<CopyStatus>) {
    let Some(w) = window() else { return };
    let navigator = w.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    let promise = has_clipboard.then(|| navigator.clipboard().write_text(text));
    yew::platform::spawn_local(async move {
        let copied = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        };
        if !copied {
            status.set(CopyStatus::Failed);
            return;
        }
        status.set(CopyStatus::Copied);
        gloo_timers::future::TimeoutFuture::new(2000).await;
        status.set(CopyStatus::Idle);
    });
}

/// Focuses a text field or area and selects all its text, for copying by hand.
pub fn select_field(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlInputElement>() {
        let _ = el.focus();
        el.select();
    } else if let Some(el) = node.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = el.focus();
        el.select();
    }
}

/// The widget root (`.p1`) that contains the event's target.
fn root_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(".p1")
        .ok()?
}

fn event_in(root: &web_sys::Element, id: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-p1-role=\"event\"][data-event-id=\"{id}\"]"))
        .ok()?
}

fn find_event_anywhere(id: &str) -> Option<web_sys::Element> {
    let doc = window()?.document()?;
    let roots = doc.query_selector_all("[data-phase-one-widget]").ok()?;
    for i in 0..roots.length() {
        let host = roots.item(i)?.dyn_into::<web_sys::Element>().ok()?;
        let scope = host
            .shadow_root()
            .map(|s| s.unchecked_into::<web_sys::Element>())
            .unwrap_or(host);
        if let Some(el) = event_in(&scope, id) {
            return Some(el);
        }
    }
    None
}

fn scroll_into_view(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Moves focus to an event card in the same widget as the keyboard event (after render).
pub fn focus_event_near(ev: &web_sys::KeyboardEvent, id: &str) {
    let Some(root) = root_of(ev) else { return };
    let id = id.to_string();
    gloo_timers::callback::Timeout::new(0, move || {
        if let Some(el) =
            event_in(&root, &id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
            scroll_into_view(&el);
        }
    })
    .forget();
}

/// Moves focus to the n-th chart marker in the widget the event came from.
pub fn focus_marker_near(ev: &web_sys::KeyboardEvent, index: usize) {
    let Some(root) = root_of(ev) else { return };
    gloo_timers::callback::Timeout::new(0, move || {
        if let Ok(list) = root.query_selector_all("[data-p1-role=\"marker\"]") {
            if let Some(el) = list
                .item(index as u32)
                .and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok())
            {
                let _ = el.focus();
            }
        }
    })
    .forget();
}

/// Scrolls the timeline to an event chosen on the chart (without moving focus).
pub fn reveal_event_near(ev: &web_sys::Event, id: &str) {
    let Some(root) = root_of(ev) else { return };
    let id = id.to_string();
    gloo_timers::callback::Timeout::new(0, move || {
        if let Some(el) = event_in(&root, &id) {
            scroll_into_view(&el);
        }
    })
    .forget();
}

/// Feed pattern: moves focus to the first focusable element after (or before) the feed.
pub fn leave_feed(ev: &web_sys::KeyboardEvent, after: bool) {
    let Some(root) = root_of(ev) else { return };
    let target = if after {
        root.query_selector(".p1-foot button, .p1-foot summary")
            .ok()
            .flatten()
    } else {
        root.query_selector(".p1-timeline input").ok().flatten()
    };
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Keeps a CSS fraction (0 to 1) on an element in step with a value: a range input's
/// `--fill` (the filled part of its track), the `--need` mark beside it. Set through the
/// CSS object model, which a strict CSP allows.
#[hook]
pub fn use_fraction(node: &NodeRef, name: &'static str, fraction: f64) {
    let node = node.clone();
    use_effect_with((fraction * 10_000.0).round() as i64, move |_| {
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            let value = crate::core::decimal::decimal(fraction, 4);
            let _ = el.style().set_property(name, &value);
        }
    });
}

/// Sets a flag to true in the task after the first render (a zero-delay timeout), so
/// that work it unlocks stays out of the task that hydrates the page.
#[hook]
pub fn use_next_task(flag: UseStateSetter<bool>) {
    use_effect_with((), move |_| {
        gloo_timers::callback::Timeout::new(0, move || flag.set(true)).forget();
    });
}

/// The longest an island waits for the browser to be idle.
const IDLE_WAIT_MS: u32 = 500;

/// Calls `f` once: when the browser is next idle (at most [`IDLE_WAIT_MS`] later), or
/// when the reader reaches into an element with one of the classes `reach` (a pointer
/// over it or pressed on it, focus moved into it) or presses Tab anywhere, whichever
/// comes first. A reader's input elsewhere (a slider) doesn't call it.
pub fn when_idle_or_reached(
    reach: Rc<std::cell::RefCell<Vec<&'static str>>>,
    f: impl FnOnce() + 'static,
) {
    type Listeners = Vec<(&'static str, Closure<dyn FnMut(web_sys::Event)>)>;
    let (Some(window), Some(document)) = (window(), window().and_then(|w| w.document())) else {
        return f();
    };
    type Todo = std::cell::RefCell<Option<Box<dyn FnOnce()>>>;
    let todo: Rc<Todo> = Rc::new(std::cell::RefCell::new(Some(Box::new(f))));
    let listeners: Rc<std::cell::RefCell<Listeners>> = Rc::default();
    let fire = {
        let (todo, listeners, document) = (todo.clone(), listeners.clone(), document.clone());
        move || {
            let f = todo.borrow_mut().take();
            if let Some(f) = f {
                // The listeners go in a later task: one of them may be running now.
                let (listeners, doc) = (listeners.clone(), document.clone());
                gloo_timers::callback::Timeout::new(0, move || {
                    for (name, l) in listeners.borrow_mut().drain(..) {
                        let _ = doc.remove_event_listener_with_callback_and_bool(
                            name,
                            l.as_ref().unchecked_ref(),
                            true,
                        );
                    }
                })
                .forget();
                f();
                keep_focus(document.clone(), None, 0);
            }
        }
    };
    let fire = Rc::new(fire);
    for name in ["pointerover", "pointerdown", "focusin", "keydown"] {
        let (fire, reach) = (fire.clone(), reach.clone());
        let l = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let reached = match ev.dyn_ref::<web_sys::KeyboardEvent>() {
                Some(k) => k.key() == "Tab",
                None => ev.composed_path().iter().any(|n| {
                    n.dyn_ref::<web_sys::Element>().is_some_and(|el| {
                        reach.borrow().iter().any(|c| el.class_list().contains(c))
                    })
                }),
            };
            if reached {
                (*fire)();
            }
        });
        let _ = document.add_event_listener_with_callback_and_bool(
            name,
            l.as_ref().unchecked_ref(),
            true,
        );
        listeners.borrow_mut().push((name, l));
    }
    let idle = Closure::once_into_js(move || (*fire)());
    let ric = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("timeout"),
        &JsValue::from(IDLE_WAIT_MS),
    );
    let scheduled = ric.is_some_and(|ric| ric.call2(&window, &idle, &options).is_ok());
    if !scheduled {
        let _ = window.set_timeout_with_callback(idle.unchecked_ref());
    }
}

/// The element that last had focus in the widget, its root and its [`focus_path`].
type Focused = (web_sys::Element, web_sys::Element, Vec<u32>);

/// How many times (a frame apart) [`keep_focus`] looks for an island's swap.
const FOCUS_WATCH_TICKS: u32 = 90;

/// An island hydrates a copy of its markup, then swaps it in: focus inside the island
/// would fall to the page. This watches for the swap (about a second at most) and puts
/// focus back on the same element of the new markup, found by its position under the
/// widget's root (the copy has the same structure). It stops a frame after the widget
/// says every part is live.
fn keep_focus(document: web_sys::Document, seen: Option<Focused>, tick: u32) {
    let active = document
        .active_element()
        .filter(|el| el.closest(".p1").ok().flatten().is_some());
    let seen = match (active, seen) {
        // Focus is in the widget: remember where (it may move before the swap).
        (Some(el), _) => focus_path(&el).map(|(root, path)| (el, root, path)),
        // The element that had focus was swapped out: focus its twin.
        (None, Some((old, root, path))) if !old.is_connected() => {
            if let Some(el) =
                node_at(&root, &path).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = el.focus_with_options(&opts);
            }
            return;
        }
        (None, seen) => seen,
    };
    // Once every part is live the swap is over: one more look, then stop.
    let live = document
        .query_selector(".p1[data-live]")
        .ok()
        .flatten()
        .is_some();
    let tick = if live {
        tick.max(FOCUS_WATCH_TICKS - 1)
    } else {
        tick
    };
    if tick < FOCUS_WATCH_TICKS {
        gloo_timers::callback::Timeout::new(16, move || keep_focus(document, seen, tick + 1))
            .forget();
    }
}

/// An element's position under the widget's root `.p1`: the root and the indexes among
/// element children (text nodes may be split by hydration; elements are not).
fn focus_path(el: &web_sys::Element) -> Option<(web_sys::Element, Vec<u32>)> {
    let root = el.closest(".p1").ok()??;
    let mut path = Vec::new();
    let mut node = el.clone();
    while !node.is_same_node(Some(&root)) {
        let parent = node.parent_element()?;
        let kids = parent.children();
        let index = (0..kids.length()).find(|&i| kids.item(i).is_some_and(|k| k == node))?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some((root, path))
}

/// The element at a [`focus_path`] under `root`.
fn node_at(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::Element> {
    path.iter()
        .try_fold(root.clone(), |el, &i| el.children().item(i))
}

/// Keeps a select's chosen option in step with `value` after each render. The options'
/// `selected` attributes are not enough: once one loses its attribute, Firefox shows the
/// first option (the attribute sets only the default), so the property is set as well.
#[hook]
pub fn use_select_value(node: &NodeRef, value: String) {
    let node = node.clone();
    use_effect_with(value, move |value| {
        if let Some(el) = node.cast::<web_sys::HtmlSelectElement>() {
            if el.value() != *value {
                el.set_value(value);
            }
        }
    });
}

/// Moves focus to the element with `id` in the same widget (skip links), scrolling it
/// into view; works inside a Shadow DOM, where fragment links don't.
pub fn focus_in_widget(ev: &web_sys::Event, id: &str) {
    let Some(root) = root_of(ev) else { return };
    let Ok(Some(el)) = root.query_selector(&format!("[id=\"{id}\"]")) else {
        return;
    };
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
        scroll_into_view(&el);
    }
}

/// Opens the `<details>` with `id` in the same widget as the event, scrolls it into view
/// and focuses its summary (a fragment link would do neither inside a Shadow DOM).
pub fn open_in_widget(ev: &web_sys::Event, id: &str) {
    let Some(root) = root_of(ev) else { return };
    let Ok(Some(el)) = root.query_selector(&format!("[id=\"{id}\"]")) else {
        return;
    };
    if let Some(details) = el.dyn_ref::<web_sys::HtmlDetailsElement>() {
        details.set_open(true);
    }
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Ok(Some(summary)) = el.query_selector("summary") {
        if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
            let _ = summary.focus();
        }
    }
}

/// Focuses the chart marker that stands for an event, in the widget the event came
/// from, once the render that follows has run (the panel it closed is gone by then).
pub fn focus_marker_of(ev: &web_sys::Event, id: &str) {
    let Some(root) = root_of(ev) else { return };
    let selector = format!("[data-p1-role=\"marker\"][data-event-ids~=\"{id}\"]");
    gloo_timers::callback::Timeout::new(0, move || {
        if let Ok(Some(m)) = root.query_selector(&selector) {
            if let Ok(m) = m.dyn_into::<web_sys::SvgElement>() {
                let _ = m.focus();
            }
        }
    })
    .forget();
}

/// When what `key` names opens (a marker's panel), moves focus to `node` (its heading)
/// without scrolling, then scrolls the panel's head and first event into view only as
/// far as they need.
#[hook]
pub fn use_reveal<K: PartialEq + Clone + 'static>(node: &NodeRef, key: Option<K>) {
    let node = node.clone();
    use_effect_with(key, move |key| {
        if key.is_some() {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = el.focus_with_options(&opts);
                // Its head (title and "Close") and first event, not the whole of a long
                // panel: the reader scrolls on to read the rest.
                let first = el
                    .parent_element()
                    .and_then(|head| head.next_element_sibling())
                    .and_then(|list| list.first_element_child());
                if let Some(first) = first {
                    scroll_into_view(&first);
                }
            }
        }
    });
}

/// Back from an event to the chart: scrolls the chart into view and focuses the marker
/// that stands for the event.
pub fn reveal_chart(ev: &web_sys::Event, id: &str) {
    let Some(root) = root_of(ev) else { return };
    let selector = format!("[data-p1-role=\"marker\"][data-event-ids~=\"{id}\"]");
    if let Ok(Some(chart)) = root.query_selector("[data-p1-role=\"chart\"]") {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        chart.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    if let Ok(Some(marker)) = root.query_selector(&selector) {
        if let Ok(m) = marker.dyn_into::<web_sys::SvgElement>() {
            let _ = m.focus();
        }
    }
}
