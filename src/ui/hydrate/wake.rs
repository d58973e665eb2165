//! What wakes the islands, and focus across their swap (browser only).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::focus_watch::FocusWatch;

/// The longest the islands wait for the browser to be idle, once the reader's view has
/// changed.
const IDLE_WAIT_MS: u32 = 500;

/// How near the viewport an island must come to wake: a screen above or below it.
const NEAR: &str = "100% 0px 100% 0px";

type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// Calls `next` in a task of its own, after the browser has had its turn (`setTimeout`).
pub fn in_a_later_task(next: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, next).forget();
}

/// Calls `f` once, at the first of:
/// - the reader reaches into an element with one of the classes `reach` (a pointer over
///   it or pressed on it, focus moved into it) or presses Tab anywhere: `f(true)`;
/// - one of those elements comes within a screen of the viewport: `f(false)`;
/// - the returned function is called (the reader's view has changed, so the prerendered
///   islands no longer show it), and then the browser is idle (at most [`IDLE_WAIT_MS`]
///   later): `f(false)`.
///
/// A reader's input elsewhere (a slider) doesn't call it by itself. From then on, `focus`
/// follows where focus is in the widget, for [`restore_focus`].
pub fn when_needed(
    reach: Rc<RefCell<Vec<&'static str>>>,
    focus: Rc<RefCell<FocusWatch>>,
    f: impl FnOnce(bool) + 'static,
) -> Rc<dyn Fn()> {
    let (Some(window), Some(document)) = (
        web_sys::window(),
        web_sys::window().and_then(|w| w.document()),
    ) else {
        f(false);
        return Rc::new(|| {});
    };
    type Todo = RefCell<Option<Box<dyn FnOnce(bool)>>>;
    let todo: Rc<Todo> = Rc::new(RefCell::new(Some(Box::new(f))));
    let listeners: Rc<RefCell<Vec<(&'static str, Listener)>>> = Rc::default();
    let near: Rc<RefCell<Option<web_sys::IntersectionObserver>>> = Rc::default();
    let fire = {
        let (todo, listeners, near, document) = (
            todo.clone(),
            listeners.clone(),
            near.clone(),
            document.clone(),
        );
        move |reached: bool| {
            let f = todo.borrow_mut().take();
            if let Some(f) = f {
                // The listeners go in a later task: one of them may be running now.
                let (listeners, doc) = (listeners.clone(), document.clone());
                in_a_later_task(move || {
                    for (name, l) in listeners.borrow_mut().drain(..) {
                        remove(&doc, name, &l);
                    }
                });
                if let Some(observer) = near.borrow_mut().take() {
                    observer.disconnect();
                }
                watch_focus(&focus);
                f(reached);
            }
        }
    };
    let fire = Rc::new(fire);
    for name in ["pointerover", "pointerdown", "focusin", "keydown"] {
        let (fire, reach) = (fire.clone(), reach.clone());
        let l = Listener::new(move |ev: web_sys::Event| {
            let reached = match ev.dyn_ref::<web_sys::KeyboardEvent>() {
                Some(k) => k.key() == "Tab",
                None => ev.composed_path().iter().any(|n| {
                    n.dyn_ref::<web_sys::Element>().is_some_and(|el| {
                        reach.borrow().iter().any(|c| el.class_list().contains(c))
                    })
                }),
            };
            if reached {
                (*fire)(true);
            }
        });
        add(&document, name, &l);
        listeners.borrow_mut().push((name, l));
    }
    {
        // In a later task: every island has said by then which classes it has.
        let (todo, near, fire) = (todo.clone(), near.clone(), fire.clone());
        in_a_later_task(move || {
            if todo.borrow().is_some() {
                *near.borrow_mut() = watch_near(&document, &reach.borrow(), fire);
            }
        });
    }
    let armed = Cell::new(false);
    Rc::new(move || {
        if todo.borrow().is_some() && !armed.replace(true) {
            when_idle(&window, fire.clone());
        }
    })
}

/// Calls `fire(false)` once any element with one of the classes `reach` comes within
/// [`NEAR`] of the viewport (the observer, to disconnect once fired).
fn watch_near(
    document: &web_sys::Document,
    reach: &[&'static str],
    fire: Rc<impl Fn(bool) + 'static>,
) -> Option<web_sys::IntersectionObserver> {
    let selector = reach
        .iter()
        .map(|c| format!(".{c}"))
        .collect::<Vec<_>>()
        .join(",");
    let targets = document.query_selector_all(&selector).ok()?;
    let seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|e| {
            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if near {
            (*fire)(false);
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(NEAR);
    let observer =
        web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options)
            .ok()?;
    // The observer lives as long as the page (it is disconnected once fired).
    seen.forget();
    for i in 0..targets.length() {
        if let Some(el) = targets
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            observer.observe(&el);
        }
    }
    Some(observer)
}

/// Calls `fire(false)` when the browser is next idle (at most [`IDLE_WAIT_MS`] later).
fn when_idle(window: &web_sys::Window, fire: Rc<impl Fn(bool) + 'static>) {
    let idle = Closure::once_into_js(move || (*fire)(false));
    let ric = js_sys::Reflect::get(window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("timeout"),
        &JsValue::from(IDLE_WAIT_MS),
    );
    let scheduled = ric.is_some_and(|ric| ric.call2(window, &idle, &options).is_ok());
    if !scheduled {
        let _ = window.set_timeout_with_callback(idle.unchecked_ref());
    }
}

fn add(doc: &web_sys::Document, name: &str, l: &Listener) {
    let _ = doc.add_event_listener_with_callback_and_bool(name, l.as_ref().unchecked_ref(), true);
}

fn remove(doc: &web_sys::Document, name: &str, l: &Listener) {
    let _ =
        doc.remove_event_listener_with_callback_and_bool(name, l.as_ref().unchecked_ref(), true);
}

/// Notes where focus is in the widget now, and again on every `focusin` until
/// [`stop_watching_focus`]; focus moving out of the widget forgets it. Already watching,
/// it does nothing.
pub fn watch_focus(focus: &Rc<RefCell<FocusWatch>>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if focus.borrow().stop.is_some() {
        return;
    }
    let note = {
        let focus = focus.clone();
        move |el: Option<web_sys::Element>| {
            focus.borrow_mut().seen = el
                .filter(|el| el.closest(".p1").ok().flatten().is_some())
                .and_then(|el| focus_path(&el).map(|(root, path)| (el, root, path)));
        }
    };
    note(document.active_element());
    let l = Listener::new(move |ev: web_sys::Event| {
        note(
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        );
    });
    add(&document, "focusin", &l);
    let doc = document.clone();
    focus.borrow_mut().stop = Some(Box::new(move || remove(&doc, "focusin", &l)));
}

/// Stops following focus (every part has swapped in).
pub fn stop_watching_focus(focus: &Rc<RefCell<FocusWatch>>) {
    let stop = focus.borrow_mut().stop.take();
    if let Some(stop) = stop {
        stop();
    }
}

/// After a swap: if the element that had focus was swapped out, focus goes to its twin in
/// the new markup, without scrolling.
pub fn restore_focus(focus: &Rc<RefCell<FocusWatch>>) {
    let seen = {
        let mut w = focus.borrow_mut();
        let gone = w.seen.as_ref().is_some_and(|(old, ..)| !old.is_connected());
        if gone { w.seen.take() } else { None }
    };
    let Some((_, root, path)) = seen else {
        return;
    };
    let Some(el) = node_at(&root, &path) else {
        return;
    };
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    // An HTML element, or an SVG one (a chart marker).
    let _ = match el.dyn_into::<web_sys::HtmlElement>() {
        Ok(html) => html.focus_with_options(&opts),
        Err(el) => match el.dyn_into::<web_sys::SvgElement>() {
            Ok(svg) => svg.focus_with_options(&opts),
            Err(_) => Ok(()),
        },
    };
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
