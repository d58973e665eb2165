//! Iframe embedding (wasm only): keeps the parent page told of the widget's height, in
//! both the pym.js and the AMP (`embed-size`) formats, and answers pym's `width` messages.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Starts height messaging for this page. `child_id` is pym's id from the query string.
/// Returns false when the page is not inside a frame.
pub fn start(child_id: Option<String>) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let Some(html) = document.document_element() else {
        return false;
    };
    let framed = window.parent().ok().flatten().is_some_and(|p| p != window);
    let classes = html.class_list();
    let _ = classes.remove_2("embedded", "not-embedded");
    let _ = classes.add_1(if framed { "embedded" } else { "not-embedded" });
    if !framed {
        return false;
    }
    let last = Rc::new(Cell::new(0i32));
    let send = {
        let window = window.clone();
        let html = html.clone();
        let last = last.clone();
        move |force: bool| {
            // documentElement, so the height shrinks as well as grows.
            let h = html.get_bounding_client_rect().height().ceil() as i32;
            if h <= 0 || (!force && h == last.get()) {
                return;
            }
            last.set(h);
            let Ok(Some(parent)) = window.parent() else {
                return;
            };
            if let Some(id) = &child_id {
                let _ = parent.post_message(
                    &JsValue::from_str(&format!("pymxPYMx{id}xPYMxheightxPYMx{h}")),
                    "*",
                );
            }
            let amp = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
            let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
            let _ = js_sys::Reflect::set(&amp, &"height".into(), &JsValue::from(h));
            let _ = parent.post_message(&amp, "*");
        }
    };
    let send = Rc::new(send);

    // Every change of content height: first render, data loaded, filters, sections opened.
    let on_resize = {
        let send = send.clone();
        Closure::<dyn FnMut()>::new(move || send(false))
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
        let send = send.clone();
        let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| send(false));
        let _ = ready.then(&cb);
        cb.forget();
    }

    // pym parents send their width on load and on resize; answer with the height.
    let on_message = {
        let send = send.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(msg) = ev.data().as_string() {
                if msg.starts_with("pymxPYMx") && msg.contains("xPYMxwidthxPYMx") {
                    send(true);
                }
            }
        })
    };
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    send(false);
    true
}
