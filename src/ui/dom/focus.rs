//! Focus and scrolling inside one widget: found from the event that asks (so two widgets
//! on a page, or one in a Shadow DOM, never reach into each other), by `data-p1-role`
//! and ids, never by a test hook.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The widget root (`.p1`) that contains the event's target.
fn root_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(".p1")
        .ok()?
}

/// Runs `then` with the widget root the event came from, in the task after this one
/// (once the render the event asked for has run).
fn after_render(ev: &web_sys::Event, then: impl FnOnce(web_sys::Element) + 'static) {
    let Some(root) = root_of(ev) else { return };
    gloo_timers::callback::Timeout::new(0, move || then(root)).forget();
}

fn event_in(root: &web_sys::Element, id: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-p1-role=\"event\"][data-event-id=\"{id}\"]"))
        .ok()?
}

pub fn find_event_anywhere(id: &str) -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
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

pub fn scroll_into_view(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Moves focus to an event card in the same widget as the keyboard event (after render).
pub fn focus_event_near(ev: &web_sys::KeyboardEvent, id: &str) {
    let id = id.to_string();
    after_render(ev, move |root| {
        if let Some(el) =
            event_in(&root, &id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
            scroll_into_view(&el);
        }
    });
}

/// Moves focus to the n-th chart marker in the widget the event came from.
pub fn focus_marker_near(ev: &web_sys::KeyboardEvent, index: usize) {
    after_render(ev, move |root| {
        if let Ok(list) = root.query_selector_all("[data-p1-role=\"marker\"]") {
            if let Some(el) = list
                .item(index as u32)
                .and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok())
            {
                let _ = el.focus();
            }
        }
    });
}

/// Scrolls the timeline to an event chosen on the chart (without moving focus).
pub fn reveal_event_near(ev: &web_sys::Event, id: &str) {
    let id = id.to_string();
    after_render(ev, move |root| {
        if let Some(el) = event_in(&root, &id) {
            scroll_into_view(&el);
        }
    });
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
    let selector = format!("[data-p1-role=\"marker\"][data-event-ids~=\"{id}\"]");
    after_render(ev, move |root| {
        if let Ok(Some(m)) = root.query_selector(&selector) {
            if let Ok(m) = m.dyn_into::<web_sys::SvgElement>() {
                let _ = m.focus();
            }
        }
    });
}

/// When what `key` names opens (a marker's panel), moves focus to `node` (its heading)
/// without scrolling, then scrolls the panel's head and first event into view only as
/// far as they need.
#[hook]
pub fn use_reveal(node: &NodeRef, key: Option<Rc<[String]>>) {
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

/// When `on` turns true, focus `node` (scrolled into view only as far as it needs): the
/// guess's result, once the controls that had focus are gone.
#[hook]
pub fn use_focus_on(node: &NodeRef, on: bool) {
    let node = node.clone();
    use_effect_with(on, move |on| {
        if *on {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let opts = web_sys::FocusOptions::new();
                opts.set_prevent_scroll(true);
                let _ = el.focus_with_options(&opts);
                scroll_into_view(&el);
            }
        }
    });
}
