//! Iframe embedding (wasm only): keeps the parent page told of the widget's height, in
//! both the pym.js and the AMP (`embed-size`) formats, and answers pym's `width` messages.
//!
//! At most one answer per animation frame: a changed height, or the one reply a pym
//! `width` message or a [`SIZE_REQUEST`] is owed. Messages are taken only from the parent
//! window: pym's with this frame's `childId`, and `resize.js`'s request, which it sends
//! when it starts so that a parent listening late still hears the height.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// What the next frame has to send.
#[derive(Default)]
struct Pending {
    scheduled: Cell<bool>,
    /// A pym `width` message is owed its height.
    owed: Cell<bool>,
    /// A [`SIZE_REQUEST`] is owed an AMP `embed-size` message.
    owed_amp: Cell<bool>,
    last: Cell<i32>,
}

/// What `static/resize.js` sends a frame to be told its height, changed or not.
pub const SIZE_REQUEST: &str = "phase-one:embed-size?";

/// Starts height messaging for this page. `child_id` and `parent_url` are pym's, from
/// the query string. Returns false when the page is not inside a frame.
pub fn start(child_id: Option<String>, parent_url: Option<String>) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let Some(html) = document.document_element() else {
        return false;
    };
    let parent = window.parent().ok().flatten().filter(|p| *p != window);
    let classes = html.class_list();
    let _ = classes.remove_2("embedded", "not-embedded");
    let _ = classes.add_1(if parent.is_some() {
        "embedded"
    } else {
        "not-embedded"
    });
    let Some(parent) = parent else {
        return false;
    };
    // pym's messages go only to the article's origin, when pym told us what it is.
    let pym_target = parent_url
        .and_then(|u| web_sys::Url::new(&u).ok())
        .map(|u| u.origin())
        .filter(|o| o.starts_with("http"))
        .unwrap_or_else(|| "*".to_string());
    let pending = Rc::new(Pending::default());

    let send = {
        let html = html.clone();
        let parent = parent.clone();
        let pending = pending.clone();
        let child_id = child_id.clone();
        move || {
            pending.scheduled.set(false);
            let owed = pending.owed.replace(false);
            let owed_amp = pending.owed_amp.replace(false);
            // documentElement, so the height shrinks as well as grows.
            let h = html.get_bounding_client_rect().height().ceil() as i32;
            let changed = h > 0 && h != pending.last.get();
            if !changed && !owed && !owed_amp {
                return;
            }
            pending.last.set(h);
            if let Some(id) = &child_id {
                let _ = parent.post_message(
                    &JsValue::from_str(&format!("pymxPYMx{id}xPYMxheightxPYMx{h}")),
                    &pym_target,
                );
            }
            if changed || owed_amp {
                let amp = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
                let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
                let _ = js_sys::Reflect::set(&amp, &"height".into(), &JsValue::from(h));
                let _ = parent.post_message(&amp, "*");
            }
        }
    };
    let frame = Closure::<dyn FnMut()>::new(send);
    let frame_fn: js_sys::Function = frame.as_ref().unchecked_ref::<js_sys::Function>().clone();
    frame.forget();
    let schedule = {
        let window = window.clone();
        let pending = pending.clone();
        move |owe: Owe| {
            match owe {
                Owe::Nothing => {}
                Owe::Pym => pending.owed.set(true),
                Owe::Amp => pending.owed_amp.set(true),
            }
            if !pending.scheduled.replace(true) {
                let _ = window.request_animation_frame(&frame_fn);
            }
        }
    };
    let schedule = Rc::new(schedule);

    // Every change of content height: first render, data loaded, filters, sections opened.
    let on_resize = {
        let schedule = schedule.clone();
        Closure::<dyn FnMut()>::new(move || schedule(Owe::Nothing))
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&html);
        if let Some(body) = document.body() {
            observer.observe(&body);
        }
    }
    on_resize.forget();

    // Fonts loading can change the height without a resize of the layout viewport.
    if let Ok(ready) = document.fonts().ready() {
        let schedule = schedule.clone();
        let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| schedule(Owe::Nothing));
        let _ = ready.then(&cb);
        cb.forget();
    }

    // pym parents send their width on load and on resize; each is owed one height.
    // resize.js asks once when it starts.
    const MAX_MESSAGE: u32 = 256;
    let pym_prefix = child_id.map(|id| format!("pymxPYMx{id}xPYMxwidthxPYMx"));
    let on_message = {
        let schedule = schedule.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            // Compared as values: the parent's window is not an instance of this frame's
            // `Window`, so a type check would always fail.
            let from_parent = ev
                .source()
                .is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
            if !from_parent {
                return;
            }
            // Only a short string crosses into the wasm's memory: a message of any other
            // type, or megabytes long, is left where it is.
            let data = ev.data();
            let short = data
                .dyn_ref::<js_sys::JsString>()
                .is_some_and(|s| s.length() <= MAX_MESSAGE);
            let Some(message) = data.as_string().filter(|_| short) else {
                return;
            };
            if message == SIZE_REQUEST {
                schedule(Owe::Amp);
            } else if pym_prefix
                .as_ref()
                .is_some_and(|p| message.starts_with(p.as_str()))
            {
                schedule(Owe::Pym);
            }
        })
    };
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    schedule(Owe::Nothing);
    true
}

/// What a scheduled frame owes besides a changed height.
enum Owe {
    Nothing,
    Pym,
    Amp,
}
